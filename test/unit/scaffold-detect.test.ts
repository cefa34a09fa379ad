import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findEnvReads } from '../../core/src/env/reads';
import { inferEnvReads, parseSource, scanEnvUses } from '../../core/src/scaffold/envReads';
import { detectProject, mapScaffoldFs, nodeScaffoldFs } from '../../core/src/scaffold';
import { nodeMajor, nodeScriptTarget } from '../../core/src/scaffold/project';
import type { EnvRead } from '../../core/src/scaffold/types';
import { readFixture as fixture } from './scaffold-fixtures';

const REPO = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/scaffold');

/** The reads of one snippet, by name. */
function readsOf(code: string, file = 'src/app.ts', deps: string[] = []): Map<string, EnvRead> {
  const reads = inferEnvReads(scanEnvUses(parseSource(file, code), file), new Set(deps));
  return new Map(reads.map((r) => [r.name, r]));
}

function pick(read: EnvRead | undefined): Partial<EnvRead> | undefined {
  if (!read) return undefined;
  const { locations: _locations, ...rest } = read;
  return rest;
}

describe('scaffold detection: TypeScript ESM express in src/', () => {
  test('language, module system, framework, layout, entry', async () => {
    // Dependencies and build output are never read: their variables are not the app's.
    const files = fixture('ts-esm-express', {
      'node_modules/fake/index.js': 'module.exports = process.env.SHOULD_NOT_APPEAR;\n',
      'dist/server.js': 'export const x = process.env.FROM_BUILD_OUTPUT;\n',
    });
    const p = await detectProject(mapScaffoldFs(files));
    assert.equal(p.typescript, true);
    assert.equal(p.module, 'esm');
    assert.equal(p.importExtension, '.js');
    assert.equal(p.framework, 'express');
    assert.equal(p.srcDir, 'src');
    assert.equal(p.packageManager, 'npm');
    assert.equal(p.lockfile, 'package-lock.json');
    assert.equal(p.nodeMajor, 22);
    assert.equal(p.outDir, 'dist');
    assert.equal(p.entry, 'dist/server.js');
    assert.deepEqual({ ...p.server, wiring: undefined }, { file: 'src/server.ts', kind: 'http', line: 10, receiver: 'app', wiring: undefined });
    assert.equal(p.server?.wiring?.bareCall, true);
    assert.deepEqual(p.services.map((s) => s.kind), ['postgres', 'redis']);
    assert.ok(!p.files.some((f) => f.startsWith('node_modules/') || f.startsWith('dist/')));
  });

  test('every way of reading a variable, with types inferred from use', async () => {
    const p = await detectProject(mapScaffoldFs(fixture('ts-esm-express')));
    const reads = new Map(p.envReads.map((r) => [r.name, r]));
    assert.deepEqual([...reads.keys()], [
      'ADMIN_EMAIL', 'API_BASE_URL', 'APP_NAME', 'DATABASE_URL', 'ENABLE_SIGNUP', 'FEATURES_JSON', 'LOG_LEVEL', 'MAX_CONNECTIONS',
      'NODE_ENV', 'PORT', 'QUEUE_NAME', 'REDIS_URL', 'SAMPLE_RATE', 'SENTRY_DSN', 'SESSION_SECRET',
    ]);
    assert.deepEqual(pick(reads.get('PORT')), { name: 'PORT', inferredType: 'port', secret: false, required: false, default: '8080' });
    assert.deepEqual(pick(reads.get('DATABASE_URL')), { name: 'DATABASE_URL', inferredType: 'url', secret: true, required: true, protocols: ['postgres', 'postgresql'] });
    assert.deepEqual(pick(reads.get('REDIS_URL')), { name: 'REDIS_URL', inferredType: 'url', secret: true, required: false, default: 'redis://localhost:6379', protocols: ['redis', 'rediss'] });
    assert.deepEqual(pick(reads.get('API_BASE_URL')), { name: 'API_BASE_URL', inferredType: 'url', secret: false, required: false, default: 'https://api.example.com', protocols: ['http', 'https'] });
    assert.deepEqual(pick(reads.get('ENABLE_SIGNUP')), { name: 'ENABLE_SIGNUP', inferredType: 'boolean', secret: false, required: false, default: 'false' });
    assert.deepEqual(pick(reads.get('MAX_CONNECTIONS')), { name: 'MAX_CONNECTIONS', inferredType: 'integer', secret: false, required: false, default: '10' });
    assert.deepEqual(pick(reads.get('SAMPLE_RATE')), { name: 'SAMPLE_RATE', inferredType: 'number', secret: false, required: false, default: '0.5' });
    assert.deepEqual(pick(reads.get('FEATURES_JSON')), { name: 'FEATURES_JSON', inferredType: 'json', secret: false, required: false, default: '{}' });
    assert.deepEqual(pick(reads.get('ADMIN_EMAIL')), { name: 'ADMIN_EMAIL', inferredType: 'email', secret: false, required: true });
    assert.equal(reads.get('LOG_LEVEL')?.inferredType, 'enum');
    assert.equal(reads.get('LOG_LEVEL')?.default, 'debug');
    assert.ok(reads.get('LOG_LEVEL')?.values?.includes('debug'));
    assert.deepEqual(pick(reads.get('NODE_ENV')), { name: 'NODE_ENV', inferredType: 'enum', secret: false, required: false, values: ['development', 'production', 'test'] });
    assert.deepEqual(pick(reads.get('SESSION_SECRET')), { name: 'SESSION_SECRET', inferredType: 'string', secret: true, required: true });
    assert.deepEqual(pick(reads.get('SENTRY_DSN')), { name: 'SENTRY_DSN', inferredType: 'string', secret: true, required: false });
    assert.equal(reads.get('APP_NAME')?.default, 'orders', 'import.meta.env');
    assert.equal(reads.get('QUEUE_NAME')?.default, 'jobs', 'an alias of process.env');
    assert.deepEqual(reads.get('PORT')?.locations, [{ file: 'src/server.ts', line: 9, column: 21 }]);
  });

  test('a project on disk through nodeScaffoldFs: node_modules and dist are not entered', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-scaffold-'));
    try {
      for (const [rel, text] of Object.entries(fixture('ts-esm-express', { 'node_modules/fake/index.js': 'process.env.SHOULD_NOT_APPEAR;\n' }))) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      }
      const p = await detectProject(nodeScaffoldFs(dir));
      assert.equal(p.framework, 'express');
      assert.equal(p.envReads.length, 15);
      assert.ok(!p.envReads.some((r) => r.name === 'SHOULD_NOT_APPEAR'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scaffold detection: JavaScript CommonJS fastify', () => {
  test('facts', async () => {
    const p = await detectProject(mapScaffoldFs(fixture('js-cjs-fastify')));
    assert.equal(p.typescript, false);
    assert.equal(p.module, 'cjs');
    assert.equal(p.importExtension, '');
    assert.equal(p.framework, 'fastify');
    assert.equal(p.srcDir, '', 'no src/: modules go beside the server file at the root');
    assert.equal(p.packageManager, 'yarn');
    assert.equal(p.nodeMajor, 18);
    assert.equal(p.entry, 'index.js');
    assert.deepEqual({ ...p.server, wiring: undefined }, { file: 'index.js', kind: 'fastify', line: 13, receiver: 'fastify', literalPort: 3000, wiring: undefined });
    assert.deepEqual(p.services.map((s) => s.kind), ['mongo', 'rabbitmq', 'kafka']);
    const reads = new Map(p.envReads.map((r) => [r.name, r]));
    assert.deepEqual(pick(reads.get('AMQP_URL')), { name: 'AMQP_URL', inferredType: 'url', secret: true, required: false, default: 'amqp://localhost', protocols: ['amqp', 'amqps'] });
    assert.deepEqual(pick(reads.get('MONGODB_URI')), { name: 'MONGODB_URI', inferredType: 'url', secret: true, required: true, protocols: ['mongodb', 'mongodb+srv'] });
    assert.deepEqual(pick(reads.get('QUEUE_PREFETCH')), { name: 'QUEUE_PREFETCH', inferredType: 'integer', secret: false, required: false, default: '5' });
    assert.deepEqual(pick(reads.get('KAFKA_BROKERS')), { name: 'KAFKA_BROKERS', inferredType: 'string', secret: false, required: false });
    assert.deepEqual(pick(reads.get('WORKER_DEBUG')), { name: 'WORKER_DEBUG', inferredType: 'boolean', secret: false, required: false });
    assert.deepEqual(pick(reads.get('API_TOKEN')), { name: 'API_TOKEN', inferredType: 'string', secret: true, required: true });
  });
});

describe('scaffold detection: koa (JavaScript ESM, lib/ layout)', () => {
  test('facts', async () => {
    const p = await detectProject(mapScaffoldFs(fixture('koa-esm')));
    assert.equal(p.typescript, false);
    assert.equal(p.module, 'esm');
    assert.equal(p.importExtension, '.js');
    assert.equal(p.framework, 'koa');
    assert.equal(p.srcDir, 'lib');
    assert.equal(p.packageManager, 'pnpm');
    assert.equal(p.nodeMajor, 20, 'no engines: 20');
    assert.equal(p.entry, 'lib/app.js');
    assert.equal(p.server?.literalPort, 4000);
    assert.deepEqual(p.services.map((s) => s.kind), ['mysql', 'redis']);
    assert.deepEqual(p.services[0].envVars, ['DB_HOST', 'MYSQL_DATABASE', 'MYSQL_PASSWORD', 'MYSQL_USER']);
    assert.equal(p.envReads.find((r) => r.name === 'MYSQL_PASSWORD')?.secret, true);
  });
});

describe('scaffold detection: examples/ (the demo app)', () => {
  test('facts', async () => {
    const p = await detectProject(nodeScaffoldFs(path.join(REPO, 'examples')));
    assert.equal(p.typescript, true);
    assert.equal(p.module, 'cjs');
    assert.equal(p.framework, 'express');
    assert.equal(p.entry, 'dist/src/server.js');
    assert.equal(p.server?.literalPort, 3000);
    const reads = new Map(p.envReads.map((r) => [r.name, r]));
    // `process.env[TOKEN_ENV]` with `const TOKEN_ENV = 'GITHUB_TOKEN'` in the file.
    assert.equal(reads.get('GITHUB_TOKEN')?.secret, true);
    // A literal fallback for a secret is a hardcoded secret: dropped, and the variable becomes required.
    assert.deepEqual(pick(reads.get('JWT_SECRET')), { name: 'JWT_SECRET', inferredType: 'string', secret: true, required: true });
    assert.deepEqual(pick(reads.get('SESSION_SECRET')), { name: 'SESSION_SECRET', inferredType: 'string', secret: true, required: true });
    assert.deepEqual(pick(reads.get('PORT')), { name: 'PORT', inferredType: 'port', secret: false, required: false, default: '3000' });
    assert.ok(!reads.has('TEST_ONLY'), 'tests are not read');
    assert.deepEqual(p.services.map((s) => s.kind), ['postgres', 'redis']);
    assert.ok(p.services[0].envVars.includes('DB_PASSWORD'), 'DB_* names go to the database the dependencies name');
  });
});

describe('scaffold detection: reads and inference, one snippet each', () => {
  const cases: Array<[string, string, string, Partial<EnvRead>]> = [
    ['Number() → port by name', 'const p = Number(process.env.PORT);', 'PORT', { inferredType: 'port', required: true }],
    ['parseInt → integer', "const n = parseInt(process.env.WORKERS || '4', 10);", 'WORKERS', { inferredType: 'integer', default: '4', required: false }],
    ['Number() || literal', 'const t = Number(process.env.TIMEOUT_MS) || 5000;', 'TIMEOUT_MS', { inferredType: 'integer', default: '5000' }],
    ['unary plus', 'const t = +process.env.RETRIES!;', 'RETRIES', { inferredType: 'integer' }],
    ["=== 'true'", "const on = process.env.FEATURE_X === 'true';", 'FEATURE_X', { inferredType: 'boolean', default: 'false', required: false }],
    ["!== 'false' is true when unset", "const on = process.env.CACHE !== 'false';", 'CACHE', { inferredType: 'boolean', default: 'true' }],
    ['toLowerCase() === "1"', "const on = process.env.VERBOSE?.toLowerCase() === '1';", 'VERBOSE', { inferredType: 'boolean', required: false }],
    ['new URL()', 'const u = new URL(process.env.UPSTREAM!);', 'UPSTREAM', { inferredType: 'url', required: true }],
    ['*_URI by name', 'const u = process.env.MONGO_URI;', 'MONGO_URI', { inferredType: 'url', protocols: ['mongodb', 'mongodb+srv'], secret: true }],
    ['default protocol', "const u = process.env.QUEUE_URL ?? 'amqp://guest@localhost';", 'QUEUE_URL', { inferredType: 'url', protocols: ['amqp', 'amqps'] }],
    ['secret default dropped', "const k = process.env.STRIPE_KEY || 'sk_live_x';", 'STRIPE_KEY', { secret: true, required: true, default: undefined }],
    ['credentials in a URL default dropped', "const u = process.env.DATABASE_URL || 'postgres://u:p@db/app';", 'DATABASE_URL', { secret: true, required: true, default: undefined }],
    ['empty fallback: optional', "const k = process.env.API_KEY ?? '';", 'API_KEY', { secret: true, required: false }],
    ['if guard: optional', 'if (process.env.SENTRY_DSN) init();', 'SENTRY_DSN', { required: false }],
    ['&& guard: optional', 'const x = process.env.PROXY && setup();', 'PROXY', { required: false }],
    ['bracket access', "const x = process.env['REGION'];", 'REGION', { inferredType: 'string', required: true }],
    ['destructured default, used as a number', "const { PAGE_SIZE = '50' } = process.env;\nconst n = Number(PAGE_SIZE);", 'PAGE_SIZE', { inferredType: 'integer', default: '50' }],
    ['renamed destructuring', "const { REDIS_HOST: host = 'localhost' } = process.env;", 'REDIS_HOST', { default: 'localhost' }],
    ['const { env } = process', 'const { env } = process;\nconst x = env.BUCKET;', 'BUCKET', { required: true }],
    ["import { env } from 'node:process'", "import { env } from 'node:process';\nconst x = env.BUCKET ?? 'b';", 'BUCKET', { default: 'b' }],
    ['alias followed into parseFloat', "const raw = process.env.RATIO ?? '0.25';\nconst r = parseFloat(raw);", 'RATIO', { inferredType: 'number', default: '0.25' }],
    ['JSON.parse', 'const f = JSON.parse(process.env.FLAGS!);', 'FLAGS', { inferredType: 'json' }],
    ['*_EMAIL', 'const e = process.env.SUPPORT_EMAIL;', 'SUPPORT_EMAIL', { inferredType: 'email' }],
    ['token names are secret', 'const t = process.env.GITHUB_TOKEN;', 'GITHUB_TOKEN', { secret: true }],
    ['public keys are not', 'const k = process.env.STRIPE_PUBLISHABLE_KEY;', 'STRIPE_PUBLISHABLE_KEY', { secret: false }],
    ['generated config module: converter and options', "function loadConfig(env = process.env) {\n  return read(problems, 'MAX_ITEMS', env.MAX_ITEMS, integer, { fallback: '20' });\n}", 'MAX_ITEMS', { inferredType: 'integer', default: '20', required: false }],
    ['generated config module: oneOf values', "function loadConfig(env = process.env) {\n  return read(problems, 'MODE', env.MODE, oneOf(['a', 'b']), { required: true });\n}", 'MODE', { inferredType: 'enum', values: ['a', 'b'], required: true }],
  ];
  for (const [title, code, name, expected] of cases) {
    test(title, () => {
      const read = readsOf(code).get(name);
      assert.ok(read, `${name} read`);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(read[key as keyof EnvRead], value, `${name}.${key}`);
    });
  }

  test('writes, deletes, methods, platform variables and dynamic names are not reads', () => {
    const reads = readsOf([
      "process.env.FOO = 'x';",
      'delete process.env.BAR;',
      "process.env.hasOwnProperty('BAZ');",
      'const v = process.env.npm_package_version;',
      'const h = process.env.HOME;',
      'const d = process.env[name];',
    ].join('\n'));
    assert.deepEqual([...reads.keys()], []);
  });

  test('DB_* names follow the database the dependencies name', () => {
    assert.deepEqual(readsOf('const h = process.env.DB_URL;', 'a.js', ['mysql2']).get('DB_URL')?.protocols, ['mysql']);
    assert.deepEqual(readsOf('const h = process.env.DATABASE_URL;', 'a.js', ['pg']).get('DATABASE_URL')?.protocols, ['postgres', 'postgresql']);
  });

  test('LOG_LEVEL values follow the logger', () => {
    assert.ok(readsOf("const l = process.env.LOG_LEVEL ?? 'info';", 'a.ts', ['winston']).get('LOG_LEVEL')?.values?.includes('verbose'));
    assert.ok(readsOf("const l = process.env.LOG_LEVEL ?? 'info';", 'a.ts', ['pino']).get('LOG_LEVEL')?.values?.includes('trace'));
  });
});

describe('scaffold detection: helpers', () => {
  test('nodeScriptTarget', () => {
    assert.equal(nodeScriptTarget('node dist/index.js'), 'dist/index.js');
    assert.equal(nodeScriptTarget('node -r dotenv/config ./dist/index.js --port 3'), 'dist/index.js');
    assert.equal(nodeScriptTarget('NODE_ENV=production node --enable-source-maps build/main.js'), 'build/main.js');
    assert.equal(nodeScriptTarget('tsx src/index.ts'), undefined);
    assert.equal(nodeScriptTarget(undefined), undefined);
  });

  test('nodeMajor', () => {
    assert.equal(nodeMajor('>=20'), 20);
    assert.equal(nodeMajor('^18.17.0'), 18);
    assert.equal(nodeMajor('22.x'), 22);
    assert.equal(nodeMajor(undefined), 20);
    assert.equal(nodeMajor('*'), 20);
  });

  test('tsconfig: comments, extends, outDir of the base; NodeNext follows package.json type', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'x', scripts: { build: 'tsc' }, dependencies: { koa: '2' } }),
      'tsconfig.json': '{ "extends": "./config/tsconfig.base.json", /* here */ "compilerOptions": { "rootDir": "src" } }',
      'config/tsconfig.base.json': '{ "compilerOptions": { "module": "nodenext", "outDir": "../build", } }',
      'src/main.ts': "import Koa from 'koa';\nconst app = new Koa();\napp.listen(process.env.PORT);\n",
    };
    const cjs = await detectProject(mapScaffoldFs(files));
    assert.equal(cjs.module, 'cjs');
    assert.equal(cjs.outDir, 'build');
    assert.equal(cjs.entry, 'build/main.js');
    const esm = await detectProject(mapScaffoldFs({ ...files, 'package.json': JSON.stringify({ type: 'module', dependencies: { koa: '2' } }) }));
    assert.equal(esm.module, 'esm');
    assert.equal(esm.importExtension, '.js');
  });

  test('tsconfig module esnext + bundler resolution: ESM without extensions', async () => {
    const p = await detectProject(mapScaffoldFs({
      'package.json': '{}',
      'tsconfig.json': '{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler" } }',
      'index.ts': 'export {};',
    }));
    assert.equal(p.module, 'esm');
    assert.equal(p.importExtension, '');
  });

  test('two frameworks in the dependencies: the one the server file imports', async () => {
    const p = await detectProject(mapScaffoldFs({
      'package.json': JSON.stringify({ dependencies: { express: '4', fastify: '5' } }),
      'server.js': "const Fastify = require('fastify');\nconst app = Fastify();\napp.listen({ port: 3000 });\n",
    }));
    assert.equal(p.framework, 'fastify');
    assert.equal(p.server?.kind, 'fastify');
  });

  test('an empty folder', async () => {
    const p = await detectProject(mapScaffoldFs({}));
    assert.equal(p.typescript, false);
    assert.equal(p.packageJson, undefined);
    assert.deepEqual(p.envReads, []);
    assert.equal(p.srcDir, '');
  });
});

