import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake, secrets } from '../../helpers';
import { RuleTester } from '../ruleTester';

// Each false positive and miss of the audit of 46 real applications (issue 10), as the smallest code that
// shows it. The values are made up; the shapes are the applications'.
// Not reported at error or warning (information may remain: a sample the user may still want to see).
const QUIET: Array<[string, string, string]> = [
  ['CI service container', '.github/workflows/ci.yml', 'services:\n  db:\n    image: postgres\n    env:\n      POSTGRES_PASSWORD: freefeed\n'],
  ['CI test value', '.github/workflows/ci.yml', 'env:\n  SECRET_KEY: F0E5AD933D7F6FD8F4DBB3E038C501C052DC0593C686D21ACB30AE205D2F634B\n'],
  ['CI env file under .github/ (held-out 13, standardnotes)', '.github/ci.env', 'AUTH_JWT_SECRET=f0e5ad933d7f6fd8f4dbb3e038c501c052dc0593c686d21acb30ae205d2f634b\n'],
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
  ['blockchain address, abbreviated (held-out 13, bitcore)', 'src/providers/svm/csp.ts', "const TOKEN_2022_ADDR = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';"],
  ['OpenAPI components fragment in docs/', 'src/docs/components.yml', `components:\n  examples:\n    token: ${fake('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJzdWIiOiI1ZWJhYzUzNDk1NGI1NDEzOTgwNmMxMTIifQ', '.Kx8vN2pL4rT7wY1kD9fQ3mZ6hJ0sB5cA8eG2iU4oW7y')}\n`],
  ['documentation connection string in a compose comment', 'docker-compose.yml', 'services:\n  app:\n    environment:\n      # - MONGO_CONNECTION=mongodb://sally:sallypass@ds099999.mongolab.com:99999/nightscout\n      - NODE_ENV=production\n'],
  // Audit (CTFd, flask-realworld, ms-identity-python-webapp): a Vagrant VM is the developer's machine, like a
  // compose file; an identity provider's user-flow name holds the word password but is no secret.
  ['Vagrant VM database', 'Vagrantfile', '$s = <<SCRIPT\nmysql -e "CREATE USER \'app\'@\'localhost\' IDENTIFIED BY \'appdb1\'"\nexport DATABASE_URL="mysql://app:appdb1@localhost/app"\nSCRIPT\n'],
  ['Vagrant provisioning script', 'vagrant/provision.sh', 'sudo -u postgres psql -c "create role vagrant with login password \'vagrant\'"\n'],
  ['user-flow name in an example file', '.env.sample.b2c', 'RESETPASSWORD_USER_FLOW=B2C_1_Password_Reset_Policy\n'],
  ['documentation connection string in a README', 'README.md', 'Set `MONGO_CONNECTION=mongodb://sally:sallypass@ds099999.mongolab.com:99999/nightscout`.\n'],
];
test('reported: a token of the same shape under a token name that is no address', () => {
  assert.deepEqual(secrets('src/providers/svm/csp.ts', "const TOKEN_2022 = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';").map((f) => f.severity), ['error']);
});
test('reported: the same generated secret in an env file a deployment loads', () => {
  assert.deepEqual(secrets('deploy/app.env', 'AUTH_JWT_SECRET=f0e5ad933d7f6fd8f4dbb3e038c501c052dc0593c686d21acb30ae205d2f634b\n').map((f) => f.severity), ['error']);
});
for (const [name, file, code] of QUIET) {
  test(`not reported: ${name}`, () => {
    assert.deepEqual(secrets(file, code).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => [f.messageId, code.slice(f.start, f.end)]), []);
  });
}

const COMPOSE_ENV = 'POSTGRES_USER=shop\nPOSTGRES_PASSWORD=pgpass2020\n';
const composeEnv = (name: string, files: Record<string, string>) => ({ name: `env file of a compose set-up: ${name}`, filename: '/ws/postgres/postgres.env', code: COMPOSE_ENV, files });
const reported = (name: string, file: string, code: string, error: [string, number, string], output: string | null) => ({ name: `reported: ${name}`, filename: `/ws/${file}`, code, errors: [error], output });

