import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as vm from 'node:vm';
import { parse as parseDotenv } from 'dotenv';
import * as ts from 'typescript';
import { parse as parseYaml, parseDocument } from 'yaml';
import { detectProject, mapScaffoldFs, nodeScaffoldFs, scaffoldById } from '../../core/src/scaffold';
import type { ProjectInfo, ScaffoldId, ScaffoldPlan } from '../../core/src/scaffold/types';
import { readFixture as fixture } from './scaffold-fixtures';

const REPO = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/scaffold');

const projects = new Map<string, Promise<ProjectInfo>>();
function project(name: string): Promise<ProjectInfo> {
  let p = projects.get(name);
  if (!p) projects.set(name, (p = name === 'examples' ? detectProject(nodeScaffoldFs(path.join(REPO, 'examples'))) : detectProject(mapScaffoldFs(fixture(name)))));
  return p;
}

async function generate(id: ScaffoldId, name: string): Promise<ScaffoldPlan> {
  return (scaffoldById(id) as NonNullable<ReturnType<typeof scaffoldById>>).generate(await project(name));
}

function file(plan: ScaffoldPlan, p: string): string {
  const f = plan.files.find((x) => x.path === p);
  assert.ok(f, `${p} generated (got ${plan.files.map((x) => x.path).join(', ')})`);
  return f.content;
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** A CommonJS module evaluated in a fresh context with the given environment (what `process.env` holds). */
function loadCjs(code: string, env: Record<string, string>): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(code, { module: mod, exports: mod.exports, require, process: { env }, URL, console, setTimeout, clearTimeout }, { filename: 'generated.js' });
  return mod.exports;
}

function transpileToCjs(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
}

