import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { propertyValue, unwrap } from '../../js/modules';
import { deleteElements, logToStdout, removeProperties, replaceNode, type Edit } from './file-logging-edits';
import { destinationKind } from './file-logging-paths';
import { findProperty, holder, literalText, shortText, valueOfProperty, type LogFinding, type Scope } from './file-logging-scope';

/** Options that only matter for a file (sonic-boom / pino/file): dropped when the destination becomes stdout. */
const FILE_ONLY = new Set(['mkdir', 'append']);

/**
 * pino's file destinations: `pino.destination('./app.log')` / `({ dest })` (also as the second argument of
 * `pino(opts, …)`), `new SonicBoom({ dest })`, the `pino/file` transport's `destination` (in `pino.transport`,
 * `pino({ transport })` and `targets: […]`, also in framework options such as Fastify's that hold the same
 * object), pino-pretty given a file `destination` (as a transport or called as a stream), the `pino-roll`
 * transport, and `pino-roll` called directly. A destination of 1 or 2, no destination at all (stdout is the
 * default), or one read from the environment or from configuration (`config.logDestination`) is not reported.
 */
export function findPino(scope: Scope): LogFinding[] {
  const found: LogFinding[] = [];
  for (const call of scope.calls) {
    if (scope.is(call.expression, 'pino', 'destination')) {
      const f = destinationFinding(scope, call, call.arguments[0], 'dest');
      if (f) found.push(f);
    } else if (isPinoPretty(scope, call.expression)) {
      const f = prettyFinding(scope, call);
      if (f) found.push(f);
    } else if (scope.is(call.expression, 'pino-roll')) {
      const options = call.arguments[0] && unwrap(call.arguments[0]);
      const file = options && ts.isObjectLiteralExpression(options) ? propertyValue(options, 'file') : undefined;
      const target = file ? shortText(scope, file) : 'pino-roll';
      found.push({ messageId: 'pinoFile', data: { target }, start: call.getStart(scope.sourceFile), end: call.getEnd(), identity: `pinoFile:${target}` });
    }
  }
  for (const node of scope.news) {
    if (!scope.is(node.expression, 'sonic-boom')) continue;
    const f = destinationFinding(scope, node, node.arguments?.[0], 'dest');
    if (f) found.push(f);
  }
  for (const object of scope.objects) {
    const target = literalText(propertyValue(object, 'target'));
    // pino-pretty prints to stdout unless its `destination` names a file: then it is a file target like pino/file.
    if (target === 'pino/file' || target === 'pino-pretty') {
      const f = pinoFileTarget(scope, object);
      if (f) found.push(f);
    } else if (target === 'pino-roll') found.push(pinoRollTarget(scope, object));
  }
  return found;
}

/** `pino.destination(x)` / `new SonicBoom(x)`: x is a path, a file descriptor, or `{ dest | fd, … }`. */
function destinationFinding(scope: Scope, node: ts.CallExpression | ts.NewExpression, argument: ts.Expression | undefined, key: string): LogFinding | undefined {
  if (!argument) return undefined;
  const arg = unwrap(argument);
  let value: ts.Expression | undefined = arg;
  let object: ts.ObjectLiteralExpression | undefined;
  if (ts.isObjectLiteralExpression(arg)) {
    object = arg;
    value = propertyValue(arg, key) ?? propertyValue(arg, 'fd');
  }
  if (!value || !isFile(scope, value)) return undefined;
  const edits: Edit[] = object ? toStdout(scope, object, value) : [replaceNode(scope, arg, '1')];
  return pinoFile(scope, node, value, `Log to stdout: ${ts.isNewExpression(node) ? 'file descriptor 1' : 'pino.destination(1)'}`, edits);
}

/** A pino destination that is a file, reported at `node`, with the edits that send it to stdout instead. */
function pinoFile(scope: Scope, node: ts.Node, destination: ts.Expression, title: string, edits: Edit[]): LogFinding {
  const target = shortText(scope, destination);
  return {
    messageId: 'pinoFile',
    data: { target },
    start: node.getStart(scope.sourceFile),
    end: node.getEnd(),
    identity: `pinoFile:${target}`,
    fix: logToStdout(title, edits),
  };
}

/** pino-pretty's stream factory: the module itself, or its `build` / `PinoPretty` exports. */
function isPinoPretty(scope: Scope, callee: ts.Expression): boolean {
  const r = scope.resolve(callee);
  return r !== undefined && r.module === 'pino-pretty' && (r.path.length === 0 || (r.path.length === 1 && (r.path[0] === 'build' || r.path[0] === 'PinoPretty')));
}

/**
 * `pino(pretty({ destination: './pretty.log' }))`: reported at the call when its options, written in place,
 * name a file. A stream given as the destination is judged where it is opened.
 */
