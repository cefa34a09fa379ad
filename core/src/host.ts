import * as path from 'node:path';

/**
 * The one door through which a rule may see another file (a `.env` reads its schema, code reads
 * `.env.example`). Rules never touch the file system: the server answers from open documents and a cache
 * of the disk, the CLI from the disk, tests from a map.
 */
export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** The workspace folder (or scan root) the file belongs to; lookups walking up stop there. */
  rootOf(path: string): string | undefined;
}

/** A host over a fixed set of files, for tests. */
export function mapHost(files: Record<string, string>, root = '/'): FileHost {
  return { readFile: (p) => files[p], rootOf: () => root };
}

/**
 * The folder of a file, as a string of its own, for keys of caches that outlive the file. V8 makes a
 * substring (what `path.dirname` and `URI.fsPath` return) a view that keeps its whole parent alive, so a cache
 * keyed by a folder would keep the URI of the first document seen there, long after that document closed.
 */
export function folderKeyOf(file: string): string {
  return Buffer.from(path.dirname(file), 'utf8').toString('utf8');
}
