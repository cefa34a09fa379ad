import { rule } from '../../../../core/src/rules/env/unknown-key';
import { RuleTester } from '../ruleTester';
import { GOOD_DB, SCHEMA, WITH_SCHEMA } from './fixtures';

// A key the schema does not declare, where it says `allowUnknown: false`. A near miss of a declared key the file
// does not set yet is offered a rename (a suggestion: a typo or a new variable, the user says which).
const unknown = (line: number, key: string) => ({ messageId: 'unknown', line, text: key, data: { key, source: '.env.schema.yaml' } });

new RuleTester(WITH_SCHEMA).run(rule, {
  valid: [
    { name: 'allowUnknown true (the default)', code: `${GOOD_DB}EXTRA=1\n`, files: { '/ws/.env.schema.yaml': SCHEMA.replace('allowUnknown: false\n', '') } },
    { name: '.env.example as the declaration', code: 'PORT=1\nEXTRA=1\n', files: { '/ws/.env.example': 'PORT=\n' } },
    { name: 'without a host (single-file run) nothing is checked', code: 'X=1\n', noHost: true },
  ],
  invalid: [
    { name: 'an undeclared key where allowUnknown is false', code: `${GOOD_DB}EXTRA=1\n`, errors: [unknown(3, 'EXTRA')], output: null },
    {
      name: 'did you mean: a near miss of a declared key the file does not set',
      code: `${GOOD_DB}LOG_LEVL=info\n`,
      errors: [{ messageId: 'unknownDidYouMean', line: 3, text: 'LOG_LEVL', data: { suggestion: 'LOG_LEVEL' } }],
      output: null,
      suggestions: [`${GOOD_DB}LOG_LEVEL=info\n`],
    },
    { name: 'templates are checked too (a template listing an undeclared key drifts from the schema)', filename: '/ws/.env.example', code: 'DATABASE_URL=\nEXTRA=\n', errors: [unknown(2, 'EXTRA')], output: null },
  ],
});
