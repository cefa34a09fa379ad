import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads a file as text, or undefined when it does not exist or cannot be read. */
export type ReadText = (filePath: string) => string | undefined;

/**
 * Regular files only: a FIFO, a socket or a device named like a file would block the read (or never end),
 * and a folder named like one is not text. Every read of a file the user did not open goes through here.
 */
export const readTextSync: ReadText = (filePath) => {
  try {
    // A missing file is the common answer (config names probed in every folder): no exception for it.
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
};

interface Level {
  dir: string;
  matcher: Ignore;
}

/**
 * The `.gitignore` files that apply to a folder, outermost first, each matching paths relative to its own
 * folder as git does. Built incrementally while walking down a tree, so each `.gitignore` is read once.
 */
export class GitIgnoreStack {
  private constructor(private readonly levels: Level[], private readonly read: ReadText) {}

  /** The stack for `dir`: every `.gitignore` from the repository root (the folder holding `.git`, else `stopAt`) down to it. */
  static forDirectory(dir: string, read: ReadText = readTextSync, stopAt?: string): GitIgnoreStack {
    const chain: string[] = [];
    let current = path.resolve(dir);
    for (;;) {
      chain.unshift(current);
      if (fs.existsSync(path.join(current, '.git'))) break;
      if (stopAt && path.resolve(stopAt) === current) break;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    let stack = new GitIgnoreStack([], read);
    const exclude = read(path.join(chain[0], '.git', 'info', 'exclude'));
    if (exclude) stack = new GitIgnoreStack([{ dir: chain[0], matcher: ignore().add(exclude) }], read);
    for (const d of chain) stack = stack.enter(d);
    return stack;
  }

  /** The stack for a child folder: this one plus the child's own `.gitignore`, if any. */
  enter(dir: string): GitIgnoreStack {
    const text = this.read(path.join(dir, '.gitignore'));
    if (!text) return this;
    return new GitIgnoreStack([...this.levels, { dir, matcher: ignore().add(text) }], this.read);
  }

  ignores(filePath: string, isDirectory = false): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const rel = path.relative(level.dir, filePath).split(path.sep).join('/');
      if (rel === '' || rel.startsWith('..')) continue;
      const result = level.matcher.test(isDirectory ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Whether git would ignore this file, from the `.gitignore` files between it and its repository root. */
export function isGitIgnored(filePath: string, read: ReadText = readTextSync, stopAt?: string): boolean {
  const stack = GitIgnoreStack.forDirectory(path.dirname(filePath), read, stopAt);
  return stack.ignores(filePath);
}
