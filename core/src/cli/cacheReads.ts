import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost } from '../host';

/** The disk as the scan's rules see it: files, and folders listed for the few lookups that find files by pattern. */
export type ListingHost = FileHost & { list?(dir: string): string[]; readonly version?: number };

/** What a rewrite moves even when it restores the modification time: size, modification and change time, inode. */
export function signatureOf(stat: { size: number; mtimeMs: number; ctimeMs?: number; ino?: number }): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs ?? ''}:${stat.ino ?? ''}`;
}

const LISTING = 'list:';
// `match:<flags>:<pattern source>\0<folder>`: a listing of the folder's sub-folders and the files the pattern accepts.
const MATCHING = 'match:';

/** One entry of a read log as a worker thread sends it: the path, its content hash (null: absent), its signature. */
export type ReadEntry = [path: string, hash: string | null, signature: string | undefined];

/**
 * Every file (and folder listing) the rules read besides the scanned files — manifests, tsconfig, bundler
 * configs, schemas, and the ~30 config names probed up from each folder, nearly all absent — with a content
 * hash (null: absent) and, like `eslint --cache`'s default strategy, a signature that vouches for it next time
 * without a read: a file's own (`signatureOf`), or for an absent file and a listing its folder's (a folder's
 * modification time moves whenever an entry is added, removed or renamed). A signature is taken before the
 * disk is first asked for the path in a run, so a change after it is seen next time. An entry without one (a
 * dangling link, a FIFO) or whose signature moved is read and hashed again.
 */
export class ReadLog {
  reads: Record<string, string | null> = {};
  signatures: Record<string, string> = {};
  /** Entries vouched for by their signature alone, and entries read again (work counts for tests). */
  readonly counts = { trusted: 0, reread: 0 };
  /** The entries read again, in order (tests tell the project's own from a shared folder above it). */
  readonly rereads: string[] = [];
  /** Something was read that the previous run's log did not hold, or read differently. */
  changed = false;
  private readonly fileStats = new Map<string, fs.Stats | undefined>();
  private readonly folderSignatures = new Map<string, string | undefined>();
  private readonly hashes = new Map<string, string>();
  private readonly listed = new Set<string>();
  /** Entries recorded since the last `drain` (a worker thread's log, sent with each answer). */
  private journal?: ReadEntry[];

  /** `trustSignatures` false (`--cache-strategy content`): every entry is read and hashed again. */
  constructor(private readonly disk: ListingHost, private readonly hash: (text: string) => string, private readonly trustSignatures: boolean) {}

  /** From now on, keep what is recorded for `drain` (a worker thread's log, which the main thread's log adopts). */
  journalled(): this {
    this.journal = [];
    return this;
  }

  /** What was recorded since the last call. */
  drain(): ReadEntry[] {
    const entries = this.journal ?? [];
    if (this.journal) this.journal = [];
    return entries;
  }

  /** Entries a worker thread's log recorded, as if this log had read them: the cache file is the same either way. */
  adopt(entries: readonly ReadEntry[]): void {
    for (const [p, hash, signature] of entries) this.record(p, hash, signature);
  }

  /** The host the scan's rules read through: what they read is recorded. */
  host(): ListingHost {
    const disk = this.disk;
    const log = this;
    return {
      readFile: (p) => this.read(p),
      rootOf: (p) => disk.rootOf(p),
      ...(disk.list ? { list: (dir: string) => this.listing(dir).folders } : {}),
      ...(disk.entries ? { entries: (dir: string) => this.listing(dir), matching: (dir: string, pattern: RegExp) => this.matchingListing(dir, pattern) } : {}),
      get version() {
        return log.disk.version;
      },
    };
  }

  /** Whether every entry of a previous run reads as it did then; those entries are carried over when so. */
  matches(reads: Record<string, string | null>, signatures: Record<string, string>): boolean {
    for (const [p, hash] of Object.entries(reads)) {
      const stored = signatures[p];
      if (this.trustSignatures && stored !== undefined && stored === this.currentSignature(p, stored)) {
        this.counts.trusted++;
        this.reads[p] = hash;
        this.signatures[p] = stored;
        continue;
      }
      this.counts.reread++;
      this.rereads.push(p);
      // As it was: recording it again marks the log changed only when its hash or signature moved.
      this.reads[p] = hash;
      if (stored !== undefined) this.signatures[p] = stored;
      if (p.startsWith(LISTING)) this.listing(p.slice(LISTING.length));
      else if (p.startsWith(MATCHING)) this.rematch(p);
      else this.read(p);
      if (this.reads[p] !== hash) return false;
    }
    return true;
  }

  private read(p: string): string | undefined {
    const signature = this.signatureBeforeRead(p);
    const text = this.disk.readFile(p);
    this.record(p, text === undefined ? null : this.hashOf(p, text), signature);
    return text;
  }

  /** A folder's entries; `list` and `entries` record the same listing (its folders are `list`'s answer). */
  private listing(dir: string): { files: string[]; folders: string[] } {
    const key = LISTING + path.resolve(dir);
    const signature = this.folderSignature(path.resolve(dir));
    const entries = this.disk.entries?.(dir) ?? { files: [], folders: this.disk.list?.(dir) ?? [] };
    if (!this.listed.has(key)) {
      this.listed.add(key);
      const names = `${[...entries.files].sort().join('/')}//${[...entries.folders].sort().join('/')}`;
      this.record(key, this.hash(names), signature === undefined ? undefined : `d0:${signature}`);
    }
    return entries;
  }

  /** `matching`: recorded as the folder's sub-folders and the accepted files alone, under a key naming the pattern. */
  private matchingListing(dir: string, pattern: RegExp): { files: string[]; folders: string[] } {
    const folder = path.resolve(dir);
    const key = `${MATCHING}${pattern.flags}:${pattern.source}\0${folder}`;
    const signature = this.folderSignature(folder);
    const all = this.disk.entries?.(dir) ?? { files: [], folders: this.disk.list?.(dir) ?? [] };
    const entries = { files: all.files.filter((f) => pattern.test(f)), folders: all.folders };
    if (!this.listed.has(key)) {
      this.listed.add(key);
      const names = `${[...entries.files].sort().join('/')}//${[...entries.folders].sort().join('/')}`;
      this.record(key, this.hash(names), signature === undefined ? undefined : `d0:${signature}`);
    }
    return entries;
  }

  /** Reads a `matching` entry of a previous run again, from its key. */
  private rematch(key: string): void {
    const rest = key.slice(MATCHING.length);
    const colon = rest.indexOf(':');
    const nul = rest.lastIndexOf('\0');
    if (colon < 0 || nul < colon) return;
    try {
      this.matchingListing(rest.slice(nul + 1), new RegExp(rest.slice(colon + 1, nul), rest.slice(0, colon)));
    } catch {
      // A key no build of ours wrote: left as recorded, so the comparison fails and the cache is dropped.
    }
  }

  private record(p: string, hash: string | null, signature: string | undefined): void {
    // A signature that moved alone (the folder holding `--output` moved) is not worth writing the cache for:
    // it is saved with the next change, and the entry is read again until then.
    if (!(p in this.reads) || this.reads[p] !== hash) this.changed = true;
    if (this.journal && (this.reads[p] !== hash || this.signatures[p] !== signature)) this.journal.push([p, hash, signature]);
    this.reads[p] = hash;
    if (signature === undefined) delete this.signatures[p];
    else this.signatures[p] = signature;
  }

  /** A file's signature (`f…`), or its folder's when there is nothing at the path (`d…`), taken once per run. */
  private signatureBeforeRead(p: string): string | undefined {
    const folder = this.absentSignature(p);
    const stat = this.fileStat(p);
    if (stat) return stat.isFile() ? `f${signatureOf(stat)}` : undefined;
    let absent: boolean;
    try {
      // Absent, not a dangling link (its target could appear without the folder changing).
      absent = fs.lstatSync(p, { throwIfNoEntry: false }) === undefined;
    } catch (error) {
      absent = (error as NodeJS.ErrnoException).code === 'ENOTDIR';
    }
    return absent ? folder : undefined;
  }

  /**
   * What vouches for nothing being at a path: the nearest folder above it that exists (`d`, how many levels
   * up, its signature). Whatever appears at the path adds an entry to that folder, or a folder below it.
   */
  private absentSignature(p: string): string | undefined {
    let dir = path.dirname(path.resolve(p));
    for (let up = 0; ; up++) {
      const signature = this.folderSignature(dir);
      if (signature !== undefined) return `d${up}:${signature}`;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  private currentSignature(p: string, stored: string): string | undefined {
    if (p.startsWith(LISTING)) {
      const folder = this.folderSignature(p.slice(LISTING.length));
      return folder === undefined ? undefined : `d0:${folder}`;
    }
    if (stored.startsWith('d')) return this.absentSignature(p);
    const stat = this.fileStat(p);
    return stat?.isFile() ? `f${signatureOf(stat)}` : undefined;
  }

  private fileStat(p: string): fs.Stats | undefined {
    const key = path.resolve(p);
    if (this.fileStats.has(key)) return this.fileStats.get(key);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(key, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    this.fileStats.set(key, stat);
    return stat;
  }

  private folderSignature(dir: string): string | undefined {
    if (this.folderSignatures.has(dir)) return this.folderSignatures.get(dir);
    let signature: string | undefined;
    try {
      const stat = fs.statSync(dir, { throwIfNoEntry: false });
      signature = stat?.isDirectory() ? signatureOf(stat) : undefined;
    } catch {
      signature = undefined;
    }
    this.folderSignatures.set(dir, signature);
    return signature;
  }

  private hashOf(p: string, text: string): string {
    let hash = this.hashes.get(p);
    if (hash === undefined) this.hashes.set(p, (hash = this.hash(text)));
    return hash;
  }
}
