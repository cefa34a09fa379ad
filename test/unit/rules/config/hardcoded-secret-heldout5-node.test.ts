import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// Fifth held-out audit set (audit/README.md, "Held-out 5, Node"): values that are no credential under a
// secret's name. Each valid case was a false positive on a real application; each invalid case is its near miss.
new RuleTester({ filename: '/ws/config/default.cjs' }).run(rule, {
  valid: [
    {
      name: "an app whose variables all start with SECRET_: the port, the root account's name and address",
      code: "const {\n  SECRET_PORT = '3000',\n  SECRET_ROOT_USER = 'groot',\n  SECRET_ROOT_EMAIL = 'groot@example.org',\n} = process.env;\n",
    },
    { name: 'the identifier of a kind of token', code: "export const USER_SIGNUP_VERIFICATION_TOKEN_IDENTIFIER = 'confirmation-email';\n" },
    { name: 'the digits tokens are drawn from', code: "const TOKEN_NUMERICS = '123456789';\nconst TOKEN_LOWERCASE_ALPHA = 'bcdfghjkmnpqrstvwxyz';\n" },
    { name: 'the env prefix of a group of options', code: "const prefixes = { PasswordPolicyOptions: 'PARSE_SERVER_PASSWORD_POLICY_' };\n" },
    {
      name: "a workflow trigger id named after its variable, with the service's id suffix",
      code: "await client.trigger(process.env.NOTIFY_TEMPLATEID_INVITE_ACCEPTED || 'invite-accepted-dEQAsKD1E', payload);\n",
    },
    {
      name: 'the same with a word spelled the other way (organisation, organization)',
      code: "await client.trigger(process.env.NOTIFY_TEMPLATEID_INVITE_TO_ORGANISATION || 'invite-to-organization-wBnO8NpDn', payload);\n",
    },
    { name: 'a translation under an i18n-resources folder', filename: '/ws/frontend/js/i18n-resources/es.ts', code: "export default { 'welcome.password': 'Contraseña', password: 'Contraseña2' };\n" },
  ],
  invalid: [
    {
      name: 'short words one letter apart are other words',
      code: "await client.trigger(process.env.NOTIFY_TEMPLATEID_CAT_MAT || 'cut-mat-wBnO8NpDn9', payload);\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'await client.trigger(process.env.NOTIFY_TEMPLATEID_CAT_MAT, payload);\n',
    },
    {
      name: 'under the same prefix, the JWT secret and the root password are still defaults the app runs with',
      code: "const {\n  SECRET_JWT_SECRET = 'good_luck_have_fun',\n  SECRET_ROOT_PASSWORD = 'iamgroot',\n} = process.env;\n",
      errors: [{ messageId: 'fallback', line: 2 }, { messageId: 'fallback', line: 3 }],
      output: 'const {\n  SECRET_JWT_SECRET,\n  SECRET_ROOT_PASSWORD,\n} = process.env;\n',
    },
    {
      name: 'a random default whose words are not its name is still reported',
      code: "await client.trigger(process.env.NOTIFY_TEMPLATEID_INVITE_ACCEPTED || 'q8Zr2vLp4Kx9Tm3Wb7Yc', payload);\n",
      errors: [{ messageId: 'fallback', line: 1 }],
      output: 'await client.trigger(process.env.NOTIFY_TEMPLATEID_INVITE_ACCEPTED, payload);\n',
    },
    {
      name: 'a token under a name that only starts with a kind word still counts',
      code: "const cfg = { userToken: 'q8Zr2vLp4Kx9Tm3Wb7Yc' };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: 'const cfg = { userToken: process.env.USER_TOKEN };\n',
    },
    {
      name: 'a password under a folder that only starts like a translations folder',
      filename: '/ws/src/i18n-server/settings.ts',
      code: "export const settings = { password: 'q8Zr2vLp4Kx9Tm3W' };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: 'export const settings = { password: process.env.PASSWORD };\n',
    },
  ],
});

