// Runs the integration suite (test/vscode/suite) in desktop VS Code with @vscode/test-electron. It downloads a
// VS Code build from update.code.visualstudio.com into .vscode-test/, so it needs internet access; on machines that
// reach only the npm registry and Debian mirrors (CI here) use test/vscode/runOffline.mjs, which runs the same suite.
//
//   node test/vscode/runElectron.mjs                     (Linux without a display: xvfb-run -a node test/vscode/runElectron.mjs)
//   VSCODE_TEST_VERSION=1.90.0 …                         the oldest VS Code engines.vscode allows (default: stable)
//   TWELVE_FACTOR_TEST_NEGATIVE_CONTROL=1 …              one test fails on purpose: the exit code must be 1
//   TWELVE_FACTOR_TEST_GREP=quick …                      only the tests whose title matches
//
// Last line: `N passed, N failed`. Exit codes: 0 all passed, 1 a test failed, 2 the harness failed (download, launch…).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { buildSuite } from './build.mjs';
import { buildExtension, ROOT, since, WORK } from './lib/codeServer.mjs';

const FIXTURE = path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace');
const T0 = Date.now();

buildExtension();
const suite = await buildSuite().catch((error) => {
  console.error(`[harness] ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
});

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-vscode-'));
const workspace = path.join(runDir, 'workspace');
fs.cpSync(FIXTURE, workspace, { recursive: true });
const resultsFile = path.join(runDir, 'results.json');

let exitCode = 2;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    cachePath: WORK,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    extensionTestsEnv: { TWELVE_FACTOR_TEST_RESULTS: resultsFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', path.join(runDir, 'user-data')],
  });
} catch (error) {
  // runTests rejects both when a test fails (the host exits 1) and when VS Code cannot be downloaded or started.
  const message = String(error?.message ?? error);
  console.error(`[harness] ${message}`);
  if (error instanceof TestRunFailedError && error.code === 1) {
    exitCode = 1;
  } else {
    console.error('[harness] VS Code could not be downloaded or started. This runner needs internet access (and a display: xvfb-run -a);');
    console.error('[harness] without them use node test/vscode/runOffline.mjs, which runs the same suite in code-server.');
    exitCode = 2;
  }
}

let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {
  results = undefined;
}
for (const test of results?.tests.filter((t) => t.state === 'failed') ?? []) console.log(`  FAIL ${test.title}\n${test.error}`);
const passed = results?.passed ?? 0;
const failed = results?.failed ?? 0;
if (results && exitCode !== 2) exitCode = failed === 0 && passed > 0 ? 0 : 1;
if (exitCode === 0 || !results) fs.rmSync(runDir, { recursive: true, force: true });
else console.log(`[harness] run folder kept: ${runDir}`);
console.log(`[harness] total ${since(T0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
