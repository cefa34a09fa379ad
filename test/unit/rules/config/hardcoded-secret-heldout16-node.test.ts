import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Held-out 16, Node (audit/README.md). refly's API config gives every OAuth provider's client secret and a vendor's
// bearer token the default 'test', so the passport strategies construct while a provider is not set up. The
// provider issues those values and refuses every call made with 'test': a stand-in, nothing forgeable. A key the
// app signs or verifies with (its JWT secret, Stripe's webhook secret) stays reported with the same default, and
// so does a random-looking default of an issued credential.
new RuleTester({ filename: '/ws/apps/api/src/modules/config/app.config.ts' }).run(rule, {
  valid: [
    { name: "an OAuth client's secret defaulting to test", code: "export const github = { clientSecret: process.env.GITHUB_CLIENT_SECRET || 'test' };\n" },
    { name: 'an OAuth 1 consumer secret', code: "export const twitter = { consumerSecret: process.env.TWITTER_CONSUMER_SECRET || 'test' };\n" },
    { name: "a vendor's bearer token", code: "export const twitter = { bearerToken: process.env.TWITTER_BEARER_TOKEN ?? 'test' };\n" },
    { name: "a payment provider's secret key defaulting to a mode word", code: "export const stripe = { key: process.env.STRIPE_SECRET_KEY || 'demo' };\n" },
    { name: "a model vendor's API key defaulting to secret", code: "export const openai = { apiKey: process.env.OPENAI_API_KEY || 'secret' };\n" },
    { name: 'a key of one vendor hosted by another', code: "export const llm = { apiKey: process.env.AZURE_OPENAI_API_KEY || 'test' };\n" },
    { name: "Auth.js's provider secret under the app's prefix", code: "export const google = { secret: process.env.AUTH_GOOGLE_SECRET || 'testing' };\n" },
  ],
  invalid: [
    {
      name: 'the JWT secret with the same default',
      code: "export const jwt = { secret: process.env.JWT_SECRET || 'test' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const jwt = { secret: process.env.JWT_SECRET };\n',
    },
    {
      name: "a vendor's webhook secret, which the app verifies requests with",
      code: "export const stripe = { webhook: process.env.STRIPE_ACCOUNT_WEBHOOK_SECRET || 'test' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const stripe = { webhook: process.env.STRIPE_ACCOUNT_WEBHOOK_SECRET };\n',
    },
    {
      name: "Twilio's auth token, which also checks its webhooks' signatures",
      code: "export const twilio = { authToken: process.env.TWILIO_AUTH_TOKEN || 'test' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const twilio = { authToken: process.env.TWILIO_AUTH_TOKEN };\n',
    },
    {
      name: "a vendor's signing secret",
      code: "export const slack = { signingSecret: process.env.SLACK_SIGNING_SECRET || 'secret' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const slack = { signingSecret: process.env.SLACK_SIGNING_SECRET };\n',
    },
    {
      name: 'a random-looking default of an issued credential',
      code: "export const github = { clientSecret: process.env.GITHUB_CLIENT_SECRET || 'q7Rz2Kp9XwL4mVb8Nc3T' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const github = { clientSecret: process.env.GITHUB_CLIENT_SECRET };\n',
    },
    {
      name: "a self-hosted server's key under no vendor's name",
      code: "export const storage = { secretKey: process.env.S3_SECRET_KEY || 'test' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const storage = { secretKey: process.env.S3_SECRET_KEY };\n',
    },
    {
      name: "an account's password at a vendor is the deployer's",
      code: "export const mail = { pass: process.env.SENDGRID_PASSWORD || 'test' };\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'export const mail = { pass: process.env.SENDGRID_PASSWORD };\n',
    },
  ],
});

// The same policy in every language's environment reads (decision 5).
new RuleTester({ filename: '/ws/app/config.py' }).run(rule, {
  valid: [{ name: "an OAuth client's secret in Python", code: 'import os\n\nGITHUB_CLIENT_SECRET = os.getenv("GITHUB_CLIENT_SECRET", "test")\n' }],
  invalid: [
    {
      name: 'the session secret in Python',
      code: 'import os\n\nSESSION_SECRET = os.getenv("SESSION_SECRET", "test")\n',
      errors: [{ messageId: 'fallback', line: 3 }],
      output: 'import os\n\nSESSION_SECRET = os.environ["SESSION_SECRET"]\n',
    },
  ],
});

// OpenSign keeps Parse's master key, 13 random letters of both cases, in the `.env` its self-hosting steps deploy.
// Capitalised parts read as a name or label (`TokenFi`, `Blockpass`) unless two of them hold no vowel: random letters.
new RuleTester({ filename: '/ws/.env.local_dev' }).run(rule, {
  valid: [
    { name: 'a label of capitalised words', filename: '/ws/src/brands.ts', code: "export const partner = { token: 'TokenFi' };\n" },
    { name: 'one abbreviation without a vowel', filename: '/ws/src/labels.ts', code: "export const labels = { password: 'NewPwd' };\n" },
  ],
  invalid: [
    { name: 'random letters of both cases under a key name', code: 'appName=opensign\nMASTER_KEY=QrTzmwKpbLwQe\n', errors: [{ messageId: 'named', line: 2, severity: 'error' }], output: null },
  ],
});
