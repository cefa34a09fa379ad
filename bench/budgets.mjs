// `node bench/budgets.mjs`: the time budgets that `npm test` no longer asserts (a clock in the test suite fails
// on a busy machine, not on slow code). Each budget runs once, prints its time against its limit and PASS or
// FAIL; like the rest of bench/ it reports and never gates (exit 0). Run after `npm test` or a build: it
// loads the compiled core from out/ and the bundled server from dist/.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const load = (rel) => require(path.join(ROOT, 'out', rel));
const { scanPaths } = load('core/src/scan.js');
const { readTextSync } = load('core/src/gitignore.js');
const { analyze } = load('core/src/engine.js');
const { FileContext } = load('core/src/context.js');
const { defaultConfig } = load('core/src/config.js');
const { mapHost } = load('core/src/host.js');
const { scanEnv } = load('core/src/env/scan.js');
const { rules } = load('core/src/rules/index.js');
const { Session } = load('test/lsp/client.js');

const results = [];
async function budget(name, limitMs, fn) {
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  results.push(ms <= limitMs);
  console.log(`${ms <= limitMs ? 'PASS' : 'FAIL'}  ${name}: ${Math.round(ms)} ms (budget ${Math.round(limitMs)} ms)`);
  return ms;
}

function tempDir() {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-budgets-')));
}

/** 50,000 hard-linked modules under node_modules, as test/unit/faults.test.ts lays them out. */
function fillNodeModules(root, total = 50_000) {
  const plain = path.join(root, 'node_modules', '.templates', 'plain.js');
  fs.mkdirSync(path.dirname(plain), { recursive: true });
  fs.writeFileSync(plain, 'module.exports = 1;\n');
  for (let p = 0, written = 1; written < total; p++) {
    const dir = path.join(root, 'node_modules', `pkg-${p}`, 'lib');
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100 && written < total; f++, written++) fs.linkSync(plain, path.join(dir, `m${f}.js`));
  }
}

const env = rules.filter((r) => r.meta.id.startsWith('env/'));
const host = mapHost({ '/p/.env.schema.yaml': 'variables:\n  PORT: { type: port, required: true }\n', '/p/.env.example': 'PORT=\n' }, '/p');
const MB5 = 5 * 1024 * 1024;
const fill = (line) => line.repeat(Math.ceil(MB5 / line.length)).slice(0, MB5);
const analyzeEnv = (text) => analyze(new FileContext('/p/.env', text), { config: defaultConfig(), rules: env, host, maxFileSize: 8 * 1024 * 1024 });

const root = tempDir();
try {
  fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "app" }\n');
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src/index.ts'), 'export const port = process.env.PORT;\n');
  fillNodeModules(root);
  await budget('CLI scan of a project beside 50,000 files in node_modules', 3_000, () => scanPaths(['.'], { root, host: { readFile: readTextSync, rootOf: () => root } }));
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
await budget('a 5 MB .env of ordinary entries, every env rule', 3_000, () => analyzeEnv(fill('SOME_KEY_NAME=some value # and a comment\n')));
await budget('a 5 MB .env of blank lines', 10_000, () => analyzeEnv(fill('\n')));
await budget('a 5 MB .env of unclosed quotes', 10_000, () => analyzeEnv(fill('A="x\n')));
await budget('a 5 MB single-line .env value', 10_000, () => analyzeEnv('A=' + 'x'.repeat(MB5)));
await budget('50,000 keys in reverse order (env/unordered-key)', 5_000, () => analyzeEnv(
  `${Array.from({ length: 50_000 }, (_, i) => `K${String(99_999 - i).padStart(5, '0')}=1`).join('\n')}\n`));
const unit = 'A="x\nKEY\n\n  \nB=\'y\' # c\n';
const once = await budget('scanEnv over 200,000 lines', 2_000, () => scanEnv(unit.repeat(40_000)));
await budget('scanEnv over 4× the lines: at most 10× the time', Math.max(50, once) * 10, () => scanEnv(unit.repeat(160_000)));

// The bundled server, over stdio, as test/lsp does.
const session = await Session.start({});
try {
  const bundle = 'var a=1;' + 'function f(n){return n*2+1};'.repeat(360_000);
  const uri = await session.open('dist/vendor.js', bundle);
  await budget('the server answers a pull on a 10 MB minified bundle (skipped)', 5_000, () => session.pullOnce(uri));
  const lines = Array.from({ length: 5000 }, (_, i) => `export const value${i} = process.env.NAME_${i % 40} ?? '${i}';`).join('\n');
  const big = await session.open('src/big.ts', lines);
  await session.diagnostics(big);
  for (let i = 0; i < 1000; i++) await session.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 3 === 0 ? '\n' : 'x' }]);
  await budget('a pull after 1,000 rapid changes to a 5,000-line file', 10_000, () => session.diagnostics(big));
} finally {
  await session.close();
}
// Memory after close (issue 11): a file with 15,000 findings pulled 30 times at once, then closed. The server
// runs with --expose-gc, and twelveFactor/serverStats collects before it measures: heap is what is reachable.
const memory = await Session.start({ nodeArgs: ['--expose-gc'] });
try {
  const { ServerStatsRequest } = load('server/src/customMessages.js');
  const stats = () => memory.connection.sendRequest(ServerStatsRequest);
  const small = await memory.open('src/small.ts', "export const cache = 'redis://cache.internal:6379/0';\n");
  await memory.diagnostics(small);
  await memory.closeDocument(small);
  const base = await stats();
  const many = Array.from({ length: 15_000 }, (_, i) => `export const cache${i} = 'redis://cache-${i}.internal:6379/0';\n`).join('');
  const uri = await memory.open('src/many.ts', many);
  await Promise.all(Array.from({ length: 30 }, () => memory.pullOnce(uri).catch(() => undefined)));
  const open = await stats();
  await memory.closeDocument(uri);
  const closed = await stats();
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  const held = closed.heapUsed - base.heapUsed;
  results.push(held < 20 * 1024 * 1024);
  console.log(`${held < 20 * 1024 * 1024 ? 'PASS' : 'FAIL'}  memory after closing a 15,000-finding file pulled 30 times: heap ${mb(base.heapUsed)} → ${mb(open.heapUsed)} → ${mb(closed.heapUsed)} MB `
    + `(budget: within 20 MB of the baseline); RSS ${mb(base.rss)} → ${mb(open.rss)} → ${mb(closed.rss)} MB (informational: RSS is not given back reliably)`);
} finally {
  await memory.close();
}
console.log(`${results.filter(Boolean).length} of ${results.length} budgets met`);
