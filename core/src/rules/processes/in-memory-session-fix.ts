import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { unwrap } from '../../js/modules';
import { idiomOf, insertionPoint, Names, topLevelStatement, type Idiom } from './in-memory-session-idiom';
import type { SessionScope } from './in-memory-session-scope';
import type { StoreSlot } from './in-memory-session-stores';

/** Where the new store goes: over the current store value, into the options object, or as a new options argument. */
export type StoreEdit =
  | { kind: 'replace'; slot: StoreSlot }
  | { kind: 'insert'; object: ts.ObjectLiteralExpression }
  | { kind: 'argument'; call: ts.CallExpression };

type Edit = { start: number; end: number; text: string };

/**
 * The packages the fixes' code imports, at the first version of the line that code is written for:
 * connect-redis 9 (the named `RedisStore` export of v8+, node-redis 5 as its peer), connect-pg-simple 10. Written
 * in the manifest's range style, `^9.0.0` resolves to the newest compatible release when installed.
 */
const PACKAGES: Record<string, string> = { 'connect-redis': '9.0.0', redis: '5.0.0', 'connect-pg-simple': '10.0.0' };

/**
 * The quick fixes for a session kept in the process: Redis (connect-redis 8+, `import { RedisStore }`, with a
 * node-redis client from `REDIS_URL`) and, for express-session, Postgres (connect-pg-simple from
 * `DATABASE_URL`). Statements go after the last import above the options, and only what is missing is added.
 */
export function storeFixes(scope: SessionScope, text: string, edit: StoreEdit, framework: 'express' | 'fastify'): EditFix[] {
  const sf = scope.sourceFile;
  const editAt = edit.kind === 'replace' ? edit.slot.value.getStart(sf) : edit.kind === 'insert' ? edit.object.getStart(sf) : edit.call.getStart(sf);
  const anchor = topLevelStatement(sf, editAt);
  const idiom = idiomOf(sf, text);
  const names = new Names(sf);
  const at = insertionPoint(sf, anchor);
  const fixes: EditFix[] = [];

  const redis = redisStatements(scope, idiom, names, anchor);
  fixes.push({
    kind: 'edit',
    id: 'session-store-redis',
    title: 'Store sessions in Redis',
    edits: [...insertStatements(text, at, idiom, redis.imports, redis.setup), storeEdit(sf, text, edit, redis.store, idiom)],
    preferred: false,
    // The fixed project has no new finding: what the new code imports and reads is declared beside it.
    declares: {
      dependencies: pick(redis.packages),
      variables: redis.readsUrl ? [{ name: 'REDIS_URL', type: 'url', local: 'redis://localhost:6379' }] : [],
    },
  });
  if (framework === 'express') {
    // connect-pg-simple's factory extends express-session's Store, so this one is for express-session only.
    const pg = postgresStatements(scope, idiom, names);
    fixes.push({
      kind: 'edit',
      id: 'session-store-postgres',
      title: 'Store sessions in Postgres',
      edits: [...insertStatements(text, at, idiom, pg.imports, pg.setup), storeEdit(sf, text, edit, pg.store, idiom)],
      preferred: false,
      declares: {
        dependencies: pick(['connect-pg-simple']),
        variables: [{ name: 'DATABASE_URL', type: 'url', local: 'postgres://localhost:5432/postgres' }],
      },
    });
  }
  return fixes;
}

function pick(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, PACKAGES[n]]));
}

function redisStatements(scope: SessionScope, idiom: Idiom, names: Names, anchor: ts.Statement | undefined) {
  const imports: string[] = [];
  const setup: string[] = [];
  const packages = ['connect-redis'];
  let readsUrl = false;
  let storeClass = existingRedisStore(scope);
  if (!storeClass) {
    storeClass = names.take('RedisStore');
    imports.push(namedImport(idiom, 'RedisStore', storeClass, 'connect-redis'));
  }
  let client = existingRedisClient(scope, anchor);
  if (!client) {
    let create = existingCreateClient(scope);
    if (!create) {
      create = names.take('createClient', 'createRedisClient');
      imports.push(namedImport(idiom, 'createClient', create, 'redis'));
      packages.push('redis');
    }
    readsUrl = true;
    client = names.take('redisClient');
    setup.push(`const ${client} = ${create}({ url: process.env.REDIS_URL })${idiom.semi}`);
    setup.push(`${client}.connect().catch(console.error)${idiom.semi}`);
  }
  return { imports, setup, packages, readsUrl, store: `new ${storeClass}({ ${client === 'client' ? client : `client: ${client}`} })` };
}

