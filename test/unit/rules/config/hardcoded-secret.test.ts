import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { covered, fake, run, secrets } from '../../helpers';
import { RuleTester } from '../ruleTester';

const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');

/** Invalid cases: code, the text the finding must cover, its message id, the name in its message, and the file after fix-all. */
const invalid: Array<{ name: string; file?: string; code: string; secret: string; messageId: string; label?: string; output: string | null }> = [
  { name: 'variable with a password name', code: "const dbPassword = 's3cr3t-Pa55';", secret: 's3cr3t-Pa55', messageId: 'named', label: 'dbPassword', output: "const dbPassword = process.env.DB_PASSWORD;" },
  { name: 'low-entropy real password', code: "const password = 'hunter2!';", secret: 'hunter2!', messageId: 'named', output: "const password = process.env.PASSWORD;" },
  { name: 'object property', code: "const config = { apiKey: 'a8f5f167f44f4964e6c9' };", secret: 'a8f5f167f44f4964e6c9', messageId: 'named', label: 'apiKey', output: "const config = { apiKey: process.env.API_KEY };" },
  { name: 'quoted property key', code: "const h = { 'x-api-key': 'k3y-9f8e7d6c5b4a' };", secret: 'k3y-9f8e7d6c5b4a', messageId: 'named', output: "const h = { 'x-api-key': process.env.X_API_KEY };" },
  { name: 'member assignment', code: "user.password = 'letmein-42';", secret: 'letmein-42', messageId: 'named', output: "user.password = process.env.PASSWORD;" },
  { name: 'parameter default', code: "function connect(password = 'letmein99') { return password; }", secret: 'letmein99', messageId: 'fallback', output: "function connect(password = process.env.PASSWORD) { return password; }" },
  { name: 'class field', code: "class Api { private clientSecret = 'cs-8812731923'; }", secret: 'cs-8812731923', messageId: 'named', output: "class Api { private clientSecret = process.env.CLIENT_SECRET; }" },
  { name: 'as const', code: "export const API_TOKEN = 'tok-5512-abcd' as const;", secret: 'tok-5512-abcd', messageId: 'named', output: "export const API_TOKEN = process.env.API_TOKEN as const;" },
  { name: 'JSX attribute', file: 'src/App.tsx', code: 'export const A = () => <Map apiKey="m4pK3y-77123abc" />;', secret: 'm4pK3y-77123abc', messageId: 'named', output: "export const A = () => <Map apiKey={process.env.MAP_API_KEY} />;" },
  { name: 'template without substitutions', code: 'const secret = `tmpl-s3cret-88`;', secret: 'tmpl-s3cret-88', messageId: 'named', output: "const secret = process.env.SECRET;" },
  { name: 'Authorization header: only the credential', code: "fetch(u, { headers: { Authorization: 'Bearer abcdef1234567890' } });", secret: 'abcdef1234567890', messageId: 'named', output: "fetch(u, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });" },
  { name: '|| fallback of a secret variable', code: "const s = process.env.JWT_SECRET || 'dev-jwt-secret-123';", secret: 'dev-jwt-secret-123', messageId: 'fallback', label: 'JWT_SECRET', output: "const s = process.env.JWT_SECRET;" },
  { name: '?? fallback', code: "const t = process.env['API_TOKEN'] ?? 'tok-12345678';", secret: 'tok-12345678', messageId: 'fallback', label: 'API_TOKEN', output: "const t = process.env['API_TOKEN'];" },
  { name: 'chained fallback', code: "const t = process.env.A || process.env.DB_PASSWORD || 'pg-pw-2231';", secret: 'pg-pw-2231', messageId: 'fallback', label: 'DB_PASSWORD', output: "const t = process.env.A || process.env.DB_PASSWORD;" },
  { name: 'ternary fallback', code: "const s = process.env.SECRET ? process.env.SECRET : 'hardcoded-99';", secret: 'hardcoded-99', messageId: 'fallback', output: "const s = process.env.SECRET;" },
  { name: 'destructuring default from process.env', code: "const { SESSION_SECRET = 'keyboard-cat-42' } = process.env;", secret: 'keyboard-cat-42', messageId: 'fallback', label: 'SESSION_SECRET', output: "const { SESSION_SECRET } = process.env;" },
  { name: 'import.meta.env fallback', code: "const k = import.meta.env.VITE_API_KEY ?? 'vk-7718-2231';", secret: 'vk-7718-2231', messageId: 'fallback', output: "const k = import.meta.env.VITE_API_KEY;" },
  { name: 'random fallback of a neutral name', code: "const x = process.env.SIGNING || 'Zq8vN2xLp4Rt7Wy1Kd9F';", secret: 'Zq8vN2xLp4Rt7Wy1Kd9F', messageId: 'fallback', output: "const x = process.env.SIGNING;" },
  { name: 'jsonwebtoken sign', code: "import jwt from 'jsonwebtoken';\njwt.sign(payload, 'my-signing-key-1');", secret: 'my-signing-key-1', messageId: 'sink', label: 'jsonwebtoken', output: "import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET);" },
  { name: 'jsonwebtoken verify via require destructuring', code: "const { verify } = require('jsonwebtoken');\nverify(token, 'verify-key-123');", secret: 'verify-key-123', messageId: 'sink', output: "const { verify } = require('jsonwebtoken');\nverify(token, process.env.JWT_SECRET);" },
  { name: 'crypto.createHmac', code: "crypto.createHmac('sha256', 'hmac-key-777').update(b);", secret: 'hmac-key-777', messageId: 'sink', output: "crypto.createHmac('sha256', process.env.HMAC_SECRET).update(b);" },
  { name: 'cookie-parser', code: "import cookieParser from 'cookie-parser';\napp.use(cookieParser('cookie-secret-55'));", secret: 'cookie-secret-55', messageId: 'sink', output: "import cookieParser from 'cookie-parser';\napp.use(cookieParser(process.env.COOKIE_SECRET));" },
  { name: 'SDK constructor', code: "const openai = new OpenAI('oa-key-1234567');", secret: 'oa-key-1234567', messageId: 'sink', output: "const openai = new OpenAI(process.env.OPEN_AI_API_KEY);" },
  { name: 'provider key in a constructor', code: `const stripe = new Stripe('${STRIPE}');`, secret: STRIPE, messageId: 'provider', output: "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);" },
  { name: 'provider key in a comment', code: `// old key: ${STRIPE}\nexport {};`, secret: STRIPE, messageId: 'provider', output: null },
  { name: 'connection string password', code: "const url = 'postgres://app:Sup3rS3cret@db:5432/app';", secret: 'Sup3rS3cret', messageId: 'provider', output: "const url = process.env.DATABASE_URL;" },
];

