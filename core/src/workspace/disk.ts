import * as fs from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../engine';
import { readTextSync } from '../gitignore';
import type { WorkspaceHost } from './files';

/**
 * A file's text, or undefined when it is absent, unreadable, or larger than the scan analyses: the facts search
 * source files for a health route and test manifests and lockfiles for existence (`Workspace.hasFile` then asks
 * `exists`), and a 10 MB bundle or lockfile at the root must not be held in memory for that.
 */
export function readBoundedText(p: string, max = DEFAULT_MAX_FILE_SIZE): string | undefined {
  try {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat === undefined || (stat.isFile() && stat.size > max)) return undefined;
  } catch {
    return undefined;
  }
  return readTextSync(p);
}

/** The workspace facts' host over the disk, for the CLI and the language server (which may answer open documents first). */
export function diskWorkspaceHost(root: string, readFile: (p: string) => string | undefined = readBoundedText): WorkspaceHost {
  return {
    readFile,
    rootOf: () => root,
    exists: (p) => fs.existsSync(p),
    list: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
