// Faults the scan and the `--fix` writer meet on real disks: broken configuration and schema files, entries that
// cannot be read (permissions, folders named like files, FIFOs, dangling symlinks), symlink loops, a huge
// node_modules, and `.env` files that change, refuse writes or lack a final newline while the fix writes them.
//
// Every scan of a faulty tree runs in a child process: a scan that blocks (a FIFO opened for reading blocks until
// a writer appears) must fail this test, not hang the test runner, and synchronous code cannot be interrupted
// from inside the process that runs it. The child is killed only after HANG_MS, a safety net far beyond any
// load; the FIFO cases prove the point without a clock, by watching whether the scan ever opened the FIFO.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyFixes } from '../../core/src/cli/fix';
import { defaultConfig, parseConfig } from '../../core/src/config';
import { parseSchema } from '../../core/src/env/schema';
import { readTextSync } from '../../core/src/gitignore';
import { scanPaths, type ScanOutput } from '../../core/src/scan';
import { fake } from './helpers';

/** The repository root, from out/test/unit/ (compiled) or test/unit/ (source). */
const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const OUT_CORE = path.join(REPO, 'out', 'core', 'src');
/** Only a safety net: a scan of a handful of files takes milliseconds, so this is a hang on any machine. */
const HANG_MS = 3 * 60_000;

/** As root, chmod does not stop reads or writes: permission faults are then played by an unprivileged child. */
const IS_ROOT = process.getuid?.() === 0;
const UNPRIVILEGED: Pick<SpawnSyncOptions, 'uid' | 'gid'> = IS_ROOT ? { uid: 65534, gid: 65534 } : {};

const STRIPE_KEY = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
const DB_PASSWORD = fake('Tr0ub4dor', '-and-', '3xQ9');
const PAY_TS = `import Stripe from 'stripe';\n\nconst stripe = new Stripe('${STRIPE_KEY}');\nexport default stripe;\n`;
const PACKAGE_JSON = '{ "name": "app", "dependencies": { "stripe": "14.0.0" } }\n';

/**
 * Preloaded (`node -r`) into every child that scans: opening a FIFO throws instead of blocking, and says so on
 * stderr. A scan that would hang on a FIFO thus fails at once, with the FIFO's name, whatever the machine's load.
 */
const FIFO_GUARD = path.join(os.tmpdir(), `tf-fifo-guard-${process.pid}.js`);
fs.writeFileSync(FIFO_GUARD, `
  const fs = require('node:fs');
  const guard = (name) => {
    const original = fs[name];
    fs[name] = function (file, ...rest) {
      let fifo = false;
      try { fifo = typeof file !== 'number' && fs.statSync(file).isFIFO(); } catch {}
      if (fifo) {
        process.stderr.write('FIFO OPENED: ' + String(file) + '\\n');
        throw Object.assign(new Error('the test refuses to open the FIFO ' + String(file)), { code: 'EACCES' });
      }
      return original.call(this, file, ...rest);
    };
  };
  for (const name of ['readFileSync', 'openSync', 'createReadStream', 'readFile', 'open']) guard(name);
  for (const name of ['readFile', 'open']) {
    const original = fs.promises[name];
    fs.promises[name] = async (file, ...rest) => {
      if (typeof file !== 'number' && fs.statSync(file, { throwIfNoEntry: false })?.isFIFO()) {
        process.stderr.write('FIFO OPENED: ' + String(file) + '\\n');
        throw Object.assign(new Error('the test refuses to open the FIFO'), { code: 'EACCES' });
      }
      return original(file, ...rest);
    };
  }
`, { mode: 0o644 });
process.on('exit', () => fs.rmSync(FIFO_GUARD, { force: true }));

