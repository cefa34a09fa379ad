import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JS_CONTEXT_CANDIDATE } from '../../../../core/src/secrets/js';
import { isSensitiveName } from '../../../../core/src/secrets/names';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { covered, fake, secrets } from '../../helpers';
import { RuleTester } from '../ruleTester';
import { AUDIT_OUTPUTS } from './hardcoded-secret/outputs';

// Cases from an audit of the rule: each held a miss or a false positive before its fix. The secrets are
// made-up values; `covered` lists, per file, the text every finding must cover, in order.
const PW = 'Tr0ub4dor-x7Kq';
const RANDOM = 'Zq8vN2xLp4Rt7Wy1Kd9F';

const invalid: Array<{ name: string; file: string; code: string; secret: string; messageId: string }> = [
  // 1. TypeScript type annotations.
  { name: 'typed const', file: 'src/db.ts', code: `export const dbPassword: string = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'typed class field', file: 'src/api.ts', code: `class A { private readonly apiKey: string = 'kq83hd72jsd9sk'; }`, secret: 'kq83hd72jsd9sk', messageId: 'named' },
  { name: 'typed SCREAMING const', file: 'src/c.ts', code: `const CLIENT_SECRET: string = "${PW}";`, secret: PW, messageId: 'named' },
  { name: 'optional typed field', file: 'src/c.ts', code: `class C { token?: string = '${PW}'; }`, secret: PW, messageId: 'named' },
  { name: 'renamed destructuring default', file: 'src/c.ts', code: `const { password: pw = '${PW}' } = opts;`, secret: PW, messageId: 'fallback' },
  { name: 'bracket assignment with a quoted key', file: 'src/c.ts', code: `headers['x-api-key'] = '${PW}';`, secret: PW, messageId: 'named' },
  // 4. Name prefixes.
  { name: 'REFRESH_TOKEN', file: 'src/c.ts', code: `const REFRESH_TOKEN = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'VERIFY_TOKEN', file: 'src/c.ts', code: `const VERIFY_TOKEN = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'READ_ONLY_TOKEN', file: 'src/c.ts', code: `const READ_ONLY_TOKEN = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'NO_REPLY_PASSWORD', file: 'src/c.ts', code: `const NO_REPLY_PASSWORD = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'GET_ADDRESS_API_KEY', file: 'src/c.ts', code: `const GET_ADDRESS_API_KEY = '${PW}';`, secret: PW, messageId: 'named' },
  { name: 'refreshToken', file: 'src/c.ts', code: `const cfg = { refreshToken: '${PW}' };`, secret: PW, messageId: 'named' },
  { name: 'refresh_token', file: 'src/c.ts', code: `const cfg = { refresh_token: '${PW}' };`, secret: PW, messageId: 'named' },
  // 8. Weak passwords keep counting.
  { name: 'weak password with a symbol', file: 'src/c.ts', code: "const o = { password: 'hunter2!' };", secret: 'hunter2!', messageId: 'named' },
  { name: 'weak password with digits', file: 'src/c.ts', code: "const o = { password: 'letmein99' };", secret: 'letmein99', messageId: 'named' },
  // 11. Sinks.
  { name: 'passport-jwt secretOrKey', file: 'src/auth.ts', code: "passport.use(new Strategy({ jwtFromRequest: x, secretOrKey: 'kq83hd72jsd9sk' }, verify));", secret: 'kq83hd72jsd9sk', messageId: 'sink' },
  { name: 'express-session passphrase', file: 'src/app.ts', code: "import session from 'express-session';\napp.use(session({ secret: 'keyboard cat', resave: false }));", secret: 'keyboard cat', messageId: 'sink' },
  { name: 'Sequelize positional password', file: 'src/db.ts', code: `const db = new Sequelize('shop', 'shop_app', '${PW}', { dialect: 'postgres' });`, secret: PW, messageId: 'sink' },
  // 13. Connection string with an interpolated host.
  { name: 'template host', file: 'src/db.ts', code: 'const url = `postgres://admin:Zq8xK2pLm4nB7vR1@${process.env.DB_HOST}:5432/app`;', secret: 'Zq8xK2pLm4nB7vR1', messageId: 'provider' },
  // The pre-parse gate: a literal inside a template's substitution is judged by its own place; jsonwebtoken's sign.
  { name: 'default inside a substitution', file: 'src/c.ts', code: `const token = \`Bearer \${process.env.API_TOKEN || '${RANDOM}'}\`;`, secret: RANDOM, messageId: 'fallback' },
  { name: 'jsonwebtoken sign', file: 'src/auth.ts', code: "import jwt from 'jsonwebtoken';\nexport const t = jwt.sign(payload, 'kq83hd72jsd9sk');", secret: 'kq83hd72jsd9sk', messageId: 'sink' },
  { name: 'verify imported from jsonwebtoken', file: 'src/auth.ts', code: "import { verify } from 'jsonwebtoken';\nexport const t = verify(token, 'kq83hd72jsd9sk');", secret: 'kq83hd72jsd9sk', messageId: 'sink' },
];

const valid: Array<{ name: string; file: string; code: string }> = [
  // The pre-parse gate (msal's and secretlint's bundles): a template with substitutions is no literal; node-forge's sign and verify.
  { name: 'credential built from a template', file: 'src/c.ts', code: 'const cred = { credential: `${clientInfo.uid}.${clientInfo.utid}`, homeAccountId: id };' },
  { name: 'token template with a random-looking head', file: 'src/c.ts', code: `const token = \`${PW}-\${suffix}\`;` },
  { name: 'node-forge sign', file: 'src/c.ts', code: "signer.signature = signer.key.sign(signer.md, 'RSASSA-PKCS1-V1_5');" },
  { name: 'node-forge verify', file: 'src/c.ts', code: "if (!cert.publicKey.verify(verify, msg.signature, 'NONE')) { throw new Error('bad'); }" },
  // 1. The gate's tighter names.
  { name: 'tokenType', file: 'src/c.ts', code: "const r = { tokenType: 'Bearer' };" },
  // 4. Prefixes that still describe in camelCase.
  { name: 'showPassword', file: 'src/c.ts', code: "const showPassword = 'visible-99';" },
  { name: 'isTokenValid', file: 'src/c.ts', code: "const isTokenValid = 'kq83hd72jsd9sk';" },
  { name: 'forgotPassword', file: 'src/c.ts', code: "const routes = { forgotPassword: 'forgot-pw-1' };" },
  { name: 'getToken', file: 'src/c.ts', code: "const api = { getToken: 'GET_TOKEN_1' };" },
  // 5. Durations under token names.
  { name: 'accessTokenExpiresIn', file: 'src/c.ts', code: "const jwt = { accessTokenExpiresIn: '3600' };" },
  { name: 'tokenRefreshThreshold', file: 'src/c.ts', code: "const o = { tokenRefreshThreshold: '300000' };" },
  // 8. Codes, names and public values under secret names.
  { name: 'validation error code', file: 'src/c.ts', code: "errors.password = 'too_short';" },
  { name: 'error object', file: 'src/c.ts', code: "const e = { password: 'invalid', token: 'expired' };" },
  { name: 'strength', file: 'src/c.ts', code: "const s = { password: 'weak' };" },
  { name: 'sort order', file: 'src/c.ts', code: "const sort = { password: 'desc' };" },
  { name: 'Firebase error code', file: 'src/c.ts', code: "const codes = { wrongPassword: 'auth/wrong-password' };" },
  { name: 'cookie name in caps', file: 'src/c.ts', code: "const CSRF_TOKEN = 'XSRF-TOKEN';" },
  { name: 'validation rules', file: 'src/c.ts', code: "const rules = { password: 'required|min:8|confirmed' };" },
  { name: 'type descriptor', file: 'src/c.ts', code: "const schema = { apiKey: 'string?' };" },
  { name: 'CSS custom property', file: 'src/c.ts', code: "const t = { token: '--md-sys-color-primary' };" },
  { name: 'ARN', file: 'src/c.ts', code: "const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf';" },
  { name: 'Stripe publishable key', file: 'src/c.ts', code: `const s = { apiKey: '${fake('pk_', 'live_', '51HcT8kLmNoPqRsTuVwXyZ012345')}' };` },
  // 9. Placeholder conventions.
  { name: 'double underscores', file: 'src/c.ts', code: "const o = { password: '__DB_PASSWORD__' };" },
  { name: 'Azure DevOps token', file: 'src/c.ts', code: "const o = { password: '#{DbPassword}#' };" },
  { name: 'at-at token', file: 'src/c.ts', code: "const o = { password: '@@DB_PASSWORD@@' };" },
  { name: 'Vault reference', file: 'src/c.ts', code: "const o = { password: 'vault:secret/data/db#password' };" },
  { name: 'Google Secret Manager reference', file: 'src/c.ts', code: "const o = { password: 'projects/acme/secrets/db-password/versions/latest' };" },
  { name: 'env: reference', file: 'src/c.ts', code: "const o = { clientSecret: 'env:CLIENT_SECRET' };" },
  { name: '{env:} reference', file: 'src/c.ts', code: "const o = { password: '{env:DB_PASSWORD}' };" },
  // 11. A phrase under a name that is not a sink stays a sentence.
  { name: 'phrase under a plain name', file: 'src/c.ts', code: "const o = { secret: 'keyboard cat' };" },
];

new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  valid: valid.map((c) => ({ name: `audit: ${c.name}`, code: c.code, filename: `/ws/${c.file}` })),
  invalid: invalid.map((c) => ({
    name: `audit: ${c.name}`,
    code: c.code,
    filename: `/ws/${c.file}`,
    errors: [{ messageId: c.messageId, text: c.secret }],
    output: AUDIT_OUTPUTS[c.name],
  })),
});

