import { createHash, randomBytes } from '../lazyModules';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../config';
import type { ModuleSummary } from '../program/types';
import type { Rule } from '../rules/types';
import type { Finding } from '../types';
import { VERSION } from '../version';
import { ReadLog, signatureOf, type ListingHost, type ReadEntry } from './cacheReads';

/** What one file's analysis produced: valid while the file, and every other file the scan's rules read, is unchanged. */
export interface CachedAnalysis {
  /** Content hash of the file, with its git-ignored flag and relative path (rules judge on them). */
  key: string;
  /** The file's metadata when it was read (`signatureOf`): an unchanged file is then not read or hashed again. */
  stat?: { size: number; mtimeMs: number; ctimeMs?: number; ino?: number };
  findings: Finding[];
  /** Findings an inline directive silenced (reports count them; `--no-inline-ignores` shows them). */
  suppressed?: Finding[];
  skipped?: string;
  /** The module's summary for the program index (JS files only). */
  summary?: Omit<ModuleSummary, 'file' | 'isTest'> & { isTest: boolean };
  needsProgram?: boolean;
  /** The program rules' findings, valid for one program fingerprint (the summaries of every module). */
  program?: { fingerprint: string; findings: Finding[]; suppressed?: Finding[] };
}

interface CacheFile {
  key: string;
  /** Every file the rules read besides the scanned ones (manifests, tsconfig, bundler configs, schemas): content hash, null for absent. */
  reads: Record<string, string | null>;
  /** The signatures that vouch for `reads` without reading them (`ReadLog`). */
  signatures?: Record<string, string>;
  files: Record<string, CachedAnalysis>;
}

/**
 * How an unchanged file is recognised, as `eslint --cache-strategy`: `metadata` (the default) trusts a file
 * whose size, modification and change time and inode are those it had, and hashes the content only when they
 * moved; `content` reads and hashes every file (for checkouts that rewrite files, or tools that restore times).
 */
export type CacheStrategy = 'metadata' | 'content';

const FILE_NAME = 'scan-cache.json';
/** Bumped when the cache file's meaning changes: an older file is dropped, never misread. */
const FORMAT = 2;

export const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * The persistent cache of `--cache` (like `eslint --cache`): per file, its content hash and the findings the
 * rules made, with the hashes of every other file the rules read; the whole cache is keyed by the version,
 * the rule set and the configuration, so a change to any of them starts afresh. Fixes are never stored (a move
 * holds the secret): `--fix` analyses every file. Written atomically (a new file renamed over the old one)
 * inside the chosen folder; a corrupt or unreadable cache is ignored with a message.
 */
export class ScanCache {
  readonly file: string;
  /** The scan's host, noting what the rules read: one object for the whole scan, so per-folder facts stay cached. */
  readonly host: ListingHost;
  private readonly key: string;
  private previous: Record<string, CachedAnalysis> = {};
  private readonly next: Record<string, CachedAnalysis> = {};
  private readonly log: ReadLog;
  /** Entries looked up or stored by this scan. */
  hits = 0;
  private dirty = false;
  /** Scanned files hashed by this scan (work counts for tests: `metadata` hashes only files whose metadata moved). */
  hashed = 0;

  constructor(location: string, config: ResolvedConfig, rules: readonly Rule[], options: Record<string, unknown>,
    disk: ListingHost, readonly strategy: CacheStrategy = 'metadata') {
    this.file = path.join(path.resolve(location), FILE_NAME);
    this.key = hashText(JSON.stringify([FORMAT, VERSION, rules.map((r) => r.meta.id), config, options]));
    this.log = new ReadLog(disk, hashText, strategy === 'metadata');
    this.host = this.log.host();
  }

  /** How the other files the rules read were checked on load: vouched for by their signature, or read again. */
  get readChecks(): { trusted: number; reread: number; rereads: string[] } {
    return { ...this.log.counts, rereads: [...this.log.rereads] };
  }

