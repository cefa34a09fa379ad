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
  /**
   * The file and sub-folder names of a folder, for the few lookups that must find files by pattern rather than
   * by name (the project's documentation, `env/docDeclared.ts`). Hosts that cannot list leave it out.
   */
  entries?(dir: string): { files: string[]; folders: string[] };
  /**
   * A folder's sub-folders and those of its files whose name `pattern` accepts, for a walk that looks for files by
   * pattern (`filesUnder.ts` `matchingEntries`): the CLI's cache records only these, so a new file of another name
   * (a note beside the code) does not make what the rules read change. Hosts without it are asked for `entries`.
   */
  matching?(dir: string, pattern: RegExp): { files: string[]; folders: string[] };
}

/** The file's text through the host, or undefined when the host throws (a read a hostile folder makes fail). */
export function readQuietly(host: FileHost, file: string): string | undefined {
  try {
    return host.readFile(file);
  } catch {
    return undefined;
  }
}

/** A host over a fixed set of files, for tests. */
export function mapHost(files: Record<string, string>, root = '/'): FileHost {
  return {
    readFile: (p) => files[p],
    rootOf: () => root,
    entries: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const out = { files: new Set<string>(), folders: new Set<string>() };
      for (const p of Object.keys(files)) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) out.files.add(rest);
        else out.folders.add(rest.slice(0, slash));
      }
      return { files: [...out.files], folders: [...out.folders] };
    },
  };
}

/**
 * The folder of a file, as a string of its own, for keys of caches that outlive the file. V8 makes a
 * substring (what `path.dirname` and `URI.fsPath` return) a view that keeps its whole parent alive, so a cache
 * keyed by a folder would keep the URI of the first document seen there, long after that document closed.
 */
export function folderKeyOf(file: string): string {
  const dir = path.dirname(file);
  let key = folderKeys.get(dir);
  if (key === undefined) {
    key = Buffer.from(dir, 'utf8').toString('utf8');
    if (folderKeys.size >= 256) folderKeys.clear();
    // Keyed by the copy itself: a lookup by a substring of equal text finds it, and the map keeps no parent alive.
    folderKeys.set(key, key);
  }
  return key;
}

/** The copies made so far (several rules ask for the same file's folder on every keystroke). */
const folderKeys = new Map<string, string>();
