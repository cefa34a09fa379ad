import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { parseSchema, schemaFromExample } from '../../core/src/env/schema';
import { PRODUCT_EXAMPLE } from './rules/env/fixtures';

// The schema model and the JSON Schema of the format (the schema file's own errors, env/invalid-schema:
// test/unit/rules/env/invalid-schema.test.ts).

const ROOT = path.resolve(__dirname, '../../..');

describe('schema model', () => {
  test('the example of PRODUCT.md reads as written', () => {
    const s = parseSchema('/p/.env.schema.yaml', PRODUCT_EXAMPLE);
    assert.deepEqual(s.problems, []);
    assert.equal(s.allowUnknown, false);
    const db = s.variables.get('DATABASE_URL');
    assert.deepEqual([db?.type, db?.required, db?.secret, db?.protocols, db?.description], ['url', true, true, ['postgres', 'postgresql'], 'Primary database']);
    assert.equal(s.variables.get('PORT')?.default, '3000');
    assert.deepEqual(s.variables.get('LOG_LEVEL')?.values, ['debug', 'info', 'warn', 'error']);
    assert.equal(s.variables.get('SESSION_SECRET')?.minLength, 32);
    assert.equal(PRODUCT_EXAMPLE.slice(db?.start, db?.end), 'DATABASE_URL');
  });
  test('allowUnknown defaults to true; a variable with no options is an optional string', () => {
    const s = parseSchema('/p/.env.schema.yaml', 'variables:\n  FOO:\n');
    assert.equal(s.allowUnknown, true);
    assert.deepEqual([s.variables.get('FOO')?.type, s.variables.get('FOO')?.required], ['string', false]);
  });
  test('JSON schema files read the same', () => {
    const s = parseSchema('/p/.env.schema.json', JSON.stringify(parseYaml(PRODUCT_EXAMPLE)));
    assert.deepEqual(s.problems, []);
    assert.equal(s.variables.size, 4);
  });
  test('.env.example: keys are required, comments above describe, placeholders and secrets give no example', () => {
    const s = schemaFromExample('/p/.env.example', '# The port\nPORT=3000\n\nAPI_TOKEN=abc123realish\nNAME=changeme\n');
    assert.deepEqual([...s.variables.keys()], ['PORT', 'API_TOKEN', 'NAME']);
    assert.deepEqual([s.variables.get('PORT')?.required, s.variables.get('PORT')?.description, s.variables.get('PORT')?.example], [true, 'The port', '3000']);
    assert.deepEqual([s.variables.get('API_TOKEN')?.secret, s.variables.get('API_TOKEN')?.example], [true, undefined]);
    assert.equal(s.variables.get('NAME')?.example, undefined);
  });
});

describe('JSON Schema of the schema format', () => {
  const schemaPath = path.join(ROOT, 'core/src/env/env-schema.schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
  test('is draft-07', () => {
    assert.equal((JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as { $schema: string }).$schema, 'http://json-schema.org/draft-07/schema#');
  });
  test('the example of PRODUCT.md validates', () => {
    assert.equal(validate(parseYaml(PRODUCT_EXAMPLE)), true, JSON.stringify(validate.errors));
  });
  // The JSON Schema (for the editor's YAML/JSON validation) and the engine agree on what is broken.
  const broken = [
    'allowUnknown: "no"\n',
    'allowUnknwn: false\n',
    'variables:\n  A: { type: uri }\n',
    'variables:\n  A: { requird: true }\n',
    'variables:\n  A: { type: port, minLength: 2 }\n',
    'variables:\n  A: { type: url, min: 2 }\n',
    'variables:\n  A: { protocols: [http] }\n',
    'variables:\n  A: { required: "yes" }\n',
    'variables:\n  A: { pattern: "([a-z" }\n',
    'variables:\n  A: { type: enum }\n',
    'variables:\n  A: { type: enum, values: [] }\n',
    'variables:\n  A: { values: [a] }\n',
    'variables:\n  A: { minLength: -1 }\n',
    'variables:\n  A: url\n',
  ];
  for (const text of broken) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      assert.equal(validate(parseYaml(text)), false);
      assert.ok(parseSchema('/p/.env.schema.yaml', text).problems.length > 0, 'the engine reports it too');
    });
  }
  const fine = ['variables:\n  A:\n', 'variables:\n  A: { type: integer, min: 0, max: 10, default: 3 }\n', 'variables:\n  J: { type: json, default: { a: 1 } }\n', '{}\n'];
  for (const text of fine) {
    test(`accepts ${JSON.stringify(text)}`, () => {
      assert.equal(validate(parseYaml(text) ?? {}), true, JSON.stringify(validate.errors));
      assert.deepEqual(parseSchema('/p/.env.schema.yaml', text).problems, []);
    });
  }
});
