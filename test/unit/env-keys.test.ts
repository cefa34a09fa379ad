import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, parseConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { MAX_PER_CHECK } from '../../core/src/env/budget';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { rule as duplicateKey } from '../../core/src/rules/env/duplicate-key';
import { rule as unorderedKey } from '../../core/src/rules/env/unordered-key';
import type { Rule } from '../../core/src/rules/types';
import type { Finding } from '../../core/src/types';

// env/duplicate-key (DuplicatedKey) and env/unordered-key (UnorderedKey), dotenv-linter's two checks of keys.

/** Every rule on, opt-in ones included (env/unordered-key is off by default). */
const allOn = () => ({ ...defaultConfig(), rules: { 'env/unordered-key': 'warning' as const } });

function lint(rule: Rule, text: string) {
  const result = analyze(new FileContext('/p/.env', text), { config: allOn(), rules: [rule] });
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]> };
}

function applyFirst(rule: Rule, before: string, finding = 0): { after: string; fix: EditFix } {
  const { findings, fixes } = lint(rule, before);
  const fix = fixes.get(findings[finding])?.[0];
  assert.ok(fix, 'a fix is offered');
  const plan = planFixes({ path: '/p/.env', text: before }, [fix], { root: '/p' }, 'fix');
  return { after: applyEdits(before, plan.changes[0].edits), fix };
}

describe('env/duplicate-key', () => {
  test('valid: distinct keys; a key without `=` is not a definition', () => {
    assert.deepEqual(lint(duplicateKey, 'FOO=BAR\nBAR=FOO\nFOO\n').findings, []);
  });
  test('invalid: the later definition is reported, naming the first line', () => {
    const { findings } = lint(duplicateKey, 'FOO=BAR\nX=1\nFOO=BAZ\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.messageId, f.range.start.line, f.data.line]), [['env/duplicate-key', 'DuplicatedKey', 2, '1']]);
  });
  test('three definitions: each one names the one before it', () => {
    const { findings } = lint(duplicateKey, 'A=1\nA=2\nA=3\n');
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.data.line]), [[1, '1'], [2, '2']]);
  });
  test('export and plain forms of one key are the same key', () => {
    assert.equal(lint(duplicateKey, 'export A=1\nA=1\n').findings.length, 1);
  });
  test('fix, same value: the later line goes (preferred)', () => {
    const { after, fix } = applyFirst(duplicateKey, 'FOO=BAR\nX=1\nFOO=BAR\n');
    assert.equal(after, 'FOO=BAR\nX=1\n');
    assert.equal(fix.preferred, true);
  });
  test('fix, same value written differently (dotenv reads both as BAR)', () => {
    assert.equal(applyFirst(duplicateKey, 'FOO=BAR\nFOO="BAR"\n').after, 'FOO=BAR\n');
  });
  test('fix, two values: the earlier line goes, keeping what dotenv loads (not preferred)', () => {
    const { after, fix } = applyFirst(duplicateKey, 'FOO=old\nX=1\nFOO=new');
    assert.equal(after, 'X=1\nFOO=new');
    assert.equal(fix.preferred, false);
  });
  test('fix removes a whole multi-line value', () => {
    assert.equal(applyFirst(duplicateKey, 'K="a\nb"\nK=c\n').after, 'K=c\n');
  });
});

describe('env/unordered-key', () => {
  const on = parseConfig('rules:\n  env/unordered-key: warning\n').config;
  test('off unless enabled', () => {
    assert.equal(unorderedKey.meta.defaultSeverity, 'off');
    assert.deepEqual(analyze(new FileContext('/p/.env', 'B=1\nA=2\n'), { rules: [unorderedKey] }).findings, []);
    assert.equal(analyze(new FileContext('/p/.env', 'B=1\nA=2\n'), { config: on, rules: [unorderedKey] }).findings[0].severity, 'warning');
  });
  const cases: Array<[string, string, Array<[string, number, string]>]> = [
    ['ordered', 'A=1\nB=2\nC=3\n', []],
    ['one unordered key', 'FOO=BAR\nBAR=FOO\n', [['BAR', 2, 'FOO']]],
    ['two unordered keys', 'FOO=BAR\nBAR=FOO\nABC=BAR\n', [['BAR', 2, 'FOO'], ['ABC', 3, 'BAR']]],
    ['a comment does not split a group', 'FOO=1\n# note\nBAR=2\n', [['BAR', 3, 'FOO']]],
    ['names the next greater key', 'FOO=BAR\nBAR=FOO\nDDD=BAR\nZOO=1\n', [['BAR', 2, 'FOO'], ['DDD', 3, 'FOO']]],
    ['blank lines split groups', 'FOO=BAR\n\nBAR=FOO\n', []],
    ['a substitution of a key above starts a new group', 'ABC=XYZ\nKEY=VALUE\nFOO=$KEY\nBAR=FOO\nBOO=$FOO\nXYZ=ABC\n', []],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => {
      const { findings } = lint(unorderedKey, text);
      assert.deepEqual(findings.map((f) => [f.data.key, f.range.start.line + 1, f.data.before]), expected);
      for (const f of findings) assert.equal(f.messageId, 'UnorderedKey');
    });
  }
  test('fix sorts the group, and only that group', () => {
    const { after, fix } = applyFirst(unorderedKey, 'C=3\nA=1\nB=2\n\nZ=26\nY=25\n');
    assert.equal(after, 'A=1\nB=2\nC=3\n\nZ=26\nY=25\n');
    assert.equal(fix.preferred, true);
  });
  test('fix keeps CRLF', () => {
    assert.equal(applyFirst(unorderedKey, 'B=2\r\nA=1\r\n').after, 'A=1\r\nB=2\r\n');
  });
  test('no fix where comments sit between the keys (which key they describe is unclear)', () => {
    const { findings, fixes } = lint(unorderedKey, 'B=2\n# about A\nA=1\n');
    assert.equal(findings.length, 1);
    assert.equal(fixes.get(findings[0]), undefined);
  });
  test('a large reversed group: the first MAX_PER_CHECK findings (its time: bench/budgets.mjs)', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `K${String(99_999 - i).padStart(5, '0')}=1`);
    const { findings } = lint(unorderedKey, `${lines.join('\n')}\n`);
    assert.equal(findings.length, MAX_PER_CHECK, 'the first thousand; the rest after sorting');
  });
});
