import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SECRET = ['s3cr3t', '-Pa55-Xk9qLm'].join(''); // generated-looking: a word by its name alone is information
const LEAK = `export const dbPassword = '${SECRET}';\n`;
const CLEAN = 'export const dbPassword = process.env.DB_PASSWORD;\n';

/** A private TMPDIR per run, so the test can see that the staged snapshot is removed afterwards. */
function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-staged-tmp-'));
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, leftovers: fs.readdirSync(tmp) };
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-staged-'));
  git(dir, 'init', '-q');
  write(dir, files);
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> }).findings;

describe('scan --staged', () => {
  test('reads the staged content, not the working tree', () => {
    const dir = repo({ 'src/db.ts': LEAK, 'src/ok.ts': CLEAN });
    git(dir, 'add', '.');
    // Fixed in the working tree but not staged: the commit would still record the secret.
    write(dir, { 'src/db.ts': CLEAN });
    const staged = cli(['scan', '--staged', '--format', 'json'], dir);
    assert.equal(staged.code, 1, staged.stderr);
    assert.deepEqual(findingsOf(staged.stdout).map((f) => `${f.file}:${f.line} ${f.ruleId}`), ['src/db.ts:1 config/hardcoded-secret']);
    assert.ok(!staged.stdout.includes(SECRET));
    assert.equal(cli(['scan'], dir).code, 0, 'the working tree itself is clean');

    // The other way round: a secret in the working tree only is not part of the commit.
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'clean');
    write(dir, { 'src/ok.ts': LEAK });
    const clean = cli(['scan', '--staged'], dir);
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /No problems found in 0 files/);
    assert.deepEqual(clean.leftovers, [], 'the snapshot folder is removed');
  });

  test('scans only files whose staged content changed, under the given paths', () => {
    const dir = repo({ 'a/one.ts': LEAK, 'b/two.ts': CLEAN });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    write(dir, { 'b/two.ts': LEAK, 'untracked.ts': LEAK });
    git(dir, 'add', 'b/two.ts');
    const all = cli(['scan', '--staged', '--format', 'json'], dir);
    assert.deepEqual(findingsOf(all.stdout).map((f) => f.file), ['b/two.ts'], 'committed a/one.ts and untracked files are not staged changes');
    assert.equal(cli(['scan', '--staged', 'a'], dir).code, 0, 'paths narrow the staged files');
    assert.equal(cli(['scan', '--staged', 'b'], dir).code, 1);
  });

  test('rules that read other files see the staged project: package.json decides undeclared imports', () => {
    const dir = repo({ 'package.json': JSON.stringify({ name: 'p', dependencies: { express: '^4' } }), 'package-lock.json': '{}', 'src/app.ts': "import express from 'express';\nexport default express;\n" });
    git(dir, 'add', '.');
    const r = cli(['scan', '--staged', '--format', 'json'], dir);
    assert.deepEqual(findingsOf(r.stdout), [], r.stdout);
  });

  test('with worker threads: the report of one thread, the project\'s package.json read by the workers', () => {
    const dir = repo({ 'package.json': JSON.stringify({ name: 'p', dependencies: { express: '^4' } }), 'package-lock.json': '{}' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'manifest');
    // Only the modules are staged: the rules read the manifest from the project, through the staged host.
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/m${i}.ts`] = i % 5 ? "import express from 'express';\nimport axios from 'axios';\nexport default [express, axios];\n" : LEAK;
    write(dir, files);
    git(dir, 'add', '.');
    const off = cli(['scan', '--staged', '--format', 'json'], dir);
    const pooled = cli(['scan', '--staged', '--format', 'json', '--concurrency', '2', '--verbose'], dir);
    assert.equal(pooled.code, off.code, pooled.stderr);
    assert.equal(pooled.stdout, off.stdout);
    const rules = findingsOf(off.stdout).map((f) => f.ruleId);
    assert.equal(rules.filter((r) => r === 'dependencies/undeclared-dependency').length, 24, 'axios, not express');
    assert.equal(rules.filter((r) => r === 'config/hardcoded-secret').length, 6);
    assert.match(pooled.stderr, /scanning with 2 worker threads/);
    assert.deepEqual(pooled.leftovers, [], 'the snapshot is removed');
  });

  test('runs no program the repository configures (fsmonitor, pager, external diff, filters, textconv)', () => {
    const dir = repo({ 'src/db.ts': LEAK, '.gitattributes': '*.ts filter=evil diff=evil\n' });
    const marker = path.join(dir, 'ran');
    const script = path.join(os.tmpdir(), `tf-evil-${process.pid}.sh`);
    fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
    git(dir, 'add', '.');
    for (const key of ['core.fsmonitor', 'core.pager', 'diff.external', 'filter.evil.clean', 'filter.evil.smudge', 'filter.evil.process', 'diff.evil.textconv', 'diff.evil.command']) {
      git(dir, 'config', key, script);
    }
    fs.rmSync(marker, { force: true });
    const r = cli(['scan', '--staged'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
  });

  test('outside a git repository, or with --fix: exit 2 and why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-nogit-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), LEAK);
    const r = cli(['scan', '--staged'], dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /git/);
    const fix = cli(['scan', '--staged', '--fix'], repo({ 'a.ts': LEAK }));
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /--fix/);
  });

  test('a partial commit: the index git names in GIT_INDEX_FILE is the one read', () => {
    const dir = repo({ 'a.ts': CLEAN });
    git(dir, 'add', '.');
    const other = path.join(dir, '.git', 'other-index');
    fs.copyFileSync(path.join(dir, '.git', 'index'), other);
    write(dir, { 'a.ts': LEAK });
    spawnSync('git', ['add', 'a.ts'], { cwd: dir, env: { ...process.env, GIT_INDEX_FILE: other } });
    assert.equal(cli(['scan', '--staged'], dir).code, 0);
    assert.equal(cli(['scan', '--staged'], dir, { GIT_INDEX_FILE: other }).code, 1);
  });
});
