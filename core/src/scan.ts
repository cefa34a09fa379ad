import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from './config';
import { FileContext } from './context';
import { analyze, DEFAULT_MAX_FILE_SIZE, ruleReads } from './engine';
import { fileKindOf } from './fileKinds';
import { isGitTracked } from './git/tracked';
import { GitIgnoreStack, readTextSync } from './gitignore';
import { scanLargeEnv } from './largeEnv';
import type { FixDescriptor } from './fixes/types';
import type { FileHost } from './host';
import { ProgramIndex } from './program';
import { rules as allRules } from './rules';
import type { Finding } from './types';
import { walkFiles } from './walk';
import { unpreparedLanguage } from './treesitter/prepare';
import { prepareLanguage, type TreeLanguage } from './treesitter/runtime';
import type { ScanCache } from './cli/cache';

/** What `--cache` compares of a file instead of reading it (`signatureOf`). */
type FileStat = { size: number; mtimeMs: number; ctimeMs?: number; ino?: number };


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
  /** `--cache`: results of unchanged files from the previous run (its host then stands for `host`). */
  cache?: ScanCache;
  /**
   * Keep each file-with-findings' text and fix lists for `applyFixes` (`--fix`). Without it only the findings
   * are kept: a deferred fix holds its file's syntax tree, and memory would grow with every such file.
   */
  fixes?: boolean;
}

export interface FileResult {
  file: string;
  /** The text the findings were made on: empty unless the scan kept it (`ScanOptions.fixes`). */
  text: string;
  findings: Finding[];
  /** Findings an inline directive silenced (reports count them; never fixed). */
  suppressed: Finding[];
  /** Empty unless the scan kept them (`ScanOptions.fixes`). */
  fixes: Map<Finding, FixDescriptor[]>;
}

export interface ScanOutput {
  files: FileResult[];
  filesScanned: number;
  skipped: Array<{ file: string; reason: string }>;
  cancelled: boolean;
  /** Files whose results came from the persistent cache (`--cache`) instead of an analysis. */
  fromCache: number;
  /** Scanned files whose text was read (work counts: an unchanged file under `--cache` is not read). */
  filesRead: number;
  /** The scan stopped (`cancelled`) at a file whose tree-sitter grammar is not loaded yet. */
  needsLanguage?: TreeLanguage;
}

/**
 * `scanPaths` for callers that can wait: the synchronous scan stops at the first file whose grammar is not
 * loaded (most scans meet none and run once), the grammar is loaded, and the scan runs again.
 */
export async function scanPathsPrepared(scan: () => ScanOutput): Promise<ScanOutput> {
  let out = scan();
  // Each language is loaded (or fails) once, so this runs at most once per tree-sitter language.
  for (let i = 0; i < 4 && out.needsLanguage; i++) {
    await prepareLanguage(out.needsLanguage);
    out = scan();
  }
  return out;
}

/**
 * Walks the given files and folders and analyses every file in them, as the CLI and the workspace scan do:
 * symbolic links are not followed (no loops), skipped folders and git-ignored paths are not entered.
 */
