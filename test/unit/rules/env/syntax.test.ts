import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import { rule } from '../../../../core/src/rules/env/syntax';
import { RuleTester } from '../ruleTester';

// env/syntax: dotenv-linter's checks, one message id per check. Fix-all applies the fixes that keep what
// dotenv loads; renames (IncorrectDelimiter, LowercaseKey), dropping a leading character other than a blank,
// and quoting a value cut at `#` (UnquotedHash: the fix changes what dotenv loads, to what was written) are
// suggestions. Layout and taste (QuoteCharacter, ExtraBlankLine, EndingBlankLine, TrailingWhitespace,
// LowercaseKey) are notes one level below the rule (audit: hedgedoc, zwave-js-ui, outline).
const MESSY = 'API_URL="http://x"\n\n\nGREETING=hello world\n';

new RuleTester({ filename: '/ws/.env' }).run(rule, {
  valid: [
    { name: 'plain', code: 'A=1\nB=two\n' },
    { name: 'empty value', code: 'FOO=\n' },
    { name: 'comment and blank line', code: '# settings\nFOO=BAR\n\nBAR=FOO\n' },
    { name: 'quoted value with blanks', code: 'FOO="BAR BAZ"\nBAR=\'a b\'\n' },
    { name: 'a <…> placeholder with blanks, replaced whole', code: 'CLIENT_ID=<client id>\nREDIRECT_URI=<your redirect uri>\n' },
    // Held-out 9 (grist-core, karakeep): an instruction in place of the value is replaced whole, like a <…> placeholder.
    { name: 'an instruction in place of the value, replaced whole', code: 'ADMIN_PASSWORD=CHANGE THIS PASSWORD\nCLIENT_SECRET=GET THIS FROM KEYCLOAK\nNEXTAUTH_SECRET=[generate with openssl rand -base64 36]\nMEILI_KEY=[generate with <openssl rand -base64 36 | tr -dc \'A-Za-z0-9\'>]\n' },
    // Held-out 8 (papermark's .env.example): the choices of a template, each quoted, one of which replaces the whole.
    { name: 'quoted choices joined by |', code: 'UPLOAD_HOST="<store>.blob.example.com" | "<id>.cdn.example.net" | \'<bucket>.s3.example.org\'\n' },
    { name: 'quotes protecting # and $', code: 'A="with #hash"\nB="$OTHER"\n' },
    { name: 'export prefix', code: 'export FOO=BAR\n' },
    { name: 'substitutions', code: 'A=$B\nC=${B}\nD=${B:-default}\nE=\\${NOT\nF=\'${literal\'\nB=1\n' },
    { name: 'self reference is not a cycle', code: 'PATH=$PATH:/opt/bin\n' },
    { name: 'multi-line quoted value with blank lines and trailing blanks inside', code: 'KEY="line one  \n\n\nline four"\nNEXT=1\n' },
    { name: 'a quote inside an unquoted value is data', code: "NAME=O'Brien\n" },
    { name: 'digits and underscores', code: 'F100_BAR=1\n_PRIVATE=2\n' },
    { name: 'empty file', code: '' },
    { name: 'CRLF', code: 'A=1\r\nB=2\r\n' },
    { name: 'BOM', code: '\uFEFFA=1\n' },
    { name: 'one blank line at the end', code: 'A=1\n\n' },
    { name: 'SpaceCharacter: none for the blank before a comment on an empty value', code: 'FOO= # nothing here\n' },
    { name: 'a schema file named like a .env file is not linted as one', filename: '/ws/.env.schema.yaml', code: 'variables:\n  PORT: { type: port }' },
    { name: 'UnorderedKey is not an env/syntax message (its own rule, off unless enabled)', code: 'FOO=1\nBAR=2\n' },
    { name: 'severity is configurable per rule id', code: 'foo\n', severity: 'off' },
    { name: 'UnquotedHash: not after a blank (a comment)', code: 'A=value # comment\n' },
    { name: 'UnquotedHash: not in double quotes', code: 'A="with#hash"\n' },
    { name: 'UnquotedHash: not in single quotes', code: "A='a#b' # c\n" },
    { name: 'UnquotedHash: not on an empty value', code: 'A= # empty, with a comment\n' },
    { name: 'UnquotedHash: not on a commented line', code: '# A=#x\n' },
    { name: 'UnquotedHash: not after a colon', code: 'A: #x\n' },
  ],
  invalid: [
    { name: 'EndingBlankLine', code: 'FOO=BAR', errors: [['EndingBlankLine', 1, 'R']], output: 'FOO=BAR\n' },
    { name: 'EndingBlankLine with CRLF', code: 'A=1\r\nB=2', errors: [['EndingBlankLine', 2, '2']], output: 'A=1\r\nB=2\r\n' },
    { name: 'ExtraBlankLine between entries', code: 'A=B\n\n\nFOO=BAR\n', errors: [['ExtraBlankLine', 3, '']], output: 'A=B\n\nFOO=BAR\n' },
    { name: 'ExtraBlankLine at the end', code: 'A=B\nFOO=BAR\n\n\n', errors: [['ExtraBlankLine', 4, '']], output: 'A=B\nFOO=BAR\n\n' },
    { name: 'IncorrectDelimiter', code: 'FOO-BAR=FOOBAR\n', errors: [['IncorrectDelimiter', 1, 'FOO-BAR']], output: null, suggestions: ['FOO_BAR=FOOBAR\n'] },
    { name: 'IncorrectDelimiter (short value)', code: 'FOO-BAR=1\n', errors: [['IncorrectDelimiter', 1, 'FOO-BAR']], output: null, suggestions: ['FOO_BAR=1\n'] },
    { name: 'IncorrectDelimiter with a blank', code: 'FOO BAR=FOOBAR\n', errors: [['IncorrectDelimiter', 1, 'FOO BAR']], output: null, suggestions: ['FOO_BAR=FOOBAR\n'] },
    {
      name: 'IncorrectDelimiter after leading characters',
      code: '***F-OOBAR=BAZ\n',
      errors: [['LeadingCharacter', 1, '***'], ['IncorrectDelimiter', 1, '***F-OOBAR']],
      output: null,
      suggestions: ['F-OOBAR=BAZ\n', '***F_OOBAR=BAZ\n'],
    },
    { name: 'KeyWithoutValue', code: 'FOO\n', errors: [['KeyWithoutValue', 1, 'FOO']], output: 'FOO=\n' },
    { name: 'KeyWithoutValue: no UnquotedHash either', code: 'A\n', errors: [['KeyWithoutValue', 1, 'A']], output: 'A=\n' },
    { name: 'LeadingCharacter: blank', code: ' FOO=BAR\n', errors: [['LeadingCharacter', 1, ' ']], output: 'FOO=BAR\n' },
    { name: 'LeadingCharacter: blanks', code: '  FOO=BAR\n', errors: [['LeadingCharacter', 1, '  ']], output: 'FOO=BAR\n' },
    { name: 'LeadingCharacter: tab', code: '\tFOO=BAR\n', errors: [['LeadingCharacter', 1, '\t']], output: 'FOO=BAR\n' },
    { name: 'LeadingCharacter: dot', code: '.FOO=BAR\n', errors: [['LeadingCharacter', 1, '.']], output: null, suggestions: ['FOO=BAR\n'] },
    { name: 'LeadingCharacter: digit', code: '1FOO=BAR\n', errors: [['LeadingCharacter', 1, '1']], output: null, suggestions: ['FOO=BAR\n'] },
    { name: 'LeadingCharacter: star', code: '*FOO=BAR\n', errors: [['LeadingCharacter', 1, '*']], output: null, suggestions: ['FOO=BAR\n'] },
    {
      name: 'LowercaseKey',
      code: 'FOo_BAR=FOOBAR\nfoo_bar=FOOBAR\n',
      errors: [['LowercaseKey', 1, 'FOo_BAR'], ['LowercaseKey', 2, 'foo_bar']],
      output: null,
      suggestions: ['FOO_BAR=FOOBAR\nfoo_bar=FOOBAR\n', 'FOo_BAR=FOOBAR\nFOO_BAR=FOOBAR\n'],
    },
    {
      name: 'ShellCommand: an autoenv .env sources a virtualenv (one note, no rename, no `=`)',
      code: 'source env/bin/activate\nexport APP_SETTINGS=config.DevelopmentConfig\n',
      errors: [['ShellCommand', 1, 'source env/bin/activate']],
      output: null,
    },
    { name: 'ShellCommand: `. file` and unset', code: '. ./.env.local\nunset DEBUG\n', errors: [['ShellCommand', 1, '. ./.env.local'], ['ShellCommand', 2, 'unset DEBUG']], output: null },
    { name: 'a key that only starts like a command is still a key', code: 'source_dir\n', errors: [['LowercaseKey', 1, 'source_dir'], ['KeyWithoutValue', 1, 'source_dir']], output: 'source_dir=\n', suggestions: ['SOURCE_DIR\n'] },
    { name: 'LowercaseKey (one key)', code: 'foo_bar=1\n', errors: [['LowercaseKey', 1, 'foo_bar']], output: null, suggestions: ['FOO_BAR=1\n'] },
    { name: 'QuoteCharacter: double', code: 'FOO="BAR"\n', errors: [['QuoteCharacter', 1, '"BAR"']], output: 'FOO=BAR\n' },
    { name: 'QuoteCharacter: single', code: "FOO='BAR'\n", errors: [['QuoteCharacter', 1, "'BAR'"]], output: 'FOO=BAR\n' },
    { name: 'QuoteCharacter: inner quote', code: 'FOO=\'B"AR\'\n', errors: [['QuoteCharacter', 1, '\'B"AR\'']], output: 'FOO=B"AR\n' },
    { name: 'QuoteCharacter: unclosed quote (no fix)', code: 'FOO="BAR\n', errors: [['QuoteCharacter', 1, '"BAR']], output: null },
    { name: 'QuoteCharacter: unclosed quote, no UnquotedHash', code: 'A="unclosed#x\n', errors: [['QuoteCharacter', 1, '"unclosed']], output: null },
    { name: 'no quote fix where dotenv would read another value (`\\r` in double quotes)', code: 'FOO="a\\rb"\n', errors: [['QuoteCharacter', 1, '"a\\rb"']], output: null },
    { name: 'no quote fix for an unclosed quote', code: 'FOO="a b\n', errors: [['ValueWithoutQuotes', 1, '"a b']], output: null },
    { name: 'SpaceCharacter before', code: 'FOO =BAR\n', errors: [['SpaceCharacter', 1, ' =']], output: 'FOO=BAR\n' },
    { name: 'SpaceCharacter after', code: 'FOO= BAR\n', errors: [['SpaceCharacter', 1, '= ']], output: 'FOO=BAR\n' },
    { name: 'SpaceCharacter around', code: 'FOO = BAR\n', errors: [['SpaceCharacter', 1, ' = ']], output: 'FOO=BAR\n' },
    { name: 'SpaceCharacter around, with a comment', code: 'FOO = BAR # note\n', errors: [['SpaceCharacter', 1, ' = ']], output: 'FOO=BAR # note\n' },
    // An empty value and a comment: the blank after `=` stays, or the `#` would read as the value's (UnquotedHash).
    { name: 'SpaceCharacter around an empty value with a comment', code: 'FOO = # note\n', errors: [['SpaceCharacter', 1, ' =']], output: 'FOO= # note\n' },
    { name: 'SubstitutionKey: unclosed', code: 'ABC=${BAR\n', errors: [['SubstitutionKey', 1, '${BAR']], output: null },
    { name: 'SubstitutionKey: symbol in name', code: 'FOO=${BAR!}\n', errors: [['SubstitutionKey', 1, '${BAR!}']], output: null },
    { name: 'SubstitutionKey: closing brace only', code: 'XYZ=$BAR}\n', errors: [['SubstitutionKey', 1, '$BAR}']], output: null },
    { name: 'SubstitutionKey: inside double quotes', code: 'XYZ="${FOO${BAR}"\n', errors: [['SubstitutionKey', 1, '"${FOO${BAR}"']], output: null },
    { name: 'SubstitutionCycle', code: 'A=${B}\nB=${C}\nC=$A\n', errors: [['SubstitutionCycle', 1, '${B}']], output: null },
    { name: 'the cycle is spelled out in the message', code: 'A=${B}\nB=${A}\n', errors: [{ messageId: 'SubstitutionCycle', line: 1, data: { path: 'A → B → A' } }], output: null },
    { name: 'SubstitutionKey and SubstitutionCycle offer no fix (what was meant is unclear)', code: 'A=${B\nC=${D}\nD=${C}\n', errors: [['SubstitutionKey', 1, '${B'], ['SubstitutionCycle', 2, '${D}']], output: null },
    { name: 'TrailingWhitespace', code: 'FOO=BAR \n# note\t\n', errors: [['TrailingWhitespace', 1, ' '], ['TrailingWhitespace', 2, '\t']], output: 'FOO=BAR\n# note\n' },
    { name: 'TrailingWhitespace (two blanks)', code: 'FOO=BAR  \n', errors: [['TrailingWhitespace', 1, '  ']], output: 'FOO=BAR\n' },
    { name: 'ValueWithoutQuotes', code: 'FOO=BAR BAZ\n', errors: [['ValueWithoutQuotes', 1, 'BAR BAZ']], output: 'FOO="BAR BAZ"\n' },
    { name: 'ValueWithoutQuotes with a comment', code: 'FOO=BAR BAZ # note\n', errors: [['ValueWithoutQuotes', 1, 'BAR BAZ']], output: 'FOO="BAR BAZ" # note\n' },
    { name: 'ValueWithoutQuotes with double quotes inside: single quotes', code: 'FOO=say "hi" now\n', errors: [['ValueWithoutQuotes', 1, 'say "hi" now']], output: 'FOO=\'say "hi" now\'\n' },
    { name: 'ValueWithoutQuotes: a | between unquoted words is a value', code: 'FOO=a | b\n', errors: [['ValueWithoutQuotes', 1, 'a | b']], output: 'FOO="a | b"\n' },
    { name: 'ValueWithoutQuotes: one quoted choice and an unquoted tail', code: 'FOO="a" | b c\n', errors: [['ValueWithoutQuotes', 1, '"a" | b c']], output: null },
    { name: 'ValueWithoutQuotes: a sentence describing the value is still a value', code: 'APP_NAME=My Todo App\n', errors: [['ValueWithoutQuotes', 1, 'My Todo App']], output: 'APP_NAME="My Todo App"\n' },
    { name: 'ValueWithoutQuotes: blanks around a tag are no placeholder', code: 'FOO=<b> bold </b>\n', errors: [['ValueWithoutQuotes', 1, '<b> bold </b>']], output: 'FOO="<b> bold </b>"\n' },
    {
      name: 'multi-line value: later lines are not keys',
      code: 'CERT="-----BEGIN-----\nabc def\n-----END-----"\nfoo\n',
      errors: [['LowercaseKey', 4, 'foo'], ['KeyWithoutValue', 4, 'foo']],
      output: 'CERT="-----BEGIN-----\nabc def\n-----END-----"\nfoo=\n',
      suggestions: ['CERT="-----BEGIN-----\nabc def\n-----END-----"\nFOO\n'],
    },
    {
      name: 'every check of a messy line',
      code: ' a = b c',
      errors: [['LeadingCharacter', 1, ' '], ['LowercaseKey', 1, 'a'], ['SpaceCharacter', 1, ' = '], ['ValueWithoutQuotes', 1, 'b c'], ['EndingBlankLine', 1, 'c']],
      output: 'a="b c"\n',
      suggestions: [' A = b c'],
    },
    {
      name: 'suppression comments work in .env files',
      code: '# twelve-factor-disable-next-line env/syntax -- legacy name\nfoo=1\nbar=2\n',
      errors: [['LowercaseKey', 3, 'bar']],
      output: null,
      suggestions: ['# twelve-factor-disable-next-line env/syntax -- legacy name\nfoo=1\nBAR=2\n'],
    },
    {
      name: 'fix-all of a messy file converges to a clean one',
      code: ' FOO = "BAR"  \nB=x y\n\n\n\nC\nD=1',
      errors: [
        ['LeadingCharacter', 1, ' '], ['SpaceCharacter', 1, ' = '], ['QuoteCharacter', 1, '"BAR"'], ['TrailingWhitespace', 1, '  '], ['ValueWithoutQuotes', 2, 'x y'],
        ['ExtraBlankLine', 4, ''], ['ExtraBlankLine', 5, ''], ['KeyWithoutValue', 6, 'C'], ['EndingBlankLine', 7, '1'],
      ],
      output: 'FOO=BAR\nB="x y"\n\nC=\nD=1\n',
    },
    { name: 'UnquotedHash: a colour', code: 'COLOR=#ff0000\n', errors: [['UnquotedHash', 1, '#ff0000']], output: null, suggestions: ['COLOR="#ff0000"\n'] },
    { name: 'UnquotedHash: a URL fragment', code: 'URL=https://acme.io/#/dashboard\n', errors: [['UnquotedHash', 1, 'https://acme.io/#/dashboard']], output: null, suggestions: ['URL="https://acme.io/#/dashboard"\n'] },
    { name: 'UnquotedHash: inside a word', code: 'MSG=hello#world\n', errors: [['UnquotedHash', 1, 'hello#world']], output: null, suggestions: ['MSG="hello#world"\n'] },
    { name: 'UnquotedHash: inside a word, before a comment', code: 'MSG=hello#world # greeting\n', errors: [['UnquotedHash', 1, 'hello#world']], output: null, suggestions: ['MSG="hello#world" # greeting\n'] },
    { name: 'UnquotedHash: after export', code: 'export TAG=v1#2\n', errors: [['UnquotedHash', 1, 'v1#2']], output: null, suggestions: ['export TAG="v1#2"\n'] },
    { name: 'UnquotedHash: a value with a backslash gets single quotes', code: 'A=x\\ny#z\n', errors: [['UnquotedHash', 1, 'x\\ny#z']], output: null, suggestions: ["A='x\\ny#z'\n"] },
    {
      name: 'layout and taste are info, problems stay warnings',
      code: MESSY,
      errors: [
        { messageId: 'QuoteCharacter', line: 1, severity: 'info' }, { messageId: 'ExtraBlankLine', line: 3, severity: 'info' },
        { messageId: 'ValueWithoutQuotes', line: 4, text: 'hello world', severity: 'warning' },
      ],
      output: 'API_URL=http://x\n\nGREETING="hello world"\n',
    },
    {
      name: 'a configured severity moves both: the notes stay one level below',
      code: MESSY,
      severity: 'error',
      errors: [
        { messageId: 'QuoteCharacter', line: 1, severity: 'warning' }, { messageId: 'ExtraBlankLine', line: 3, severity: 'warning' },
        { messageId: 'ValueWithoutQuotes', line: 4, text: 'hello world', severity: 'error' },
      ],
      output: 'API_URL=http://x\n\nGREETING="hello world"\n',
    },
  ],
});

test('env/syntax: the UnquotedHash fix makes dotenv load what was written', () => {
  const cases: Array<[string, string]> = [
    ['COLOR="#ff0000"\n', '#ff0000'],
    ['URL="https://acme.io/#/dashboard"\n', 'https://acme.io/#/dashboard'],
    ['MSG="hello#world" # greeting\n', 'hello#world'],
    ["A='x\\ny#z'\n", 'x\\ny#z'],
  ];
  for (const [fixed, value] of cases) assert.equal(Object.values(dotenvParse(fixed))[0], value, fixed);
});
