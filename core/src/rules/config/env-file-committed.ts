import * as path from 'node:path';
import type { FileContext } from '../../context';
import { COMMITTED_ENV_TOOLS } from '../../env/bundlerDefined';
import { gitView } from '../../workspace/git';
import { nearestManifest } from '../../workspace/manifest';
import { isSensitiveName } from '../../secrets/names';
import { isLocalUrlHost, realPassword } from '../../secrets/providers/connection-strings';
import { isDescriptive } from '../../secrets/placeholder';
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

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=(.*)$/gm;
// `scheme://user:password@host`.
const URL_LOGIN = /:\/\/[^/\s:@]*:([^/\s@]+)@([^\s/'"]*)/;

/**
 * A `.env` beside the package.json of a Vite, Next or Create React App project is that tool's file of shared
 * defaults (its docs say to commit it, and to keep private values in `.env.local`): not reported while no
 * variable the secret rule would call sensitive has a value, other than words describing it
 * (Next-js-Boilerplate's `CLERK_SECRET_KEY=your_clerk_secret_key`), and no URL holds a real password to another
 * machine (`postgresql://postgres:postgres@127.0.0.1` is the developer's database). Names meant for the browser
 * (`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY`) and a demo user's password (cypress-realworld-app's
 * `SEED_DEFAULT_USER_PASSWORD`) are not sensitive, as in the secret rule.
 */
function isToolDefaults(context: FileContext): boolean {
  if (!context.host || path.basename(context.path).toLowerCase() !== '.env') return false;
  const manifest = nearestManifest(context.host, context.path);
  if (!manifest || manifest.dir !== path.dirname(context.path)) return false;
  if (!COMMITTED_ENV_TOOLS.some((tool) => manifest.declared.has(tool))) return false;
  for (const m of context.text.matchAll(ASSIGNMENT)) {
    const value = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    const login = URL_LOGIN.exec(value);
    if (login) {
      if (realPassword(login[1]) && !isLocalUrlHost(login[2])) return false;
    } else if (value !== '' && isSensitiveName(m[1]) && !isDescriptive(value, m[1])) return false;
  }
  return true;
}

/** A Makefile line that reads the file as make's own (`include .env`, `-include .env .env.local`, `sinclude .env`). */
const MAKE_INCLUDE = /^[ \t]*(?:-include|sinclude|include)[ \t]+(?:[^\n#]*[ \t])?\.env(?=[ \t]|#|$)/m;
const MAKEFILES = ['Makefile', 'makefile', 'GNUmakefile'];

/**
 * A `.env` no program reads as its configuration, only a tool as its own settings, holding no secret and no
 * address: not one deploy's configuration. Two documented roles:
 * - Docker Compose reads a `.env` in the project folder for its own variables (`COMPOSE_PROJECT_NAME`,
 *   `COMPOSE_FILE`, `COMPOSE_PROFILES`: https://docs.docker.com/compose/how-tos/environment-variables/envvars/):
 *   a file of those alone configures the compose command, not the services (paperless-ngx).
 * - A Makefile beside it that `include`s it reads it as make variables (GNU make's `include`, the build's
 *   image names and versions, a project name): reported still if a variable names a secret or a value is a URL
 *   (`DATABASE_URL=…`), which the recipes may hand to the app.
 */
function isToolSettings(context: FileContext): boolean {
  if (path.basename(context.path).toLowerCase() !== '.env') return false;
  const assignments = [...context.text.matchAll(ASSIGNMENT)];
  if (assignments.every((m) => /^COMPOSE_[A-Z_]+$/.test(m[1]))) return true;
  if (!context.host) return false;
  const dir = path.dirname(context.path);
  const host = context.host;
  if (!MAKEFILES.some((name) => MAKE_INCLUDE.test(host.readFile(path.join(dir, name)) ?? ''))) return false;
  return assignments.every((m) => {
    const value = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    return !value.includes('://') && !(value !== '' && isSensitiveName(m[1]));
  });
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isPrivateEnvFile(context.path)) return;
  // An empty file or one of comments only commits nothing yet.
  if (!/^[ \t]*(export[ \t]+)?[A-Za-z_][\w.-]*[ \t]*=/m.test(context.text)) return;
  if (isToolDefaults(context) || isToolSettings(context)) return;
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
