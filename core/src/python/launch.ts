import * as path from 'node:path';
import type { FileContext } from '../context';

/** Process managers that serve a Python app: they handle SIGTERM for it and bind the port they are told. */
const APP_SERVERS = /\b(?:gunicorn|uvicorn|hypercorn|daphne|waitress-serve|uwsgi|granian|celery|rq|dramatiq|huey|fastapi\s+run)\b/;

/**
 * The commands the project's root Procfile and Dockerfile run, joined (empty without a host), with the shell
 * scripts they start (`web: sh heroku.sh`, `ENTRYPOINT ["/opt/app/docker-entrypoint.sh"]`) read from the
 * project: the script, not the Dockerfile, is often what runs gunicorn. A script named by a path outside the
 * project (a container path) is looked for at the root by its file name.
 */
export function launchCommands(context: FileContext): string {
  const host = context.host;
  const root = host?.rootOf(context.path);
  if (!host || !root) return '';
  const direct = ['Procfile', 'Dockerfile'].map((f) => host.readFile(path.join(root, f)) ?? '').join('\n');
  const scripts = new Set<string>();
  for (const m of direct.matchAll(/[\w./-]*[\w-]\.sh\b/g)) {
    const named = m[0].replace(/^\.\//, '');
    if (!named.startsWith('/') && !named.split('/').includes('..')) scripts.add(named);
    scripts.add(path.posix.basename(named));
  }
  const read = [...scripts].slice(0, 8).map((s) => host.readFile(path.join(root, s)) ?? '');
  return [direct, ...read].join('\n');
}

/** The Procfile or Dockerfile starts the app through an app server (gunicorn, uvicorn…). */
export function servedByAppServer(commands: string): boolean {
  return APP_SERVERS.test(commands);
}

/**
 * Whether the Procfile or Dockerfile at the root runs this file with Python itself (`python app.py`) and no
 * app server: only then is `app.run()` the production entry point.
 */
export function runsDirectly(context: FileContext, commands = launchCommands(context)): boolean {
  if (!commands || servedByAppServer(commands)) return false;
  const escaped = path.basename(context.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`\bpython[\d.]*"?,?\s+(?:"?-u"?,?\s+)?"?(?:[\w./-]*/)?${escaped}\b`).test(commands);
}