const valid: Array<{ name: string; file?: string; code: string }> = [
  { name: 'environment read', code: 'const password = process.env.DB_PASSWORD;' },
  { name: 'environment read with a non-secret default', code: "const port = process.env.PORT || '3000';" },
  { name: 'NODE_ENV default', code: "const env = process.env.NODE_ENV ?? 'development';" },
  { name: 'the name of an environment variable', code: "const tokenVar = 'GITHUB_TOKEN';" },
  { name: 'label', code: "const passwordLabel = 'Password';" },
  { name: 'input type', code: "input.type = 'password';" },
  { name: 'flag', code: "const showPassword = 'true';" },
  { name: 'placeholder', code: "const apiKey = 'your-api-key';" },
  { name: 'angle-bracket placeholder', code: "const token = '<token>';" },
  { name: 'interpolation', code: "const secret = '${SECRET}';" },
  { name: 'changeme', code: "const password = 'changeme';" },
  { name: 'masked', code: "const apiKey = 'xxxxxxxxxxxx';" },
  { name: 'empty', code: "const password = '';" },
  { name: 'URL under a token name', code: "const tokenUrl = 'https://oauth.example.com/token';" },
  { name: 'token endpoint under a neutral key', code: "const cfg = { token: '/api/token' };" },
  { name: 'i18n key', code: "const t = { password: 'auth.password.label' };" },
  { name: 'path to a key file', code: "const privateKey = './keys/private.pem';" },
  { name: 'bcrypt hash', code: "const password = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.6W3HpQ/8sAeC5dQjE8Jc5n1bYcW2';" },
  { name: 'header name', code: "const apiKeyHeader = 'x-api-key';" },
  { name: 'sentence', code: "const passwordHint = 'Use at least 12 characters';" },
  { name: 'secret value equals its name', code: "const TOKEN = 'token';" },
  { name: 'comparison is not an assignment', code: "if (role === 'admin-secret-role') {}" },
  { name: 'jwt.sign with an env secret', code: "import jwt from 'jsonwebtoken';\njwt.sign(p, process.env.JWT_SECRET as string);" },
  { name: 'sign() of an unrelated module', code: "import { sign } from './crypto-utils';\nsign(data, 'hello-world-1');" },
  { name: 'UUID client id', code: "const clientId = '3f2c8a4e-1b7d-4c9a-9e8f-2a6b5c4d3e1f';" },
  { name: 'publishable key', code: `const stripePk = '${fake('pk_', 'live_', '51HcT8kLmNoPqRsTuVwXyZ012345')}';` },
  { name: 'regular expression source', code: "const passwordPattern = '^(?=.*[A-Z]).{12,}$';" },
  { name: 'function named like a secret', code: "function getToken() { return fetchToken('user-7'); }" },
];