test('every audit case states its output', () => {
  assert.deepEqual(invalid.map((c) => c.name).filter((name) => !(name in AUDIT_OUTPUTS)), []);
});

describe('config/hardcoded-secret audit: names', () => {
  test('SCREAMING_SNAKE verbs qualify; camelCase verbs and flags describe', () => {
    for (const n of ['REFRESH_TOKEN', 'VERIFY_TOKEN', 'READ_ONLY_TOKEN', 'NO_REPLY_PASSWORD', 'GET_ADDRESS_API_KEY', 'refreshToken', 'refresh_token', 'SIGN_IN_PASSWORD']) {
      assert.equal(isSensitiveName(n), true, n);
    }
    for (const n of ['showPassword', 'isTokenValid', 'forgotPassword', 'getToken', 'IS_TOKEN_VALID', 'existingSecret']) assert.equal(isSensitiveName(n), false, n);
  });
  test('durations and descriptive last words', () => {
    for (const n of ['ACCESS_TOKEN_EXPIRES_IN', 'TOKEN_EXPIRE_MINUTES', 'access_token_expires_in', 'token_expiry_seconds', 'secret_rotation_interval',
      'accessTokenExpiresIn', 'tokenRefreshThreshold', 'SECRET_MANAGER_PROJECT', 'SECRETS_BACKEND', 'PASSWORD_HASHER', 'secretArn']) {
      assert.equal(isSensitiveName(n), false, n);
    }
  });
});

