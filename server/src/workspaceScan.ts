import { createHash } from '../../core/src/lazyModules';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { computeCompliance, type ComplianceReport, type WorkspaceFact } from '../../core/src/compliance/model';
import { DEFAULT_MAX_FILE_SIZE, isAnalysisFailure } from '../../core/src/engine';
import { rules } from '../../core/src/rules';
import type { Finding } from '../../core/src/types';
import { fileKindOf } from '../../core/src/fileKinds';
import { readTextSync } from '../../core/src/gitignore';
import { isWalked, walkFiles } from '../../core/src/walk';

/** One file's result: its findings (silenced ones marked) and why it was skipped or not fully analysed, if it was. */
export interface FileResult {
  findings: Finding[];
  skipped?: string;
}

export interface ScanHooks {
  /** Analyses one file of a folder with that folder's settings, the program index and the file host. */
  analyze(file: string, text: string, folder: string): Promise<FileResult>;
  /** The secrets of a `.env` over the size limit, read line by line (the rest of it is skipped). */
  largeEnv?(file: string, folder: string): Promise<Finding[]>;
  /** Globs from `files.exclude` and the like, relative to the folder. */
  excludes(folder: string): Promise<string[]>;
  facts(folder: string): WorkspaceFact[];
  /** Text of an open document, which wins over the disk. */
  openText(file: string): string | undefined;
}

export interface ScanProgress {
  report(done: number, total: number | undefined, message: string): void;
  readonly cancelled: boolean;
}

interface CacheEntry {
  hash: string;
  findings: Finding[];
  /** Why the file was passed over or not fully analysed: listed in the panel, never counted clean. */
  skipped?: string;
  /** False when the file could not be read at all: listed as skipped, not counted as scanned. */
  read: boolean;
  /** Its findings depend on other modules (a program rule ran): re-judged when the program changes. */
  programDependent: boolean;
}

const PROGRAM_KEYWORDS = rules.filter((r) => r.summarize || r.meta.kinds.includes('env')).flatMap((r) => r.meta.keywords);

/**
 * The background scan behind the compliance panel: every file of every folder, cached per content hash so
 * a rescan after one edit analyses one file, yielding to the event loop between files so keystrokes are
 * answered meanwhile, and cancellable.
 */
export class WorkspaceScanner {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly files = new Map<string, Set<string>>();
  private readonly reports = new Map<string, ComplianceReport>();
  /** Per folder, the `files.exclude` matcher of its last scan: updates leave out what the scan left out. */
  private readonly excluded = new Map<string, (relative: string) => boolean>();

  constructor(private readonly hooks: ScanHooks) {}

  report(folder: string): ComplianceReport | undefined {
    return this.reports.get(folder);
  }