  /** Reads the cache file; returns a message when it was present but could not be used. */
  load(): string | undefined {
    let text: string;
    try {
      // Never through a link: the cache is ours, in the folder we were given.
      if (fs.lstatSync(this.file, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      return `cannot read the cache ${this.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); scanning every file`;
    }
    let parsed: Partial<CacheFile>;
    try {
      parsed = JSON.parse(text) as Partial<CacheFile>;
      if (typeof parsed !== 'object' || parsed === null || !isObject(parsed.files) || !isObject(parsed.reads)) throw new Error('shape');
    } catch {
      return `ignoring the corrupt cache ${this.file}; scanning every file`;
    }
    if (parsed.key !== this.key) return undefined;
    // A manifest, tsconfig or config that any rule read changed, appeared or went away: every result is suspect.
    const signatures = isObject(parsed.signatures) ? parsed.signatures as Record<string, string> : {};
    if (!this.log.matches(parsed.reads as Record<string, string | null>, signatures)) return undefined;
    this.previous = parsed.files as Record<string, CachedAnalysis>;
    return undefined;
  }

  /** True for the cache's own files, which a scan of the folder holding them leaves out. */
  owns(file: string): boolean {
    return path.dirname(file) === path.dirname(this.file) && path.basename(file).includes(FILE_NAME);
  }

  /** What a worker thread's rules read (`ReadLog.drain`), recorded as if this scan's host had read it. */
  adoptReads(entries: readonly ReadEntry[]): void {
    this.log.adopt(entries);
  }

  /**
   * The key a file's entry has, when it has a usable one: a worker thread that hashes the file to this key
   * answers with the hash alone, and `lookup` then takes the entry as the scan in one thread would.
   */
  previousKey(file: string): string | undefined {
    const entry = this.previous[file];
    return entry && Array.isArray(entry.findings) ? entry.key : undefined;
  }

  /** A scanned file's content hash. */
  hash(text: string): string {
    this.hashed++;
    return hashText(text);
  }

  /**
   * The cached analysis of this version of the file; `stat` is what the file's metadata is now (read before
   * the text), kept so that the next run trusts it without a read again.
   */
  lookup(file: string, key: string, stat?: CachedAnalysis['stat']): CachedAnalysis | undefined {
    const entry = this.previous[file];
    if (!entry || entry.key !== key || !Array.isArray(entry.findings)) return undefined;
    this.next[file] = { ...entry, ...(stat ? { stat } : {}), program: undefined };
    if (stat && (!entry.stat || signatureOf(stat) !== signatureOf(entry.stat))) this.dirty = true;
    this.hits++;
    return entry;
  }

  /**
   * With the `metadata` strategy, the cached analysis of a file whose metadata is what it was when it was
   * read, with the same flags and path (`rest`: the key without its hash), and the content hash it had: like
   * `eslint --cache`, an unchanged file costs a stat, no read.
   */
  lookupUnchanged(file: string, stat: NonNullable<CachedAnalysis['stat']>, rest: string): { entry: CachedAnalysis; hash: string } | undefined {
    if (this.strategy !== 'metadata') return undefined;
    const entry = this.previous[file];
    if (!entry?.stat || signatureOf(entry.stat) !== signatureOf(stat)) return undefined;
    const bar = entry.key.indexOf('|');
    if (bar < 0 || entry.key.slice(bar + 1) !== rest) return undefined;
    const found = this.lookup(file, entry.key);
    return found && { entry: found, hash: entry.key.slice(0, bar) };
  }

  /** The cached program findings of a file, for this program fingerprint. */
  lookupProgram(file: string, fingerprint: string): { findings: Finding[]; suppressed: Finding[] } | undefined {
    const program = this.previous[file]?.program;
    const entry = this.next[file];
    if (!entry || entry.key !== this.previous[file]?.key || program?.fingerprint !== fingerprint) return undefined;
    entry.program = program;
    return { findings: program.findings, suppressed: program.suppressed ?? [] };
  }

  store(file: string, entry: CachedAnalysis): void {
    this.next[file] = entry;
    this.dirty = true;
  }

  storeProgram(file: string, fingerprint: string, findings: Finding[], suppressed: Finding[]): void {
    const entry = this.next[file];
    if (entry) entry.program = { fingerprint, findings, suppressed };
    this.dirty = true;
  }

  /** Whether this scan found anything the cache file does not hold: a run that changed nothing writes nothing. */
  get changed(): boolean {
    return this.dirty || this.log.changed || Object.keys(this.next).length !== Object.keys(this.previous).length;
  }

  /** Writes the entries of this scan, when they changed: a temporary file in the folder, renamed over the cache. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const dir = path.dirname(this.file);
    try {
      fs.mkdirSync(dir, { recursive: true });
      if (!fs.lstatSync(dir).isDirectory()) return `the cache location ${dir} is not a folder (a link?); cache not written`;
      const temporary = path.join(dir, `.${FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      // Keys sorted: the file is the same whatever order the files were analysed and read in (worker threads).
      const content: CacheFile = { key: this.key, reads: sorted(this.log.reads), signatures: sorted(this.log.signatures), files: sorted(this.next) };
      // `wx`: created new, never through an existing link or file of that name.
      fs.writeFileSync(temporary, JSON.stringify(content), { flag: 'wx', mode: 0o600 });
      fs.renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      return `cannot write the cache in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