function postgresStatements(scope: SessionScope, idiom: Idiom, names: Names) {
  const imports: string[] = [];
  const setup: string[] = [];
  const session = sessionReference(scope, idiom);
  let storeClass = [...scope.factories].find(([, m]) => m === 'connect-pg-simple')?.[0];
  if (!storeClass) {
    const factory = [...scope.bindings.names].find(([, m]) => m.module === 'connect-pg-simple' && m.path.length === 0)?.[0];
    storeClass = names.take('PgSession');
    if (factory) setup.push(`const ${storeClass} = ${factory}(${session})${idiom.semi}`);
    else if (!idiom.esm) imports.push(`const ${storeClass} = require(${idiom.quote}connect-pg-simple${idiom.quote})(${session})${idiom.semi}`);
    else {
      const local = names.take('connectPgSimple');
      const q = idiom.quote;
      imports.push(idiom.cjsImport === 'equals' ? `import ${local} = require(${q}connect-pg-simple${q})${idiom.semi}`
        : `import ${idiom.cjsImport === 'namespace' ? `* as ${local}` : local} from ${q}connect-pg-simple${q}${idiom.semi}`);
      setup.push(`const ${storeClass} = ${local}(${session})${idiom.semi}`);
    }
  }
  return { imports, setup, store: `new ${storeClass}({ conString: process.env.DATABASE_URL })` };
}

/** The file's name for express-session (connect-pg-simple extends its Store); inline `require` if it has none. */
function sessionReference(scope: SessionScope, idiom: Idiom): string {
  for (const [name, m] of scope.bindings.names) if (m.module === 'express-session' && m.path.length === 0) return name;
  return `require(${idiom.quote}express-session${idiom.quote})`;
}

/** The RedisStore class the file already has: `import { RedisStore }` (v8+), a default import (v7), or `RedisStore(session)` (v6). */
function existingRedisStore(scope: SessionScope): string | undefined {
  for (const s of scope.sourceFile.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== 'connect-redis' || !s.importClause) continue;
    if (s.importClause.isTypeOnly) continue;
    if (s.importClause.name) return s.importClause.name.text;
    const nb = s.importClause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) return `${nb.name.text}.RedisStore`;
    const el = nb && ts.isNamedImports(nb) ? nb.elements.find((e) => !e.isTypeOnly && ['RedisStore', 'default'].includes((e.propertyName ?? e.name).text)) : undefined;
    if (el) return el.name.text;
  }
  const factory = [...scope.factories].find(([, m]) => m === 'connect-redis');
  if (factory) return factory[0];
  const names = [...scope.bindings.names].filter(([, m]) => m.module === 'connect-redis');
  const named = names.find(([, m]) => m.path.length === 1 && (m.path[0] === 'RedisStore' || m.path[0] === 'default'));
  if (named) return named[0];
  const root = names.find(([, m]) => m.path.length === 0);
  return root ? `${root[0]}.RedisStore` : undefined;
}

/** node-redis `createClient` as the file already names it. */
function existingCreateClient(scope: SessionScope): string | undefined {
  for (const [name, m] of scope.bindings.names) {
    if ((m.module === 'redis' || m.module === '@redis/client') && m.path.length === 1 && m.path[0] === 'createClient') return name;
  }
  for (const [name, m] of scope.bindings.names) if (m.module === 'redis' && m.path.length === 0) return `${name}.createClient`;
  return undefined;
}

/**
 * A Redis client declared at the top of the file before the options (`createClient(…)`, `new Redis(…)`, possibly
 * chained with `.on(…)` / `.connect()`), or one imported from the application under a client's name.
 */
