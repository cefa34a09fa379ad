import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../core/src/rules';

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
  const tests = fs.readdirSync(path.join(ROOT, 'test/unit')).filter((f) => f.endsWith('.ts')).map((f) => read(`test/unit/${f}`)).join('\n');
  for (const { meta } of rules) {
    assert.match(meta.id, /^[a-z-]+\/[a-z-]+$/);
    assert.ok(fs.existsSync(path.join(ROOT, 'core/src/rules', `${meta.id}.ts`)), `core/src/rules/${meta.id}.ts`);
    const docs = read(`docs/rules/${meta.id}.md`);
    assert.match(docs, new RegExp(`^# ${meta.id.replace('/', '\\/')}`), 'docs page starts with the rule id');
    assert.ok(meta.docs.endsWith(`docs/rules/${meta.id}.md`), 'meta.docs points at the docs page');
    assert.ok(tests.includes(meta.id), `a unit test names ${meta.id}`);
    assert.ok(meta.factor >= 1 && meta.factor <= 12);
    for (const [id, template] of Object.entries(meta.messages)) assert.ok(template.length > 0, id);
  }
});
