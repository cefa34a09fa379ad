// The TypeScript compiler (dist/typescript.js, ~9 MB) is loaded only when a file needs a syntax tree: a run
// over a folder with no code, or with code whose text gates say no, never compiles it. Asserted by which
// modules the process loads (a preload hook reports them), never by time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-startup-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HOOK = path.join(scratch, 'hook.cjs');
fs.writeFileSync(HOOK, `const M = require('module'); const load = M._load;
M._load = function (request) { process.stderr.write('LOADED ' + request + '\\n'); return load.apply(this, arguments); };
// dist/cli.js compiles the bundle and the compiler itself (V8's code cache) and puts them in the module cache.
process.on('exit', () => { for (const file of Object.keys(M._cache)) process.stderr.write('CACHED ' + file + '\\n'); });\n`);

function scanLoads(files: Record<string, string>): { typescript: boolean; crypto: boolean; v8: boolean; workerThreads: boolean; code: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(scratch, 'ws-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const r = spawnSync(process.execPath, ['-r', HOOK, CLI, 'scan', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const loaded = (name: string) => new RegExp(`^LOADED (node:)?${name}$`, 'm').test(r.stderr);
  return { typescript: /^(LOADED .*typescript|CACHED .*typescript\.js$)/m.test(r.stderr), crypto: loaded('crypto'), v8: loaded('v8'), workerThreads: loaded('worker_threads'), code: r.status, stdout: r.stdout };
}

describe('start-up: the TypeScript compiler is loaded on demand', () => {
  test('the compiler is not inside the CLI bundle', () => {
    // Inlined, it would be compiled on every start, whether or not a tree is ever built (~9 MB of it).
    // dist/cli.js is the loader (code cache); the bundle beside it is dist/cli-main.js.
    const bundle = path.join(path.dirname(CLI), 'cli-main.js');
    assert.ok(fs.statSync(bundle).size < 3_000_000, `dist/cli-main.js is ${fs.statSync(bundle).size} bytes`);
    assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'typescript.js')));
  });
  test('an empty folder: not loaded', () => {
    const r = scanLoads({});
    assert.equal(r.code, 0);
    assert.equal(r.typescript, false);
    // Nothing to hash, no .env to parse: node:crypto (dotenv loads it too) stays unloaded.
    assert.equal(r.crypto, false);
    // Nor node:v8 (the heap tuning of a scan, set once a file has been analysed) and node:worker_threads (a
    // scan worker is told by its argv first): each pulls in Node's stream modules.
    assert.equal(r.v8, false);
    assert.equal(r.workerThreads, false);
  });
  test('only YAML and plain code without keywords: not loaded', () => {
    const r = scanLoads({ 'config.yaml': 'name: app\n', 'src/add.js': 'export const add = (a, b) => a + b;\n' });
    assert.equal(r.code, 0);
    assert.equal(r.typescript, false);
  });
  test('a file that needs its syntax tree: loaded, and the finding is made', () => {
    const r = scanLoads({ 'src/db.ts': "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n" });
    assert.equal(r.typescript, true);
    // A scan that analysed a file tunes its heap growth (core/src/cli/memory.ts).
    assert.equal(r.v8, true);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /config\/hardcoded-secret/);
  });
});