describe('scaffold: config module', () => {
  test('TypeScript ESM: typed interface, one read per variable, no dotenv when the project has none', async () => {
    const plan = await generate('configModule', 'ts-esm-express');
    assert.equal(plan.main, 'src/config.ts');
    const text = file(plan, 'src/config.ts');
    const l = lines(text);
    assert.ok(l.includes('export interface Config {'));
    assert.ok(l.includes('  readonly port: number;'));
    assert.ok(l.includes('  readonly sentryDsn: string | undefined;'));
    assert.ok(l.includes("  readonly nodeEnv: 'development' | 'production' | 'test' | undefined;"));
    assert.ok(l.includes("    port: read(problems, 'PORT', env.PORT, port, { fallback: '8080' }),"));
    assert.ok(l.includes("    databaseUrl: read(problems, 'DATABASE_URL', env.DATABASE_URL, url(['postgres', 'postgresql']), { required: true, secret: true }),"));
    assert.ok(l.includes("    enableSignup: read(problems, 'ENABLE_SIGNUP', env.ENABLE_SIGNUP, flag, { fallback: 'false' }),"));
    assert.ok(l.includes('export const config: Config = loadConfig();'));
    assert.ok(!text.includes('dotenv'));
    assert.match(plan.notes[0], /import \{ config \} from '\.\/config\.js';/);
  });

  test('the project loads .env with dotenv: the module keeps doing so, first', async () => {
    const text = file(await generate('configModule', 'examples'), 'src/config.ts');
    const firstImport = lines(text).find((l) => l.startsWith('import') || l.startsWith('require'));
    assert.equal(firstImport, "import 'dotenv/config';");
  });

  test('JavaScript CommonJS: require/module.exports, JSDoc types', async () => {
    const text = file(await generate('configModule', 'js-cjs-fastify'), 'config.js');
    assert.ok(text.startsWith("'use strict';\n"));
    assert.ok(text.includes(' * @typedef {object} Config'));
    assert.ok(text.trimEnd().endsWith('module.exports = { ConfigError, loadConfig, config };'));
    assert.ok(!/\bexport\b/.test(text.replace(/module\.exports/g, '')));
  });

  test('fails fast with ONE error that lists every missing and invalid variable, secrets not echoed', async () => {
    const code = file(await generate('configModule', 'js-cjs-fastify'), 'config.js');
    let error: (Error & { problems?: string[] }) | undefined;
    try {
      loadCjs(code, { PORT: 'eighty', MONGODB_URI: 'http://user:hunter2@db', QUEUE_PREFETCH: '2.5', WORKER_DEBUG: 'maybe' });
    } catch (e) {
      error = e as Error & { problems?: string[] };
    }
    assert.ok(error, 'loading the module throws');
    assert.equal(error.name, 'ConfigError');
    // The module ran in its own realm: copy the array into this one to compare.
    assert.deepEqual([...(error.problems ?? [])], [
      'API_TOKEN: required, not set',
      'MONGODB_URI: must be a mongodb or mongodb+srv URL',
      'PORT: must be a port number (1-65535), got "eighty"',
      'QUEUE_PREFETCH: must be an integer, got "2.5"',
      'WORKER_DEBUG: must be true or false, got "maybe"',
    ]);
    assert.match(error.message, /^Invalid configuration \(5 problems in the environment\):\n {2}- API_TOKEN/);
    assert.ok(!error.message.includes('hunter2'));
  });

  test('a valid environment: typed, converted, defaults applied, frozen', async () => {
    const code = transpileToCjs(file(await generate('configModule', 'ts-esm-express'), 'src/config.ts'));
    const env = { DATABASE_URL: 'postgres://db/app', ADMIN_EMAIL: 'ops@example.com', SESSION_SECRET: 's', SAMPLE_RATE: '0.75', FEATURES_JSON: '{"a":true}', LOG_LEVEL: 'warn' };
    const { config } = loadCjs(code, env) as { config: Record<string, unknown> };
    assert.equal(config.port, 8080);
    assert.equal(config.sampleRate, 0.75);
    assert.equal(config.maxConnections, 10);
    assert.equal(config.enableSignup, false);
    assert.deepEqual({ ...(config.featuresJson as object) }, { a: true });
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.redisUrl, 'redis://localhost:6379');
    assert.equal(config.nodeEnv, undefined);
    assert.ok(Object.isFrozen(config));
  });

  test('scaffolding again from a project that adopted the module gives the same variables', async () => {
    const original = await project('ts-esm-express');
    const text = file(await generate('configModule', 'ts-esm-express'), 'src/config.ts');
    const adopted = await detectProject(mapScaffoldFs({ 'package.json': fixture('ts-esm-express')['package.json'], 'src/config.ts': text }));
    const strip = (p: ProjectInfo) => p.envReads.map(({ locations: _l, ...rest }) => rest);
    assert.deepEqual(strip(adopted), strip(original));
  });

  test('noPropertyAccessFromIndexSignature: env[\'NAME\']', async () => {
    const p = await detectProject(mapScaffoldFs({
      'package.json': '{}',
      'tsconfig.json': '{ "compilerOptions": { "noPropertyAccessFromIndexSignature": true } }',
      'index.ts': 'export const p = process.env.PORT;',
    }));
    assert.ok(file(scaffoldById('configModule')!.generate(p), 'config.ts').includes("read(problems, 'PORT', env['PORT'], port, { required: true })"));
  });
});

