import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { findingsOf, fixPy, loadPython, pythonParses } from './python-helpers';

before(loadPython);

const SIGTERM = 'disposability/missing-sigterm-handler';

/** Fixes the file, then checks it parses and rescans with no missing-sigterm-handler finding. */
function fixed(path: string, code: string): string {
  assert.ok(findingsOf(SIGTERM, path, code).length > 0, 'the before case is reported');
  const out = fixPy(SIGTERM, path, code).source;
  assert.ok(pythonParses(out), `the fixed file parses:\n${out}`);
  assert.deepEqual(findingsOf(SIGTERM, path, out), [], `no finding after the fix:\n${out}`);
  return out;
}

const HANDLER = 'def _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n';

describe('missing-sigterm-handler fix in Python', () => {
  test('serve_forever: the handler goes after the imports (after a docstring), with import signal', () => {
    const code = '"""Server."""\nimport socketserver\n\nsrv = socketserver.TCPServer(("", 0), socketserver.BaseRequestHandler)\nsrv.serve_forever()\n';
    assert.equal(fixed('/ws/app/server.py', code),
      `"""Server."""\nimport socketserver\nimport signal\n\n\n${HANDLER}\n\nsrv = socketserver.TCPServer(("", 0), socketserver.BaseRequestHandler)\nsrv.serve_forever()\n`);
  });

  test('while True consumer: import signal is not duplicated when present', () => {
    const code = 'import signal\nimport redis\nr = redis.Redis()\nwhile True:\n    job = r.blpop("q")\n    print(job)\n';
    const out = fixed('/ws/app/worker.py', code);
    assert.equal(out.match(/^import signal$/gm)?.length, 1);
    assert.equal(out, `import signal\nimport redis\n\n\n${HANDLER}\n\nr = redis.Redis()\nwhile True:\n    job = r.blpop("q")\n    print(job)\n`);
  });

  test('two blank lines after the handler (PEP 8), however many (up to two) are already after the imports', () => {
    for (const gap of ['', '\n', '\n\n']) {
      const code = `from http.server import HTTPServer\n${gap}class H:\n    pass\n\n\nHTTPServer(("", 0), H).serve_forever()\n`;
      const out = fixed('/ws/app/web.py', code);
      assert.ok(out.includes(`${HANDLER}\n\nclass H:`), JSON.stringify(out));
    }
  });

  test('from __future__ imports stay first', () => {
    const code = 'from __future__ import annotations\nimport asyncio\n\nloop = asyncio.new_event_loop()\nloop.run_forever()\n';
    const out = fixed('/ws/app/loop.py', code);
    assert.ok(out.startsWith('from __future__ import annotations\n'));
  });

  test('several long-running sites in one module get one handler', () => {
    const code = 'import redis\nimport asyncio\nr = redis.Redis()\nloop = asyncio.new_event_loop()\nloop.run_forever()\nwhile True:\n    r.blpop("q")\n';
    const out = fixed('/ws/app/both.py', code);
    assert.equal(out.match(/signal\.signal\(/g)?.length, 1);
  });
});