// Issue 15: "is this an environment-variable read?" has one answer, core/src/env/reads.ts, for the rules, the
// program index and the scaffolds. (Before the scaffold asked it, its own walker gave the same 2,589 reads in
// the 2,354 files of the audit set that mention env.)
describe('scaffold detection: the reads are the rules\' reads', () => {
  const sources = ['js-cjs-fastify', 'koa-esm', 'ts-esm-express'].flatMap((name) => Object.entries(fixture(name)).filter(([f]) => /\.[cm]?[jt]sx?$/.test(f)));
  const snippets: Array<[string, string]> = [
    ['src/constant.ts', "const NAME = 'DB_URL';\nexport const url = process.env[NAME] ?? 'postgres://localhost/app';\n"],
    ['src/param.ts', 'export function load(env = process.env) {\n  return { port: Number(env.PORT ?? 3000) };\n}\n'],
    ['src/writes.ts', "process.env.TZ = 'UTC';\ndelete process.env.DEBUG;\nif (process.env.hasOwnProperty('X')) start(process.env.HOST);\n"],
  ];
  test('every fixture file and snippet: the same names at the same places', () => {
    assert.ok(sources.length >= 6, `fixture sources: ${sources.length}`);
    for (const [file, code] of [...sources, ...snippets]) {
      const sf = parseSource(file, code);
      const fromRules = findEnvReads(sf).reads.filter((r) => !r.write && /^[A-Za-z_][A-Za-z0-9_]*$/.test(r.name))
        .map((r) => [r.name, sf.getLineAndCharacterOfPosition(r.exprStart).line + 1]);
      assert.deepEqual(scanEnvUses(sf, file).map((u) => [u.name, u.location.line]), fromRules, file);
    }
  });
  test('what the scaffold still adds: the fallback and the type around each read', () => {
    assert.deepEqual(pick(readsOf(snippets[0][1], snippets[0][0]).get('DB_URL'))?.default, 'postgres://localhost/app');
    assert.deepEqual([...readsOf(snippets[1][1], snippets[1][0]).keys()], ['PORT']);
    assert.deepEqual([...readsOf(snippets[2][1], snippets[2][0]).keys()], ['HOST']);
  });
});
