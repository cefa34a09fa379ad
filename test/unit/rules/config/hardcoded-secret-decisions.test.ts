import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, parseConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { mapHost } from '../../../../core/src/host';
import { PROPERTY_SINKS, CALL_SINKS } from '../../../../core/src/secrets/sinks';
import { PUBLIC_KEYS } from '../../../../core/src/secrets/publicKeys';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import type { Finding } from '../../../../core/src/types';
import { fake, secrets } from '../../helpers';
import { RuleTester } from '../ruleTester';
import { DECISION_OUTPUTS } from './hardcoded-secret/outputs';

// Issue 10, decisions 2–5: what is a secret in test code, examples and placeholders, sinks, and defaults.
// Each invalid case names the finding it must give: message id, 1-based line and column of the secret,
// the secret's text, and the severity.
interface Invalid { name: string; file?: string; code: string; messageId: string; line: number; column: number; secret: string; severity: string }

const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
const KEY_BODY = fake('MIIEowIBAAKCAQEAx7Kq9mR2vL8pW4nT6yB3cF1hJ5dG0sAq8vN2xLp4Rt7Wy1Kd9FzQ3mZ6hJ0sB5c', '\nA8eG2iU4oW7yKx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7yZq8vN2xLp4Rt7Wy1Kd9FxQ');

