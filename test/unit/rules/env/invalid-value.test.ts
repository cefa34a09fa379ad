import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../../core/src/rules/env/invalid-value';
import { findings } from '../../../fixtures/workspace/harness';
import { RuleTester } from '../ruleTester';
import { GOOD_DB, WITH_SCHEMA } from './fixtures';

// A .env value that does not fit the type its schema declares, reported on the value (as dotenv reads it:
// quotes and inline comments). The message shows what was found, redacted under a secret or credential name.
const wrong = (value: string, messageId: string, found: string) => ({
  name: `${value} → ${messageId}`,
  code: `${GOOD_DB}${value}\n`,
  errors: [{ messageId, line: 3, text: value.slice(value.indexOf('=') + 1), data: { found } }],
  output: null,
});
// Audit of the env checks: type url needs a scheme.
const URL_SCHEMA = { files: { '/ws/.env.schema.yaml': 'variables:\n  API_URL: { type: url }\n' } };

new RuleTester(WITH_SCHEMA).run(rule, {
  valid: [
    { name: 'valid values of every type', code: `${GOOD_DB}PORT=8080\nLOG_LEVEL=warn\nSESSION_SECRET=${'x'.repeat(32)}\nWORKERS=4\nRATIO=.5\nDEBUG_SQL=off\nFEATURES={"a":[1]}\nREGION=eu-west-1\n` },
    { name: 'the value is read the way dotenv reads it: quotes and inline comments', code: `${GOOD_DB}PORT="8080" # web\nLOG_LEVEL='debug'\n` },
    { name: 'optional and empty is fine', code: 'DATABASE_URL=postgres://db/app\nADMIN_EMAIL=a@b.co\nPORT=\n' },
    { name: 'an empty earlier occurrence is no problem when a later one sets the required key', code: 'DATABASE_URL=\nDATABASE_URL=postgres://db/app\nADMIN_EMAIL=a@b.co\n' },
    { name: 'templates are not judged by types (placeholders)', filename: '/ws/.env.example', code: 'PORT=<port>\nDATABASE_URL=\n' },
    { name: 'without a host (single-file run) nothing is checked', code: 'PORT=http\n', noHost: true },
    ...['https://example.com', 'redis://cache:6379', 'postgres://u@db/app', 'mailto:ops@example.com', 'file:///tmp/x', 'urn:isbn:0451450523']
      .map((v) => ({ name: `type url accepts ${v}`, code: `API_URL=${v}\n`, ...URL_SCHEMA })),
  ],
  invalid: [
    wrong('DATABASE_URL=not a url', 'type', 'a secret value (no…, 9 chars)'),
    wrong('DATABASE_URL=mysql://db/app', 'protocol', 'protocol `mysql`'),
    wrong('PORT=http', 'type', '`http`'),
    wrong('PORT=99999', 'range', '`99999`'),
    wrong('LOG_LEVEL=verbose', 'enum', '`verbose`'),
    wrong('SESSION_SECRET=too-short', 'tooShort', '9 characters'),
    wrong('WORKERS=2.5', 'type', '`2.5`'),
    wrong('WORKERS=32', 'range', '`32`'),
    wrong('RATIO=1.5', 'range', '`1.5`'),
    wrong('DEBUG_SQL=maybe', 'type', '`maybe`'),
    wrong('FEATURES={broken', 'type', '`{broken`'),
    wrong('REGION=Mars', 'pattern', '`Mars`'),
    wrong('REGION=eu-west-1-and-more-more', 'tooLong', '23 characters'),
    ...['localhost:3000', 'db.internal:5432', 'example.com', 'http:/example.com']
      .map((v) => ({ name: `type url rejects ${v}`, code: `API_URL=${v}\n`, ...URL_SCHEMA, errors: [['type', 1, v] as [string, number, string]], output: null })),
    { name: 'required but empty', code: 'DATABASE_URL=\nADMIN_EMAIL=a@b.co\nPORT=\n', errors: [['empty', 1, 'DATABASE_URL']], output: null },
    { name: 'an earlier occurrence is judged too', code: `${GOOD_DB}PORT=70000\nPORT=3000\n`, errors: [['range', 3, '70000']], output: null },
    { name: 'the later occurrence', code: `${GOOD_DB}PORT=3000\nPORT=70000\n`, errors: [['range', 4, '70000']], output: null },
    { name: 'every occurrence', code: `${GOOD_DB}PORT=nope\nPORT=70000\n`, errors: [['type', 3, 'nope'], ['range', 4, '70000']], output: null },
    { name: 'fix: enum spelling differing in case only, inside quotes', code: `${GOOD_DB}LOG_LEVEL="INFO"\n`, errors: [['enum', 3, '"INFO"']], output: `${GOOD_DB}LOG_LEVEL="info"\n` },
  ],
});

test('env/invalid-value: each occurrence of a key has its own fingerprint', () => {
  const both = findings(rule, '/ws/.env', `${GOOD_DB}PORT=nope\nPORT=70000\n`, WITH_SCHEMA);
  assert.equal(both.length, 2);
  assert.notEqual(both[0].fingerprint, both[1].fingerprint);
});

test('env/invalid-value: a secret never appears in a message', () => {
  const found = findings(rule, '/ws/.env', 'ADMIN_EMAIL=a@b.co\nDATABASE_URL=mysql://admin:hunter2hunter2@db/app\nSESSION_SECRET=hunter2hunter2\n', WITH_SCHEMA);
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.ok(!f.message.includes('hunter2'), f.message);
    assert.ok(!JSON.stringify(f.data).includes('hunter2'));
  }
});

test('env/invalid-value: a value that looks like a credential is redacted even under a harmless name', () => {
  const [f] = findings(rule, '/ws/.env', `${GOOD_DB}PORT=https://user:pa55word@host\n`, WITH_SCHEMA);
  assert.ok(!f.message.includes('pa55word'), f.message);
});
