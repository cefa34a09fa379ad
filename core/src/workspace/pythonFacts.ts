import type { WorkspaceFact } from './facts';
import type { Workspace } from './files';
import { dockerCommand, makeTarget, makeTargets, procfileTypes } from './launch';
import type { PythonProject } from './python';

/** The workspace facts a Python project speaks to, in its own files' and tools' words. */
export type EcosystemFacts = Partial<Record<string, WorkspaceFact>>;

const WEB = ['django', 'flask', 'fastapi', 'starlette', 'aiohttp', 'tornado', 'sanic', 'quart', 'litestar', 'falcon', 'bottle', 'pyramid', 'uvicorn', 'gunicorn', 'hypercorn', 'waitress', 'daphne', 'granian'];
const DEV_SERVER = /manage\.py\s+runserver|\bflask\s+run\b/;
const MIGRATE_TARGET = /^(db[-_:]?)?(migrate|migrations?|upgrade)$/;

export function pythonFacts(ws: Workspace, py: PythonProject): EcosystemFacts {
  const manifest = py.manifests[0] ?? 'manage.py';
  const file = ws.path(manifest);
  const make = makeTargets(ws);
  const run = runDeclared(ws, py, make);
  return {
    'codebase.one-app': py.workspace
      ? { factor: 1, id: 'codebase.one-app', status: 'pass', message: 'A uv workspace: each app is its own package, deployed on its own.', file }
      : { factor: 1, id: 'codebase.one-app', status: 'pass', message: `One app per ${manifest}.`, file },
    'dependencies.lockfile': lockfile(ws, py, file),
    'build.scripts': run
      ? { factor: 5, id: 'build.scripts', status: 'pass', message: `Nothing to compile; the run stage is declared (${run.source}).`, file: ws.path(run.file) }
      : { factor: 5, id: 'build.scripts', status: 'info', message: 'Nothing to compile; how the app runs is judged under Processes.', file },
    'processes.procfile': procfile(ws, py, run),
    'port-binding.web-server': webServer(py, file),
    'admin.migrations': migrations(ws, py, make, file),
    'admin.scripts': adminScripts(ws, py, make),
  };
}

function lockfile(ws: Workspace, py: PythonProject, file: string): WorkspaceFact {
  const id = 'dependencies.lockfile';
  if (py.lockfile) return { factor: 2, id, status: 'pass', message: `Dependencies are locked (${py.lockfile}).`, file: ws.path(py.lockfile) };
  if (py.manifests.includes('Pipfile')) {
    return { factor: 2, id, status: 'fail', message: 'Pipfile without Pipfile.lock: every install resolves the versions again. Run `pipenv lock` and commit Pipfile.lock.', file: ws.path('Pipfile') };
  }
  const req = py.requirements;
  if (req && req.pinned.length > 0 && req.unpinned.length === 0) {
    return { factor: 2, id, status: 'pass', message: `${req.file} pins every version (\`==\`${req.hashes ? ', with hashes' : ''}).`, file: ws.path(req.file) };
  }
  if (req && req.pinned.length > 0) {
    return { factor: 2, id, status: 'warning', message: `${req.file} pins ${req.pinned.length} of ${req.pinned.length + req.unpinned.length} packages; ${names(req.unpinned)} can resolve to a new version on any install. Pin them (\`pip freeze\`, \`pip-compile\` or \`uv pip compile\`).`, file: ws.path(req.file) };
  }
  if (py.declared.size === 0) return { factor: 2, id, status: 'pass', message: 'No dependencies to lock.', file };
  const how = py.tool === 'poetry' ? 'Run `poetry lock` and commit poetry.lock' : py.tool === 'pdm' ? 'Run `pdm lock` and commit pdm.lock' : py.tool === 'uv' ? 'Run `uv lock` and commit uv.lock'
    : req ? `Pin them in ${req.file} (\`pip freeze\`, \`pip-compile\` or \`uv pip compile\`)` : 'Commit the lockfile your tool writes (poetry.lock, uv.lock, pdm.lock) or a requirements.txt pinned with `==`';
  const where = req ? `${req.file} names versions as ranges or not at all` : `${py.manifests[0]} declares dependencies but nothing pins them`;
  return { factor: 2, id, status: 'fail', message: `${where}: every install resolves them again. ${how}.`, file: req ? ws.path(req.file) : file };
}

const names = (list: string[]) => `${list.slice(0, 3).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;

interface Run {
  source: string;
  file: string;
}

/** Where the project says how it runs: a Procfile, a Pipfile or console script, a Makefile target, the Dockerfile's command. */
function runDeclared(ws: Workspace, py: PythonProject, make: Map<string, string>): Run | undefined {
  if (ws.hasFile('Procfile')) return { source: 'Procfile', file: 'Procfile' };
  const script = Object.keys(py.scripts).find((k) => /^(start|serve|server|web|run|prod)$/.test(k));
  if (script) return { source: `\`${script}\` in ${py.scripts[script].file}`, file: py.scripts[script].file };
  const target = makeTarget(make, /^(run|serve|start|web|prod)$/, /\b(gunicorn|uvicorn|hypercorn|daphne)\b/);
  if (target) return { source: `\`make ${target}\``, file: ws.hasFile('Makefile') ? 'Makefile' : 'makefile' };
  // Any command but a bare shell: an entrypoint script (`./boot.sh`) says how the app runs as much as `gunicorn` does.
  const docker = dockerCommand(ws);
  if (docker && !/^\[?\s*"?(\/bin\/)?(ba|z)?sh"?\s*\]?$/.test(docker.command)) return { source: `the Dockerfile's ${docker.instruction}`, file: ws.hasFile('Dockerfile') ? 'Dockerfile' : 'Containerfile' };
  for (const conf of ['gunicorn.conf.py', 'gunicorn_config.py']) if (ws.hasFile(conf)) return { source: conf, file: conf };
  return undefined;
}

