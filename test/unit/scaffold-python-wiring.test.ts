import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appliedPlan as applied, planFor, sigtermFindings as findingsIn } from './scaffold-fixtures';
import { loadPython, pythonParses } from './python-helpers';

const plan = (files: Record<string, string>) => planFor('gracefulShutdown', files);
const sigtermFindings = (files: Record<string, string>, file: string) => findingsIn(files, file, (f) => f.endsWith('.py'));

const REQS = 'redis==5.0.0\n';
const WORKER = 'import os\nimport redis\n\nr = redis.Redis.from_url(os.environ["REDIS_URL"])\nwhile True:\n    job = r.blpop("jobs")\n    print(job)\n';
const SERVER = '"""A tiny HTTP service."""\nfrom http.server import (\n    BaseHTTPRequestHandler,\n    HTTPServer,\n)\n\n\ndef main():\n    httpd = HTTPServer(("", 8000), BaseHTTPRequestHandler)\n    httpd.serve_forever()\n\n\nif __name__ == "__main__":\n    main()\n';

describe('scaffold: Python graceful shutdown is wired into the file that runs the process', () => {
  before(loadPython);

  test('a while True consumer: import shutdown after the imports, shutdown.install() before the loop; the rule is satisfied across the modules', async () => {
    const files = { 'requirements.txt': REQS, 'worker.py': WORKER };
    assert.equal(sigtermFindings(files, 'worker.py'), 1, 'reported before');
    const p = await plan(files);
    assert.equal(p.edits?.length, 1);
    const after = applied(files, p);
    assert.equal(after['worker.py'], 'import os\nimport redis\nimport shutdown\n\nr = redis.Redis.from_url(os.environ["REDIS_URL"])\nshutdown.install()\nwhile True:\n    job = r.blpop("jobs")\n    print(job)\n');
    assert.ok(pythonParses(after['worker.py']) && pythonParses(after['shutdown.py']));
    assert.match(p.notes[0], /^Wired into worker\.py/);
    assert.equal(sigtermFindings(after, 'worker.py'), 0, 'handled by the shutdown module it imports');
  });

  test('serve_forever in a function: install(httpd.server_close) at its indentation, after a parenthesised import', async () => {
    const files = { 'requirements.txt': 'requests\n', 'server.py': SERVER };
    const after = applied(files, await plan(files));
    assert.ok(after['server.py'].includes('    HTTPServer,\n)\nimport shutdown\n'), after['server.py']);
    assert.ok(after['server.py'].includes('    httpd = HTTPServer(("", 8000), BaseHTTPRequestHandler)\n    shutdown.install(httpd.server_close)\n    httpd.serve_forever()\n'), after['server.py']);
    assert.ok(pythonParses(after['server.py']));
    assert.equal(sigtermFindings(after, 'server.py'), 0);
  });

  test('no import yet: after the module docstring', async () => {
    const files = { 'requirements.txt': REQS, 'loop.py': '"""Polls forever."""\nwhile True:\n    poll()\n' };
    assert.equal(applied(files, await plan(files))['loop.py'], '"""Polls forever."""\nimport shutdown\nshutdown.install()\nwhile True:\n    poll()\n');
  });

  test('left to the note: a file with a shutdown of its own, a served app without a loop, a runner outside the module\'s folder', async () => {
    const cases: Array<Record<string, string>> = [
      { 'requirements.txt': REQS, 'worker.py': WORKER.replace('print(job)', 'shutdown(job)') },
      { 'requirements.txt': 'flask\ngunicorn\n', 'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n' },
      { 'requirements.txt': 'fastapi\nuvicorn\n', 'src/svc/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n', 'scripts/worker.py': WORKER },
    ];
    for (const files of cases) {
      const p = await plan(files);
      assert.equal(p.edits, undefined, Object.keys(files).join(', '));
      assert.doesNotMatch(p.notes[0], /^Wired/);
    }
  });
});