const invalid: Invalid[] = [
  // Decision 2: provider keys and private keys in test code are leaks.
  { name: 'test code: a provider key', file: 'test/pay.test.ts', code: `const key = '${STRIPE}';`, messageId: 'provider', line: 1, column: 14, secret: STRIPE, severity: 'error' },
  { name: 'test code: a private key', file: 'src/__tests__/sign.ts', code: `const pem = \`${fake('-----BEGIN RSA ', 'PRIVATE KEY-----')}\n${KEY_BODY}\n${fake('-----END RSA ', 'PRIVATE KEY-----')}\`;`,
    messageId: 'provider', line: 1, column: 14, secret: `${fake('-----BEGIN RSA ', 'PRIVATE KEY-----')}\n${KEY_BODY}\n${fake('-----END RSA ', 'PRIVATE KEY-----')}`, severity: 'error' },
  { name: 'test code: a coverage service token (CI-only, so live)', file: 'tests/ci.test.env', code: `API_SECRET=abcdefghij123\nCODACY_PROJECT_TOKEN=${fake('c3f7ab9e2d10', '4f6a8b5c9d0e1f2a3b4c')}\n`,
    messageId: 'provider', line: 2, column: 22, secret: fake('c3f7ab9e2d10', '4f6a8b5c9d0e1f2a3b4c'), severity: 'error' },
  // Decision 3: example files report what looks real.
  { name: '.env.example: a random-looking key', file: '.env.example', code: 'SESSION_SECRET=Your Session Secret goes here\nFOURSQUARE_SECRET=Q0RSGSKQO5HKPYTZ1NMHQK2KONTHQKHOJ3BLOQTH1QXCXR0Z\n',
    messageId: 'named', line: 2, column: 19, secret: 'Q0RSGSKQO5HKPYTZ1NMHQK2KONTHQKHOJ3BLOQTH1QXCXR0Z', severity: 'error' },
  { name: '.env.example: random pieces joined by dashes are no phrase', file: '.env.example', code: 'JWT_SECRET=Zq8x-K2pL-m4nB-7vR1-Wy9H\n',
    messageId: 'named', line: 1, column: 12, secret: 'Zq8x-K2pL-m4nB-7vR1-Wy9H', severity: 'error' },
  { name: 'config.example.js: a provider key', file: 'config/config.example.js', code: `module.exports = { stripe: '${STRIPE}' };`, messageId: 'provider', line: 1, column: 29, secret: STRIPE, severity: 'error' },
  // Decision 3: a JWT in API documentation or a comment is information, not an error.
  // Decision 4: sinks decide, not strength.
  { name: 'express-session: a weak word', code: "import session from 'express-session';\napp.use(session({ secret: 'secret', resave: false }));", messageId: 'sink', line: 2, column: 28, secret: 'secret', severity: 'error' },
  { name: 'express-session: a list of secrets', code: "import session from 'express-session';\napp.use(session({ secret: [process.env.S1, 'keyboard cat'] }));", messageId: 'sink', line: 2, column: 45, secret: 'keyboard cat', severity: 'error' },
  { name: 'cookie-session keys', code: "app.use(cookieSession({ name: 'sess', keys: ['k3yb0ard'] }));", messageId: 'sink', line: 1, column: 47, secret: 'k3yb0ard', severity: 'error' },
  { name: 'koa app.keys', code: "import Koa from 'koa';\nconst app = new Koa();\napp.keys = ['im a newer secret'];", messageId: 'sink', line: 3, column: 14, secret: 'im a newer secret', severity: 'error' },
  { name: 'jwt.sign: a phrase', code: "import jwt from 'jsonwebtoken';\nconst t = jwt.sign({ id }, 'keyboard cat');", messageId: 'sink', line: 2, column: 29, secret: 'keyboard cat', severity: 'error' },
  { name: 'jwt.verify: a weak word', code: "const jwt = require('jsonwebtoken');\njwt.verify(token, 'secret');", messageId: 'sink', line: 2, column: 20, secret: 'secret', severity: 'error' },
  { name: 'passport secretOrKey', code: "passport.use(new JwtStrategy({ jwtFromRequest: x, secretOrKey: 'secret' }, verify));", messageId: 'sink', line: 1, column: 65, secret: 'secret', severity: 'error' },
  { name: 'crypto.createHmac: a weak word', code: "const h = crypto.createHmac('sha256', 'secret');", messageId: 'sink', line: 1, column: 40, secret: 'secret', severity: 'error' },
  { name: 'nodemailer auth.pass', code: "nodemailer.createTransport({ service: 'gmail', auth: { user: 'me@acme.io', pass: 'hunter2' } });", messageId: 'sink', line: 1, column: 83, secret: 'hunter2', severity: 'error' },
  { name: 'database client password, remote host', code: "const pool = new Pool({ host: 'db.internal', user: 'app', password: 'admin' });", messageId: 'sink', line: 1, column: 70, secret: 'admin', severity: 'error' },
  { name: 'database client password, localhost: a warning', code: "const c = mysql.createConnection({ host: 'localhost', user: 'app', password: 'admin' });", messageId: 'sink', line: 1, column: 79, secret: 'admin', severity: 'warning' },
  { name: 'knex connection options', code: "knex({ client: 'pg', connection: { user: 'app', password: 'secret' } });", messageId: 'sink', line: 1, column: 60, secret: 'secret', severity: 'error' },
  { name: 'connection string, weak password, remote host', code: "mongoose.connect('mongodb://root:admin@mongo.internal:27017/app');", messageId: 'provider', line: 1, column: 34, secret: 'admin', severity: 'error' },
  { name: 'connection string to localhost: a warning', code: "mongoose.connect('mongodb://root:admin@localhost:27017/app');", messageId: 'provider', line: 1, column: 34, secret: 'admin', severity: 'warning' },
  { name: 'connection string to 127.0.0.1 in .env: a warning', file: '.env', code: 'DATABASE_URL=postgres://app:Zq8xK2pLm4nB@127.0.0.1:5432/app\n', messageId: 'provider', line: 1, column: 29, secret: 'Zq8xK2pLm4nB', severity: 'warning' },
  // Decision 5: one judgement for every default form.
  { name: '|| default: a camelCase word', code: "const s = process.env.SESSION_SECRET || 'superSecret';", messageId: 'fallback', line: 1, column: 42, secret: 'superSecret', severity: 'error' },
  { name: '|| default: a lower-case word', code: "const s = process.env.KEYSTORE_PASSWORD || 'changeit';", messageId: 'fallback', line: 1, column: 45, secret: 'changeit', severity: 'error' },
  { name: '?? default: a phrase', code: "const s = process.env.SESSION_SECRET ?? 'keyboard cat';", messageId: 'fallback', line: 1, column: 42, secret: 'keyboard cat', severity: 'error' },
  { name: 'if (!x) x = default', code: "let secret = opts.secret;\nif (!secret) secret = 'superSecret';", messageId: 'fallback', line: 2, column: 24, secret: 'superSecret', severity: 'error' },
  { name: 'if (x == null) { x = default }', code: "if (cfg.jwtSecret == null) {\n  cfg.jwtSecret = 'superSecret';\n}", messageId: 'fallback', line: 2, column: 20, secret: 'superSecret', severity: 'error' },
  { name: 'destructuring default from process.env', code: "const { JWT_SECRET = 'superSecret' } = process.env;", messageId: 'fallback', line: 1, column: 23, secret: 'superSecret', severity: 'error' },
  { name: 'destructuring default of options', code: "function auth({ secret = 'superSecret' } = {}) {}", messageId: 'fallback', line: 1, column: 27, secret: 'superSecret', severity: 'error' },
  { name: 'default parameter', code: "function sign(payload, secret = 'superSecret') {}", messageId: 'fallback', line: 1, column: 34, secret: 'superSecret', severity: 'error' },
  { name: 'if (!process.env.X) process.env.X = default', code: "if (!process.env.JWT_SECRET) process.env.JWT_SECRET = 'superSecret';", messageId: 'fallback', line: 1, column: 56, secret: 'superSecret', severity: 'error' },
  { name: 'a conventional weak value at a sink is no description', code: "app.use(session({ secret: 'my-secret' }));", messageId: 'sink', line: 1, column: 28, secret: 'my-secret', severity: 'error' },
  // A login checked by code that is no stand-in server: a backdoor of the app (no server here), or one the file sends.
  { name: 'a login only compared, in a module that starts no server', code: "const mqttPassword = 'Tr0ub4dor-x7Kq';\nexport const login = (pass) => pass === mqttPassword;", messageId: 'named', line: 1, column: 23, secret: 'Tr0ub4dor-x7Kq', severity: 'error' },
  { name: 'a stand-in server whose login is also sent', code: "const net = require('net');\nconst mqttPassword = 'Tr0ub4dor-x7Kq';\nconst server = net.createServer(handle);\nif (mqttPassword !== '') mqtt.connect(url, { password: mqttPassword });\nserver.listen(1883);", messageId: 'named', line: 2, column: 23, secret: 'Tr0ub4dor-x7Kq', severity: 'error' },
  // Built-in defaults of a shipped configuration for a database on the developer's machine: information.
  { name: 'YAML defaults: for localhost, information', file: 'server/app/data.yml', code: 'defaults:\n  db:\n    host: localhost\n    pass: wikirocks9\n', messageId: 'named', line: 4, column: 11, secret: 'wikirocks9', severity: 'info' },
  { name: 'YAML defaults: for another host, an error', file: 'server/app/data.yml', code: 'defaults:\n  db:\n    host: db.internal\n    pass: wikirocks9\n', messageId: 'named', line: 4, column: 11, secret: 'wikirocks9', severity: 'error' },
  { name: 'YAML: for localhost outside defaults, a warning', file: 'server/config.yml', code: 'db:\n  host: localhost\n  pass: wikirocks9\n', messageId: 'named', line: 3, column: 9, secret: 'wikirocks9', severity: 'warning' },
  { name: 'config.get with a default', code: "const s = config.get('auth.jwtSecret', 'superSecret');", messageId: 'fallback', line: 1, column: 41, secret: 'superSecret', severity: 'error' },
  { name: 'Nest ConfigService.get with a default', code: "const s = this.configService.get('JWT_SECRET', 'superSecret');", messageId: 'fallback', line: 1, column: 49, secret: 'superSecret', severity: 'error' },
  { name: 'options || default', code: "const secret = options.secret || 'superSecret';", messageId: 'fallback', line: 1, column: 35, secret: 'superSecret', severity: 'error' },
  { name: 'SQL IDENTIFIED BY', file: 'db/init.sql', code: "CREATE USER 'app'@'%' IDENTIFIED BY 'Sup3rS3cret';", messageId: 'named', line: 1, column: 38, secret: 'Sup3rS3cret', severity: 'error' },
  { name: 'SQL CREATE USER … PASSWORD in code', code: "await knex.raw(\"CREATE USER web WITH LOGIN PASSWORD 'w3bP4ss!'\");", messageId: 'named', line: 1, column: 54, secret: 'w3bP4ss!', severity: 'error' },
  { name: 'SQL ALTER ROLE … PASSWORD in a shell script', file: 'scripts/db.sh', code: "psql -c \"ALTER ROLE app PASSWORD 'w3bP4ss!'\"", messageId: 'named', line: 1, column: 35, secret: 'w3bP4ss!', severity: 'error' },
];