export function scanPaths(paths: string[], options: ScanOptions): ScanOutput {
  const config = options.config ?? defaultConfig();
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const out: ScanOutput = { files: [], filesScanned: 0, skipped: [], cancelled: false, fromCache: 0, filesRead: 0 };
  const keep = options.fixes === true;
  const cache = options.cache;
  const host = cache?.host ?? options.host;
  const useGitignore = options.gitignore !== false;
  // Rules that judge a program run after every module is indexed; the others run as each file is read.
  const programRules = allRules.filter((r) => r.summarize);
  const fileRules = allRules.filter((r) => !r.summarize);
  const index = new ProgramIndex(programRules, host);
  // Only the paths: keeping every program-rule file's text to the end of the scan grows with the repository.
  const deferred: Array<{ file: string; relativePath: string; gitIgnored: boolean; gitTracked: boolean }> = [];

  /** `listed`: the walk's stat of a regular file it just listed, so the file is not stat'ed twice. */
  const visitFile = (file: string, size: number, gitIgnored: boolean, gitTracked: boolean, listed?: FileStat) => {
    if (size > maxSize) {
      out.skipped.push({ file, reason: `larger than ${Math.round(maxSize / 1024)} KiB` });
      // A `.env` of any size is still read line by line for secrets: a big one must not hide them.
      if (fileKindOf(file) === 'env') largeEnv(file, gitIgnored);
      return;
    }
    let stat = listed;
    if (!stat) {
      try {
        // Only regular files: a FIFO named on the command line would block the read forever.
        const now = fs.statSync(file);
        if (!now.isFile()) {
          out.skipped.push({ file, reason: 'not a regular file' });
          return;
        }
        stat = now;
      } catch (error) {
        out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
    }
    if (cache?.owns(file)) return;
    const relativePath = path.relative(options.root, file).split(path.sep).join('/');
    const rest = `${gitIgnored}|${gitTracked}|${relativePath}`;
    const unchanged = cache?.lookupUnchanged(file, stat, rest);
    // Read only when the cache could not vouch for the file (the report needs the findings, not the text).
    let text = '';
    if (!unchanged) {
      try {
        text = fs.readFileSync(file, 'utf8');
        out.filesRead++;
      } catch (error) {
        out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
    }
    const fileStat = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
    const hash = unchanged ? unchanged.hash : cache ? cache.hash(text) : '';
    const key = `${hash}|${rest}`;
    const cached = unchanged?.entry ?? cache?.lookup(file, key, fileStat);
    if (cached) {
      out.filesScanned++;
      out.fromCache++;
      options.onFile?.(file, out.filesScanned);
      if (cached.skipped) out.skipped.push({ file, reason: cached.skipped });
      const suppressed = [...(cached.suppressed ?? [])];
      if (cached.findings.length > 0 || suppressed.length > 0) out.files.push({ file, text: keep ? text : '', findings: [...cached.findings], suppressed, fixes: new Map() });
      if (cached.summary) index.restore(file, hash, cached.summary);
      if (cached.needsProgram) deferred.push({ file, relativePath, gitIgnored, gitTracked });
      return;
    }
    // A grammar not loaded yet: the scan stops here, and `scanPathsPrepared` loads it and scans again.
    const language = unpreparedLanguage(file, text);
    if (language) {
      out.needsLanguage = language;
      out.cancelled = true;
      return;
    }
    const context = new FileContext(file, text, { gitIgnored, gitTracked });
    const result = analyze(context, { config, relativePath, maxFileSize: maxSize, rules: fileRules, host });
    out.filesScanned++;
    options.onFile?.(file, out.filesScanned);
    if (result.skipped) out.skipped.push({ file, reason: result.skipped });
    if (result.findings.length > 0 || result.suppressed.length > 0) out.files.push({ file, text: keep ? text : '', findings: result.findings, suppressed: result.suppressed, fixes: keep ? result.fixes : new Map() });
    if (result.skipped) {
      cache?.store(file, { key, stat: fileStat, findings: [...result.findings], suppressed: [...result.suppressed], skipped: result.skipped });
      return;
    }
    if (context.kind === 'js' || context.kind === 'go' || context.kind === 'python') index.update(file, text, context.isTestFile, context);
    const needsProgram = programRules.some((r) => ruleReads(r, context));
    if (needsProgram) deferred.push({ file, relativePath, gitIgnored, gitTracked });
    // A copy: program findings are added to the file's list later, and they are cached apart.
    cache?.store(file, { key, stat: fileStat, findings: [...result.findings], suppressed: [...result.suppressed], summary: context.kind === 'js' || context.kind === 'go' || context.kind === 'python' ? index.summaryOf(file) : undefined, needsProgram });
  };

  const largeEnv = (file: string, gitIgnored: boolean) => {
    try {
      if (!fs.statSync(file).isFile()) return;
      const relativePath = path.relative(options.root, file).split(path.sep).join('/');
      const findings = scanLargeEnv(file, { config, relativePath, gitIgnored });
      if (findings.length > 0) out.files.push({ file, text: '', findings, suppressed: [], fixes: new Map() });
      const last = out.skipped[out.skipped.length - 1];
      if (last?.file === file) last.reason += '; checked line by line for secrets only';
    } catch (error) {
      out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
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
      const cancelled = () => (out.cancelled ||= out.needsLanguage !== undefined || (options.cancelled?.() ?? false));
      const onUnreadable = (dir: string, code: string) => out.skipped.push({ file: dir, reason: `unreadable folder (${code})` });
      // The index that could not be read is the one file passed over; the walk goes on by .gitignore.
      const onNotice = (indexPath: string, reason: string) => out.skipped.push({ file: indexPath, reason });
      for (const f of walkFiles(abs, { gitignore: useGitignore, cancelled, onUnreadable, onNotice })) visitFile(f.file, f.size, f.gitIgnored, f.tracked ?? false, f.mtimeMs === undefined ? undefined : f as FileStat);
    } else {
      // A file named on the command line: git does not ignore what it tracks.
      const tracked = useGitignore && isGitTracked(abs);
      const ignored = useGitignore && !tracked && GitIgnoreStack.forDirectory(path.dirname(abs)).ignores(abs);
      visitFile(abs, stat.size, ignored, tracked);
    }
    if (out.cancelled) break;
  }
  if (out.cancelled) return out;
  // Program rules judge the summaries of every module: their cached results hold while none changed.
  const fingerprint = cache ? index.fingerprint() : '';
  const byFile = new Map(out.files.map((f) => [f.file, f]));
  for (const d of deferred) {
    const cached = cache?.lookupProgram(d.file, fingerprint);
    // Read again rather than kept: the page cache makes it cheap, and memory stays bounded on 50k files.
    const text = cached ? '' : readTextSync(d.file);
    if (text === undefined) continue;
    const result = cached ? { ...cached, fixes: new Map<Finding, FixDescriptor[]>() } : analyze(new FileContext(d.file, text, { gitIgnored: d.gitIgnored, gitTracked: d.gitTracked }), {
      config, relativePath: d.relativePath, maxFileSize: maxSize, rules: programRules, program: index.view(d.file), host,
    });
    if (!cached) cache?.storeProgram(d.file, fingerprint, [...result.findings], [...result.suppressed]);
    if (result.findings.length === 0 && result.suppressed.length === 0) continue;
    const existing = byFile.get(d.file);
    if (existing) {
      existing.suppressed.push(...result.suppressed);
      existing.findings.push(...result.findings);
      existing.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
      // Reading a deferred fix list computes it: only for --fix.
      if (keep) for (const [finding, fixes] of result.fixes) existing.fixes.set(finding, fixes);
    } else {
      const added = { file: d.file, text: keep ? text : '', findings: result.findings, suppressed: result.suppressed, fixes: keep ? result.fixes : new Map<Finding, FixDescriptor[]>() };
      out.files.push(added);
      byFile.set(d.file, added);
    }
  }
  return out;
}