  /** All findings of the folder's last scan, per file. */
  findingsByFile(folder: string): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    // Silenced findings are kept for the panel's counts, never shown as diagnostics.
    for (const file of this.files.get(folder) ?? []) out.set(file, (this.cache.get(file)?.findings ?? []).filter((f) => !f.suppression));
    return out;
  }

  /** Settings changed: every cached result may be wrong. */
  clear(): void {
    this.cache.clear();
  }

  /** Another module's facts changed: files whose findings depend on the program are judged again. */
  programChanged(): void {
    for (const [file, entry] of this.cache) if (entry.programDependent) this.cache.delete(file);
  }

  async scan(folders: string[], progress: ScanProgress): Promise<ComplianceReport[] | undefined> {
    const reports: ComplianceReport[] = [];
    for (const folder of folders) {
      const excluded = picomatch(await this.hooks.excludes(folder), { dot: true });
      this.excluded.set(folder, excluded);
      const listed = [...walkFiles(folder, { cancelled: () => progress.cancelled })]
        .filter((f) => !excluded(path.relative(folder, f.file).split(path.sep).join('/')));
      if (progress.cancelled) return undefined;
      const seen = new Set<string>();
      let done = 0;
      let lastYield = Date.now();
      for (const f of listed) {
        if (progress.cancelled) return undefined;
        if (await this.analyzeFile(f.file, f.size, folder)) seen.add(f.file);
        done++;
        if (Date.now() - lastYield > 15) {
          progress.report(done, listed.length, path.relative(folder, f.file));
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
      }
      for (const old of this.files.get(folder) ?? []) if (!seen.has(old)) this.cache.delete(old);
      this.files.set(folder, seen);
      reports.push(this.compute(folder));
    }
    return reports;
  }

  /**
   * A path changed on disk or in the editor: re-analyse it alone and recompute its folder's report. A watcher
   * reports a folder created or deleted with its files in it once, as the folder (a `git checkout`, an
   * unpacked archive, `rm -r`): its files are analysed or forgotten together. What the scan leaves out
   * (skipped folders, git-ignored files, `files.exclude`) is left out here too.
   */
  async update(target: string, folder: string): Promise<ComplianceReport | undefined> {
    const known = this.files.get(folder);
    if (!known) return undefined;
    const excluded = this.excluded.get(folder) ?? (() => false);
    const listed = (file: string, isDirectory = false) =>
      isWalked(folder, file, isDirectory) && !excluded(path.relative(folder, file).split(path.sep).join('/'));
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(target);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      if (listed(target, true)) {
        for (const f of walkFiles(target)) {
          if (!listed(f.file)) continue;
          if (await this.analyzeFile(f.file, f.size, folder)) known.add(f.file);
        }
      }
    } else if (stat === undefined && this.hooks.openText(target) === undefined) {
      const below = target + path.sep;
      for (const file of [...known]) {
        if (file === target || file.startsWith(below)) this.forget(file, known);
      }
    } else if (stat?.isSymbolicLink() || !listed(target)) {
      this.forget(target, known);
    } else if (await this.analyzeFile(target, Math.max(stat?.size ?? 0, 0), folder)) known.add(target);
    else known.delete(target);
    return this.compute(folder);
  }

  private forget(file: string, known: Set<string>): void {
    known.delete(file);
    this.cache.delete(file);
  }

  /** False when the file is gone (deleted between the listing and the read): it is not known any more. */
  private async analyzeFile(file: string, size: number, folder: string): Promise<boolean> {
    let text = this.hooks.openText(file);
    if (text === undefined) {
      if (size > DEFAULT_MAX_FILE_SIZE) {
        let skipped = `larger than ${Math.round(DEFAULT_MAX_FILE_SIZE / 1024)} KiB`;
        let findings: Finding[] = [];
        // A big .env still has its secrets looked for, line by line: its size must not hide them.
        if (fileKindOf(file) === 'env' && this.hooks.largeEnv) {
          findings = await this.hooks.largeEnv(file, folder);
          skipped += '; checked line by line for secrets only';
        }
        this.cache.set(file, { hash: `size:${size}`, findings, skipped, read: true, programDependent: false });
        return true;
      }
      text = readTextSync(file);
      if (text === undefined) {
        // Still a regular file (permissions, a read error): said, not dropped. A file deleted or replaced by a
        // FIFO meanwhile is not one the walk would list.
        if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
          this.cache.delete(file);
          return false;
        }
        this.cache.set(file, { hash: 'unreadable', findings: [], skipped: 'unreadable', read: false, programDependent: false });
        return true;
      }
    }
    const hash = createHash('sha1').update(text).digest('hex');
    if (this.cache.get(file)?.hash === hash) return true;
    const lower = text.toLowerCase();
    const programDependent = PROGRAM_KEYWORDS.some((k) => lower.includes(k));
    const result = await this.hooks.analyze(file, text, folder);
    this.cache.set(file, { hash, findings: result.findings, skipped: result.skipped, read: true, programDependent });
    return true;
  }

  private compute(folder: string): ComplianceReport {
    const entries = [...(this.files.get(folder) ?? [])].map((file) => ({ file, entry: this.cache.get(file) }));
    const findings = entries.flatMap(({ entry }) => entry?.findings ?? []);
    const skipped = entries.flatMap(({ file, entry }) => (entry?.skipped ? [{ file, reason: entry.skipped, failed: isAnalysisFailure(entry.skipped) }] : []));
    const scanned = entries.filter(({ entry }) => entry?.read !== false).length;
    const report = computeCompliance(folder, findings, this.hooks.facts(folder), rules.map((r) => r.meta), scanned, skipped);
    this.reports.set(folder, report);
    return report;
  }
}
