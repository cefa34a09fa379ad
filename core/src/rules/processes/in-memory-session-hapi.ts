import ts = require('typescript');
import { propertyValue, unwrap } from '../../js/modules';
import type { SessionScope } from './in-memory-session-scope';
import { optionsOf } from './in-memory-session-stores';

const YAR = new Set(['@hapi/yar', 'yar']);
const HAPI = new Set(['@hapi/hapi', 'hapi']);
const CATBOX_MEMORY = new Set(['@hapi/catbox-memory', 'catbox-memory']);
/** yar's default `maxCookieSize`: sessions larger than this go to the server cache. */
const DEFAULT_MAX_COOKIE_SIZE = 1024;

export interface YarFinding {
  /** The `plugin: yar` value the finding is reported on. */
  anchor: ts.Expression;
  /** `every session` (maxCookieSize 0) or `sessions larger than N bytes`. */
  which: string;
}

/**
 * `{ plugin: yar, options }` registered on a server whose cache for yar is catbox-memory. yar keeps a session in
 * its cookie up to `maxCookieSize` bytes (1 KiB by default) and in the server cache beyond; `maxCookieSize: 0`
 * puts every session there. hapi's default cache is catbox-memory. Reported only when this file shows both the
 * registration and the server's cache configuration; a server built elsewhere may provision Redis.
 */
export function yarInMemory(scope: SessionScope, object: ts.ObjectLiteralExpression): YarFinding | undefined {
  const plugin = propertyValue(object, 'plugin') ?? propertyValue(object, 'register');
  if (!plugin || !isYar(scope, plugin)) return undefined;
  const options = optionsOf(scope, propertyValue(object, 'options'), object);
  if (options.kind !== 'object' || options.object.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
  const size = numberOf(propertyValue(options.object, 'maxCookieSize'), DEFAULT_MAX_COOKIE_SIZE);
  if (size === undefined) return undefined;
  const cacheOptions = propertyValue(options.object, 'cache');
  let cacheName: string | undefined;
  if (cacheOptions) {
    const c = scope.valueOf(cacheOptions);
    if (!ts.isObjectLiteralExpression(c)) return undefined;
    const named = propertyValue(c, 'cache');
    if (named && !ts.isStringLiteralLike(unwrap(named))) return undefined;
    cacheName = named ? (unwrap(named) as ts.StringLiteralLike).text : undefined;
  }
  if (serverCacheBackend(scope, cacheName) !== 'memory') return undefined;
  return { anchor: plugin, which: size === 0 ? 'every session' : `sessions larger than ${size} bytes` };
}

function isYar(scope: SessionScope, expression: ts.Expression): boolean {
  if (scope.isModule(expression, YAR)) return true;
  const m = scope.moduleOf(expression);
  return m !== undefined && YAR.has(m.module) && m.path.length === 1 && m.path[0] === 'plugin';
}

function numberOf(expression: ts.Expression | undefined, fallback: number): number | undefined {
  if (!expression) return fallback;
  const e = unwrap(expression);
  return ts.isNumericLiteral(e) ? Number(e.text) : undefined;
}

/** The backend of the server cache yar uses (named, or the default), from the server built in this file. */
function serverCacheBackend(scope: SessionScope, name: string | undefined): 'memory' | 'other' | 'unknown' {
  const server = hapiServerOptions(scope);
  if (server === undefined) return 'unknown';
  if (server === 'none') return name === undefined ? 'memory' : 'unknown';
  const cache = propertyValue(server, 'cache');
  if (!cache) return name === undefined && !server.properties.some((p) => ts.isSpreadAssignment(p)) ? 'memory' : 'unknown';
  const c = scope.valueOf(cache);
  const items = ts.isArrayLiteralExpression(c) ? [...c.elements] : [c];
  for (const item of items) {
    const i = scope.valueOf(item);
    if (!ts.isObjectLiteralExpression(i)) {
      if (name === undefined) return backendOf(scope, i);
      continue;
    }
    const n = propertyValue(i, 'name');
    const itemName = n && ts.isStringLiteralLike(unwrap(n)) ? (unwrap(n) as ts.StringLiteralLike).text : n ? null : undefined;
    if (itemName === null) return 'unknown';
    const isDefault = itemName === undefined || itemName === '_default';
    if ((name === undefined && isDefault) || (name !== undefined && itemName === name)) {
      const provider = propertyValue(i, 'provider') ?? propertyValue(i, 'engine');
      if (!provider) return 'unknown';
      const p = scope.valueOf(provider);
      const ctor = ts.isObjectLiteralExpression(p) ? propertyValue(p, 'constructor') : p;
      return ctor ? backendOf(scope, ctor) : 'unknown';
    }
  }
  // No cache provisioned under that name: the default stays hapi's catbox-memory; a missing named cache is a startup error.
  return name === undefined ? 'memory' : 'unknown';
}

function backendOf(scope: SessionScope, expression: ts.Expression): 'memory' | 'other' | 'unknown' {
  let e = scope.valueOf(expression);
  if (ts.isNewExpression(e)) e = scope.valueOf(e.expression);
  const m = scope.moduleOf(e);
  if (!m) return 'unknown';
  if (CATBOX_MEMORY.has(m.module)) return 'memory';
  return m.module.startsWith('.') ? 'unknown' : 'other';
}

/** The options object of `Hapi.server({…})` / `new Hapi.Server({…})` in this file; `none` when called without. */
function hapiServerOptions(scope: SessionScope): ts.ObjectLiteralExpression | 'none' | undefined {
  let found: ts.ObjectLiteralExpression | 'none' | undefined;
  let unknown = false;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || unknown) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const m = scope.moduleOf(node.expression);
      if (m && HAPI.has(m.module) && m.path.length === 1 && (m.path[0] === 'server' || m.path[0] === 'Server')) {
        const arg = node.arguments?.[0];
        if (!arg) found = 'none';
        else {
          const v = scope.valueOf(arg);
          if (ts.isObjectLiteralExpression(v)) found = v;
          else unknown = true;
        }
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope.sourceFile);
  return unknown ? undefined : found;
}