new RuleTester({ filename: '/ws/src/app.ts', redacted: true }).run(rule, {
  // Audit (micro-flask): the file a compose file hands its bundled database with `env_file:` is part of the
  // compose set-up, judged like the compose file itself (only real-looking values count); the same file with
  // no compose file naming it is not.
  valid: [
    composeEnv('named by env_file (a list)', { '/ws/docker-compose.yml': 'services:\n  db:\n    image: postgres\n    env_file:\n      - ./postgres/postgres.env\n' }),
    composeEnv('named by env_file (a scalar)', { '/ws/compose.yaml': 'services:\n  db:\n    env_file: postgres/postgres.env\n' }),
    // Held-out 9 (teable): the Makefile starts the development stack with `docker compose --env-file`, through a
    // Make variable; package.json scripts name the file directly.
    composeEnv('handed to docker compose by a Makefile variable', { '/ws/Makefile': 'ENV_FILE := $(wildcard ./postgres/postgres.env)\nCOMPOSE_ARGS := --env-file $(ENV_FILE) -f dockers/db.yml\n\nup:\n\tdocker compose $(COMPOSE_ARGS) up -d\n' }),
    composeEnv('handed to docker run by a package script', { '/ws/package.json': '{ "scripts": { "db": "docker run --env-file=postgres/postgres.env postgres:16" } }' }),
  ],
  invalid: [
    reported('cookie-session secret fallback (a miss before)', 'app.ts', "app.use(cookieSession({ secret: process.env.COOKIE_SESSION_SECRET || 'seger handrail' }));",
      ['fallback', 1, 'seger handrail'], 'app.use(cookieSession({ secret: process.env.COOKIE_SESSION_SECRET }));'),
    reported('JWT secret fallback', 'src/app/routes/auth/auth.ts', "const secret = process.env.JWT_SECRET || 'superSecret';", ['fallback', 1, 'superSecret'], 'const secret = process.env.JWT_SECRET;'),
    reported('configuration of the test environment is configuration', 'config/env/test.js', "module.exports = { zapApiKey: 'v9dn0balpqas1pcc281tn5ood1' };",
      ['named', 1, 'v9dn0balpqas1pcc281tn5ood1'], 'module.exports = { zapApiKey: process.env.ZAP_API_KEY };'),
    reported('dashboard password in app config', 'src/config/index.ts', "export default { agendash: { user: 'agendash', password: '123456' } };",
      ['named', 1, '123456'], "export default { agendash: { user: 'agendash', password: process.env.AGENDASH_PASSWORD } };"),
    reported('cookie-parser secret', 'server.ts', "app.use(cookieParser('kekse'));", ['sink', 1, 'kekse'], 'app.use(cookieParser(process.env.COOKIE_SECRET));'),
    reported('the same database user made by a deploy script', 'scripts/setup.sh', 'mysql -e "CREATE USER \'app\'@\'%\' IDENTIFIED BY \'appdb1\'"\n', ['named', 1, 'appdb1'], null),
    { ...composeEnv('not named by a compose file', {}), errors: [['named', 2, 'pgpass2020']], output: null },
    // Node's own `--env-file` loads the app's configuration: the file is what the app runs with.
    { ...composeEnv('loaded by node --env-file', { '/ws/package.json': '{ "scripts": { "start": "node --env-file=postgres/postgres.env server.js" } }' }), errors: [['named', 2, 'pgpass2020']], output: null },
    { ...composeEnv('a compose file naming another env file', { '/ws/docker-compose.yml': 'services:\n  db:\n    env_file:\n      - ./other.env\n' }), errors: [['named', 2, 'pgpass2020']], output: null },
  ],
});
