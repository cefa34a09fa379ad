import * as path from 'node:path';
import type { FileContext } from '../../context';
import { gitView } from '../../workspace/git';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'config/env-file-committed',
  defaultSeverity: 'error',
  description: 'A `.env` file holds one deploy\'s configuration and stays out of version control.',
  messages: {
    notIgnored: '`{file}` is not git-ignored: one `git add .` commits this machine\'s configuration and secrets. Add it to .gitignore and keep a `.env.example` instead.',
    tracked: '`{file}` is tracked by git: it is committed (or staged) whatever .gitignore says. Run `git rm --cached {file}`, keep a `.env.example`, and rotate any secret it held.',
  },
  fixable: false,
  sarif: { securitySeverity: '7.5', tags: ['secrets', 'external/cwe/cwe-798'] },
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

export const rule: Rule = { meta, check };
