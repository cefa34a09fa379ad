import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { MAX_PER_CHECK } from '../../core/src/env/budget';
import { completeEnvKeys, declarationsFor, hoverEnvKey } from '../../core/src/env/complete';
import { envReadAt } from '../../core/src/env/reads';
import { parseSchema, schemaFromExample } from '../../core/src/env/schema';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import { isPreferred } from '../../core/src/fixes/types';
import { mapHost, type FileHost } from '../../core/src/host';
import { ProgramIndex } from '../../core/src/program';
import { rule as duplicateKey } from '../../core/src/rules/env/duplicate-key';
import { rule as invalidSchema } from '../../core/src/rules/env/invalid-schema';
import { rule as invalidValue } from '../../core/src/rules/env/invalid-value';
import { rule as missingRequired } from '../../core/src/rules/env/missing-required';
import { rule as syntax } from '../../core/src/rules/env/syntax';
import { rule as undeclaredUsage } from '../../core/src/rules/env/undeclared-usage';
import { rule as unknownKey } from '../../core/src/rules/env/unknown-key';
import { rule as unorderedKey } from '../../core/src/rules/env/unordered-key';
import { rule as unusedDeclaration } from '../../core/src/rules/env/unused-declaration';
import type { Report } from '../../core/src/rules/types';

// Bad input for every env rule: binary, huge, broken schema, cycles, CRLF, BOM. Nothing throws, nothing hangs.

const ALL = [syntax, duplicateKey, unorderedKey, missingRequired, unknownKey, invalidValue, invalidSchema, undeclaredUsage, unusedDeclaration];
const SCHEMA = 'allowUnknown: false\nvariables:\n  PORT: { type: port, required: true }\n  MODE: { type: enum, values: [a, b] }\n';
const HOST = mapHost({ '/p/.env.schema.yaml': SCHEMA, '/p/.env.example': 'PORT=\n' }, '/p');

/** Every rule's check called directly (the engine would skip binary and huge files before the rules see them). */
function checkAll(file: string, text: string, host: FileHost = HOST): Report[] {
  const reports: Report[] = [];
  const context = new FileContext(file, text);
  context.host = host;
  const index = new ProgramIndex(ALL);
  index.update('/p/src/a.ts', 'process.env.PORT;', false);
  context.program = index.view(file);
  for (const r of ALL) if (r.meta.kinds.includes(context.kind)) r.check(context, (x) => reports.push(x));
  return reports;
}

describe('never throws', () => {
  const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  for (const file of ['/p/.env', '/p/.env.example', '/p/.env.schema.yaml', '/p/.env.schema.json', '/p/src/a.ts']) {
    test(`binary content as ${file}`, () => assert.doesNotThrow(() => checkAll(file, binary)));
  }
  test('binary declaration files read through the host', () => {
    const host = mapHost({ '/p/.env.schema.yaml': binary, '/p/.env.example': binary, '/p/.env': binary }, '/p');
    assert.doesNotThrow(() => checkAll('/p/.env', 'PORT=1\n', host));
    assert.doesNotThrow(() => checkAll('/p/src/a.ts', 'process.env.X;', host));
    assert.doesNotThrow(() => declarationsFor('/p/src/a.ts', host));
  });
  test('a host that throws', () => {
    const host: FileHost = { readFile: () => { throw new Error('EIO'); }, rootOf: () => { throw new Error('EIO'); } };
    assert.doesNotThrow(() => checkAll('/p/.env', 'PORT=1\n', host));
    assert.doesNotThrow(() => checkAll('/p/src/a.ts', 'process.env.X;', host));
  });
  test('pathological schema values', () => {
    for (const text of ['variables:\n  A: { pattern: "(a+)+$" }\n', 'variables: &a [*a]\n', `variables:\n${'  - '.repeat(200)}x\n`, '{"variables": {"A": {"default": {"x": [1]}}}}', 'a: !!binary AAAA\n']) {
      assert.doesNotThrow(() => parseSchema('/p/.env.schema.yaml', text));
    }
    const s = parseSchema('/p/.env.schema.yaml', 'variables:\n  A: { pattern: "^(a+)+$" }\n');
    // Nested quantifiers run on RE2 (linear time, see user-patterns.test.ts): no problem.
    assert.deepEqual(s.problems.map((p) => p.messageId), []);
    const reports = checkAll('/p/.env', `A=${'a'.repeat(20_000)}!\n`, mapHost({ '/p/.env.schema.yaml': 'variables:\n  A: { pattern: "^(a+)+$" }\n' }));
    // A value longer than the user-pattern input bound (10,000) is not judged by the pattern at all.
    assert.deepEqual(reports.filter((r) => r.messageId === 'pattern'), [], 'a value over the input bound is not matched');
  });
  test('the completion and hover functions on odd input', () => {
    const s = schemaFromExample('/p/.env.example', '\u0000\u0001=\n=\n');
    assert.doesNotThrow(() => completeEnvKeys(s, []));
    assert.equal(hoverEnvKey(s, 'nope'), undefined);
    assert.equal(envReadAt('\u0000'.repeat(100), 50), undefined);
  });
});

