import ignore from 'ignore';
import * as path from 'node:path';
import type { FileContext } from '../../context';
import type { FileHost } from '../../host';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'config/env-file-committed',
  factor: 3,
  factorName: 'Config',
  defaultSeverity: 'error',
  description: 'A `.env` file holds one deploy\'s configuration and stays out of version control.',
  docs: 'https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/config/env-file-committed.md',
  messages: {
    notIgnored: '`{file}` is not git-ignored: one `git add .` commits this machine\'s configuration and secrets. Add it to .gitignore and keep a `.env.example` instead.',
    tracked: '`{file}` is tracked by git: it is committed (or staged) whatever .gitignore says. Run `git rm --cached {file}`, keep a `.env.example`, and rotate any secret it held.',
  },
  fixable: false,
  kinds: ['env'],
  keywords: [],
};

/**
 * Files that hold one machine's or one deploy's values: `.env`, `.env.local`, `.env.production.local`.
 * `.env.development` and `.env.production` are committed on purpose by Vite, Next and CRA projects
 * (non-secret defaults per mode), and examples, samples, templates and schemas are meant to be shared.
 */
export function isPrivateEnvFile(filePath: string): boolean {
  const base = path.basename(filePath).toLowerCase();
  return base === '.env' || /^\.env(\.[\w-]+)?\.local$/.test(base);
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isPrivateEnvFile(context.path)) return;
  // An empty file or one of comments only commits nothing yet.
  if (!/^[ \t]*(export[ \t]+)?[A-Za-z_][\w.-]*[ \t]*=/m.test(context.text)) return;
  const end = Math.max(1, context.text.search(/\r?\n|$/));
  // The caller read git's index: a tracked file is public whatever .gitignore says.
  if (context.gitTracked) {
    report({ messageId: 'tracked', data: { file: path.basename(context.path) }, start: 0, end, identity: 'tracked' });
    return;
  }
  if (context.gitIgnored) return;
  if (context.host && path.isAbsolute(context.path)) {
    const git = gitView(context.host, context.path);
    // Not in a git repository: there is nothing to commit it to. Ignored after all (the caller walked without .gitignore).
    if (!git || git.ignores) return;
  }
  report({ messageId: 'notIgnored', data: { file: path.basename(context.path) }, start: 0, end, identity: 'notIgnored' });
}

/**
 * Git's view of a file from the files alone: the repository root (the folder holding `.git`, a folder or
 * a worktree's file) and whether the `.gitignore` files between it and the file, plus `.git/info/exclude`,
 * ignore it. Whether it is tracked is the caller's to say (`context.gitTracked`, read from git's index).
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

export const rule: Rule = { meta, check };
