// `--cache`: a second scan of an unchanged folder analyses nothing again; a changed file, a changed manifest
// or another configuration invalidates what it must. The cache file is written atomically inside its folder,
// never through a link, and a corrupt one is ignored with a message. Counts of analysed files, never time.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, mock, test } from 'node:test';
import { ScanCache, type CacheStrategy } from '../../core/src/cli/cache';
import { scanHost } from '../../core/src/cli/scanHost';
import { defaultConfig, parseConfig, type ResolvedConfig } from '../../core/src/config';
import { rules } from '../../core/src/rules';
import { scanPaths } from '../../core/src/scan';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-scan-cache-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function project(): string {
  const root = fs.mkdtempSync(path.join(scratch, 'p-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'app', dependencies: { express: '1', 'express-session': '1' } }),
    'src/server.ts': "import express from 'express';\nimport session from 'express-session';\nconst app = express();\napp.use(session({ secret: process.env.S }));\napp.listen(process.env.PORT);\n",
    'src/db.ts': "export const dbPassword = 's3cr3t-Pa55';\nimport left from 'left-pad';\nexport const pad = left;\n",
    'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n',
    'config.yaml': 'name: app\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** `src/util.ts` made clean, and the text of a secret of the same size to write over it. */
function sameSizeEdit(root: string): { file: string; after: string } {
  const file = path.join(root, 'src/util.ts');
  const after = "export const apiKey = 'sk_live_0123456789abcdefABCDEF01';\n";
  fs.writeFileSync(file, `${'export const apiKey = process.env.API_KEY;'.padEnd(after.length - 1, ' ')}\n`);
  return { file, after };
}

/** One CLI-like scan with the cache in `location`; the findings as comparable strings. */
function scan(root: string, location: string, config: ResolvedConfig = defaultConfig(), strategy?: CacheStrategy) {
  const cache = new ScanCache(location, config, rules, {}, scanHost(root), strategy);
  const problem = cache.load();
  const out = scanPaths(['.'], { root, config, host: scanHost(root), cache });
  const changed = cache.changed;
  const saved = cache.save();
  const findings = out.files.flatMap((f) => f.findings.map((x) => `${path.relative(root, x.file)}:${x.start}:${x.ruleId}`)).sort();
  return { out, findings, problem, saved, changed, hashed: cache.hashed, checks: cache.readChecks };
}

describe('--cache: a persistent cache for repeated runs', () => {
  test('an unchanged folder: nothing analysed again, the same findings', () => {
    const root = project();
    const location = path.join(scratch, 'c1');
    const first = scan(root, location);
    assert.equal(first.out.fromCache, 0);
    assert.equal(first.out.filesScanned, 5);
    assert.ok(first.findings.some((f) => f.endsWith('processes/in-memory-session')), 'a program rule finding is made');
    const second = scan(root, location);
    assert.equal(second.out.fromCache, 5);
    assert.deepEqual(second.findings, first.findings);
    assert.deepEqual(scan(root, location).findings, first.findings, 'a third run keeps what the second carried over');
  });

  test('a changed file is analysed again, the others are not', () => {
    const root = project();
    const location = path.join(scratch, 'c2');
    scan(root, location);
    fs.writeFileSync(path.join(root, 'src/util.ts'), "export const apiKey = 'sk_live_0123456789abcdefABCDEF01';\n");
    const second = scan(root, location);
    assert.equal(second.out.fromCache, 4);
    assert.ok(second.findings.some((f) => f.startsWith('src/util.ts:')));
  });

  test('a manifest the rules read, or another configuration, invalidates the results', () => {
    const root = project();
    const location = path.join(scratch, 'c3');
    const first = scan(root, location);
    assert.ok(first.findings.some((f) => f.startsWith('src/db.ts:') && f.endsWith('dependencies/undeclared-dependency')));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: { express: '1', 'express-session': '1', 'left-pad': '1' } }));
    const second = scan(root, location);
    assert.equal(second.out.fromCache, 0);
    assert.ok(!second.findings.some((f) => f.endsWith('dependencies/undeclared-dependency')), 'the new declaration is seen');
    const config = parseConfig('rules:\n  config/hardcoded-secret: off\n').config;
    const third = scan(root, location, config);
    assert.equal(third.out.fromCache, 0);
    assert.ok(!third.findings.some((f) => f.endsWith('config/hardcoded-secret')));
  });

  test('a corrupt cache is ignored with a message', () => {
    const root = project();
    const location = path.join(scratch, 'c4');
    fs.mkdirSync(location);
    fs.writeFileSync(path.join(location, 'scan-cache.json'), '{ "key": "x", "files": [');
    const run = scan(root, location);
    assert.match(run.problem ?? '', /corrupt/);
    assert.equal(run.out.fromCache, 0);
    assert.equal(run.saved, undefined);
    assert.equal(scan(root, location).out.fromCache, 5, 'and replaced by a good one');
  });

  test('written inside its folder, never through a link', () => {
    const root = project();
    const elsewhere = path.join(scratch, 'elsewhere.json');
    fs.writeFileSync(elsewhere, 'keep me');
    const location = path.join(scratch, 'c5');
    fs.mkdirSync(location);
    fs.symlinkSync(elsewhere, path.join(location, 'scan-cache.json'));
    const run = scan(root, location);
    assert.equal(run.saved, undefined);
    assert.equal(fs.readFileSync(elsewhere, 'utf8'), 'keep me', 'the link target is untouched');
    assert.ok(fs.lstatSync(path.join(location, 'scan-cache.json')).isFile(), 'the link was replaced by the cache file');
    assert.deepEqual(fs.readdirSync(location), ['scan-cache.json'], 'no temporary file is left behind');
    // A location that is itself a link is refused.
    const linked = path.join(scratch, 'c6');
    fs.symlinkSync(path.join(scratch, 'c5'), linked);
    // (Another project: this one's results are all in the cache already, and a run that changes nothing writes nothing.)
    assert.match(scan(project(), linked).saved ?? '', /not a folder/);
  });
  test('an unchanged file costs a stat: no scanned file is read or hashed, the folder facts are not read again', () => {
    const root = project();
    const location = path.join(scratch, 'c7');
    // Made first: creating it moves the signature of the folder holding the project, where configs were probed.
    fs.mkdirSync(location);
    const first = scan(root, location);
    assert.equal(first.out.filesRead, 5);
    assert.equal(first.hashed, 5);
    // Counts the reads through the module object itself (the namespace import is read-only).
    const spy = mock.method(require('node:fs') as typeof fs, 'readFileSync');
    let second: ReturnType<typeof scan>;
    try {
      second = scan(root, location);
    } finally {
      spy.mock.restore();
    }
    const reads = spy.mock.calls.map((c) => c.arguments[0]).filter((p): p is string => typeof p === 'string' && p.startsWith(root)).map((p) => path.relative(root, p));
    assert.equal(second.out.fromCache, 5);
    assert.deepEqual(second.findings, first.findings);
    assert.deepEqual([second.out.filesRead, second.hashed], [0, 0]);
    assert.deepEqual(reads, [], 'not even the files with findings, nor package.json');
    // A shared folder above the scratch one (the system's temporary folder) moves whenever another process
    // writes there: what was probed absent in it is rightly looked for again. Nothing of the project's is.
    const ours = second.checks.rereads.filter((p) => p.replace(/^list:/, '').startsWith(scratch));
    assert.deepEqual(ours, [], 'manifests and probed configs are vouched for by their signatures');
    assert.equal(second.checks.reread, second.checks.rereads.length);
    assert.ok(second.checks.trusted > 0);
    assert.equal(second.changed, false, 'nothing changed: the cache file is not written again');
  });

  test('a file whose times moved but whose content did not: read and hashed once, not analysed, then trusted again', () => {
    const root = project();
    const location = path.join(scratch, 'c9');
    const first = scan(root, location);
    const file = path.join(root, 'src/db.ts');
    const later = new Date(fs.statSync(file).mtimeMs + 5000);
    fs.utimesSync(file, later, later);
    const second = scan(root, location);
    assert.deepEqual([second.out.fromCache, second.out.filesRead, second.hashed], [5, 1, 1]);
    assert.deepEqual(second.findings, first.findings);
    assert.equal(second.changed, true, 'the new metadata is written');
    const third = scan(root, location);
    assert.deepEqual([third.out.fromCache, third.out.filesRead, third.hashed], [5, 0, 0], 'the new metadata was kept');
  });

  test('--cache-strategy content: every file is read and hashed, none analysed again while unchanged', () => {
    const root = project();
    const location = path.join(scratch, 'c10');
    const first = scan(root, location, defaultConfig(), 'content');
    const second = scan(root, location, defaultConfig(), 'content');
    assert.deepEqual([second.out.fromCache, second.out.filesRead, second.hashed], [5, 5, 5]);
    assert.deepEqual(second.findings, first.findings);
    assert.equal(second.checks.trusted, 0, 'the folder facts are read again too');
    assert.ok(second.checks.reread > 0);
  });

  test('--cache-strategy content: a file edited to the same size with its times restored is analysed again', () => {
    const root = project();
    const location = path.join(scratch, 'c11');
    const { file, after } = sameSizeEdit(root);
    // Whole seconds, so that restoring them is exact.
    const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    fs.utimesSync(file, time, time);
    const before = fs.statSync(file);
    const first = scan(root, location, defaultConfig(), 'content');
    assert.ok(!first.findings.some((f) => f.startsWith('src/util.ts:')));
    fs.writeFileSync(file, after);
    fs.utimesSync(file, time, time);
    assert.equal(fs.statSync(file).size, before.size);
    assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
    const second = scan(root, location, defaultConfig(), 'content');
    assert.equal(second.out.fromCache, 4);
    assert.ok(second.findings.some((f) => f.startsWith('src/util.ts:')), 'the new secret is found');
  });

  test('a config file appearing where the rules looked for one invalidates; an unrelated new file does not', () => {
    const root = project();
    const location = path.join(scratch, 'c12');
    const first = scan(root, location);
    fs.writeFileSync(path.join(root, 'src', 'notes.md'), 'notes\n');
    const second = scan(root, location);
    assert.ok(second.checks.reread > 0, 'the folder changed: what was absent in it is looked for again');
    assert.equal(second.out.fromCache, 5);
    assert.deepEqual(second.findings, first.findings);
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { 'left-pad': ['./src/util.ts'] } } }));
    const third = scan(root, location);
    assert.equal(third.out.fromCache, 0, 'tsconfig.json was read as absent: every result is suspect');
  });

  test('a walk for files by pattern (bundler config templates) is invalidated by a matching file only', () => {
    const root = project();
    const location = path.join(scratch, 'c13');
    fs.mkdirSync(path.join(root, 'tools'));
    const first = scan(root, location);
    assert.ok(first.findings.some((f) => f.startsWith('src/db.ts:') && f.endsWith('dependencies/undeclared-dependency')), first.findings.join('\n'));
    fs.writeFileSync(path.join(root, 'tools', 'notes.md'), 'notes\n');
    const second = scan(root, location);
    assert.equal(second.out.fromCache, 5, 'a note in a folder the walk lists: no template appeared');
    // A template that aliases the import: the walk's recorded listing changed, so nothing is taken from the cache.
    fs.writeFileSync(path.join(root, 'tools', 'webpack.config.js.tmpl'), "module.exports = { resolve: { alias: { 'left-pad': './vendor/left-pad' } } };\n");
    const third = scan(root, location);
    assert.equal(third.out.fromCache, 0);
    assert.ok(!third.findings.some((f) => f.startsWith('src/db.ts:') && f.endsWith('dependencies/undeclared-dependency')), third.findings.join('\n'));
  });
  test('a file changed to the same size is analysed again (its modification time moved)', () => {
    const root = project();
    const location = path.join(scratch, 'c8');
    const { file, after } = sameSizeEdit(root);
    scan(root, location);
    assert.equal(fs.statSync(file).size, after.length);
    fs.writeFileSync(file, after);
    const old = fs.statSync(file).mtime;
    fs.utimesSync(file, old, new Date(old.getTime() + 2000));
    const second = scan(root, location);
    assert.equal(second.out.fromCache, 4);
    assert.ok(second.findings.some((f) => f.startsWith('src/util.ts:')));
  });
});