/** A child's stderr must not say that it opened a FIFO (see FIFO_GUARD). */
function assertNoFifoOpened(stderr: string, what: string): void {
  const opened = stderr.split('\n').filter((line) => line.startsWith('FIFO OPENED: '));
  assert.deepEqual(opened, [], `${what} opened a FIFO (it would block there for ever)`);
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A temporary workspace holding `files`, removed afterwards whatever happens (permissions restored first). */
async function withWorkspace(files: Record<string, string>, body: (root: string) => Promise<void> | void): Promise<void> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-faults-')));
  try {
    for (const [rel, text] of Object.entries(files)) write(root, rel, text);
    await body(root);
  } finally {
    restorePermissions(root);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function restorePermissions(dir: string): void {
  try {
    fs.chmodSync(dir, 0o777);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) restorePermissions(full);
      else if (entry.isFile()) fs.chmodSync(full, 0o666);
    }
  } catch {
    // best effort: rmSync with force follows
  }
}

/** Opens the whole tree to an unprivileged child (mkdtemp makes 0700 folders); `except` keeps its modes. */
function shareWith(dir: string, except: Set<string>): void {
  if (except.has(dir)) return;
  fs.chmodSync(dir, 0o777);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (except.has(full)) continue;
    if (entry.isDirectory()) shareWith(full, except);
    else if (entry.isFile()) fs.chmodSync(full, 0o666);
  }
}

const diskHost = (root: string) => ({ readFile: readTextSync, rootOf: () => root });

interface IsolatedScan {
  ms: number;
  filesScanned: number;
  skipped: Array<{ file: string; reason: string }>;
  files: Array<{ file: string; rules: string[] }>;
}

/**
 * `scanPaths` in a child process, killed after HANG_MS: the scan's outcome, or a failure saying it hung. With
 * `host`, other files (schema, `.env.example`) are read from the disk as the CLI reads them.
 */
function scanIsolated(root: string, targets: string[], options: { host?: boolean; user?: Pick<SpawnSyncOptions, 'uid' | 'gid'> } = {}): IsolatedScan {
  const script = `
    const { scanPaths } = require(${JSON.stringify(path.join(OUT_CORE, 'scan.js'))});
    const { readTextSync } = require(${JSON.stringify(path.join(OUT_CORE, 'gitignore.js'))});
    const [root, targets, host] = process.argv.slice(1);
    const started = Date.now();
    const out = scanPaths(JSON.parse(targets), { root, host: host === 'host' ? { readFile: readTextSync, rootOf: () => root } : undefined });
    process.stdout.write(JSON.stringify({ ms: Date.now() - started, filesScanned: out.filesScanned, skipped: out.skipped,
      files: out.files.map((f) => ({ file: f.file, rules: f.findings.map((x) => x.ruleId) })) }));`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-r', FIFO_GUARD, '-e', script, root, JSON.stringify(targets), options.host ? 'host' : ''], {
    cwd: root, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', ...(options.user ?? {}),
  });
  const elapsed = Date.now() - started;
  assert.ok(r.signal !== 'SIGKILL', `the scan of ${JSON.stringify(targets)} hung: killed after ${elapsed} ms (stderr: ${String(r.stderr).slice(0, 300)})`);
  assertNoFifoOpened(String(r.stderr), `the scan of ${JSON.stringify(targets)}`);
  assert.equal(r.status, 0, `the scan crashed: ${String(r.stderr).slice(0, 600)}`);
  return JSON.parse(r.stdout) as IsolatedScan;
}