/** Other file kinds: the path, the text, and what the findings must cover, in order. */
const files: Array<{ name: string; file: string; text: string; expected: string[] }> = [
  // 2. Key compounds outside JavaScript.
  { name: 'ENCRYPTION_KEY in a committed .env', file: '.env', text: `ENCRYPTION_KEY=${PW}\n`, expected: [PW] },
  { name: 'SIGNING_KEY in compose (random-looking: compose files report what looks real)', file: 'docker-compose.yml', text: `services:\n  api:\n    environment:\n      SIGNING_KEY: ${RANDOM}\n`, expected: [RANDOM] },
  { name: 'Dockerfile ENV MASTER_KEY', file: 'Dockerfile', text: `FROM node:20\nENV MASTER_KEY=${PW}\n`, expected: [PW] },
  { name: 'sessionKey in JSON', file: 'config/app.json', text: `{"sessionKey": "${PW}"}`, expected: [PW] },
  // 3. Kubernetes and ECS `{ name, value }` entries.
  { name: 'Kubernetes env, flow style', file: 'k8s/deploy.yaml', text: `env: [ { name: DB_PASSWORD, value: "${PW}" } ]\n`, expected: [PW] },
  { name: 'Kubernetes env, block style', file: 'k8s/deploy.yaml', text: `env:\n  - name: DB_PASSWORD\n    value: ${PW}\n  - name: LOG_LEVEL\n    value: debug-9f8e7d\n`, expected: [PW] },
  { name: 'ECS environment', file: 'ecs/task.json', text: `{"environment": [{ "name": "DB_PASSWORD", "value": "${PW}" }, { "name": "PORT", "value": "8080" }]}`, expected: [PW] },
  // 5. Durations under token names.
  { name: 'durations in .env', file: '.env', text: 'ACCESS_TOKEN_EXPIRES_IN=3600\nTOKEN_EXPIRE_MINUTES=1440\n', expected: [] },
  { name: 'durations in YAML', file: 'config/auth.yml', text: 'access_token_expires_in: 3600\ntoken_expiry_seconds: 86400\nsecret_rotation_interval: 2592000\n', expected: [] },
  // 6. References and translations.
  { name: 'workflow secrets: inherit', file: '.github/workflows/ci.yml', text: 'jobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n', expected: [] },
  { name: 'Helm existingSecret', file: 'charts/api/values.yaml', text: 'postgresql:\n  auth:\n    existingSecret: api-db\n', expected: [] },
  { name: 'CloudFormation !Ref', file: 'infra/stack.yaml', text: 'Resources:\n  Db:\n    Properties:\n      MasterUserPassword: !Ref DBPassword\n', expected: [] },
  { name: 'CloudFormation !GetAtt', file: 'infra/stack.yaml', text: 'Properties:\n  AuthToken: !GetAtt TokenSecret.Value\n', expected: [] },
  { name: 'CloudFormation literal still counts', file: 'infra/stack.yaml', text: `Properties:\n  MasterUserPassword: ${PW}\n`, expected: [PW] },
  { name: 'locales/de.json', file: 'locales/de.json', text: '{"password": "Passwort", "token": "Zugangs-Token1"}', expected: [] },
  { name: 'i18n/es.json', file: 'src/i18n/es.json', text: '{"login": {"password": "Contraseña"}}', expected: [] },
  { name: 'public/language/es/register.json (NodeBB)', file: 'public/language/es/register.json', text: '{"password": "Contraseña1"}', expected: [] },
  { name: 'fr.yml', file: 'config/fr.yml', text: 'token: Jeton\n', expected: [] },
  { name: 'messages.fr.json', file: 'src/messages.fr.json', text: '{"password": "MotDePasse1"}', expected: [] },
  { name: 'en-US.yml', file: 'config/en-US.yml', text: 'password: Password123\n', expected: [] },
  { name: 'db.json is not a language', file: 'db.json', text: `{"password": "${PW}"}`, expected: [PW] },
  // 7. Values encrypted to be committed.
  { name: 'dotenvx encrypted value', file: '.env', text: 'DB_PASSWORD="encrypted:BDqDBibm4wsYqMpCjTQ6BsDHmMadg9K3dAt+Z9HPMfLEIRVz50hmLXPXRuDBXaJi"\n', expected: [] },
  { name: 'SOPS value', file: 'secrets.enc.yaml', text: 'password: ENC[AES256_GCM,data:Tr0ub4dor,iv:abc=,tag:def=,type:str]\n', expected: [] },
  { name: 'SealedSecret encryptedData', file: 'k8s/sealed.yaml', text: 'kind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq\n', expected: [] },
  // 8. Descriptive last words.
  { name: 'secret manager settings in .env', file: '.env', text: 'SECRET_MANAGER_PROJECT=acme-prod\nSECRETS_BACKEND=vault\nPASSWORD_HASHER=argon2id\n', expected: [] },
  // 10. Shell.
  { name: 'psql --password --host', file: 'scripts/db.sh', text: 'psql --password --host db.internal -U app\n', expected: [] },
  { name: 'curl Authorization header', file: 'scripts/call.sh', text: 'curl -H "Authorization: Bearer kq83hd72jsd9sk2m" https://api.acme.io\n', expected: ['kq83hd72jsd9sk2m'] },
  { name: 'curl -u user:password', file: 'scripts/call.sh', text: `curl -u admin:${PW} https://api.acme.io\n`, expected: [PW] },
  { name: 'mysql -pPASSWORD', file: 'scripts/db.sh', text: `mysql -uroot -p${PW} shop < dump.sql\n`, expected: [PW] },
  { name: 'shell commands without a literal password', file: 'scripts/ok.sh',
    text: 'curl -u "$USER:$PASS" https://api.acme.io\nmysql -p shop\ndocker run -u 1000:1000 img\nmysql -p"$MYSQL_PASSWORD" shop\n', expected: [] },
  // 12. Dockerfile continuation lines.
  { name: 'Dockerfile ENV continuation', file: 'Dockerfile', text: `FROM node:20\nENV NODE_ENV=production \\\n    DB_PASSWORD=${PW}\nRUN npm ci\n`, expected: [PW] },
  { name: 'Dockerfile ENV continuation, backslash glued to a value', file: 'Dockerfile', text: `FROM node:20\nENV API_TOKEN=kq83hd72jsd9sk\\\n    DB_PASSWORD=${PW}\n`, expected: ['kq83hd72jsd9sk', PW] },
];

