// `scan --fix` on a Python project applies the SIGTERM fix: the module registers a handler and rescans clean.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, workspace } from './run';

const dirs: string[] = [];
after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

describe('scan --fix on Python', () => {
  test('a serve_forever module gets a SIGTERM handler, once', () => {
    const dir = workspace({ 'server.py': '"""Server."""\nimport socketserver\n\nsrv = socketserver.TCPServer(("", 0), socketserver.BaseRequestHandler)\nsrv.serve_forever()\n' });
    dirs.push(dir);
    cli(['scan', '--fix'], dir);
    const out = fs.readFileSync(path.join(dir, 'server.py'), 'utf8');
    assert.match(out, /^import signal$/m);
    assert.equal(out.match(/signal\.signal\(signal\.SIGTERM, _stop_on_sigterm\)/g)?.length, 1, out);
    const json = cli(['scan', '--format', 'json'], dir);
    assert.doesNotMatch(json.stdout, /missing-sigterm-handler/);
  });
});
