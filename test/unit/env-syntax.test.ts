import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, parseConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { rule as syntax } from '../../core/src/rules/env/syntax';
import type { Finding } from '../../core/src/types';

// env/syntax: dotenv-linter's checks, one message id per check.
const RULE = 'env/syntax';

function lint(text: string, file = '/p/.env'): { findings: Finding[]; fixes: Map<Finding, EditFix[]> } {
  const result = analyze(new FileContext(file, text), { config: defaultConfig(), rules: [syntax] });
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]> };
}

/** `[messageId, 1-based line]` of every finding. */
function ids(text: string, file?: string): Array<[string, number]> {
  return lint(text, file).findings.map((f) => [f.messageId, f.range.start.line + 1]);
}

/** Applies the first fix of the one finding with this message id, through the same planner as fix-all. */
function fixOnce(before: string, messageId: string): { after: string; preferred: boolean } {
  const { findings, fixes } = lint(before);
  const found = findings.filter((f) => f.messageId === messageId);
  assert.equal(found.length, 1, `${messageId}: ${JSON.stringify(findings.map((f) => f.messageId))}`);
  const fix = fixes.get(found[0])?.[0];
  assert.ok(fix, `${messageId} has a fix`);
  const plan = planFixes({ path: '/p/.env', text: before }, [fix], { root: '/p' }, 'fix');
  return { after: applyEdits(before, plan.changes[0].edits), preferred: fix.preferred };
}

describe('env/syntax: valid files', () => {
  const valid: Array<[string, string]> = [
    ['plain', 'A=1\nB=two\n'],
    ['empty value', 'FOO=\n'],
    ['comment and blank line', '# settings\nFOO=BAR\n\nBAR=FOO\n'],
    ['quoted value with blanks', 'FOO="BAR BAZ"\nBAR=\'a b\'\n'],
    ['a <…> placeholder with blanks, replaced whole', 'CLIENT_ID=<client id>\nREDIRECT_URI=<your redirect uri>\n'],
    ['quotes protecting # and $', 'A="with #hash"\nB="$OTHER"\n'],
    ['export prefix', 'export FOO=BAR\n'],
    ['substitutions', 'A=$B\nC=${B}\nD=${B:-default}\nE=\\${NOT\nF=\'${literal\'\nB=1\n'],
    ['self reference is not a cycle', 'PATH=$PATH:/opt/bin\n'],
    ['multi-line quoted value with blank lines and trailing blanks inside', 'KEY="line one  \n\n\nline four"\nNEXT=1\n'],
    ['a quote inside an unquoted value is data', "NAME=O'Brien\n"],
    ['digits and underscores', 'F100_BAR=1\n_PRIVATE=2\n'],
    ['empty file', ''],
    ['CRLF', 'A=1\r\nB=2\r\n'],
    ['BOM', '\uFEFFA=1\n'],
    ['one blank line at the end', 'A=1\n\n'],
  ];
  for (const [name, text] of valid) test(name, () => assert.deepEqual(ids(text), []));
});