describe('scaffold: graceful shutdown', () => {
  test('express (http server): typed Server, both signals, bounded, exitCode; wiring names the server file', async () => {
    const plan = await generate('gracefulShutdown', 'ts-esm-express');
    const text = file(plan, 'src/shutdown.ts');
    assert.ok(text.includes("import type { Server } from 'node:http';"));
    assert.ok(text.includes('export function gracefulShutdown(server: Server, options: ShutdownOptions = {}): void {'));
    assert.ok(text.includes("process.on('SIGTERM', shutdown);"));
    assert.ok(text.includes("process.on('SIGINT', shutdown);"));
    assert.ok(text.includes('timer.unref();'));
    assert.ok(text.includes('process.exitCode = 1;'));
    assert.ok(text.includes('server.closeIdleConnections();'));
    assert.match(plan.notes[0], /src\/server\.ts \(line 10\)/);
    assert.match(plan.notes[0], /import \{ gracefulShutdown \} from '\.\/shutdown\.js';/);
    assert.match(plan.notes[0], /const server = app\.listen/);
  });

  test('fastify (JavaScript CommonJS): closes the app', async () => {
    const plan = await generate('gracefulShutdown', 'js-cjs-fastify');
    const text = file(plan, 'shutdown.js');
    assert.ok(text.includes('function gracefulShutdown(app, options = {}) {'));
    assert.ok(text.includes('Promise.resolve(app.close())'));
    assert.ok(text.includes("@param {{ close(): PromiseLike<unknown> }} app"));
    assert.ok(text.trimEnd().endsWith('module.exports = { gracefulShutdown };'));
    assert.match(plan.notes[0], /gracefulShutdown\(fastify,/);
  });

  const shutdownScript = (timeoutMs: number) => `
    const http = require('node:http');
    const { gracefulShutdown } = require('./shutdown.js');
    const server = http.createServer((req, res) => {
      console.log('request ' + req.url);
      if (req.url === '/slow') setTimeout(() => res.end('done'), 300);
      else if (req.url === '/hang') {}
      else res.end('ok');
    });
    server.listen(0, '127.0.0.1', () => {
      gracefulShutdown(server, { timeoutMs: ${timeoutMs}, cleanup: () => console.log('cleanup ran') });
      console.log('ready ' + server.address().port);
    });`;

  async function runShutdown(timeoutMs: number, requestPath: string): Promise<{ code: number | null; stdout: string; body: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-shutdown-'));
    try {
      // A JavaScript CommonJS project with a node:http server: the module runs as written, no compiler.
      const p = await detectProject(mapScaffoldFs({ 'package.json': '{}', 'server.js': "const http = require('http');\nconst server = http.createServer();\nserver.listen(3000);\n" }));
      fs.writeFileSync(path.join(dir, 'shutdown.js'), file(scaffoldById('gracefulShutdown')!.generate(p), 'shutdown.js'));
      fs.writeFileSync(path.join(dir, 'main.js'), shutdownScript(timeoutMs));
      const child = spawn(process.execPath, ['main.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const port = await new Promise<number>((resolve) => {
        const check = () => (/ready (\d+)/.test(stdout) ? resolve(Number(/ready (\d+)/.exec(stdout)![1])) : setTimeout(check, 10));
        check();
      });
      let body = '';
      const response = new Promise<void>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: requestPath }, (res) => {
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve());
        });
        req.on('error', () => resolve());
      });
      // Poll until the request is in flight on the server, then signal.
      await new Promise<void>((resolve) => {
        const check = () => (stdout.includes(`request ${requestPath}`) ? resolve() : setTimeout(check, 5));
        check();
      });
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      await response;
      return { code, stdout, body };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test('SIGTERM: the request in flight completes, cleanup runs, exit code 0', async () => {
    const { code, stdout, body } = await runShutdown(120_000, '/slow');
    assert.equal(body, 'done');
    assert.match(stdout, /SIGTERM received: shutting down/);
    assert.match(stdout, /cleanup ran/);
    assert.match(stdout, /shutdown complete/);
    assert.equal(code, 0);
  });

  test('a request that never ends: exit code 1 after the timeout', async () => {
    const { code, stdout } = await runShutdown(200, '/hang');
    assert.match(stdout, /did not finish within 200 ms/);
    assert.equal(code, 1);
  });
});

