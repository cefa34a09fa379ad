import { rule } from '../../../../core/src/rules/env/duplicate-key';
import { RuleTester } from '../ruleTester';

// dotenv-linter's DuplicatedKey. The later definition is reported, naming the line of the one before it. Its
// fix removes a line: the later one when both values are the same (fix-all applies it), the earlier one when
// they differ (keeping what dotenv loads; which value is meant is the user's call, so a suggestion).
const dup = (line: number, key: string, first: number) => ({ messageId: 'DuplicatedKey', line, text: key, data: { line: String(first) } });

new RuleTester({ filename: '/ws/.env' }).run(rule, {
  valid: [
    { name: 'distinct keys; a key without `=` is not a definition', code: 'FOO=BAR\nBAR=FOO\nFOO\n' },
  ],
  invalid: [
    { name: 'the later definition is reported, naming the first line', code: 'FOO=BAR\nX=1\nFOO=BAZ\n', errors: [dup(3, 'FOO', 1)], output: null, suggestions: ['X=1\nFOO=BAZ\n'] },
    { name: 'three definitions: each one names the one before it', code: 'A=1\nA=2\nA=3\n', errors: [dup(2, 'A', 1), dup(3, 'A', 2)], output: null, suggestions: ['A=2\nA=3\n', 'A=1\nA=3\n'] },
    { name: 'export and plain forms of one key are the same key', code: 'export A=1\nA=1\n', errors: [dup(2, 'A', 1)], output: 'export A=1\n' },
    { name: 'fix, same value: the later line goes', code: 'FOO=BAR\nX=1\nFOO=BAR\n', errors: [dup(3, 'FOO', 1)], output: 'FOO=BAR\nX=1\n' },
    { name: 'fix, same value written differently (dotenv reads both as BAR)', code: 'FOO=BAR\nFOO="BAR"\n', errors: [dup(2, 'FOO', 1)], output: 'FOO=BAR\n' },
    { name: 'fix, two values: the earlier line goes, keeping what dotenv loads (a suggestion)', code: 'FOO=old\nX=1\nFOO=new', errors: [dup(3, 'FOO', 1)], output: null, suggestions: ['X=1\nFOO=new'] },
    { name: 'the fix removes a whole multi-line value', code: 'K="a\nb"\nK=c\n', errors: [dup(3, 'K', 1)], output: null, suggestions: ['K=c\n'] },
  ],
});
