import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { computeCompliance } from '../../core/src/compliance/model';
import { workspaceFacts } from '../../core/src/workspace/facts';
import { Workspace } from '../../core/src/workspace/files';
import { pythonProject, readRequirements } from '../../core/src/workspace/python';
import { facts, host, ROOT, status } from './workspace-helpers';

const MANAGE = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n';
const at = (id: string, files: Record<string, string>) => facts(files).get(id);
const fact = (id: string, files: Record<string, string>) => at(id, files)?.status;

const FLASK = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.gitignore': '.env\n__pycache__/\n',
  '.env.example': 'DATABASE_URL=\n',
  'requirements.txt': 'Flask==3.0.3\ngunicorn==22.0.0  # the web server\nFlask-Migrate==4.0.7\n',
  Procfile: 'web: gunicorn app:app\nrelease: flask db upgrade\n',
  'app.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.get("/healthz")\ndef health():\n    return "ok"\n',
  'migrations/env.py': '',
  'migrations/alembic.ini': '',
};

describe('workspace facts: Python', () => {
  test('a twelve-factor Flask app passes every fact it speaks to', () => {
    const m = facts(FLASK);
    assert.deepEqual(
      ['codebase.one-app', 'dependencies.lockfile', 'build.scripts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations'].map((id) => [id, m.get(id)?.status]),
      ['codebase.one-app', 'dependencies.lockfile', 'build.scripts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations'].map((id) => [id, 'pass']),
    );
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /requirements\.txt pins every version/);
    assert.match(m.get('port-binding.web-server')?.message ?? '', /\(flask\)/);
    assert.match(m.get('admin.migrations')?.message ?? '', /flask db upgrade/);
    assert.equal(m.get('disposability.health')?.file, path.join(ROOT, 'app.py'));
    assert.ok(![...m.values()].some((f) => /package\.json/.test(f.message)), 'no fact speaks of package.json');
  });

  test('dependencies.lockfile: requirements pins, ranges, hashes, includes and constraints', () => {
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask>=2\nrequests\n' }), 'fail');
    assert.match(at('dependencies.lockfile', { 'requirements.txt': 'flask>=2\n' })?.message ?? '', /requirements\.txt names versions as ranges.*pip-compile/);
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask==3.0.0\nrequests~=2.31\n' }), 'warning');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask==3.0.*\n' }), 'fail', 'a wildcard is a range');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask>=2 \\\n    --hash=sha256:abc\n' }), 'pass', 'hash-checking mode');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': '-r requirements/base.txt\n', 'requirements/base.txt': 'django==5.0.1\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': '-c constraints.txt\nflask\n', 'constraints.txt': 'flask==3.0.0\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask==3.0.0; python_version >= "3.8"\n-e .\n--index-url https://example.org/simple\n' }), 'pass');
    // Development requirements do not decide when production ones are pinned.
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': 'flask==3.0.0\n', 'requirements-dev.txt': 'pytest\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'requirements.txt': '# nothing yet\n' }), 'pass', 'no dependencies to lock');
  });

  test('dependencies.lockfile: pyproject.toml, Pipfile and setup.py', () => {
    const poetry = '[tool.poetry]\nname = "api"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "^0.110"\n';
    assert.equal(fact('dependencies.lockfile', { 'pyproject.toml': poetry }), 'fail');
    assert.match(at('dependencies.lockfile', { 'pyproject.toml': poetry })?.message ?? '', /poetry lock/);
    assert.equal(fact('dependencies.lockfile', { 'pyproject.toml': poetry, 'poetry.lock': '' }), 'pass');
    const pep621 = '[project]\nname = "api"\ndependencies = [\n  "fastapi>=0.110",\n  "uvicorn[standard]",\n]\n';
    assert.equal(fact('dependencies.lockfile', { 'pyproject.toml': pep621, 'uv.lock': '' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'pyproject.toml': pep621, 'pdm.lock': '' }), 'pass');
    assert.match(at('dependencies.lockfile', { 'pyproject.toml': `${pep621}\n[tool.uv]\n` })?.message ?? '', /uv lock/);
    assert.equal(fact('dependencies.lockfile', { 'pyproject.toml': '[build-system]\nrequires = ["hatchling"]\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { Pipfile: '[packages]\ndjango = "*"\n' }), 'fail');
    assert.match(at('dependencies.lockfile', { Pipfile: '[packages]\ndjango = "*"\n' })?.message ?? '', /pipenv lock/);
    assert.equal(fact('dependencies.lockfile', { Pipfile: '[packages]\ndjango = "*"\n', 'Pipfile.lock': '{}' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'setup.py': 'setup(name="x", install_requires=["flask>=2"])\n' }), 'fail');
    assert.equal(fact('dependencies.lockfile', { 'setup.cfg': '[options]\ninstall_requires =\n    flask>=2\n', 'requirements.txt': 'flask==3.0.0\n' }), 'pass');
  });

  test('port-binding.web-server: frameworks and servers by distribution name', () => {
    for (const [file, text] of [['requirements.txt', 'Django==5.0\n'], ['requirements.txt', 'uvicorn[standard]==0.29\n'], ['pyproject.toml', '[project]\ndependencies = ["FastAPI>=0.1"]\n'],
      ['pyproject.toml', '[tool.poetry.dependencies]\naiohttp = { version = "^3", extras = ["speedups"] }\n'], ['Pipfile', '[packages]\nsanic = "*"\n'], ['manage.py', MANAGE]]) {
      assert.equal(fact('port-binding.web-server', { [file]: text }), 'pass', `${file}: ${text}`);
    }
    assert.equal(fact('port-binding.web-server', { 'requirements.txt': 'requests==2.31\ncelery==5.3\n' }), 'info');
    assert.match(at('port-binding.web-server', { 'requirements.txt': 'requests==2.31\n' })?.message ?? '', /Python dependencies/);
  });

  test('processes.procfile and build.scripts: how the app runs', () => {
    const reqs = { 'requirements.txt': 'fastapi==0.110\n' };
    assert.equal(fact('processes.procfile', reqs), 'warning');
    assert.match(at('processes.procfile', reqs)?.message ?? '', /uvicorn main:app/);
    assert.equal(fact('build.scripts', reqs), 'info');
    for (const extra of [{ Makefile: 'run:\n\tuvicorn main:app --host 0.0.0.0\n' }, { Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]\n' }, { 'gunicorn.conf.py': 'bind = "0.0.0.0"\n' },
      { Pipfile: '[packages]\nfastapi = "*"\n[scripts]\nstart = "uvicorn main:app"\n' }, { Procfile: 'web: uvicorn main:app --port $PORT\n' }] as Array<Record<string, string>>) {
      assert.equal(fact('processes.procfile', { ...reqs, ...extra }), 'pass', Object.keys(extra)[0]);
      assert.equal(fact('build.scripts', { ...reqs, ...extra }), 'pass', Object.keys(extra)[0]);
    }
    // An entrypoint script declares the run as much as gunicorn does; a HEALTHCHECK's CMD or a bare shell does not.
    assert.equal(fact('processes.procfile', { ...reqs, Dockerfile: 'FROM python\nENTRYPOINT ["./boot.sh"]\n' }), 'pass');
    assert.equal(fact('processes.procfile', { ...reqs, Dockerfile: 'FROM python\nCMD ["bash"]\n' }), 'warning');
    assert.equal(fact('processes.procfile', { ...reqs, Dockerfile: 'FROM python\nCMD ["bash"]\nHEALTHCHECK --interval=5m \\\n  CMD curl -f http://localhost/\n' }), 'warning');
    assert.match(at('processes.procfile', { ...reqs, Dockerfile: 'FROM python\nCMD alembic upgrade head && \\\n    uvicorn app.main:app\n' })?.message ?? '', /Dockerfile's CMD/);
    assert.match(at('processes.procfile', { 'requirements.txt': 'discord.py==2.3\n' })?.message ?? '', /python -m/);
    const pipScripts = at('processes.procfile', { 'pyproject.toml': '[project]\nname = "x"\n', Pipfile: '[scripts]\nserve = "uvicorn main:app"\n' });
    assert.match(pipScripts?.message ?? '', /`serve` in Pipfile/);
    assert.equal(pipScripts?.file, path.join(ROOT, 'Pipfile'));
    // A development server in the Procfile.
    assert.equal(fact('processes.procfile', { 'manage.py': MANAGE, Procfile: 'web: python manage.py runserver 0.0.0.0:$PORT\n' }), 'warning');
    assert.equal(fact('processes.procfile', { ...reqs, Procfile: 'web: flask run\n' }), 'warning');
  });

  test('admin.migrations: Django, Alembic, Flask-Migrate, a make target; a folder nothing runs', () => {
    const django = { 'manage.py': MANAGE, 'requirements.txt': 'Django==5.0\n', 'shop/migrations/__init__.py': '', 'shop/migrations/0001_initial.py': '' };
    assert.equal(fact('admin.migrations', django), 'pass');
    assert.match(at('admin.migrations', django)?.message ?? '', /python manage\.py migrate/);
    assert.equal(fact('admin.migrations', { 'manage.py': MANAGE, 'src/shop/migrations/__init__.py': '' }), 'pass');
    // A Flask CLI's manage.py is not Django's: its Alembic folder is what counts.
    const flaskManage = { 'manage.py': 'from flask.cli import FlaskGroup\n', 'requirements.txt': 'Flask-Migrate==4\n', 'migrations/alembic.ini': '', 'app/utils/migrations/__init__.py': '' };
    assert.match(at('admin.migrations', flaskManage)?.message ?? '', /flask db upgrade/);
    assert.equal(fact('port-binding.web-server', { 'manage.py': 'from flask.cli import FlaskGroup\n' }), 'info');
    assert.match(at('admin.migrations', { 'pyproject.toml': '[project]\nname = "forum"\n', 'forum/migrations/env.py': '' })?.message ?? '', /alembic upgrade head/);
    assert.equal(fact('admin.migrations', { 'requirements.txt': 'alembic==1.13\n', 'alembic.ini': '', 'alembic/env.py': '' }), 'pass');
    assert.equal(fact('admin.migrations', { 'requirements.txt': 'Flask-Migrate==4.0\n', 'migrations/env.py': '' }), 'pass');
    assert.equal(fact('admin.migrations', { 'pyproject.toml': '[project]\ndependencies = ["Flask-Alembic>=3"]\n', 'forum/migrations/0001_init.py': '' }), 'pass');
    assert.equal(fact('admin.migrations', { 'requirements.txt': 'x==1\n', 'migrations/001.sql': '', Makefile: 'migrate:\n\tyoyo apply\n' }), 'pass');
    assert.equal(fact('admin.migrations', { 'requirements.txt': 'x==1\n', 'migrations/001.sql': '' }), 'warning');
    assert.doesNotMatch(at('admin.migrations', { 'requirements.txt': 'x==1\n', 'migrations/001.sql': '' })?.message ?? '', /package\.json/);
    assert.equal(fact('admin.migrations', { 'requirements.txt': 'x==1\n' }), 'info');
  });

  test('admin.scripts: manage.py commands and make targets', () => {
    assert.equal(fact('admin.scripts', { 'manage.py': MANAGE }), 'pass');
    assert.equal(fact('admin.scripts', { 'requirements.txt': 'x==1\n', Makefile: 'seed:\n\tpython seed.py\n' }), 'pass');
    assert.equal(fact('admin.scripts', { 'requirements.txt': 'x==1\n' }), 'info');
  });

  test('codebase.one-app names the manifest; a uv workspace is a monorepo', () => {
    assert.match(at('codebase.one-app', { 'pyproject.toml': '[project]\nname = "a"\n' })?.message ?? '', /pyproject\.toml/);
    assert.match(at('codebase.one-app', { 'pyproject.toml': '[tool.ruff]\nline-length = 100\n', 'requirements.txt': 'flask==3\n' })?.message ?? '', /per requirements\.txt/);
    assert.match(at('codebase.one-app', { 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' })?.message ?? '', /per pyproject\.toml/);
    assert.match(at('codebase.one-app', { 'pyproject.toml': '[tool.uv.workspace]\nmembers = ["packages/*"]\n' })?.message ?? '', /uv workspace/);
  });

  test('a host that cannot list still reads requirements.txt', () => {
    const m = facts({ 'requirements.txt': 'flask==3.0.0\n' }, {}, false);
    assert.equal(m.get('dependencies.lockfile')?.status, 'pass');
    assert.equal(m.get('port-binding.web-server')?.status, 'pass');
  });

  test('the project reader: names normalized, includes bounded, cycles followed once', () => {
    const ws = new Workspace(ROOT, host({ 'requirements.txt': '-r a.txt\nZope.Interface==6\n', 'a.txt': '-r requirements.txt\n-r ../../etc/passwd\nmy_pkg==1\n' }));
    assert.deepEqual(readRequirements(ws, 'requirements.txt'), { pinned: ['my-pkg', 'zope-interface'], unpinned: [], hashes: false });
    assert.equal(pythonProject(new Workspace(ROOT, host({ 'README.md': '' }))), undefined);
  });
});

describe('workspace facts: package.json beside Python', () => {
  test('a Django app with a front-end build: each ecosystem speaks for itself', () => {
    const m = facts({
      'manage.py': MANAGE, 'requirements.txt': 'Django==5.0\ngunicorn==22\n', Procfile: 'web: gunicorn shop.wsgi\n', 'shop/migrations/__init__.py': '',
      'package.json': JSON.stringify({ name: 'assets', scripts: { build: 'vite build' }, devDependencies: { vite: '^5' } }),
    });
    // The package.json starts nothing: it does not ask for a `start` script or a migration script.
    assert.equal(m.get('processes.procfile')?.status, 'pass');
    assert.equal(m.get('admin.migrations')?.status, 'pass');
    assert.equal(m.get('port-binding.web-server')?.status, 'pass');
    // Its dependencies still need a lockfile.
    assert.equal(m.get('dependencies.lockfile')?.status, 'fail');
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /^Node\.js: No lockfile/);
    assert.equal(m.get('dependencies.lockfile')?.file, path.join(ROOT, 'package.json'));
  });

  test('an Express API and a Python worker: the worst status wins and names its ecosystem', () => {
    const m = facts({
      'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' }, dependencies: { express: '^4' } }), 'package-lock.json': '{}',
      'pyproject.toml': '[project]\nname = "worker"\ndependencies = ["celery>=5"]\n',
    });
    assert.equal(m.get('dependencies.lockfile')?.status, 'fail');
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /^Python: pyproject\.toml declares dependencies/);
    assert.equal(m.get('port-binding.web-server')?.status, 'pass');
    assert.match(m.get('port-binding.web-server')?.message ?? '', /^Node\.js: .*express/);
    const both = facts({ 'package.json': '{}', 'package-lock.json': '{}', 'requirements.txt': 'flask==3\n' });
    assert.equal(status(both)['dependencies.lockfile'], 'pass');
    assert.match(both.get('dependencies.lockfile')?.message ?? '', /^Node\.js: .*package-lock\.json.* Python: requirements\.txt pins/);
  });
});

describe('the compliance model over Python facts', () => {
  test('the panel needs nothing new: a Python fact decides its factor with its own message', () => {
    const list = workspaceFacts(ROOT, host({ 'requirements.txt': 'flask>=2\n', Procfile: 'web: gunicorn app:app\n' }));
    const report = computeCompliance(ROOT, [], list, [], 1);
    const dependencies = report.factors[1];
    assert.equal(dependencies.status, 'failing');
    assert.match(dependencies.reason, /^requirements\.txt names versions as ranges/);
    assert.equal(report.factors[5].status, 'pass');
    assert.equal(report.factors[6].status, 'pass');
  });
});
