import ts = require('typescript');
import { isEnvAccess } from '../../js/envReads';
import { dottedName, propertyValue, unwrap } from '../../js/modules';
import type { Scope } from './file-logging-scope';

/**
 * What a path or destination value is, read from the syntax alone:
 * - `stdout`: 1, 2, `process.stdout(.fd)`, `'/dev/stdout'`;
 * - `env`: read from the environment with no file fallback (`process.env.LOG_FILE`, `… || 1`): the operator decides;
 * - `config`: a bare property read of a configuration or options object (`config.logFile`, `this.opts.dest`):
 *   the deployment's configuration decides, which may well be stdout, so a logger's destination option that
 *   holds one is not reported (a path built on it, `config.dir + '/app.log'`, is a `file`);
 * - `file`: a path written in the code (`'./app.log'`, `path.join(__dirname, 'logs')`, `` `${dir}/app.log` ``);
 * - `unknown`: anything else (a parameter, a call).
 */
export type DestinationKind = 'stdout' | 'env' | 'config' | 'file' | 'unknown';

const STD_PATH = /^\/dev\/(stdout|stderr|fd\/[12])$|^\/proc\/self\/fd\/[12]$/;
const DEVICE_PATH = /^\/dev\/|^\/proc\/self\/fd\//;

export function destinationKind(scope: Scope, node: ts.Expression, depth = 0): DestinationKind {
  const e = unwrap(node);
  if (depth > 5) return 'unknown';
  if (ts.isNumericLiteral(e)) return e.text === '1' || e.text === '2' ? 'stdout' : 'unknown';
  if (ts.isStringLiteralLike(e)) return STD_PATH.test(e.text) || e.text === '1' || e.text === '2' ? 'stdout' : 'file';
  const dotted = dottedName(e);
  if (dotted && /^process\.(stdout|stderr)(\.fd)?$/.test(dotted)) return 'stdout';
  if (isEnvAccess(e)) return 'env';
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return memberKind(scope, e, depth);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return combine([destinationKind(scope, e.left, depth + 1), destinationKind(scope, e.right, depth + 1)]);
  }
  if (ts.isConditionalExpression(e)) return combine([destinationKind(scope, e.whenTrue, depth + 1), destinationKind(scope, e.whenFalse, depth + 1)]);
  if (ts.isIdentifier(e)) {
    const init = scope.declarationOf(e.text)?.initializer;
    return init ? destinationKind(scope, init, depth + 1) : 'unknown';
  }
  if (ts.isTemplateExpression(e) || isPathCall(scope, e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    const pattern = pathPattern(scope, e);
    return STD_PATH.test(pattern) ? 'stdout' : 'file';
  }
  return 'unknown';
}

/** A file wins over anything (it is what happens by default); then unknown; the environment, configuration or stdout is fine. */
function combine(kinds: DestinationKind[]): DestinationKind {
  if (kinds.includes('file')) return 'file';
  if (kinds.includes('unknown')) return 'unknown';
  if (kinds.includes('env')) return 'env';
  return kinds.includes('config') ? 'config' : 'stdout';
}

/** True for the kinds that leave the destination to the operator or say stdout: nothing to report. */
export function isDecidedElsewhere(kind: DestinationKind): boolean {
  return kind === 'stdout' || kind === 'env' || kind === 'config';
}

/**
 * `a.b.c` / `a['b']`: followed into a local object literal when `a` is one (`const LOGS = { file: './app.log' }`),
 * else a read of configuration. Only plain member chains count: `getConfig().file` stays unknown.
 */
function memberKind(scope: Scope, e: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): DestinationKind {
  const keys: string[] = [];
  let root: ts.Expression = e;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) {
    const key = ts.isPropertyAccessExpression(root) ? root.name.text : ts.isStringLiteralLike(root.argumentExpression) ? root.argumentExpression.text : undefined;
    if (key === undefined) return 'unknown';
    keys.unshift(key);
    root = unwrap(root.expression);
  }
  if (root.kind === ts.SyntaxKind.ThisKeyword) return 'config';
  if (!ts.isIdentifier(root)) return 'unknown';
  let value: ts.Expression | undefined = scope.declarationOf(root.text)?.initializer;
  if (!value) return 'config';
  for (const key of keys) {
    const object: ts.Expression = unwrap(value);
    // Built from a call or a parameter (`loadConfig()`, `require('./config')`): configuration all the same.
    if (!ts.isObjectLiteralExpression(object)) return ts.isCallExpression(object) || ts.isIdentifier(object) ? 'config' : 'unknown';
    value = propertyValue(object, key);
    if (!value) return 'unknown';
  }
  return destinationKind(scope, value, depth + 1);
}

/** `path.join(…)`, `path.resolve(…)`, `join(…)` from `path`, `path.posix.join(…)`. */
function isPathCall(scope: Scope, e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const r = scope.resolve(e.expression);
  // Snippets and scripts use `path` without showing its import; a `path` bound to something else is not it.
  if (!r) return !scope.bindings.names.has('path') && /^path\.((posix|win32)\.)?(join|resolve|normalize)$/.test(dottedName(e.expression) ?? '');
  if (r.module !== 'path') return false;
  const last = r.path[r.path.length - 1];
  return last === 'join' || last === 'resolve' || last === 'normalize';
}

/**
 * A path as far as the code spells it, `*` standing for what it does not: `path.join(__dirname, 'logs',
 * name)` → `*\/logs/*`, `` `${dir}/app-${date}.log` `` → `*\/app-*.log`; local constants are followed.
 */
export function pathPattern(scope: Scope, node: ts.Expression, depth = 0): string {
  const e = unwrap(node);
  if (depth > 5) return '*';
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) {
    return e.head.text + e.templateSpans.map((s) => pathPattern(scope, s.expression, depth + 1) + s.literal.text).join('');
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return pathPattern(scope, e.left, depth + 1) + pathPattern(scope, e.right, depth + 1);
  }
  if (isPathCall(scope, e)) return e.arguments.map((a) => pathPattern(scope, a, depth + 1)).join('/');
  if (ts.isIdentifier(e)) {
    const init = scope.declarationOf(e.text)?.initializer;
    return init ? pathPattern(scope, init, depth + 1) : '*';
  }
  return '*';
}

/**
 * True for paths that name a log: a `.log` file (`app.log`, `app-%DATE%.log`, `app.log.1`), a file called
 * `log`/`logs` or ending in `-log`/`_log`/`.log` before its extension (`log.txt`, `error-log.json`), or anything
 * under a `log`/`logs` directory (`logs/app.txt`, `/var/log/app`). `catalog.txt`, `blog/`, `data.csv` are not.
 */
export function isLogPath(pattern: string): boolean {
  const normal = pattern.replace(/\\/g, '/');
  if (DEVICE_PATH.test(normal)) return false;
  const segments = normal.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return false;
  const base = segments[segments.length - 1];
  if (segments.slice(0, -1).some((d) => /^\.?logs?$/i.test(d))) return true;
  return /\.log(\.[\w*%-]+)?$/i.test(base) || /(^|[-_.*])logs?(\.[\w*]+)?$/i.test(base);
}
