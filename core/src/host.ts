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
