import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextSync, type ReadText } from './gitignore';

/** The files that make a folder a project of the file's own language: its `.env` lives beside them. */
const PYTHON_ROOTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'];
const GO_ROOTS = ['go.mod'];
const NODE_ROOTS = ['package.json'];

function rootsFor(file: string): string[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.py' || ext === '.pyw') return PYTHON_ROOTS;
  if (ext === '.go') return GO_ROOTS;
  return NODE_ROOTS;
}

/**
 * The folder whose `.env` a file's secrets move to: the nearest folder between the file and the workspace
 * folder holding its language's project file (package.json; pyproject.toml, requirements.txt… for Python;
 * go.mod for Go), so a monorepo package or service keeps its own `.env`; else the workspace folder itself.
 * A package.json that only marks a folder's module format (`{ "type": "module" }` in `src/`) is no package:
 * a fix declaring a dependency there would make it one, and every other import of the folder undeclared.
 */
export function envRootFor(file: string, workspaceFolder: string, exists: (p: string) => boolean = fs.existsSync, read: ReadText = readTextSync): string {
  const top = path.resolve(workspaceFolder);
  const roots = rootsFor(file);
  let dir = path.dirname(path.resolve(file));
  while (dir.startsWith(top)) {
    if (roots.some((name) => exists(path.join(dir, name)) && !(name === 'package.json' && isMarker(read(path.join(dir, name)))))) return dir;
    if (dir === top) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return top;
}

/** What a module-format marker holds: `{ "type": "module" }`, `{ "sideEffects": false }`. */
const MARKER_FIELDS = new Set(['type', 'sideEffects']);

/** A manifest that holds marker fields only (and at least one). One that does not parse, or `{}`, counts as a package. */
function isMarker(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
    const keys = Object.keys(json);
    return keys.length > 0 && keys.every((k) => MARKER_FIELDS.has(k));
  } catch {
    return false;
  }
}