describe('scaffold: .env.example and .env schema', () => {
  test('.env.example: every variable, a comment saying what it is, secrets empty, merge marker', async () => {
    const plan = await generate('envExample', 'ts-esm-express');
    const f = plan.files[0];
    assert.equal(f.path, '.env.example');
    assert.equal(f.merge, 'append-missing-keys');
    const parsed = parseDotenv(f.content);
    const p = await project('ts-esm-express');
    assert.deepEqual(Object.keys(parsed), p.envReads.map((r) => r.name));
    assert.equal(parsed.PORT, '8080');
    assert.equal(parsed.SESSION_SECRET, '');
    assert.equal(parsed.DATABASE_URL, '');
    assert.equal(parsed.REDIS_URL, 'redis://localhost:6379');
    assert.equal(parsed.FEATURES_JSON, '{}');
    const l = lines(f.content);
    assert.equal(l[l.indexOf('PORT=8080') - 1], '# port — src/server.ts:9');
    assert.equal(l[l.indexOf('DATABASE_URL=') - 1], '# url (postgres, postgresql), required, secret — src/settings.ts:8');
  });

  test('no secret value ever lands in .env.example (examples/ has literal fallbacks for secrets)', async () => {
    const parsed = parseDotenv(file(await generate('envExample', 'examples'), '.env.example'));
    for (const key of ['JWT_SECRET', 'SESSION_SECRET', 'API_KEY', 'DB_PASSWORD', 'GITHUB_TOKEN']) assert.equal(parsed[key], '', key);
    assert.equal(parsed.JWT_ISSUER, 'orders-api');
  });

  test('.env.schema.yaml: PRODUCT.md format, parses, types and flags', async () => {
    const plan = await generate('envSchema', 'ts-esm-express');
    const f = plan.files[0];
    assert.equal(f.path, '.env.schema.yaml');
    assert.equal(f.merge, 'append-missing-keys');
    const doc = parseDocument(f.content);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.warnings, []);
    const schema = doc.toJS() as { allowUnknown: boolean; variables: Record<string, Record<string, unknown>> };
    assert.equal(schema.allowUnknown, false);
    assert.deepEqual(schema.variables.PORT, { type: 'port', default: 8080 });
    assert.deepEqual(schema.variables.DATABASE_URL, { type: 'url', required: true, secret: true, protocols: ['postgres', 'postgresql'] });
    assert.deepEqual(schema.variables.ENABLE_SIGNUP, { type: 'boolean', default: false });
    assert.deepEqual(schema.variables.SAMPLE_RATE, { type: 'number', default: 0.5 });
    assert.deepEqual(schema.variables.FEATURES_JSON, { type: 'json', default: '{}' });
    assert.deepEqual(schema.variables.SESSION_SECRET, { type: 'string', required: true, secret: true });
    assert.deepEqual(schema.variables.APP_NAME, { type: 'string', default: 'orders' });
    assert.deepEqual(schema.variables.LOG_LEVEL, { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'debug' });
    assert.ok(f.content.includes('  PORT:            { type: port, default: 8080 }\n'));
  });

  test('strings YAML would read as something else are quoted', async () => {
    const p = await detectProject(mapScaffoldFs({
      'package.json': '{}',
      'a.js': "const a = process.env.A ?? 'yes';\nconst b = process.env.B ?? '0123';\nconst c = process.env.C ?? 'x: y';\nconst d = process.env.D ?? '#tag';\n",
    }));
    const schema = parseYaml(file(scaffoldById('envSchema')!.generate(p), '.env.schema.yaml')) as { variables: Record<string, { default: unknown }> };
    assert.deepEqual(Object.values(schema.variables).map((v) => v.default), ['yes', '0123', 'x: y', '#tag']);
    const example = parseDotenv(file(scaffoldById('envExample')!.generate(p), '.env.example'));
    assert.deepEqual(example, { A: 'yes', B: '0123', C: 'x: y', D: '#tag' });
  });
});