function cli(args: string[], cwd: string, user: Pick<SpawnSyncOptions, 'uid' | 'gid'> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-r', FIFO_GUARD, CLI, ...args], {
    cwd, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' }, ...user,
  });
  assert.ok(r.signal !== 'SIGKILL', `twelve-factor ${args.join(' ')} hung: killed after ${Date.now() - started} ms`);
  assertNoFifoOpened(String(r.stderr), `twelve-factor ${args.join(' ')}`);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The folders `fn` lists (the walker's readdirSync, seen through node:fs), and its result. */
function countListings<R>(fn: () => R): { result: R; dirs: string[] } {
  // The module object itself (not the namespace copy of an import): the walker reads its methods through it.
  const nodeFs = require('node:fs') as typeof fs;
  const readdirSync = nodeFs.readdirSync;
  const dirs: string[] = [];
  nodeFs.readdirSync = ((dir: fs.PathLike, ...rest: unknown[]) => {
    dirs.push(String(dir));
    return (readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fs.readdirSync;
  try {
    return { result: fn(), dirs };
  } finally {
    nodeFs.readdirSync = readdirSync;
  }
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
const secretFiles = (root: string, out: ScanOutput | IsolatedScan) =>
  out.files.filter((f) => ('rules' in f ? f.rules : f.findings.map((x) => x.ruleId)).includes('config/hardcoded-secret')).map((f) => rel(root, f.file)).sort();

// ---------------------------------------------------------------------------------------------------------------
// Broken configuration and schema files
// ---------------------------------------------------------------------------------------------------------------

const BROKEN_CONFIGS: Record<string, string> = {
  'unclosed flow sequence': 'rules:\n  config/hardcoded-secret: off\nignore: [unclosed\n',
  'unclosed flow map': 'rules: {\n',
  'unterminated quote': 'rules:\n  config/hardcoded-secret: "off\n',
  'compact nested mapping': 'rules: config/hardcoded-secret: off\n',
  // Several errors at once: a user mid-edit (bad indentation, a tab, a key without value).
  'several errors at once': 'rules:\n  config/hardcoded-secret: off\nignore:\n  - a\n - b\n\tbad: x\n',
};

test('a .twelve-factor.yaml with syntax errors: exactly one clear problem, and the defaults for everything', () => {
  for (const [name, text] of Object.entries(BROKEN_CONFIGS)) {
    const { config, problems } = parseConfig(text);
    assert.equal(problems.length, 1, `${name}: expected one problem, got ${problems.length}: ${JSON.stringify(problems.map((p) => p.message))}`);
    assert.match(problems[0].message, /^Invalid YAML: \S/, name);
    const lines = text.split('\n').length;
    assert.ok(problems[0].range.start.line >= 0 && problems[0].range.end.line < lines, `${name}: the range is inside the file`);
    assert.deepEqual(config, defaultConfig(), `${name}: nothing of a broken file is half-applied`);
  }
});

test('a .twelve-factor.yaml with syntax errors: the scan runs with the defaults (a secret turned off in it is still an error)', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.twelve-factor.yaml': BROKEN_CONFIGS['unclosed flow sequence'] }, (root) => {
    const { config } = parseConfig(BROKEN_CONFIGS['unclosed flow sequence']);
    const out = scanPaths(['.'], { root, config, host: diskHost(root) });
    const secret = out.files.flatMap((f) => f.findings).find((f) => f.ruleId === 'config/hardcoded-secret');
    assert.equal(secret?.severity, 'error');
  });
});

test('the CLI with a broken .twelve-factor.yaml: exit 2, one located message, no stack trace, nothing written', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.twelve-factor.yaml': BROKEN_CONFIGS['unclosed flow sequence'] }, (root) => {
    const r = cli(['scan', '--fix'], root);
    assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one message: ${r.stderr}`);
    assert.match(lines[0], /\.twelve-factor\.yaml:\d+:\d+: Invalid YAML: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'), PAY_TS, '--fix wrote nothing with a broken configuration');
    assert.ok(!fs.existsSync(path.join(root, '.env')));
  });
});

test('an .env.schema.yaml with syntax errors: one env/invalid-schema finding on it; .env and code checked as if it were absent', async () => {
  const brokenSchemas = [
    'variables:\n  PORT: {type: port\n  API_URL:\n    type: url\n',
    'variables:\n  A:\n   type: string\n  B: : :\n\t- tab\n',
  ];
  for (const schema of brokenSchemas) {
    const parsed = parseSchema('/ws/.env.schema.yaml', schema);
    assert.equal(parsed.broken, true);
    assert.equal(parsed.problems.length, 1, `one problem: ${JSON.stringify(parsed.problems)}`);

    await withWorkspace({
      'package.json': PACKAGE_JSON,
      '.gitignore': '.env\n',
      '.env.schema.yaml': schema,
      '.env': 'PORT=not-a-port\nSOMETHING_ELSE=1\n',
      'src/app.ts': 'export const port = Number(process.env.PORT);\nexport const other = process.env.NOT_DECLARED_ANYWHERE;\n',
    }, (root) => {
      const out = scanPaths(['.'], { root, host: diskHost(root) });
      const byFile = new Map(out.files.map((f) => [rel(root, f.file), f.findings]));
      const onSchema = byFile.get('.env.schema.yaml') ?? [];
      assert.deepEqual(onSchema.map((f) => f.ruleId), ['env/invalid-schema'], 'exactly one finding on the schema');
      assert.match(onSchema[0].message, /not valid YAML/);
      const envRules = (byFile.get('.env') ?? []).map((f) => f.ruleId);
      for (const id of ['env/invalid-value', 'env/unknown-key', 'env/missing-required']) assert.ok(!envRules.includes(id), `${id} on .env: ${envRules}`);
      const codeRules = (byFile.get('src/app.ts') ?? []).map((f) => f.ruleId);
      assert.ok(!codeRules.includes('env/undeclared-usage'), `code is not told every read is undeclared: ${codeRules}`);
      assert.ok(out.filesScanned >= 5);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Entries that cannot be read, FIFOs, loops
// ---------------------------------------------------------------------------------------------------------------

test(`unreadable entries (chmod 000${IS_ROOT ? ' as an unprivileged child' : ''}, folders named like files, dangling symlinks): skipped or walked, never a crash`, async () => {
  await withWorkspace({
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/locked.ts': `export const password = '${DB_PASSWORD}';\n`,
    'locked-dir/inner.ts': `export const password = '${DB_PASSWORD}';\n`,
    // Folders whose names say file: the walk enters them, the readers of `.env.example`/schema/config see no text.
    'src/app.ts/inner.ts': 'export const x = 1;\n',
    '.env.example/README': 'not a file\n',
    '.env.schema.yaml/README': 'not a file\n',
    '.twelve-factor.yaml/README': 'not a file\n',
    '.gitignore/README': 'not a file\n',
  }, (root) => {
    fs.symlinkSync(path.join(root, 'missing.ts'), path.join(root, 'src/gone.ts'));
    fs.mkdirSync(path.join(root, 'pkg'));
    fs.symlinkSync('nowhere/.env.example', path.join(root, 'pkg/.env.example'));
    fs.writeFileSync(path.join(root, 'pkg/index.ts'), 'export const port = process.env.PORT;\n');
    const locked = new Set([path.join(root, 'src/locked.ts'), path.join(root, 'locked-dir')]);
    shareWith(root, locked);
    fs.chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    fs.chmodSync(path.join(root, 'locked-dir'), 0o000);

    const out = scanIsolated(root, ['.'], { host: true, user: UNPRIVILEGED });
    console.log(`unreadable entries: scanned ${out.filesScanned} files in ${out.ms} ms; skipped ${JSON.stringify(out.skipped.map((s) => [rel(root, s.file), s.reason]))}`);
    assert.deepEqual(secretFiles(root, out), ['src/pay.ts'], 'the readable secret is found, the locked ones are not read');
    const skipped = new Map(out.skipped.map((s) => [rel(root, s.file), s.reason]));
    assert.match(skipped.get('src/locked.ts') ?? '', /unreadable \(EACCES\)/);
    assert.match(skipped.get('locked-dir') ?? '', /unreadable folder \(EACCES\)/);
    // package.json, src/pay.ts, src/app.ts/inner.ts, pkg/index.ts and the four README files in the folders named like files.
    assert.equal(out.filesScanned, 8);

    // Named on the command line: a folder named like a file is walked, a dangling symlink is "not found".
    const direct = scanIsolated(root, ['src/gone.ts', 'src/app.ts', 'pkg/.env.example'], { host: true, user: UNPRIVILEGED });
    assert.equal(direct.filesScanned, 1);
    assert.deepEqual(direct.skipped.map((s) => [rel(root, s.file), s.reason]), [['src/gone.ts', 'not found'], ['pkg/.env.example', 'not found']]);
  });
});

test(`the server's workspace scan over unreadable files (chmod 000${IS_ROOT ? ' as an unprivileged child' : ''}): counts the files it read, as the CLI does`, async () => {
  await withWorkspace({
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/locked.ts': `export const password = '${DB_PASSWORD}';\n`,
    'locked-dir/inner.ts': `export const password = '${DB_PASSWORD}';\n`,
  }, (root) => {
    const locked = new Set([path.join(root, 'src/locked.ts'), path.join(root, 'locked-dir')]);
    shareWith(root, locked);
    fs.chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    fs.chmodSync(path.join(root, 'locked-dir'), 0o000);
    // WorkspaceScanner is what twelveFactor/scanWorkspace runs; its hooks here analyse nothing (the count is the point).
    const script = `
      const { WorkspaceScanner } = require(${JSON.stringify(path.join(REPO, 'out', 'server', 'src', 'workspaceScan.js'))});
      const { scanPaths } = require(${JSON.stringify(path.join(OUT_CORE, 'scan.js'))});
      const root = process.argv[1];
      const read = [];
      const scanner = new WorkspaceScanner({ analyze: async (file) => { read.push(file); return { findings: [] }; }, excludes: async () => [], facts: () => [], openText: () => undefined });
      scanner.scan([root], { report() {}, cancelled: false }).then((reports) => process.stdout.write(JSON.stringify({
        server: reports[0].filesScanned, analysed: read.length, cli: scanPaths(['.'], { root }).filesScanned })));`;
    const r = spawnSync(process.execPath, ['-e', script, root], { cwd: root, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', ...UNPRIVILEGED });
    assert.equal(r.status, 0, String(r.stderr).slice(0, 600));
    const counts = JSON.parse(r.stdout) as { server: number; analysed: number; cli: number };
    console.log(`workspace scan over unreadable files: ${JSON.stringify(counts)}`);
    assert.equal(counts.cli, 2, 'the CLI reads package.json and src/pay.ts');
    assert.equal(counts.analysed, 2);
    assert.equal(counts.server, counts.cli, 'filesScanned is "files the scan read": an unreadable file is not one');
  });
});

test('FIFOs are never read: no scan blocks on one, wherever it is', async (t) => {
  const base = { 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'src/app.js': 'const port = process.env.PORT;\nmodule.exports = port;\n' };
  /** A whole-folder scan: the three regular files, the key in src/pay.ts, not the FIFO. */
  const wholeFolder = (root: string) => {
    const out = scanIsolated(root, ['.'], { host: true });
    assert.equal(out.filesScanned, 3, 'the three regular files, not the FIFO');
    assert.deepEqual(secretFiles(root, out), ['src/pay.ts']);
  };
  const cases: Array<{ name: string; fifo: string; run: (root: string) => void }> = [
    { name: 'a FIFO among the sources (src/pipe.ts)', fifo: 'src/pipe.ts', run: wholeFolder },
    { name: 'a FIFO named on the command line (scan src/pipe.ts src/pay.ts)', fifo: 'src/pipe.ts', run: (root) => {
      const out = scanIsolated(root, ['src/pipe.ts', 'src/pay.ts'], { host: true });
      assert.equal(out.filesScanned, 1, 'src/pay.ts only');
      assert.deepEqual(secretFiles(root, out), ['src/pay.ts']);
      assert.ok(out.skipped.some((s) => rel(root, s.file) === 'src/pipe.ts'), `the FIFO is listed as skipped: ${JSON.stringify(out.skipped)}`);
    } },
    { name: 'a FIFO named .gitignore', fifo: '.gitignore', run: wholeFolder },
    { name: 'a FIFO named .env.example (read for every env read in code)', fifo: '.env.example', run: wholeFolder },
    { name: 'a FIFO named .env.schema.yaml beside a .env', fifo: 'src/.env.schema.yaml', run: (root) => {
      write(root, 'src/.env', 'PORT=3000\n');
      const out = scanIsolated(root, ['.'], { host: true });
      assert.equal(out.filesScanned, 4, 'the four regular files, not the FIFO');
      assert.deepEqual(secretFiles(root, out), ['src/pay.ts']);
    } },
    { name: 'a FIFO named .twelve-factor.yaml (the CLI reads it first)', fifo: '.twelve-factor.yaml', run: (root) => {
      const r = cli(['scan'], root);
      // Reporting (exit 1: the key) or refusing an unreadable configuration (exit 2, with a message) are both fine.
      assert.ok(r.code === 1 || r.code === 2, `exit code ${r.code}: ${r.stderr}`);
      if (r.code === 1) assert.match(r.stdout, /src\/pay\.ts/);
      else assert.match(r.stderr, /\.twelve-factor\.yaml/);
    } },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      await withWorkspace(base, (root) => {
        mkfifo(path.join(root, c.fifo));
        const started = Date.now();
        try {
          c.run(root);
        } finally {
          console.log(`FIFO ${c.fifo}: ${c.name}: ${Date.now() - started} ms`);
        }
      });
    });
  }
});

test('symlink loops (a -> b -> a, a folder linking to its parent, to itself): the walk ends, each real file once', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'sub/deep/file.ts': 'export const x = 1;\n' }, (root) => {
    fs.symlinkSync('b', path.join(root, 'src/a'));
    fs.symlinkSync('a', path.join(root, 'src/b'));
    fs.symlinkSync('..', path.join(root, 'sub/deep/up'));
    fs.symlinkSync('.', path.join(root, 'sub/self'));
    fs.symlinkSync(root, path.join(root, 'sub/root-link'));
    const out = scanIsolated(root, ['.'], { host: true });
    console.log(`symlink loops: ${out.filesScanned} files in ${out.ms} ms`);
    assert.equal(out.filesScanned, 3);
    assert.deepEqual(secretFiles(root, out), ['src/pay.ts']);
    // Named directly: a loop is an error of that path only, a link to a folder is walked without following links inside.
    const direct = scanIsolated(root, ['src/a', 'sub/deep/up'], { host: true });
    assert.deepEqual(direct.skipped.map((s) => [rel(root, s.file), s.reason]), [['src/a', 'not found']]);
    assert.equal(direct.filesScanned, 1, 'sub/deep/up is sub/: its one real file');
  });
});

