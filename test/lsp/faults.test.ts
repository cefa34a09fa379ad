// Layer 2, faults: the bundled server meets broken configuration and schema files, entries it cannot read
// (folders named like files, FIFOs, dangling symlinks, chmod 000 when not root), symlink loops and a 50,000-file
// node_modules. It must answer every request within a bound, show one clear diagnostic on a broken file and use
// the defaults elsewhere, and never block on a FIFO (opening one for reading blocks until a writer comes).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import type { ComplianceReport } from '../../core/src/compliance/model';
import { ScanWorkspaceRequest } from '../../server/src/customMessages';
import { rangeOf, waitFor, within, withSession, type Session } from './client';
import { ALL_SECRETS, DB_PASSWORD, PAY_TS, STRIPE_KEY } from './fixtures';

const IS_ROOT = process.getuid?.() === 0;
const PACKAGE_JSON = '{ "name": "app", "dependencies": { "stripe": "14.0.0" } }\n';
const SECRET = 'config/hardcoded-secret';

const codes = (items: Diagnostic[]) => items.map((d) => String(d.code ?? ''));

async function scan(s: Session): Promise<{ report: ComplianceReport; ms: number }> {
  const started = Date.now();
  const died = s.exited.then((): never => { throw new Error(`server exited (${s.exitCode}) during the scan: ${s.stderr.slice(0, 500)}`); });
  const reports = await within(Promise.race([s.connection.sendRequest(ScanWorkspaceRequest), died]), ScanWorkspaceRequest.method);
  assert.equal(reports.length, 1);
  return { report: reports[0], ms: Date.now() - started };
}

