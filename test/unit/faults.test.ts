// Faults the scan and the `--fix` writer meet on real disks, in process: broken configuration and schema files,
// entries that cannot be read (permissions, folders named like files, dangling symlinks), symlink loops, a huge
// node_modules, and `.env` files that change or lack a final newline while the fix writes them. The same faults
// met by the bundled CLI (and FIFOs, which a scan must never open) are test/cli/faults.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyFixes } from '../../core/src/cli/fix';
import { defaultConfig, parseConfig } from '../../core/src/config';
import { parseSchema } from '../../core/src/env/schema';
import { readTextSync } from '../../core/src/gitignore';
import { scanPaths } from '../../core/src/scan';
import { BROKEN_CONFIGS, DB_PASSWORD, HANG_MS, IS_ROOT, OUT_CORE, PACKAGE_JSON, PAY_TS, rel, scanIsolated, secretFiles, shareWith, STRIPE_KEY, UNPRIVILEGED, withWorkspace, write, REPO } from './faults-harness';


const diskHost = (root: string) => ({ readFile: readTextSync, rootOf: () => root });

/** The folders `fn` lists (the walker's readdirSync, seen through node:fs), and its result. */
function countListings<R>(fn: () => R): { result: R; dirs: string[] } {
  // The module object itself (not the namespace copy of an import): the walker reads its methods through it.
  const nodeFs = require('node:fs') as typeof fs;
  const readdirSync = nodeFs.readdirSync;
  const dirs: string[] = [];
  nodeFs.readdirSync = ((dir: fs.PathLike, ...rest: unknown[]) => {
    dirs.push(String(dir));
    return (readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fs.readdirSync;
  try {
    return { result: fn(), dirs };
  } finally {
    nodeFs.readdirSync = readdirSync;
  }
}


// ---------------------------------------------------------------------------------------------------------------
// Broken configuration and schema files
// ---------------------------------------------------------------------------------------------------------------

test('a .twelve-factor.yaml with syntax errors: exactly one clear problem, and the defaults for everything', () => {
  for (const [name, text] of Object.entries(BROKEN_CONFIGS)) {
    const { config, problems } = parseConfig(text);
    assert.equal(problems.length, 1, `${name}: expected one problem, got ${problems.length}: ${JSON.stringify(problems.map((p) => p.message))}`);
    assert.match(problems[0].message, /^Invalid YAML: \S/, name);
    const lines = text.split('\n').length;
    assert.ok(problems[0].range.start.line >= 0 && problems[0].range.end.line < lines, `${name}: the range is inside the file`);
    assert.deepEqual(config, defaultConfig(), `${name}: nothing of a broken file is half-applied`);
  }
});

test('a .twelve-factor.yaml with syntax errors: the scan runs with the defaults (a secret turned off in it is still an error)', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.twelve-factor.yaml': BROKEN_CONFIGS['unclosed flow sequence'] }, (root) => {
    const { config } = parseConfig(BROKEN_CONFIGS['unclosed flow sequence']);
    const out = scanPaths(['.'], { root, config, host: diskHost(root) });
    const secret = out.files.flatMap((f) => f.findings).find((f) => f.ruleId === 'config/hardcoded-secret');
    assert.equal(secret?.severity, 'error');
  });
});

