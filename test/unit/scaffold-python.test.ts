import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { detectProject, mapScaffoldFs, scaffoldById } from '../../core/src/scaffold';
import type { ProjectInfo, ScaffoldId, ScaffoldPlan } from '../../core/src/scaffold/types';
import { loadPython, pythonParses } from './python-helpers';

const FLASK: Record<string, string> = {
  'requirements.txt': 'flask==3.0.0\ngunicorn==22.0.0\n',
  '.python-version': '3.11.4\n',
  '.env.example': 'SECRET_KEY=\n',
  'app.py': 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config["DB"] = os.environ["DATABASE_URL"]\nDEBUG = os.getenv("DEBUG", "0")\n',
};
const FASTAPI: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "svc"\nrequires-python = ">=3.12"\ndependencies = [\n  "fastapi>=0.110",\n  "uvicorn[standard]",\n]\n',
  'uv.lock': 'version = 1\n',
  'src/svc/main.py': 'import os\nfrom fastapi import FastAPI\n\napp = FastAPI()\nREDIS = os.environ.get("REDIS_URL")\n',
};
const DJANGO: Record<string, string> = {
  'requirements.txt': 'Django>=5.0\ngunicorn\n',
  'manage.py': 'import os\nimport sys\n',
  'mysite/__init__.py': '',
  'mysite/wsgi.py': 'import os\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\napplication = get_wsgi_application()\n',
  'mysite/settings.py': 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
};

async function detect(files: Record<string, string>): Promise<ProjectInfo> {
  return detectProject(mapScaffoldFs(files));
}

async function gen(id: ScaffoldId, files: Record<string, string>): Promise<ScaffoldPlan> {
  return (scaffoldById(id) as NonNullable<ReturnType<typeof scaffoldById>>).generate(await detect(files));
}

function file(plan: ScaffoldPlan, p: string): string {
  const f = plan.files.find((x) => x.path === p);
  assert.ok(f, `${p} generated (got ${plan.files.map((x) => x.path).join(', ')})`);
  return f.content;
}