/** Files of the report's findings, relative to the workspace. */
function findingFiles(s: Session, report: ComplianceReport, ruleId?: string): string[] {
  const files = report.factors.flatMap((f) => f.findings).filter((f) => !ruleId || f.ruleId === ruleId).map((f) => path.relative(s.folder, f.file).split(path.sep).join('/'));
  return [...new Set(files)].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Broken .twelve-factor.yaml and .env.schema.yaml
// ---------------------------------------------------------------------------------------------------------------

const BROKEN_CONFIG = 'rules:\n  config/hardcoded-secret: off\nignore: [unclosed\n';
const MESSY_CONFIG = 'rules:\n  config/hardcoded-secret: off\nignore:\n  - a\n - b\n\tbad: x\n';

test('a .twelve-factor.yaml with a syntax error: one diagnostic on it, the defaults elsewhere, back to normal once fixed', async () => {
  await withSession({ secrets: ALL_SECRETS, files: { 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.twelve-factor.yaml': BROKEN_CONFIG } }, async (s) => {
    const config = await s.open('.twelve-factor.yaml', BROKEN_CONFIG);
    const onConfig = await s.diagnostics(config);
    assert.equal(onConfig.length, 1, `one diagnostic: ${JSON.stringify(onConfig.map((d) => d.message))}`);
    assert.match(onConfig[0].message, /^Invalid YAML: \S/);
    assert.equal(onConfig[0].severity, 1);
    assert.ok(onConfig[0].range.start.line <= 3);

    // The broken file turns the rule off, but nothing of a broken file applies: the default severity stands.
    const pay = await s.open('src/pay.ts', PAY_TS);
    const items = await s.diagnostics(pay);
    assert.deepEqual(items.filter((d) => d.code === SECRET).map((d) => [d.severity, d.range]), [[1, rangeOf(PAY_TS, STRIPE_KEY)]]);

    // Fixed (in the editor and on disk): no diagnostic on the file, and its setting applies.
    const fixed = 'rules:\n  config/hardcoded-secret: warning\n';
    await s.replaceText(config, fixed);
    s.write('.twelve-factor.yaml', fixed);
    await s.fileChanged('.twelve-factor.yaml');
    await waitFor(() => s.refreshRequests > 0, 'a diagnostic refresh after the configuration changed');
    assert.deepEqual(await s.diagnostics(config), []);
    assert.deepEqual((await s.diagnostics(pay)).filter((d) => d.code === SECRET).map((d) => d.severity), [2]);
    assert.equal(s.child.exitCode, null);
  });
});

test('a .twelve-factor.yaml with several syntax errors at once (mid-edit): still one clear diagnostic, not one per echo', async () => {
  await withSession({ files: { 'package.json': PACKAGE_JSON, '.twelve-factor.yaml': MESSY_CONFIG } }, async (s) => {
    const config = await s.open('.twelve-factor.yaml', MESSY_CONFIG);
    const onConfig = await s.diagnostics(config);
    assert.equal(onConfig.length, 1, `one diagnostic, as for a broken .env.schema.yaml: got ${JSON.stringify(onConfig.map((d) => d.message))}`);
    assert.match(onConfig[0].message, /^Invalid YAML: /);
  });
});

test('an .env.schema.yaml with a syntax error: one env/invalid-schema diagnostic, .env and code checked as if it were absent', async () => {
  const broken = 'variables:\n  PORT: {type: port\n  API_URL:\n    type: url\n';
  const env = 'PORT=not-a-port\nSOMETHING_ELSE=1\n';
  const app = 'export const port = Number(process.env.PORT);\nexport const other = process.env.NOT_DECLARED_ANYWHERE;\n';
  await withSession({ files: { 'package.json': PACKAGE_JSON, '.gitignore': '.env\n', '.env.schema.yaml': broken, '.env': env, 'src/app.ts': app } }, async (s) => {
    const schema = await s.open('.env.schema.yaml', broken);
    const onSchema = await s.diagnostics(schema);
    assert.deepEqual(codes(onSchema), ['env/invalid-schema']);
    assert.match(onSchema[0].message, /not valid YAML/);
    const envUri = await s.open('.env', env);
    const onEnv = codes(await s.diagnostics(envUri));
    for (const id of ['env/invalid-value', 'env/unknown-key', 'env/missing-required']) assert.ok(!onEnv.includes(id), `${id} on .env: ${onEnv}`);
    const appUri = await s.open('src/app.ts', app);
    assert.ok(!codes(await s.diagnostics(appUri)).includes('env/undeclared-usage'));

    // Fixed in the editor: the schema applies again (PORT is not a port).
    await s.replaceText(schema, 'variables:\n  PORT: { type: port }\n');
    assert.deepEqual(codes(await s.diagnostics(schema)).filter((c) => c === 'env/invalid-schema'), []);
    let latest: string[] = [];
    await waitFor(async () => (latest = codes(await s.diagnostics(envUri))).includes('env/invalid-value'), 'the fixed schema applied to .env');
    assert.ok(latest.includes('env/invalid-value'), `the fixed schema is used: ${latest}`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// FIFOs, unreadable entries, loops
// ---------------------------------------------------------------------------------------------------------------

/** The server still answers: a key found in a new file, a .env judged, the workspace scanned (FIFO not counted). */
async function stillAnswers(s: Session, regularFiles: number): Promise<void> {
  const pay = await s.open('src/after.ts', PAY_TS);
  const started = Date.now();
  const items = await s.diagnostics(pay);
  console.log(`  diagnostics answered in ${Date.now() - started} ms`);
  assert.deepEqual(items.filter((d) => d.code === SECRET).map((d) => d.range), [rangeOf(PAY_TS, STRIPE_KEY)]);
  const env = await s.open('src/.env', 'PORT=3000\n');
  assert.ok(Array.isArray(await s.diagnostics(env)));
  const { report, ms } = await scan(s);
  console.log(`  workspace scan answered in ${ms} ms, filesScanned ${report.filesScanned}`);
  assert.equal(report.filesScanned, regularFiles + 2, 'the regular files and the two just opened, never the FIFO');
  assert.equal(s.child.exitCode, null);
}

test('FIFOs appear in the workspace: the server never blocks reading one', async (t) => {
  const files = { 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'src/app.js': 'const port = process.env.PORT;\nmodule.exports = port;\n' };
  // Where a FIFO may be met: a watched source file, the files read beside every analysis, the configuration.
  const places = ['src/pipe.ts', '.env.example', 'src/.env.schema.yaml', '.twelve-factor.yaml', '.gitignore'];
  for (const place of places) {
    await t.test(`a FIFO at ${place}`, async () => {
      await withSession({ secrets: ALL_SECRETS, files }, async (s) => {
        execFileSync('mkfifo', [s.path(place)]);
        // An editor's file watcher reports it (the server asked for **/*.ts, **/.env*, .gitignore, the config).
        await s.fileChanged(place, FileChangeType.Created);
        console.log(`FIFO at ${place}:`);
        await stillAnswers(s, 3);
      });
    });
  }
});

test('unreadable entries, folders named like files, dangling symlinks, symlink loops: every request answered, real files scanned once', async () => {
  const files = {
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/locked.ts': `export const password = '${DB_PASSWORD}';\n`,
    'locked-dir/inner.ts': `export const password = '${DB_PASSWORD}';\n`,
    'src/app.ts/inner.ts': 'export const x = 1;\n',
    '.env.example/README': 'a folder named like a file\n',
    '.env.schema.yaml/README': 'a folder named like a file\n',
    'sub/deep/file.ts': 'export const y = process.env.PORT;\n',
    'pkg/index.ts': 'export const port = process.env.PORT;\n',
  };
  await withSession({ secrets: ALL_SECRETS, files }, async (s) => {
    const created = ['src/gone.ts', 'pkg/.env.example', 'src/a', 'src/b', 'sub/deep/up', 'sub/self', 'sub/root-link'];
    fs.symlinkSync(s.path('missing.ts'), s.path('src/gone.ts'));
    fs.symlinkSync('nowhere/.env.example', s.path('pkg/.env.example'));
    fs.symlinkSync('b', s.path('src/a'));
    fs.symlinkSync('a', s.path('src/b'));
    fs.symlinkSync('..', s.path('sub/deep/up'));
    fs.symlinkSync('.', s.path('sub/self'));
    fs.symlinkSync(s.folder, s.path('sub/root-link'));
    // As root chmod 000 stops nothing (the server, a child of this process, runs as root too): the files are read.
    fs.chmodSync(s.path('src/locked.ts'), 0o000);
    fs.chmodSync(s.path('locked-dir'), 0o000);
    try {
      for (const rel of [...created, 'src/locked.ts', 'locked-dir', 'src/app.ts']) await s.fileChanged(rel, FileChangeType.Created);

      const pay = await s.open('src/pay.ts', PAY_TS);
      assert.deepEqual((await s.diagnostics(pay)).filter((d) => d.code === SECRET).map((d) => d.range), [rangeOf(PAY_TS, STRIPE_KEY)]);
      const pkg = await s.open('pkg/index.ts', files['pkg/index.ts']);
      assert.ok(Array.isArray(await s.diagnostics(pkg)), 'a dangling .env.example beside the code is as good as none');

      const { report, ms } = await scan(s);
      console.log(`unreadable/loops: scan answered in ${ms} ms, filesScanned ${report.filesScanned}, secrets in ${findingFiles(s, report, SECRET)}`);
      // package.json, src/pay.ts, src/app.ts/inner.ts, the two README, sub/deep/file.ts, pkg/index.ts (+ the locked two as root).
      assert.equal(report.filesScanned, IS_ROOT ? 9 : 7);
      assert.deepEqual(findingFiles(s, report, SECRET), IS_ROOT ? ['locked-dir/inner.ts', 'src/locked.ts', 'src/pay.ts'] : ['src/pay.ts']);
      assert.equal(s.child.exitCode, null);
    } finally {
      fs.chmodSync(s.path('src/locked.ts'), 0o644);
      fs.chmodSync(s.path('locked-dir'), 0o755);
    }
  });
});

/** 50,000 modules under node_modules as hard links to two templates (regular files, written in about a second). */
function fillNodeModules(root: string, total = 50_000): number {
  const templates = path.join(root, 'node_modules', '.templates');
  fs.mkdirSync(templates, { recursive: true });
  const plain = path.join(templates, 'plain.js');
  const secret = path.join(templates, 'secret.js');
  fs.writeFileSync(plain, 'module.exports = function add(a, b) { return a + b; };\n');
  fs.writeFileSync(secret, `module.exports = { password: '${DB_PASSWORD}' };\n`);
  let written = 2;
  for (let p = 0; written < total; p++) {
    const dir = path.join(root, 'node_modules', p % 5 === 0 ? `@scope${p % 7}` : '', `pkg-${p}`, p % 2 === 0 ? 'lib' : 'dist/cjs');
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100 && written < total; f++, written++) fs.linkSync(f % 10 === 0 ? secret : plain, path.join(dir, `m${f}.js`));
  }
  return written;
}

test('50,000 files in node_modules: the workspace scan skips them, counts only the project', async () => {
  const files = {
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/lib/util.ts': 'export const x = 1;\n',
    'packages/a/node_modules/dep/index.js': `module.exports = '${DB_PASSWORD}';\n`,
  };
  await withSession({ secrets: ALL_SECRETS, files }, async (s) => {
    const generated = Date.now();
    const count = fillNodeModules(s.folder);
    console.log(`node_modules: ${count} files written in ${Date.now() - generated} ms`);
    const { report, ms } = await scan(s);
    // How fast is bench/budgets.mjs's business; here: the walk never counted a module of node_modules.
    console.log(`node_modules: workspace scan answered in ${ms} ms, filesScanned ${report.filesScanned}`);
    assert.equal(report.filesScanned, 3, 'package.json, src/pay.ts, src/lib/util.ts');
    assert.ok(findingFiles(s, report).every((f) => !f.includes('node_modules')), `findings in node_modules: ${findingFiles(s, report)}`);
    assert.deepEqual(findingFiles(s, report, SECRET), ['src/pay.ts']);
    // Still responsive afterwards.
    const pay = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(pay)).filter((d) => d.code === SECRET).length, 1);
  });
});