describe('env/syntax: each check', () => {
  const invalid: Array<[string, string, Array<[string, number]>]> = [
    ['EndingBlankLine', 'FOO=BAR', [['EndingBlankLine', 1]]],
    ['ExtraBlankLine between entries', 'A=B\n\n\nFOO=BAR\n', [['ExtraBlankLine', 3]]],
    ['ExtraBlankLine at the end', 'A=B\nFOO=BAR\n\n\n', [['ExtraBlankLine', 4]]],
    ['IncorrectDelimiter', 'FOO-BAR=FOOBAR\n', [['IncorrectDelimiter', 1]]],
    ['IncorrectDelimiter with a blank', 'FOO BAR=FOOBAR\n', [['IncorrectDelimiter', 1]]],
    ['IncorrectDelimiter after leading characters', '***F-OOBAR=BAZ\n', [['LeadingCharacter', 1], ['IncorrectDelimiter', 1]]],
    ['KeyWithoutValue', 'FOO\n', [['KeyWithoutValue', 1]]],
    ['LeadingCharacter: blank', ' FOO=BAR\n', [['LeadingCharacter', 1]]],
    ['LeadingCharacter: tab', '\tFOO=BAR\n', [['LeadingCharacter', 1]]],
    ['LeadingCharacter: dot', '.FOO=BAR\n', [['LeadingCharacter', 1]]],
    ['LeadingCharacter: digit', '1FOO=BAR\n', [['LeadingCharacter', 1]]],
    ['LowercaseKey', 'FOo_BAR=FOOBAR\nfoo_bar=FOOBAR\n', [['LowercaseKey', 1], ['LowercaseKey', 2]]],
    ['QuoteCharacter: double', 'FOO="BAR"\n', [['QuoteCharacter', 1]]],
    ['QuoteCharacter: single', "FOO='BAR'\n", [['QuoteCharacter', 1]]],
    ['QuoteCharacter: inner quote', 'FOO=\'B"AR\'\n', [['QuoteCharacter', 1]]],
    ['QuoteCharacter: unclosed quote', 'FOO="BAR\n', [['QuoteCharacter', 1]]],
    ['SpaceCharacter before', 'FOO =BAR\n', [['SpaceCharacter', 1]]],
    ['SpaceCharacter after', 'FOO= BAR\n', [['SpaceCharacter', 1]]],
    ['SpaceCharacter around', 'FOO = BAR\n', [['SpaceCharacter', 1]]],
    ['SpaceCharacter: none for the blank before a comment on an empty value', 'FOO= # nothing here\n', []],
    ['SubstitutionKey: unclosed', 'ABC=${BAR\n', [['SubstitutionKey', 1]]],
    ['SubstitutionKey: symbol in name', 'FOO=${BAR!}\n', [['SubstitutionKey', 1]]],
    ['SubstitutionKey: closing brace only', 'XYZ=$BAR}\n', [['SubstitutionKey', 1]]],
    ['SubstitutionKey: inside double quotes', 'XYZ="${FOO${BAR}"\n', [['SubstitutionKey', 1]]],
    ['SubstitutionCycle', 'A=${B}\nB=${C}\nC=$A\n', [['SubstitutionCycle', 1]]],
    ['TrailingWhitespace', 'FOO=BAR \n# note\t\n', [['TrailingWhitespace', 1], ['TrailingWhitespace', 2]]],
    ['ValueWithoutQuotes', 'FOO=BAR BAZ\n', [['ValueWithoutQuotes', 1]]],
    ['ValueWithoutQuotes: blanks around a tag are no placeholder', 'FOO=<b> bold </b>\n', [['ValueWithoutQuotes', 1]]],
    ['multi-line value: later lines are not keys', 'CERT="-----BEGIN-----\nabc def\n-----END-----"\nfoo\n', [['LowercaseKey', 4], ['KeyWithoutValue', 4]]],
  ];
  for (const [name, text, expected] of invalid) {
    test(name, () => assert.deepEqual(ids(text), expected));
  }
  test('every finding names the rule', () => {
    for (const f of lint(' a = b c').findings) assert.equal(f.ruleId, RULE);
  });
  test('the cycle is spelled out in the message', () => {
    const [f] = lint('A=${B}\nB=${A}\n').findings;
    assert.equal(f.data.path, 'A → B → A');
  });
  test('a schema file named like a .env file is not linted as one', () => {
    assert.deepEqual(ids('variables:\n  PORT: { type: port }', '/p/.env.schema.yaml'), []);
  });
  test('UnorderedKey is not an env/syntax message (its own rule, off unless enabled)', () => {
    assert.deepEqual(ids('FOO=1\nBAR=2\n'), []);
  });
  test('suppression comments work in .env files', () => {
    assert.deepEqual(ids('# twelve-factor-disable-next-line env/syntax -- legacy name\nfoo=1\nbar=2\n'), [['LowercaseKey', 3]]);
  });
  test('severity is configurable per rule id', () => {
    const { config } = parseConfig("rules:\n  env/syntax: off\n");
    const result = analyze(new FileContext('/p/.env', 'foo\n'), { config, rules: [syntax] });
    assert.deepEqual(result.findings, []);
  });
});

