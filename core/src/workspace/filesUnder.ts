import * as path from 'node:path';
import type { FileHost } from '../host';

/** A folder's files and subfolders, or none when the host cannot list or the folder cannot be read. */
export function listing(host: FileHost, dir: string): { files: string[]; folders: string[] } {
  try {
    return host.entries?.(dir) ?? { files: [], folders: [] };
  } catch {
    return { files: [], folders: [] };
  }
}

/** A folder's sub-folders and the files whose name `pattern` accepts (`FileHost.matching`, else a filtered listing). */
export function matchingEntries(host: FileHost, dir: string, pattern: RegExp): { files: string[]; folders: string[] } {
  try {
    if (host.matching) return host.matching(dir, pattern);
  } catch {
    return { files: [], folders: [] };
  }
  const all = listing(host, dir);
  return { files: all.files.filter((f) => pattern.test(f)), folders: all.folders };
}

/**
 * The files of one tree that `accept` takes, breadth first and in a stable order, skipping folders `skip`
 * names; bounded in depth and count, so a hostile or huge tree costs a fixed amount.
 */
export function filesUnder(host: FileHost, top: string, accept: (name: string) => boolean, bounds: {
  maxDepth: number; maxFiles: number; skip: (folder: string) => boolean;
  /** A folder below `top` whose files say it is not part of the tree (a nested package's `package.json`). */
  leave?: (files: readonly string[]) => boolean;
}): string[] {
  const files: string[] = [];
  let level = [top];
  for (let depth = 0; depth < bounds.maxDepth && level.length > 0 && files.length < bounds.maxFiles; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = listing(host, dir);
      if (dir !== top && bounds.leave?.(entries.files)) continue;
      for (const f of entries.files.slice().sort()) if (accept(f) && files.length < bounds.maxFiles) files.push(path.join(dir, f));
      for (const d of entries.folders.slice().sort()) if (!bounds.skip(d)) next.push(path.join(dir, d));
    }
    level = next.slice(0, bounds.maxFiles);
  }
  return files;
}
