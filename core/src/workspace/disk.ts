import * as fs from 'node:fs';
import { readTextSync } from '../gitignore';
import type { WorkspaceHost } from './files';

/** The workspace facts' host over the disk, for the CLI and the language server (which may answer open documents first). */
export function diskWorkspaceHost(root: string, readFile: (p: string) => string | undefined = readTextSync): WorkspaceHost {
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
