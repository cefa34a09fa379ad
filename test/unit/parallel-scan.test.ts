// `scan --concurrency`: the scan in worker threads gives what the scan in one thread gives — files, findings,
// suppressed findings and skipped entries in the same order, the same counts and the same cache file — with and
// without `--cache`, and when a worker throws or dies. Work counts (workers started, files per worker) show that
// the workers did the work; nothing here measures time.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { ScanCache } from '../../core/src/cli/cache';
import { runCli } from '../../core/src/cli/cli';
import { scanPathsParallel, type ParallelScanOutput } from '../../core/src/cli/parallelScan';
import { scanHost } from '../../core/src/cli/scanHost';
import { FILES_PER_WORKER, parseConcurrency, ScanWorkers, workerCount, type Concurrency } from '../../core/src/cli/workers';
import { defaultConfig } from '../../core/src/config';
import { rules } from '../../core/src/rules';
import { scanPaths, scanPathsPrepared, type ScanOutput } from '../../core/src/scan';
import { parallelFixture, writeFixture } from './parallel-fixture';

/** The CLI's entry, compiled: a worker thread started on it serves scans. */
const WORKER = path.resolve(__dirname, '../../core/src/cli/main.js');
/** Small enough that the fixture has skipped files of both kinds (a large module, a large .env read line by line). */
const MAX_FILE_SIZE = 20_000;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-parallel-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function project(extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(scratch, 'p-'));
  writeFixture(root, {
    ...parallelFixture(200),
    'src/generated.js': `export const table = [${'"row", '.repeat(4000)}];\n`,
    'big/.env.production': `API_TOKEN=ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\n${'# padding line\n'.repeat(2000)}`,
    ...extra,
  });
  return root;
}

function openCache(root: string, location: string | undefined): ScanCache | undefined {
  if (!location) return undefined;
  const cache = new ScanCache(location, defaultConfig(), rules, {}, scanHost(root));
  cache.load();
  return cache;
}

/** The scan in one thread, as the CLI runs it with `--concurrency off`. */
async function inOneThread(root: string, cacheLocation?: string): Promise<ScanOutput> {
  return scanPathsPrepared(() => {
    const cache = openCache(root, cacheLocation);
    const out = scanPaths(['.'], { root, host: scanHost(root), cache, maxFileSize: MAX_FILE_SIZE });
    cache?.save();
    return out;
  });
}

async function inWorkers(root: string, concurrency: Exclude<Concurrency, 'off'>, cacheLocation?: string, script = WORKER, cores = 2) {
  const workers = new ScanWorkers(concurrency, script, cores);
  const notices: string[] = [];
  try {
    const cache = openCache(root, cacheLocation);
    const out = await scanPathsParallel(['.'], { root, host: scanHost(root), cache, maxFileSize: MAX_FILE_SIZE, workers, onNotice: (m) => notices.push(m) });
    cache?.save();
    return { out, notices, losses: [...workers.losses] };
  } finally {
    await workers.close();
  }
}

/** Everything a report and the exit code are made of, in order. */
function comparable(out: ScanOutput | ParallelScanOutput) {
  return {
    files: out.files.map((f) => ({ file: f.file, findings: f.findings, suppressed: f.suppressed })),
    skipped: out.skipped,
    filesScanned: out.filesScanned,
    fromCache: out.fromCache,
    filesRead: out.filesRead,
    cancelled: out.cancelled,
  };
}

/** The cache file, without the signatures of folders above the scratch folder (other programs write to /tmp). */
function cacheFile(location: string): string {
  const parsed = JSON.parse(fs.readFileSync(path.join(location, 'scan-cache.json'), 'utf8')) as { signatures: Record<string, string> };
  for (const p of Object.keys(parsed.signatures)) if (!p.startsWith(scratch)) delete parsed.signatures[p];
  return JSON.stringify(parsed);
}