/**
 * 50,000 modules under node_modules, nested as npm lays them out (scoped packages, lib/ and dist/cjs/), every tenth
 * holding a password. Hard links to two template files: regular files to the walk, written in a second rather than
 * the 10-20 s that 50,000 separate writes take on a busy disk.
 */
function fillNodeModules(root: string, total = 50_000): number {
  const templates = path.join(root, 'node_modules', '.templates');
  fs.mkdirSync(templates, { recursive: true });
  const plain = path.join(templates, 'plain.js');
  const secret = path.join(templates, 'secret.js');
  fs.writeFileSync(plain, 'module.exports = function add(a, b) { return a + b; };\n');
  fs.writeFileSync(secret, `module.exports = { password: '${DB_PASSWORD}' };\n`);
  let written = 2;
  for (let p = 0; written < total; p++) {
    const dir = path.join(root, 'node_modules', p % 5 === 0 ? `@scope${p % 7}` : '', `pkg-${p}`, p % 2 === 0 ? 'lib' : 'dist/cjs');
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100 && written < total; f++, written++) fs.linkSync(f % 10 === 0 ? secret : plain, path.join(dir, `m${f}.js`));
  }
  return written;
}

test('50,000 files in node_modules: skipped unlisted, the scan counts only the project', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'src/lib/util.ts': 'export const x = 1;\n', 'packages/a/node_modules/dep/index.js': `module.exports = '${DB_PASSWORD}';\n` }, (root) => {
    const generated = Date.now();
    const count = fillNodeModules(root);
    console.log(`node_modules: wrote ${count} files in ${Date.now() - generated} ms`);
    // Bounded work, not a stopwatch (bench/budgets.mjs times it): the walk lists no folder of node_modules.
    const listed = countListings(() => scanPaths(['.'], { root, host: diskHost(root) }));
    const out = listed.result;
    console.log(`node_modules: scanPaths listed ${listed.dirs.length} folders, filesScanned ${out.filesScanned}`);
    assert.deepEqual(listed.dirs.filter((d) => d.split(path.sep).includes('node_modules')), [], 'no folder of node_modules is listed');
    assert.ok(listed.dirs.length <= 6, `folders listed: ${listed.dirs.map((d) => rel(root, d)).join(', ')}`);
    assert.equal(out.filesScanned, 3, 'package.json, src/pay.ts, src/lib/util.ts');
    assert.ok(out.files.every((f) => !f.file.includes(`${path.sep}node_modules${path.sep}`)), 'nothing reported in node_modules');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// --fix writes: never clobber .env
// ---------------------------------------------------------------------------------------------------------------

/** The variable the fixed source now reads. */
function movedName(source: string): string {
  const m = /new Stripe\(process\.env\.([A-Z0-9_]+)\)/.exec(source);
  assert.ok(m, `the key was moved: ${source}`);
  return m[1];
}

test('--fix while another writer appends to .env after the scan: both lines survive', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': 'EXISTING=1\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root) });
    fs.appendFileSync(path.join(root, '.env'), 'OTHER_WRITER=42'); // no final newline, as a careless script writes
    const fixed = applyFixes(scan.files, root);
    assert.ok(fixed.fixesApplied >= 1);
    const source = fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8');
    const name = movedName(source);
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `EXISTING=1\nOTHER_WRITER=42\n${name}=${STRIPE_KEY}\n`);
  });
});

