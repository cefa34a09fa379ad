// The entry @vscode/test-electron (and the offline code-server runner) loads in the extension host:
// `run()` prepares the workspace copy, runs every *.test.js bundled beside this file with mocha, and
// rejects when a test fails. Counts also go to $TWELVE_FACTOR_TEST_RESULTS (JSON) for the runners.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECRETS } from './helpers';

// mocha is not bundled: it is required from the repository's node_modules at run time.
const Mocha = require('mocha') as typeof import('mocha');

/** Files run in this order (deactivation last); files not listed run before deactivation, alphabetically. */
const ORDER = ['activation', 'diagnostics', 'quickFix', 'fixAllOnSave', 'settings', 'restart', 'deactivation'];

interface Results {
  passed: number;
  failed: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }>;
}

/** Replaces `%%NAME%%` tokens with the fake secrets built at run time, in the temporary copy only. */
async function prepareWorkspace(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: open a copy of test/vscode/fixtures/workspace');
  if (/[\\/]test[\\/]vscode[\\/]fixtures[\\/]/.test(folder.uri.path)) {
    throw new Error(`refusing to write secrets into the fixtures themselves (${folder.uri.path}): the runners open a temporary copy`);
  }
  const files = await vscode.workspace.findFiles('**/*', '**/node_modules/**');
  for (const uri of files) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (!text.includes('%%')) continue;
    const replaced = text.replace(/%%([A-Z_]+)%%/g, (whole, name: string) => SECRETS[name] ?? whole);
    if (replaced !== text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(replaced));
  }
}

function testFiles(): string[] {
  const names = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
  const rank = (f: string) => {
    const i = ORDER.indexOf(f.replace(/\.test\.js$/, ''));
    return i >= 0 ? i : ORDER.indexOf('deactivation') - 0.5;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((f) => path.join(__dirname, f));
}

export async function run(): Promise<void> {
  await prepareWorkspace();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.TWELVE_FACTOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles()) mocha.addFile(file);

  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [] };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run((failed) => resolve(failed));
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
      });
      runner.on('fail', (t, error: Error) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(error?.stack ?? error) });
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (error) {
      reject(error);
    }
  });
  // A failing hook counts as a failure for mocha but is not a test: keep the two numbers consistent.
  results.failed = Math.max(results.failed, failures);
  const summary = `${results.passed} passed, ${results.failed} failed`;
  console.log(summary);
  const out = process.env.TWELVE_FACTOR_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} test(s) failed`);
}