test('an .env.schema.yaml with syntax errors: one env/invalid-schema finding on it; .env and code checked as if it were absent', async () => {
  const brokenSchemas = [
    'variables:\n  PORT: {type: port\n  API_URL:\n    type: url\n',
    'variables:\n  A:\n   type: string\n  B: : :\n\t- tab\n',
  ];
  for (const schema of brokenSchemas) {
    const parsed = parseSchema('/ws/.env.schema.yaml', schema);
    assert.equal(parsed.broken, true);
    assert.equal(parsed.problems.length, 1, `one problem: ${JSON.stringify(parsed.problems)}`);

    await withWorkspace({
      'package.json': PACKAGE_JSON,
      '.gitignore': '.env\n',
      '.env.schema.yaml': schema,
      '.env': 'PORT=not-a-port\nSOMETHING_ELSE=1\n',
      'src/app.ts': 'export const port = Number(process.env.PORT);\nexport const other = process.env.NOT_DECLARED_ANYWHERE;\n',
    }, (root) => {
      const out = scanPaths(['.'], { root, host: diskHost(root) });
      const byFile = new Map(out.files.map((f) => [rel(root, f.file), f.findings]));
      const onSchema = byFile.get('.env.schema.yaml') ?? [];
      assert.deepEqual(onSchema.map((f) => f.ruleId), ['env/invalid-schema'], 'exactly one finding on the schema');
      assert.match(onSchema[0].message, /not valid YAML/);
      const envRules = (byFile.get('.env') ?? []).map((f) => f.ruleId);
      for (const id of ['env/invalid-value', 'env/unknown-key', 'env/missing-required']) assert.ok(!envRules.includes(id), `${id} on .env: ${envRules}`);
      const codeRules = (byFile.get('src/app.ts') ?? []).map((f) => f.ruleId);
      assert.ok(!codeRules.includes('env/undeclared-usage'), `code is not told every read is undeclared: ${codeRules}`);
      assert.ok(out.filesScanned >= 5);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Entries that cannot be read, FIFOs, loops
// ---------------------------------------------------------------------------------------------------------------

test(`unreadable entries (chmod 000${IS_ROOT ? ' as an unprivileged child' : ''}, folders named like files, dangling symlinks): skipped or walked, never a crash`, async () => {
  await withWorkspace({
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/locked.ts': `export const password = '${DB_PASSWORD}';\n`,
    'locked-dir/inner.ts': `export const password = '${DB_PASSWORD}';\n`,
    // Folders whose names say file: the walk enters them, the readers of `.env.example`/schema/config see no text.
    'src/app.ts/inner.ts': 'export const x = 1;\n',
    '.env.example/README': 'not a file\n',
    '.env.schema.yaml/README': 'not a file\n',
    '.twelve-factor.yaml/README': 'not a file\n',
    '.gitignore/README': 'not a file\n',
  }, (root) => {
    fs.symlinkSync(path.join(root, 'missing.ts'), path.join(root, 'src/gone.ts'));
    fs.mkdirSync(path.join(root, 'pkg'));
    fs.symlinkSync('nowhere/.env.example', path.join(root, 'pkg/.env.example'));
    fs.writeFileSync(path.join(root, 'pkg/index.ts'), 'export const port = process.env.PORT;\n');
    const locked = new Set([path.join(root, 'src/locked.ts'), path.join(root, 'locked-dir')]);
    shareWith(root, locked);
    fs.chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    fs.chmodSync(path.join(root, 'locked-dir'), 0o000);

    const out = scanIsolated(root, ['.'], { host: true, user: UNPRIVILEGED });
    console.log(`unreadable entries: scanned ${out.filesScanned} files in ${out.ms} ms; skipped ${JSON.stringify(out.skipped.map((s) => [rel(root, s.file), s.reason]))}`);
    assert.deepEqual(secretFiles(root, out), ['src/pay.ts'], 'the readable secret is found, the locked ones are not read');
    const skipped = new Map(out.skipped.map((s) => [rel(root, s.file), s.reason]));
    assert.match(skipped.get('src/locked.ts') ?? '', /unreadable \(EACCES\)/);
    assert.match(skipped.get('locked-dir') ?? '', /unreadable folder \(EACCES\)/);
    // package.json, src/pay.ts, src/app.ts/inner.ts, pkg/index.ts and the four README files in the folders named like files.
    assert.equal(out.filesScanned, 8);

    // Named on the command line: a folder named like a file is walked, a dangling symlink is "not found".
    const direct = scanIsolated(root, ['src/gone.ts', 'src/app.ts', 'pkg/.env.example'], { host: true, user: UNPRIVILEGED });
    assert.equal(direct.filesScanned, 1);
    assert.deepEqual(direct.skipped.map((s) => [rel(root, s.file), s.reason]), [['src/gone.ts', 'not found'], ['pkg/.env.example', 'not found']]);
  });
});

test(`the server's workspace scan over unreadable files (chmod 000${IS_ROOT ? ' as an unprivileged child' : ''}): counts the files it read, as the CLI does`, async () => {
  await withWorkspace({
    'package.json': PACKAGE_JSON,
    'src/pay.ts': PAY_TS,
    'src/locked.ts': `export const password = '${DB_PASSWORD}';\n`,
    'locked-dir/inner.ts': `export const password = '${DB_PASSWORD}';\n`,
  }, (root) => {
    const locked = new Set([path.join(root, 'src/locked.ts'), path.join(root, 'locked-dir')]);
    shareWith(root, locked);
    fs.chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    fs.chmodSync(path.join(root, 'locked-dir'), 0o000);
    // WorkspaceScanner is what twelveFactor/scanWorkspace runs; its hooks here analyse nothing (the count is the point).
    const script = `
      const { WorkspaceScanner } = require(${JSON.stringify(path.join(REPO, 'out', 'server', 'src', 'workspaceScan.js'))});
      const { scanPaths } = require(${JSON.stringify(path.join(OUT_CORE, 'scan.js'))});
      const root = process.argv[1];
      const read = [];
      const scanner = new WorkspaceScanner({ analyze: async (file) => { read.push(file); return { findings: [] }; }, excludes: async () => [], facts: () => [], openText: () => undefined });
      scanner.scan([root], { report() {}, cancelled: false }).then((reports) => process.stdout.write(JSON.stringify({
        server: reports[0].filesScanned, analysed: read.length, cli: scanPaths(['.'], { root }).filesScanned })));`;
    const r = spawnSync(process.execPath, ['-e', script, root], { cwd: root, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', ...UNPRIVILEGED });
    assert.equal(r.status, 0, String(r.stderr).slice(0, 600));
    const counts = JSON.parse(r.stdout) as { server: number; analysed: number; cli: number };
    console.log(`workspace scan over unreadable files: ${JSON.stringify(counts)}`);
    assert.equal(counts.cli, 2, 'the CLI reads package.json and src/pay.ts');
    assert.equal(counts.analysed, 2);
    assert.equal(counts.server, counts.cli, 'filesScanned is "files the scan read": an unreadable file is not one');
  });
});

test('symlink loops (a -> b -> a, a folder linking to its parent, to itself): the walk ends, each real file once', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'sub/deep/file.ts': 'export const x = 1;\n' }, (root) => {
    fs.symlinkSync('b', path.join(root, 'src/a'));
    fs.symlinkSync('a', path.join(root, 'src/b'));
    fs.symlinkSync('..', path.join(root, 'sub/deep/up'));
    fs.symlinkSync('.', path.join(root, 'sub/self'));
    fs.symlinkSync(root, path.join(root, 'sub/root-link'));
    const out = scanIsolated(root, ['.'], { host: true });
    console.log(`symlink loops: ${out.filesScanned} files in ${out.ms} ms`);
    assert.equal(out.filesScanned, 3);
    assert.deepEqual(secretFiles(root, out), ['src/pay.ts']);
    // Named directly: a loop is an error of that path only, a link to a folder is walked without following links inside.
    const direct = scanIsolated(root, ['src/a', 'sub/deep/up'], { host: true });
    assert.deepEqual(direct.skipped.map((s) => [rel(root, s.file), s.reason]), [['src/a', 'not found']]);
    assert.equal(direct.filesScanned, 1, 'sub/deep/up is sub/: its one real file');
  });
});

/**
 * 50,000 modules under node_modules, nested as npm lays them out (scoped packages, lib/ and dist/cjs/), every tenth
 * holding a password. Hard links to two template files: regular files to the walk, written in a second rather than
 * the 10-20 s that 50,000 separate writes take on a busy disk.
 */
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

test('50,000 files in node_modules: skipped unlisted, the scan counts only the project', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, 'src/lib/util.ts': 'export const x = 1;\n', 'packages/a/node_modules/dep/index.js': `module.exports = '${DB_PASSWORD}';\n` }, (root) => {
    const generated = Date.now();
    const count = fillNodeModules(root);
    console.log(`node_modules: wrote ${count} files in ${Date.now() - generated} ms`);
    // Bounded work, not a stopwatch (bench/budgets.mjs times it): the walk lists no folder of node_modules.
    const listed = countListings(() => scanPaths(['.'], { root, host: diskHost(root) }));
    const out = listed.result;
    console.log(`node_modules: scanPaths listed ${listed.dirs.length} folders, filesScanned ${out.filesScanned}`);
    assert.deepEqual(listed.dirs.filter((d) => d.split(path.sep).includes('node_modules')), [], 'no folder of node_modules is listed');
    assert.ok(listed.dirs.length <= 6, `folders listed: ${listed.dirs.map((d) => rel(root, d)).join(', ')}`);
    assert.equal(out.filesScanned, 3, 'package.json, src/pay.ts, src/lib/util.ts');
    assert.ok(out.files.every((f) => !f.file.includes(`${path.sep}node_modules${path.sep}`)), 'nothing reported in node_modules');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// --fix writes: never clobber .env
// ---------------------------------------------------------------------------------------------------------------

/** The variable the fixed source now reads. */
function movedName(source: string): string {
  const m = /new Stripe\(process\.env\.([A-Z0-9_]+)\)/.exec(source);
  assert.ok(m, `the key was moved: ${source}`);
  return m[1];
}

test('--fix while another writer appends to .env after the scan: both lines survive', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': 'EXISTING=1\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root), fixes: true });
    fs.appendFileSync(path.join(root, '.env'), 'OTHER_WRITER=42'); // no final newline, as a careless script writes
    const fixed = applyFixes(scan.files, root);
    assert.ok(fixed.fixesApplied >= 1);
    const source = fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8');
    const name = movedName(source);
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `EXISTING=1\nOTHER_WRITER=42\n${name}=${STRIPE_KEY}\n`);
  });
});

