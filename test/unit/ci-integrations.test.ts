import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../../core/src/cli/cli';

/** The GitHub Action and the pre-commit hook are parsed as their hosts parse them, then checked against the CLI. */

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  description?: string;
}

async function help(): Promise<string> {
  let out = '';
  const sink = new Writable({ write(chunk: Buffer, _e, done) { out += chunk.toString(); done(); } });
  const code = await runCli(['--help'], { stdout: sink, stderr: sink, cwd: ROOT, env: {} });
  assert.equal(code, 0);
  return out;
}

/** `--flag` options a script passes to the CLI. */
const flagsIn = (script: string) => [...script.matchAll(/\s(--[a-z][a-z-]*)/g)].map((m) => m[1]).filter((f) => f !== '--');

describe('action.yml', () => {
  const action = parse(read('action.yml')) as Action;

  test('is a composite action with the documented inputs, each described and defaulted', () => {
    assert.ok(action.name && action.description);
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'format', 'path', 'sarif-upload']);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, `${name} has a description`);
      assert.equal(typeof input.default, 'string', `${name} has a default`);
    }
    assert.equal(action.inputs.path.default, '.');
    assert.equal(action.inputs['sarif-upload'].default, 'true');
  });

  test('every run step names its shell and reads inputs from env, never pasted into the script', () => {
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      assert.ok(step.shell, `${step.name} has a shell`);
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name}: no expression inside the script`);
    }
  });

  test('uploads SARIF with codeql-action/upload-sarif, only when asked', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if ?? '', /inputs\.sarif-upload == 'true'/);
    assert.match(upload.with?.sarif_file ?? '', /steps\.scan\.outputs\.sarif-file/);
  });

  test('passes the CLI only options it has, and fails after the upload', async () => {
    const usage = await help();
    const scan = action.runs.steps.find((s) => s.run?.includes('scan'));
    assert.ok(scan?.run);
    for (const flag of flagsIn(scan.run)) assert.ok(usage.includes(flag), `the CLI knows ${flag}`);
    for (const value of ['error', 'warning', 'never']) assert.ok(scan.run.includes(`${value})`), `fail-on ${value} is handled`);
    const names = action.runs.steps.map((s) => s.uses ?? s.name ?? '');
    assert.ok(names.findIndex((n) => n.startsWith('github/codeql-action/upload-sarif')) < names.indexOf('Fail on findings'));
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];

  test('declares the twelve-factor hook: node, the package bin, --staged, no file names', async () => {
    assert.ok(Array.isArray(hooks));
    const hook = hooks.find((h) => h.id === 'twelve-factor');
    assert.ok(hook, 'hook id twelve-factor');
    assert.ok(hook.name && hook.description);
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false, '--staged reads the index itself');
    const [command, ...args] = hook.entry.split(/\s+/);
    assert.ok(command in pkg.bin, `${command} is the package's bin`);
    assert.deepEqual(args, ['scan', '--staged']);
    const usage = await help();
    for (const flag of flagsIn(hook.entry)) assert.ok(usage.includes(flag), `the CLI knows ${flag}`);
  });
});
