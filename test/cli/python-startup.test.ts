// The tree-sitter runtime and the Python grammar are loaded only when a Python file's text says a check could
// find something in it: a JavaScript project, or Python without such words, never loads them. Asserted by
// which modules the process loads (a preload hook reports them), never by time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-py-startup-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HOOK = path.join(scratch, 'hook.cjs');
fs.writeFileSync(HOOK, `const M = require('module'); const load = M._load;
M._load = function (request) { if (/tree-sitter/.test(request)) process.stderr.write('LOADED ' + request + '\\n'); return load.apply(this, arguments); };\n`);

function scan(files: Record<string, string>): { treeSitter: boolean; code: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(scratch, 'ws-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const r = spawnSync(process.execPath, ['-r', HOOK, CLI, 'scan', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  return { treeSitter: /LOADED .*tree-sitter/.test(r.stderr), code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('start-up: tree-sitter is loaded on demand', () => {
  test('the runtime and the grammar ship beside the bundle', () => {
    for (const f of ['tree-sitter.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm']) assert.ok(fs.existsSync(path.join(path.dirname(CLI), f)), f);
  });
  test('a JavaScript project: not loaded', () => {
    const r = scan({ 'src/db.js': "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n" });
    assert.equal(r.code, 1);
    assert.equal(r.treeSitter, false);
  });
  test('Python with nothing a check reads: not loaded', () => {
    const r = scan({ 'util.py': 'import json\n\ndef add(a, b):\n    return a + b\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.treeSitter, false);
  });
  test('a Python file that needs its tree: loaded, and the finding is made', () => {
    const r = scan({ 'settings.py': "SECRET_KEY = 's3cr3t-Pa55-k3y'\n", 'util.py': 'x = 1\n' });
    assert.equal(r.treeSitter, true);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /config\/hardcoded-secret/);
  });
});