function existingRedisClient(scope: SessionScope, anchor: ts.Statement | undefined): string | undefined {
  for (const s of scope.sourceFile.statements) {
    if (s === anchor) break;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && isRedisClient(scope, d.initializer)) return d.name.text;
      }
    }
  }
  for (const [name, m] of scope.bindings.names) if (m.module.startsWith('.') && /^redis(client|connection)?$/i.test(name)) return name;
  return undefined;
}

function isRedisClient(scope: SessionScope, expression: ts.Expression): boolean {
  let e = unwrap(expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  // Down a call chain to its first call: `createClient(…).on(…).connect()` → `createClient(…)`.
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(unwrap(e.expression)) && ts.isCallExpression(unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression))) {
    e = unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression);
  }
  if (ts.isCallExpression(e)) {
    const m = scope.moduleOf(e.expression);
    return m !== undefined && (m.module === 'redis' || m.module === '@redis/client') && m.path.join('.') === 'createClient';
  }
  if (ts.isNewExpression(e)) {
    const m = scope.moduleOf(e.expression);
    return m !== undefined && m.module === 'ioredis' && (m.path.length === 0 || ['default', 'Redis'].includes(m.path[0]));
  }
  return false;
}

function namedImport(idiom: Idiom, member: string, local: string, module: string): string {
  const q = idiom.quote;
  if (idiom.esm) return `import { ${member === local ? member : `${member} as ${local}`} } from ${q}${module}${q}${idiom.semi}`;
  return `const { ${member === local ? member : `${member}: ${local}`} } = require(${q}${module}${q})${idiom.semi}`;
}

/** The edits that add imports and setup lines after the last import (or at the top when the file has none). */
function insertStatements(text: string, at: { offset: number; afterImport: boolean }, idiom: Idiom, imports: string[], setup: string[]): Edit[] {
  if (imports.length === 0 && setup.length === 0) return [];
  const { eol } = idiom;
  const blocks = [imports.join(eol), setup.join(eol)].filter((b) => b.length > 0);
  if (at.afterImport) {
    // Imports join the import block; setup lines get a blank line above and below.
    let body = imports.length > 0 ? eol + imports.join(eol) + (setup.length > 0 ? eol + eol + setup.join(eol) : '') : eol + eol + setup.join(eol);
    const rest = text.slice(at.offset);
    const nextLineBlank = rest.startsWith(eol + eol) || rest.length === 0 || rest === eol;
    if (setup.length > 0 && !nextLineBlank) body += eol;
    return [{ start: at.offset, end: at.offset, text: body }];
  }
  return [{ start: at.offset, end: at.offset, text: blocks.join(eol + eol) + eol + eol }];
}

function storeEdit(sf: ts.SourceFile, text: string, edit: StoreEdit, store: string, idiom: Idiom): Edit {
  if (edit.kind === 'replace') {
    const v = edit.slot.value;
    return { start: v.getStart(sf), end: v.getEnd(), text: edit.slot.shorthand ? `store: ${store}` : store };
  }
  if (edit.kind === 'argument') {
    const call = edit.call;
    if (call.arguments.length === 0) {
      const open = text.indexOf('(', call.expression.getEnd());
      return { start: open + 1, end: open + 1, text: `{ store: ${store} }` };
    }
    const last = call.arguments[call.arguments.length - 1];
    return { start: last.getEnd(), end: last.getEnd(), text: `, { store: ${store} }` };
  }
  const object = edit.object;
  const open = object.getStart(sf);
  if (object.properties.length === 0) return { start: open, end: object.getEnd(), text: `{ store: ${store} }` };
  const first = object.properties[0].getStart(sf);
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  if (lineStart <= open) return { start: first, end: first, text: `store: ${store}, ` };
  // A multi-line object: a line of its own right after the brace (above any comment on the first property),
  // indented like the first property.
  const indent = text.slice(lineStart, first);
  const afterBrace = text.indexOf('\n', open) + 1;
  return /^\s*$/.test(indent) && afterBrace > 0 && afterBrace <= lineStart
    ? { start: afterBrace, end: afterBrace, text: `${indent}store: ${store},${idiom.eol}` }
    : { start: first, end: first, text: `store: ${store}, ` };
}
