import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from './config';
import { FileContext } from './context';
import { analyze, DEFAULT_MAX_FILE_SIZE } from './engine';
import { GitIgnoreStack } from './gitignore';
import type { FixDescriptor } from './fixes/types';
import type { Finding } from './types';

/** Folders no scan enters unless asked to scan inside them directly. */
export const DEFAULT_SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.cache', '.turbo', '.svelte-kit', '.vscode-test', '.hg', '.svn']);

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
}

export interface FileResult {
  file: string;
  text: string;
  findings: Finding[];
  fixes: Map<Finding, FixDescriptor>;
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

  const visitFile = (file: string, size: number, gitIgnored: boolean) => {
    if (size > maxSize) {
      out.skipped.push({ file, reason: `larger than ${Math.round(maxSize / 1024)} KiB` });
      return;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const relativePath = path.relative(options.root, file).split(path.sep).join('/');
    const context = new FileContext(file, text, { gitIgnored });
    const result = analyze(context, { config, relativePath, maxFileSize: maxSize });
    out.filesScanned++;
    options.onFile?.(file, out.filesScanned);
    if (result.skipped) out.skipped.push({ file, reason: result.skipped });
    if (result.findings.length > 0) out.files.push({ file, text, findings: result.findings, fixes: result.fixes });
  };

  const walk = (dir: string, stack: GitIgnoreStack | undefined) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.skipped.push({ file: dir, reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (options.cancelled?.()) {
        out.cancelled = true;
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (DEFAULT_SKIPPED_DIRS.has(entry.name)) continue;
        if (stack?.ignores(full, true)) continue;
        walk(full, stack?.enter(full));
        if (out.cancelled) return;
      } else if (entry.isFile()) {
        const ignored = stack?.ignores(full) ?? false;
        // A git-ignored `.env` is still read: the rule must know it is ignored, and other files are skipped.
        if (ignored && !/^\.env/i.test(entry.name)) continue;
        let size = 0;
        try {
          size = fs.statSync(full).size;
        } catch {
          continue;
        }
        visitFile(full, size, ignored);
      }
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
      const stack = useGitignore ? GitIgnoreStack.forDirectory(abs) : undefined;
      walk(abs, stack);
    } else {
      const ignored = useGitignore ? GitIgnoreStack.forDirectory(path.dirname(abs)).ignores(abs) : false;
      visitFile(abs, stat.size, ignored);
    }
    if (out.cancelled) break;
  }
  return out;
}
