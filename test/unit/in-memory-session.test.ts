import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { ProgramIndex } from '../../core/src/program';
import { rule } from '../../core/src/rules/processes/in-memory-session';
import type { Finding } from '../../core/src/types';
import { covered, syntaxErrors } from './helpers';

const RULE = 'processes/in-memory-session';
const ROOT = path.resolve(__dirname, '../../..');
const STUBS = path.join(ROOT, 'test/fixtures/in-memory-session/types');

/** Lines joined with `\n`, with a final line break: the fixtures read like the files they stand for. */
const code = (...lines: string[]): string => `${lines.join('\n')}\n`;

function findings(file: string, text: string, index?: ProgramIndex): Finding[] {
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule], program: index?.view(file) }).findings;
}

/** Invalid cases: the finding's message id, its 1-based line and the text it covers. */
interface Invalid {
  name: string;
  file?: string;
  code: string;
  messageId: string;
  line: number;
  text: string;
  /** The `store` / `library` / `which` the message names, when the case is about it. */
  data?: Record<string, string>;
}

const HEAD_ESM = "import express from 'express';\nimport session from 'express-session';\nconst app = express();";
const HEAD_CJS = "const express = require('express');\nconst session = require('express-session');\nconst app = express();";

const expressInvalid: Invalid[] = [
  { name: 'ESM default import, no store', code: code(HEAD_ESM, "app.use(session({ secret: 's', resave: false }));"), messageId: 'defaultMemoryStore', line: 4, text: 'session', data: { library: 'express-session' } },
  { name: 'CommonJS require, no store', file: 'src/app.js', code: code(HEAD_CJS, "app.use(session({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 4, text: 'session' },
  { name: 'another local name', file: 'src/app.js', code: code("const expressSession = require('express-session');", "app.use(expressSession({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 2, text: 'expressSession' },
  { name: 'inline require', file: 'src/app.js', code: code("app.use(require('express-session')({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 1, text: "require('express-session')" },
  { name: 'namespace import (Nest)', code: code("import * as session from 'express-session';", "app.use(session({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 2, text: 'session' },
  { name: 'import = require()', code: code("import session = require('express-session');", "app.use(session({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 2, text: 'session' },
  { name: 'named default import with alias', code: code("import { default as sess } from 'express-session';", "app.use(sess({ secret: 's' }));"), messageId: 'defaultMemoryStore', line: 2, text: 'sess' },
  { name: 'no options at all', code: code(HEAD_ESM, 'app.use(session());'), messageId: 'defaultMemoryStore', line: 4, text: 'session' },
  { name: 'options in a local variable', code: code(HEAD_ESM, "const sessionOptions = { secret: 's', cookie: { secure: true } };", 'app.use(session(sessionOptions));'), messageId: 'defaultMemoryStore', line: 5, text: 'session' },
  { name: 'typed options variable', code: code(HEAD_ESM, "const opts: session.SessionOptions = { secret: 's' };", 'export const middleware = session(opts);'), messageId: 'defaultMemoryStore', line: 5, text: 'session' },
  { name: 'store: undefined', code: code(HEAD_ESM, "app.use(session({ secret: 's', store: undefined }));"), messageId: 'defaultMemoryStore', line: 4, text: 'session' },
  { name: 'multi-line options', code: code(HEAD_ESM, 'app.use(', '  session({', "    secret: process.env.SESSION_SECRET!,", '    resave: false,', '  }),', ');'), messageId: 'defaultMemoryStore', line: 5, text: 'session' },
  { name: 'new session.MemoryStore()', code: code(HEAD_ESM, "app.use(session({ secret: 's', store: new session.MemoryStore() }));"), messageId: 'memoryStore', line: 4, text: 'new session.MemoryStore()', data: { store: 'express-session MemoryStore' } },
  { name: 'destructured MemoryStore', file: 'src/app.js', code: code(HEAD_CJS, 'const { MemoryStore } = session;', "app.use(session({ store: new MemoryStore(), secret: 's' }));"), messageId: 'memoryStore', line: 5, text: 'new MemoryStore()' },
  { name: "require('express-session').MemoryStore", file: 'src/app.js', code: code("const MemoryStore = require('express-session').MemoryStore;", "app.use(require('express-session')({ store: new MemoryStore(), secret: 's' }));"), messageId: 'memoryStore', line: 2, text: 'new MemoryStore()' },
  { name: 'named import with alias', code: code("import session, { MemoryStore as Mem } from 'express-session';", "app.use(session({ store: new Mem(), secret: 's' }));"), messageId: 'memoryStore', line: 2, text: 'new Mem()' },
  { name: 'store in a variable (shorthand)', code: code(HEAD_ESM, 'const store = new session.MemoryStore();', "app.use(session({ store, secret: 's' }));"), messageId: 'memoryStore', line: 5, text: 'store' },
  { name: 'opts.store = … assigned later', code: code(HEAD_ESM, "const opts = { secret: 's' } as session.SessionOptions;", 'opts.store = new session.MemoryStore();', 'app.use(session(opts));'), messageId: 'memoryStore', line: 5, text: 'new session.MemoryStore()' },
  { name: 'memorystore (CommonJS)', file: 'src/app.js', code: code(HEAD_CJS, "const MemoryStore = require('memorystore')(session);", "app.use(session({ store: new MemoryStore({ checkPeriod: 86400000 }), secret: 's' }));"), messageId: 'memoryStore', line: 5, text: 'new MemoryStore({ checkPeriod: 86400000 })', data: { store: 'memorystore' } },
  { name: 'memorystore (ESM factory)', code: code(HEAD_ESM, "import createMemoryStore from 'memorystore';", 'const MemoryStore = createMemoryStore(session);', "app.use(session({ secret: 's', store: new MemoryStore({ checkPeriod: 864e5 }) }));"), messageId: 'memoryStore', line: 6, text: 'new MemoryStore({ checkPeriod: 864e5 })' },
  { name: 'memorystore inline', file: 'src/app.js', code: code(HEAD_CJS, "app.use(session({ store: new (require('memorystore')(session))(), secret: 's' }));"), messageId: 'memoryStore', line: 4, text: "new (require('memorystore')(session))()" },
  { name: 'session-file-store', file: 'src/app.js', code: code(HEAD_CJS, "const FileStore = require('session-file-store')(session);", "app.use(session({ store: new FileStore({ path: './sessions' }), secret: 's' }));"), messageId: 'fileStore', line: 5, text: "new FileStore({ path: './sessions' })", data: { store: 'session-file-store' } },
  { name: 'session-file-store (ESM)', code: code(HEAD_ESM, "import sessionFileStore from 'session-file-store';", 'const FileStore = sessionFileStore(session);', "app.use(session({ secret: 's', store: new FileStore() }));"), messageId: 'fileStore', line: 6, text: 'new FileStore()' },
  { name: 'connect-sqlite3 (new without parentheses)', file: 'src/app.js', code: code(HEAD_CJS, "const SQLiteStore = require('connect-sqlite3')(session);", "app.use(session({ store: new SQLiteStore, secret: 's' }));"), messageId: 'fileStore', line: 5, text: 'new SQLiteStore', data: { store: 'connect-sqlite3' } },
  { name: 'better-sqlite3-session-store', file: 'src/app.js', code: code(HEAD_CJS, "const SqliteStore = require('better-sqlite3-session-store')(session);", "const db = new (require('better-sqlite3'))('sessions.db');", "app.use(session({ store: new SqliteStore({ client: db }), secret: 's' }));"), messageId: 'fileStore', line: 6, text: 'new SqliteStore({ client: db })' },
  { name: 'connect-loki', file: 'src/app.js', code: code(HEAD_CJS, "const LokiStore = require('connect-loki')(session);", "app.use(session({ store: new LokiStore({}), secret: 's' }));"), messageId: 'fileStore', line: 5, text: 'new LokiStore({})' },
  { name: 'connect-nedb-session', file: 'src/app.js', code: code(HEAD_CJS, "const NedbStore = require('connect-nedb-session')(session);", "app.use(session({ store: new NedbStore({ filename: 'sessions.db' }), secret: 's' }));"), messageId: 'fileStore', line: 5, text: "new NedbStore({ filename: 'sessions.db' })" },
  { name: 'in-memory either way', code: code(HEAD_ESM, "const dev = process.env.NODE_ENV !== 'production';", "app.use(session({ secret: 's', store: dev ? new session.MemoryStore() : new session.MemoryStore() }));"), messageId: 'memoryStore', line: 5, text: 'dev ? new session.MemoryStore() : new session.MemoryStore()' },
];

const FASTIFY_HEAD = "import Fastify from 'fastify';\nconst fastify = Fastify();";
const frameworksInvalid: Invalid[] = [
  { name: 'fastify: @fastify/session without store', code: code(FASTIFY_HEAD, "import fastifySession from '@fastify/session';", "fastify.register(fastifySession, { secret: process.env.SESSION_SECRET! });"), messageId: 'fastifyNoStore', line: 4, text: 'fastifySession', data: { library: '@fastify/session' } },
  { name: 'fastify: inline require, awaited', file: 'src/app.js', code: code("const app = require('fastify')();", "await app.register(require('@fastify/session'), { secret: 'a secret with minimum length of 32 characters' });"), messageId: 'fastifyNoStore', line: 2, text: "require('@fastify/session')" },
  { name: 'fastify: named import', code: code("import { fastifySession } from '@fastify/session';", 'app.register(fastifySession, { secret });'), messageId: 'fastifyNoStore', line: 2, text: 'fastifySession' },
  { name: 'fastify: legacy fastify-session, options in a variable', file: 'src/app.js', code: code("const fastifySession = require('fastify-session');", "const options = { secret: 'x'.repeat(32) };", 'fastify.register(fastifySession, options);'), messageId: 'fastifyNoStore', line: 3, text: 'fastifySession', data: { library: 'fastify-session' } },
  { name: 'fastify: explicit MemoryStore', code: code("import fastifySession from '@fastify/session';", 'app.register(fastifySession, { secret, store: new fastifySession.MemoryStore() });'), messageId: 'memoryStore', line: 2, text: 'new fastifySession.MemoryStore()' },
  { name: 'koa-session: object store over a plain object', file: 'src/app.js', code: code("const session = require('koa-session');", 'app.use(session({', '  store: {', '    storage: {},', '    get(key) { return this.storage[key]; },', '    set(key, sess) { this.storage[key] = sess; },', '    destroy(key) { delete this.storage[key]; },', '  },', '}, app));'), messageId: 'koaStore', line: 3, text: '{\n    storage: {},\n    get(key) { return this.storage[key]; },\n    set(key, sess) { this.storage[key] = sess; },\n    destroy(key) { delete this.storage[key]; },\n  }' },
  { name: 'koa-session: object store over a Map variable', code: code("import session from 'koa-session';", 'const sessions = new Map();', 'const store = { get: (k: string) => sessions.get(k), set: (k: string, v: unknown) => sessions.set(k, v), destroy: (k: string) => sessions.delete(k) };', 'app.use(session({ store, key: "sid" }, app));'), messageId: 'koaStore', line: 4, text: 'store' },
  { name: 'koa-session: old (app, opts) order and a Map', file: 'src/app.js', code: code("const session = require('koa-session');", 'app.use(session(app, { store: new Map() }));'), messageId: 'koaStore', line: 2, text: 'new Map()', data: { store: 'Map' } },
  { name: 'koa-session: own class holding a Map', code: code("import session from 'koa-session';", 'class SessionMemory {', '  private sessions = new Map<string, unknown>();', '  get(k: string) { return this.sessions.get(k); }', '  set(k: string, v: unknown) { this.sessions.set(k, v); }', '  destroy(k: string) { this.sessions.delete(k); }', '}', 'app.use(session({ store: new SessionMemory() }, app));'), messageId: 'koaStore', line: 8, text: 'new SessionMemory()', data: { store: 'SessionMemory' } },
  { name: 'koa-session: local factory returning a Map-backed object', code: code("import session from 'koa-session';", 'function createStore() {', '  const store = new Map();', '  return { get: (k: string) => store.get(k), set: (k: string, v: unknown) => store.set(k, v), destroy: (k: string) => store.delete(k) };', '}', 'app.use(session({ store: createStore() }, app));'), messageId: 'koaStore', line: 6, text: 'createStore()' },
  { name: 'koa-generic-session without store', file: 'src/app.js', code: code("const session = require('koa-generic-session');", 'app.use(session());'), messageId: 'defaultMemoryStore', line: 2, text: 'session', data: { library: 'koa-generic-session' } },
  { name: 'koa-generic-session with its MemoryStore', file: 'src/app.js', code: code("const session = require('koa-generic-session');", 'app.use(session({ store: new session.MemoryStore() }));'), messageId: 'memoryStore', line: 2, text: 'new session.MemoryStore()' },
  { name: 'koa-session-minimal without store', code: code("import session from 'koa-session-minimal';", "app.use(session({ key: 'SESSID' }));"), messageId: 'defaultMemoryStore', line: 2, text: 'session', data: { library: 'koa-session-minimal' } },
  { name: 'hapi yar: default memory cache, default cookie size', code: code("import Hapi from '@hapi/hapi';", "import Yar from '@hapi/yar';", 'const server = Hapi.server({ port: 3000 });', "await server.register({ plugin: Yar, options: { cookieOptions: { password: process.env.COOKIE_PASSWORD!, isSecure: true } } });"), messageId: 'yarMemory', line: 4, text: 'Yar', data: { which: 'sessions larger than 1024 bytes' } },
  { name: 'hapi yar: maxCookieSize 0 puts every session in memory', file: 'src/server.js', code: code("const Hapi = require('@hapi/hapi');", 'const server = new Hapi.Server({ port: 3000 });', 'await server.register({', "  plugin: require('@hapi/yar'),", '  options: { maxCookieSize: 0, cookieOptions: { password } },', '});'), messageId: 'yarMemory', line: 4, text: "require('@hapi/yar')", data: { which: 'every session' } },
  { name: 'hapi yar: named cache provisioned with catbox-memory', code: code("import Hapi from '@hapi/hapi';", "import CatboxMemory from '@hapi/catbox-memory';", "import yar from '@hapi/yar';", "const server = Hapi.server({ cache: [{ name: 'sessions', provider: { constructor: CatboxMemory } }] });", "await server.register({ plugin: yar, options: { maxCookieSize: 0, cache: { cache: 'sessions', expiresIn: 864e5 }, cookieOptions: { password } } });"), messageId: 'yarMemory', line: 5, text: 'yar' },
];

const valid: Array<{ name: string; file?: string; code: string }> = [
  { name: 'cookie-session', code: code("import cookieSession from 'cookie-session';", "app.use(cookieSession({ name: 'session', keys: [process.env.KEY!] }));") },
  { name: 'connect-redis v8+', code: code(HEAD_ESM, "import { RedisStore } from 'connect-redis';", "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));") },
  { name: 'connect-redis v7 default import', code: code(HEAD_ESM, "import RedisStore from 'connect-redis';", "app.use(session({ store: new RedisStore({ client }), secret: 's' }));") },
  { name: 'connect-redis old factory', file: 'src/app.js', code: code(HEAD_CJS, "const RedisStore = require('connect-redis')(session);", "app.use(session({ store: new RedisStore({ client }), secret: 's' }));") },
  { name: 'connect-pg-simple', file: 'src/app.js', code: code(HEAD_CJS, "const pgSession = require('connect-pg-simple')(session);", "app.use(session({ store: new pgSession({ pool }), secret: 's' }));") },
  { name: 'connect-mongo MongoStore.create', code: code(HEAD_ESM, "import MongoStore from 'connect-mongo';", "app.use(session({ secret: 's', store: MongoStore.create({ mongoUrl: process.env.MONGO_URL }) }));") },
  { name: 'express-mysql-session', file: 'src/app.js', code: code(HEAD_CJS, "const MySQLStore = require('express-mysql-session')(session);", 'const sessionStore = new MySQLStore(options);', "app.use(session({ store: sessionStore, secret: 's' }));") },
  { name: 'connect-dynamodb', file: 'src/app.js', code: code(HEAD_CJS, "const DynamoDBStore = require('connect-dynamodb')(session);", "app.use(session({ store: new DynamoDBStore({ table: 'sessions' }), secret: 's' }));") },
  { name: 'prisma-session-store', code: code(HEAD_ESM, "import { PrismaSessionStore } from '@quixo3/prisma-session-store';", "app.use(session({ secret: 's', store: new PrismaSessionStore(prisma, { checkPeriod: 120000 }) }));") },
  { name: 'connect-session-sequelize', file: 'src/app.js', code: code(HEAD_CJS, "const SequelizeStore = require('connect-session-sequelize')(session.Store);", "app.use(session({ secret: 's', store: new SequelizeStore({ db: sequelize }) }));") },
  { name: 'a parameter shadows the import', code: code(HEAD_ESM, 'export function mount(session: (o: object) => unknown) {', "  return session({ secret: 's' });", '}') },
  { name: 'options are a parameter', code: code(HEAD_ESM, 'export function install(opts: session.SessionOptions) {', '  app.use(session(opts));', '}') },
  { name: 'options are imported', code: code(HEAD_ESM, "import { sessionOptions } from './config';", 'app.use(session(sessionOptions));') },
  { name: 'options spread from a base', code: code(HEAD_ESM, 'const base = makeBase();', "app.use(session({ ...base, secret: 's' }));") },
  { name: 'options from a config object', code: code(HEAD_ESM, 'app.use(session(config.session));') },
  { name: 'options built by a call', code: code(HEAD_ESM, 'app.use(session(Object.assign({}, defaults, { secret })));') },
  { name: 'options mutated by Object.assign', code: code(HEAD_ESM, "const opts = { secret: 's' };", 'Object.assign(opts, { store: redisStore });', 'app.use(session(opts));') },
  { name: 'opts.store set to Redis later', code: code(HEAD_ESM, "const opts: session.SessionOptions = { secret: 's' };", "if (process.env.NODE_ENV === 'production') opts.store = new RedisStore({ client });", 'app.use(session(opts));') },
  { name: 'Redis in production, memory in development', code: code(HEAD_ESM, "app.use(session({ secret: 's', store: prod ? new RedisStore({ client }) : new session.MemoryStore() }));") },
  { name: 'store variable that is reassigned', code: code(HEAD_ESM, 'let store = new session.MemoryStore();', 'if (prod) store = createRedisStore();', "app.use(session({ store, secret: 's' }));") },
  { name: 'store is a parameter', code: code(HEAD_ESM, "export const install = (store: session.Store) => app.use(session({ store, secret: 's' }));") },
  { name: 'a spread after the store may override it', code: code(HEAD_ESM, "app.use(session({ store: new session.MemoryStore(), ...overrides }));") },
  { name: 'express-rate-limit MemoryStore', code: code("import { rateLimit, MemoryStore } from 'express-rate-limit';", 'app.use(rateLimit({ windowMs: 60_000, store: new MemoryStore() }));') },
  { name: 'an unrelated MemoryStore passed to express-session', code: code(HEAD_ESM, "import { MemoryStore } from './memory-store';", "app.use(session({ store: new MemoryStore(), secret: 's' }));") },
  { name: 'your own MemoryStore class', code: code(HEAD_ESM, 'class MemoryStore extends session.Store { get() {} set() {} destroy() {} }', "app.use(session({ store: new MemoryStore(), secret: 's' }));") },
  { name: 'apollo InMemoryLRUCache', code: code("import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';", 'const server = new ApolloServer({ cache: new InMemoryLRUCache() });') },
  { name: 'an imported store without a program index', code: code(HEAD_ESM, "import { store } from './store';", "app.use(session({ store, secret: 's' }));") },
  { name: 'a store imported from a package', code: code(HEAD_ESM, "import { sessionStore } from '@acme/platform';", "app.use(session({ store: sessionStore, secret: 's' }));") },
  { name: 'session.MemoryStore mentioned, not used as the store', code: code(HEAD_ESM, 'const isMemory = store instanceof session.MemoryStore;') },
  { name: 'fastify with a Redis store', code: code("import fastifySession from '@fastify/session';", "import { RedisStore } from 'connect-redis';", 'app.register(fastifySession, { secret, store: new RedisStore({ client }) });') },
  { name: '@fastify/secure-session', code: code("import fastifySecureSession from '@fastify/secure-session';", "app.register(fastifySecureSession, { key, cookie: { path: '/' } });") },
  { name: 'fastify options as a function', code: code("import fastifySession from '@fastify/session';", 'app.register(fastifySession, (instance) => ({ secret: instance.config.SECRET }));') },
  { name: 'another fastify plugin', code: code("import cookie from '@fastify/cookie';", "import '@fastify/session';", 'app.register(cookie, {});') },
  { name: 'koa-session cookie default', file: 'src/app.js', code: code("const session = require('koa-session');", "app.keys = ['k'];", 'app.use(session(app));') },
  { name: 'koa-session cookie default with config', code: code("import session from 'koa-session';", "const CONFIG = { key: 'koa.sess', maxAge: 86400000, httpOnly: true };", 'app.use(session(CONFIG, app));') },
  { name: 'koa-session with a Redis-backed object store', code: code("import session from 'koa-session';", 'app.use(session({ store: { get: (k: string) => redis.get(k), set: (k: string, v: unknown) => redis.set(k, JSON.stringify(v)), destroy: (k: string) => redis.del(k) } }, app));') },
  { name: 'koa-session with koa-redis', file: 'src/app.js', code: code("const session = require('koa-session');", "const redisStore = require('koa-redis');", 'app.use(session({ store: redisStore({ url: process.env.REDIS_URL }) }, app));') },
  { name: 'koa-generic-session with koa-redis', file: 'src/app.js', code: code("const session = require('koa-generic-session');", "const redisStore = require('koa-redis');", 'app.use(session({ store: redisStore() }));') },
  { name: 'yar with the server cache on Redis', code: code("import Hapi from '@hapi/hapi';", "import CatboxRedis from '@hapi/catbox-redis';", "import Yar from '@hapi/yar';", 'const server = Hapi.server({ cache: [{ provider: { constructor: CatboxRedis, options: { url: process.env.REDIS_URL } } }] });', 'await server.register({ plugin: Yar, options: { maxCookieSize: 0, cookieOptions: { password } } });') },
  { name: 'yar with a named Redis cache', file: 'src/server.js', code: code("const Hapi = require('@hapi/hapi');", "const server = Hapi.server({ cache: [{ name: 'session', provider: { constructor: require('@hapi/catbox-redis'), options: {} } }] });", "server.register({ plugin: require('@hapi/yar'), options: { maxCookieSize: 0, cache: { cache: 'session' }, cookieOptions: { password } } });") },
  { name: 'yar registered in a plugin module (the server is elsewhere)', file: 'src/plugins/session.js', code: code('module.exports = {', "  plugin: require('@hapi/yar'),", '  options: { maxCookieSize: 0, cache: { cache: config.cacheName }, cookieOptions: { password: config.cookiePassword } },', '};') },
  { name: 'yar with a cache name the file does not provision', code: code("import Hapi from '@hapi/hapi';", "import Yar from '@hapi/yar';", 'const server = Hapi.server(serverOptions);', "await server.register({ plugin: Yar, options: { cache: { cache: 'redis' }, cookieOptions: { password } } });") },
];

function check(c: Invalid): void {
  const file = c.file ?? 'src/app.ts';
  const found = findings(file, c.code);
  assert.equal(found.length, 1, `expected one finding, got ${JSON.stringify(found.map((f) => [f.messageId, covered(c.code, f)]))}`);
  const f = found[0];
  assert.equal(f.ruleId, RULE);
  assert.equal(f.messageId, c.messageId);
  assert.equal(f.range.start.line + 1, c.line);
  assert.equal(covered(c.code, f), c.text);
  assert.equal(f.severity, 'warning');
  for (const [k, v] of Object.entries(c.data ?? {})) assert.equal(f.data[k], v, k);
  assert.ok(!/\{\w+\}/.test(f.message), `message fully rendered: ${f.message}`);
}

describe('processes/in-memory-session: express-session', () => {
  for (const c of expressInvalid) test(`invalid: ${c.name}`, () => check(c));
});

describe('processes/in-memory-session: fastify, koa, hapi', () => {
  for (const c of frameworksInvalid) test(`invalid: ${c.name}`, () => check(c));
});

describe('processes/in-memory-session: not flagged', () => {
  for (const c of valid) {
    test(`valid: ${c.name}`, () => {
      const file = c.file ?? 'src/app.ts';
      const found = findings(file, c.code);
      assert.deepEqual(found.map((f) => [f.messageId, covered(c.code, f)]), []);
    });
  }
  test('a file without any session library is never parsed', () => {
    const context = new FileContext('src/cache.ts', "const cache = new Map();\nexport const sessionLike = { get: (k: string) => cache.get(k) };\nclass MemoryStore {}\n");
    const result = analyze(context, { config: defaultConfig(), rules: [rule] });
    assert.deepEqual(result.findings, []);
    assert.equal(context.hasSourceFile, false);
  });
  test('a test file is not reported by default; testFiles.severity reports it at that level', () => {
    const text = code(HEAD_ESM, "app.use(session({ secret: 's' }));");
    assert.deepEqual(findings('test/app.test.ts', text), []);
    const config = { ...defaultConfig(), testFiles: { severity: 'info' as const } };
    const found = analyze(new FileContext('test/app.test.ts', text), { config, rules: [rule] }).findings;
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
  });
  test('a suppression comment silences it', () => {
    const found = findings('src/app.ts', code(HEAD_ESM, `// twelve-factor-disable-next-line ${RULE} -- single-instance admin tool`, "app.use(session({ secret: 's' }));"));
    assert.deepEqual(found, []);
  });
});

/** A program: every file indexed with this rule's summaries, then one analysed against the index. */
function program(files: Record<string, string>): (file: string) => Finding[] {
  const index = new ProgramIndex([rule]);
  for (const [file, text] of Object.entries(files)) index.update(file, text, false);
  return (file) => findings(file, files[file], index);
}

describe('processes/in-memory-session: a store made in another module', () => {
  const app = (importLine: string, use = "app.use(session({ store, secret: 's' }));") => code(HEAD_ESM, importLine, use);
  const cases: Array<{ name: string; files: Record<string, string>; file: string; messageId?: string; text?: string; line?: number }> = [
    { name: 'export const store = new MemoryStore()', file: '/p/src/app.ts', messageId: 'memoryStore', text: 'store', line: 5,
      files: { '/p/src/store.ts': code("import session from 'express-session';", 'export const store = new session.MemoryStore();'), '/p/src/app.ts': app("import { store } from './store';") } },
    { name: 'a local store re-exported as the default', file: '/p/src/app.ts', messageId: 'memoryStore', text: 'sessionStore', line: 5,
      files: { '/p/src/store.ts': code("import createMemoryStore from 'memorystore';", "import session from 'express-session';", 'const MemoryStore = createMemoryStore(session);', 'const store = new MemoryStore({ checkPeriod: 864e5 });', 'export default store;'),
        '/p/src/app.ts': app("import sessionStore from './store.js';", "app.use(session({ store: sessionStore, secret: 's' }));") } },
    { name: 'export { store as default }', file: '/p/src/app.ts', messageId: 'memoryStore', text: 'store', line: 5,
      files: { '/p/src/session/store.ts': code("import { MemoryStore } from 'express-session';", 'const memory = new MemoryStore();', 'export { memory as default };'), '/p/src/app.ts': app("import store from './session/store';") } },
    { name: 'export default new session.MemoryStore()', file: '/p/src/app.ts', messageId: 'memoryStore', text: 'store', line: 5,
      files: { '/p/src/store/index.ts': code("import session from 'express-session';", 'export default new session.MemoryStore();'), '/p/src/app.ts': app("import store from './store';") } },
    { name: 'module.exports = file store, required (CommonJS)', file: '/p/src/app.js', messageId: 'fileStore', text: 'store', line: 5,
      files: { '/p/src/store.js': code("const session = require('express-session');", "const SQLiteStore = require('connect-sqlite3')(session);", "module.exports = new SQLiteStore({ db: 'sessions', dir: './var/db' });"),
        '/p/src/app.js': code(HEAD_CJS, "const store = require('./store');", "app.use(session({ store, secret: 's' }));") } },
    { name: 'exports.store = … destructured from require', file: '/p/src/app.js', messageId: 'memoryStore', text: 'store', line: 5,
      files: { '/p/src/store.js': code("const session = require('express-session');", 'exports.store = new session.MemoryStore();'), '/p/src/app.js': code(HEAD_CJS, "const { store } = require('./store');", "app.use(session({ store, secret: 's' }));") } },
    { name: 'module.exports = { store }', file: '/p/src/app.js', messageId: 'memoryStore', text: 'store', line: 5,
      files: { '/p/src/store.js': code("const session = require('express-session');", 'const store = new session.MemoryStore();', 'module.exports = { store };'), '/p/src/app.js': code(HEAD_CJS, "const { store } = require('./store');", "app.use(session({ store, secret: 's' }));") } },
    { name: 'koa: an object store over a Map, exported', file: '/p/src/app.ts', messageId: 'koaStore', text: 'store', line: 3,
      files: { '/p/src/store.ts': code("import type { stores } from 'koa-session';", 'const sessions = new Map<string, unknown>();', 'export const store: stores = { get: (k) => sessions.get(k), set: (k, v) => { sessions.set(k, v); }, destroy: (k) => { sessions.delete(k); } };'),
        '/p/src/app.ts': code("import session from 'koa-session';", "import { store } from './store';", 'app.use(session({ store }, app));') } },
    { name: 'negative: an imported Redis store', file: '/p/src/app.ts',
      files: { '/p/src/store.ts': code("import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", 'const client = createClient({ url: process.env.REDIS_URL });', 'export const store = new RedisStore({ client });'), '/p/src/app.ts': app("import { store } from './store';") } },
    { name: 'negative: the imported module is not indexed', file: '/p/src/app.ts', files: { '/p/src/app.ts': app("import { store } from './store';") } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const found = program(c.files)(c.file);
      const text = c.files[c.file];
      if (!c.messageId) {
        assert.deepEqual(found.map((f) => f.messageId), []);
        return;
      }
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
      assert.equal(found[0].messageId, c.messageId);
      assert.equal(covered(text, found[0]), c.text);
      assert.equal(found[0].range.start.line + 1, c.line);
    });
  }
  test('the store module itself reports nothing, and its summary tags the export', () => {
    const index = new ProgramIndex([rule]);
    const store = code("import session from 'express-session';", 'export const store = new session.MemoryStore();', "export const other = new Map();");
    index.update('/p/src/store.ts', store, false);
    assert.deepEqual(index.view('/p/src/app.ts').importedTags({ module: './store', path: ['store'] }), ['memory-session-store']);
    assert.deepEqual(index.view('/p/src/app.ts').importedTags({ module: './store', path: ['other'] }), []);
    assert.deepEqual(findings('/p/src/store.ts', store, index), []);
  });
});

/** The fixes offered for the file's one finding, by id, applied through the same planner as the quick fix. */
function fixesOf(file: string, before: string): Map<string, string> {
  const result = analyze(new FileContext(file, before), { config: defaultConfig(), rules: [rule] });
  assert.equal(result.findings.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
  const out = new Map<string, string>();
  for (const fix of result.fixes.get(result.findings[0]) ?? []) {
    assert.equal(fix.kind, 'edit');
    assert.equal((fix as EditFix).preferred, false, 'the user chooses the backing service');
    const plan = planFixes({ path: file, text: before }, [fix], { root: '/ws' }, fix.kind === 'edit' ? fix.title : '');
    assert.equal(plan.changes.length, 1, 'the fix touches only the file');
    out.set((fix as EditFix).id, applyEdits(before, plan.changes[0].edits));
  }
  return out;
}

/** Every fixed TypeScript output, type-checked together at the end: with `esModuleInterop`, and without (Nest). */
const typeScriptOutputs = { interop: new Map<string, string>(), namespace: new Map<string, string>() };

function fixed(file: string, before: string, id: string): string {
  const after = fixesOf(file, before).get(id);
  assert.ok(after !== undefined, `fix ${id} offered`);
  assert.deepEqual(syntaxErrors(file, after), []);
  assert.deepEqual(findings(file, after), [], 'the fixed file is compliant');
  if (/\.tsx?$/.test(file)) {
    const bucket = /import (\* as \w+ from |\w+ = require\()'express-session'/.test(after) ? typeScriptOutputs.namespace : typeScriptOutputs.interop;
    bucket.set(`/virtual/${bucket.size}-${path.basename(file)}`, after);
  }
  return after;
}

describe('processes/in-memory-session: fixes', () => {
  const esm = code(
    "import express from 'express';",
    "import session from 'express-session';",
    '',
    'const app = express();',
    "app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));",
  );
  test('ESM TypeScript: Redis', () => {
    assert.equal(fixed('src/app.ts', esm, 'session-store-redis'), code(
      "import express from 'express';",
      "import session from 'express-session';",
      "import { RedisStore } from 'connect-redis';",
      "import { createClient } from 'redis';",
      '',
      'const redisClient = createClient({ url: process.env.REDIS_URL });',
      'redisClient.connect().catch(console.error);',
      '',
      'const app = express();',
      "app.use(session({ store: new RedisStore({ client: redisClient }), secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));",
    ));
  });
  test('ESM TypeScript: Postgres', () => {
    assert.equal(fixed('src/app.ts', esm, 'session-store-postgres'), code(
      "import express from 'express';",
      "import session from 'express-session';",
      "import connectPgSimple from 'connect-pg-simple';",
      '',
      'const PgSession = connectPgSimple(session);',
      '',
      'const app = express();',
      "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));",
    ));
  });
  test('both fixes are offered, Redis first, neither preferred', () => {
    assert.deepEqual([...fixesOf('src/app.ts', esm).keys()], ['session-store-redis', 'session-store-postgres']);
  });

  const cjs = code(
    "const express = require('express');",
    "const session = require('express-session');",
    "const MemoryStore = require('memorystore')(session);",
    '',
    'const app = express();',
    'app.use(',
    '  session({',
    '    secret: process.env.SESSION_SECRET,',
    '    store: new MemoryStore({ checkPeriod: 86400000 }),',
    '  }),',
    ');',
  );
  test('CommonJS JavaScript: memorystore replaced by Redis', () => {
    assert.equal(fixed('src/app.js', cjs, 'session-store-redis'), code(
      "const express = require('express');",
      "const session = require('express-session');",
      "const MemoryStore = require('memorystore')(session);",
      "const { RedisStore } = require('connect-redis');",
      "const { createClient } = require('redis');",
      '',
      'const redisClient = createClient({ url: process.env.REDIS_URL });',
      'redisClient.connect().catch(console.error);',
      '',
      'const app = express();',
      'app.use(',
      '  session({',
      '    secret: process.env.SESSION_SECRET,',
      '    store: new RedisStore({ client: redisClient }),',
      '  }),',
      ');',
    ));
  });
  test('CommonJS JavaScript: memorystore replaced by Postgres', () => {
    assert.equal(fixed('src/app.js', cjs, 'session-store-postgres'), code(
      "const express = require('express');",
      "const session = require('express-session');",
      "const MemoryStore = require('memorystore')(session);",
      "const PgSession = require('connect-pg-simple')(session);",
      '',
      'const app = express();',
      'app.use(',
      '  session({',
      '    secret: process.env.SESSION_SECRET,',
      '    store: new PgSession({ conString: process.env.DATABASE_URL }),',
      '  }),',
      ');',
    ));
  });

  test('connect-redis and a client already there: only the store is added', () => {
    const before = code(
      "import express from 'express';",
      "import session from 'express-session';",
      "import { RedisStore } from 'connect-redis';",
      "import { createClient } from 'redis';",
      '',
      'const cache = createClient({ url: process.env.REDIS_URL });',
      'await cache.connect();',
      '',
      'const app = express();',
      'app.use(session({',
      "  secret: 'keyboard cat',",
      '}));',
    );
    assert.equal(fixed('src/app.ts', before, 'session-store-redis'), before.replace("app.use(session({\n", "app.use(session({\n  store: new RedisStore({ client: cache }),\n"));
  });
  test('connect-redis imported (v7 default) but no client: the client is added, the import reused', () => {
    const before = code(
      "import RedisStore from 'connect-redis';",
      "import session from 'express-session';",
      "app.use(session({ secret: 's' }));",
    );
    assert.equal(fixed('src/app.mjs', before, 'session-store-redis'), code(
      "import RedisStore from 'connect-redis';",
      "import session from 'express-session';",
      "import { createClient } from 'redis';",
      '',
      'const redisClient = createClient({ url: process.env.REDIS_URL });',
      'redisClient.connect().catch(console.error);',
      '',
      "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));",
    ));
  });
  test('a client made after the session is not reused; the file keeps double quotes and no semicolons', () => {
    const before = code(
      'import session from "express-session"',
      'import { createClient as makeClient } from "redis"',
      'app.use(session({ secret: "s" }))',
      'const redisClient = makeClient()',
    );
    assert.equal(fixed('src/app.ts', before, 'session-store-redis'), code(
      'import session from "express-session"',
      'import { createClient as makeClient } from "redis"',
      'import { RedisStore } from "connect-redis"',
      '',
      'const redisClient2 = makeClient({ url: process.env.REDIS_URL })',
      'redisClient2.connect().catch(console.error)',
      '',
      'app.use(session({ store: new RedisStore({ client: redisClient2 }), secret: "s" }))',
      'const redisClient = makeClient()',
    ));
  });
  test('an ioredis client and the old connect-redis factory are reused', () => {
    const before = code(
      "const session = require('express-session');",
      "const Redis = require('ioredis');",
      "const RedisStore = require('connect-redis')(session);",
      'const client = new Redis(process.env.REDIS_URL);',
      "app.use(session({ secret: 's' }));",
    );
    assert.equal(fixed('src/app.js', before, 'session-store-redis'), before.replace("session({ secret", 'session({ store: new RedisStore({ client }), secret'));
  });
  test('an imported client is reused', () => {
    const before = code("import session from 'express-session';", "import { redisClient } from './lib/redis';", "app.use(session({ secret: 's' }));");
    assert.equal(fixed('src/app.mjs', before, 'session-store-redis'), code(
      "import session from 'express-session';",
      "import { redisClient } from './lib/redis';",
      "import { RedisStore } from 'connect-redis';",
      "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));",
    ));
  });
  test('session() without options gets an options object', () => {
    const after = fixed('src/app.js', code("const session = require('express-session');", 'app.use(session());'), 'session-store-postgres');
    assert.equal(after, code(
      "const session = require('express-session');",
      "const PgSession = require('connect-pg-simple')(session);",
      'app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }) }));',
    ));
  });
  test('options in a variable: the store goes into the object; a shorthand store is replaced', () => {
    const variable = fixed('src/app.ts', code(HEAD_ESM, "const opts = { secret: 's' };", 'app.use(session(opts));'), 'session-store-redis');
    assert.match(variable, /^const opts = \{ store: new RedisStore\(\{ client: redisClient \}\), secret: 's' \};$/m);
    const shorthand = fixed('src/app.ts', code(HEAD_ESM, 'const store = new session.MemoryStore();', "app.use(session({ store, secret: 's' }));"), 'session-store-redis');
    assert.match(shorthand, /^app\.use\(session\(\{ store: new RedisStore\(\{ client: redisClient \}\), secret: 's' \}\)\);$/m);
    const assigned = fixed('src/app.ts', code(HEAD_ESM, "const opts = { secret: 's' } as session.SessionOptions;", 'opts.store = new session.MemoryStore();', 'app.use(session(opts));'), 'session-store-postgres');
    assert.match(assigned, /^opts\.store = new PgSession\(\{ conString: process\.env\.DATABASE_URL \}\);$/m);
  });
  test('Nest-style namespace import: connect-pg-simple is imported the same way', () => {
    const after = fixed('src/main.ts', code("import * as session from 'express-session';", 'export function setup(app: { use(h: unknown): void }) {', "  app.use(session({ secret: 's' }));", '}'), 'session-store-postgres');
    assert.equal(after, code(
      "import * as session from 'express-session';",
      "import * as connectPgSimple from 'connect-pg-simple';",
      '',
      'const PgSession = connectPgSimple(session);',
      '',
      'export function setup(app: { use(h: unknown): void }) {',
      "  app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));",
      '}',
    ));
  });
  test('import = require(): connect-pg-simple is imported the same way', () => {
    const after = fixed('src/main.ts', code("import session = require('express-session');", "import express = require('express');", 'const app = express();', "app.use(session({ secret: 's' }));"), 'session-store-postgres');
    assert.equal(after, code(
      "import session = require('express-session');",
      "import express = require('express');",
      "import connectPgSimple = require('connect-pg-simple');",
      '',
      'const PgSession = connectPgSimple(session);',
      '',
      'const app = express();',
      "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));",
    ));
  });
  test('a comment above the first property stays with it', () => {
    const after = fixed('src/app.js', code("const session = require('express-session');", 'app.use(session({', '  // signed cookies', '  secret: process.env.SECRET,', '}));'), 'session-store-postgres');
    assert.match(after, /^app\.use\(session\(\{\n {2}store: new PgSession\(\{ conString: process\.env\.DATABASE_URL \}\),\n {2}\/\/ signed cookies\n {2}secret/m);
  });
  test('names already taken are not reused', () => {
    const after = fixed('src/app.mjs', code("import session from 'express-session';", "import { createClient } from '@supabase/supabase-js';", "const RedisStore = 'taken';", "app.use(session({ secret: 's' }));"), 'session-store-redis');
    assert.match(after, /^import \{ RedisStore as RedisStore2 \} from 'connect-redis';$/m);
    assert.match(after, /^import \{ createClient as createRedisClient \} from 'redis';$/m);
    assert.match(after, /^const redisClient = createRedisClient\(\{ url: process\.env\.REDIS_URL \}\);$/m);
  });
  test('CRLF line endings are kept', () => {
    const after = fixed('src/app.ts', "import session from 'express-session';\r\napp.use(session({ secret: 's' }));\r\n", 'session-store-redis');
    assert.ok(!/[^\r]\n/.test(after), JSON.stringify(after));
  });
  test('fastify: Redis only (connect-pg-simple needs express-session)', () => {
    const before = code(
      "import Fastify from 'fastify';",
      "import fastifySession from '@fastify/session';",
      '',
      'const app = Fastify();',
      "app.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });",
    );
    const fixes = fixesOf('src/server.ts', before);
    assert.deepEqual([...fixes.keys()], ['session-store-redis']);
    assert.equal(fixed('src/server.ts', before, 'session-store-redis'), code(
      "import Fastify from 'fastify';",
      "import fastifySession from '@fastify/session';",
      "import { RedisStore } from 'connect-redis';",
      "import { createClient } from 'redis';",
      '',
      'const redisClient = createClient({ url: process.env.REDIS_URL });',
      'redisClient.connect().catch(console.error);',
      '',
      'const app = Fastify();',
      "app.register(fastifySession, { store: new RedisStore({ client: redisClient }), secret: 'a secret with minimum length of 32 characters' });",
    ));
  });
  test('fastify: registered without options gets them', () => {
    const after = fixed('src/server.ts', code("import fastifySession from '@fastify/session';", 'app.register(fastifySession);'), 'session-store-redis');
    assert.match(after, /^app\.register\(fastifySession, \{ store: new RedisStore\(\{ client: redisClient \}\) \}\);$/m);
  });
  test('koa and hapi: no fix (their stores are not connect stores)', () => {
    for (const c of frameworksInvalid.filter((x) => ['koaStore', 'yarMemory'].includes(x.messageId) || x.name.startsWith('koa'))) {
      const result = analyze(new FileContext(c.file ?? 'src/app.ts', c.code), { config: defaultConfig(), rules: [rule] });
      assert.deepEqual(result.findings.map((f) => result.fixes.get(f)), [undefined], c.name);
    }
  });

  test('every fixed TypeScript output type-checks against the libraries\' declarations (and a wrong store does not)', () => {
    assert.ok(typeScriptOutputs.interop.size >= 8, `outputs collected: ${typeScriptOutputs.interop.size}`);
    assert.ok(typeScriptOutputs.namespace.size >= 2);
    // The check is real: in the same program, a store built with the wrong options is an error.
    const wrong = code("import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "session({ secret: 's', store: new RedisStore({ url: 'x' }) });");
    const errors = typeCheck(new Map([...typeScriptOutputs.interop, ['/virtual/wrong.ts', wrong]]), true);
    assert.ok(errors.length > 0 && errors.every((e) => e.startsWith('/virtual/wrong.ts: ')), errors.join('\n'));
    assert.deepEqual(typeCheck(typeScriptOutputs.namespace, false), []);
  });
});

/**
 * Type-checks in-memory files against the minimal declarations in test/fixtures/in-memory-session/types
 * (shapes copied from express-session, connect-redis 9, redis 5, connect-pg-simple and @fastify/session) and
 * Node's own types. Each file is a module, so they are checked together in one program. The declarations go in
 * as `.ts` scripts, so they are checked too while Node's declarations are skipped (`skipLibCheck`). Without
 * `esModuleInterop` the program is CommonJS, as in the Nest projects that write `import * as session`.
 */
function typeCheck(files: Map<string, string>, esModuleInterop: boolean): string[] {
  const all = new Map(files);
  for (const f of fs.readdirSync(STUBS).filter((n) => n.endsWith('.d.ts'))) {
    all.set(`/virtual/types/${f.replace(/\.d\.ts$/, '.ts')}`, fs.readFileSync(path.join(STUBS, f), 'utf8'));
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: esModuleInterop ? ts.ModuleKind.ES2022 : ts.ModuleKind.CommonJS,
    moduleResolution: esModuleInterop ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    strict: true,
    esModuleInterop,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) =>
    all.has(name) ? ts.createSourceFile(name, all.get(name) as string, language, true, ts.ScriptKind.TS) : getSourceFile(name, language, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => all.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => all.get(name) ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...all.keys()], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n${d.file ? d.file.text : ''}`);
}