function procfile(ws: Workspace, py: PythonProject, run: Run | undefined): WorkspaceFact {
  const id = 'processes.procfile';
  const web = procfileTypes(ws).get('web');
  if (web && DEV_SERVER.test(web)) {
    return { factor: 6, id, status: 'warning', message: `The Procfile's web process runs a development server (\`${DEV_SERVER.exec(web)?.[0]}\`): serve with gunicorn or uvicorn, which handle concurrency and signals.`, file: ws.path('Procfile') };
  }
  if (run) return { factor: 6, id, status: 'pass', message: `How the app runs is declared (${run.source}).`, file: ws.path(run.file) };
  const example = py.django ? '`gunicorn mysite.wsgi`, `python manage.py migrate`' : py.declared.has('fastapi') || py.declared.has('starlette') ? '`uvicorn main:app`'
    : WEB.some((w) => py.declared.has(w)) ? '`gunicorn app:app`' : '`python -m yourapp`';
  return { factor: 6, id, status: 'warning', message: `No Procfile: how the app runs (${example}) is not declared. Scaffold a Procfile.`, file: ws.path(py.manifests[0] ?? 'manage.py') };
}

function webServer(py: PythonProject, file: string): WorkspaceFact {
  const id = 'port-binding.web-server';
  const server = WEB.find((s) => py.declared.has(s)) ?? (py.django ? 'django' : undefined);
  return server
    ? { factor: 7, id, status: 'pass', message: `The app brings its own web server (${server}) and exports HTTP by binding a port.`, file }
    : { factor: 7, id, status: 'info', message: 'No web framework among the Python dependencies: not a web process.', file };
}

function migrations(ws: Workspace, py: PythonProject, make: Map<string, string>, file: string): WorkspaceFact {
  const id = 'admin.migrations';
  const pass = (message: string, at: string) => ({ factor: 12, id, status: 'pass' as const, message, file: ws.path(at) });
  const django = py.django && packageMigrations(ws, '__init__.py');
  if (django) return pass(`Django migrations (${django}) run as a one-off process: \`python manage.py migrate\`.`, django);
  // Alembic keeps an env.py in its script folder: at the root, or inside the app's package (flaskbb/migrations/).
  const alembic = ['alembic.ini', 'alembic', 'migrations/alembic.ini', 'migrations/env.py'].find((f) => ws.hasFile(f) || ws.hasDir(f) === true) ?? packageMigrations(ws, 'env.py');
  if (alembic) return pass(py.declared.has('flask-migrate') ? 'Alembic migrations run as a one-off process: `flask db upgrade`.' : 'Alembic migrations run as a one-off process: `alembic upgrade head`.', alembic);
  if (py.declared.has('flask-migrate') && ws.hasDir('migrations') === true) return pass('Flask-Migrate migrations run as a one-off process: `flask db upgrade`.', 'migrations');
  if (py.declared.has('flask-alembic')) return pass('Flask-Alembic migrations run as a one-off process: `flask db upgrade`.', py.manifests[0]);
  const target = makeTarget(make, MIGRATE_TARGET, /\b(alembic\s+upgrade|manage\.py\s+migrate|flask\s+db\s+upgrade|yoyo\s+apply)/);
  if (target) return pass(`Migrations run as a one-off process (\`make ${target}\`).`, 'Makefile');
  const dir = ['migrations', 'db/migrations', 'database/migrations'].find((d) => ws.hasDir(d) === true);
  if (dir) return { factor: 12, id, status: 'warning', message: `${dir}/ holds migrations but no tool runs them (alembic.ini, Flask-Migrate, Django's manage.py, a \`make migrate\` target): declare one so a release runs them once, as a one-off process.`, file };
  return { factor: 12, id, status: 'info', message: 'No database migrations found.' };
}

/**
 * The first `<app>/migrations/` (or `<project>/<app>/migrations/`) folder holding `marker`: `__init__.py` for
 * Django's, `env.py` for Alembic's. A bounded number of folders is listed.
 */
function packageMigrations(ws: Workspace, marker: string): string | undefined {
  const top = (ws.list('') ?? []).filter((d) => !d.includes('.') && !/^(node_modules|venv|env|static|templates|docs?)$/.test(d)).sort().slice(0, 200);
  for (const d of top) if (ws.hasFile(`${d}/migrations/${marker}`)) return `${d}/migrations/`;
  for (const d of top.slice(0, 40)) {
    for (const e of (ws.list(d) ?? []).filter((x) => !x.includes('.')).sort().slice(0, 100)) if (ws.hasFile(`${d}/${e}/migrations/${marker}`)) return `${d}/${e}/migrations/`;
  }
  return undefined;
}

function adminScripts(ws: Workspace, py: PythonProject, make: Map<string, string>): WorkspaceFact | undefined {
  const id = 'admin.scripts';
  if (py.manage) return { factor: 12, id, status: 'pass', message: 'One-off admin tasks run as `python manage.py <command>` in the release\'s environment.', file: ws.path('manage.py') };
  const target = makeTarget(make, /^(seed|shell|admin|console|createsuperuser|db[-_:].+)$/);
  if (target) return { factor: 12, id, status: 'pass', message: `One-off admin tasks ship with the app (\`make ${target}\`).`, file: ws.path('Makefile') };
  return undefined;
}