// The message never quotes the secret it covers (`redacted`): the rule's own promise, checked for every case.
new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  valid: valid.map((c) => ({ name: c.name, code: c.code, filename: c.file && `/ws/${c.file}` })),
  invalid: invalid.map((c) => ({
    name: c.name,
    code: c.code,
    filename: c.file && `/ws/${c.file}`,
    errors: [{ messageId: c.messageId, text: c.secret, data: c.label ? { name: c.label } : undefined }],
    output: c.output,
  })),
});

// Other file kinds: YAML, JSON, .env, Dockerfile, shell, properties and plain text are read without a syntax tree.
const COMPOSE = 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Zq8vN2xLp4Rt7Wy1Kd9F\n      POSTGRES_USER: app\n      MYSQL_PASSWORD: s3cr3tPass\n' +
  '      REDIS_PASSWORD: ${REDIS_PASSWORD}\n  api:\n    environment:\n      - API_TOKEN=tok9f8e7d6cK2pLm4nB\n      - NODE_ENV=production\n';
const ENV = 'PORT=3000\nDB_PASSWORD=pg-Pa55w0rd\nAPI_KEY=\n';
const PACKAGE = JSON.stringify({ name: 'app', dependencies: { 'js-tokens': '^4.0.0', 'csrf-tokens': '~3.0.0' },
  devDependencies: { 'secret-sauce': '1.0.0' }, overrides: { 'tokens-lib': '2.1.0' }, config: { apiToken: 'tok-9f8e7d6c' } }, null, 2);
const GATE_NAMES = ['dbPassword', 'passwd', 'PASSPHRASE', 'pwd', 'clientSecret', 'authToken', 'credentials', 'API_KEY', 'privateKey',
  'accessKey', 'authKey', 'SIGNING_KEY', 'encryptionKey', 'masterKey', 'sessionKey'];
/** `dbPassword` → `DB_PASSWORD`, the variable the fix reads. */
const envNameOf = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
// False positives seen in real code (node_modules).
const NODE_MODULES: Array<[string, string]> = [
  ['namespaced event name', 'const ACQUIRE_TOKEN_START = "msal:acquireTokenStart";'],
  ['the name in snake case', 'const tokenClaimsCnfRequiredForSignedJwt = "token_claims_cnf_required_for_signed_jwt";'],
  ['the name in camel case', 'const INVALID_USERNAME_OR_PASSWORD = "invalidUserNameOrPassword";'],
  ['header key naming a property', 'customHeaders["X-Market-AccountToken"] = "accountTokenHeader";'],
  ['attribute selector', 'const pseudos = { password: "[type=password]" };'],
  ['method alias', "const aliases = { allPass: 'overEvery' };"],
  ['fetch credentials policy', "fetch(url, { credentials: 'include' });"],
  ['new Error with a message', "throw new Error('missing token');"],
  ['an identifier built from the name', 'const FLOW_EXISTING_ACCOUNT_PASSWORD_REQUIRED_V2 = "FlowExistingAccountPasswordRequiredResultV2";'],
];