describe('scaffold: Procfile', () => {
  test('web from a plain `node` start script, worker, release for migrations', async () => {
    assert.equal(file(await generate('procfile', 'ts-esm-express'), 'Procfile'), 'web: node dist/server.js\nworker: node dist/worker.js\nrelease: npm run db:migrate\n');
    assert.equal(file(await generate('procfile', 'js-cjs-fastify'), 'Procfile'), 'web: node index.js\nworker: node lib/worker.js\n');
    assert.equal(file(await generate('procfile', 'koa-esm'), 'Procfile'), 'web: node lib/app.js\nrelease: pnpm migrate\n');
  });

  test('a start script that is not plain node runs through the package manager; a dev command is pointed out', async () => {
    const p = await detectProject(mapScaffoldFs({ 'package.json': JSON.stringify({ scripts: { start: 'tsx src/index.ts', 'queue:work': 'tsx src/jobs.ts' } }) }));
    const plan = scaffoldById('procfile')!.generate(p);
    assert.equal(file(plan, 'Procfile'), 'web: npm start\nworker: npm run queue:work\n');
    assert.match(plan.notes.join(' '), /development command/);
  });

  test('nothing to run: no Procfile, a note saying why', async () => {
    const p = await detectProject(mapScaffoldFs({ 'package.json': '{}' }));
    const plan = scaffoldById('procfile')!.generate(p);
    assert.deepEqual(plan.files, []);
    assert.match(plan.notes[0], /No start script/);
  });

  test('no start script: node on main', async () => {
    const p = await detectProject(mapScaffoldFs({ 'package.json': JSON.stringify({ main: 'server.js' }) }));
    assert.equal(file(scaffoldById('procfile')!.generate(p), 'Procfile'), 'web: node server.js\n');
  });
});

const INSTRUCTIONS = /^(FROM|WORKDIR|COPY|RUN|ENV|USER|EXPOSE|CMD|ARG)\s/;

describe('scaffold: Dockerfile', () => {
  test('TypeScript with a build: deps → build → slim runtime as node, NODE_ENV, EXPOSE, CMD', async () => {
    const plan = await generate('dockerfile', 'ts-esm-express');
    const text = file(plan, 'Dockerfile');
    const l = lines(text).filter((x) => x && !x.startsWith('#'));
    for (const x of l) assert.match(x, INSTRUCTIONS);
    assert.deepEqual(l.filter((x) => x.startsWith('FROM')), ['FROM node:${NODE_VERSION}-slim AS deps', 'FROM node:${NODE_VERSION}-slim AS build', 'FROM node:${NODE_VERSION}-slim AS runtime']);
    assert.ok(l.includes('ARG NODE_VERSION=22'));
    assert.ok(l.includes('COPY package.json package-lock.json ./'));
    assert.ok(l.includes('RUN npm ci --omit=dev'));
    assert.ok(l.includes('RUN npm ci'));
    assert.ok(l.includes('RUN npm run build'));
    assert.ok(l.includes('COPY --from=deps --chown=node:node /app/node_modules ./node_modules'));
    assert.ok(l.includes('COPY --from=build --chown=node:node /app/dist ./dist'));
    assert.deepEqual(l.slice(-3), ['USER node', 'EXPOSE 8080', 'CMD ["node", "dist/server.js"]']);
    assert.ok(l.indexOf('ENV NODE_ENV=production') > l.indexOf('FROM node:${NODE_VERSION}-slim AS runtime'));
    const ignore = lines(file(plan, '.dockerignore'));
    for (const x of ['node_modules', '.env', '.env.*', '!.env.example', '.git', 'dist']) assert.ok(ignore.includes(x), x);
  });

  test('JavaScript without a build, yarn, engines 18: no build stage, the source copied', async () => {
    const plan = await generate('dockerfile', 'js-cjs-fastify');
    const l = lines(file(plan, 'Dockerfile'));
    assert.ok(l.includes('ARG NODE_VERSION=18'));
    assert.ok(!l.some((x) => x.includes('AS build')));
    assert.ok(l.includes('COPY package.json yarn.lock ./'));
    assert.ok(l.includes('RUN yarn install --frozen-lockfile --production'));
    assert.ok(l.includes('COPY --chown=node:node . .'));
    assert.ok(l.includes('EXPOSE 3000'));
    assert.ok(l.includes('CMD ["node", "index.js"]'));
    assert.ok(!lines(file(plan, '.dockerignore')).includes('dist'), 'not built in the image: a committed dist stays');
  });

  test('pnpm; runtime folders of a built app are copied; no lockfile is pointed out', async () => {
    assert.ok(lines(file(await generate('dockerfile', 'koa-esm'), 'Dockerfile')).includes('RUN corepack enable && pnpm install --frozen-lockfile --prod'));
    const plan = await generate('dockerfile', 'examples');
    const l = lines(file(plan, 'Dockerfile'));
    assert.ok(l.includes('COPY --chown=node:node config ./config'));
    assert.ok(l.includes('RUN npm install --omit=dev'));
    assert.ok(l.includes('CMD ["node", "dist/src/server.js"]'));
    assert.match(plan.notes.join(' '), /no lockfile/);
  });
});

