import * as fs from 'node:fs';
import * as path from 'node:path';
import { readForFacts } from '../safeFs';
import { DEFAULT_SKIPPED_DIRS } from '../walk';

/**
 * The files of one project as the scaffolds see them, by paths relative to the project root (`src/app.ts`,
 * '' for the root). The editor reads through `vscode.workspace.fs` (remote and virtual folders), the tests
 * from a map or the disk; detection never touches `node:fs` itself.
 */
export interface ScaffoldFs {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(relativePath: string): Promise<string | undefined>;
  /** Entries of a folder: names with whether they are folders; empty when it cannot be read. */
  readDirectory(relativePath: string): Promise<Array<{ name: string; directory: boolean }>>;
}

/** Folders a project listing never enters: dependencies, build output, VCS and tool caches. */
export function isSkippedDir(name: string): boolean {
  return DEFAULT_SKIPPED_DIRS.has(name) || name === '.vscode' || name === '.idea' || name === 'vendor';
}

export interface ListOptions {
  /** Stop after this many files (huge monorepos): detection needs the project's shape, not every file. */
  maxFiles?: number;
  /** Checked between folders: true stops the listing. */
  cancelled?: () => boolean;
}

/** Every file of the project (relative paths, sorted per folder), breadth-first so the root's files come first. */
export async function listFiles(files: ScaffoldFs, options: ListOptions = {}): Promise<string[]> {
  const max = options.maxFiles ?? 5000;
  const out: string[] = [];
  const queue = [''];
  while (queue.length > 0 && out.length < max && !options.cancelled?.()) {
    const dir = queue.shift() as string;
    const entries = (await files.readDirectory(dir)).slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.directory) {
        if (!isSkippedDir(entry.name)) queue.push(rel);
      } else if (out.length < max) out.push(rel);
    }
  }
  return out;
}

/** A project on the local disk (tests, the CLI). */
export function nodeScaffoldFs(root: string): ScaffoldFs {
  const abs = (rel: string) => path.join(root, ...rel.split('/').filter(Boolean));
  return {
    async readFile(rel) {
      // Not followed outside the project, never blocked on a FIFO (core/src/safeFs.ts).
      return readForFacts(root, abs(rel));
    },
    async readDirectory(rel) {
      try {
        const entries = await fs.promises.readdir(abs(rel), { withFileTypes: true });
        // Symbolic links are left out, as the workspace walk does: no loops, nothing outside the folder.
        return entries.filter((e) => e.isFile() || e.isDirectory()).map((e) => ({ name: e.name, directory: e.isDirectory() }));
      } catch {
        return [];
      }
    },
  };
}

/** A project held in memory (unit tests): `{ 'package.json': '…', 'src/app.ts': '…' }`. */
export function mapScaffoldFs(files: Record<string, string>): ScaffoldFs {
  return {
    async readFile(rel) {
      return Object.prototype.hasOwnProperty.call(files, rel) ? files[rel] : undefined;
    },
    async readDirectory(rel) {
      const prefix = rel ? `${rel}/` : '';
      const seen = new Map<string, boolean>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) seen.set(rest, false);
        else seen.set(rest.slice(0, slash), true);
      }
      return [...seen].map(([name, directory]) => ({ name, directory }));
    },
  };
}