new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  valid: [
    { name: 'GitHub Actions secrets expressions', filename: '/ws/.github/workflows/ci.yml', code: 'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  password: ${{ secrets.PW }}\n' },
    { name: '.env: git-ignored', filename: '/ws/.env', code: ENV, gitIgnored: true },
    { name: '.env.example: placeholders', filename: '/ws/.env.example', code: 'DB_PASSWORD=changeme\nAPI_KEY=<your-key>\nTOKEN=\n' },
    { name: 'lockfiles are not read', filename: '/ws/package-lock.json', code: JSON.stringify({ packages: { a: { integrity: 'sha512-' + 'A'.repeat(86) + '==' } }, password: 'hunter22x' }) },
    { name: 'npm\'s hidden lockfile (node_modules/.package-lock.json) is a lockfile', filename: '/ws/node_modules/.package-lock.json',
      code: JSON.stringify({ packages: { 'node_modules/js-tokens': { version: '4.0.0' } }, password: 'hunter22x' }) },
    ...NODE_MODULES.map(([name, code]) => ({ name: `node_modules: ${name}`, filename: '/ws/node_modules/lib/index.js', code })),
  ],
  invalid: [
    // A compose file runs containers on the developer's machine: only values that look real are reported.
    { name: 'compose environment map and list forms; interpolation and local samples are not flagged', filename: '/ws/docker-compose.yml', code: COMPOSE,
      errors: [['named', 4, 'Zq8vN2xLp4Rt7Wy1Kd9F'], ['named', 10, 'tok9f8e7d6cK2pLm4nB']],
      output: COMPOSE.replace('Zq8vN2xLp4Rt7Wy1Kd9F', '"${POSTGRES_PASSWORD}"').replace('tok9f8e7d6cK2pLm4nB', '${API_TOKEN}') },
    { name: 'JSON config', filename: '/ws/config/default.json', code: '{\n  "db": { "password": "pg-Pa55w0rd" },\n  "apiKeyHeader": "x-api-key",\n  "passwordMinLength": 12\n}\n',
      errors: [['named', 2, 'pg-Pa55w0rd']], output: null },
    { name: '.env: committed', filename: '/ws/.env', code: ENV, errors: [['named', 2, 'pg-Pa55w0rd']], output: null },
    { name: 'Dockerfile ENV and ARG', filename: '/ws/Dockerfile', code: 'FROM node:20\nENV API_TOKEN=tok_9f8e7d6c5b\nARG NPM_TOKEN\nENV DB_PASSWORD=$DB_PASSWORD\nENV SECRET_KEY legacy-f0rm-secret\n',
      errors: [['named', 2, 'tok_9f8e7d6c5b'], ['named', 5, 'legacy-f0rm-secret']], output: null },
    { name: 'shell scripts', filename: '/ws/scripts/deploy.sh', code: '#!/bin/sh\nexport DEPLOY_TOKEN=dpl-1234abcd\nexport DB_PASSWORD="$(cat /run/secrets/db)"\nmysql --password=my5ql-pw host\n',
      errors: [['named', 2, 'dpl-1234abcd'], ['named', 4, 'my5ql-pw']], output: null },
    { name: 'properties', filename: '/ws/application.properties', code: '# db\ndb.url=jdbc:postgresql://db/app\ndb.password=hunter22x\n', errors: [['named', 3, 'hunter22x']], output: null },
    { name: 'any other text: provider patterns only', filename: '/ws/README.md', code: `Use ${STRIPE} to test.\npassword: hunter22x\n`, errors: [['provider', 1, STRIPE]], output: null },
    // Names of packages and scopes are not secret names.
    { name: 'package.json dependencies whose names hold "token" or "secret": only the real token', filename: '/ws/package.json', code: PACKAGE,
      errors: [['named', 14, 'tok-9f8e7d6c']], output: null },
    { name: "GitHub Actions permissions: 'id-token: write'", filename: '/ws/deploy/release.yml',
      code: 'permissions:\n  id-token: write\n  contents: read\njobs:\n  release:\n    permissions:\n      id-token: write # OIDC\n    env:\n      NPM_TOKEN: npm-tok-1234abcd\n',
      errors: [['named', 9, 'npm-tok-1234abcd']], output: null },
    { name: 'a weak password that merely contains its name still counts', filename: '/ws/src/db.ts', code: "const DB_PASSWORD = 'DbPassword2024';",
      errors: [['named', 1, 'DbPassword2024']], output: 'const DB_PASSWORD = process.env.DB_PASSWORD;' },
    // The pre-parse gate lets every secret name through.
    ...GATE_NAMES.map((name) => ({
      name: `the pre-parse gate lets ${name} through`,
      filename: '/ws/src/a.ts',
      code: `const ${name} = 'Zr8vQ2mK9xW4pL7n';`,
      errors: [['named', 1, 'Zr8vQ2mK9xW4pL7n'] as [string, number, string]],
      output: `const ${name} = process.env.${envNameOf(name)};`,
    })),
  ],
});

