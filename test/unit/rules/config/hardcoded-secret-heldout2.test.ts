import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');

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

// The rest of the second held-out set: places whose values are samples, environment words, type tokens, labels.
new RuleTester({ filename: '/ws/src/util/secrets.ts' }).run(rule, {
  valid: [
    { name: 'a Storybook story sample (story.tsx)', filename: '/ws/frontend/src/Summary.story.tsx',
      code: "export const Default = () => <Summary apiKey='my-project:production.0efc3b9a7d214e6f8a0b5c1d2e3f4a5b6c7d8e9f' />;\n" },
    { name: 'a Storybook story sample (stories.ts)', filename: '/ws/src/Token.stories.ts',
      code: "export const args = { secret: '*:*.964a287e1b728cb5f4f3e0120df92cb5' };\n" },
    { name: 'a test harness folder named test-*', filename: '/ws/test-migrations/setup.ts',
      code: "export const password = 'q8Zr2vLp4Kx9';\n" },
    { name: 'a local development server (*-dev.ts)', filename: '/ws/src/server-dev.ts',
      code: "export const token = { secret: '*:*.964a287e1b728cb5f4f3e0120df92cb5' };\n" },
    { name: 'a script that starts a database container', filename: '/ws/scripts/docker-postgres.sh',
      code: 'export POSTGRES_PASSWORD=q8Zr2vLp4\ndocker run -P -e POSTGRES_PASSWORD=$POSTGRES_PASSWORD -d postgres:10\n' },
    { name: 'a default naming the environment, refused in production', code: "export const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY || 'dev';\n" },
    { name: 'a mode sentinel as a default', code: "export const clientKey = token || 'offline';\n" },
    { name: 'a key prefix and a counting sample', code: "export const resend = new Resend(process.env.RESEND_API_KEY || 're_132');\n" },
    { name: 'a UI sample with abc123', code: "export const user = { type: 'api_key', apiKey: 'key_abc123' };\n" },
    { name: 'a code generator type token', code: "export const t = () => ({ token: 'float64' });\n" },
    { name: 'a code generator map type token', code: "export const t = () => ({ token: 'map[string]interface{}', comment: 'free-form object' });\n" },
    { name: 'a code generator Rust path type token', code: "export const t = () => ({ token: 'serde_json::Value' });\n" },
    { name: 'a model name under a non-secret name', code: "export const GEMINI_IMAGE_MODEL = process.env.GEMINI_IMAGE_MODEL || 'gemini-2.5-flash-image';\n" },
    { name: 'a visibility map of form fields', code: "export const P = { user: 'public', host: 'public', password: 'secret', port: 'public' };\n" },
  ],
  invalid: [
    {
      name: 'a provider key in a story is still a live key',
      filename: '/ws/src/Billing.stories.tsx',
      code: `export const args = { stripeKey: '${STRIPE}' };\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: 'export const args = { stripeKey: process.env.STRIPE_SECRET_KEY };\n',
    },
    {
      name: 'an environment word assigned as the secret itself still counts',
      code: "import session from 'express-session';\nexport const mw = session({ secret: 'dev' });\n",
      errors: [{ messageId: 'sink', line: 2 }],
      output: "import session from 'express-session';\nexport const mw = session({ secret: process.env.SESSION_SECRET });\n",
    },
    {
      name: 'an environment word at a sink still counts when it is not a stand-in',
      code: "export const s = process.env.SESSION_SECRET || 'developer';\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const s = process.env.SESSION_SECRET;\n',
    },
    {
      name: 'a password beside non-visibility values still counts',
      code: "export const P = { user: 'public', host: 'public', password: 'q8Zr2vLp4Kx9' };\n",
      errors: [{ messageId: 'sink', line: 1 }],
      output: "export const P = { user: 'public', host: 'public', password: process.env.DB_PASSWORD };\n",
    },
  ],
});
