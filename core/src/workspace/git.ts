import ignore from 'ignore';
import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * Git's view of a file from the files alone: the repository root (the folder holding `.git`, a folder or
 * a worktree's file) and whether the `.gitignore` files between it and the file, plus `.git/info/exclude`,
 * ignore it. Whether the file is already tracked cannot be known without running git.
 */
export function gitView(host: FileHost, filePath: string): { root: string; ignores: boolean } | undefined {
  const chain: string[] = [];
  let dir = path.dirname(path.resolve(filePath));
  let root: string | undefined;
  for (let i = 0; i < 64; i++) {
    chain.unshift(dir);
    if (host.readFile(path.join(dir, '.git', 'HEAD')) !== undefined || host.readFile(path.join(dir, '.git')) !== undefined) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!root) return undefined;
  let ignored = false;
  const levels: Array<[string, string | undefined]> = [[root, host.readFile(path.join(root, '.git', 'info', 'exclude'))]];
  for (const d of chain) levels.push([d, host.readFile(path.join(d, '.gitignore'))]);
  for (const [d, text] of levels) {
    if (!text) continue;
    const rel = path.relative(d, filePath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const result = ignore().add(text).test(rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return { root, ignores: ignored };
}
