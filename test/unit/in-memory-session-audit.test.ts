import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { rule } from '../../core/src/rules/processes/in-memory-session';
import type { Finding } from '../../core/src/types';
import { covered } from './helpers';

/**
 * Shapes from the audit of real session stores: a store of the application's own is in-process only when its
 * `set` keeps the session in a field or collection and its `get` gives it back from there, not merely because
 * the class or object holds a `{}` or a Map for something else.
 */
const code = (...lines: string[]): string => `${lines.join('\n')}\n`;

function findings(file: string, text: string): Finding[] {
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule] }).findings;
}

const KOA = "import session from 'koa-session';";

const valid: Array<{ name: string; file?: string; code: string }> = [
  {
    name: 'koa-session: Mongo-backed class with an options object field',
    file: 'src/app.js',
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

const invalid: Array<{ name: string; code: string; line: number; text: string }> = [
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
    line: 8,
    text: 'new Store()',
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
    line: 8,
    text: 'new MapStore()',
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
    line: 8,
    text: 'store',
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
    line: 8,
    text: 'new Store()',
  },
];

describe('processes/in-memory-session audit: stores backed by a database are not in-process', () => {
  for (const c of valid) {
    test(`valid: ${c.name}`, () => {
      const text = c.code;
      assert.deepEqual(findings(c.file ?? 'src/app.ts', text).map((f) => [f.messageId, covered(text, f)]), []);
    });
  }
  for (const c of invalid) {
    test(`invalid: ${c.name}`, () => {
      const found = findings('src/app.js', c.code);
      assert.deepEqual(found.map((f) => [f.messageId, f.range.start.line + 1, covered(c.code, f)]), [['koaStore', c.line, c.text]]);
    });
  }
});
