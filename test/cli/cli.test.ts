import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli, workspace as project } from './run';

const workspace = (files: Record<string, string>) => project(files, 'tf-cli-');

const EXAMPLES = path.resolve(__dirname, '../../../examples');



const SECRET_FILE = "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n";

describe('twelve-factor scan', () => {
  test('exit 1 and a text report when there are errors', () => {
    const dir = workspace({ 'src/db.ts': SECRET_FILE });
    const r = cli(['scan'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /src\/db\.ts/);
    assert.match(r.stdout, /1:28\s+error\s+.*config\/hardcoded-secret/);
    assert.ok(!r.stdout.includes('s3cr3t-Pa55-Xk9qLm'), 'the secret is never printed');
  });
  test('a monorepo package imports a workspace sibling kept in a folder not named after it', () => {
    const dir = workspace({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'package-lock.json': '{}',
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '^4' } }),
      'packages/utils-lib/package.json': JSON.stringify({ name: '@acme/utils' }),
      'packages/api/src/index.ts': "import express from 'express';\nimport { x } from '@acme/utils';\nimport axios from 'axios';\nexport { express, x, axios };\n",
    });
    const r = cli(['scan', '--format', 'json'], dir);
    const found = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; line: number }> }).findings.filter((f) => f.ruleId === 'dependencies/undeclared-dependency');
    assert.deepEqual(found.map((f) => f.line), [3], 'only axios: @acme/utils is found by listing packages/');
  });
  test('exit 0 on a clean folder', () => {
    const dir = workspace({ 'src/ok.ts': 'export const password = process.env.DB_PASSWORD;\n' });
    const r = cli(['scan', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No problems found/);
  });
  test('exit 2 on bad usage and broken configuration, with a message on stderr', () => {
    const dir = workspace({ 'a.ts': '' });
    assert.equal(cli(['scan', '--format', 'xml'], dir).code, 2);
    const unknown = cli(['frobnicate'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'(?! \(to scan)/);
    // A path where the command goes (`twelve-factor .`, as `eslint .`): the message names the command meant.
    const pathFirst = cli(['.', '--format', 'json'], dir);
    assert.equal(pathFirst.code, 2);
    assert.match(pathFirst.stderr, /unknown command '\.' \(to scan it: twelve-factor scan \.\)/);
    assert.equal(cli(['scan', 'missing-folder'], dir).code, 2);
    assert.equal(cli(['scan', '--config', 'nope.yaml'], dir).code, 2);
    fs.writeFileSync(path.join(dir, '.twelve-factor.yaml'), 'rules: [unclosed\n');
    const broken = cli(['scan'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /\.twelve-factor\.yaml:\d+:\d+: Invalid YAML/);
  });
  test('--cache and --cache-strategy: a second run reports the same; an unknown strategy is a usage error', () => {
    const dir = workspace({ 'package.json': '{ "name": "a" }', 'src/db.ts': SECRET_FILE, 'src/ok.ts': 'export const port = process.env.PORT;\n' });
    const first = cli(['scan', '--format', 'json', '--cache'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'node_modules', '.cache', 'twelve-factor', 'scan-cache.json')));
    for (const strategy of [[], ['--cache-strategy', 'metadata'], ['--cache-strategy', 'content']]) {
      const again = cli(['scan', '--format', 'json', '--cache', ...strategy], dir);
      assert.equal(again.code, first.code);
      assert.deepEqual(JSON.parse(again.stdout).findings, JSON.parse(first.stdout).findings, strategy.join(' '));
    }
    const bad = cli(['scan', '--cache-strategy', 'mtime'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown cache strategy 'mtime' \(metadata or content\)/);
  });
  test('warnings alone exit 0 unless --max-warnings is exceeded', () => {
    const dir = workspace({ 'src/db.ts': SECRET_FILE, '.twelve-factor.yaml': 'rules:\n  config/hardcoded-secret: warning\n' });
    assert.equal(cli(['scan'], dir).code, 0);
    assert.equal(cli(['scan', '--max-warnings', '0'], dir).code, 1);
  });
  test('json and sarif formats, to stdout and to a file', () => {
    const dir = workspace({ 'src/db.ts': SECRET_FILE });
    const json = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
    assert.deepEqual(json.findings.map((f) => [f.file, f.line, f.ruleId]), [['src/db.ts', 1, 'config/hardcoded-secret']]);
    assert.equal(cli(['scan', '--format', 'sarif', '--output', 'out.sarif'], dir).code, 1);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 1);
    assert.ok(!fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8').includes('s3cr3t-Pa55-Xk9qLm'));
  });
  test('markdown: the compliance report with all twelve factors, without secrets', () => {
    const dir = workspace({ 'package.json': '{ "name": "a" }', 'src/db.ts': SECRET_FILE });
    const r = cli(['scan', '--format', 'markdown'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^# Twelve-Factor compliance report/);
    for (const row of ['I. Codebase', 'II. Dependencies', 'III. Config', 'XII. Admin processes']) assert.ok(r.stdout.includes(`| ${row} |`), row);
    assert.match(r.stdout, /\| III\. Config \| ❌ failing \|/);
    assert.ok(!r.stdout.includes('s3cr3t-Pa55-Xk9qLm'));
  });
  test('respects .gitignore, skips node_modules, reads a committed .env but not an ignored one', () => {
    const dir = workspace({
      '.gitignore': 'generated/\n.env\n',
      'generated/a.ts': SECRET_FILE,
      'node_modules/x/index.js': SECRET_FILE,
      '.env': 'DB_PASSWORD=pg-Pa55w0rd\n',
      'config/.env.production': 'DB_PASSWORD=pg-Pa55w0rd\n',
    });
    const json = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { findings: Array<{ file: string }> };
    assert.deepEqual(json.findings.map((f) => f.file), ['config/.env.production']);
    const all = JSON.parse(cli(['scan', '--format', 'json', '--no-gitignore'], dir).stdout) as { findings: Array<{ file: string }> };
    assert.deepEqual(all.findings.map((f) => f.file).sort(), ['.env', 'config/.env.production', 'generated/a.ts']);
  });
  test('--fix moves secrets to .env and appends without clobbering', () => {
    const dir = workspace({ 'package.json': '{}', 'src/db.ts': SECRET_FILE, '.env': 'PORT=3000', '.gitignore': 'node_modules\n' });
    const r = cli(['scan', '--fix'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'src/db.ts'), 'utf8'), 'export const dbPassword = process.env.DB_PASSWORD;\n');
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), 'PORT=3000\nDB_PASSWORD=s3cr3t-Pa55-Xk9qLm\n');
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
  });
  test('--fix fixes again until nothing applies: two fixes that both add an import at the top both land', () => {
    // The logging fix adds `import sys` and the secret's move adds `import os` at the same place: one per pass.
    const secret = ['c0rrect', 'h0rse', 'Battery', 'st4ple'].join('_');
    const before = "import logging\n\nfrom flask import Flask\n\napp = Flask(__name__)\n"
      + `app.config['SECRET_KEY'] = '${secret}'\nhandler = logging.FileHandler('app.log')\napp.logger.addHandler(handler)\n`;
    const dir = workspace({ 'app.py': before, '.gitignore': '.env\n' });
    const r = cli(['scan', '--fix'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'app.py'), 'utf8'), 'import logging\n\nfrom flask import Flask\nimport sys\nimport os\n\n'
      + "app = Flask(__name__)\napp.config['SECRET_KEY'] = os.environ[\"SECRET_KEY\"]\nhandler = logging.StreamHandler(sys.stdout)\napp.logger.addHandler(handler)\n");
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), `SECRET_KEY=${secret}\n`);
    // Problems, not edits: the import an edit adds is not a problem of its own.
    assert.match(r.stderr, /^Fixed 2 problem\(s\) in 1 file\(s\)\.$/m);
    assert.match(r.stdout, /No problems found/);
  });
  test('--fix never rewrites a test, nor a finding below warning', () => {
    const dir = workspace({
      'package.json': '{}', '.gitignore': '.env\n', 'src/db.ts': SECRET_FILE, 'src/__tests__/db.test.ts': SECRET_FILE,
    });
    fs.writeFileSync(path.join(dir, '.twelve-factor.yaml'), 'rules:\n  config/hardcoded-secret: info\n');
    cli(['scan', '--fix'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'src/db.ts'), 'utf8'), SECRET_FILE, 'info: left alone');
    // Test code reported at error too: still not rewritten.
    fs.writeFileSync(path.join(dir, '.twelve-factor.yaml'), 'rules:\n  config/hardcoded-secret: error\ntestFiles:\n  severity: error\n');
    assert.match(cli(['scan'], dir).stdout, /db\.test\.ts/);
    cli(['scan', '--fix'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'src/db.ts'), 'utf8'), 'export const dbPassword = process.env.DB_PASSWORD;\n');
    assert.equal(fs.readFileSync(path.join(dir, 'src/__tests__/db.test.ts'), 'utf8'), SECRET_FILE, 'a test is never rewritten');
  });
});