function prettyFinding(scope: Scope, call: ts.CallExpression): LogFinding | undefined {
  const options = call.arguments[0] && unwrap(call.arguments[0]);
  const destination = options && ts.isObjectLiteralExpression(options) ? propertyValue(options, 'destination') : undefined;
  if (!options || !destination || !isFile(scope, destination) || ts.isCallExpression(scope.valueOf(destination)) || ts.isNewExpression(scope.valueOf(destination))) return undefined;
  return pinoFile(scope, call, destination, 'Log to stdout: destination 1', toStdout(scope, options as ts.ObjectLiteralExpression, destination));
}

function isFile(scope: Scope, value: ts.Expression): boolean {
  const kind = destinationKind(scope, value);
  return kind === 'file' || kind === 'unknown';
}

/** In an options object: the destination value becomes `1`, and the options that only a file reads go. */
function toStdout(scope: Scope, object: ts.ObjectLiteralExpression, value: ts.Expression): Edit[] {
  const parent = value.parent;
  const edits = [ts.isShorthandPropertyAssignment(parent) ? replaceNode(scope, parent, `${parent.name.text}: 1`) : replaceNode(scope, value, '1')];
  return [...edits, ...removeProperties(scope, object, FILE_ONLY).edits];
}

/** `{ target: 'pino/file' | 'pino-pretty', options: { destination: './app.log' } }`: reported at the destination. */
function pinoFileTarget(scope: Scope, object: ts.ObjectLiteralExpression): LogFinding | undefined {
  const options = propertyValue(object, 'options');
  const resolved = options && scope.valueOf(options);
  if (!resolved || !ts.isObjectLiteralExpression(resolved)) return undefined;
  const destination = propertyValue(resolved, 'destination');
  if (!destination || !isFile(scope, destination)) return undefined;
  const target = shortText(scope, destination);
  // Options held in a variable may be shared: change them only where they are written in place.
  const fix: EditFix | undefined = removeBesideStdout(scope, object) ??
    (resolved === unwrap(options) ? logToStdout('Log to stdout: destination 1', toStdout(scope, resolved, destination)) : undefined);
  return { messageId: 'pinoFile', data: { target }, start: destination.getStart(scope.sourceFile), end: destination.getEnd(), identity: `pinoFile:${target}`, fix };
}

/** `{ target: 'pino-roll', options: { file, frequency } }` → `{ target: 'pino/file', options: { destination: 1 } }`. */
function pinoRollTarget(scope: Scope, object: ts.ObjectLiteralExpression): LogFinding {
  const targetNode = propertyValue(object, 'target') as ts.Expression;
  const optionsProperty = findProperty(object, 'options');
  const options = valueOfProperty(optionsProperty);
  const resolved = options && scope.valueOf(options);
  const file = resolved && ts.isObjectLiteralExpression(resolved) ? propertyValue(resolved, 'file') : undefined;
  const target = file ? shortText(scope, file) : 'pino-roll';
  const quote = scope.text[targetNode.getStart(scope.sourceFile)];
  const edits: Edit[] = [replaceNode(scope, targetNode, `${quote}pino/file${quote}`)];
  if (optionsProperty) edits.push(replaceNode(scope, optionsProperty, 'options: { destination: 1 }'));
  return {
    messageId: 'pinoFile',
    data: { target },
    start: targetNode.getStart(scope.sourceFile),
    end: targetNode.getEnd(),
    identity: `pinoFile:${target}`,
    fix: removeBesideStdout(scope, object) ?? logToStdout('Log to stdout: pino/file with destination 1', edits),
  };
}

/**
 * In `targets: […]` that already has a stdout target (`pino/file` to 1 or with no destination, `pino-pretty`)
 * printing everything the file target gets, the file target is removed rather than turned into a second
 * stdout target that would print every line twice.
 */
function removeBesideStdout(scope: Scope, object: ts.ObjectLiteralExpression): EditFix | undefined {
  const array = holder(object);
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  const index = array.elements.findIndex((el) => unwrap(el) === object);
  // A level we cannot read counts against removal: the most verbose for the file, the least for stdout.
  const level = targetLevel(object, -Infinity);
  const covered = array.elements.some((el, i) => i !== index && isStdoutTarget(scope, unwrap(el)) && targetLevel(unwrap(el), Infinity) <= level);
  if (index < 0 || !covered) return undefined;
  return logToStdout('Log to stdout: remove the file target (a stdout target is already there)', deleteElements(scope, array.elements, new Set([index])));
}

const PINO_LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** A target's level as a number (a target without one gets `info`), or `unknown` when it is not a literal level. */
function targetLevel(node: ts.Expression, unknown: number): number {
  if (!ts.isObjectLiteralExpression(node)) return unknown;
  const level = propertyValue(node, 'level');
  if (!level) return PINO_LEVELS.info;
  return PINO_LEVELS[literalText(level) ?? ''] ?? unknown;
}

function isStdoutTarget(scope: Scope, node: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const target = literalText(propertyValue(node, 'target'));
  if (target !== 'pino/file' && target !== 'pino-pretty') return false;
  const options = propertyValue(node, 'options');
  const resolved = options && scope.valueOf(options);
  const destination = resolved && ts.isObjectLiteralExpression(resolved) ? propertyValue(resolved, 'destination') : undefined;
  return !destination || destinationKind(scope, destination) === 'stdout';
}
