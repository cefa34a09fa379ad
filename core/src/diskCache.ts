import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the cache needs of the file system: a seam, so tests count the probes. */
export interface DiskSeam {
  /** The entries of a folder; throws when it cannot be read. */
  readdir(dir: string): fs.Dirent[];
  /** A file's text; throws when it cannot be read. */
  readFile(file: string): string;
  /** Only for symbolic links: whether the target is a regular file. */
  isFile(file: string): boolean;
}

export const nodeDisk: DiskSeam = {
  readdir: (dir) => fs.readdirSync(dir, { withFileTypes: true }),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  isFile: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

interface Listing {
  files: Set<string>;
  /** Entries that are symbolic links: whether they are files is asked once, when read. */
  links: Set<string>;
  folders: string[];
}

const EMPTY: Listing = { files: new Set(), links: new Set(), folders: [] };

/**
 * The folder facts of one moment: each folder is listed once, and whether `package.json`, `tsconfig.json` or
 * any of the ~30 bundler configs exists there is answered from that listing, without a `stat` (or a thrown
 * ENOENT) per name; each file that exists is read once. The CLI makes one per scan; the server keeps one and
 * forgets a path when the file watcher reports it changed.
 */
export class DiskCache {
  private readonly listings = new Map<string, Listing>();
  private readonly texts = new Map<string, string | undefined>();
  private generation = 0;

  /**
   * @param confine whether a file may be read at all (asked once per file): the workspace's facts are not read
   *   through a link that leads outside its folder (see `safeFs.staysInside`).
   */
  constructor(private readonly disk: DiskSeam = nodeDisk, private readonly confine?: (file: string) => boolean) {}

  /** Bumped whenever something is forgotten: facts derived from this cache are stale when it moved. */
  get version(): number {
    return this.generation;
  }

  /** The text of a regular file, or undefined when there is none (or it cannot be read). */
  readFile(file: string): string | undefined {
    const p = path.resolve(file);
    if (this.texts.has(p)) return this.texts.get(p);
    const listing = this.listing(path.dirname(p));
    const name = path.basename(p);
    let text: string | undefined;
    // A FIFO or device named like a file would block the read: only files (and links to files) are read.
    const regular = listing.files.has(name) || (listing.links.has(name) && this.disk.isFile(p));
    if (regular && (this.confine === undefined || this.confine(p))) {
      try {
        text = this.disk.readFile(p);
      } catch {
        text = undefined;
      }
    }
    this.texts.set(p, text);
    return text;
  }

  /** The names of the sub-folders of a folder (not links: no loops), empty when it cannot be read. */
  list(dir: string): string[] {
    return this.listing(path.resolve(dir)).folders;
  }

  /** The regular files (links included: they are read only if they lead to a file) and sub-folders of a folder. */
  entries(dir: string): { files: string[]; folders: string[] } {
    const listing = this.listing(path.resolve(dir));
    return { files: [...listing.files, ...listing.links], folders: listing.folders };
  }

  /** A file or folder changed, appeared or went away: it, its folder's listing and everything below it are read again. */
  forget(target: string): void {
    const p = path.resolve(target);
    this.generation++;
    this.listings.delete(path.dirname(p));
    const below = p.endsWith(path.sep) ? p : p + path.sep;
    for (const key of this.listings.keys()) if (key === p || key.startsWith(below)) this.listings.delete(key);
    for (const key of this.texts.keys()) if (key === p || key.startsWith(below)) this.texts.delete(key);
  }

  clear(): void {
    this.generation++;
    this.listings.clear();
    this.texts.clear();
  }

  private listing(dir: string): Listing {
    let found = this.listings.get(dir);
    if (found) return found;
    try {
      found = { files: new Set(), links: new Set(), folders: [] };
      for (const entry of this.disk.readdir(dir)) {
        if (entry.isFile()) found.files.add(entry.name);
        else if (entry.isSymbolicLink()) found.links.add(entry.name);
        else if (entry.isDirectory()) found.folders.push(entry.name);
      }
    } catch {
      found = EMPTY;
    }
    this.listings.set(dir, found);
    return found;
  }
}
