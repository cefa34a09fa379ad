import * as path from 'node:path';
import { readTextSync, type ReadText } from './gitignore';

/**
 * The folder whose `.env` a file's secrets move to, and whose package.json a fix declares packages in: the
 * nearest folder holding a package's package.json, between the file and the workspace folder (a monorepo
 * package keeps its own `.env`), else the workspace folder itself. A package.json that only marks a folder's
 * module format (`{ "type": "module" }` in `src/`) is no package: declaring a dependency there would make it
 * one, and every other import of the folder undeclared.
 */
export function envRootFor(file: string, workspaceFolder: string, read: ReadText = readTextSync): string {
  const top = path.resolve(workspaceFolder);
  let dir = path.dirname(path.resolve(file));
  while (dir.startsWith(top)) {
    const manifest = read(path.join(dir, 'package.json'));
    if (manifest !== undefined && !isMarker(manifest)) return dir;
    if (dir === top) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return top;
}

const PACKAGE_FIELDS = ['name', 'dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'workspaces', 'scripts'];

/** A manifest with none of a package's fields: a module-format or side-effects marker. One that does not parse counts as a package. */
function isMarker(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) && !PACKAGE_FIELDS.some((k) => k in json);
  } catch {
    return false;
  }
}
