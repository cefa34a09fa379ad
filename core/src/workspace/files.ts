import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * What the workspace facts may ask of the files: the rules' host plus, optionally, existence and listing.
 * Every question degrades to `readFile` when the extras are missing, so an in-memory host is enough.
 */
export interface WorkspaceHost extends FileHost {
  exists?(p: string): boolean;
  /** Entry names of a folder (files and folders), or [] when it does not exist. */
  list?(dir: string): string[];
}

/** Answers about one root, each question asked of the host once. */
export class Workspace {
  private readonly texts = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[] | undefined>();

  constructor(readonly root: string, private readonly host: WorkspaceHost) {}

  path(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  read(rel: string): string | undefined {
    if (!this.texts.has(rel)) this.texts.set(rel, this.host.readFile(this.path(rel)));
    return this.texts.get(rel);
  }

  /** A file exists: the host says so, or it reads (asked second: a lockfile is not read to learn it exists). */
  hasFile(rel: string): boolean {
    return this.host.exists?.(this.path(rel)) === true || this.read(rel) !== undefined;
  }

  /** The first of these files that exists. */
  firstFile(rels: readonly string[]): string | undefined {
    return rels.find((r) => this.hasFile(r));
  }

  /** Entries of a folder, when the host can list; undefined when it cannot. */
  list(rel: string): string[] | undefined {
    if (!this.host.list) return undefined;
    if (!this.listings.has(rel)) {
      let entries: string[] | undefined;
      try {
        entries = this.host.list(this.path(rel));
      } catch {
        entries = [];
      }
      this.listings.set(rel, entries);
    }
    return this.listings.get(rel);
  }

  /** A folder exists: the host says so, or its parent lists it; undefined when neither can tell. */
  hasDir(rel: string): boolean | undefined {
    if (this.host.exists) return this.host.exists(this.path(rel));
    const parent = path.dirname(rel);
    const entries = this.list(parent === '.' ? '' : parent);
    return entries === undefined ? undefined : entries.includes(path.basename(rel));
  }

  /** A git repository at the root or above: `.git` as a folder (its HEAD) or a worktree's file. */
  gitRoot(): string | undefined {
    let dir = path.resolve(this.root);
    for (let i = 0; i < 64; i++) {
      const git = path.join(dir, '.git');
      if (this.host.readFile(path.join(git, 'HEAD')) !== undefined || this.host.readFile(git) !== undefined || this.host.exists?.(git)) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
    return undefined;
  }
}