describe('config/hardcoded-secret audit: configuration files and scripts', () => {
  for (const c of files) {
    test(c.name, () => {
      const found = secrets(c.file, c.text);
      assert.deepEqual(found.map((f) => covered(c.text, f)), c.expected);
      for (const f of found) assert.ok(!f.message.includes(covered(c.text, f)), 'message must not hold the secret');
    });
  }
});

describe('config/hardcoded-secret audit: the pre-parse gate', () => {
  test('typed declarations pass', () => {
    for (const code of [`export const dbPassword: string = '${PW}';`, `private readonly apiKey: string = '${PW}'`, `CLIENT_SECRET: string = "${PW}"`]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
  test('names isSensitiveName rejects do not pass', () => {
    for (const code of ['x = { tokenType: "Bearer" };', 'const credentialName = "EnvironmentCredential";', 'const TOKEN_CACHE_NAME = "msal.cache";',
      'const H = { AUTHORIZATION: "authorization" };', "headers['Authorization'] = `Bearer ${token}`;"]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
  });
  test('every name isSensitiveName accepts passes, in every position', () => {
    const names = ['REFRESH_TOKEN', 'refreshToken', 'VERIFY_TOKEN', 'secretOrKey', 'encryption_key', 'sessionKey', 'webhookSecret', 'db.password', 'x-api-key', 'SIGN_IN_PASSWORD'];
    for (const name of names) {
      assert.equal(isSensitiveName(name), true, name);
      const forms = /^\w+$/.test(name)
        ? [`const ${name} = 'v';`, `o = { ${name}: 'v' };`, `class A { ${name}: string = 'v'; }`, `a.${name} = 'v';`, `f(${name} = 'v') {}`]
        : [`o = { '${name}': 'v' };`, `h['${name}'] = 'v';`];
      for (const code of forms.map((f) => f.replace("'v'", `'${PW}'`))) assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
  test('a value no finding could come from does not pass: tables of codes and labels are not parsed', () => {
    for (const code of ['const accessToken = "";', 'x = { tokenType: "Bearer", token: "" };', 'const TOKEN_MISSING = "continuation_token_missing";',
      'const AcquireTokenSilent = "acquireTokenSilent";', 'const ACQUIRE_TOKEN_START = "msal:acquireTokenStart";', 'const clientSecret = "<client-secret>";',
      'EVENT_TEST_PASS: "pass",', 'const passwordHint = "Use at least 12 characters";']) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
  });
  // The tree judges by name only a string literal (`secretsOf`): a template with substitutions is none, and the literals
  // inside its substitutions are judged by their own places, which their own matches let in (msal's bundles, 1 MB).
  test('a template with substitutions under a secret\'s name does not pass; a literal inside one passes by its own place', () => {
    for (const code of ['const token = `tok-${suffix}`;', 'x = { credential: `${clientInfo.uid}.${clientInfo.utid}` };', 'const authorization = `Bearer abcdefgh${token}`;',
      'const password: string = `${prefix}-${PW}`;']) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
    for (const code of [`const token = \`\${process.env.API_TOKEN || '${RANDOM}'}\`;`, `const token = \`\${password = '${PW}'}\`;`, `const token = \`tok-\\\${x}\`;`]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
  // `sign` and `verify` are sinks only as jsonwebtoken's (sinks.ts): node-forge's `key.sign(md, 'RSASSA-PKCS1-V1_5')`
  // in secretlint's bundles (870 KB) is not parsed for them.
  test('a literal given to sign or verify passes only in a file that names jwt, jsonwebtoken or jose', () => {
    for (const code of ["signer.signature = signer.key.sign(signer.md, 'RSASSA-PKCS1-V1_5');", "if (!cert.publicKey.verify(verify, msg.signature, 'NONE')) throw e;"]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
    for (const code of ["import jwt from 'jsonwebtoken';\njwt.sign(payload, 'kq83hd72jsd9sk');", "const { sign } = require('jsonwebtoken');\nsign(payload, 'kq83hd72jsd9sk');",
      "import * as jose from 'jose';\nx.verify(token, 'kq83hd72jsd9sk');", "this.JWT.sign(payload, 'kq83hd72jsd9sk');"]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
  test('what only the tree can judge still passes: escapes, substitutions, concatenation, an unclosed quote, a phrase', () => {
    for (const code of [`const password = 'a\\'b${PW}';`, "const password = 'hunt' + 'er2!x';", "const password = 'unterminated",
      "app.use(session({ secret: 'keyboard cat' }));", `const dbPassword = '${PW}';`]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
});

// The held-out audit set (audit/README.md, "Held-out set"): false positives and a miss on apps the rules were
// not tuned on. Made-up values throughout.
const HEX64 = 'ab'.repeat(32);
const jwtSegment = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
const jwtWith = (claims: object) => [jwtSegment({ alg: 'HS256', typ: 'JWT' }), jwtSegment(claims), fake('Qm9n', 'dXNTaWduYXR1cmVGb3JUZXN0c09ubHkx')].join('.');
const EXPIRED_JWT = jwtWith({ userId: 'u1', iat: 1644832762, exp: 1645437562 });
const LIVE_JWT = jwtWith({ userId: 'u1', iat: 1644832762, exp: 32503680000 });

describe('config/hardcoded-secret: the pre-parse gate of defaults (`||`, `??`)', () => {
  test('a default no name makes a secret does not pass: the library files whose only match it is are not parsed', () => {
    for (const code of ['const t = options.tokenType ?? "";', 'const s = opts.secret || "";', "const debug = process.env.NODE_DEBUG || '';",
      "const dir = process.env.CACHE_DIR || './cache';", 'const k = $keyword || "x";', "const mode = process.env.APP_SECRET || 'dev';",
      "const url = process.env.API_TOKEN ?? 'https://example.com/token';"]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
  });
  test('a default the tree may judge a secret still passes, and is reported', () => {
    const cases = [
      `const secret = opts.secret || '${PW}';`,
      `const key = process.env.JWT_SECRET ?? 'keyboard cat';`,
      `const s = process.env.SESSION_SECRET || '${RANDOM}';`,
      // An expression that goes on after the literal: another default on the line or the next, a concatenation.
      `const s = process.env.A || '' || '${RANDOM}';`,
      `const s = process.env.SESSION_SECRET || ''\n  || '${RANDOM}';`,
      `const s = opts.token || '' + '${RANDOM}';`,
    ];
    for (const code of cases) assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    for (const code of cases.slice(0, 5)) assert.ok(secrets('src/config.js', code).length > 0, code);
  });
  test('a default of a name isSensitiveName rejects does not pass, whatever the value and the rest of the line', () => {
    // The tree judges such a literal as the default of the name before the operator (`defaulted`): never a secret.
    for (const code of ['const k = options.nodeTypeKey || "type";', "return node[typeKey ?? 'type'];",
      "out += ' { keyword: ' + ($errorKeyword || '_limit') + ' , dataPath: (dataPath || \\'\\') + ';",
      'const header = `${tokenType ?? "Bearer"} ${token}`;', `const t = options.tokenType ?? '${RANDOM}';`]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
      assert.deepEqual(secrets('src/lib.js', code), [], code);
    }
  });
  test('a default ended by a bracket is judged by its value, whatever follows on the line', () => {
    for (const code of ["const h = (opts.token || '') + ' ' + suffix;", "f(opts.secret ?? 'dev', 'x');"]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), false, code);
    }
    const code = `const h = (opts.token || '${RANDOM}') + ' ' + suffix;`;
    assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    assert.deepEqual(secrets('src/config.js', code).map((f) => covered(code, f)), [RANDOM]);
  });
  test('a name that says nothing secret after an environment read in the same chain still passes, and is reported', () => {
    // envFallbackOf reads the chain back to \`process.env.SESSION_SECRET\`, across lines.
    const code = `const s = process.env.SESSION_SECRET ||\n  opts.tokenType ||\n  '${RANDOM}';`;
    assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    assert.deepEqual(secrets('src/config.js', code).map((f) => covered(code, f)), [RANDOM]);
  });
  test('an environment read choosing between literals still passes', () => {
    for (const code of [`const s = process.env.PROD ? '' : '${RANDOM}';`, `const s = process.env.PROD ? '${RANDOM}' : '';`]) {
      assert.equal(JS_CONTEXT_CANDIDATE.test(code), true, code);
    }
  });
});

describe('config/hardcoded-secret held-out audit', () => {
  const valid: Array<[string, string, string]> = [
    ['a Redux action type ending in its own name (yapi)', 'client/reducer/project.js', "const GET_TOKEN = 'yapi/project/GET_TOKEN';\n"],
    ['an event name ending in its own name (fxa)', 'lib/push.js', "const EVENTS = { PASSWORD_CHANGED: 'fxaccounts:password_changed' };\n"],
    ['a template named by the key\'s words (fxa)', 'lib/senders/email.js', "const templates = { 'passwordChangedEmail': 'password-change' };\n"],
    ['a shipped default the operator replaces (mirotalk)', 'app/api/token/token.js', "const API_KEY_SECRET = 'mirotalkp2p_default_secret';\n"],
    ['the fallback of a variable the bundler makes public (linkwarden)', 'store/auth.ts',
      `const id = process.env.EXPO_PUBLIC_GOOGLE_WEB_CLIENT_ID || '${RANDOM}-${RANDOM}.apps.googleusercontent.com';\n`],
  ];
  for (const [name, file, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(secrets(file, code).map((f) => f.message), []));

  const invalid: Array<[string, string, string, string]> = [
    ['a namespaced constant whose last part is a value', 'src/c.js', "const UPDATE_TOKEN = 'svc/kq83hd72jsd9sk';\n", 'svc/kq83hd72jsd9sk'],
    ['a fallback phrase the app signs with (mirotalk\'s shape, made-up words; decision 5)', 'app/src/mattermost.js', "const t = new TokenService(config.token || 'fallback-phrase-for-signing-99');\n", 'fallback-phrase-for-signing-99'],
    ['a random fallback of a variable that is not public', 'src/auth.ts', `const s = process.env.GOOGLE_CLIENT_SECRET || '${RANDOM}';\n`, RANDOM],
    ['a VITE_ variable does not say it is public', 'src/api.ts', `const k = import.meta.env.VITE_MAPS_CLIENT_ID ?? '${RANDOM}';\n`, RANDOM],
  ];
  for (const [name, file, code, secret] of invalid) {
    test(`invalid: ${name}`, () => assert.deepEqual(secrets(file, code).map((f) => covered(code, f)), [secret]));
  }

  const files: Array<[string, string, string, string[]]> = [
    ['.env.template phrases with a product name (mirotalk)', '.env.template', "SESSION_SECRET='mirotalk-p2p-oidc-secret'\nAPI_KEY_SECRET=mirotalkp2p_default_secret\n", []],
    ['a short password in config_example.json (yapi) is a sample', 'config_example.json', '{"db": {"user": "yapi", "pass": "ymfe9"}}', []],
    ['the same in config.json counts', 'config.json', '{"db": {"user": "yapi", "pass": "ymfe9"}}', ['ymfe9']],
    ['email_template.js is no example', 'src/email_template.js', "const mail = { password: 'hunter2!' };\n", ['hunter2!']],
    ['a random key in .env.example still counts (decision 3)', '.env.example', `JWT_SECRET=${RANDOM}\n`, [RANDOM]],
    ['hashes of client secrets (fxa dev config)', 'config/dev.json', `{"clients": [{"id": "dcdb5ae7add825d2", "hashedSecret": "${HEX64}", "hashedSecretPrevious": "${HEX64}"}]}`, []],
    ['a client secret itself counts', 'config/dev.json', `{"clients": [{"clientSecret": "${HEX64}"}]}`, [HEX64]],
  ];
  for (const [name, file, text, expected] of files) test(name, () => assert.deepEqual(secrets(file, text).map((f) => covered(text, f)), expected));

  test('an expired JWT is information, a live one an error (nestjs-prisma-starter: a sample GraphQL query)', () => {
    const text = (token: string) => `mutation RefreshToken {\n  refreshToken(token: "${token}") { accessToken }\n}\n`;
    assert.deepEqual(secrets('graphql/auth.graphql', text(EXPIRED_JWT)).map((f) => f.severity), ['info']);
    assert.deepEqual(secrets('graphql/auth.graphql', text(LIVE_JWT)).map((f) => f.severity), ['error']);
  });
});

// mirotalk: a config template the Dockerfile copies to config.js is the config that runs, so its fallbacks
// count as in code (decision 5); a template nothing copies stays an example, where only random values count.
const TEMPLATE = "module.exports = {\n  session: { secret: process.env.SESSION_SECRET || 'superSecret' },\n};\n";
new RuleTester({ filename: '/ws/app/src/config.template.js' }).run(rule, {
  valid: [{ name: 'a config template nothing copies into place', code: TEMPLATE, files: { '/ws/package.json': '{"name":"app"}' } }],
  invalid: [
    {
      name: 'a config template the Dockerfile copies into place',
      code: TEMPLATE,
      files: { '/ws/package.json': '{"name":"app"}', '/ws/Dockerfile': 'FROM node:22\nCOPY ./app/src/config.template.js ./app/src/config.js\n' },
      errors: [['fallback', 2, 'superSecret']],
      output: "module.exports = {\n  session: { secret: process.env.SESSION_SECRET },\n};\n",
    },
    {
      name: 'a config template a package script copies into place',
      code: TEMPLATE,
      files: { '/ws/package.json': JSON.stringify({ name: 'app', scripts: { prestart: 'test -f app/src/config.js || cp app/src/config.template.js app/src/config.js' } }) },
      errors: [['fallback', 2, 'superSecret']],
      output: "module.exports = {\n  session: { secret: process.env.SESSION_SECRET },\n};\n",
    },
  ],
});
