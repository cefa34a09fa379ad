import ts = require('typescript');
import { hasSpread, propertyValue, unwrap } from '../../js/modules';
import { classKeepsSessions, objectKeepsSessions } from './in-memory-session-containers';
import type { SessionScope } from './in-memory-session-scope';

/** Tags a module's exports carry for other modules (`ModuleFacts.exports`). */
export const TAGS = {
  memory: 'memory-session-store',
  file: 'file-session-store',
  inProcess: 'in-process-session-store',
} as const;

/**
 * What a session store keeps its sessions in. `memory`: a library's in-process store (express-session's
 * MemoryStore, memorystore); `file`: the local disk (session-file-store, SQLite); `in-process`: a Map or plain
 * object of the application's own (what koa-session's hand-written stores look like); `absent`: no store, so
 * the library's default; `external`: anything else we can name; `unknown`: we cannot tell, so we say nothing.
 */
export type StoreKind = 'memory' | 'file' | 'in-process' | 'absent' | 'external' | 'unknown';
export interface StoreVerdict {
  kind: StoreKind;
  /** How the message names the store: `memorystore`, `session-file-store`, `store from './store'`. */
  name?: string;
}

/** Classes that keep sessions in a Map inside the process, by module and export. */
const MEMORY_CLASSES: Record<string, string> = {
  'express-session': 'MemoryStore',
  '@fastify/session': 'MemoryStore',
  'fastify-session': 'MemoryStore',
  '@mgcrea/fastify-session': 'MemoryStore',
  'koa-generic-session': 'MemoryStore',
};
/** Store modules that are in-memory whatever is taken from them. */
const MEMORY_MODULES = new Set(['memorystore', 'koa-session-memory', 'koa-session-local']);
/** Store modules that write sessions to the local file system (files, SQLite, LokiJS, NeDB). */
const FILE_MODULES = new Set([
  'session-file-store', 'connect-sqlite3', 'better-sqlite3-session-store', 'connect-better-sqlite3', 'express-session-sqlite',
  'connect-loki', 'connect-nedb-session', 'nedb-session-store',
]);
const MAP_CLASSES = new Set(['Map', 'WeakMap']);

/** Classifies the value given as a session store (`null`, `undefined` and `false` are none: express-session then makes a MemoryStore). */
export function classifyStore(scope: SessionScope, expression: ts.Expression | undefined, depth = 0): StoreVerdict {
  if (!expression || depth > 8) return { kind: expression ? 'unknown' : 'absent' };
  const e = unwrap(expression);
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return { kind: 'absent' };
  if (ts.isNewExpression(e)) return classifyConstructor(scope, e.expression, depth);
  if (ts.isIdentifier(e)) return classifyName(scope, e, depth);
  if (ts.isConditionalExpression(e)) {
    // `prod ? new RedisStore(…) : new MemoryStore()`: only a store that is in-process either way is reported.
    const a = classifyStore(scope, e.whenTrue, depth + 1);
    const b = classifyStore(scope, e.whenFalse, depth + 1);
    return a.kind === b.kind && (a.kind === 'memory' || a.kind === 'file') ? a : { kind: 'unknown' };
  }
  if (ts.isObjectLiteralExpression(e)) return inProcessObject(scope, e) ? { kind: 'in-process' } : { kind: 'unknown' };
  if (ts.isCallExpression(e)) return classifyCall(scope, e, depth);
  return { kind: 'unknown' };
}

function classifyConstructor(scope: SessionScope, ctor: ts.Expression, depth: number): StoreVerdict {
  const c = unwrap(ctor);
  const m = scope.moduleOf(c);
  if (m) {
    if (m.module.startsWith('.')) return { kind: 'unknown' };
    if (MEMORY_CLASSES[m.module] !== undefined && m.path.length === 1 && m.path[0] === MEMORY_CLASSES[m.module]) {
      return { kind: 'memory', name: `${m.module} MemoryStore` };
    }
    if (MEMORY_MODULES.has(m.module)) return { kind: 'memory', name: m.module };
    if (FILE_MODULES.has(m.module)) return { kind: 'file', name: m.module };
    return { kind: 'external', name: m.module };
  }
  if (!ts.isIdentifier(c)) return { kind: 'unknown' };
  const d = scope.lookup(c);
  if (d.kind === 'unknown' && MAP_CLASSES.has(c.text)) return { kind: 'in-process', name: c.text };
  if (d.kind === 'value' && depth < 8) return classifyConstructor(scope, d.initializer, depth + 1);
  // The application's own class: in-process when its get/set keep the sessions in a Map or an object of its own.
  if (d.kind === 'class' && classKeepsSessions(scope, d.node)) return { kind: 'in-process', name: c.text };
  return { kind: 'unknown' };
}

