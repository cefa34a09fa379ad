import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { specifiersInText } from '../../core/src/js/modules';
import { rules } from '../../core/src/rules';
import { docsUrl, factorOf } from '../../core/src/rules/metadata';

// Enforced structure (ESLint's checkRuleFiles): a rule is a registry entry, a file named after its id,
// a documentation page, tests that name it, and a settings entry in package.json.
const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

test('every rule has its file, docs page, tests and settings entry', () => {
  const pkg = JSON.parse(read('package.json')) as {
    contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
  };
  const settingRules = Object.keys(pkg.contributes.configuration.properties['twelveFactor.rules'].properties ?? {}).sort();
  assert.deepEqual(settingRules, rules.map((r) => r.meta.id).sort(), 'package.json twelveFactor.rules must list exactly the registry');
  const tests = testSources(path.join(ROOT, 'test/unit')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  for (const { meta } of rules) {
    assert.match(meta.id, /^[a-z-]+\/[a-z-]+$/);
    assert.ok(fs.existsSync(path.join(ROOT, 'core/src/rules', `${meta.id}.ts`)), `core/src/rules/${meta.id}.ts`);
    const docs = read(`docs/rules/${meta.id}.md`);
    assert.match(docs, new RegExp(`^# ${meta.id.replace('/', '\\/')}`), 'docs page starts with the rule id');
    assert.ok(docsUrl(meta.id).endsWith(`docs/rules/${meta.id}.md`), 'the docs URL points at the docs page');
    assert.ok(tests.includes(meta.id), `a unit test names ${meta.id}`);
    assert.ok(factorOf(meta.id).factor >= 1 && factorOf(meta.id).factor <= 12, `a factor for ${meta.id}`);
    for (const [id, template] of Object.entries(meta.messages)) assert.ok(template.length > 0, id);
  }
});

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? testSources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

// Rule tests mirror the rules (ESLint's tests/lib/rules): test/unit/rules/<factor>/<name>.test.ts tests
// core/src/rules/<factor>/<name>.ts through the shared RuleTester. A rule whose tests outgrow one file keeps
// companions beside it, named `<name>-<concern>.test.ts` (hardcoded-secret-decisions.test.ts); the main file
// must exist and use the RuleTester, a companion may also hold plain unit tests of the rule's helpers.
test('rule tests under test/unit/rules/ mirror core/src/rules and use the RuleTester', () => {
  const dir = path.join(ROOT, 'test/unit/rules');
  const ids = new Set(rules.map((r) => r.meta.id));
  const stray: string[] = [];
  for (const file of testSources(dir).filter((f) => f.endsWith('.test.ts'))) {
    const id = path.relative(dir, file).split(path.sep).join('/').replace(/\.test\.ts$/, '');
    if (ids.has(id)) {
      if (!/new RuleTester\(/.test(fs.readFileSync(file, 'utf8'))) stray.push(`${id}: does not use the RuleTester`);
      continue;
    }
    const owner = [...ids].find((rule) => id.startsWith(`${rule}-`) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id.slice(rule.length + 1)));
    if (!owner) stray.push(`${id}: no rule core/src/rules/${id}.ts (nor a companion <rule>-<concern>)`);
    else if (!fs.existsSync(path.join(dir, `${owner}.test.ts`))) stray.push(`${id}: a companion of ${owner}, which has no ${owner}.test.ts`);
  }
  assert.deepEqual(stray, []);
});

test('every rule has its test at test/unit/rules/<factor>/<name>.test.ts', () => {
  const missing = rules.map((r) => r.meta.id).filter((id) => !fs.existsSync(path.join(ROOT, 'test/unit/rules', `${id}.test.ts`)));
  assert.deepEqual(missing, [], 'a rule without its test file');
});

// Enforced layering (ESLint's lib/rules/utils, one home for shared knowledge): a rule never imports another
// rule's folder; the program index, workspace facts and scaffolds never import rules/; core never imports an
// editor API. What several of them need lives in core/src/js/ or core/src/workspace/.
const CORE = path.join(ROOT, 'core/src');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every import of a core file: its specifier, and the path inside core/src it names (relative ones only). */
function importsOf(file: string): Array<{ specifier: string; target?: string }> {
  return specifiersInText(fs.readFileSync(file, 'utf8')).map((specifier) => ({
    specifier,
    target: specifier.startsWith('.') ? path.relative(CORE, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/') : undefined,
  }));
}

const coreFiles = sourcesUnder(CORE).map((file) => ({ file, rel: path.relative(CORE, file).split(path.sep).join('/') }));

/**
 * The rule a file under rules/ belongs to: `rules/<factor>/<name>.ts`, a companion `<name>-<concern>.ts` beside it,
 * or anything in a folder `rules/<factor>/<name>/`. Undefined for a factor's shared helper (env/common.ts) and the
 * registry. The longest id wins, so a rule named like another's prefix keeps its own files.
 */
const ruleIds = rules.map((r) => r.meta.id).sort((x, y) => y.length - x.length);
function ownerOf(rel: string): string | undefined {
  const bare = rel.replace(/\.tsx?$/, '').replace(/\/index$/, '');
  if (!bare.startsWith('rules/')) return undefined;
  const inRules = bare.slice('rules/'.length);
  return ruleIds.find((id) => inRules === id || inRules.startsWith(`${id}-`) || inRules.startsWith(`${id}/`));
}

test('no rule imports another rule\'s folder', () => {
  const crossing: string[] = [];
  for (const { file, rel } of coreFiles) {
    const factor = /^rules\/([^/]+)\//.exec(rel)?.[1];
    if (!factor) continue;
    const owner = ownerOf(rel);
    for (const { specifier, target } of importsOf(file)) {
      if (!target?.startsWith('rules/') || target === 'rules/types' || target === 'rules/metadata') continue;
      const otherFactor = /^rules\/([^/]+)\//.exec(target)?.[1];
      const other = ownerOf(target);
      // Another factor's folder, or another rule's files in the same factor folder.
      if ((otherFactor && otherFactor !== factor) || (other !== undefined && other !== owner)) crossing.push(`${rel} imports ${specifier}`);
    }
  }
  assert.deepEqual(crossing, []);
});

test('the rule owning a file is told by its name', () => {
  assert.equal(ownerOf('rules/config/hardcoded-secret-go.ts'), 'config/hardcoded-secret');
  assert.equal(ownerOf('rules/logs/file-logging/index.ts'), 'logs/file-logging');
  assert.equal(ownerOf('rules/env/common.ts'), undefined);
});

test('program/, workspace/ and scaffold/ never import rules/', () => {
  const crossing: string[] = [];
  for (const { file, rel } of coreFiles) {
    if (!/^(program|workspace|scaffold)\//.test(rel)) continue;
    for (const { specifier, target } of importsOf(file)) {
      if (target === 'rules' || target?.startsWith('rules/')) crossing.push(`${rel} imports ${specifier}`);
    }
  }
  assert.deepEqual(crossing, []);
});

test('core never imports vscode or an LSP package', () => {
  const editorImports = coreFiles.flatMap(({ file, rel }) => importsOf(file).filter((i) => /^vscode/.test(i.specifier)).map((i) => `${rel} imports ${i.specifier}`));
  assert.deepEqual(editorImports, []);
});

// The client bundle never holds the TypeScript compiler (STYLE.md): nothing the extension's entry reaches
// by a value import (type-only imports are erased) imports `typescript`. The scaffold engine, which parses
// code, is its own bundle (dist/scaffold.js), loaded by path on the first scaffold command.
test('the client never imports typescript', () => {
  const entry = path.join(ROOT, 'client/src/extension.ts');
  const seen = new Set<string>();
  const offending: string[] = [];
  const visit = (file: string, via: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '').replace(/typeof import\([^)]*\)/g, '');
    for (const specifier of specifiersInText(text)) {
      const chain = [...via, path.relative(ROOT, file)];
      if (/^typescript(\/|$)/.test(specifier)) offending.push(chain.join(' → '));
      if (!specifier.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), specifier);
      const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (target?.endsWith('.ts')) visit(target, chain);
    }
  };
  visit(entry, []);
  assert.ok(seen.size > 5, 'the walk followed the client\'s imports');
  assert.deepEqual(offending, []);
});