// Nx Cloud's read-only access token (base64 of `<uuid>|read`) is committed by `nx connect`, as Nx documents;
// a read-write token (`<uuid>|read-write`) is not meant to be.
const READ_ONLY = Buffer.from('0b6a4e3c-1f2d-4c5b-9a8e-7d6c5b4a3f21|read').toString('base64');
const READ_WRITE = Buffer.from('0b6a4e3c-1f2d-4c5b-9a8e-7d6c5b4a3f21|read-write').toString('base64');
new RuleTester({ filename: '/ws/nx.json' }).run(rule, {
  valid: [{ name: 'a read-only Nx Cloud token in nx.json', code: `{\n  "nxCloudAccessToken": "${READ_ONLY}"\n}\n` }],
  invalid: [
    { name: 'a read-write Nx Cloud token', code: `{\n  "nxCloudAccessToken": "${READ_WRITE}"\n}\n`, errors: [{ messageId: 'named', line: 2 }], output: null },
  ],
});

// A stack's env file that spells a password as its own account's name: the documented default of a local
// service, as in YAML, INI and shell scripts.
new RuleTester({ filename: '/ws/develop/dev.env' }).run(rule, {
  valid: [{ name: 'the password is the user name beside it', code: 'WEB_API_USER=overseer\nWEB_API_PASSWORD=overseer\n' }],
  invalid: [
    { name: 'another password beside the same user', code: 'WEB_API_USER=overseer\nWEB_API_PASSWORD=Ovr7-qLz9x\n', errors: [{ messageId: 'named', line: 2 }], output: null },
  ],
});

// A Gitpod workspace is a development container, judged like `.devcontainer/` and local compose files; the
// compose stack integration tests run against is test configuration.
const KEK = 'DtPWS09unRXGuRScB60qXqCSsrjd22dUlXt/0oZgxSo=';
new RuleTester({ filename: '/ws/.gitpod.yml' }).run(rule, {
  valid: [
    { name: "a Gitpod workspace's local database password", code: 'tasks:\n  - init: pnpm i\n    env:\n      DB_URL: postgres://postgres:p0stgr3s@127.0.0.1:5432/app\n' },
    {
      name: 'a key in the compose stack of the integration tests',
      filename: '/ws/docker-compose.integration.yml',
      code: `services:\n  app:\n    environment:\n      SECRET_VAULT_KEK: ${KEK}\n      STATUS_API_KEY: test-status-api-key\n`,
    },
  ],
  invalid: [
    {
      name: 'the same key in the deployed compose file',
      filename: '/ws/docker-compose.yml',
      code: `services:\n  app:\n    environment:\n      SECRET_VAULT_KEK: ${KEK}\n`,
      errors: [{ messageId: 'named', line: 4 }],
      output: 'services:\n  app:\n    environment:\n      SECRET_VAULT_KEK: "${SECRET_VAULT_KEK}"\n',
    },
  ],
});

// A connector's `src/mock.ts`, imported by its tests: made-up credentials under secret names. A private key
// there is still reported (decision 2), as in any test code.
new RuleTester({ filename: '/ws/packages/connectors/connector-sms/src/mock.ts' }).run(rule, {
  valid: [{ name: 'made-up credentials in a mock module', code: "export const mockedConfig = { appId: '1112233', appSecret: '445566', apikey: 'a123b456c789d0', accessKeySecret: 'accessKeySecret+cltHAJ' };\n" }],
  invalid: [
    {
      name: 'the same values in a module that is not named for mocks',
      filename: '/ws/packages/connectors/connector-sms/src/config.ts',
      code: "export const config = { appSecret: 'q8Zr2vLp4Kx9Tm3W' };\n",
      errors: [{ messageId: 'named', line: 1 }],
      output: 'export const config = { appSecret: process.env.APP_SECRET };\n',
    },
  ],
});
