// What the fault tests share (test/unit/faults.test.ts in process, test/cli/faults.test.ts through the bundled
// CLI): temporary workspaces, FIFOs, permissions played by an unprivileged child, and a scan in a child process.
//
// Every scan of a faulty tree runs in a child process: a scan that blocks (a FIFO opened for reading blocks until
// a writer appears) must fail its test, not hang the test runner, and synchronous code cannot be interrupted
// from inside the process that runs it. The child is killed only after HANG_MS, a safety net far beyond any
// load; the FIFO cases prove the point without a clock, by watching whether the scan ever opened the FIFO.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanOutput } from '../../core/src/scan';
import { fake } from './helpers';

/** The repository root, from out/test/unit/ (compiled) or test/unit/ (source). */
export const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const OUT_CORE = path.join(REPO, 'out', 'core', 'src');
/** Only a safety net: a scan of a handful of files takes milliseconds, so this is a hang on any machine. */
export const HANG_MS = 3 * 60_000;

/** As root, chmod does not stop reads or writes: permission faults are then played by an unprivileged child. */
export const IS_ROOT = process.getuid?.() === 0;
export const UNPRIVILEGED: Pick<SpawnSyncOptions, 'uid' | 'gid'> = IS_ROOT ? { uid: 65534, gid: 65534 } : {};

export const STRIPE_KEY = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
export const DB_PASSWORD = fake('Tr0ub4dor', '-and-', '3xQ9');
export const PAY_TS = `import Stripe from 'stripe';\n\nconst stripe = new Stripe('${STRIPE_KEY}');\nexport default stripe;\n`;
export const PACKAGE_JSON = '{ "name": "app", "dependencies": { "stripe": "14.0.0" } }\n';

/**
 * Preloaded (`node -r`) into every child that scans: opening a FIFO throws instead of blocking, and says so on
 * stderr. A scan that would hang on a FIFO thus fails at once, with the FIFO's name, whatever the machine's load.
 */
export const FIFO_GUARD = path.join(os.tmpdir(), `tf-fifo-guard-${process.pid}.js`);
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
export function assertNoFifoOpened(stderr: string, what: string): void {
  const opened = stderr.split('\n').filter((line) => line.startsWith('FIFO OPENED: '));
  assert.deepEqual(opened, [], `${what} opened a FIFO (it would block there for ever)`);
}

export function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A temporary workspace holding `files`, removed afterwards whatever happens (permissions restored first). */
export async function withWorkspace(files: Record<string, string>, body: (root: string) => Promise<void> | void): Promise<void> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-faults-')));
  try {
    for (const [rel, text] of Object.entries(files)) write(root, rel, text);
    await body(root);
  } finally {
    restorePermissions(root);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

export function restorePermissions(dir: string): void {
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
export function shareWith(dir: string, except: Set<string>): void {
  if (except.has(dir)) return;
  fs.chmodSync(dir, 0o777);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (except.has(full)) continue;
    if (entry.isDirectory()) shareWith(full, except);
    else if (entry.isFile()) fs.chmodSync(full, 0o666);
  }
}

export interface IsolatedScan {
  ms: number;
  filesScanned: number;
  skipped: Array<{ file: string; reason: string }>;
  files: Array<{ file: string; rules: string[] }>;
}

/**
 * `scanPaths` in a child process, killed after HANG_MS: the scan's outcome, or a failure saying it hung. With
 * `host`, other files (schema, `.env.example`) are read from the disk as the CLI reads them.
 */
export function scanIsolated(root: string, targets: string[], options: { host?: boolean; user?: Pick<SpawnSyncOptions, 'uid' | 'gid'> } = {}): IsolatedScan {
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

export const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
export const secretFiles = (root: string, out: ScanOutput | IsolatedScan) =>
  out.files.filter((f) => ('rules' in f ? f.rules : f.findings.map((x) => x.ruleId)).includes('config/hardcoded-secret')).map((f) => rel(root, f.file)).sort();

export const BROKEN_CONFIGS: Record<string, string> = {
  'unclosed flow sequence': 'rules:\n  config/hardcoded-secret: off\nignore: [unclosed\n',
  'unclosed flow map': 'rules: {\n',
  'unterminated quote': 'rules:\n  config/hardcoded-secret: "off\n',
  'compact nested mapping': 'rules: config/hardcoded-secret: off\n',
  // Several errors at once: a user mid-edit (bad indentation, a tab, a key without value).
  'several errors at once': 'rules:\n  config/hardcoded-secret: off\nignore:\n  - a\n - b\n\tbad: x\n',
};