describe('config/hardcoded-secret: minified bundles', () => {
  test('valid: a minified bundle is not judged by names (they are mangled), nor by any other rule', () => {
    const minified = `var a=1;${'x=1;'.repeat(3000)}var password="hunter22x";app.listen(3000);`;
    assert.deepEqual(secrets('dist/app.js', minified), []);
    assert.deepEqual(run('dist/app.js', minified).findings, []);
    assert.equal(run('dist/app.js', minified).skipped, 'minified');
    assert.deepEqual(secrets('vendor/app.min.js', "var password='hunter22x';"), []);
  });
  test('invalid: a provider-format key in a minified bundle is still a leak, reported without a fix', () => {
    const minified = `var a=1;${'x=1;'.repeat(3000)}var k="${STRIPE}";`;
    const result = run('dist/app.js', minified);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.messageId, covered(minified, f)]), [['config/hardcoded-secret', 'provider', STRIPE]]);
    assert.equal(result.fixes.size, 0);
    assert.deepEqual(secrets('vendor/app.min.js', `var k='${STRIPE}';`).map((f) => f.messageId), ['provider']);
  });
});

describe('config/hardcoded-secret: files under a generator banner (held-out 12, hedy)', () => {
  const BODY = "export const parser = LRParser.deserialize({\n  tokenData: \"#O~RXOYnYZ!]Zpnpq!bqsnst!gt;'Sn;'S;=`!V<%lOn~sU[~OYnZ\",\n  password: 'x7Hq2LmP9vRt4Wz1',\n});\n";
  test('valid: named and tabled values in a generated file are the generator\'s, not typed credentials', () => {
    for (const banner of [
      "// This file was generated by lezer-generator. You probably shouldn't edit it.\n",
      '// Code generated by protoc-gen-go. DO NOT EDIT.\n',
      '/* @generated */\n',
      '// Copyright 2024 Acme\n//\n// Auto-generated from schema.graphql: do not modify by hand.\n',
    ]) assert.deepEqual(secrets('src/parser.ts', banner + BODY), [], banner);
  });
  test('invalid: without a banner, or with a generated word and no warning not to edit, names are judged (the table and the password)', () => {
    assert.deepEqual(secrets('src/parser.ts', BODY).map((f) => f.messageId), ['named', 'named']);
    const scaffold = '# This configuration file was automatically generated by Gitpod.\n# Please adjust to your needs.\n';
    assert.deepEqual(secrets('src/parser.ts', scaffold.replace(/#/g, '//') + BODY).map((f) => f.messageId), ['named', 'named'], 'a scaffold the user edits');
    const late = `${'// line\n'.repeat(10)}// Code generated by a tool. DO NOT EDIT.\n`;
    assert.deepEqual(secrets('src/parser.ts', late + BODY).map((f) => f.messageId), ['named', 'named'], 'a banner is at the top');
  });
  test('invalid: a provider-format key under a generator banner is still a leak', () => {
    const code = `// Code generated by a tool. DO NOT EDIT.\nexport const key = '${STRIPE}';\n`;
    assert.deepEqual(secrets('src/keys.ts', code).map((f) => f.messageId), ['provider']);
  });
});
