import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// Ninth held-out audit set (Node applications, audit/README.md "Held-out 9, Node"): each valid case was a false
// positive on a real application, as the smallest code that shows it; made-up values throughout.

const RANDOM = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A boot probe reports whether the session secret is set: the literals are labels its presence picks, not its default.
new RuleTester({ filename: '/ws/app/server/lib/BootProbes.ts' }).run(rule, {
  valid: [
    { name: 'a status the variable picks', code: "const details = { GRIST_SESSION_SECRET: process.env.GRIST_SESSION_SECRET ? 'set' : 'not set' };\n" },
    { name: 'a word taken when the variable is set', code: "const source = process.env.SESSION_SECRET ? 'environment' : undefined;\n" },
  ],
  invalid: [
    {
      name: 'a random key the environment picks still counts',
      code: `const key = process.env.PROD ? '${RANDOM}' : '';\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: "const key = process.env.PROD ? process.env.PROD : '';\n",
    },
    {
      name: 'so does a random key beside an empty value',
      code: `const secret = process.env.SESSION_SECRET ? '' : '${RANDOM}';\n`,
      errors: [{ messageId: 'fallback', line: 1 }],
      output: "const secret = process.env.SESSION_SECRET ? '' : process.env.SESSION_SECRET;\n",
    },
  ],
});

// A Nest config's encryption settings: the key's default is a secret, the initialisation vector's is not.
const IV = fake('i0vK3nR8kT', 'w2Lp5xZ9');
new RuleTester({ filename: '/ws/apps/backend/src/configs/auth.config.ts' }).run(rule, {
  valid: [
    { name: 'the initialisation vector beside an encryption key', code: `export const encryption = {\n  iv: process.env.BACKEND_ACCESS_TOKEN_ENCRYPTION_IV ?? '${IV}',\n};\n` },
  ],
  invalid: [
    {
      name: 'the key beside it is the secret',
      code: `export const encryption = {\n  key: process.env.BACKEND_ACCESS_TOKEN_ENCRYPTION_KEY ?? '${IV}',\n};\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
      output: 'export const encryption = {\n  key: process.env.BACKEND_ACCESS_TOKEN_ENCRYPTION_KEY,\n};\n',
    },
  ],
});
