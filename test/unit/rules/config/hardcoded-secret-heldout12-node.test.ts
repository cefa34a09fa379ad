import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Held-out 12, Node (audit/README.md). A JSON table of model prices keeps them under names that end in `tokens`
// (langfuse's worker/src/constants/default-model-prices.json): a number with a fraction or an exponent is a
// measure, never a secret. A whole number under a secret's name is still one (`"password": 12345678`).
const PRICES = '{\n  "prices": {\n    "input_tokens": 1.25e-6,\n    "cache_write_tokens": 0.00000375,\n    "output_reasoning_tokens": 30e-6\n  }\n}\n';

new RuleTester({ filename: '/ws/worker/src/constants/default-model-prices.json' }).run(rule, {
  valid: [
    { name: 'prices per token in a JSON table', code: PRICES },
    { name: 'a fractional number in YAML', filename: '/ws/config/app.yaml', code: 'limits:\n  api_token_ratio: 0.75\n  secret_rotation_factor: 2.5e-3\n' },
  ],
  invalid: [
    {
      name: 'a whole number under a password is still a secret',
      filename: '/ws/config/production.json',
      code: '{\n  "db": {\n    "host": "db.internal",\n    "password": 73920418\n  }\n}\n',
      errors: [{ messageId: 'named', line: 4 }],
    },
  ],
});