describe('large files: bounded findings (times in bench/budgets.mjs)', () => {
  const MB5 = 5 * 1024 * 1024;
  const fill = (line: string) => line.repeat(Math.ceil(MB5 / line.length)).slice(0, MB5);
  const shapes: Array<[string, string]> = [
    ['ordinary entries', fill('SOME_KEY_NAME=some value with blanks # and a comment\n')],
    ['blank lines (quadratic for dotenv.parse on the whole file)', fill('\n')],
    ['blank lines with spaces', fill('  \n')],
    ['unclosed quotes', fill('A="x\n')],
    ['keys without values', fill('KEY\n')],
    ['one line', 'A=' + 'x'.repeat(MB5)],
    ['one multi-line value', `A="${fill('line\n')}"\n`],
    ['escaped quotes', `A="${fill('\\"')}`],
  ];
  // Bounded work: the findings of one check stop at MAX_PER_CHECK. How long it takes is timed, against a
  // budget, by bench/budgets.mjs (a clock here would fail on a busy machine, not on slow code).
  for (const [name, text] of shapes) {
    test(name, () => {
      const value = checkAll('/p/.env', text);
      const perId = new Map<string, number>();
      for (const r of value) perId.set(`${r.messageId}`, (perId.get(r.messageId) ?? 0) + 1);
      for (const [id, n] of perId) assert.ok(n <= MAX_PER_CHECK, `${id}: ${n}`);
    });
  }
  test('through the engine (with the size limit raised)', () => {
    const text = fill('KEY_1=1\nKEY_2="two"\n\n');
    const value = analyze(new FileContext('/p/.env', text), { config: defaultConfig(), rules: ALL, host: HOST, maxFileSize: 8 * 1024 * 1024 });
    assert.ok(value.findings.length > 0);
    assert.equal(value.skipped, undefined);
  });
});

describe('bad input, end to end', () => {
  test('invalid YAML in the schema: one diagnostic on the schema; the .env is checked against .env.example', () => {
    const host = mapHost({ '/p/.env.schema.yaml': 'variables:\n  PORT: { type: port\n', '/p/.env.example': 'PORT=\n' }, '/p');
    const onSchema = analyze(new FileContext('/p/.env.schema.yaml', 'variables:\n  PORT: { type: port\n'), { config: defaultConfig(), rules: ALL, host });
    assert.deepEqual(onSchema.findings.map((f) => [f.ruleId, f.messageId]), [['env/invalid-schema', 'syntax']]);
    const onEnv = analyze(new FileContext('/p/.env', 'OTHER=1\n'), { config: defaultConfig(), rules: ALL, host });
    assert.deepEqual(onEnv.findings.map((f) => [f.ruleId, f.messageId]), [['env/missing-required', 'missing']]);
  });
  test('an expansion cycle is reported once and nothing loops', () => {
    const result = analyze(new FileContext('/p/.env', 'PORT=1\nA=${B}\nB=${A}\n'), { config: defaultConfig(), rules: ALL, host: mapHost({}, '/p') });
    assert.deepEqual(result.findings.filter((f) => f.ruleId !== 'env/unordered-key').map((f) => f.messageId), ['SubstitutionCycle']);
  });
  test('CRLF: ranges on the right lines, fixes keep CRLF', () => {
    const text = 'PORT=80\r\nMODE = a\r\nEXTRA=1';
    const result = analyze(new FileContext('/p/.env', text), { config: defaultConfig(), rules: ALL, host: HOST });
    const findings = result.findings.filter((f) => f.ruleId !== 'env/unordered-key');
    assert.deepEqual(findings.map((f) => [f.messageId, f.range.start.line, f.range.start.character]), [['SpaceCharacter', 1, 4], ['unknown', 2, 0], ['EndingBlankLine', 2, 6]]);
    const fixes = findings.flatMap((f) => (result.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
    const after = applyEdits(text, planFixes({ path: '/p/.env', text }, fixes, { root: '/p' }, 'fix').changes[0].edits);
    assert.equal(after, 'PORT=80\r\nMODE=a\r\nEXTRA=1\r\n');
  });
  test('BOM: not a leading character; the key range is right', () => {
    const text = '\uFEFFport=80\n';
    const result = analyze(new FileContext('/p/.env', text), { config: defaultConfig(), rules: [syntax] });
    assert.deepEqual(result.findings.map((f) => [f.messageId, text.slice(f.start, f.end)]), [['LowercaseKey', 'port']]);
  });
  test('a 2 MiB+ .env is passed over by the engine with a reason', () => {
    const result = analyze(new FileContext('/p/.env', 'A=1\n'.repeat(600_000)), { config: defaultConfig(), rules: ALL });
    assert.match(result.skipped ?? '', /larger than/);
  });
});