const valid: Array<{ name: string; file?: string; code: string }> = [
  // Decision 2: generic name-based literals in test code.
  { name: 'test code: a password', file: 'test/login.test.ts', code: "const user = { email: 'a@b.c', password: '1234' };\nawait login(user.email, 'hunter2x');" },
  { name: 'test code: an access token', file: 'src/auth.spec.ts', code: "const accessToken = 'valid-token';" },
  { name: 'test code: a TOTP seed', file: 'test/fixtures/users.ts', code: "export const totpSecret = 'JBSWY3DPEHPK3PXP';" },
  { name: 'test code: a session secret', file: 'test/app.test.js', code: "app.use(session({ secret: 'keyboard cat' }));" },
  { name: 'test code: a connection string', file: 'e2e/db.ts', code: "const url = 'postgres://app:Zq8xK2pLm4nB@db.internal/app';" },
  { name: 'test code: a JWT fixture', file: 'test/token.test.ts', code: `const t = '${fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZSI6ImFkbWluIn0', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y')}';` },
  // Decision 3: placeholders.
  { name: 'describing words: email-server-password', code: "const transport = { auth: { user: 'me', pass: 'email-server-password' } };" },
  { name: 'describing words: your-smtp-password', code: "const smtpPassword = 'your-smtp-password';" },
  { name: 'describing words: foursquare-service-key', code: "const foursquare = { clientSecret: 'foursquare-service-key' };" },
  { name: 'describing words at a sink', code: "app.use(session({ secret: 'Your Session Secret goes here' }));" },
  { name: 'describing words as a default', code: "const s = process.env.SESSION_SECRET || 'session-secret';" },
  { name: '.env.example: placeholders and weak samples', file: '.env.example', code: 'SESSION_SECRET=Your Session Secret goes here\nSMTP_PASSWORD=email-server-password\nDB_PASSWORD=hunter2x\nDATABASE_URL=postgres://app:admin@db:5432/app\n' },
  { name: '.env.sample and .env.template', file: '.env.sample', code: 'API_TOKEN=tok-1234abcd\n' },
  { name: '*.example.* config', file: 'config/config.example.json', code: '{ "db": { "password": "hunter2x" } }' },
  { name: 'README: a weak password in a connection string', file: 'README.md', code: 'Run `DATABASE_URL=postgres://app:s3cret@localhost/app npm start`.\n' },
  // Decision 4: a sink given a stand-in or the environment.
  { name: 'session secret from the environment', code: "app.use(session({ secret: process.env.SESSION_SECRET }));" },
  { name: 'database password equal to the user (a local container login)', code: "new Pool({ host: 'localhost', user: 'postgres', password: 'postgres' });" },
  { name: 'a login object is no database client', code: "const credentials = { username: 'alice', password: 'admin' };" },
  // Decision 5: defaults of names that are no secrets, and stand-in defaults: a description written as one
  // word (`securekey`) and a value that says the secret is absent (`not_available`) in every default form.
  { name: 'a default written into the environment: a description as one word', code: "if (!process.env.JWT_SECRET) {\n  process.env.JWT_SECRET = 'securekey';\n}" },
  { name: 'a stand-in for an absent secret', code: "if (!req.body.client_secret) {\n  req.body.client_secret = 'not_available';\n}\nconst t = process.env.API_TOKEN || 'unset';" },
  { name: 'stand-in defaults in the other forms', code: "const { API_TOKEN = 'not-set' } = process.env;\nfunction f(secret = 'strongsecret') {}\nconst k = config.get('app.apiKey', 'not_configured');\nconst s = opts.secret ?? 'yoursecret';" },
  // A stand-in server: the login its own code checks, in the file that starts it (a dev MQTT broker), is test code.
  { name: 'a stand-in server\'s accepted login', code: "const net = require('net');\nconst mqttPassword = 'Tr0ub4dor-x7Kq';\nconst server = net.createServer(handle);\nbroker.authenticate = (c, user, pass, done) => done(null, pass.toString() === mqttPassword);\nserver.listen(1883);" },
  // Decision 3: a memorable phrase in an example file is a sample, leetspeak included.
  { name: '.env.example: a leetspeak phrase', file: '.env.example', code: "JWT_SECRET='p4sta.w1th-t0mat0-s@uce'\nSESSION_SECRET=correct-horse-battery-staple\n" },
  { name: 'default of a neutral name', code: "const region = config.get('aws.region', 'us-east-1');\nconst mode = opts.mode || 'strict';" },
  { name: 'empty default', code: "const secret = options.secret || '';" },
  { name: 'SQL with a bound password', file: 'db/init.sql', code: "CREATE USER app WITH PASSWORD :'password';\nALTER USER app IDENTIFIED BY '${DB_PASSWORD}';" },
];

