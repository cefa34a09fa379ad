import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { applyTextEdits, mergeMissingKeys } from '../../core/src/scaffold/merge';
import type { GeneratedFile } from '../../core/src/scaffold/types';

const example = (content: string): GeneratedFile => ({ path: '.env.example', content, merge: 'append-missing-keys' });
const schema = (content: string): GeneratedFile => ({ path: '.env.schema.yaml', content, merge: 'append-missing-keys' });

const GENERATED_ENV = '# header\n\n# port\nPORT=3000\n\n# url, required, secret\nDATABASE_URL=\n\n# string\nREGION=eu\n';
const GENERATED_SCHEMA = 'allowUnknown: false\nvariables:\n  PORT:         { type: port, default: 3000 }\n  DATABASE_URL: { type: url, required: true, secret: true }\n  REGION:       { type: string, default: eu }\n';

function merged(file: GeneratedFile, existing: string): { text: string; added: string[] } {
  const r = mergeMissingKeys(file, existing);
  assert.equal(r.unmergeable, undefined);
  // Merges only insert: the user's text survives byte for byte, in order.
  for (const e of r.edits) assert.equal(e.start, e.end, 'insertions only');
  return { text: applyTextEdits(existing, r.edits), added: r.added };
}

/** True when `inner`'s characters appear in `outer` in order (insertions only kept them all). */
function keepsAll(outer: string, inner: string): boolean {
  let i = 0;
  for (const ch of outer) if (ch === inner[i]) i++;
  return i === inner.length;
}

describe('scaffold merge: .env.example', () => {
  test('adds only the missing keys, with their comments, at the end; the user\'s values and comments stay', () => {
    const existing = '# ours\nPORT=8080 # we use 8080\nexport DATABASE_URL=postgres://localhost/dev\n';
    const { text, added } = merged(example(GENERATED_ENV), existing);
    assert.deepEqual(added, ['REGION']);
    assert.ok(text.startsWith(existing));
    assert.equal(text, `${existing}\n# Added by Twelve-Factor: variables the code reads that this file did not list.\n\n# string\nREGION=eu\n`);
    assert.deepEqual(parseDotenv(text), { PORT: '8080', DATABASE_URL: 'postgres://localhost/dev', REGION: 'eu' });
  });

  test('a key the user commented out is not added back', () => {
    assert.deepEqual(mergeMissingKeys(example(GENERATED_ENV), '# PORT=1\n#DATABASE_URL=\n# REGION=x\n').added, []);
  });

  test('nothing missing: no edit', () => {
    assert.deepEqual(mergeMissingKeys(example(GENERATED_ENV), 'PORT=1\nDATABASE_URL=\nREGION=\n'), { added: [], edits: [] });
  });

  test('no final newline; CRLF kept', () => {
    assert.equal(merged(example('A=1\nB=2\n'), 'A=9').text, 'A=9\n\n# Added by Twelve-Factor: variables the code reads that this file did not list.\n\nB=2\n');
    assert.equal(merged(example('A=1\nB=2\n'), 'A=9\r\n').text, 'A=9\r\n\r\n# Added by Twelve-Factor: variables the code reads that this file did not list.\r\n\r\nB=2\r\n');
  });

  test('an empty file gets everything', () => {
    const { text, added } = merged(example(GENERATED_ENV), '');
    assert.deepEqual(added, ['PORT', 'DATABASE_URL', 'REGION']);
    assert.deepEqual(parseDotenv(text), { PORT: '3000', DATABASE_URL: '', REGION: 'eu' });
  });
});

describe('scaffold merge: .env.schema.yaml', () => {
  test('block map: new entries after the last one, at its indentation; everything else untouched', () => {
    const existing = '# our schema\nallowUnknown: true\nvariables:\n    PORT: { type: port, default: 8080 }  # not 3000\n    LEGACY:\n      type: string\n# footer comment\nextra: 1\n';
    const { text, added } = merged(schema(GENERATED_SCHEMA), existing);
    assert.deepEqual(added, ['DATABASE_URL', 'REGION']);
    assert.ok(keepsAll(text, existing));
    const parsed = parseYaml(text) as { allowUnknown: boolean; variables: Record<string, unknown>; extra: number };
    assert.equal(parsed.allowUnknown, true);
    assert.deepEqual(parsed.variables.PORT, { type: 'port', default: 8080 });
    assert.deepEqual(parsed.variables.LEGACY, { type: 'string' });
    assert.deepEqual(parsed.variables.DATABASE_URL, { type: 'url', required: true, secret: true });
    assert.deepEqual(parsed.variables.REGION, { type: 'string', default: 'eu' });
    assert.equal(parsed.extra, 1);
    assert.ok(text.includes('      type: string\n    DATABASE_URL: { type: url, required: true, secret: true }\n    REGION: { type: string, default: eu }\n# footer comment\n'));
  });

  test('last entry ends the file without a newline', () => {
    const { text } = merged(schema(GENERATED_SCHEMA), 'variables:\n  PORT: { type: port }');
    assert.deepEqual(Object.keys((parseYaml(text) as { variables: object }).variables), ['PORT', 'DATABASE_URL', 'REGION']);
  });

  test('flow map, empty `variables:`, no `variables` at all, an empty file', () => {
    for (const existing of ['variables: { PORT: { type: port } }\n', 'variables: {}\n', 'allowUnknown: false\nvariables:\n', 'allowUnknown: false\n', '']) {
      const { text } = merged(schema(GENERATED_SCHEMA), existing);
      const parsed = parseYaml(text) as { variables: Record<string, unknown> };
      assert.deepEqual(Object.keys(parsed.variables).sort(), ['DATABASE_URL', 'PORT', 'REGION'], JSON.stringify(existing));
      if (existing.includes('PORT')) assert.deepEqual(parsed.variables.PORT, { type: 'port' });
    }
  });

  test('a schema with YAML errors is left alone', () => {
    const r = mergeMissingKeys(schema(GENERATED_SCHEMA), 'variables:\n  PORT: { type: port\n');
    assert.match(r.unmergeable ?? '', /YAML errors/);
    assert.deepEqual(r.edits, []);
  });

  test('nothing missing: no edit', () => {
    assert.deepEqual(mergeMissingKeys(schema(GENERATED_SCHEMA), 'variables:\n  PORT: {}\n  DATABASE_URL: {}\n  REGION: {}\n'), { added: [], edits: [] });
  });
});