describe('scaffold: Python projects', () => {
  before(loadPython);

  test('detection: language, version, installer, framework, server, app target, env reads', async () => {
    const flask = await detect(FLASK);
    assert.equal(flask.language, 'python');
    assert.deepEqual({ ...flask.python, envReads: undefined }, { version: '3.11', installer: 'requirements', framework: 'flask', server: 'gunicorn', appTarget: 'app:app', srcDir: '', envReads: undefined });
    assert.deepEqual(flask.python?.envReads, [{ name: 'DATABASE_URL', required: true }, { name: 'DEBUG', required: false }]);
    const fast = await detect(FASTAPI);
    assert.equal(fast.python?.installer, 'uv');
    assert.equal(fast.python?.framework, 'fastapi');
    assert.equal(fast.python?.server, 'uvicorn');
    assert.equal(fast.python?.appTarget, 'src.svc.main:app');
    assert.equal(fast.python?.version, '3.12');
    const dj = await detect(DJANGO);
    assert.equal(dj.python?.framework, 'django');
    assert.equal(dj.python?.appTarget, 'mysite.wsgi:application');
    const split = await detect({ ...DJANGO, 'requirements.txt': 'Django\n', 'requirements/prod.txt': 'gunicorn==22\n' });
    assert.equal(split.python?.server, 'gunicorn');
  });

  test('a package.json folder stays Node.js', async () => {
    const info = await detect({ 'package.json': '{"name":"x"}', 'tools/gen.py': 'print(1)\n' });
    assert.notEqual(info.language, 'python');
    assert.equal(info.python, undefined);
  });

  test('Dockerfile: slim base of the declared version, requirements layer, non-root, gunicorn on $PORT', async () => {
    const plan = await gen('dockerfile', FLASK);
    const l = file(plan, 'Dockerfile').split('\n');
    assert.ok(l.includes('ARG PYTHON_VERSION=3.11'));
    assert.ok(l.includes('FROM python:${PYTHON_VERSION}-slim'));
    assert.ok(l.indexOf('RUN pip install --no-cache-dir -r requirements.txt') < l.indexOf('COPY . .'));
    assert.ok(l.includes('USER app'));
    assert.ok(l.includes('CMD exec gunicorn app:app --bind 0.0.0.0:${PORT:-8000}'));
    const ignore = file(plan, '.dockerignore').split('\n');
    for (const entry of ['.env', '.venv', '__pycache__', '!.env.example']) assert.ok(ignore.includes(entry), entry);
  });

  test('Dockerfile: uv lockfile and uvicorn for FastAPI', async () => {
    const l = file(await gen('dockerfile', FASTAPI), 'Dockerfile').split('\n');
    assert.ok(l.includes('COPY pyproject.toml uv.lock ./'));
    assert.ok(l.some((x) => x.startsWith('RUN pip install --no-cache-dir uv && uv export --frozen')));
    assert.ok(l.includes('CMD exec uvicorn src.svc.main:app --host 0.0.0.0 --port ${PORT:-8000}'));
  });

  test('Procfile: gunicorn, uvicorn, Django with a release migration', async () => {
    assert.equal(file(await gen('procfile', FLASK), 'Procfile'), 'web: gunicorn app:app --bind 0.0.0.0:$PORT\n');
    assert.equal(file(await gen('procfile', FASTAPI), 'Procfile'), 'web: uvicorn src.svc.main:app --host 0.0.0.0 --port $PORT\n');
    assert.equal(file(await gen('procfile', DJANGO), 'Procfile'), 'web: gunicorn mysite.wsgi:application --bind 0.0.0.0:$PORT\nrelease: python manage.py migrate --noinput\n');
  });

  test('config.py: required from reads and .env.example, parses', async () => {
    const text = file(await gen('configModule', FLASK), 'config.py');
    assert.ok(text.includes('REQUIRED = ["DATABASE_URL", "SECRET_KEY"]'));
    assert.ok(text.includes('"DEBUG": os.environ.get("DEBUG"),'));
    assert.ok(text.includes('sys.exit("Missing required environment variables: " + ", ".join(missing))'));
    assert.ok(pythonParses(text));
  });

  test('every Python file each scaffold generates parses', async () => {
    for (const fixture of [FLASK, FASTAPI, DJANGO]) {
      for (const id of ['configModule', 'gracefulShutdown', 'logger', 'healthCheck'] as ScaffoldId[]) {
        const plan = await gen(id, fixture);
        for (const f of plan.files.filter((x) => x.path.endsWith('.py'))) assert.ok(pythonParses(f.content), `${id} ${f.path}`);
        assert.ok(plan.files.length > 0, id);
      }
    }
  });

  test('shutdown handles SIGTERM with signal.signal and asyncio add_signal_handler', async () => {
    const text = file(await gen('gracefulShutdown', FLASK), 'shutdown.py');
    assert.ok(text.includes('signal.signal(signal.SIGTERM, handler)'));
    assert.ok(text.includes('loop.add_signal_handler(sig, stop_event.set)'));
  });

  test('health check per framework; the FastAPI module goes beside the app', async () => {
    assert.ok(file(await gen('healthCheck', FLASK), 'health.py').includes('Blueprint'));
    assert.ok(file(await gen('healthCheck', FASTAPI), 'src/svc/health.py').includes('APIRouter'));
    assert.ok(file(await gen('healthCheck', DJANGO), 'health.py').includes('JsonResponse'));
  });
});

describe('scaffold: Python app factory', () => {
  test('a Flask create_app() factory is served quoted', async () => {
    const files = { 'requirements.txt': 'flask\n', 'web/__init__.py': 'from flask import Flask\n\n\ndef create_app():\n    return Flask(__name__)\n' };
    assert.equal(file(await gen('procfile', files), 'Procfile'), "web: gunicorn 'web:create_app()' --bind 0.0.0.0:$PORT\n");
    const served = { 'requirements.txt': 'flask\n', 'order-service/main.py': 'from flask import Flask\n\napp = Flask(__name__)\n' };
    assert.equal(file(await gen('procfile', served), 'Procfile'), 'web: gunicorn --chdir order-service main:app --bind 0.0.0.0:$PORT\n');
    const plan = await gen('dockerfile', files);
    assert.ok(plan.notes.some((n) => n.includes('gunicorn')));
  });
});

describe('scaffold: language per folder', () => {
  test('a package.json with only front-end tooling beside a Python app: the Python variant', async () => {
    const info = await detect({ ...FLASK, 'package.json': '{"name":"assets","scripts":{"build":"vite build"}}' });
    assert.equal(info.language, 'python');
  });

  test('a Node app with a helper script in Python stays Node.js', async () => {
    const info = await detect({ 'package.json': '{"name":"x","scripts":{"start":"node server.js"}}', 'requirements.txt': 'requests\n', 'server.js': '' });
    assert.notEqual(info.language, 'python');
  });
});
