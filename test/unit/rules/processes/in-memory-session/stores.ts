import type { InvalidCase, ValidCase } from '../../ruleTester';
import { code, HEAD_CJS, HEAD_ESM } from './detection';

// Stores and options the rule follows beyond one session() call: built elsewhere in the file (issue 10,
// decision 6: reported where they are built when the rule cannot follow them to the session() call, and never
// twice), made in another module of the program, and the audit's stores of the application's own (in-process
// only when `set` keeps the session in a field or collection and `get` gives it back from there).
const MEMORYSTORE = code("import session from 'express-session';", "import createMemoryStore from 'memorystore';", 'const MemoryStore = createMemoryStore(session);');

function elsewhere(name: string, file: string, error: [string, number, string] | undefined, files: Record<string, string>,
  fixes: Pick<InvalidCase, 'suggestions'> = {}): InvalidCase | ValidCase {
  const { [file]: text, ...others } = files;
  return error ? { name, filename: file, code: text, files: others, errors: [error], ...fixes } : { name, filename: file, code: text, files: others };
}

/** The session() call is on line 3 of each case file. */
function optionsElsewhere(name: string, text: string, files: Record<string, string>): InvalidCase {
  const file = Object.keys(files)[1];
  const { [file]: source, ...others } = files;
  return { name, filename: file, code: source, files: others, errors: [['defaultMemoryStore', 3, text]] };
}