// Each case also states the file after fix-all (hardcoded-secret/outputs.ts); the message never holds the secret.
new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  valid: valid.map((c) => ({ name: `decisions: ${c.name}`, code: c.code, filename: c.file && `/ws/${c.file}` })),
  invalid: invalid.map((c) => ({
    name: `decisions: ${c.name}`,
    code: c.code,
    filename: c.file && `/ws/${c.file}`,
    errors: [{ messageId: c.messageId, line: c.line, column: c.column, text: c.secret, severity: c.severity as Finding['severity'] }],
    output: DECISION_OUTPUTS[c.name],
  })),
});

test('every decision case states its output', () => {
  assert.deepEqual(invalid.map((c) => c.name).filter((name) => !(name in DECISION_OUTPUTS)), []);
});

describe('config/hardcoded-secret: test code settings', () => {
  const code = "const user = { password: 'hunter2x' };";
  test('secrets.reportInTests: test code is judged like other code, at the rule severity', () => {
    const { config, problems } = parseConfig('secrets:\n  reportInTests: true\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(secrets('test/a.test.ts', code, { config }).map((f) => [f.messageId, f.severity]), [['named', 'error']]);
  });
  test('testFiles.severity set to a level reports name-based findings in test code at that level', () => {
    const { config } = parseConfig('testFiles:\n  severity: hint\n');
    assert.deepEqual(secrets('test/a.test.ts', code, { config }).map((f) => f.severity), ['hint']);
  });
  test('a provider key in test code keeps the rule severity whatever testFiles.severity says', () => {
    const { config } = parseConfig('testFiles:\n  severity: info\nrules:\n  config/hardcoded-secret: warning\n');
    assert.deepEqual(secrets('test/a.test.ts', `const k = '${STRIPE}';`, { config }).map((f) => f.severity), ['warning']);
  });
  test('secrets.reportInTests must be a boolean', () => {
    const { problems } = parseConfig('secrets:\n  reportInTests: sometimes\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 1);
  });
});

describe('config/hardcoded-secret: JWTs in documentation are information', () => {
  const jwt = fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUifQ', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y');
  const cases: Array<[string, string, string]> = [
    ['OpenAPI YAML', 'docs/openapi.yaml', `openapi: 3.0.0\ncomponents:\n  examples:\n    token:\n      value: ${jwt}\n`],
    ['Swagger JSON', 'swagger.json', `{\n  "swagger": "2.0",\n  "definitions": { "Auth": { "example": { "token": "${jwt}" } } }\n}`],
    ['JSDoc', 'src/auth.ts', `/**\n * @example\n * Authorization: Bearer ${jwt}\n */\nexport function auth() {}`],
    ['line comment', 'src/auth.ts', `// curl -H "Authorization: Bearer ${jwt}"\nexport {};`],
  ];
  for (const [name, file, code] of cases) {
    test(name, () => assert.deepEqual(secrets(file, code).map((f) => [f.messageId, f.severity]), [['provider', 'info']]));
  }
  test('a JWT in code is still an error', () => {
    assert.deepEqual(secrets('src/auth.ts', `const token = '${jwt}';`).map((f) => f.severity), ['error']);
  });
});

describe('config/hardcoded-secret: every sink row carries examples, and they hold', () => {
  for (const row of [...CALL_SINKS, ...PROPERTY_SINKS]) {
    test(row.id, () => {
      assert.ok(row.tps.length >= 1 && row.fps.length >= 1, `${row.id} has examples`);
      for (const tp of row.tps) assert.ok(secrets('src/app.ts', tp).some((f) => f.messageId === 'sink'), `tp: ${tp}`);
      // A false example of a sink gives no sink finding (a plain `password:` may still be a named one).
      for (const fp of row.fps) assert.deepEqual(secrets('src/app.ts', fp).filter((f) => f.messageId === 'sink').map((f) => f.message), [], `fp: ${fp}`);
    });
  }
});

// An error reporter's notifier key is public by design, like a Sentry DSN (audit: wiki's installer on Bugsnag).
describe('config/hardcoded-secret: keys public by design, every row with examples', () => {
  for (const row of PUBLIC_KEYS) {
    test(row.id, () => {
      assert.ok(row.tps.length >= 1 && row.fps.length >= 1, `${row.id} has examples`);
      for (const fp of row.fps) assert.deepEqual(secrets('src/app.ts', fp).map((f) => f.message), [], `fp: ${fp}`);
      for (const tp of row.tps) assert.equal(secrets('src/app.ts', tp).length, 1, `tp: ${tp}`);
    });
  }
});

// Each false positive and miss of the audit of 46 real applications (issue 10), as the smallest code that
// shows it. The values are made up; the shapes are the applications'.
describe('config/hardcoded-secret: the audit of real applications', () => {
  const quiet: Array<[string, string, string]> = [
    ['CI service container', '.github/workflows/ci.yml', 'services:\n  db:\n    image: postgres\n    env:\n      POSTGRES_PASSWORD: freefeed\n'],
    ['CI test value', '.github/workflows/ci.yml', 'env:\n  SECRET_KEY: F0E5AD933D7F6FD8F4DBB3E038C501C052DC0593C686D21ACB30AE205D2F634B\n'],
    ['local compose database', 'docker-compose.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hedgedoc\n'],
    ['compose sample for users', 'docker/docker-compose.yml', 'services:\n  app:\n    environment:\n      - SESSION_SECRET=mysupersecretkey\n'],
    ['dev containers', 'dev/containers/config.yml', 'db:\n  host: db\n  pass: wikijsrocks\n'],
    ['.env.default of a compose set-up', '.env.default', 'DOCKER_COMPOSE_POSTGRES_PASSWORD=etherpad-lite-password\n'],
    ['example template env', 'docs/example-template.env', 'API_SECRET=1234567890abc\n'],
    ['example manifest', 'examples/kubernetes/basicauth-secret.yml', 'stringData:\n  password: yourlongpassword\n'],
    ['.env.test', '.env.test', 'SLACK_VERIFICATION_TOKEN=slack-token-1\n'],
    ['testing env file', 'env-vars-testing.conf', 'export WHYD_SESSION_SECRET=whatever\n'],
    ['test mock config', 'backend/src/config/mock/auth.config.mock.ts', "export default { session: { secret: 'long-secret-for-the-tests-only-1234' } };"],
    ['test utility', 'frontend/src/test-utils/expect-fetch.ts', "const headers = { token: 'mock-csrf-token' };"],
    ['test.js beside the code', 'base-auth/test.js', "request(app).get('/').auth('tobi', 'invalid-password');"],
    ['seed of a dev user', 'backend/src/database/seeds/02_api_token.ts', "await knex('api_token').insert({ apiToken: 'LaD5x8Kq2mR9vL4pW7nT6yB3cF1hJ5dG' });"],
    ['factory', 'src/database/factories/UserFactory.ts', "user.password = '1234';"],
    ['demo users in a list (YAML)', 'data/static/users.yml', "-\n  email: admin\n  password: 'admin123'\n-\n  email: jim\n  password: 'ncc-1701'\n"],
    ['demo users in a list (JS)', 'artifacts/db-reset.js', 'const USERS = [{ "userName": "admin", "password": "Admin_123" }];'],
    ['a test user\'s password in the app', 'src/app/login/login.component.ts', "class Login { public testingPassword = 'IamUsedForTesting' }"],
    ['placeholder words', 'config/payment/config/paypal.json', '{ "client_secret": "this_is_not_real" }'],
    ['placeholder phrase', 'config/settings.json', '{ "emailPassword": "this_is_the_smtp_password" }'],
    ['masked sample key', 'config/payment/config/payway.json', '{ "secretApiKey": "TXXXXX_SEC_q8vN2xXXXXtz5kXXXXhapvxXXXX" }'],
    ['env() reference', 'supabase/config.toml', 'auth_token = "env(SUPABASE_AUTH_SMS_TWILIO_AUTH_TOKEN)"\n'],
    ['syntax token type', 'www/code/orgmode.js', "const rules = [{ regex: /\\[\\[/, token: 'org-url' }, { regex: /x/, token: 'variable-2' }];"],
    ['vendored code', 'public/js/vendor/tern/plugin/node.js', "var defs = { PassThrough: 'stream.Transform', token: 'tok3n-v4lue-42' };"],
    ['emmet snippet key', 'src/emmet.js', 'const snippets = { "input:p|input:password": "inp[type=password]" };'],
    ['coin names in a data table', 'assets/cryptocurrencies.json', '{ "PASS": "Blockpass", "TOKEN": "TokenFi" }'],
    ['header name', 'libs/common/src/lib/config.ts', "export const HEADER_KEY_TOKEN = 'Authorization';"],
    ['storage key', 'src/app/services/settings-storage.service.ts', "export const KEY_TOKEN = 'auth-token';"],
    ['autocomplete attribute', 'src/ui/Input.js', "const attrs = { password: 'current-password' };"],
    ['i18n ids', 'src/components/messages.ts', "export const labels = { host: 'label.host', password: 'label.password' };"],
    ['translation folder', 'public/intl/messages/bs-BA.json', '{ "label.password": "Šifra", "password": "Lozinka" }'],
    ['hash of the default password', 'json/config.json', `{ "password": "${'2b64f2e3f9fee1942af9ff60d40aa5a719db33b8ba8dd4864bb4f11e25ca2bee00907de32a59429602336cac832c8f2eeff5177cc14c864dd116c8bf6ca5d9a9'}" }`],
    ['blockchain address', 'src/app/faucet/faucet.component.ts', "const BeeTokenAddress = '0x36435796Ca9be2bf150CE0dECc2D8Fab5C4d6E13';"],
    ['OpenAPI components fragment in docs/', 'src/docs/components.yml', `components:\n  examples:\n    token: ${fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiI1ZWJhYzUzNDk1NGI1NDEzOTgwNmMxMTIifQ', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y')}\n`],
    ['documentation connection string in a compose comment', 'docker-compose.yml', 'services:\n  app:\n    environment:\n      # - MONGO_CONNECTION=mongodb://sally:sallypass@ds099999.mongolab.com:99999/nightscout\n      - NODE_ENV=production\n'],
    // Audit (CTFd, flask-realworld, ms-identity-python-webapp): a Vagrant VM is the developer's machine, like a
    // compose file; an identity provider's user-flow name holds the word password but is no secret.
    ['Vagrant VM database', 'Vagrantfile', '$s = <<SCRIPT\nmysql -e "CREATE USER \'app\'@\'localhost\' IDENTIFIED BY \'appdb1\'"\nexport DATABASE_URL="mysql://app:appdb1@localhost/app"\nSCRIPT\n'],
    ['Vagrant provisioning script', 'vagrant/provision.sh', 'sudo -u postgres psql -c "create role vagrant with login password \'vagrant\'"\n'],
    ['user-flow name in an example file', '.env.sample.b2c', 'RESETPASSWORD_USER_FLOW=B2C_1_Password_Reset_Policy\n'],
    ['documentation connection string in a README', 'README.md', 'Set `MONGO_CONNECTION=mongodb://sally:sallypass@ds099999.mongolab.com:99999/nightscout`.\n'],
  ];
  for (const [name, file, code] of quiet) {
    test(`not reported: ${name}`, () => {
      assert.deepEqual(secrets(file, code).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => [f.messageId, code.slice(f.start, f.end)]), []);
    });
  }
  const reported: Array<[string, string, string, string]> = [
    ['cookie-session secret fallback (a miss before)', 'app.ts', "app.use(cookieSession({ secret: process.env.COOKIE_SESSION_SECRET || 'seger handrail' }));", 'seger handrail'],
    ['JWT secret fallback', 'src/app/routes/auth/auth.ts', "const secret = process.env.JWT_SECRET || 'superSecret';", 'superSecret'],
    ['configuration of the test environment is configuration', 'config/env/test.js', "module.exports = { zapApiKey: 'v9dn0balpqas1pcc281tn5ood1' };", 'v9dn0balpqas1pcc281tn5ood1'],
    ['dashboard password in app config', 'src/config/index.ts', "export default { agendash: { user: 'agendash', password: '123456' } };", '123456'],
    ['cookie-parser secret', 'server.ts', "app.use(cookieParser('kekse'));", 'kekse'],
    ['the same database user made by a deploy script', 'scripts/setup.sh', 'mysql -e "CREATE USER \'app\'@\'%\' IDENTIFIED BY \'appdb1\'"\n', 'appdb1'],
  ];
  for (const [name, file, code, secret] of reported) {
    test(`reported: ${name}`, () => assert.deepEqual(secrets(file, code).map((f) => code.slice(f.start, f.end)), [secret]));
  }
});

