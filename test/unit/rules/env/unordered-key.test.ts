import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_PER_CHECK } from '../../../../core/src/env/budget';
import { rule } from '../../../../core/src/rules/env/unordered-key';
import { findings } from '../../../fixtures/workspace/harness';
import { RuleTester } from '../ruleTester';

// dotenv-linter's UnorderedKey: keys of a group (lines between blank lines) in alphabetical order. Opt-in
// (default `off`): the cases run it at `warning`. Each finding names the key it should go before; the fix
// sorts the group, where no comment sits between its keys (which key a comment describes is unclear).
const unordered = (line: number, key: string, before: string) => ({ messageId: 'UnorderedKey', line, text: key, data: { before } });

new RuleTester({ filename: '/ws/.env', severity: 'warning' }).run(rule, {
  valid: [
    { name: 'ordered', code: 'A=1\nB=2\nC=3\n' },
    { name: 'blank lines split groups', code: 'FOO=BAR\n\nBAR=FOO\n' },
    { name: 'a substitution of a key above starts a new group', code: 'ABC=XYZ\nKEY=VALUE\nFOO=$KEY\nBAR=FOO\nBOO=$FOO\nXYZ=ABC\n' },
  ],
  invalid: [
    { name: 'one unordered key', code: 'FOO=BAR\nBAR=FOO\n', errors: [unordered(2, 'BAR', 'FOO')], output: 'BAR=FOO\nFOO=BAR\n' },
    { name: 'two unordered keys', code: 'FOO=BAR\nBAR=FOO\nABC=BAR\n', errors: [unordered(2, 'BAR', 'FOO'), unordered(3, 'ABC', 'BAR')], output: 'ABC=BAR\nBAR=FOO\nFOO=BAR\n' },
    { name: 'a comment does not split a group (and leaves it unsorted)', code: 'FOO=1\n# note\nBAR=2\n', errors: [unordered(3, 'BAR', 'FOO')], output: null },
    { name: 'names the next greater key', code: 'FOO=BAR\nBAR=FOO\nDDD=BAR\nZOO=1\n', errors: [unordered(2, 'BAR', 'FOO'), unordered(3, 'DDD', 'FOO')], output: 'BAR=FOO\nDDD=BAR\nFOO=BAR\nZOO=1\n' },
    {
      name: 'the fix sorts each group on its own',
      code: 'C=3\nA=1\nB=2\n\nZ=26\nY=25\n',
      errors: [unordered(2, 'A', 'C'), unordered(3, 'B', 'C'), unordered(6, 'Y', 'Z')],
      output: 'A=1\nB=2\nC=3\n\nY=25\nZ=26\n',
    },
    {
      name: 'the fix sorts its group only',
      code: 'C=3\nA=1\nB=2\n\nZ=26\n# about Y\nY=25\n',
      errors: [unordered(2, 'A', 'C'), unordered(3, 'B', 'C'), unordered(7, 'Y', 'Z')],
      output: 'A=1\nB=2\nC=3\n\nZ=26\n# about Y\nY=25\n',
    },
    { name: 'the fix keeps CRLF', code: 'B=2\r\nA=1\r\n', errors: [unordered(2, 'A', 'B')], output: 'A=1\r\nB=2\r\n' },
    { name: 'no fix where comments sit between the keys', code: 'B=2\n# about A\nA=1\n', errors: [unordered(3, 'A', 'B')], output: null },
  ],
});

test('env/unordered-key is off unless enabled', () => {
  assert.equal(rule.meta.defaultSeverity, 'off');
  assert.deepEqual(findings(rule, '/ws/.env', 'B=1\nA=2\n'), []);
  assert.equal(findings(rule, '/ws/.env', 'B=1\nA=2\n', { severity: 'warning' })[0].severity, 'warning');
});

test('env/unordered-key: a large reversed group gives the first MAX_PER_CHECK findings (its time: bench/budgets.mjs)', () => {
  const lines = Array.from({ length: 50_000 }, (_, i) => `K${String(99_999 - i).padStart(5, '0')}=1`);
  assert.equal(findings(rule, '/ws/.env', `${lines.join('\n')}\n`, { severity: 'warning' }).length, MAX_PER_CHECK, 'the first thousand; the rest after sorting');
});
