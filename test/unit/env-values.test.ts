import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { mapHost } from '../../core/src/host';
import { rule as invalidValue } from '../../core/src/rules/env/invalid-value';
import { rule as missingRequired } from '../../core/src/rules/env/missing-required';
import { rule as unknownKey } from '../../core/src/rules/env/unknown-key';
import type { Finding } from '../../core/src/types';

// env/missing-required, env/unknown-key, env/invalid-value: a .env file against the schema beside it.

const SCHEMA = `allowUnknown: false
variables:
  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres, postgresql], description: Primary database }
  PORT:         { type: port, default: 3000 }
  LOG_LEVEL:    { type: enum, values: [debug, info, warn, error], default: info }
  SESSION_SECRET: { type: string, minLength: 32, secret: true }
  WORKERS:      { type: integer, min: 1, max: 16 }
  RATIO:        { type: number, max: 1 }
  DEBUG_SQL:    { type: boolean }
  ADMIN_EMAIL:  { type: email, required: true }
  FEATURES:     { type: json }
  REGION:       { type: string, pattern: "^[a-z]{2}-[a-z]+-\\\\d$", maxLength: 20 }
`;
const GOOD_DB = 'DATABASE_URL=postgres://db.internal:5432/app\nADMIN_EMAIL=ops@example.com\n';

function run(text: string, files: Record<string, string> = { '/p/.env.schema.yaml': SCHEMA }, file = '/p/.env') {
  const result = analyze(new FileContext(file, text), { config: defaultConfig(), rules: [missingRequired, unknownKey, invalidValue], host: mapHost(files, '/p') });
  return { findings: result.findings, fixes: result.fixes as Map<Finding, EditFix[]> };
}
const ids = (text: string, files?: Record<string, string>, file?: string) =>
  run(text, files, file).findings.map((f) => [f.ruleId, f.messageId, f.range.start.line + 1] as [string, string, number]);

function fixed(text: string, finding: Finding, fixes: Map<Finding, EditFix[]>): string {
  const fix = fixes.get(finding)?.[0];
  assert.ok(fix);
  return applyEdits(text, planFixes({ path: '/p/.env', text }, [fix], { root: '/p' }, 'fix').changes[0].edits);
}

