import type { ResolvedConfig } from './config';
import type { FixDescriptor } from './fixes/types';
import type { FileHost } from './host';
import type { Finding } from './types';
import { prepareLanguage, type TreeLanguage } from './treesitter/runtime';
import type { ScanCache } from './cli/cache';
import { ScanRun } from './scanRun';

export interface ScanOptions {
  root: string;
  config?: ResolvedConfig;
  /** Respect `.gitignore` files (default true). */
  gitignore?: boolean;
  maxFileSize?: number;
  /** Called for each file analysed (progress). */
  onFile?: (file: string, done: number) => void;
  /**
   * Called before a file is read to be analysed (each time: the callee keeps its own once). The CLI tunes its heap
   * there, so that a run with nothing to analyse never loads `node:v8` (core/src/cli/memory.ts).
   */
  beforeRead?: () => void;
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
  const run = new ScanRun(options);
  const out = run.out;
  for (const visit of run.visits(paths)) {
    const job = run.admit(visit);
    // A grammar not loaded yet: the scan stops here, and `scanPathsPrepared` loads it and scans again.
    for (const language of job ? run.analyseHere(job) : []) return stopFor(out, language);
  }
  if (out.cancelled) return out;
  for (const language of run.program()) return stopFor(out, language);
  return out;
}

function stopFor(out: ScanOutput, language: TreeLanguage): ScanOutput {
  out.needsLanguage = language;
  out.cancelled = true;
  return out;
}