describe('scaffold: docker-compose', () => {
  type Compose = { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };

  test('postgres and redis: healthchecks, volumes, credentials by interpolation, app depends on healthy services', async () => {
    const plan = await generate('compose', 'ts-esm-express');
    const text = file(plan, 'docker-compose.yml');
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, []);
    const c = doc.toJS() as Compose;
    assert.deepEqual(Object.keys(c.services), ['app', 'postgres', 'redis']);
    const app = c.services.app as { build: string; env_file: string; environment: Record<string, string>; depends_on: Record<string, { condition: string }>; ports: string[] };
    assert.equal(app.build, '.');
    assert.equal(app.env_file, '.env');
    assert.deepEqual(app.depends_on, { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    assert.equal(app.environment.DATABASE_URL, 'postgres://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB:-app}');
    assert.equal(app.environment.REDIS_URL, 'redis://redis:6379');
    assert.equal(app.environment.PORT, '8080');
    assert.deepEqual(app.ports, ['8080:8080']);
    const pg = c.services.postgres as { image: string; environment: Record<string, string>; volumes: string[]; healthcheck: { test: string[] } };
    assert.equal(pg.image, 'postgres:16');
    assert.equal(pg.environment.POSTGRES_PASSWORD, '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}');
    assert.deepEqual(pg.volumes, ['postgres-data:/var/lib/postgresql/data']);
    assert.deepEqual(pg.healthcheck.test, ['CMD-SHELL', 'pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}']);
    assert.equal((c.services.redis as { image: string }).image, 'redis:7');
    assert.deepEqual(Object.keys(c.volumes ?? {}), ['postgres-data', 'redis-data']);
    // The credentials the file interpolates are documented in .env.example (merged, never overwritten).
    const example = plan.files.find((f) => f.path === '.env.example');
    assert.equal(example?.merge, 'append-missing-keys');
    assert.deepEqual(parseDotenv(example?.content ?? ''), { POSTGRES_USER: 'app', POSTGRES_PASSWORD: '', POSTGRES_DB: 'app' });
  });

  test('mongo and rabbitmq; kafka is named but not generated', async () => {
    const plan = await generate('compose', 'js-cjs-fastify');
    const c = parseYaml(file(plan, 'docker-compose.yml')) as Compose;
    assert.deepEqual(Object.keys(c.services), ['app', 'mongo', 'rabbitmq']);
    assert.equal(c.services.mongo.image, 'mongo:7');
    assert.equal(c.services.rabbitmq.image, 'rabbitmq:3-management');
    assert.equal((c.services.app.environment as Record<string, string>).AMQP_URL, 'amqp://${RABBITMQ_DEFAULT_USER:-app}:${RABBITMQ_DEFAULT_PASS}@rabbitmq:5672');
    assert.match(file(plan, 'docker-compose.yml'), /# kafka: used \(kafkajs, KAFKA_BROKERS\) but not generated/);
    assert.match(plan.notes.join(' '), /kafka/);
  });

  test('mysql: the app\'s own variables point at the service', async () => {
    const c = parseYaml(file(await generate('compose', 'koa-esm'), 'docker-compose.yml')) as Compose;
    assert.deepEqual(Object.keys(c.services), ['app', 'mysql', 'redis']);
    assert.equal(c.services.mysql.image, 'mysql:8');
    const env = c.services.app.environment as Record<string, string>;
    assert.equal(env.DB_HOST, 'mysql');
    assert.equal(env.MYSQL_PASSWORD, '${MYSQL_PASSWORD}');
  });

  test('no literal credential anywhere in a generated compose file', async () => {
    for (const name of ['ts-esm-express', 'js-cjs-fastify', 'koa-esm', 'examples']) {
      const c = parseYaml(file(await generate('compose', name), 'docker-compose.yml')) as Compose;
      for (const service of Object.values(c.services)) {
        for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
          if (/PASS|SECRET/.test(key)) assert.match(value, /^\$\{[A-Z_]+(:\?[^}]*)?\}$/, `${name}: ${key}`);
        }
      }
    }
  });
});

