import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from './config';
import { DEFAULT_MAX_FILE_SIZE } from './engine';
import { analyseFile, analyseProgram, splitRules, type AnalysisEnv, type DeferredFile, type FileAnalysis, type FileJob, type FileStat, type LocalAnalysis } from './fileAnalysis';
import { fileKindOf } from './fileKinds';
import { isGitTracked } from './git/tracked';
import { GitIgnoreStack, readTextSync } from './gitignore';
import { scanLargeEnv } from './largeEnv';
import type { FixDescriptor } from './fixes/types';
import { ProgramIndex } from './program';
import type { Finding } from './types';
import { walkFiles } from './walk';
import { unpreparedLanguage } from './treesitter/prepare';
import type { TreeLanguage } from './treesitter/runtime';
import type { CachedAnalysis } from './cli/cache';
import type { FileResult, ScanOptions, ScanOutput } from './scan';

/** A file the walk found, before anything is decided about it. */
interface Visit {
  file: string;
  size: number;
  gitIgnored: boolean;
  gitTracked: boolean;
  /** The walk's stat of a regular file it just listed, so the file is not stat'ed twice. */
  listed?: FileStat;
}

/**
 * One scan's state and steps, shared by the single-threaded scan (`scanPaths`) and the CLI's worker pool
 * (`cli/parallelScan.ts`): the walk, what is decided about a file before it is read (size, cache), how an
 * analysis is taken into the output, the program index and the program phase. Every change to the output
 * goes through `emit`, which the single-threaded scan runs at once and the pool runs in walk order, so both
 * produce the same output whichever thread analysed a file and whenever it answered.
 */
export class ScanRun {
  readonly out: ScanOutput = { files: [], filesScanned: 0, skipped: [], cancelled: false, fromCache: 0, filesRead: 0 };
  readonly env: AnalysisEnv;
  readonly index: ProgramIndex;
  /** Only the paths: keeping every program-rule file's text to the end of the scan grows with the repository. */
  readonly deferred: DeferredFile[] = [];
  readonly keep: boolean;
  private readonly byFile = new Map<string, FileResult>();

  constructor(readonly options: ScanOptions, readonly emit: (effect: () => void) => void = (effect) => effect()) {
    const { fileRules, programRules } = splitRules();
    const host = options.cache?.host ?? options.host;
    this.env = { config: options.config ?? defaultConfig(), maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, host, fileRules, programRules };
    this.index = new ProgramIndex(programRules, host);
    this.keep = options.fixes === true;
  }

  get cache() {
    return this.options.cache;
  }

