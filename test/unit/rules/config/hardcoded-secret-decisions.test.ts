import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../../../core/src/config';
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
// A made-up body, not DER: a DER one this short would declare more bytes than it holds, a cut-short sample (providers/keys.ts).
const KEY_BODY = fake('kZ3EowIBAAKCAQEAx7Kq9mR2vL8pW4nT6yB3cF1hJ5dG0sAq8vN2xLp4Rt7Wy1Kd9FzQ3mZ6hJ0sB5c', '\nA8eG2iU4oW7yKx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7yZq8vN2xLp4Rt7Wy1Kd9FxQ');

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
  // Held-out 11 (Dokploy): a localhost login the code picks only outside production is the developer's machine's: information.
  { name: 'connection string to localhost in the else of NODE_ENV === production: information', code: "let url;\nif (process.env.NODE_ENV === 'production') {\n  url = process.env.DATABASE_URL;\n} else {\n  url = 'postgres://app:Zq8xK2pLm4nB@localhost:5432/app';\n}", messageId: 'provider', line: 5, column: 25, secret: 'Zq8xK2pLm4nB', severity: 'info' },
  { name: "connection string to localhost when NODE_ENV !== 'production' (?:): information", code: "const url = process.env.NODE_ENV !== 'production' ? 'postgres://app:Zq8xK2pLm4nB@localhost:5432/app' : process.env.DATABASE_URL;", messageId: 'provider', line: 1, column: 69, secret: 'Zq8xK2pLm4nB', severity: 'info' },
  { name: 'connection string to localhost in the production branch: still a warning', code: "let url;\nif (process.env.NODE_ENV === 'production') {\n  url = 'postgres://app:Zq8xK2pLm4nB@localhost:5432/app';\n}", messageId: 'provider', line: 3, column: 25, secret: 'Zq8xK2pLm4nB', severity: 'warning' },
  { name: 'connection string to a remote host outside production: still an error', code: "let url;\nif (process.env.NODE_ENV === 'production') {\n  url = process.env.DATABASE_URL;\n} else {\n  url = 'postgres://app:Zq8xK2pLm4nB@db.internal:5432/app';\n}", messageId: 'provider', line: 5, column: 25, secret: 'Zq8xK2pLm4nB', severity: 'error' },
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
  { name: 'a login only compared, in a module that starts no server', code: "const mqttPassword = 'Tr0ub4dor-x7Kq-2fPz';\nexport const login = (pass) => pass === mqttPassword;", messageId: 'named', line: 1, column: 23, secret: 'Tr0ub4dor-x7Kq-2fPz', severity: 'error' },
  { name: 'a stand-in server whose login is also sent', code: "const net = require('net');\nconst mqttPassword = 'Tr0ub4dor-x7Kq-2fPz';\nconst server = net.createServer(handle);\nif (mqttPassword !== '') mqtt.connect(url, { password: mqttPassword });\nserver.listen(1883);", messageId: 'named', line: 2, column: 23, secret: 'Tr0ub4dor-x7Kq-2fPz', severity: 'error' },
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
    const generated = "const user = { password: 'Xq7pL2vR9kM4wT8z' };";
    const { config, problems } = parseConfig('secrets:\n  reportInTests: true\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(secrets('test/a.test.ts', generated, { config }).map((f) => [f.messageId, f.severity]), [['named', 'error']]);
    // Like other code, a word found by its name alone is information (hardcoded-secret-second-signal.test.ts).
    assert.deepEqual(secrets('test/a.test.ts', code, { config }).map((f) => [f.messageId, f.severity]), [['named', 'info']]);
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

// JWTs in documentation are information; a JWT in code is still an error.
const JWT = fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUifQ', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y');
const jwtIn = (name: string, file: string, code: string, line: number, severity: Finding['severity'], output: string | null = null) =>
  ({ name: `JWT: ${name}`, filename: `/ws/${file}`, code, errors: [{ messageId: 'provider', line, text: JWT, severity }], output });
new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  valid: [],
  invalid: [
    jwtIn('OpenAPI YAML', 'docs/openapi.yaml', `openapi: 3.0.0\ncomponents:\n  examples:\n    token:\n      value: ${JWT}\n`, 5, 'info'),
    jwtIn('Swagger JSON', 'swagger.json', `{\n  "swagger": "2.0",\n  "definitions": { "Auth": { "example": { "token": "${JWT}" } } }\n}`, 3, 'info'),
    jwtIn('JSDoc', 'src/auth.ts', `/**\n * @example\n * Authorization: Bearer ${JWT}\n */\nexport function auth() {}`, 3, 'info'),
    jwtIn('line comment', 'src/auth.ts', `// curl -H "Authorization: Bearer ${JWT}"\nexport {};`, 1, 'info'),
    jwtIn('a JWT in code is still an error', 'src/auth.ts', `const token = '${JWT}';`, 1, 'error', 'const token = process.env.JWT;'),
  ],
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