test('custom LSP messages are declared once, in server/src/customMessages.ts', () => {
  const declared = new Set([...read('server/src/customMessages.ts').matchAll(/new (?:Request|Notification)Type0?<[^(]*>\('(twelveFactor\/[\w/]+)'\)/g)].map((m) => m[1]));
  assert.ok(declared.has('twelveFactor/serverStats') && declared.size >= 6, [...declared].join(', '));
  const sourcesIn = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourcesIn(rel);
    return /\.(ts|mjs)$/.test(e.name) ? [rel] : [];
  });
  const bare: string[] = [];
  for (const file of ['client/src', 'server/src', 'core/src', 'test', 'bench', 'scripts'].flatMap(sourcesIn)) {
    if (file === 'server/src/customMessages.ts' || file === 'test/unit/structure.test.ts') continue;
    for (const m of read(file).matchAll(/\b(?:sendRequest|sendNotification|onRequest|onNotification)\(\s*['"`](twelveFactor\/[\w/]+)/g)) {
      // TypeScript imports the typed constant; a bench script (plain .mjs, no TypeScript) may name a declared method.
      if (file.endsWith('.ts') || !declared.has(m[1])) bare.push(`${file}: ${m[1]}`);
    }
  }
  assert.deepEqual(bare, []);
});
