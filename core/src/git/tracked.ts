import * as fs from 'node:fs';
import * as path from 'node:path';
import { IndexUnreadable, MAX_INDEX_BYTES, parseIndex } from './indexFile';

/**
 * What git tracks in the work tree that holds a folder: the walker lists tracked files whatever `.gitignore`
 * says (a committed `.env.example`, committed `dist/`, a tracked `packages/node_modules/` are public), and
 * judges only untracked files by `.gitignore` — `git ls-files -co --exclude-standard`, without running git.
 */
export interface TrackedFiles {
  /** The work tree's top folder. */
  readonly root: string;
  isTracked(absFile: string): boolean;
  /** A tracked file or submodule lies at or below this folder: the walker enters it even when ignored. */
  hasTrackedUnder(absDir: string): boolean;
}

/** Why an index was not used (the index file, and a sentence), for the caller to tell the user. */
export type GitNotice = (indexPath: string, message: string) => void;

interface Cached {
  key: string;
  tracked: TrackedFiles;
}

/** One parse per index version: a watcher event or a second folder of the same repository reuses it. */
const cache = new Map<string, Cached>();

/**
 * The tracked files of the work tree holding `dir`, or undefined outside git or when the index cannot be
 * read the plain way (split or sparse index, malformed, too large): then `.gitignore` alone decides, as it
 * does outside git, and `onNotice` says why. A work tree without an index yet tracks nothing.
 */
export function trackedFilesFor(dir: string, onNotice?: GitNotice): TrackedFiles | undefined {
  const repo = findWorkTree(path.resolve(dir));
  if (!repo) return undefined;
  const indexPath = path.join(repo.gitDir, 'index');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(indexPath);
  } catch {
    return fromPaths(repo.root, [], []);
  }
  const key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const hit = cache.get(indexPath);
  if (hit?.key === key && hit.tracked.root === repo.root) return hit.tracked;
  try {
    if (!stat.isFile()) throw new IndexUnreadable('not a file');
    if (stat.size > MAX_INDEX_BYTES) throw new IndexUnreadable('larger than 256 MiB');
    const parsed = parseIndex(fs.readFileSync(indexPath), hashLength(repo));
    const tracked = fromPaths(repo.root, parsed.files, parsed.submodules);
    cache.set(indexPath, { key, tracked });
    return tracked;
  } catch (error) {
    const why = error instanceof IndexUnreadable ? error.message : (error as NodeJS.ErrnoException).code ?? 'unreadable';
    onNotice?.(indexPath, `git index not read (${why}): files chosen by .gitignore alone`);
    return undefined;
  }
}

/** Whether git's index holds this file (false outside git or when the index cannot be read). */
export function isGitTracked(absFile: string): boolean {
  return trackedFilesFor(path.dirname(absFile))?.isTracked(absFile) ?? false;
}

interface WorkTree {
  root: string;
  gitDir: string;
  /** Where `config` lives: the git dir, or the main repository's for a linked worktree. */
  commonDir: string;
}

/**
 * The nearest folder at or above `dir` holding `.git`: a folder, or a file `gitdir: <path>` (a linked
 * worktree or a submodule). Undefined when none is found or a `.git` file points nowhere readable.
 */
function findWorkTree(dir: string): WorkTree | undefined {
  let current = dir;
  for (let i = 0; i < 256; i++) {
    const dotGit = path.join(current, '.git');
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dotGit);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) return { root: current, gitDir: dotGit, commonDir: dotGit };
    if (stat?.isFile()) return linkedWorkTree(current, dotGit, stat.size);
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function linkedWorkTree(root: string, dotGit: string, size: number): WorkTree | undefined {
  if (size > 4096) return undefined;
  const text = readSmall(dotGit);
  const target = /^gitdir:\s*(.+?)\s*$/m.exec(text ?? '')?.[1];
  if (!target) return undefined;
  const gitDir = path.resolve(root, target);
  const common = readSmall(path.join(gitDir, 'commondir'))?.trim();
  return { root, gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
}

function readSmall(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= 65536 ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** SHA-256 repositories (`extensions.objectFormat = sha256`) store 32-byte hashes in the index. */
function hashLength(repo: WorkTree): number {
  const config = readSmall(path.join(repo.commonDir, 'config')) ?? '';
  return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
}

function fromPaths(root: string, files: string[], submodules: string[]): TrackedFiles {
  const fileSet = new Set(files);
  const dirs = new Set<string>();
  // Every folder above a tracked file, and a submodule's own folder too, so the walk enters it.
  const addFolders = (p: string, own: boolean) => {
    const parts = p.split('/');
    for (let i = 1; i <= (own ? parts.length : parts.length - 1); i++) dirs.add(parts.slice(0, i).join('/'));
  };
  for (const p of files) addFolders(p, false);
  for (const p of submodules) addFolders(p, true);
  const relative = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  return {
    root,
    isTracked: (abs) => fileSet.has(relative(abs)),
    hasTrackedUnder: (abs) => {
      const rel = relative(abs);
      return rel === '' ? fileSet.size > 0 || submodules.length > 0 : !rel.startsWith('..') && dirs.has(rel);
    },
  };
}
