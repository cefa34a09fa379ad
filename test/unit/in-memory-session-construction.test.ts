import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { rule } from '../../core/src/rules/processes/in-memory-session';
import type { Finding } from '../../core/src/types';
import { covered } from './helpers';

/**
 * Issue 10, decision 6: a library's in-process store is reported where it is built when the rule cannot follow
 * it to the session() call (a class member read elsewhere, a factory's return value), and never twice.
 */
const code = (...lines: string[]): string => `${lines.join('\n')}\n`;
const MEMORYSTORE = code("import session from 'express-session';", "import createMemoryStore from 'memorystore';", 'const MemoryStore = createMemoryStore(session);');

function findings(file: string, text: string): Finding[] {
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule] }).findings;
}

const invalid: Array<{ name: string; file?: string; code: string; messageId: string; line: number; text: string }> = [
  {
    name: 'memorystore kept in a class member (read elsewhere as storage.sessionStore)',
    code: MEMORYSTORE + code('export class MemStorage {', '  sessionStore: session.Store;', '  constructor() {', '    this.sessionStore = new MemoryStore({ checkPeriod: 86400000 });', '  }', '}', 'export const storage = new MemStorage();'),
    messageId: 'memoryStore', line: 7, text: 'new MemoryStore({ checkPeriod: 86400000 })',
  },
  {
    name: 'a class property initialiser',
    code: code("import session from 'express-session';", 'export class Sessions {', '  readonly store = new session.MemoryStore();', '}'),
    messageId: 'memoryStore', line: 3, text: 'new session.MemoryStore()',
  },
  {
    name: 'a factory that returns the store',
    file: 'src/sessions.js',
    code: code("const session = require('express-session');", 'function makeStore() {', '  return new session.MemoryStore();', '}', 'module.exports = { makeStore };'),
    messageId: 'memoryStore', line: 3, text: 'new session.MemoryStore()',
  },
  {
    name: 'session-file-store in a member',
    file: 'src/server.js',
    code: code("const session = require('express-session');", "const FileStore = require('session-file-store')(session);", 'class Server {', "  constructor() { this.sessionStore = new FileStore({ path: './sessions' }); }", '}', 'module.exports = Server;'),
    messageId: 'fileStore', line: 4, text: "new FileStore({ path: './sessions' })",
  },
];

const valid: Array<{ name: string; code: string }> = [
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

describe('processes/in-memory-session: stores reported where they are built', () => {
  for (const c of invalid) {
    test(`invalid: ${c.name}`, () => {
      const file = c.file ?? 'src/storage.ts';
      const found = findings(file, c.code);
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.messageId)));
      assert.equal(found[0].messageId, c.messageId);
      assert.equal(found[0].range.start.line + 1, c.line);
      assert.equal(covered(c.code, found[0]), c.text);
    });
  }
  for (const c of valid) {
    test(`valid: ${c.name}`, () => {
      assert.deepEqual(findings('src/storage.ts', c.code).map((f) => f.messageId), []);
    });
  }
  test('a store given to session() in the same file is reported once, at the session() call', () => {
    const text = MEMORYSTORE + code('const store = new MemoryStore();', "app.use(session({ store, secret: 's' }));");
    const found = findings('src/app.ts', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), 'store');
  });
});
