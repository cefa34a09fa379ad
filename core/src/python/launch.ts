import * as path from 'node:path';
import type { FileContext } from '../context';
import { filesUnder } from '../workspace/filesUnder';

/** Process managers that serve a Python app: they handle SIGTERM for it and bind the port they are told. */
const APP_SERVERS = /\b(?:gunicorn|uvicorn|hypercorn|daphne|waitress-serve|uwsgi|granian|celery|rq|dramatiq|huey|fastapi\s+run)\b/;

/**
 * The commands the Procfiles and Dockerfiles from the file's folder up to the project's root run, joined
 * (empty without a host): a service in a subfolder has its own (`order-service/Dockerfile`). With them, the
 * shell scripts they start (`web: sh heroku.sh`, `ENTRYPOINT ["/opt/app/docker-entrypoint.sh"]`), read from
 * the folder that names them or the root: the script, not the Dockerfile, is often what runs gunicorn. A
 * script named by a path outside the project (a container path) is looked for by its file name. The root
 * compose file's `command:` and `entrypoint:` lines are read as well.
 */
export function launchCommands(context: FileContext): string {
  const host = context.host;
  const root = host?.rootOf(context.path);
  if (!host || !root) return '';
  const texts: string[] = [];
  const scripts = new Set<string>();
  for (const dir of foldersUpTo(path.dirname(context.path), root)) {
    for (const name of ['Procfile', 'Dockerfile', 'dockerfile']) {
      const text = host.readFile(path.join(dir, name));
      if (!text) continue;
      texts.push(text);
      for (const m of text.matchAll(/[\w./-]*[\w-]\.sh\b/g)) {
        const named = m[0].replace(/^\.\//, '');
        if (!named.startsWith('/') && !named.split('/').includes('..')) scripts.add(path.join(dir, named));
        scripts.add(path.join(dir, path.posix.basename(named)));
        scripts.add(path.join(root, path.posix.basename(named)));
      }
    }
  }
  for (const script of [...scripts].slice(0, 8)) texts.push(host.readFile(script) ?? '');
  // A compose file's `command:` and `entrypoint:` lines start the services too (`command: gunicorn -w 4 app:app`);
  // its other lines (images, environment) say nothing about how the code runs.
  for (const name of ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml']) {
    const text = host.readFile(path.join(root, name)) ?? '';
    texts.push(...text.split('\n').filter((line) => /^\s*(?:command|entrypoint):/.test(line)));
  }
  return texts.join('\n');
}

/** The folder and its parents up to the root (only the root when the folder is outside it). */
function foldersUpTo(dir: string, root: string): string[] {
  const out: string[] = [];
  for (let d = dir; d.startsWith(root) && d !== path.dirname(d); d = path.dirname(d)) {
    out.push(d);
    if (d === root) return out;
  }
  return [root];
}

/** The Procfile or Dockerfile starts the app through an app server (gunicorn, uvicorn…). */
export function servedByAppServer(commands: string): boolean {
  return APP_SERVERS.test(commands);
}

/**
 * Whether a Procfile or Dockerfile (or a script it starts) runs this file with Python itself (`python app.py`,
 * or `ENTRYPOINT ["python"]` with `CMD ["app.py"]`) and no app server: only then is `app.run()` the
 * production entry point.
 */
export function runsDirectly(context: FileContext, commands = launchCommands(context)): boolean {
  if (!commands || servedByAppServer(commands)) return false;
  const escaped = path.basename(context.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(String.raw`\bpython[\d.]*"?,?\s+(?:"?-u"?,?\s+)?"?(?:[\w./-]*/)?${escaped}\b`).test(commands)) return true;
  return /^ENTRYPOINT\s*\[\s*"python[\d.]*"\s*\]/m.test(commands)
    && new RegExp(String.raw`^CMD\s*\[\s*"(?:[\w./-]*/)?${escaped}"`, 'm').test(commands);
}

/** Folders no WSGI script of the deployment sits in. */
const NOT_DEPLOYED = /^(?:node_modules|\..*|venv|env|__pycache__|tests?|docs?|examples?|samples?)$/i;

/**
 * Whether a mod_wsgi script file of the project (`*.wsgi`, the file Apache's `WSGIScriptAlias` names) imports
 * this module (`from journalist import app as application`): Apache serves the app through it, so the
 * module's `if __name__ == '__main__': app.run(port=8081)` is the developer's server, as beside a gunicorn
 * Procfile. The tree is searched a few levels deep, once per question; only asked of a main-guarded server.
 */
export function servedByWsgiScript(context: FileContext): boolean {
  const host = context.host;
  const root = host?.rootOf(context.path);
  if (!host || !root) return false;
  const module = path.basename(context.path).replace(/\.py$/, '');
  if (!/^\w+$/.test(module)) return false;
  const imports = new RegExp(String.raw`^\s*(?:from\s+(?:[\w.]+\.)?${module}\s+import\b|import\s+(?:[\w.]+\.)?${module}\b)`, 'm');
  const scripts = filesUnder(host, root, (name) => name.endsWith('.wsgi'), { maxDepth: 7, maxFiles: 2000, skip: (d) => NOT_DEPLOYED.test(d) });
  return scripts.some((file) => imports.test(host.readFile(file) ?? ''));
}
