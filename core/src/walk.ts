import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitIgnoreStack } from './gitignore';

/** Folders no walk enters unless asked to start inside them. */
export const DEFAULT_SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.cache', '.turbo', '.svelte-kit', '.vscode-test', '.hg', '.svn']);

export interface WalkedFile {
  file: string;
  size: number;
  /** Git ignores it (only `.env` files are listed when ignored: rules must know they are ignored). */
  gitIgnored: boolean;
}

export interface WalkOptions {
  gitignore?: boolean;
  /** Checked between entries: true stops the walk. */
  cancelled?: () => boolean;
  /** Folders that could not be read. */
  onUnreadable?: (dir: string, code: string) => void;
}

/**
 * The files under a folder, sorted, without following symbolic links (no loops), without entering skipped
 * or git-ignored folders. A generator, so a caller can stop early or yield to other work between files.
 */
export function* walkFiles(root: string, options: WalkOptions = {}): Generator<WalkedFile> {
  const stack = options.gitignore === false ? undefined : GitIgnoreStack.forDirectory(root);
  yield* walkDir(root, stack, options);
}

function* walkDir(dir: string, stack: GitIgnoreStack | undefined, options: WalkOptions): Generator<WalkedFile> {
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
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (DEFAULT_SKIPPED_DIRS.has(entry.name) || stack?.ignores(full, true)) continue;
      yield* walkDir(full, stack?.enter(full), options);
    } else if (entry.isFile()) {
      const gitIgnored = stack?.ignores(full) ?? false;
      if (gitIgnored && !/^\.env/i.test(entry.name)) continue;
      let size = 0;
      try {
        size = fs.statSync(full).size;
      } catch {
        continue;
      }
      yield { file: full, size, gitIgnored };
    }
  }
}

/**
 * Whether a walk of `root` lists this path: inside the root, in no skipped folder, not git-ignored (a `.env`
 * file excepted, as in the walk). Lets a watcher's event for one path be judged as the full walk would judge
 * it, so an incremental update never adds a file the scan leaves out (build output, node_modules).
 */
export function isWalked(root: string, target: string, isDirectory = false): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return true;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const segments = rel.split(path.sep);
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