const builtInvalid: InvalidCase[] = [
  {
    name: 'a store given to session() in the same file is reported once, at the session() call',
    filename: '/ws/src/app.ts',
    code: MEMORYSTORE + code('const store = new MemoryStore();', "app.use(session({ store, secret: 's' }));"),
    errors: [['memoryStore', 5, 'store']],
    suggestions: [code("import session from 'express-session';", "import createMemoryStore from 'memorystore';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const MemoryStore = createMemoryStore(session);', 'const store = new MemoryStore();', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import session from 'express-session';", "import createMemoryStore from 'memorystore';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', 'const MemoryStore = createMemoryStore(session);', 'const store = new MemoryStore();', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  {
    name: 'memorystore kept in a class member (read elsewhere as storage.sessionStore)',
    code: MEMORYSTORE + code('export class MemStorage {', '  sessionStore: session.Store;', '  constructor() {', '    this.sessionStore = new MemoryStore({ checkPeriod: 86400000 });', '  }', '}', 'export const storage = new MemStorage();'),
    errors: [['memoryStore', 7, 'new MemoryStore({ checkPeriod: 86400000 })']],
  },
  {
    name: 'a class property initialiser',
    code: code("import session from 'express-session';", 'export class Sessions {', '  readonly store = new session.MemoryStore();', '}'),
    errors: [['memoryStore', 3, 'new session.MemoryStore()']],
  },
  {
    name: 'a factory that returns the store',
    filename: '/ws/src/sessions.js',
    code: code("const session = require('express-session');", 'function makeStore() {', '  return new session.MemoryStore();', '}', 'module.exports = { makeStore };'),
    errors: [['memoryStore', 3, 'new session.MemoryStore()']],
  },
  {
    name: 'session-file-store in a member',
    filename: '/ws/src/server.js',
    code: code("const session = require('express-session');", "const FileStore = require('session-file-store')(session);", 'class Server {', "  constructor() { this.sessionStore = new FileStore({ path: './sessions' }); }", '}', 'module.exports = Server;'),
    errors: [['fileStore', 4, "new FileStore({ path: './sessions' })"]],
  },
];

const builtValid: ValidCase[] = [
  { name: 'the store module itself reports nothing (its summary tags the export)', code: code("import session from 'express-session';", 'export const store = new session.MemoryStore();', 'export const other = new Map();') },
  { name: 'a fallback in a conditional', code: MEMORYSTORE + code("import { RedisStore } from 'connect-redis';", 'export const store = url ? new RedisStore({ client }) : new MemoryStore();') },
  { name: 'a fallback after ||', code: MEMORYSTORE + code('export const store = external || new MemoryStore();') },
  {
    name: 'a member that another store replaces',
    code: MEMORYSTORE + code("import connectPg from 'connect-pg-simple';", 'const PgStore = connectPg(session);', 'export class Storage {', '  sessionStore: session.Store;', '  constructor() {',
      '    this.sessionStore = new MemoryStore({ checkPeriod: 1 });', '    if (process.env.DATABASE_URL) this.sessionStore = new PgStore({ conString: process.env.DATABASE_URL });', '  }', '}'),
  },
  { name: 'a variable that another store replaces', code: MEMORYSTORE + code('let store = new MemoryStore();', 'if (url) store = makeRedisStore(url);', 'export { store };') },
  { name: 'a variable nothing reads', code: MEMORYSTORE + code('const store = new MemoryStore();') },
  { name: 'a store inside session() options a spread may override', code: code("import session from 'express-session';", "app.use(session({ store: new session.MemoryStore(), ...overrides }));") },
  { name: "express-rate-limit's MemoryStore", code: code("import session from 'express-session';", "import { MemoryStore } from 'express-rate-limit';", 'export const limiterStore = new MemoryStore();') },
];

const app = (importLine: string, use = "app.use(session({ store, secret: 's' }));") => code(HEAD_ESM, importLine, use);

/** A store made in another module: the case file and the rest of its program. */
const STORE_ELSEWHERE = [
  elsewhere('export const store = new MemoryStore()', '/ws/src/app.ts', ['memoryStore', 5, 'store'], { '/ws/src/store.ts': code("import session from 'express-session';", 'export const store = new session.MemoryStore();'), '/ws/src/app.ts': app("import { store } from './store';") }, { suggestions: [code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import { store } from './store';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import { store } from './store';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('a local store re-exported as the default', '/ws/src/app.ts', ['memoryStore', 5, 'sessionStore'], { '/ws/src/store.ts': code("import createMemoryStore from 'memorystore';", "import session from 'express-session';", 'const MemoryStore = createMemoryStore(session);', 'const store = new MemoryStore({ checkPeriod: 864e5 });', 'export default store;'),
    '/ws/src/app.ts': app("import sessionStore from './store.js';", "app.use(session({ store: sessionStore, secret: 's' }));") }, { suggestions: [code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import sessionStore from './store.js';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import sessionStore from './store.js';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('export { store as default }', '/ws/src/app.ts', ['memoryStore', 5, 'store'], { '/ws/src/session/store.ts': code("import { MemoryStore } from 'express-session';", 'const memory = new MemoryStore();', 'export { memory as default };'), '/ws/src/app.ts': app("import store from './session/store';") }, { suggestions: [code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import store from './session/store';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import store from './session/store';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('export default new session.MemoryStore()', '/ws/src/app.ts', ['memoryStore', 5, 'store'], { '/ws/src/store/index.ts': code("import session from 'express-session';", 'export default new session.MemoryStore();'), '/ws/src/app.ts': app("import store from './store';") }, { suggestions: [code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import store from './store';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import express from 'express';", "import session from 'express-session';", 'const app = express();', "import store from './store';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('module.exports = file store, required (CommonJS)', '/ws/src/app.js', ['fileStore', 5, 'store'], { '/ws/src/store.js': code("const session = require('express-session');", "const SQLiteStore = require('connect-sqlite3')(session);", "module.exports = new SQLiteStore({ db: 'sessions', dir: './var/db' });"),
    '/ws/src/app.js': code(HEAD_CJS, "const store = require('./store');", "app.use(session({ store, secret: 's' }));") }, { suggestions: [code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const store = require('./store');", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const store = require('./store');", "const PgSession = require('connect-pg-simple')(session);", "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('exports.store = … destructured from require', '/ws/src/app.js', ['memoryStore', 5, 'store'], { '/ws/src/store.js': code("const session = require('express-session');", 'exports.store = new session.MemoryStore();'), '/ws/src/app.js': code(HEAD_CJS, "const { store } = require('./store');", "app.use(session({ store, secret: 's' }));") }, { suggestions: [code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const { store } = require('./store');", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const { store } = require('./store');", "const PgSession = require('connect-pg-simple')(session);", "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('module.exports = { store }', '/ws/src/app.js', ['memoryStore', 5, 'store'], { '/ws/src/store.js': code("const session = require('express-session');", 'const store = new session.MemoryStore();', 'module.exports = { store };'), '/ws/src/app.js': code(HEAD_CJS, "const { store } = require('./store');", "app.use(session({ store, secret: 's' }));") }, { suggestions: [code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const { store } = require('./store');", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("const express = require('express');", "const session = require('express-session');", 'const app = express();', "const { store } = require('./store');", "const PgSession = require('connect-pg-simple')(session);", "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")] }),
  elsewhere('koa: an object store over a Map, exported', '/ws/src/app.ts', ['koaStore', 3, 'store'], { '/ws/src/store.ts': code("import type { stores } from 'koa-session';", 'const sessions = new Map<string, unknown>();', 'export const store: stores = { get: (k) => sessions.get(k), set: (k, v) => { sessions.set(k, v); }, destroy: (k) => { sessions.delete(k); } };'),
    '/ws/src/app.ts': code("import session from 'koa-session';", "import { store } from './store';", 'app.use(session({ store }, app));') }),
  elsewhere('negative: an imported Redis store', '/ws/src/app.ts', undefined, { '/ws/src/store.ts': code("import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", 'const client = createClient({ url: process.env.REDIS_URL });', 'export const store = new RedisStore({ client });'), '/ws/src/app.ts': app("import { store } from './store';") }),
  elsewhere('negative: the imported module is not indexed', '/ws/src/app.ts', undefined, { '/ws/src/app.ts': app("import { store } from './store';") }),
];

const SESSION = "import session from 'express-session';";
const OPTIONS = "{ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }";
/** Session options written in another module (no store in them): the case file is the last of `files`. */
const OPTIONS_ELSEWHERE: InvalidCase[] = [
  optionsElsewhere('a named export', 'sessionOptions', { '/ws/src/config.ts': `export const sessionOptions = ${OPTIONS};\n`, '/ws/src/app.ts': code(SESSION, "import { sessionOptions } from './config';", 'app.use(session(sessionOptions));') }),
  optionsElsewhere('a member of module.exports', 'config.session', { '/ws/src/config.js': `module.exports = { port: 3000, session: ${OPTIONS} };\n`, '/ws/src/app.js': code("const session = require('express-session');", "const config = require('./config');", 'app.use(session(config.session));') }),
  optionsElsewhere('a member of a named export', 'settings.session', { '/ws/src/config.ts': `export const settings = { session: ${OPTIONS} };\n`, '/ws/src/app.ts': code(SESSION, "import { settings } from './config';", 'app.use(session(settings.session));') }),
  optionsElsewhere('a member of the default export', 'config.session', { '/ws/src/config.ts': `export default { session: ${OPTIONS} };\n`, '/ws/src/app.ts': code(SESSION, "import config from './config';", 'app.use(session(config.session));') }),
];

const OPTIONS_VALID: ValidCase[] = [
  {
    name: 'options in another module that carry a store',
    code: code(SESSION, "import { sessionOptions } from './config';", 'app.use(session(sessionOptions));'),
    files: { '/ws/src/config.ts': "import { RedisStore } from 'connect-redis';\nexport const sessionOptions = { secret: 's', resave: false, store: new RedisStore({ client }) };\n" },
  },
  {
    name: 'options in another module that are not session options',
    code: code(SESSION, "import { sessionOptions } from './config';", 'app.use(session(sessionOptions));'),
    files: { '/ws/src/config.ts': 'export const sessionOptions = { port: 3000, resave: false, ...defaults };\n' },
  },
];


const KOA = "import session from 'koa-session';";

const auditValid: ValidCase[] = [
  {
    name: 'koa-session: Mongo-backed class with an options object field',
    filename: '/ws/src/app.js',
    code: code("const session = require('koa-session');",
      'class MongoSessionStore {',
      "  constructor(db) { this.col = db.collection('sessions'); this.opts = {}; }",
      '  async get(k) { return (await this.col.findOne({ _id: k }))?.data; }',
      '  async set(k, d) { await this.col.updateOne({ _id: k }, { $set: { data: d } }, { upsert: true }); }',
      '  async destroy(k) { await this.col.deleteOne({ _id: k }); }',
      '}',
      'app.use(session({ store: new MongoSessionStore(client.db()) }, app));'),
  },
  {
    name: 'koa-session: Redis-backed class with a Map of pending writes',
    code: code(KOA,
      'class RedisSessionStore {',
      '  private pending = new Map<string, Promise<void>>();',
      '  constructor(private redis: Redis) {}',
      '  async get(key: string) {',
      '    await this.pending.get(key);',
      '    const raw = await this.redis.get(`sess:${key}`);',
      '    return raw ? JSON.parse(raw) : undefined;',
      '  }',
      '  async set(key: string, sess: unknown, maxAge: number) {',
      "    const p = this.redis.set(`sess:${key}`, JSON.stringify(sess), 'PX', maxAge).then(() => undefined);",
      '    this.pending.set(key, p);',
      '    try { await p; } finally { this.pending.delete(key); }',
      '  }',
      '  async destroy(key: string) { await this.redis.del(`sess:${key}`); }',
      '}',
      'app.use(session({ store: new RedisSessionStore(redis) }, app));'),
  },
  {
    name: 'koa-session: object store whose set() builds a local update object',
    code: code(KOA,
      'const store = {',
      '  async get(key: string) { return (await col.findOne({ _id: key }))?.data; },',
      '  async set(key: string, sess: unknown) {',
      '    const update = {};',
      "    Object.assign(update, { data: sess, updatedAt: new Date() });",
      '    await col.updateOne({ _id: key }, { $set: update }, { upsert: true });',
      '  },',
      '  async destroy(key: string) { await col.deleteOne({ _id: key }); },',
      '};',
      'app.use(session({ store }, app));'),
  },
  {
    name: 'koa-session: object store with an unused empty options property',
    code: code(KOA,
      'app.use(session({ store: {',
      '  options: {},',
      '  get: (k: string) => redis.get(k),',
      '  set: (k: string, v: unknown) => redis.set(k, JSON.stringify(v)),',
      '  destroy: (k: string) => redis.del(k),',
      '} }, app));'),
  },
];

const auditInvalid: InvalidCase[] = [
  {
    name: 'koa-session: class keeping sessions in an object set up in its constructor',
    code: code(KOA,
      'class Store {',
      '  constructor() { this.sessions = {}; }',
      '  get(key) { const s = this.sessions[key]; return s && JSON.parse(s); }',
      '  set(key, sess) { this.sessions[key] = JSON.stringify(sess); }',
      '  destroy(key) { delete this.sessions[key]; }',
      '}',
      'app.use(session({ store: new Store() }, app));'),
    errors: [['koaStore', 8, 'new Store()']],
  },
  {
    name: 'koa-session: async class over a Map, get() awaits the read',
    code: code(KOA,
      'class MapStore {',
      '  sessions = new Map();',
      '  async get(key) { return this.sessions.get(key); }',
      '  async set(key, sess) { this.sessions.set(key, sess); }',
      '  async destroy(key) { this.sessions.delete(key); }',
      '}',
      'app.use(session({ store: new MapStore() }, app));'),
    errors: [['koaStore', 8, 'new MapStore()']],
  },
  {
    name: 'koa-session: object store over a module-level object',
    code: code(KOA,
      'const cache = {};',
      'const store = {',
      '  get(key) { return cache[key]; },',
      '  set(key, sess) { cache[key] = sess; },',
      '  destroy(key) { delete cache[key]; },',
      '};',
      'app.use(session({ store }, app));'),
    errors: [['koaStore', 8, 'store']],
  },
  {
    name: 'koa-session: class over a module-level object',
    code: code(KOA,
      'const sessions = {};',
      'class Store {',
      '  get(key) { return sessions[key]; }',
      '  set(key, sess) { sessions[key] = sess; }',
      '  destroy(key) { delete sessions[key]; }',
      '}',
      'app.use(session({ store: new Store() }, app));'),
    errors: [['koaStore', 8, 'new Store()']],
  },
];

const isInvalid = (c: InvalidCase | ValidCase): c is InvalidCase => 'errors' in c;

export const STORES_INVALID: InvalidCase[] = [
  ...builtInvalid.map((c) => ({ filename: '/ws/src/storage.ts', ...c })),
  ...STORE_ELSEWHERE.filter(isInvalid),
  ...OPTIONS_ELSEWHERE,
  ...auditInvalid.map((c) => ({ filename: '/ws/src/app.js', ...c })),
];

export const STORES_VALID: ValidCase[] = [
  ...builtValid.map((c) => ({ filename: '/ws/src/storage.ts', ...c })),
  ...STORE_ELSEWHERE.filter((c) => !isInvalid(c)),
  ...OPTIONS_VALID,
  ...auditValid,
];
