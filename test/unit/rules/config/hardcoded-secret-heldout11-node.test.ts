import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';
import { ALNUM, B64, B64URL, rnd } from '../../../../core/src/secrets/providers/util';
import { fake } from '../../helpers';

// Held-out 11, Node (audit/README.md). A test runner's configuration starts the app for the tests and hands it
// stand-in secrets (inbox-zero's playwright.config.mjs): the test run's values, judged like test code.
const RUNNER = "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET ?? 'q8Zr2vLp4Kx9Tn', EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET ?? 'pl4ywr1ght-t0ken' } } };\n";

new RuleTester({ filename: '/ws/apps/web/playwright.config.mjs' }).run(rule, {
  valid: [
    { name: 'playwright.config.mjs', code: RUNNER },
    { name: 'a second Playwright project config', filename: '/ws/apps/web/playwright.smoke.config.ts', code: RUNNER },
    { name: 'vitest.config.ts', filename: '/ws/vitest.config.ts', code: RUNNER },
    { name: 'jest.config.js', filename: '/ws/packages/api/jest.config.js', code: RUNNER },
    { name: "karma's karma.conf.js", filename: '/ws/karma.conf.js', code: RUNNER },
  ],
  invalid: [
    {
      name: 'the app configuration beside it still counts',
      filename: '/ws/apps/web/app.config.mjs',
      code: RUNNER,
      errors: [{ messageId: 'fallback', line: 1 }, { messageId: 'fallback', line: 1 }],
      output: "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET, EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET } } };\n",
    },
    {
      name: 'a module merely named after the runner is not its configuration',
      filename: '/ws/src/playwright-runner.ts',
      code: RUNNER,
      errors: [{ messageId: 'fallback', line: 1 }, { messageId: 'fallback', line: 1 }],
      output: "export default { webServer: { env: { AUTH_SECRET: process.env.AUTH_SECRET, EMAIL_ENCRYPT_SECRET: process.env.EMAIL_ENCRYPT_SECRET } } };\n",
    },
  ],
});