test('--fix while another writer takes the same variable name: its value is kept, the secret gets a new name', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root) });
    // Learn the name the fix will choose, then let "someone else" take it first.
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-probe-'));
    try {
      fs.cpSync(root, probe, { recursive: true });
      applyFixes(scanPaths(['.'], { root: probe, host: diskHost(probe) }).files, probe);
      const taken = movedName(fs.readFileSync(path.join(probe, 'src/pay.ts'), 'utf8'));
      fs.writeFileSync(path.join(root, '.env'), `${taken}=someone-elses-value\n`);
      applyFixes(scan.files, root);
      const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
      assert.notEqual(name, taken);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `${taken}=someone-elses-value\n${name}=${STRIPE_KEY}\n`);
    } finally {
      fs.rmSync(probe, { recursive: true, force: true });
    }
  });
});

test('--fix when .env changes between the plan and the write (a writer appends just before the first write of the fix): both lines survive intact', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': 'EXISTING=1\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root) });
    // The other writer runs inside applyFixes, after .env was read (for the plan and again before appending) and
    // just before the first write of the fix, whichever file and whichever call that is (writeFileSync,
    // appendFileSync, or openSync for writing). It appends a line without a final newline, as careless scripts do.
    const realFs = require('node:fs') as typeof fs;
    const originals = { writeFileSync: realFs.writeFileSync, appendFileSync: realFs.appendFileSync, openSync: realFs.openSync };
    let raced = false;
    const race = () => {
      if (raced) return;
      raced = true;
      originals.appendFileSync(path.join(root, '.env'), 'RACED_IN=yes');
    };
    const writes = (flags: unknown) => typeof flags === 'string' ? /[wa+]/.test(flags)
      : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
    realFs.writeFileSync = function (this: unknown, ...args: Parameters<typeof fs.writeFileSync>) {
      race();
      return originals.writeFileSync.apply(this, args);
    } as typeof fs.writeFileSync;
    realFs.appendFileSync = function (this: unknown, ...args: Parameters<typeof fs.appendFileSync>) {
      race();
      return originals.appendFileSync.apply(this, args);
    } as typeof fs.appendFileSync;
    realFs.openSync = function (this: unknown, ...args: Parameters<typeof fs.openSync>) {
      if (writes(args[1])) race();
      return originals.openSync.apply(this, args);
    } as typeof fs.openSync;
    try {
      applyFixes(scan.files, root);
    } finally {
      Object.assign(realFs, originals);
    }
    assert.ok(raced, 'the concurrent write happened between plan and write');
    const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
    // Whatever the order of the two appends, each is a whole line of its own: nothing glued, nothing lost.
    const lines = fs.readFileSync(path.join(root, '.env'), 'utf8').split('\n');
    assert.equal(lines[0], 'EXISTING=1');
    assert.deepEqual(lines.slice(1).filter((l) => l !== '').sort(), [`${name}=${STRIPE_KEY}`, 'RACED_IN=yes'].sort(),
      `two separate lines, not glued together: ${JSON.stringify(lines.slice(1))}`);
  });
});