describe('env/syntax: fixes', () => {
  // [message id, before, after, preferred (applied by fix-all)]
  const fixes: Array<[string, string, string, boolean]> = [
    ['EndingBlankLine', 'FOO=BAR', 'FOO=BAR\n', true],
    ['EndingBlankLine', 'A=1\r\nB=2', 'A=1\r\nB=2\r\n', true],
    ['ExtraBlankLine', 'A=B\n\n\nFOO=BAR\n', 'A=B\n\nFOO=BAR\n', true],
    ['IncorrectDelimiter', 'FOO-BAR=1\n', 'FOO_BAR=1\n', false],
    ['KeyWithoutValue', 'FOO\n', 'FOO=\n', true],
    ['LeadingCharacter', '  FOO=BAR\n', 'FOO=BAR\n', true],
    ['LeadingCharacter', '*FOO=BAR\n', 'FOO=BAR\n', false],
    ['LowercaseKey', 'foo_bar=1\n', 'FOO_BAR=1\n', false],
    ['QuoteCharacter', 'FOO="BAR"\n', 'FOO=BAR\n', true],
    ['QuoteCharacter', "FOO='B\"AR'\n", 'FOO=B"AR\n', true],
    ['SpaceCharacter', 'FOO = BAR # note\n', 'FOO=BAR # note\n', true],
    // An empty value and a comment: the blank after `=` stays, or the `#` would read as the value's (UnquotedHash).
    ['SpaceCharacter', 'FOO = # note\n', 'FOO= # note\n', true],
    ['TrailingWhitespace', 'FOO=BAR  \n', 'FOO=BAR\n', true],
    ['ValueWithoutQuotes', 'FOO=BAR BAZ # note\n', 'FOO="BAR BAZ" # note\n', true],
    ['ValueWithoutQuotes', 'FOO=say "hi" now\n', "FOO='say \"hi\" now'\n", true],
  ];
  for (const [id, before, after, preferred] of fixes) {
    test(`${id}: ${JSON.stringify(before)}`, () => {
      const out = fixOnce(before, id);
      assert.equal(out.after, after);
      assert.equal(out.preferred, preferred);
      assert.deepEqual(lint(out.after).findings.filter((f) => f.messageId === id), [], 'fixed');
    });
  }
  test('no quote fix where dotenv would read another value', () => {
    // In double quotes dotenv turns `\\r` into a carriage return; unquoted it stays two characters.
    const { findings, fixes: map } = lint('FOO="a\\rb"\n');
    const f = findings.find((x) => x.messageId === 'QuoteCharacter');
    assert.ok(f);
    assert.equal(map.get(f), undefined);
  });
  test('no quote fix for an unclosed quote', () => {
    const { findings, fixes: map } = lint('FOO="a b\n');
    const f = findings.find((x) => x.messageId === 'ValueWithoutQuotes');
    assert.ok(f);
    assert.equal(map.get(f), undefined);
  });
  test('SubstitutionKey and SubstitutionCycle offer no fix (what was meant is unclear)', () => {
    const { findings, fixes: map } = lint('A=${B\nC=${D}\nD=${C}\n');
    assert.deepEqual(findings.map((f) => f.messageId), ['SubstitutionKey', 'SubstitutionCycle']);
    for (const f of findings) assert.equal(map.get(f), undefined);
  });
  test('fix-all of a messy file converges to a clean one', () => {
    let text = ' FOO = "BAR"  \nB=x y\n\n\n\nC\nD=1';
    for (let round = 0; round < 5; round++) {
      const { findings, fixes: map } = lint(text);
      const preferred = findings.flatMap((f) => (map.get(f) ?? []).filter((x) => x.preferred).slice(0, 1));
      if (preferred.length === 0) break;
      text = applyEdits(text, planFixes({ path: '/p/.env', text }, preferred, { root: '/p' }, 'fix all').changes[0].edits);
    }
    assert.equal(text, 'FOO=BAR\nB="x y"\n\nC=\nD=1\n');
    assert.deepEqual(ids(text), []);
  });
});