test('--fix while another writer takes the same variable name: its value is kept, the secret gets a new name', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root), fixes: true });
    // Learn the name the fix will choose, then let "someone else" take it first.
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-probe-'));
    try {
      fs.cpSync(root, probe, { recursive: true });
      applyFixes(scanPaths(['.'], { root: probe, host: diskHost(probe), fixes: true }).files, probe);
      const taken = movedName(fs.readFileSync(path.join(probe, 'src/pay.ts'), 'utf8'));
      fs.writeFileSync(path.join(root, '.env'), `${taken}=someone-elses-value\n`);
      applyFixes(scan.files, root);
      const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
      assert.notEqual(name, taken);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `${taken}=someone-elses-value\n${name}=${STRIPE_KEY}\n`);
    } finally {
      fs.rmSync(probe, { recursive: true, force: true });
    }
  });
});

test('--fix when .env changes between the plan and the write (a writer appends just before the first write of the fix): both lines survive intact', async () => {
  await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': 'EXISTING=1\n' }, (root) => {
    const scan = scanPaths(['.'], { root, host: diskHost(root), fixes: true });
    // The other writer runs inside applyFixes, after .env was read (for the plan and again before appending) and
    // just before the first write of the fix, whichever file and whichever call that is (writeFileSync,
    // appendFileSync, or openSync for writing). It appends a line without a final newline, as careless scripts do.
    const realFs = require('node:fs') as typeof fs;
    const originals = { writeFileSync: realFs.writeFileSync, appendFileSync: realFs.appendFileSync, openSync: realFs.openSync };
    let raced = false;
    const race = () => {
      if (raced) return;
      raced = true;
      originals.appendFileSync(path.join(root, '.env'), 'RACED_IN=yes');
    };
    const writes = (flags: unknown) => typeof flags === 'string' ? /[wa+]/.test(flags)
      : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
    realFs.writeFileSync = function (this: unknown, ...args: Parameters<typeof fs.writeFileSync>) {
      race();
      return originals.writeFileSync.apply(this, args);
    } as typeof fs.writeFileSync;
    realFs.appendFileSync = function (this: unknown, ...args: Parameters<typeof fs.appendFileSync>) {
      race();
      return originals.appendFileSync.apply(this, args);
    } as typeof fs.appendFileSync;
    realFs.openSync = function (this: unknown, ...args: Parameters<typeof fs.openSync>) {
      if (writes(args[1])) race();
      return originals.openSync.apply(this, args);
    } as typeof fs.openSync;
    try {
      applyFixes(scan.files, root);
    } finally {
      Object.assign(realFs, originals);
    }
    assert.ok(raced, 'the concurrent write happened between plan and write');
    const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
    // Whatever the order of the two appends, each is a whole line of its own: nothing glued, nothing lost.
    const lines = fs.readFileSync(path.join(root, '.env'), 'utf8').split('\n');
    assert.equal(lines[0], 'EXISTING=1');
    assert.deepEqual(lines.slice(1).filter((l) => l !== '').sort(), [`${name}=${STRIPE_KEY}`, 'RACED_IN=yes'].sort(),
      `two separate lines, not glued together: ${JSON.stringify(lines.slice(1))}`);
  });
});

test('--fix on a .env without a final newline: the new variable goes on its own line (LF and CRLF)', async () => {
  for (const [before, eol] of [['EXISTING=1', '\n'], ['A=1\r\nB=2', '\r\n']] as const) {
    await withWorkspace({ 'package.json': PACKAGE_JSON, 'src/pay.ts': PAY_TS, '.gitignore': '.env\n', '.env': before }, (root) => {
      applyFixes(scanPaths(['.'], { root, host: diskHost(root), fixes: true }).files, root);
      const name = movedName(fs.readFileSync(path.join(root, 'src/pay.ts'), 'utf8'));
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `${before}${eol}${name}=${STRIPE_KEY}${eol}`);
    });
  }
});