test('--fix on a .env without a final newline: the new variable goes on its own line (LF and CRLF)', async () => {
  for (const [before, eol] of [['EXISTING=1', '\n'], ['A=1\r\nB=2', '\r\n']] as const) {
    await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': before }, (root) => {
      applyFixes(scanPaths(['.'], { root, host: diskHost(root) }).files, root);
      const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `${before}${eol}${name}=${STRIPE_KEY}${eol}`);
    });
  }
});

/** After a failed --fix nothing is lost: the source still holds the key (it was not moved anywhere). */
function assertNothingDestroyed(root: string, r: { code: number | null; stderr: string }, envText: string | undefined): void {
  assert.ok(r.code !== 0 && r.code !== null, `exit code ${r.code}`);
  assert.match(r.stderr, /\.env\b/, `the message names .env: ${r.stderr}`);
  assert.match(r.stderr, /EACCES|EISDIR|permission|directory|read-only|cannot write/i, `the message says why: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'), PAY_TS,
    'the source keeps its secret when .env cannot take it (else the key now exists nowhere)');
  if (envText !== undefined) assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), envText);
}

test(`--fix with a read-only .env (chmod 444${IS_ROOT ? ', run as an unprivileged user' : ''}): non-zero exit, a clear message, nothing destroyed`, async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': 'EXISTING=1\n' }, (root) => {
    const env = path.join(root, '.env');
    shareWith(root, new Set([env]));
    fs.chmodSync(env, 0o444);
    const r = cli(['scan', '--fix'], root, UNPRIVILEGED);
    console.log(`read-only .env: exit ${r.code}, stderr ${JSON.stringify(r.stderr.trim())}`);
    assertNothingDestroyed(root, r, 'EXISTING=1\n');
  });
});

test('--fix when .env is a directory (a write that must fail, even as root): non-zero exit, a clear message, nothing destroyed', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env/keep': 'KEEP=1\n' }, (root) => {
    const r = cli(['scan', '--fix'], root);
    console.log(`.env directory: exit ${r.code}, stderr ${JSON.stringify(r.stderr.trim())}`);
    assertNothingDestroyed(root, r, undefined);
    assert.equal(fs.readFileSync(path.join(root, '.env/keep'), 'utf8'), 'KEEP=1\n');
    assert.deepEqual(fs.readdirSync(path.join(root, '.env')), ['keep']);
  });
});