describe('the scan in worker threads', () => {
  test('two workers: the output of one thread, each worker having analysed more than one batch', async () => {
    const root = project();
    const one = await inOneThread(root);
    const { out, notices } = await inWorkers(root, 2);
    assert.deepEqual(comparable(out), comparable(one));
    assert.deepEqual(notices, []);
    assert.equal(out.workers?.started, 2);
    assert.ok(out.workers.files.every((n) => n > 64), `files per worker: ${out.workers.files.join(', ')}`);
    // The cases the comparison must hold: program rules across modules and languages, and skipped files.
    const PROGRAM = new Set(['processes/in-memory-session', 'disposability/missing-sigterm-handler']);
    const ruleOf = (file: string) => one.files.find((f) => f.file === path.join(root, file))?.findings.map((f) => f.ruleId).filter((id) => PROGRAM.has(id)) ?? [];
    assert.deepEqual(ruleOf('src/app.ts'), ['processes/in-memory-session', 'disposability/missing-sigterm-handler']);
    assert.deepEqual(ruleOf('src/server.js'), [], 'its SIGTERM handler is in another module');
    assert.deepEqual(ruleOf('src/admin.js'), ['disposability/missing-sigterm-handler']);
    assert.deepEqual(ruleOf('jobs/worker.py'), []);
    assert.deepEqual(ruleOf('jobs/cleanup.py'), ['disposability/missing-sigterm-handler']);
    assert.deepEqual(ruleOf('svc/main.go'), []);
    assert.deepEqual(ruleOf('tool/main.go'), ['disposability/missing-sigterm-handler']);
    assert.deepEqual(one.skipped.map((s) => [path.relative(root, s.file), s.reason]), [
      ['big/.env.production', 'larger than 20 KiB; checked line by line for secrets only'],
      ['src/generated.js', 'larger than 20 KiB'],
      ['src/vendor.min.js', 'minified'],
    ]);
  });

  test('--cache: the same cache file; unchanged runs start no worker; a change re-judges programs in the workers', async () => {
    const root = project();
    const [alone, pooled] = [path.join(scratch, `${path.basename(root)}-c1`), path.join(scratch, `${path.basename(root)}-c2`)];
    fs.mkdirSync(alone);
    fs.mkdirSync(pooled);
    const first = await inOneThread(root, alone);
    const firstPooled = await inWorkers(root, 2, pooled);
    assert.deepEqual(comparable(firstPooled.out), comparable(first));
    assert.equal(cacheFile(pooled), cacheFile(alone));

    const second = await inOneThread(root, alone);
    const secondPooled = await inWorkers(root, 2, pooled);
    assert.deepEqual(comparable(secondPooled.out), comparable(second));
    assert.equal(second.fromCache, second.filesScanned);
    assert.equal(secondPooled.out.workers, undefined, 'nothing to analyse: no worker started');

    // Another module's imports change: the program fingerprint moves, and every deferred file (Python and Go
    // ones, whose results came from the cache, included) is judged again, in the workers.
    fs.appendFileSync(path.join(root, 'src/admin.js'), "require('./db');\n");
    for (let i = 0; i < 40; i++) fs.appendFileSync(path.join(root, `src/lib/part${String(i).padStart(3, '0')}.${i % 2 ? 'ts' : 'js'}`), '// changed\n');
    const third = await inOneThread(root, alone);
    const thirdPooled = await inWorkers(root, 2, pooled);
    assert.deepEqual(comparable(thirdPooled.out), comparable(third));
    assert.equal(thirdPooled.out.workers?.started, 2);
    assert.equal(cacheFile(pooled), cacheFile(alone));
    const cleanup = third.files.find((f) => f.file === path.join(root, 'jobs/cleanup.py'));
    assert.deepEqual(cleanup?.findings.map((f) => f.ruleId), ['disposability/missing-sigterm-handler'], 'a cached Python file is still judged with its grammar');
  });

  test('a worker that throws on a file and one that dies: every file is analysed, as in one thread, and it is said', async () => {
    const root = project();
    const script = path.join(scratch, 'faulty-worker.js');
    fs.writeFileSync(script, `const scanRun = require(${JSON.stringify(path.resolve(__dirname, '../../core/src/scanRun.js'))});
const analyseFile = scanRun.analyseFile;
scanRun.analyseFile = (job, text, env) => {
  if (job.file.endsWith('part006.js')) throw new Error('boom');
  if (job.file.endsWith('part150.js')) process.exit(7);
  return analyseFile(job, text, env);
};
require(${JSON.stringify(WORKER)});
`);
    const one = await inOneThread(root);
    const { out, notices, losses } = await inWorkers(root, 2, undefined, script);
    assert.deepEqual(comparable(out), comparable(one));
    assert.deepEqual(notices, [`a scan worker failed on ${path.join(root, 'src/lib/part006.js')} (boom); analysed in the main thread`]);
    assert.deepEqual(losses, ['a scan worker stopped (exited with code 7)']);
  });

  test('a grammar that fails to load in a worker is said, and its files are reported as not fully analysed', async () => {
    const root = fs.mkdtempSync(path.join(scratch, 'grammar-'));
    const files: Record<string, string> = { 'main.py': 'API_TOKEN = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"\n' };
    for (let i = 0; i < 70; i++) files[`src/m${i}.js`] = `export const m${i} = ${i};\n`;
    writeFixture(root, files);
    const script = path.join(scratch, 'no-grammar-worker.js');
    fs.writeFileSync(script, `require(${JSON.stringify(path.resolve(__dirname, '../../core/src/treesitter/runtime.js'))}).resetTreeSitterForTests(${JSON.stringify(path.join(scratch, 'no-such-folder'))});
require(${JSON.stringify(WORKER)});
`);
    const { out } = await inWorkers(root, 2, undefined, script);
    assert.match(out.languageFailures.python ?? '', /^the python grammar could not be loaded/);
    assert.deepEqual(out.skipped.map((s) => [path.relative(root, s.file), s.reason.replace(/:.*/, '')]), [['main.py', 'not fully analysed']]);
  });

  test('progress on a terminal counts the files as in one thread', async () => {
    const root = fs.mkdtempSync(path.join(scratch, 'progress-'));
    writeFixture(root, parallelFixture(420));
    const run = async (concurrency: string) => {
      let stdout = '';
      let stderr = '';
      const sink = (write: (s: string) => void) => ({ isTTY: true, write: (s: string) => { write(s); return true; } }) as unknown as NodeJS.WritableStream & { isTTY: boolean };
      const code = await runCli(['scan', '--concurrency', concurrency], { stdout: sink((s) => { stdout += s; }), stderr: sink((s) => { stderr += s; }), cwd: root, env: { NO_COLOR: '1' } });
      return { code, stdout, stderr };
    };
    const off = await run('off');
    assert.match(off.stderr, /^\rscanned 200 files…\rscanned 400 files…\r\x1b\[K$/);
    assert.deepEqual(await run('2'), off);
  });

  test('auto: a small scan stays in the main thread; past FILES_PER_WORKER files, workers, with the same output', async () => {
    const small = fs.mkdtempSync(path.join(scratch, 'small-'));
    writeFixture(small, { 'src/db.ts': "export const dbPassword = 's3cr3t-Pa55-w0rd';\n", 'main.py': 'API_TOKEN = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"\n' });
    const alone = await inWorkers(small, 'auto', undefined, WORKER, 8);
    assert.equal(alone.out.workers, undefined, 'two files, eight cores: no worker');
    assert.deepEqual(comparable(alone.out), comparable(await inOneThread(small)));
    const large = fs.mkdtempSync(path.join(scratch, 'large-'));
    writeFixture(large, parallelFixture(FILES_PER_WORKER));
    const pooled = await inWorkers(large, 'auto', undefined, WORKER, 4);
    assert.equal(pooled.out.workers?.started, 2, 'more than one worker\'s worth of files, four cores: two workers');
    assert.deepEqual(comparable(pooled.out), comparable(await inOneThread(large)));
  });

  test('how many workers: ESLint\'s rules for N, auto by files to analyse and cores', () => {
    assert.equal(workerCount('off', 10_000, 8), 0);
    assert.equal(workerCount(4, 10_000, 2), 4, 'N is taken as asked');
    assert.equal(workerCount(4, 3, 2), 3, 'never more workers than files');
    assert.equal(workerCount(1, 10_000, 8), 0, 'one worker is no better than the main thread');
    assert.equal(workerCount('auto', FILES_PER_WORKER, 8), 0, 'one worker\'s worth of files: the main thread');
    assert.equal(workerCount('auto', FILES_PER_WORKER + 1, 8), 2);
    assert.equal(workerCount('auto', 3 * FILES_PER_WORKER, 8), 3);
    assert.equal(workerCount('auto', 100 * FILES_PER_WORKER, 8), 4, 'one per two cores');
    assert.equal(workerCount('auto', 100 * FILES_PER_WORKER, 64), 4, 'and no more than four');
    assert.equal(workerCount('auto', 100 * FILES_PER_WORKER, 2), 0, 'two cores: the main thread');
    assert.equal(new ScanWorkers('auto', WORKER, 8).lookahead, 3 * FILES_PER_WORKER + 1, 'enough files counted to decide');
    assert.equal(new ScanWorkers('auto', WORKER, 2).lookahead, 0, 'nothing to count where auto never starts a worker');
  });

  test('--concurrency values: off, auto, or a whole number above 0', () => {
    assert.equal(parseConcurrency('off'), 'off');
    assert.equal(parseConcurrency('auto'), 'auto');
    assert.equal(parseConcurrency('3'), 3);
    for (const bad of ['0', 'abc', '-1', '1.5', '', '2x', ' 2']) assert.equal(parseConcurrency(bad), undefined, bad);
  });
});
