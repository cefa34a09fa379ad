import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { shownKey } from '../../core/src/env/display';
import { envFacts, envFactsFromText, findEnvReads } from '../../core/src/env/reads';
import { schemaFromExample } from '../../core/src/env/schema';
import { mapHost } from '../../core/src/host';
import { rule as undeclaredUsage } from '../../core/src/rules/env/undeclared-usage';
import type { Finding } from '../../core/src/types';

// env/undeclared-usage (code reads what nothing declares), and the reads it is built on. (env/unused-declaration,
// declared and never read: test/unit/rules/env/unused-declaration.test.ts.)

const sf = (code: string) => ts.createSourceFile('/p/src/a.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
const names = (code: string) => findEnvReads(sf(code)).reads.map((r) => r.name);

describe('reads in code', () => {
  const cases: Array<[string, string, string[]]> = [
    ['property', 'const a = process.env.API_URL;', ['API_URL']],
    ['element', "const a = process.env['API_URL'] ?? process.env[\"B\"];", ['API_URL', 'B']],
    ['destructuring, renamed and defaulted', "const { A, B: b, C = 'x', 'D-E': d, ...rest } = process.env;", ['A', 'B', 'C', 'D-E']],
    ['import.meta.env', 'const u = import.meta.env.VITE_API_URL;', ['VITE_API_URL']],
    ['Bun.env', 'const u = Bun.env.TOKEN;', ['TOKEN']],
    ['alias', 'const env = process.env;\nconst p = env.PORT;', ['PORT']],
    ['alias from process', 'const { env } = process;\nconst p = env.PORT;', ['PORT']],
    ['imported env', "import { env } from 'node:process';\nconst p = env.PORT;", ['PORT']],
    ['nested destructuring of process', 'const { env: { HOST } } = process;', ['HOST']],
    ['parenthesised and asserted', 'const a = (process.env as any).X;', ['X']],
    ['not env: other objects', 'const a = config.env.X; const b = proc.env.Y;', []],
    ['not a variable: a method of the env object', "if (process.env.hasOwnProperty('X')) start();", []],
    ['element access through a string constant of the file', "const NAME = 'DB_URL';\nconst a = process.env[NAME];", ['DB_URL']],
    ['a parameter defaulting to the env object', 'function load(env = process.env) { return env.PORT; }', ['PORT']],
  ];
  for (const [name, code, expected] of cases) test(name, () => assert.deepEqual(names(code), expected));
  test('the text path of the program index: the same facts as the tree, or no answer', () => {
    for (const [name, code] of cases) {
      const fromText = envFactsFromText(code);
      // Where the text answers, it holds every fact of the tree (it may also see reads in comments).
      if (fromText) for (const fact of envFacts(sf(code))) assert.ok(fromText.includes(fact), `${name}: ${fact}`);
    }
    assert.deepEqual(envFactsFromText("const a = process.env.A; process.env['B'] = '1'; const c = import.meta.env?.C;"), ['env-read:A', 'env-read:B', 'env-read:C']);
    assert.deepEqual(envFactsFromText('export const x = 1;'), []);
    assert.deepEqual(envFactsFromText("const p = require('node:process');\nconsole.log(p.versions.node);"), [], 'process without env');
    // Aliases, destructuring, whole-object use and env libraries need the tree.
    for (const code of ['const env = process.env;\nenv.A;', 'const { env } = process;', "import { env } from 'node:process';", 'const { A } = process.env;',
      'cleanEnv(process.env, {});', 'process.env[key];', '(process.env as any).X;', "import env from 'env-var';"]) {
      assert.equal(envFactsFromText(code), undefined, code);
    }
  });
  test('the env object used whole makes the module dynamic', () => {
    assert.equal(findEnvReads(sf('cleanEnv(process.env, {});')).dynamic, true);
    assert.equal(findEnvReads(sf('export const read = (k: string) => process.env[k];')).dynamic, true);
    // A key held in a string constant of the file is a read of that variable, not a dynamic one.
    assert.equal(findEnvReads(sf('const k = "X"; process.env[k];')).dynamic, false);
    assert.equal(findEnvReads(sf('const a = process.env.X;')).dynamic, false);
  });
  test('facts: reads, and the names a dynamic module mentions', () => {
    assert.deepEqual(envFacts(sf('process.env.A; process.env.B = "1";')), ['env-read:A', 'env-read:B']);
    assert.deepEqual(envFacts(sf("const env = cleanEnv(process.env, { PORT: port(), DATABASE_URL: url() });")).sort(), ['env-mention:DATABASE_URL', 'env-mention:PORT']);
    assert.ok(envFacts(sf("import env from 'env-var';\nconst p = env.get('REDIS_URL').required();")).includes('env-mention:REDIS_URL'));
  });
});

function undeclared(code: string, files: Record<string, string>, file = '/p/src/server.ts'): Finding[] {
  const result = analyze(new FileContext(file, code), { config: defaultConfig(), rules: [undeclaredUsage], host: mapHost(files, '/p') });
  return result.findings;
}

describe('env/undeclared-usage', () => {
  const schema = { '/p/.env.schema.yaml': 'variables:\n  DATABASE_URL: { type: url }\n  PORT: { type: port }\n' };
  test('invalid: a read that the schema does not declare, reported at the name', () => {
    const code = 'const url = process.env.DATABASE_URL;\nconst key = process.env.STRIPE_KEY;\n';
    const found = undeclared(code, schema);
    assert.deepEqual(found.map((f) => [f.ruleId, f.messageId, f.range.start.line, code.slice(f.start, f.end)]), [['env/undeclared-usage', 'undeclared', 1, 'STRIPE_KEY']]);
    assert.match(found[0].message, /`\.env\.schema\.yaml`/);
  });
  test('invalid: one finding per variable and file, at its first read, with the count of reads', () => {
    const code = 'const a = process.env.STRIPE_KEY;\nconst b = process.env.OTHER;\nfoo(process.env.STRIPE_KEY);\nbar(process.env.STRIPE_KEY);\n';
    const found = undeclared(code, schema);
    assert.deepEqual(found.map((f) => [f.data.name, f.range.start.line, f.data.count]), [['STRIPE_KEY', 0, '3'], ['OTHER', 1, '1']]);
    assert.match(found[0].message, /read here and 2 more times in this file/);
    assert.match(found[1].message, /read here but/);
    assert.equal(new Set(found.map((f) => f.fingerprint)).size, 2);
  });
  test('every form of read is checked; element access reports the string contents', () => {
    const code = "const { A, B: b = '1' } = process.env;\nconst c = process.env['C'];\nconst d = import.meta.env.D;\n";
    const found = undeclared(code, schema);
    assert.deepEqual(found.map((f) => code.slice(f.start, f.end)), ['A', 'B', 'C', 'D']);
  });
  test('valid: declared, platform variables, writes', () => {
    const code = "process.env.PORT; process.env.NODE_ENV; process.env.npm_package_version; import.meta.env.MODE; process.env.GENERATED = '1';\n";
    assert.deepEqual(undeclared(code, schema), []);
  });
  test('.env.example declares too; the nearest folder with a declaration wins', () => {
    const files = { '/p/.env.example': 'ROOT_ONLY=\n', '/p/packages/api/.env.example': 'API_ONLY=\n' };
    assert.deepEqual(undeclared('process.env.ROOT_ONLY; process.env.API_ONLY;', files, '/p/packages/api/src/a.ts').map((f) => f.data.name), ['ROOT_ONLY']);
    assert.deepEqual(undeclared('process.env.ROOT_ONLY; process.env.API_ONLY;', files, '/p/src/a.ts').map((f) => f.data.name), ['API_ONLY']);
  });
  test('a declaration commented out in .env.example (`# NAME=`) declares an optional variable; prose does not', () => {
    const example = { '/p/.env.example': 'PORT=3000\n# SENTRY_DSN=\n#export MAIL_FROM=noreply@example.com\n# Set DEBUG to 1 for verbose logs\n' };
    const code = 'process.env.PORT; process.env.SENTRY_DSN; process.env.MAIL_FROM; process.env.DEBUG;';
    assert.deepEqual(undeclared(code, example).map((f) => f.data.name), ['DEBUG']);
    // Optional: known, but not a variable a .env must hold (env/missing-required reads `variables`).
    const schema = schemaFromExample('/p/.env.example', example['/p/.env.example']);
    assert.deepEqual([...schema.variables.keys()], ['PORT']);
    assert.deepEqual([...(schema.commented ?? [])], ['SENTRY_DSN', 'MAIL_FROM']);
  });
  test('schema and example in one folder: declared by either', () => {
    assert.deepEqual(undeclared('process.env.PORT; process.env.EXTRA;', { ...schema, '/p/.env.example': 'EXTRA=\n' }), []);
  });
  test('no declaration file anywhere: nothing is reported', () => {
    assert.deepEqual(undeclared('process.env.ANYTHING;', {}), []);
  });
  test('a schema that does not parse: nothing is reported while it is being fixed', () => {
    assert.deepEqual(undeclared('process.env.ANYTHING;', { '/p/.env.schema.yaml': 'variables: [' }), []);
  });
  test('a file without env keywords is not parsed', () => {
    const context = new FileContext('/p/src/util.ts', 'export const x = 1;\n');
    analyze(context, { config: defaultConfig(), rules: [undeclaredUsage], host: mapHost(schema, '/p') });
    assert.equal(context.hasSourceFile, false);
  });
});

// Audit (issue 10): variables whoever deploys never sets — the platform's, tooling's and test harness's —,
// reads that are writes, and the message's variable name shown as written.
describe('env/undeclared-usage: variables the deployer does not own', () => {
  const example = { '/p/.env.example': 'DATABASE_URL=\n' };
  const names = (code: string, file?: string) => undeclared(code, example, file).map((f) => f.data.name);
  test('valid: hosting platforms, task runners and agents set these', () => {
    const code = 'process.env.VCAP_SERVICES; process.env.OPENSHIFT_NODEJS_IP; process.env.HEROKU_DYNO_ID; process.env.NX_TASK_TARGET_CONFIGURATION;' +
      ' process.env.DD_ENV; process.env.NEXT_PUBLIC_VERCEL_URL; process.env.https_proxy; process.env.HTTPS_PROXY; process.env.ANALYZE;' +
      ' process.env.ROLLUP_WATCH;';
    assert.deepEqual(names(code), []);
  });
  test('invalid: a name that only resembles one is still the app\'s own', () => {
    assert.deepEqual(names('process.env.VCAPX; process.env.DATADOG_KEY; process.env.my_proxy; process.env.HTTPS_PROXY_TOKEN;'), ['VCAPX', 'DATADOG_KEY', 'my_proxy', 'HTTPS_PROXY_TOKEN']);
  });
  test('valid: a name that says test or mock belongs to the test harness', () => {
    assert.deepEqual(names('process.env.APP_TEST_DB_TYPE; process.env.NEXT_PUBLIC_USE_MOCK_API; process.env.E2E_BASE_URL;'), []);
  });
  test('invalid: words that merely contain test are the app\'s (LATEST_VERSION, CONTESTS_URL)', () => {
    assert.deepEqual(names('process.env.LATEST_VERSION; process.env.CONTESTS_URL;'), ['LATEST_VERSION', 'CONTESTS_URL']);
  });
  test('valid: mocks and the test environment\'s configuration are test code (off by default)', () => {
    assert.deepEqual(names('process.env.PORT_X;', '/p/config/env/test.js'), []);
    assert.deepEqual(names('process.env.PORT_X;', '/p/src/config/mock/db.config.mock.ts'), []);
    assert.deepEqual(names('process.env.PORT_X;', '/p/.yarn/plugins/plugin-x.cjs'), []);
  });
  test('invalid: the production configuration beside it is not', () => {
    assert.deepEqual(names('process.env.PORT_X;', '/p/config/env/production.js'), ['PORT_X']);
    assert.deepEqual(names('process.env.PORT_X;', '/p/config/testimonials.js'), ['PORT_X']);
  });
  test('valid: `delete process.env.X` writes, and the variable that locates the .env file cannot be declared in it', () => {
    assert.deepEqual(names("delete process.env.SSL_X;\nrequire('dotenv').config({ path: process.env.APP_ENV_FILE });\nconfig({ path: process.env.B_FILE });"), []);
  });
  test('invalid: another option of dotenv, or a `path` of another call, is a read', () => {
    assert.deepEqual(names("dotenv.config({ encoding: process.env.ENC });\nopen({ path: process.env.DATA_PATH });"), ['ENC', 'DATA_PATH']);
  });
  test('the message names a long variable as written: names are not secrets', () => {
    const found = undeclared('process.env.HD_MEDIA_BACKEND_S3_ACCESS_KEY;', example);
    assert.equal(found[0].data.name, 'HD_MEDIA_BACKEND_S3_ACCESS_KEY');
    assert.match(found[0].message, /`HD_MEDIA_BACKEND_S3_ACCESS_KEY` is read/);
  });
  test('.env keys: a long snake_case name is shown, a pasted token still is not', () => {
    assert.equal(shownKey('HD_MEDIA_BACKEND_S3_SECRET_KEY_V2'), 'HD_MEDIA_BACKEND_S3_SECRET_KEY_V2');
    assert.equal(shownKey('app_storage_bucket_region_name'), 'app_storage_bucket_region_name');
    assert.notEqual(shownKey('Zq8xK2pLm4Vb7Nc1Rt5Wy9Ha3Jd6Fg0K'), 'Zq8xK2pLm4Vb7Nc1Rt5Wy9Ha3Jd6Fg0K');
  });
});
