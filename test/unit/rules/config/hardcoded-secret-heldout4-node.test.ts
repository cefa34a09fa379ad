import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Fourth held-out audit set (audit/README.md, "Held-out 4, Node"): values that are no credential under a
// secret's name. Each valid case was a false positive on a real application; each invalid case is its near miss.
new RuleTester({ filename: '/ws/src/nodes/chat.ts' }).run(rule, {
  valid: [
    { name: "a language model's token budget (Flowise's budgetTokens)", code: "export const t = parseInt(budgetTokens ?? '1024', 10);\n" },
    { name: 'a token budget in a flow template', filename: '/ws/marketplaces/agent.json', code: '{\n  "inputs": { "budgetTokens": 1024, "maxOutputTokens": 2048 }\n}\n' },
    { name: 'the mask shown for a hidden credential', code: "export const REDACTED_CREDENTIAL_VALUE = '_APP_BLANK_07167752-1a71-43b1-bf8f-4f32252165db';\n" },
    { name: 'an error code of snake_case parts (hoppscotch)', code: "export const ACCESS_TOKEN_LABEL_SHORT = 'access_token/label_too_short';\n" },
    { name: 'a PostHog project key is public by design', code: "export class P { private POSTHOG_API_KEY = 'phc_9CipPajQC22mSkk2wxe2TXsUA0Ysyupe8dt5KQQ'; }\n" },
    { name: "a URL format hint in a prompt (openpanel's setup wizard)", code: "export const q = { message: 'Enter your Database URL (format: postgresql://user:pw@host:port/db):' };\n" },
    { name: 'a comment line above says it is not a secret (dub)', code: '// This is not actually a secret key, it is a string we XOR with the key\nconst XOR_SECRET_KEY = "58ff90c0dc372ded858cbf8fb2306066";\n' },
    { name: 'a model class keyed by field type (nocobase)', code: "export const bindings = { password: 'DisplayPasswordFieldModel', checkbox: 'DisplayCheckboxFieldModel' };\n" },
    { name: "an anonymous user's seed (whitebophir)", code: 'export const id = (userSecret) => name(userSecret || "anonymous");\n' },
  ],
  invalid: [
    {
      name: 'a comment above that says something else keeps the finding',
      code: '// rotated monthly\nconst XOR_SECRET_KEY = "58ff90c0dc372ded858cbf8fb2306066";\n',
      errors: [{ messageId: 'named', line: 2 }],
      output: '// rotated monthly\nconst XOR_SECRET_KEY = process.env.XOR_SECRET_KEY;\n',
    },
    { name: 'a PascalCase passphrase is no class name', code: "const cfg = { password: 'CorrectHorseBatteryStaple' };\n", errors: [{ messageId: 'named', line: 1 }], output: 'const cfg = { password: process.env.CFG_PASSWORD };\n' },
    { name: 'API tokens are still secrets', code: "const cfg = { apiTokens: 'q8Zr2vLp4Kx9Tm3Wb7Yc' };\n", errors: [{ messageId: 'named', line: 1 }], output: 'const cfg = { apiTokens: process.env.API_TOKENS };\n' },
    { name: 'a name that only contains a mask word still counts', code: "const UNREDACTED_PASSWORD = 'q8Zr2vLp4Kx9Tm3Wb7Yc';\n", errors: [{ messageId: 'named', line: 1 }], output: 'const UNREDACTED_PASSWORD = process.env.UNREDACTED_PASSWORD;\n' },
    { name: 'a real password in a URL still counts', code: "const pool = { connectionString: 'postgresql://svc:q8Zr2vLp4Kx9Tm3W@db.internal:5432/app' };\n", errors: [{ messageId: 'provider', line: 1 }], output: 'const pool = { connectionString: process.env.DATABASE_URL };\n' },
  ],
});

// The miss left by the held-out 4 triage: Mailtrain's shipped `server/config/default.yaml` signs its session
// cookie with `secret: a cat`. A phrase under a secret's name in YAML reads as a label unless the comment above
// says the value signs sessions, cookies or tokens: then it is the key, as in `session({ secret })`.
const MAILTRAIN = 'www:\n  port: 3000\n\n  # Secret for signing the session ID cookie\n  secret: a cat\n';
new RuleTester({ filename: '/ws/server/config/default.yaml' }).run(rule, {
  valid: [
    { name: 'a phrase under secret with no comment is a label', code: 'www:\n  secret: a cat\n' },
    { name: 'a comment above that says it is no secret wins', code: 'www:\n  # not a secret: the signing label shown in the UI\n  secret: a cat\n' },
  ],
  invalid: [
    { name: 'a phrase the comment above calls the session signing secret', code: MAILTRAIN, errors: [{ messageId: 'named', line: 5 }], output: null },
  ],
});
