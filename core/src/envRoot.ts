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
 * folder that keeps or declares the environment (`.env`, `.env.example`, `.env.sample`, an env schema); else the
 * nearest one holding its language's project file (package.json; pyproject.toml, requirements.txt… for Python;
 * go.mod for Go), so a monorepo package or service keeps its own `.env`; else the workspace folder itself.
 * A package.json that only marks a folder's module format (`{ "type": "module" }` in `src/`) is no package:
 * a fix declaring a dependency there would make it one, and every other import of the folder undeclared.
 */
export function envRootFor(file: string, workspaceFolder: string, exists: (p: string) => boolean = fs.existsSync, read: ReadText = readTextSync): string {
  const top = path.resolve(workspaceFolder);
  const roots = rootsFor(file);
  const folders = foldersUp(file, top);
  return folders.find((dir) => ENV_FILES.some((name) => exists(path.join(dir, name))))
    ?? folders.find((dir) => roots.some((name) => exists(path.join(dir, name)) && !(name === 'package.json' && isMarker(read(path.join(dir, name))))))
    ?? top;
}

/**
 * Files that say where a folder's environment is kept and declared: `env/undeclared-usage` judges a read
 * against the nearest of the declarations, so a moved secret goes where its name will be declared
 * (cnpmcore's `app/common/package.json` is a module of the app, whose `.env.example` is at the root).
 */
const ENV_FILES = ['.env', '.env.example', '.env.sample', '.env.schema.yaml', '.env.schema.json'];

/** The file's folder and those above it, up to the workspace folder. */
function foldersUp(file: string, top: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(path.resolve(file));
  while (dir.startsWith(top)) {
    out.push(dir);
    if (dir === top) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
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

/**
 * The folder's example file as `env/undeclared-usage` reads it: `.env.example`, else `.env.sample` (linkding's),
 * with its text; `.env.example` without text when there is neither. A fix declares a moved value's name there
 * and a new `.env` starts from it.
 */
export function exampleFileIn(dir: string, read: (file: string) => string | undefined): { name: string; text: string | undefined } {
  for (const name of ['.env.example', '.env.sample']) {
    const text = read(path.join(dir, name));
    if (text !== undefined) return { name, text };
  }
  return { name: '.env.example', text: undefined };
}