describe('the project a scan judges does not depend on where the command is typed', () => {
  // A repository (`.git`) whose root declares API_URL in `.env.example` and whose configuration turns the
  // secret rule down to info: scanned from inside, from the folder above and from an unrelated folder.
  const files = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'package.json': JSON.stringify({ name: 'app', private: true, workspaces: ['packages/*'] }),
    'package-lock.json': '{}',
    '.env.example': 'API_URL=\n',
    '.twelve-factor.yaml': 'rules:\n  config/hardcoded-secret: info\n',
    'packages/api/package.json': JSON.stringify({ name: '@app/api' }),
    'packages/api/src/index.js': 'const a = process.env.API_URL;\nconst b = process.env.UNDECLARED_FLAG;\nmodule.exports = { a, b };\n',
    'packages/api/src/db.ts': SECRET_FILE,
  };
  type Report = { root: string; findings: Array<{ file: string; line: number; ruleId: string; severity: string }> };
  const findings = (r: { stdout: string; stderr: string }) => {
    const report = JSON.parse(r.stdout) as Report;
    return { root: report.root, found: report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).sort() };
  };
  test('inside, from the folder above, from elsewhere and from a sub-folder: the same findings, paths and configuration', () => {
    const dir = workspace(files);
    const elsewhere = workspace({ 'README.md': 'not a project\n' });
    const inside = findings(cli(['scan', '--format', 'json'], dir));
    assert.ok(inside.found.includes('packages/api/src/index.js:2 env/undeclared-usage warning'), inside.found.join('\n'));
    assert.ok(!inside.found.some((f) => f.startsWith('packages/api/src/index.js:1 ')), 'API_URL is declared at the root');
    assert.ok(inside.found.includes('packages/api/src/db.ts:1 config/hardcoded-secret info'), "the project's configuration applies");
    assert.deepEqual(findings(cli(['scan', '--format', 'json', path.basename(dir)], path.dirname(dir))), inside);
    assert.deepEqual(findings(cli(['scan', '--format', 'json', dir], elsewhere)), inside);
    assert.deepEqual(findings(cli(['scan', '--format', 'json', '../..'], path.join(dir, 'packages/api'))), inside);
  });
  test('paths typed with the command stay relative to the current folder: --output, --config', () => {
    const dir = workspace(files);
    const elsewhere = workspace({ 'strict.yaml': 'rules:\n  config/hardcoded-secret: error\n' });
    const r = cli(['scan', '--format', 'json', '--output', 'report.json', '--config', 'strict.yaml', dir], elsewhere);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!fs.existsSync(path.join(dir, 'report.json')), 'the report is not written into the scanned project');
    const report = JSON.parse(fs.readFileSync(path.join(elsewhere, 'report.json'), 'utf8')) as Report;
    assert.ok(report.findings.some((f) => f.file === 'packages/api/src/db.ts' && f.severity === 'error'), 'the named configuration applies');
  });
});

describe('the bundled examples app', () => {
  test('every planted secret is found, nothing else', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'expected-findings.json'), 'utf8')) as {
      findings: Array<{ file: string; line: number; severity: string }>;
    };
    const r = cli(['scan', '--format', 'json'], EXAMPLES);
    const json = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; ruleId: string; severity: string }> };
    const actual = json.findings.filter((f) => f.ruleId === 'config/hardcoded-secret').map((f) => `${f.file}:${f.line} ${f.severity}`).sort();
    const wanted = expected.findings.map((f) => `${f.file}:${f.line} ${f.severity}`).sort();
    assert.deepEqual(actual, wanted);
    assert.equal(r.code, 1);
  });
});
