// `scan --concurrency`, through the bundled CLI: worker threads on the CLI's own bundle give the report, the exit
// code, the cache file and the fixed files of `--concurrency off`; bad values are usage errors; Ctrl-C ends the
// run, workers and all. Work counts (the workers `--verbose` names) show that the workers did the work.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parallelFixture, writeFixture } from '../unit/parallel-fixture';
import { CLI, cli } from './run';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-cli-concurrency-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function project(files: Record<string, string> = parallelFixture()): string {
  const root = fs.mkdtempSync(path.join(scratch, 'p-'));
  writeFixture(root, files);
  return root;
}

/** The worker counts `--verbose` prints: files answered for per worker. */
function workerFiles(stderr: string): number[] {
  return (/the worker threads analysed ([\d, ]+) files/.exec(stderr)?.[1] ?? '').split(', ').filter(Boolean).map(Number);
}

/** A cache file, without the signatures of folders above the scratch folder (other programs write to /tmp). */
function cacheFile(location: string): string {
  const parsed = JSON.parse(fs.readFileSync(path.join(location, 'scan-cache.json'), 'utf8')) as { signatures: Record<string, string> };
  for (const p of Object.keys(parsed.signatures)) if (!p.startsWith(scratch)) delete parsed.signatures[p];
  return JSON.stringify(parsed);
}

describe('scan --concurrency', () => {
  test('2 workers: the JSON and SARIF reports and the exit code of off, every worker having analysed files', () => {
    const root = project();
    for (const format of ['json', 'sarif']) {
      const off = cli(['scan', '--format', format], root);
      const pooled = cli(['scan', '--format', format, '--concurrency', '2', '--verbose'], root);
      assert.equal(off.code, 1, off.stderr);
      assert.equal(pooled.code, off.code, pooled.stderr);
      assert.equal(pooled.stdout, off.stdout);
      assert.match(pooled.stderr, /scanning with 2 worker threads/);
      const files = workerFiles(pooled.stderr);
      assert.equal(files.length, 2);
      assert.ok(files.every((n) => n > 0), pooled.stderr);
    }
    // The text report too, and auto (this fixture is small: auto keeps it in the main thread).
    const text = cli(['scan'], root);
    assert.equal(cli(['scan', '--concurrency', '2'], root).stdout, text.stdout);
    const auto = cli(['scan', '--concurrency', 'auto', '--verbose'], root);
    assert.equal(auto.stdout, cli(['scan', '--verbose'], root).stdout);
    assert.doesNotMatch(auto.stderr, /worker threads/);
  });

  test('--cache: the same cache file and reports, run after run, also once another module\'s imports changed', () => {
    const root = project();
    const [alone, pooled] = ['cache-off', 'cache-2'].map((name) => path.join(scratch, `${path.basename(root)}-${name}`));
    const run = (location: string, ...more: string[]) => cli(['scan', '--format', 'json', '--cache-location', location, ...more], root);
    for (let round = 0; round < 2; round++) {
      const off = run(alone);
      const two = run(pooled, '--concurrency', '2', '--verbose');
      assert.equal(two.stdout, off.stdout, `round ${round + 1}`);
      assert.equal(two.code, off.code);
      assert.equal(cacheFile(pooled), cacheFile(alone), `round ${round + 1}`);
      // The second run finds every file in the cache: nothing to analyse, no worker started.
      assert.equal(workerFiles(two.stderr).length, round === 0 ? 2 : 0, two.stderr);
    }
    // A module's imports change: the program phase runs again for every deferred file, Python and Go ones
    // included, whose own results come from the cache (their grammar is loaded for it).
    fs.appendFileSync(path.join(root, 'src/admin.js'), "require('./db');\n");
    const uncached = cli(['scan', '--format', 'json'], root);
    const off = run(alone);
    assert.equal(off.stdout, uncached.stdout);
    assert.equal(run(pooled, '--concurrency', '2').stdout, uncached.stdout);
    const sigterm = (JSON.parse(off.stdout) as { findings: Array<{ file: string; ruleId: string }> }).findings
      .filter((f) => f.ruleId === 'disposability/missing-sigterm-handler').map((f) => f.file);
    assert.deepEqual(sigterm, ['jobs/cleanup.py', 'src/admin.js', 'src/app.ts', 'tool/main.go']);
  });

  test('--fix with workers writes what --fix in one thread writes', () => {
    const files = parallelFixture(120);
    const [alone, pooled] = [project(files), project(files)];
    const off = cli(['scan', '--fix', '--format', 'json'], alone);
    const two = cli(['scan', '--fix', '--format', 'json', '--concurrency', '2', '--verbose'], pooled);
    assert.equal(two.code, off.code, two.stderr);
    assert.match(off.stderr, /Fixed \d+ problem/);
    assert.equal(two.stderr.match(/Fixed .*/)?.[0], off.stderr.match(/Fixed .*/)?.[0]);
    assert.equal(two.stdout.replaceAll(pooled, alone), off.stdout);
    const tree = (root: string): Record<string, string> => Object.fromEntries(fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(root, f)).isFile()).sort().map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
    assert.deepEqual(tree(pooled), tree(alone));
    assert.ok(workerFiles(two.stderr).every((n) => n > 0), two.stderr);
  });

  test('--concurrency takes off, auto or a whole number above 0', () => {
    const root = project({ 'a.ts': 'export const a = 1;\n' });
    for (const bad of ['0', 'abc', '-2', '1.5']) {
      const r = cli(['scan', `--concurrency=${bad}`], root);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--concurrency takes off, auto or a whole number above 0/);
    }
    for (const good of ['off', 'auto', '1', '3']) assert.equal(cli(['scan', '--concurrency', good], root).code, 0, good);
  });

  test('Ctrl-C ends the run and its workers', async () => {
    const root = project(parallelFixture(1500));
    const child = spawn(process.execPath, [CLI, 'scan', '--concurrency', '2', '--verbose'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    const started = new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('scanning with 2 worker threads')) resolve();
    }));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await started;
    child.kill('SIGINT');
    // Worker threads are threads of the one process: it ends, and with it every worker.
    assert.deepEqual(await ended, { code: null, signal: 'SIGINT' });
  });
});