describe('scaffold: logger', () => {
  test('TypeScript: pino named import, level from LOG_LEVEL, stdout', async () => {
    const plan = await generate('logger', 'ts-esm-express');
    const text = file(plan, 'src/logger.ts');
    assert.ok(text.includes("import { pino } from 'pino';"));
    assert.ok(text.includes("  level: process.env.LOG_LEVEL || 'info',"));
    assert.ok(text.includes('export const logger = pino({'));
    assert.ok(!/destination|transport|\bfile\b/i.test(text.replace(/^\s*(\*|\/\/).*$/gm, '')), 'nothing but stdout');
    assert.ok(!plan.notes.some((n) => n.includes('Install')), 'pino is a dependency already');
  });

  test('JavaScript CommonJS: require, module.exports; install note when pino is missing', async () => {
    const plan = await generate('logger', 'js-cjs-fastify');
    const text = file(plan, 'logger.js');
    assert.ok(text.includes("const { pino } = require('pino');"));
    assert.ok(text.trimEnd().endsWith('module.exports = { logger };'));
    assert.match(plan.notes[0], /yarn add pino/);
  });
});

describe('scaffold: health check', () => {
  test('express Router / fastify plugin / koa middleware, by detected framework', async () => {
    const express = file(await generate('healthCheck', 'ts-esm-express'), 'src/health.ts');
    assert.ok(express.includes("import { Router } from 'express';"));
    assert.ok(express.includes('export function healthRouter(checks: HealthChecks = {}): Router {'));
    assert.ok(express.includes("router.get('/healthz'"));
    assert.ok(express.includes("router.get('/readyz'"));
    const fastify = file(await generate('healthCheck', 'js-cjs-fastify'), 'health.js');
    assert.ok(fastify.includes('function healthPlugin(checks = {}) {'));
    assert.ok(fastify.includes("@returns {import('fastify').FastifyPluginAsync}"));
    assert.ok(fastify.trimEnd().endsWith('module.exports = { runChecks, healthPlugin };'));
    const koa = file(await generate('healthCheck', 'koa-esm'), 'lib/health.js');
    assert.ok(koa.includes('export function healthCheck(checks = {}) {'));
    assert.ok(koa.includes('await next();'));
  });

  test('instructions say where and how to mount it; the server file is not touched', async () => {
    const plan = await generate('healthCheck', 'koa-esm');
    assert.deepEqual(plan.files.map((f) => f.path), ['lib/health.js']);
    assert.match(plan.notes[0], /in lib\/app\.js: import \{ healthCheck \} from '\.\/health\.js';/);
  });

  test('plain node:http handler: /healthz 200, /readyz 503 naming the failing check (not why), others passed on', async () => {
    const p = await detectProject(mapScaffoldFs({ 'package.json': '{}', 'server.js': "const http = require('http');\nhttp.createServer(() => {}).listen(3000);\n" }));
    const code = file(scaffoldById('healthCheck')!.generate(p), 'health.js');
    const { healthHandler } = loadCjs(code, {}) as { healthHandler: (checks: Record<string, () => unknown>) => (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> };
    const handle = healthHandler({ db: () => Promise.reject(new Error('password authentication failed for user app')), cache: () => 'PONG' });
    const server = http.createServer((req, res) => {
      void handle(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const get = (p2: string) => new Promise<[number, string]>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: p2 }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve([res.statusCode ?? 0, body]));
      });
    });
    try {
      assert.deepEqual(await get('/healthz'), [200, '{"status":"ok","checks":{}}']);
      assert.deepEqual(await get('/readyz'), [503, '{"status":"unavailable","checks":{"db":"fail","cache":"ok"}}']);
      assert.deepEqual(await get('/orders'), [404, '']);
    } finally {
      server.close();
    }
  });
});
