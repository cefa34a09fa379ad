import * as path from 'node:path';
import type { FileContext } from '../../context';
import { besideCommittedEnvTool } from '../../env/bundlerDefined';
import { gitView } from '../../workspace/git';
import { isSecretEnvName, isSensitiveName } from '../../secrets/names';
import { isLocalUrlHost, realPassword } from '../../secrets/providers/connection-strings';
import { isDescriptive, isEnvVarName } from '../../secrets/placeholder';
import { findProviderSecrets } from '../../secrets/scan';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'config/env-file-committed',
  defaultSeverity: 'error',
  description: 'A `.env` file holds one deploy\'s configuration and stays out of version control.',
  messages: {
    notIgnored: '`{file}` is not git-ignored: one `git add .` commits this machine\'s configuration and secrets. Add it to .gitignore and keep a `.env.example` instead.',
    tracked: '`{file}` is tracked by git: it is committed (or staged) whatever .gitignore says. Run `git rm --cached {file}`, keep a `.env.example`, and rotate any secret it held.',
    trackedDefaults: '`{file}` is tracked by git, but it holds only non-secret defaults (no variable named like a secret has a value, no credential, no service address): committed defaults are a documented practice. Keep secrets and this machine\'s values in `.env.local` or the deployment\'s environment.',
    notIgnoredDefaults: '`{file}` is not git-ignored, but it holds only non-secret defaults (no variable named like a secret has a value, no credential, no service address). Keep secrets and this machine\'s values in a git-ignored `.env.local` or the deployment\'s environment.',
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

/** An assignment's value without its blanks and surrounding quotes. */
function unquoted(raw: string): string {
  return raw.trim().replace(/^(["'])(.*)\1$/, '$2');
}

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
  if (!besideCommittedEnvTool(context.host, context.path)) return false;
  for (const m of context.text.matchAll(ASSIGNMENT)) {
    const value = unquoted(m[2]);
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
    const value = unquoted(m[2]);
    return !value.includes('://') && !(value !== '' && isSensitiveName(m[1]));
  });
}

// URL schemes of backing services: a `.env` that names one (`DATABASE_URL=postgresql://localhost/app`) points the
// app at a deployment's database, cache or broker, one deploy's configuration even without a password.
const SERVICE_URL = /^(?:postgres(?:ql)?|mysql2?|mariadb|mssql|sqlserver|cockroachdb|mongodb(?:\+srv)?|rediss?|amqps?|nats|smtps?|memcached?|jdbc:[a-z]+)(?:\+[a-z0-9]+)?:\/\//i;

/**
 * A value a secret-named variable runs with: anything but an empty value, an interpolation (`${DB_PASSWORD}`,
 * `$TOKEN`), one character repeated (`xxx`, `****`, the mask of a value to fill), the name of a variable, or words
 * that describe the slot (`your_api_key`). A stock value (`password`, `changethis`) counts: a committed `.env` is
 * the file the app (or its compose set-up) runs with, so it is the credential until someone replaces it.
 */
function isSetSecret(name: string, value: string): boolean {
  if (value === '' || !isSecretEnvName(name)) return false;
  if (/\$\{|\$\(|^\$[A-Za-z_]\w*$/.test(value) || /^(.)\1*$/s.test(value) || isEnvVarName(value)) return false;
  return !isDescriptive(value, name);
}

/**
 * Only non-secret defaults: build switches, ports, names, image tags, a SQLite path, public URLs. Create React App,
 * Vite and Next.js document a committed `.env` as the place for such defaults
 * (https://create-react-app.dev/docs/adding-custom-environment-variables/#what-other-env-files-can-be-used,
 * https://vite.dev/guide/env-and-mode#env-files, https://nextjs.org/docs/app/guides/environment-variables#default-environment-variables),
 * and backends that load a shared `.env` beside per-mode files follow the same practice. Not so when a variable
 * named like a secret has a value (isSetSecret), a value is one the secret rule finds by its shape (a provider key,
 * a URL with a password), a URL carries a login (`user:pass@`), or a value is a backing service's URL.
 */
function isNonSecretDefaults(context: FileContext): boolean {
  return !holdsSecret(context, true);
}

/** A secret-named variable with a value, a URL with a login, a provider's key; with `services`, a backing service's URL too. */
function holdsSecret(context: FileContext, services: boolean): boolean {
  for (const m of context.text.matchAll(ASSIGNMENT)) {
    const value = unquoted(m[2].replace(/[ \t]+#.*$/, ''));
    if (isSetSecret(m[1], value)) return true;
    if (services && SERVICE_URL.test(value)) return true;
    const login = URL_LOGIN.exec(value);
    if (login && !/^\$\{?[A-Za-z_]\w*\}?$/.test(login[1])) return true;
  }
  return findProviderSecrets(context.text).length > 0;
}

/** A deployed mode's file: `.env.production`, `.env.prod`, `.env.staging` (not `.local`, which isPrivateEnvFile takes). */
const DEPLOY_MODE_FILE = /^\.env\.(?:production|prod|staging)$/;

/**
 * A deployed mode's `.env` that no Vite, Next or Create React App package beside it loads as committed build
 * defaults (a backend's `.env.production` that its production compose file hands the server as `env_file`), holding
 * a secret: that deploy's credentials, reported as a `.env` is. One without a secret (ports, names, a database URL
 * with no login) is committed on purpose and stays unreported (audit: nest-admin's committed `.env.production`,
 * JWT secrets and an SMTP password).
 */
function isDeployModeSecrets(context: FileContext): boolean {
  if (!DEPLOY_MODE_FILE.test(path.basename(context.path).toLowerCase())) return false;
  if (context.host && besideCommittedEnvTool(context.host, context.path)) return false;
  return holdsSecret(context, false);
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isPrivateEnvFile(context.path) && !isDeployModeSecrets(context)) return;
  // An empty file or one of comments only commits nothing yet.
  if (!/^[ \t]*(export[ \t]+)?[A-Za-z_][\w.-]*[ \t]*=/m.test(context.text)) return;
  if (isToolDefaults(context) || isToolSettings(context)) return;
  const end = Math.max(1, context.text.search(/\r?\n|$/));
  const file = path.basename(context.path);
  // Non-secret defaults are still reported, as information: the file may gain a secret tomorrow.
  const defaults = isNonSecretDefaults(context);
  // The caller read git's index: a tracked file is public whatever .gitignore says.
  if (context.gitTracked) {
    if (defaults) report({ messageId: 'trackedDefaults', data: { file }, start: 0, end, identity: 'tracked', demote: 2 });
    else report({ messageId: 'tracked', data: { file }, start: 0, end, identity: 'tracked' });
    return;
  }
  if (context.gitIgnored) return;
  if (context.host && path.isAbsolute(context.path)) {
    const git = gitView(context.host, context.path);
    // Not in a git repository: there is nothing to commit it to. Ignored after all (the caller walked without .gitignore).
    if (!git || git.ignores) return;
  }
  if (defaults) report({ messageId: 'notIgnoredDefaults', data: { file }, start: 0, end, identity: 'notIgnored', demote: 2 });
  else report({ messageId: 'notIgnored', data: { file }, start: 0, end, identity: 'notIgnored' });
}

export const rule: Rule = { meta, check };