function classifyName(scope: SessionScope, id: ts.Identifier, depth: number): StoreVerdict {
  const d = scope.lookup(id);
  if (d.kind === 'value') return classifyStore(scope, d.initializer, depth + 1);
  if (d.kind !== 'import') return { kind: 'unknown' };
  const binding = scope.bindings.names.get(id.text);
  if (!binding) return { kind: 'unknown' };
  // Created in another module of the program (relative, or through an alias such as `@/lib/store`): what its
  // summary says of the export. A specifier the program does not resolve is a package.
  const tags = scope.program?.importedTags(binding) ?? [];
  if (!binding.module.startsWith('.') && tags.length === 0) return { kind: 'external', name: binding.module };
  if (!scope.program) return { kind: 'unknown' };
  const name = `${id.text} from '${binding.module}'`;
  if (tags.includes(TAGS.memory)) return { kind: 'memory', name };
  if (tags.includes(TAGS.file)) return { kind: 'file', name };
  if (tags.includes(TAGS.inProcess)) return { kind: 'in-process', name };
  return { kind: 'external', name };
}

function classifyCall(scope: SessionScope, call: ts.CallExpression, depth: number): StoreVerdict {
  const m = scope.moduleOf(call.expression);
  // `MongoStore.create(…)`, `redisStore(…)`: a library builds it.
  if (m && !m.module.startsWith('.')) return { kind: 'external', name: m.module };
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) || depth >= 8) return { kind: 'unknown' };
  // A local factory: `const createStore = () => { const sessions = new Map(); return { get, set, destroy } }`.
  const d = scope.lookup(callee);
  const fn = d.kind === 'function' ? d.node : d.kind === 'value' && (ts.isArrowFunction(unwrap(d.initializer)) || ts.isFunctionExpression(unwrap(d.initializer)))
    ? (unwrap(d.initializer) as ts.FunctionLikeDeclaration) : undefined;
  const returned = fn ? returnedObject(fn) : undefined;
  return returned && inProcessObject(scope, returned) ? { kind: 'in-process', name: callee.text } : { kind: 'unknown' };
}

function returnedObject(fn: ts.FunctionLikeDeclaration): ts.ObjectLiteralExpression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) {
    const e = unwrap(body as ts.Expression);
    return ts.isObjectLiteralExpression(e) ? e : undefined;
  }
  for (const s of body.statements) {
    if (ts.isReturnStatement(s) && s.expression && ts.isObjectLiteralExpression(unwrap(s.expression))) return unwrap(s.expression) as ts.ObjectLiteralExpression;
  }
  return undefined;
}

/**
 * A hand-written store object (`{ get, set, destroy }`) is in-process when it keeps its sessions in a Map or a
 * plain object: one of its own properties (`storage: {}`) or a variable its methods read (`sessions.get(key)`),
 * that its `set` writes and its `get` reads back (see `objectKeepsSessions`).
 */
function inProcessObject(scope: SessionScope, object: ts.ObjectLiteralExpression): boolean {
  const methods = ['get', 'set', 'destroy'];
  if (!methods.every((m) => object.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === m))) return false;
  return objectKeepsSessions(scope, object);
}

/** The options a session middleware was given, as far as the file shows them. */
export type SessionOptions =
  | { kind: 'unknown' }
  /** No options argument at all. */
  | { kind: 'none' }
  /** An object literal (here or in a local variable); `store` is its store value, when it has one. */
  | { kind: 'object'; object: ts.ObjectLiteralExpression; store?: StoreSlot };

/** Where the store is written: the property (`store: …`, shorthand `store`) or an assignment `opts.store = …`. */
export interface StoreSlot {
  value: ts.Expression;
  shorthand: boolean;
}

/**
 * Resolves an options argument: an object literal, or a local variable holding one that nothing reassigns,
 * mutates through a call, or spreads an unknown base into. `opts.store = …` assignments count as its store.
 */
export function optionsOf(scope: SessionScope, argument: ts.Expression | undefined, call: ts.Node): SessionOptions {
  if (!argument) return { kind: 'none' };
  const a = unwrap(argument);
  let object: ts.ObjectLiteralExpression | undefined;
  let writes: ts.Expression[] = [];
  if (ts.isObjectLiteralExpression(a)) object = a;
  else if (ts.isIdentifier(a)) {
    const d = scope.lookup(a);
    if (d.kind !== 'value' || scope.escapes(a.text, call)) return { kind: 'unknown' };
    const init = unwrap(d.initializer);
    if (!ts.isObjectLiteralExpression(init)) return { kind: 'unknown' };
    object = init;
    writes = scope.writesTo(a.text, 'store');
  }
  if (!object) return { kind: 'unknown' };
  if (writes.length > 1) return { kind: 'unknown' };
  if (writes.length === 1) return { kind: 'object', object, store: { value: writes[0], shorthand: false } };
  const slot = storeProperty(object);
  if (slot === 'unknown') return { kind: 'unknown' };
  return { kind: 'object', object, store: slot };
}

/** The `store` property of an options object; `unknown` when a spread could set or override it. */
function storeProperty(object: ts.ObjectLiteralExpression): StoreSlot | undefined | 'unknown' {
  let index = -1;
  object.properties.forEach((p, i) => {
    if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === 'store') index = i;
  });
  const spreadAfter = object.properties.some((p, i) => ts.isSpreadAssignment(p) && i > index);
  if (spreadAfter) return 'unknown';
  if (index < 0) return hasSpread(object) ? 'unknown' : undefined;
  const p = object.properties[index];
  if (ts.isShorthandPropertyAssignment(p)) return { value: p.name, shorthand: true };
  const value = propertyValue(object, 'store');
  return value ? { value, shorthand: false } : 'unknown';
}
