import * as fs from 'node:fs';
import * as path from 'node:path';

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
 */
export function envRootFor(file: string, workspaceFolder: string, exists: (p: string) => boolean = fs.existsSync): string {
  const top = path.resolve(workspaceFolder);
  const roots = rootsFor(file);
  let dir = path.dirname(path.resolve(file));
  while (dir.startsWith(top)) {
    if (roots.some((name) => exists(path.join(dir, name)))) return dir;
    if (dir === top) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return top;
}
