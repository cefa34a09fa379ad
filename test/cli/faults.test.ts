// Faults the bundled CLI meets on real disks: a broken configuration, FIFOs wherever they sit (a scan must never
// open one: it would block there for ever), and a `.env` that refuses the fix's write. The same faults met in
// process are test/unit/faults.test.ts; the shared workspaces and the FIFO guard are test/unit/faults-harness.ts.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BROKEN_CONFIGS, HANG_MS, IS_ROOT, mkfifo, PACKAGE_JSON, PAY_TS, rel, scanIsolated, secretFiles, shareWith, UNPRIVILEGED, withWorkspace, write, assertNoFifoOpened, FIFO_GUARD, REPO } from '../unit/faults-harness';

const CLI = path.join(REPO, 'dist', 'cli.js');

function cli(args: string[], cwd: string, user: Pick<SpawnSyncOptions, 'uid' | 'gid'> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-r', FIFO_GUARD, CLI, ...args], {
    cwd, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' }, ...user,
  });
  assert.ok(r.signal !== 'SIGKILL', `twelve-factor ${args.join(' ')} hung: killed after ${Date.now() - started} ms`);
  assertNoFifoOpened(String(r.stderr), `twelve-factor ${args.join(' ')}`);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}


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
