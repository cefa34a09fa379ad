import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from './config';
import { FileContext } from './context';
import { analyze, DEFAULT_MAX_FILE_SIZE } from './engine';
import { isGitTracked } from './git/tracked';
import { GitIgnoreStack } from './gitignore';
import type { FixDescriptor } from './fixes/types';
import type { FileHost } from './host';
import { ProgramIndex } from './program';
import { rules as allRules } from './rules';
import type { Finding } from './types';
import { walkFiles } from './walk';


export interface ScanOptions {
  root: string;
  config?: ResolvedConfig;
  /** Respect `.gitignore` files (default true). */
  gitignore?: boolean;
  maxFileSize?: number;
  /** Called for each file analysed (progress). */
  onFile?: (file: string, done: number) => void;
  /** Checked between files: a true return stops the scan (cancellation). */
  cancelled?: () => boolean;
  /** How rules read other files (schema, `.env.example`); the CLI passes the disk. */
  host?: FileHost;
}

export interface FileResult {
  file: string;
  text: string;
  findings: Finding[];
  fixes: Map<Finding, FixDescriptor[]>;
}

export interface ScanOutput {
  files: FileResult[];
  filesScanned: number;
  skipped: Array<{ file: string; reason: string }>;
  cancelled: boolean;
}

/**
 * Walks the given files and folders and analyses every file in them, as the CLI and the workspace scan do:
 * symbolic links are not followed (no loops), skipped folders and git-ignored paths are not entered.
 */
export function scanPaths(paths: string[], options: ScanOptions): ScanOutput {
  const config = options.config ?? defaultConfig();
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const out: ScanOutput = { files: [], filesScanned: 0, skipped: [], cancelled: false };
  const useGitignore = options.gitignore !== false;
  // Rules that judge a program run after every module is indexed; the others run as each file is read.
  const programRules = allRules.filter((r) => r.summarize);
  const fileRules = allRules.filter((r) => !r.summarize);
  const index = new ProgramIndex(programRules, options.host);
  const deferred: Array<{ file: string; text: string; relativePath: string; gitIgnored: boolean; gitTracked: boolean }> = [];

  const visitFile = (file: string, size: number, gitIgnored: boolean, gitTracked: boolean) => {
    if (size > maxSize) {
      out.skipped.push({ file, reason: `larger than ${Math.round(maxSize / 1024)} KiB` });
      return;
    }
    let text: string;
    try {
      // Only regular files: a FIFO named on the command line would block the read forever.
      if (!fs.statSync(file).isFile()) {
        out.skipped.push({ file, reason: 'not a regular file' });
        return;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const relativePath = path.relative(options.root, file).split(path.sep).join('/');
    const context = new FileContext(file, text, { gitIgnored, gitTracked });
    const result = analyze(context, { config, relativePath, maxFileSize: maxSize, rules: fileRules, host: options.host });
    out.filesScanned++;
    options.onFile?.(file, out.filesScanned);
    if (result.skipped) out.skipped.push({ file, reason: result.skipped });
    if (result.findings.length > 0) out.files.push({ file, text, findings: result.findings, fixes: result.fixes });
    if (result.skipped) return;
    if (context.kind === 'js') index.update(file, text, context.isTestFile, context);
    const needsProgram = programRules.some((r) => r.meta.kinds.includes(context.kind) &&
      (r.meta.keywords.length === 0 || r.meta.keywords.some((k) => context.lowerText.includes(k))));
    if (needsProgram) deferred.push({ file, text, relativePath, gitIgnored, gitTracked });
  };

  for (const p of paths) {
    const abs = path.resolve(options.root, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      out.skipped.push({ file: abs, reason: 'not found' });
      continue;
    }
    if (stat.isDirectory()) {
      const cancelled = () => (out.cancelled ||= options.cancelled?.() ?? false);
      const onUnreadable = (dir: string, code: string) => out.skipped.push({ file: dir, reason: `unreadable folder (${code})` });
      // The index that could not be read is the one file passed over; the walk goes on by .gitignore.
      const onNotice = (indexPath: string, reason: string) => out.skipped.push({ file: indexPath, reason });
      for (const f of walkFiles(abs, { gitignore: useGitignore, cancelled, onUnreadable, onNotice })) visitFile(f.file, f.size, f.gitIgnored, f.tracked ?? false);
    } else {
      // A file named on the command line: git does not ignore what it tracks.
      const tracked = useGitignore && isGitTracked(abs);
      const ignored = useGitignore && !tracked && GitIgnoreStack.forDirectory(path.dirname(abs)).ignores(abs);
      visitFile(abs, stat.size, ignored, tracked);
    }
    if (out.cancelled) break;
  }
  if (out.cancelled) return out;
  for (const d of deferred) {
    const result = analyze(new FileContext(d.file, d.text, { gitIgnored: d.gitIgnored, gitTracked: d.gitTracked }), {
      config, relativePath: d.relativePath, maxFileSize: maxSize, rules: programRules, program: index.view(d.file), host: options.host,
    });
    if (result.findings.length === 0) continue;
    const existing = out.files.find((f) => f.file === d.file);
    if (existing) {
      existing.findings.push(...result.findings);
      existing.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
      for (const [finding, fixes] of result.fixes) existing.fixes.set(finding, fixes);
    } else out.files.push({ file: d.file, text: d.text, findings: result.findings, fixes: result.fixes });
  }
  return out;
}