// Audit (micro-flask): the file a compose file hands its bundled database with `env_file:` is part of the
// compose set-up, judged like the compose file itself; the same file with no compose file naming it is not.
describe('config/hardcoded-secret: env files of a compose set-up', () => {
  const env = 'POSTGRES_USER=shop\nPOSTGRES_PASSWORD=pgpass2020\n';
  const found = (files: Record<string, string>, file = '/p/postgres/postgres.env') =>
    analyze(new FileContext(file, env), { config: defaultConfig(), relativePath: file.slice(3), host: mapHost(files, '/p') })
      .findings.filter((f) => f.ruleId === 'config/hardcoded-secret').length;
  test('named by env_file (list or scalar): only real-looking values count', () => {
    assert.equal(found({ '/p/docker-compose.yml': 'services:\n  db:\n    image: postgres\n    env_file:\n      - ./postgres/postgres.env\n' }), 0);
    assert.equal(found({ '/p/compose.yaml': 'services:\n  db:\n    env_file: postgres/postgres.env\n' }), 0);
  });
  test('not named by a compose file: reported', () => {
    assert.equal(found({}), 1);
    assert.equal(found({ '/p/docker-compose.yml': 'services:\n  db:\n    env_file:\n      - ./other.env\n' }), 1);
  });
});
