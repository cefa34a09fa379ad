import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { fileKindOf } from '../../core/src/fileKinds';
import { mapHost } from '../../core/src/host';
import { rule as syntax } from '../../core/src/rules/env/syntax';
import type { Rule } from '../../core/src/rules/types';

// Findings of the audit set on real applications: cosmetic .env notes at warning level (hedgedoc, zwave-js-ui,
// outline; the engine's demotion here, env/syntax's cases in test/unit/rules/env/syntax.test.ts), REUSE
// `.env.license` files read as .env files, and `.env.test` judged as a complete configuration
// (test/unit/rules/env/missing-required.test.ts).

function run(rule: Rule, file: string, text: string, files: Record<string, string> = {}, configured?: 'warning' | 'error') {
  const config = defaultConfig();
  if (configured) config.rules[rule.meta.id] = configured;
  const relativePath = file.replace('/p/', '');
  return analyze(new FileContext(file, text, { gitIgnored: true }), { config, rules: [rule], host: mapHost(files, '/p'), relativePath }).findings
    .map((f) => [f.messageId, f.severity]);
}

// env/syntax's cosmetic notes one level below the rule: test/unit/rules/env/syntax.test.ts.
describe('Report.demote, like every milder finding', () => {
  test('the engine applies a report\'s demotion to the configured severity, never below hint', () => {
    const milder: Rule = { meta: { ...syntax.meta, id: 'env/test-milder' }, check: (_c, report) => {
      report({ messageId: 'one', start: 0, end: 1, demote: 1 });
      report({ messageId: 'five', start: 0, end: 1, demote: 5 });
      report({ messageId: 'none', start: 0, end: 1 });
    } };
    assert.deepEqual(run(milder, '/p/.env', 'A=1\n'), [['one', 'info'], ['five', 'hint'], ['none', 'warning']]);
    assert.deepEqual(run(milder, '/p/.env', 'A=1\n', {}, 'error'), [['one', 'warning'], ['five', 'hint'], ['none', 'error']]);
  });
});

describe('.env-looking names that are not .env files', () => {
  test('REUSE licence sidecars and Markdown are not read as .env', () => {
    assert.notEqual(fileKindOf('docker/.env.license'), 'env');
    assert.notEqual(fileKindOf('frontend/.env.test.license'), 'env');
    assert.notEqual(fileKindOf('docs/.env.md'), 'env');
  });
  test("React Native's .xcode.env is a shell script Xcode sources", () => {
    assert.equal(fileKindOf('packages/app-mobile/ios/.xcode.env'), 'shell');
    assert.equal(fileKindOf('ios/.xcode.env.local'), 'shell');
    assert.equal(fileKindOf('ios/app.env'), 'env');
  });
  test('real .env files still are', () => {
    for (const f of ['.env', '.env.test', '.env.production.local', 'docker/app.env']) assert.equal(fileKindOf(f), 'env', f);
  });
});
