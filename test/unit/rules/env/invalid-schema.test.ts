import { rule } from '../../../../core/src/rules/env/invalid-schema';
import { RuleTester } from '../ruleTester';
import { PRODUCT_EXAMPLE } from './fixtures';

// env/invalid-schema: the schema file's own errors, on the node at fault. (The schema model and the JSON
// Schema of the format: test/unit/env-schema.test.ts.)

new RuleTester({ filename: '/ws/.env.schema.yaml' }).run(rule, {
  valid: [
    { name: 'the example of PRODUCT.md', code: PRODUCT_EXAMPLE },
    { name: 'an empty file', code: '' },
    { name: 'JSON', filename: '/ws/.env.schema.json', code: '{ "$schema": "x", "variables": { "A": { "type": "integer", "min": 1 } } }' },
    { name: 'other YAML is not a schema', filename: '/ws/config.yaml', code: 'variables: 3\n' },
  ],
  invalid: [
    { name: 'invalid YAML: one diagnostic', code: 'variables:\n  A: { type: url\n  B: [\n', errors: [{ messageId: 'syntax', line: 3, data: { format: 'YAML' } }], output: null },
    // The message says what is wrong and where the .env checks stand ("Until it parses…").
    { name: 'the syntax message names the format', code: 'variables: [\n', errors: [{ messageId: 'syntax', line: 2, text: '', data: { format: 'YAML' } }], output: null },
    { name: 'root is not a mapping', code: '- a\n- b\n', errors: [['notAMapping', 1, '- a\n- b\n']], output: null },
    { name: 'unknown top-level key', code: 'allowUnknwn: false\n', errors: [['unknownKey', 1, 'allowUnknwn']], output: null },
    { name: 'allowUnknown not a boolean', code: 'allowUnknown: "no"\n', errors: [['wrongOptionType', 1, '"no"']], output: null },
    { name: 'variables not a mapping', code: 'variables: [A, B]\n', errors: [['variablesNotMapping', 1, '[A, B]']], output: null },
    { name: 'variables a number, in a schema named like a .env file (kind env)', code: 'variables: 3\n', errors: [['variablesNotMapping', 1, '3']], output: null },
    { name: 'variable not a mapping', code: 'variables:\n  A: url\n', errors: [['variableNotMapping', 2, 'url']], output: null },
    { name: 'unknown type', code: 'variables:\n  A: { type: uri }\n', errors: [['unknownType', 2, 'uri']], output: null },
    { name: 'unknown option', code: 'variables:\n  A: { requird: true }\n', errors: [['unknownOption', 2, 'requird']], output: null },
    { name: 'option of another type', code: 'variables:\n  A: { type: port, minLength: 2 }\n', errors: [['optionNotForType', 2, 'minLength']], output: null },
    { name: 'wrong option type', code: 'variables:\n  A: { required: "yes", minLength: -1 }\n', errors: [['wrongOptionType', 2, '"yes"'], ['wrongOptionType', 2, '-1']], output: null },
    { name: 'invalid pattern', code: 'variables:\n  A: { pattern: "([a-z" }\n', errors: [['invalidPattern', 2, '"([a-z"']], output: null },
    { name: 'enum without values', code: 'variables:\n  A: { type: enum }\n', errors: [['enumWithoutValues', 2, 'A']], output: null },
    { name: 'empty values', code: 'variables:\n  A: { type: enum, values: [] }\n', errors: [['wrongOptionType', 2, '[]']], output: null },
    { name: 'min above max', code: 'variables:\n  A: { type: integer, min: 5, max: 1 }\n', errors: [['minAboveMax', 2, '5']], output: null },
    { name: 'default that does not fit', code: 'variables:\n  PORT: { type: port, default: 70000 }\n', errors: [['invalidDefault', 2, '70000']], output: null },
    // Audit of the env checks: type url needs a scheme, in a default too.
    { name: 'a url default without a scheme', code: 'variables:\n  API_URL: { type: url, default: "localhost:3000" }\n', errors: [['invalidDefault', 2, '"localhost:3000"']], output: null },
    { name: 'duplicate variable', code: 'variables:\n  A: {}\n  A: {}\n', errors: [['syntax', 3, 'A']], output: null },
  ],
});
