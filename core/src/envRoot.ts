import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder whose `.env` a file's secrets move to: the nearest folder holding package.json, between the file
 * and the workspace folder (a monorepo package keeps its own `.env`), else the workspace folder itself.
 */
export function envRootFor(file: string, workspaceFolder: string, exists: (p: string) => boolean = fs.existsSync): string {
  const top = path.resolve(workspaceFolder);
  let dir = path.dirname(path.resolve(file));
  while (dir.startsWith(top)) {
    if (exists(path.join(dir, 'package.json'))) return dir;
    if (dir === top) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return top;
}