describe('env/missing-required', () => {
  test('valid: every required key set', () => assert.deepEqual(ids(GOOD_DB), []));
  test('one diagnostic on the first line listing the missing keys; a fix the user picks (it writes empty values)', () => {
    const text = '# app\nPORT=8080';
    const { findings, fixes } = run(text);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.messageId, f.range.start.line, f.data.names]), [['env/missing-required', 'missing', 0, '`DATABASE_URL`, `ADMIN_EMAIL`']]);
    // An empty required value would be an error where the missing key was a warning: not applied by fix-all.
    assert.equal(fixes.get(findings[0])?.[0].preferred, false);
    // Secrets get no value, others their default (none here): the file gets its final line break too.
    assert.equal(fixed(text, findings[0], fixes), '# app\nPORT=8080\nDATABASE_URL=\nADMIN_EMAIL=\n');
  });
  test('the fix writes defaults, quoted when needed, with the file\'s line breaks', () => {
    const schema = 'variables:\n  PORT: { type: port, required: true, default: 3000 }\n  GREETING: { required: true, default: "hello world" }\n';
    const text = 'A=1\r\n';
    const { findings, fixes } = run(text, { '/p/.env.schema.yaml': schema });
    assert.equal(fixed(text, findings[0], fixes), "A=1\r\nPORT=3000\r\nGREETING='hello world'\r\n");
    assert.equal(fixes.get(findings[0])?.[0].preferred, true, 'a value for every key: fix-all may apply it');
  });
  test('keys set in .env.local count for .env (and the other way round)', () => {
    const files = { '/p/.env.schema.yaml': SCHEMA, '/p/.env.local': 'DATABASE_URL=postgres://x/y\n' };
    assert.deepEqual(ids('ADMIN_EMAIL=a@b.co\n', files), []);
    assert.deepEqual(ids('ADMIN_EMAIL=a@b.co\n', files, '/p/.env.production'), []);
    assert.deepEqual(ids('ADMIN_EMAIL=a@b.co\n', { ...files, '/p/.env.local': '' }), [['env/missing-required', 'missing', 1]]);
  });
  test('templates are not checked for required keys', () => {
    for (const f of ['/p/.env.example', '/p/.env.sample', '/p/.env.template']) assert.deepEqual(ids('PORT=1\n', undefined, f), []);
  });
  test('.env.example stands in for a missing schema: its keys are required', () => {
    const files = { '/p/.env.example': '# Port to listen on\nPORT=3000\nAPI_KEY=\n' };
    const { findings, fixes } = run('OTHER=1\n', files);
    assert.deepEqual(findings.map((f) => f.data.names), ['`PORT`, `API_KEY`']);
    assert.equal(findings[0].data.source, '.env.example');
    assert.equal(fixed('OTHER=1\n', findings[0], fixes), 'OTHER=1\nPORT=3000\nAPI_KEY=\n');
    assert.deepEqual(ids('PORT=1\nAPI_KEY=x\n', { '/p/.env.sample': 'PORT=\nAPI_KEY=\n' }), []);
  });
  test('no schema and no example: nothing to check', () => assert.deepEqual(ids('X=1\n', {}), []));
  test('a schema that does not parse is passed over for .env.example', () => {
    assert.deepEqual(ids('X=1\n', { '/p/.env.schema.yaml': 'variables: [\n', '/p/.env.example': 'PORT=\n' }).map((f) => f[1]), ['missing']);
    assert.deepEqual(ids('X=1\n', { '/p/.env.schema.yaml': 'variables: [\n' }), []);
  });
  test('without a host (single-file run) the rules stay silent', () => {
    const result = analyze(new FileContext('/p/.env', 'X=1\n'), { config: defaultConfig(), rules: [missingRequired, unknownKey, invalidValue] });
    assert.deepEqual(result.findings, []);
  });
});

describe('env/unknown-key', () => {
  test('invalid: an undeclared key where allowUnknown is false', () => {
    assert.deepEqual(ids(`${GOOD_DB}EXTRA=1\n`), [['env/unknown-key', 'unknown', 3]]);
  });
  test('valid: allowUnknown true (the default), or .env.example as the declaration', () => {
    assert.deepEqual(ids(`${GOOD_DB}EXTRA=1\n`, { '/p/.env.schema.yaml': SCHEMA.replace('allowUnknown: false\n', '') }), []);
    assert.deepEqual(ids('PORT=1\nEXTRA=1\n', { '/p/.env.example': 'PORT=\n' }), []);
  });
  test('did you mean: a near miss of a declared key the file does not set; rename fix not preferred', () => {
    const text = `${GOOD_DB}LOG_LEVL=info\n`;
    const { findings, fixes } = run(text);
    assert.deepEqual(findings.map((f) => [f.messageId, f.data.suggestion]), [['unknownDidYouMean', 'LOG_LEVEL']]);
    assert.equal(fixes.get(findings[0])?.[0].preferred, false);
    assert.equal(fixed(text, findings[0], fixes), `${GOOD_DB}LOG_LEVEL=info\n`);
  });
  test('templates are checked too (a template listing an undeclared key drifts from the schema)', () => {
    assert.deepEqual(ids('DATABASE_URL=\nEXTRA=\n', undefined, '/p/.env.example').map((f) => f[1]), ['unknown']);
  });
});

