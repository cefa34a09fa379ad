import * as fs from 'node:fs';
import * as path from 'node:path';
import { relativeInside } from '../safeFs';

/**
 * The project a scan judges: the folder whose configuration applies, whose root facts (package.json,
 * compose files, `.env` templates, deployment folders) every file is judged with, and that file paths in the
 * report are relative to. The current folder when every target lies inside it and inside the repository the
 * command is typed in (`twelve-factor scan packages/api` from a monorepo's root keeps the monorepo). Otherwise
 * (`twelve-factor scan ~/src/app` from elsewhere, `scan ..`, `scan app` from the folder above a checkout) each
 * target is judged in its own project: the nearest folder up from it that a repository starts in (`.git`), else
 * the target's folder, so the same code gets the same findings wherever the command is typed. Several targets
 * share the folder that holds all their projects.
 */
export function scanRootFor(cwd: string, targets: readonly string[]): string {
  const here = path.resolve(cwd);
  const absolute = targets.map((t) => path.resolve(here, t));
  const inside = (dir: string, p: string) => p === dir || relativeInside(dir, p) !== undefined;
  const repositories = absolute.map(repositoryOf);
  // A repository that starts below the current folder is a project of its own, not a part of the folder.
  if (absolute.every((t) => inside(here, t)) && repositories.every((r) => r === undefined || inside(r, here))) return cwd;
  return absolute.map((t, i) => repositories[i] ?? (isFolder(t) ? t : path.dirname(t))).reduce(commonFolder);
}

function repositoryOf(target: string): string | undefined {
  for (let dir = isFolder(target) ? target : path.dirname(target); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function commonFolder(a: string, b: string): string {
  let dir = a;
  while (dir !== path.dirname(dir) && relativeInside(dir, b) === undefined && dir !== b) dir = path.dirname(dir);
  return dir;
}
