import * as fs from 'node:fs';
import * as path from 'node:path';
import { trackedFilesFor, type TrackedFiles } from './git/tracked';
import { GitIgnoreStack } from './gitignore';

/** Folders no walk enters unless asked to start inside them. */
export const DEFAULT_SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.cache', '.turbo', '.svelte-kit', '.vscode-test', '.hg', '.svn']);

export interface WalkedFile {
  file: string;
  size: number;
  /** Modification time when listed: with `size`, what `--cache` compares instead of reading the file. */
  mtimeMs?: number;
  /** Status-change time and inode when listed: a rewrite that restored the modification time still moves them. */
  ctimeMs?: number;
  ino?: number;
  /** Git ignores it (only `.env` files are listed when ignored: rules must know they are ignored). */
  gitIgnored: boolean;
  /** In git's index: committed or staged, so public whatever `.gitignore` says. */
  tracked?: boolean;
}

export interface WalkOptions {
  gitignore?: boolean;
  /** Checked between entries: true stops the walk. */
  cancelled?: () => boolean;
  /** Folders that could not be read. */
  onUnreadable?: (dir: string, code: string) => void;
  /** The git index could not be read (split, sparse, malformed): `.gitignore` alone chose the files. */
  onNotice?: (indexPath: string, message: string) => void;
}

/**
 * The files under a folder, sorted, without following symbolic links (no loops), without entering skipped
 * or git-ignored folders. A generator, so a caller can stop early or yield to other work between files.
 * In a git work tree what git tracks is listed whatever `.gitignore` and the skipped folders say (committed
 * build output, a tracked `.env`, vendored code are public), and only untracked files are judged by them.
 */
export function* walkFiles(root: string, options: WalkOptions = {}): Generator<WalkedFile> {
  const useGit = options.gitignore !== false;
  const stack = useGit ? GitIgnoreStack.forDirectory(root) : undefined;
  const tracked = useGit ? trackedFilesFor(root, options.onNotice) : undefined;
  yield* walkDir(root, stack, tracked, options);
}

function* walkDir(dir: string, stack: GitIgnoreStack | undefined, tracked: TrackedFiles | undefined, options: WalkOptions): Generator<WalkedFile> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    options.onUnreadable?.(dir, (error as NodeJS.ErrnoException).code ?? 'error');
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (options.cancelled?.()) return;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || entry.name === '.git') continue;
    if (entry.isDirectory()) {
      const hasTracked = tracked?.hasTrackedUnder(full) ?? false;
      if (!hasTracked && (DEFAULT_SKIPPED_DIRS.has(entry.name) || stack?.ignores(full, true))) continue;
      // A submodule or a nested repository answers for its own files.
      const inner = tracked && fs.existsSync(path.join(full, '.git')) ? trackedFilesFor(full, options.onNotice) : tracked;
      yield* walkDir(full, stack?.enter(full), inner, options);
    } else if (entry.isFile()) {
      const isTracked = tracked?.isTracked(full) ?? false;
      const gitIgnored = !isTracked && (stack?.ignores(full) ?? false);
      if (gitIgnored && !/^\.env/i.test(entry.name)) continue;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        continue;
      }
      const { size, mtimeMs, ctimeMs, ino } = stat;
      yield isTracked ? { file: full, size, mtimeMs, ctimeMs, ino, gitIgnored, tracked: true } : { file: full, size, mtimeMs, ctimeMs, ino, gitIgnored };
    }
  }
}

/**
 * Whether a walk of `root` lists this path: inside the root, tracked by git, or in no skipped folder and not
 * git-ignored (a `.env` file excepted, as in the walk). Lets a watcher's event for one path be judged as the full walk would judge
 * it, so an incremental update never adds a file the scan leaves out (build output, node_modules).
 */
export function isWalked(root: string, target: string, isDirectory = false): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return true;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const segments = rel.split(path.sep);
  if (segments.includes('.git')) return false;
  const tracked = trackedFilesFor(isDirectory ? target : path.dirname(target));
  if (tracked && (isDirectory ? tracked.hasTrackedUnder(target) : tracked.isTracked(target))) return true;
  const folders = isDirectory ? segments : segments.slice(0, -1);
  if (folders.some((s) => DEFAULT_SKIPPED_DIRS.has(s))) return false;
  const stack = GitIgnoreStack.forDirectory(isDirectory ? target : path.dirname(target));
  // Git ignores what is below an ignored folder: every folder between the root and the target counts.
  let dir = root;
  for (const s of folders.slice(0, isDirectory ? -1 : undefined)) {
    dir = path.join(dir, s);
    if (stack.ignores(dir, true)) return false;
  }
  if (isDirectory) return !stack.ignores(target, true);
  return !stack.ignores(target) || /^\.env/i.test(path.basename(target));
}