// Held-out 11 (emailengine): a route schema's `.example(…)` is the sample its API reference shows (hapi-swagger turns
// it into an OpenAPI `example`), as is the golden OpenAPI copy its tests keep: information, a provider's format
// included; a phrase there is no secret at all. The same key as the schema's real default is still an error.
const ENTRA = [rnd(ALNUM, 3, 'ex11-1'), '8Q~', rnd(B64URL, 34, 'ex11-2')].join('');
new RuleTester({ filename: '/ws/lib/api-routes/account-routes.js' }).run(rule, {
  valid: [
    { name: "a phrase in a payload's .example({…})", code: "const schema = Joi.object({ auth: Joi.object() }).label('CreateAccount').example({\n  imap: { auth: { user: 'nyan.cat', pass: 'sercretpass' } },\n});\n" },
    { name: "a phrase in a decorator's example option", code: "class Dto {\n  @ApiProperty({ example: { password: 'hunter2pass' } })\n  login;\n}\n" },
    // emailengine's lib/api-reference/schema-tree.js: the sample value the reference shows for each string format.
    { name: 'a table of sample values by schema format', filename: '/ws/lib/api-reference/schema-tree.js', code: "const FORMAT_SAMPLES = {\n  email: 'user@example.com',\n  hostname: 'example.com',\n  ipv4: '127.0.0.1',\n  uuid: '00000000-0000-0000-0000-000000000000',\n  byte: 'aGVsbG8=',\n  password: 'secret'\n};\n" },
  ],
  invalid: [
    {
      name: "a provider's key in .example('…') is information",
      code: `const schema = Joi.string().trim().max(256)\n  .example('${ENTRA}')\n  .description('Client secret');\n`,
      errors: [{ messageId: 'provider', line: 2, severity: 'info' }],
      output: null,
    },
    {
      name: "the golden OpenAPI document's example field is information",
      filename: '/ws/test/fixtures/openapi-golden.json',
      code: `{\n  "clientSecret": {\n    "type": "string",\n    "example": "${ENTRA}"\n  }\n}\n`,
      errors: [{ messageId: 'provider', line: 4, severity: 'info' }],
    },
    {
      name: 'a random-looking value in a table of samples by format is information, as an example is',
      filename: '/ws/lib/api-reference/schema-tree.js',
      code: "const FORMAT_SAMPLES = {\n  email: 'user@example.com',\n  hostname: 'example.com',\n  ipv4: '127.0.0.1',\n  uuid: '00000000-0000-0000-0000-000000000000',\n  password: 'Zr8qT2vX6mK4pN9w'\n};\n",
      errors: [{ messageId: 'sink', line: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'a weak password beside a few settings that are no table of formats is reported',
      filename: '/ws/lib/mail.js',
      code: "const smtp = {\n  hostname: 'mail.example.org',\n  email: 'ops@example.org',\n  password: 'secret'\n};\n",
      errors: [{ messageId: 'sink', line: 4 }],
      output: "const smtp = {\n  hostname: 'mail.example.org',\n  email: 'ops@example.org',\n  password: process.env.DB_PASSWORD\n};\n",
    },
    {
      name: "the same key as the schema's default is the app's",
      code: `const schema = Joi.string().default('${ENTRA}');\n`,
      errors: [{ messageId: 'provider', line: 1, severity: 'error' }],
      output: 'const schema = Joi.string().default(process.env.AZURE_CLIENT_SECRET);\n',
    },
    {
      name: 'a key in code that runs inside an example callback is judged as code',
      code: `schema.example(() => { const auth = { pass: 'Zr8qT2vX6mK4pN9w' }; return auth; });\n`,
      errors: [{ messageId: 'named', line: 1, severity: 'error' }],
      output: "schema.example(() => { const auth = { pass: process.env.EXAMPLE_PASS }; return auth; });\n",
    },
  ],
});

// Held-out 11 (emailengine): node-config's `config/test.toml` is the test environment's configuration, like a
// `.env.test`; the production file beside it is configuration.
const TOKEN_TOML = 'preparedToken = "hKJp8zQ2vX6mK4pN9wLs3BTr5Yc"\n';
new RuleTester({ filename: '/ws/config/test.toml' }).run(rule, {
  valid: [
    { name: 'config/test.toml', code: TOKEN_TOML },
    { name: 'config/test.json', filename: '/ws/config/test.json', code: '{ "preparedToken": "hKJp8zQ2vX6mK4pN9wLs3BTr5Yc" }\n' },
  ],
  invalid: [
    { name: 'config/production.toml', filename: '/ws/config/production.toml', code: TOKEN_TOML, errors: [{ messageId: 'named', line: 1 }], output: null },
  ],
});

// Held-out 11 (dokploy): a form's placeholder shows a key's format with the first line of a body cut short: a DER
// SEQUENCE declaring 1.3 KB with a hundred bytes after it is no key. A whole key is still one.
const armour = (edge: string) => `-----${edge} ${'PRIVATE'} KEY-----`;
new RuleTester({ filename: '/ws/components/handle-certificate.tsx' }).run(rule, {
  valid: [
    { name: 'a truncated PEM body in a placeholder', code: `const privateKeyDataHolder =\n  "${armour('BEGIN')}\\nMIIFRDCC${rnd(B64, 120, 'ex11-3')}\\n${armour('END')}";\n` },
  ],
  invalid: [
    {
      name: 'a body as long as its length field says',
      // 0x30 0x81 0x5e: a SEQUENCE of 94 bytes, 97 in all, which 132 base64 characters hold.
      code: `const key = "${armour('BEGIN')}\\nMIFe${rnd(B64, 128, 'ex11-4')}\\n${armour('END')}";\n`,
      errors: [{ messageId: 'provider', line: 1 }],
      output: 'const key = process.env.PRIVATE_KEY;\n',
    },
  ],
});

// Held-out 11 (dokploy, inbox-zero, waline): a local database's URL in an example file is a sample (information);
// an OAuth emulator's made-up client secret says what it is; VuePress's DocSearch options name the indexes with
// `indices`. A production env file the compose hands its containers is configuration (held-out 7, nest-admin).
const LOCAL_DB = `DATABASE_URL="postgres://dokploy:${fake('amuk8Zr2vLp4', 'Kx9TnQ3wY')}@localhost:5432/dokploy"\n`;
new RuleTester({ filename: '/ws/apps/web/.env.example' }).run(rule, {
  valid: [
    { name: "an OAuth emulator's client secret", filename: '/ws/emulate.config.yaml', code: 'google:\n  oauth_clients:\n    - client_id: emulate-google-client\n      client_secret: emulate-google-secret\n' },
    { name: "DocSearch's indices", filename: '/ws/docs/src/.vuepress/theme.ts', code: "export default { docsearch: { appId: 'W34KABV4KM', apiKey: 'd1894bf2c3a9e05d6f71c0a8b3e24f9d', indices: ['site'] } };\n" },
    { name: 'a setup step the user skipped', filename: '/ws/packages/cli/src/setup.ts', code: 'const env = { GOOGLE_CLIENT_SECRET: config.google?.clientSecret || "skipped" };\n' },
  ],
  invalid: [
    { name: "a local database's URL in an example file is information", code: LOCAL_DB, errors: [{ messageId: 'provider', line: 1, severity: 'info' }] },
    { name: "another host's is still reported", code: LOCAL_DB.replace('localhost', 'db.prod-cluster.net'), errors: [{ messageId: 'provider', line: 1, severity: 'error' }] },
    {
      name: "an apiKey beside indices but no appId is judged as usual",
      filename: '/ws/docs/src/.vuepress/theme.ts',
      code: "export default { search: { apiKey: 'd1894bf2c3a9e05d6f71c0a8b3e24f9d', indices: ['site'] } };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: "export default { search: { apiKey: process.env.SEARCH_API_KEY, indices: ['site'] } };\n",
    },
    {
      name: 'a production env file the compose hands its containers is configuration',
      filename: '/ws/.env.production',
      files: { '/ws/docker-compose.prod.yml': 'services:\n  app:\n    env_file:\n      - .env.production\n' },
      code: 'JWT_SECRET=admin!@#123\nSMTP_PASS=QWZRTPLKMNBVCXSD\n',
      errors: [{ messageId: 'named', line: 1 }, { messageId: 'named', line: 2 }],
      output: null,
    },
  ],
});

// Held-out 9 (jumpserver): API demos for users that call an instance on the developer's machine show its login.
const DEMO_SECRET = fake('6fuSq8Zr2vLp4Kx9', 'TnQ3wYb7Hc5Jd1Mf');
new RuleTester({ filename: '/ws/apps/accounts/demos/node/demo.js' }).run(rule, {
  valid: [],
  invalid: [
    {
      name: 'a demo for a local instance is information',
      code: `const API_URL = process.env.API_URL || "http://127.0.0.1:8080";\nconst KEY_SECRET = process.env.API_KEY_SECRET || "${DEMO_SECRET}";\n`,
      errors: [{ messageId: 'fallback', line: 2, severity: 'info' }],
      output: 'const API_URL = process.env.API_URL || "http://127.0.0.1:8080";\nconst KEY_SECRET = process.env.API_KEY_SECRET;\n',
    },
    {
      name: 'a demo for a hosted service keeps the error',
      code: `const API_URL = process.env.API_URL || "https://api.vendor.example.net";\nconst KEY_SECRET = process.env.API_KEY_SECRET || "${DEMO_SECRET}";\n`,
      errors: [{ messageId: 'fallback', line: 2, severity: 'error' }],
      output: 'const API_URL = process.env.API_URL || "https://api.vendor.example.net";\nconst KEY_SECRET = process.env.API_KEY_SECRET;\n',
    },
  ],
});
