import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Second held-out audit set (audit/README.md): fallbacks that only let an SDK construct, and names that hold
// no secret. Each valid case was a false positive on a real application; the invalid ones keep the rule honest.
new RuleTester({ filename: '/ws/src/services/clients.ts' }).run(rule, {
  valid: [
    { name: 'a key prefix and nothing after it', code: "export const key = process.env.OPENAI_API_KEY || 'sk-proj-';\n" },
    { name: 'a value that says it holds nothing', code: "export const key = process.env.STRIPE_SECRET_KEY || 'sk_nothing';\n" },
    { name: 'prose that says it is empty', code: "export const s = process.env.TRANSLOADIT_SECRET || 'just empty text';\n" },
    { name: 'the all-zero UUID', code: "export const s = process.env.NEYNAR_SECRET_KEY || '00000000-000-0000-000-000000000000';\n" },
    { name: 'the role a key is given', code: "export const role = process.env.SECRET_API_KEY_ROLE || 'readonly';\n" },
  ],
  invalid: [
    {
      name: 'a real-looking key after the prefix still counts',
      code: "export const key = process.env.OPENAI_API_KEY || 'sk-proj-Q7vT2mX9pL4wR8zN';\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const key = process.env.OPENAI_API_KEY;\n',
    },
    {
      name: 'a weak session secret still counts',
      code: "export const s = process.env.UNLEASH_SECRET || 'super-secret';\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const s = process.env.UNLEASH_SECRET;\n',
    },
  ],
});
