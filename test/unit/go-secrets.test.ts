import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { GO_SECRET_SINKS } from '../../core/src/rules/config/hardcoded-secret-go';
import { fake } from './helpers';
import { fixGo, goFindings, goParses, loadGo } from './go-helpers';

const RULE = 'config/hardcoded-secret';
const secrets = (text: string, file = 'internal/config/config.go') => goFindings(RULE, file, text);
const pkg = (body: string, imports = '') => `package config\n\n${imports}${body}\n`;
const inFunc = (body: string, imports = 'import "os"\n\n') => pkg(`func Load() {\n\t${body}\n}`, imports);

before(loadGo);

describe('config/hardcoded-secret in Go', () => {
  const key = fake('hK8s9dJ2', 'mQ7xZ4pL');
  const password = fake('Sup3r', 'S3cret!');
  const invalid: Array<[string, string, string]> = [
    ['a const', pkg(`const apiToken = "${key}"`), 'named'],
    ['a typed const', pkg(`const dbPassword string = "${password}"`), 'named'],
    ['a const in a block', pkg(`const (\n\tname = "app"\n\tapiSecret = "${key}"\n)`), 'named'],
    ['a package var', pkg(`var jwtSecret = "${key}"`), 'named'],
    ['a short var declaration', inFunc(`password := "${password}"\n\t_ = password`), 'named'],
    ['an assignment to a field', inFunc(`cfg.Password = "${password}"`), 'named'],
    ['a struct literal field', pkg(`var cfg = Config{Host: "db", Password: "${password}"}`), 'named'],
    ['a map literal key', pkg(`var creds = map[string]string{"api_key": "${key}"}`), 'named'],
    ['an os.Getenv fallback', inFunc(`secret := os.Getenv("JWT_SECRET")\n\tif secret == "" {\n\t\tsecret = "${password}"\n\t}\n\t_ = secret`), 'fallback'],
    ['an os.Getenv fallback, comparison reversed', inFunc(`token := os.Getenv("API_TOKEN")\n\tif "" == token {\n\t\ttoken = "${key}"\n\t}\n\t_ = token`), 'fallback'],
    ['a connection string with a password', pkg(`var dsn = "postgres://app:${password}@db.internal:5432/app"`), 'provider'],
    ['an APIKey of another struct than Bugsnag\'s', pkg(`var cfg = mailer.Config{APIKey: "${key}"}`, 'import "example.com/mailer"\n\n'), 'named'],
  ];
  for (const [name, code, messageId] of invalid) {
    test(`reports ${name}`, () => {
      const found = secrets(code);
      assert.deepEqual(found.map((f) => f.messageId), [messageId], JSON.stringify(found.map((f) => f.message)));
      assert.ok(!found[0].message.includes(key) && !found[0].message.includes(password), 'the message holds the secret');
    });
  }

  for (const sink of GO_SECRET_SINKS) {
    const imports = 'import (\n\t"crypto/hmac"\n\t"os"\n\t"github.com/gin-contrib/sessions/cookie"\n\t"github.com/gorilla/sessions"\n)\n\n';
    test(`sink ${sink.name}: true example reported`, () => assert.deepEqual(secrets(inFunc(`_ = ${sink.tp}`, imports)).map((f) => f.messageId), ['sink']));
    test(`sink ${sink.name}: false example clean`, () => assert.deepEqual(secrets(inFunc(`_ = ${sink.fp}`, imports)), []));
  }

  // A key bound to a name in the file and then handed to a sink is the sink's, phrase or not (the Go audit's
  // RealWorld app signs its JWTs with a const phrase).
  const phrase = fake('A Str1ng Very', 'Str0ng!!@#');
  const jwtImports = 'import "github.com/golang-jwt/jwt/v5"\n\n';
  const signWith = (decl: string) => pkg(`${decl}\n\nfunc Sign(t *jwt.Token) (string, error) {\n\treturn t.SignedString([]byte(signKey))\n}`, jwtImports);

  test('a const passed to a sink by name is reported at its literal, as the sink', () => {
    const found = secrets(signWith(`const signKey = "${phrase}"`));
    assert.deepEqual(found.map((f) => f.messageId), ['sink']);
    assert.equal(found[0].range.start.line, 4);
    assert.ok(!found[0].message.includes(phrase));
  });

  test('the fix of a sink key bound to a lone const rewrites the const to a var reading the environment', () => {
    const out = fixGo(RULE, '/ws/config.go', signWith(`const signKey = "${phrase}"`));
    assert.match(out.source, /var signKey = os\.Getenv\("SIGN_KEY"\)/);
    assert.match(out.env ?? '', /^SIGN_KEY=.+\n$/);
    assert.ok(goParses(out.source));
  });

  const valid: Array<[string, string]> = [
    ['an address default', 'package main\n\nimport "os"\n\nfunc bus() string {\n\tv := os.Getenv("DBUS_SESSION_BUS_ADDRESS")\n\tif v == "" {\n\t\tv = "unix:path=/run/user/1000/bus"\n\t}\n\treturn v\n}\n'],
    ['a phrase under a secret name that no sink receives', pkg(`const signKey = "${phrase}"`)],
    ['a name bound twice before it reaches a sink (either value could be the key)', signWith(`var signKey = "${phrase}"\n\nfunc init() { signKey = "other value here" }`)],
    ['a key derivation info label', pkg('const SessionKeyDeriveInfo = "COOKIE-SESSION;SIGNED:HMAC-SHA256;ENCRYPTED:AES-256-CTR"')],
    ["echo's CSRF TokenLookup option", pkg('var cfg = middleware.CSRFConfig{TokenLookup: "form:_csrf,header:X-CSRF-Token"}')],
    ['the alphabet tokens are drawn from', pkg('var tokenCharacters = []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")')],
    ['an env read', inFunc('password := os.Getenv("DB_PASSWORD")\n\t_ = password')],
    ['a placeholder', pkg('const apiToken = "changeme"')],
    ['an empty password', pkg('var cfg = Config{Password: ""}')],
    ['a label under a password name', pkg('const passwordLabel = "Password"')],
    ['a non-secret fallback', inFunc('port := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\t_ = port')],
    ['an env-var name', pkg('const tokenEnv = "API_TOKEN"')],
    ['a reference', pkg('var cfg = Config{Password: settings.Password}')],
    ['a connection string without a password', pkg('var dsn = "postgres://app@localhost:5432/app"')],
    // Bugsnag's notifier key is public by design (audit: wiki's dev/installer/main.go).
    ['a Bugsnag notifier key', inFunc(`bugsnag.Configure(bugsnag.Configuration{\n\t\tAPIKey: "${key}",\n\t\tReleaseStage: "dev",\n\t})`, 'import "github.com/bugsnag/bugsnag-go"\n\n')],
    ['a Bugsnag v2 notifier key', inFunc(`bugsnag.Configure(bugsnag.Configuration{APIKey: "${key}"})`, 'import "github.com/bugsnag/bugsnag-go/v2"\n\n')],
  ];
  for (const [name, code] of valid) {
    test(`does not report ${name}`, () => assert.deepEqual(secrets(code).map((f) => f.message), []));
  }

  test('test code follows the test-file policy: an error in code, never in _test.go or testdata/', () => {
    const code = pkg(`var dbPassword = "${password}"`);
    // A configuration package: a word found by its name alone elsewhere is information (second signal).
    assert.equal(secrets(code, 'internal/config/db.go')[0]?.severity, 'error');
    assert.equal(secrets(code, 'internal/db/db.go')[0]?.severity, 'info');
    assert.ok(secrets(code, 'internal/config/db_test.go').every((f) => f.severity !== 'error'));
    assert.ok(secrets(code, 'internal/config/testdata/config.go').every((f) => f.severity !== 'error'));
  });

  test('the fix reads os.Getenv, imports os into the block once (gofmt order), and appends to .env', () => {
    const code = `package config\n\nimport (\n\t"fmt"\n)\n\nvar apiToken = "${key}"\nvar cfg = Config{Password: "${password}"}\n\nfunc f() { fmt.Println() }\n`;
    const out = fixGo(RULE, '/ws/config.go', code);
    assert.equal(out.source, 'package config\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nvar apiToken = os.Getenv("API_TOKEN")\nvar cfg = Config{Password: os.Getenv("PASSWORD")}\n\nfunc f() { fmt.Println() }\n');
    assert.match(out.env ?? '', /^API_TOKEN=.+\nPASSWORD=.+\n$/);
    assert.ok(goParses(out.source));
  });

  test('the fix of a lone const rewrites it to a var (os.Getenv is no constant); a file without imports gets one', () => {
    const out = fixGo(RULE, '/ws/config.go', `package config\n\nconst dbPassword string = "${password}"\n`);
    assert.equal(out.source, 'package config\n\nimport (\n\t"os"\n)\n\nvar dbPassword string = os.Getenv("DB_PASSWORD")\n');
    assert.ok(goParses(out.source));
  });

  test('a const inside a block gets no fix (the block may hold iota constants)', () => {
    const out = fixGo(RULE, '/ws/config.go', pkg(`const (\n\tapiSecret = "${key}"\n)`));
    assert.match(out.source, /const \(/);
    assert.equal(out.env, undefined);
  });

  test('the fix of an os.Getenv fallback stops the program when the variable is unset, keeping its name', () => {
    const code = inFunc(`secret := os.Getenv("JWT_SECRET")\n\tif secret == "" {\n\t\tsecret = "${password}"\n\t}\n\t_ = secret`);
    const out = fixGo(RULE, '/ws/config.go', code, { env: 'OTHER=1\n' });
    assert.match(out.source, /if secret == "" \{\n\t\tpanic\("JWT_SECRET is not set"\)\n\t\}/);
    assert.match(out.env ?? '', /^OTHER=1\nJWT_SECRET=.+\n$/);
    assert.ok(goParses(out.source));
  });

  test('the fix of a connection string moves the whole URL', () => {
    const code = `package db\n\nimport "database/sql"\n\nfunc Open() {\n\tdsn := "postgres://app:${password}@db.internal:5432/app"\n\tsql.Open("postgres", dsn)\n}\n`;
    const out = fixGo(RULE, '/ws/db.go', code);
    assert.match(out.source, /import \(\n\t"database\/sql"\n\t"os"\n\)/);
    assert.match(out.source, /dsn := os\.Getenv\("DATABASE_URL"\)/);
    assert.ok(goParses(out.source));
  });
});

// Held-out 12 (flipt): Go expands no `${name:default}`; `${secret:…}` in a regexp or a comment is the program's
// own reference syntax, while a template for another tool names an environment variable.
describe('`${NAME:default}` in Go source', () => {
  const random = fake('q8Zr2Lw9', 'Xv4Tn7Kp');
  test('a reference pattern and a comment naming `${secret:…}` are not secrets', () => {
    assert.deepEqual(secrets(pkg('var secretReference = regexp.MustCompile(`^\\${secret:([a-zA-Z0-9_:/-]+)}$`)\n\n// Extract the reference: ${secret:reference} -> reference\nvar x = 1', 'import "regexp"\n\n')), []);
  });
  test('a compose template with an environment variable\'s random default is still reported', () => {
    assert.deepEqual(secrets(pkg(`const composeEnv = "DB_PASSWORD=\${DB_PASSWORD:-${random}}"`)).map((f) => f.messageId), ['fallback']);
  });
});

