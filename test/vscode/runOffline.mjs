// Runs the integration suite (test/vscode/suite) inside a real VS Code extension host without downloading VS Code:
// code-server 4.100.3 (installed on demand into .vscode-test/code-server) hosts the workbench, Debian's headless
// Chromium (through playwright-core) opens it with the extension under development and the bundled suite.
//
//   node test/vscode/runOffline.mjs            build, install if needed, run; exit 0 only if every test passed
//   TWELVE_FACTOR_TEST_NEGATIVE_CONTROL=1 …    one test fails on purpose: the exit code must be 1
//   TWELVE_FACTOR_TEST_GREP=quick …            only the tests whose title matches
//   TWELVE_FACTOR_TEST_TIMEOUT=300 …           hard limit in seconds for the whole extension-host run
//   TWELVE_FACTOR_KEEP_RUN=1 …                 keep the run folder (workspace copy, code-server log) afterwards
//
// Last line: `N passed, N failed`. Exit codes: 0 all passed, 1 a test failed, 2 the harness failed (timeout, install…).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { buildSuite } from './build.mjs';
import { buildExtension, ensureCodeServer, launchBrowser, requireDebianPackages, ROOT, since, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const FIXTURE = path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace');
const timeoutSec = Number(process.env.TWELVE_FACTOR_TEST_TIMEOUT ?? 300);
const T0 = Date.now();
// Workbench start-up messages that say nothing about the extension or the tests.
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;

requireDebianPackages();
let t = Date.now();
buildExtension();
const suite = await buildSuite().catch((error) => {
  console.error(`[harness] ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
});
console.log(`[harness] built extension and suite in ${since(t)}`);
t = Date.now();
ensureCodeServer();

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-vscode-'));
const workspace = path.join(runDir, 'workspace');
fs.cpSync(FIXTURE, workspace, { recursive: true });
// The fixture's .env is git-ignored on purpose (a git-ignored .env is where secrets belong), so only a forced
// `git add -f` keeps it in a clone: say so plainly rather than fail four tests with "nonexistent file".
if (!fs.existsSync(path.join(workspace, 'dotenv', '.env'))) {
  console.error('[harness] test/vscode/fixtures/workspace/dotenv/.env is missing: it is git-ignored, commit it with `git add -f`');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
const resultsFile = path.join(runDir, 'results.json');

let server;
let sawMochaReport = false;
let browser;
let outcome = { code: 2, reason: 'harness error' };
let interrupted = false;
// Interrupted (Ctrl+C, CI cancel): still take code-server's whole process group and the browser down.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    interrupted = true;
    console.log(`[harness] ${signal}: stopping code-server and the browser`);
    await Promise.all([server?.stop(), browser?.close()]);
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
    process.exit(130);
  });
}
try {
  // The environment reaches the extension host: the suite writes its counts to TWELVE_FACTOR_TEST_RESULTS.
  server = await startCodeServer(path.join(runDir, 'code-server'), { env: { TWELVE_FACTOR_TEST_RESULTS: resultsFile } });
  console.log(`[harness] code-server on 127.0.0.1:${server.port} (process group ${server.pgid}) after ${since(t)}`);
  browser = await launchBrowser();
  const { page } = browser;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  // The web workbench calls these (the hooks @vscode/test-web uses): the runner's exit code, and the host's logs.
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code), reason: 'extension tests finished' }));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    if (WORKBENCH_CHATTER.test(text)) return;
    if (/^\s+\d+ (passing|failing)/.test(text)) sawMochaReport = true;
    process.stdout.write(`${text}${text.endsWith('\n') ? '' : '\n'}`);
  });
  page.on('pageerror', (e) => console.log('[harness] page error:', e.message));
  t = Date.now();
  await page.goto(workbenchUrl(server.port, workspace, { extensionDevelopmentPath: ROOT, extensionTestsPath: suite }));
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ code: 2, reason: `TIMEOUT: no result within ${timeoutSec} s` }), timeoutSec * 1000);
  });
  outcome = await Promise.race([finished, timeout]);
  clearTimeout(timer);
  console.log(`[harness] ${outcome.reason}: exit code ${outcome.code} after ${since(t)}`);
} catch (error) {
  if (!interrupted) console.error('[harness]', error);
} finally {
  await browser?.close();
  await server?.stop();
}

let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {
  results = undefined;
}
if (results) {
  // The spec reporter's output is mirrored above when the host forwards its console; else list the tests here.
  for (const test of results.tests.filter((t) => !sawMochaReport || t.state === 'failed')) {
    console.log(`  ${test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip'} ${test.title}${test.ms !== undefined ? ` (${test.ms} ms)` : ''}`);
    if (test.error) console.log(test.error.split('\n').map((l) => `       ${l}`).join('\n'));
  }
} else {
  console.log('[harness] the suite wrote no results');
  if (server) console.log(`[harness] code-server log: ${server.log}`);
}
const passed = results?.passed ?? 0;
const failed = results?.failed ?? 0;
const exitCode = outcome.code === 0 && results && failed === 0 && passed > 0 ? 0 : outcome.code === 2 || !results ? 2 : 1;
if (exitCode === 0 && !process.env.TWELVE_FACTOR_KEEP_RUN) fs.rmSync(runDir, { recursive: true, force: true });
else console.log(`[harness] run folder kept: ${runDir}`);
console.log(`[harness] total ${since(T0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