  /** The files under the given paths in walk order; what the walk cannot read is emitted as skipped. */
  *visits(paths: string[]): Generator<Visit> {
    const { out, options } = this;
    const useGitignore = options.gitignore !== false;
    for (const p of paths) {
      const abs = path.resolve(options.root, p);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(abs);
      } catch {
        this.emit(() => out.skipped.push({ file: abs, reason: 'not found' }));
        continue;
      }
      if (stat.isDirectory()) {
        const cancelled = () => (out.cancelled ||= out.needsLanguage !== undefined || (options.cancelled?.() ?? false));
        const onUnreadable = (dir: string, code: string) => this.emit(() => out.skipped.push({ file: dir, reason: `unreadable folder (${code})` }));
        // The index that could not be read is the one file passed over; the walk goes on by .gitignore.
        const onNotice = (indexPath: string, reason: string) => this.emit(() => out.skipped.push({ file: indexPath, reason }));
        for (const f of walkFiles(abs, { gitignore: useGitignore, cancelled, onUnreadable, onNotice })) {
          yield { file: f.file, size: f.size, gitIgnored: f.gitIgnored, gitTracked: f.tracked ?? false, listed: f.mtimeMs === undefined ? undefined : f as FileStat };
        }
      } else {
        // A file named on the command line: git does not ignore what it tracks.
        const tracked = useGitignore && isGitTracked(abs);
        const ignored = useGitignore && !tracked && GitIgnoreStack.forDirectory(path.dirname(abs)).ignores(abs);
        yield { file: abs, size: stat.size, gitIgnored: ignored, gitTracked: tracked };
      }
      if (out.cancelled) return;
    }
  }

  /**
   * What can be decided about a file without reading it: too large, not a regular file, the cache's own
   * file, or unchanged since the cache's run (its results are taken as they are). Else the file to analyse.
   */
  admit(v: Visit): FileJob | undefined {
    const { out, cache } = this;
    const file = v.file;
    if (v.size > this.env.maxFileSize) {
      this.emit(() => {
        out.skipped.push({ file, reason: `larger than ${Math.round(this.env.maxFileSize / 1024)} KiB` });
        // A `.env` of any size is still read line by line for secrets: a big one must not hide them.
        if (fileKindOf(file) === 'env') this.largeEnv(file, v.gitIgnored);
      });
      return undefined;
    }
    let stat = v.listed;
    if (!stat) {
      try {
        // Only regular files: a FIFO named on the command line would block the read forever.
        const now = fs.statSync(file);
        if (!now.isFile()) {
          this.emit(() => out.skipped.push({ file, reason: 'not a regular file' }));
          return undefined;
        }
        stat = now;
      } catch (error) {
        this.unreadable(file, error);
        return undefined;
      }
    }
    if (cache?.owns(file)) return undefined;
    const relativePath = path.relative(this.options.root, file).split(path.sep).join('/');
    const job: FileJob = { file, relativePath, gitIgnored: v.gitIgnored, gitTracked: v.gitTracked, rest: `${v.gitIgnored}|${v.gitTracked}|${relativePath}`,
      stat: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino } };
    // Read only when the cache could not vouch for the file (the report needs the findings, not the text).
    const unchanged = cache?.lookupUnchanged(file, stat, job.rest);
    if (unchanged) {
      this.emit(() => this.takeCached(job, unchanged.entry, unchanged.hash, ''));
      return undefined;
    }
    return job;
  }

  unreadable(file: string, error: unknown, emit = this.emit): void {
    emit(() => this.out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` }));
  }

  /**
   * Reads and analyses a file in this thread, and emits its one change to the output (through `emit`: the
   * pool's slot for the file). Yields the tree-sitter language the file needs when its grammar is not loaded
   * yet: the caller loads it and resumes, or stops the scan (`needsLanguage`).
   */
  *analyseHere(job: FileJob, emit = this.emit): Generator<TreeLanguage, void, void> {
    this.options.beforeRead?.();
    let text: string;
    try {
      text = fs.readFileSync(job.file, 'utf8');
    } catch (error) {
      this.unreadable(job.file, error, emit);
      return;
    }
    this.out.filesRead++;
    const hash = this.cache ? this.cache.hash(text) : '';
    const cached = this.cache?.lookup(job.file, `${hash}|${job.rest}`, job.stat);
    if (cached) {
      emit(() => this.takeCached(job, cached, hash, text));
      return;
    }
    const language = unpreparedLanguage(job.file, text);
    if (language) yield language;
    const analysis = analyseFile(job, text, this.env);
    emit(() => this.take(job, analysis, hash, text));
  }

  /** A file whose results the persistent cache holds. */
  takeCached(job: FileJob, cached: CachedAnalysis, hash: string, text: string): void {
    const { out } = this;
    out.filesScanned++;
    out.fromCache++;
    this.options.onFile?.(job.file, out.filesScanned);
    if (cached.skipped) out.skipped.push({ file: job.file, reason: cached.skipped });
    const suppressed = [...(cached.suppressed ?? [])];
    if (cached.findings.length > 0 || suppressed.length > 0) this.addFile({ file: job.file, text: this.keep ? text : '', findings: [...cached.findings], suppressed, fixes: new Map() });
    if (cached.summary) this.index.restore(job.file, hash, cached.summary);
    if (cached.needsProgram) this.deferred.push(deferredOf(job));
  }

  /** A file's analysis, from this thread (`fixes` and the text with it, for `--fix`) or from a worker. */
  take(job: FileJob, a: FileAnalysis & { fixes?: LocalAnalysis['fixes'] }, hash: string, text = ''): void {
    const { out, cache, keep } = this;
    const key = `${hash}|${job.rest}`;
    out.filesScanned++;
    this.options.onFile?.(job.file, out.filesScanned);
    if (a.skipped) out.skipped.push({ file: job.file, reason: a.skipped });
    if (a.findings.length > 0 || a.suppressed.length > 0) this.addFile({ file: job.file, text: keep ? text : '', findings: a.findings, suppressed: a.suppressed, fixes: keep && a.fixes ? a.fixes : new Map() });
    if (a.skipped) {
      cache?.store(job.file, { key, stat: job.stat, findings: [...a.findings], suppressed: [...a.suppressed], skipped: a.skipped });
      return;
    }
    if (a.summary) this.index.restore(job.file, a.summary.hash, a.summary);
    if (a.needsProgram) this.deferred.push(deferredOf(job));
    // A copy: program findings are added to the file's list later, and they are cached apart.
    cache?.store(job.file, { key, stat: job.stat, findings: [...a.findings], suppressed: [...a.suppressed], summary: a.summary ? this.index.summaryOf(job.file) : undefined, needsProgram: a.needsProgram });
  }

  /**
   * The program phase: program rules judge the summaries of every module (their cached results hold while
   * none changed). Yields the tree-sitter language a file needs when its grammar is not loaded (a file whose
   * file-rule results came from the cache was never read in this run): load it and resume, or stop.
   */
  *program(): Generator<TreeLanguage, void, void> {
    const fingerprint = this.programFingerprint();
    for (const d of this.deferred) {
      const cached = this.cache?.lookupProgram(d.file, fingerprint);
      if (cached) this.emit(() => this.takeProgram(d, cached.findings, cached.suppressed));
      else yield* this.judgeHere(d, fingerprint);
    }
  }

  /** What the program rules' cached results are valid for: the summaries of every module. */
  programFingerprint(): string {
    return this.cache ? this.index.fingerprint() : '';
  }

  /** The program rules over one deferred file in this thread; yields a grammar to load, as `analyseHere`. */
  *judgeHere(d: DeferredFile, fingerprint: string, emit = this.emit): Generator<TreeLanguage, void, void> {
    // Read again rather than kept: the page cache makes it cheap, and memory stays bounded on 50k files.
    const text = readTextSync(d.file);
    if (text === undefined) return emit(() => undefined);
    const language = unpreparedLanguage(d.file, text);
    if (language) yield language;
    const result = analyseProgram(d, text, this.index.view(d.file), this.env);
    emit(() => {
      this.cache?.storeProgram(d.file, fingerprint, [...result.findings], [...result.suppressed]);
      this.takeProgram(d, result.findings, result.suppressed, text, result.fixes);
    });
  }

  /** A deferred file's program findings, added to its file-rule findings (or as a new file of the output). */
  takeProgram(d: DeferredFile, findings: Finding[], suppressed: Finding[], text = '', fixes?: Map<Finding, FixDescriptor[]>): void {
    if (findings.length === 0 && suppressed.length === 0) return;
    const existing = this.byFile.get(d.file);
    if (existing) {
      existing.suppressed.push(...suppressed);
      existing.findings.push(...findings);
      existing.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
      // Reading a deferred fix list computes it: only for --fix.
      if (this.keep && fixes) for (const [finding, list] of fixes) existing.fixes.set(finding, list);
    } else {
      this.addFile({ file: d.file, text: this.keep ? text : '', findings, suppressed, fixes: this.keep && fixes ? fixes : new Map() });
    }
  }

  private addFile(result: FileResult): void {
    this.out.files.push(result);
    this.byFile.set(result.file, result);
  }

  private largeEnv(file: string, gitIgnored: boolean): void {
    const { out } = this;
    try {
      if (!fs.statSync(file).isFile()) return;
      const relativePath = path.relative(this.options.root, file).split(path.sep).join('/');
      const findings = scanLargeEnv(file, { config: this.env.config, relativePath, gitIgnored });
      if (findings.length > 0) this.addFile({ file, text: '', findings, suppressed: [], fixes: new Map() });
      const last = out.skipped[out.skipped.length - 1];
      if (last?.file === file) last.reason += '; checked line by line for secrets only';
    } catch (error) {
      out.skipped.push({ file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
}

function deferredOf(job: FileJob): DeferredFile {
  return { file: job.file, relativePath: job.relativePath, gitIgnored: job.gitIgnored, gitTracked: job.gitTracked };
}