describe('env/invalid-value', () => {
  const cases: Array<[string, string, string]> = [
    ['DATABASE_URL=not a url', 'type', 'a secret value'],
    ['DATABASE_URL=mysql://db/app', 'protocol', 'protocol `mysql`'],
    ['PORT=http', 'type', '`http`'],
    ['PORT=99999', 'range', '`99999`'],
    ['LOG_LEVEL=verbose', 'enum', '`verbose`'],
    ['SESSION_SECRET=too-short', 'tooShort', '9 characters'],
    ['WORKERS=2.5', 'type', '`2.5`'],
    ['WORKERS=32', 'range', '`32`'],
    ['RATIO=1.5', 'range', '`1.5`'],
    ['DEBUG_SQL=maybe', 'type', '`maybe`'],
    ['FEATURES={broken', 'type', '`{broken`'],
    ['REGION=Mars', 'pattern', '`Mars`'],
    ['REGION=eu-west-1-and-more-more', 'tooLong', '23 characters'],
  ];
  for (const [line, messageId, found] of cases) {
    test(`${line} → ${messageId}`, () => {
      const text = `${GOOD_DB}${line}\n`;
      const { findings } = run(text);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.messageId, f.range.start.line]), [['env/invalid-value', messageId, 2]]);
      assert.ok(findings[0].data.found.startsWith(found), findings[0].data.found);
      assert.match(findings[0].message, /should be .+; found /);
      assert.equal(text.slice(findings[0].start, findings[0].end), line.slice(line.indexOf('=') + 1));
    });
  }
  test('valid values of every type', () => {
    const text = `${GOOD_DB}PORT=8080\nLOG_LEVEL=warn\nSESSION_SECRET=${'x'.repeat(32)}\nWORKERS=4\nRATIO=.5\nDEBUG_SQL=off\nFEATURES={"a":[1]}\nREGION=eu-west-1\n`;
    assert.deepEqual(ids(text), []);
  });
  test('the value is read the way dotenv reads it: quotes and inline comments', () => {
    assert.deepEqual(ids(`${GOOD_DB}PORT="8080" # web\nLOG_LEVEL='debug'\n`), []);
  });
  test('a secret never appears in a message', () => {
    const secret = 'mysql://admin:hunter2hunter2@db/app';
    const { findings } = run(`ADMIN_EMAIL=a@b.co\nDATABASE_URL=${secret}\nSESSION_SECRET=hunter2hunter2\n`);
    for (const f of findings) {
      assert.ok(!f.message.includes('hunter2'), f.message);
      assert.ok(!JSON.stringify(f.data).includes('hunter2'));
    }
    assert.equal(findings.length, 2);
  });
  test('a value that looks like a credential is redacted even under a harmless name', () => {
    const { findings } = run(`${GOOD_DB}PORT=https://user:pa55word@host\n`);
    assert.ok(!findings[0].message.includes('pa55word'), findings[0].message);
  });
  test('required but empty; optional and empty is fine', () => {
    assert.deepEqual(ids('DATABASE_URL=\nADMIN_EMAIL=a@b.co\nPORT=\n'), [['env/invalid-value', 'empty', 1]]);
  });
  test('every occurrence of a key is judged, not only the last one dotenv keeps', () => {
    assert.deepEqual(ids(`${GOOD_DB}PORT=70000\nPORT=3000\n`), [['env/invalid-value', 'range', 3]]);
    assert.deepEqual(ids(`${GOOD_DB}PORT=3000\nPORT=70000\n`), [['env/invalid-value', 'range', 4]]);
    const both = run(`${GOOD_DB}PORT=nope\nPORT=70000\n`).findings;
    assert.deepEqual(both.map((f) => f.range.start.line + 1), [3, 4]);
    assert.notEqual(both[0].fingerprint, both[1].fingerprint, 'each occurrence has its own fingerprint');
    // An empty earlier occurrence is no problem when a later one sets the required key.
    assert.deepEqual(ids(`DATABASE_URL=\nDATABASE_URL=postgres://db/app\nADMIN_EMAIL=a@b.co\n`), []);
  });
  test('fix: enum spelling differing in case only (preferred), inside quotes', () => {
    const text = `${GOOD_DB}LOG_LEVEL="INFO"\n`;
    const { findings, fixes } = run(text);
    assert.equal(fixes.get(findings[0])?.[0].preferred, true);
    assert.equal(fixed(text, findings[0], fixes), `${GOOD_DB}LOG_LEVEL="info"\n`);
  });
  test('templates are not judged by types (placeholders)', () => {
    assert.deepEqual(ids('PORT=<port>\nDATABASE_URL=\n', undefined, '/p/.env.example'), []);
  });
});
