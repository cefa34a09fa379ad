import ts = require('typescript');
import { propertyValue, unwrap } from '../../js/modules';
import { logToStdout, removeProperties, replaceNode, type Edit } from './file-logging-edits';
import { destinationKind, isDecidedElsewhere, isLogPath, pathPattern } from './file-logging-paths';
import { findProperty, holder, literalText, propertyName, shortText, valueOfProperty, type LogFinding, type Scope } from './file-logging-scope';

/** log4js appender types that write files. */
const LOG4JS_FILE_TYPES = new Set(['file', 'dateFile', 'fileSync', 'multiFile']);

/** What only a file appender reads; a `stdout` appender takes `layout` and nothing else of these. */
const LOG4JS_FILE_OPTIONS = new Set([
  'filename', 'pattern', 'maxLogSize', 'backups', 'numBackups', 'daysToKeep', 'compress', 'keepFileExt', 'fileNameSep',
  'alwaysIncludePattern', 'mode', 'flags', 'encoding', 'eol', 'base', 'property', 'extension', 'timeout', 'removeFileExt',
]);

/** What only a bunyan file stream reads. */
const BUNYAN_FILE_OPTIONS = new Set(['type', 'period', 'count', 'closeOnExit']);

/** The name under which an expression is stored: `appenders: …` or `const appenders = …`. */
function storedUnder(node: ts.Node): string | undefined {
  const p = holder(node);
  if (ts.isPropertyAssignment(p)) return propertyName(p);
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/**
 * log4js appenders whose `type` writes a file (`file`, `dateFile`, `fileSync`, `multiFile`), judged by
 * the type and not by the appender's name, in `appenders: { name: {…} }` (log4js 2+) or `appenders: […]`
 * (log4js 1) — wherever the configuration object is written, since config modules often do not import
 * log4js — and log4js 0.6's `log4js.appenders.file(…)`.
 */
export function findLog4js(scope: Scope): LogFinding[] {
  const found: LogFinding[] = [];
  for (const object of scope.objects) {
    const typeNode = propertyValue(object, 'type');
    const type = literalText(typeNode);
    if (!typeNode || type === undefined || !LOG4JS_FILE_TYPES.has(type)) continue;
    const name = appenderName(scope, object);
    if (name === undefined) continue;
    // The type makes it a file appender; its path may still say stdout or leave the file to the operator, as
    // winston's `filename` and bunyan's `path` may (`multiFile` names a directory in `base`).
    const path = propertyValue(object, type === 'multiFile' ? 'base' : 'filename');
    if (path && isDecidedElsewhere(destinationKind(scope, path))) continue;
    const fixEdits: Edit[] = [replaceNode(scope, typeNode, `${scope.text[typeNode.getStart(scope.sourceFile)]}stdout${scope.text[typeNode.getEnd() - 1]}`)];
    fixEdits.push(...removeProperties(scope, object, LOG4JS_FILE_OPTIONS).edits);
    found.push({
      messageId: 'log4jsFile',
      data: { name, type },
      start: typeNode.getStart(scope.sourceFile),
      end: typeNode.getEnd(),
      identity: `log4jsFile:${name}`,
      fix: logToStdout("Log to stdout: a 'stdout' appender", fixEdits),
    });
  }
  for (const call of scope.calls) {
    const r = scope.resolve(call.expression);
    if (!r || r.module !== 'log4js' || r.path.length !== 2 || r.path[0] !== 'appenders' || !LOG4JS_FILE_TYPES.has(r.path[1])) continue;
    found.push({
      messageId: 'log4jsFile',
      data: { name: r.path[1], type: r.path[1] },
      start: call.getStart(scope.sourceFile),
      end: call.getEnd(),
      identity: `log4jsFile:${r.path[1]}`,
    });
  }
  return found;
}

/**
 * The appender's name when the object is an appender of a log4js configuration; `appenders[i]` in the array
 * form. An appender held in a variable (`const fileAppender = {…}`) is named where the variable is used.
 */
function appenderName(scope: Scope, object: ts.ObjectLiteralExpression): string | undefined {
  const p = holder(object);
  if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent) && storedUnder(p.parent) === 'appenders') return propertyName(p);
  if (ts.isArrayLiteralExpression(p) && storedUnder(p) === 'appenders') return `appenders[${p.elements.findIndex((e) => unwrap(e) === object)}]`;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) {
    for (const use of scope.referencesOf(p.name.text)) {
      const u = holder(use);
      if ((ts.isPropertyAssignment(u) || ts.isShorthandPropertyAssignment(u)) && storedUnder(u.parent) === 'appenders') return propertyName(u);
      if (ts.isArrayLiteralExpression(u) && storedUnder(u) === 'appenders') return `appenders[${u.elements.findIndex((e) => unwrap(e) === use)}]`;
    }
  }
  return undefined;
}

/** `{ name: 'app', streams: [{ path: './logs/app.log' }] }` written in place: the stream objects. */
function configStreamObjects(scope: Scope): ts.ObjectLiteralExpression[] {
  return scope.objects.filter((object) => {
    const array = holder(object);
    if (!ts.isArrayLiteralExpression(array) || storedUnder(array) !== 'streams') return false;
    const property = holder(array);
    return ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.parent) && propertyValue(property.parent, 'name') !== undefined;
  });
}

/**
 * The stream objects of a bunyan logger: the elements of `streams: […]` (or of a `const streams = […]`), what
 * is pushed onto such an array, the argument of `log.addStream(…)`, and `createLogger`'s own options, written
 * in place or held in a variable used there (`const fileStream = {…}; streams: [fileStream]`). Only read in
 * files that name bunyan.
 */
export function bunyanStreamObjects(scope: Scope): ts.ObjectLiteralExpression[] {
  return scope.objects.filter((object) => {
    if (isStreamPosition(scope, object)) return true;
    const h = holder(object);
    return ts.isVariableDeclaration(h) && ts.isIdentifier(h.name) && scope.referencesOf(h.name.text).some((use) => isStreamPosition(scope, use));
  });
}

function isStreamPosition(scope: Scope, node: ts.Expression): boolean {
  const p = holder(node);
  if (ts.isArrayLiteralExpression(p)) return storedUnder(p) === 'streams';
  if (!ts.isCallExpression(p) || !ts.isPropertyAccessExpression(unwrap(p.expression))) return false;
  const callee = unwrap(p.expression) as ts.PropertyAccessExpression;
  if (callee.name.text === 'addStream' || (callee.name.text === 'createLogger' && scope.is(callee.expression, 'bunyan'))) return true;
  return callee.name.text === 'push' && isStreamsArray(scope, unwrap(callee.expression));
}

/** `streams` in `streams.push(…)` / `opts.streams.push(…)`: an array named so, or one given as a logger's `streams`. */
function isStreamsArray(scope: Scope, e: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'streams';
  if (!ts.isIdentifier(e)) return false;
  const init = scope.declarationOf(e.text)?.initializer;
  if (!init || !ts.isArrayLiteralExpression(unwrap(init))) return false;
  return e.text === 'streams' || scope.referencesOf(e.text).some((use) => {
    const h = holder(use);
    return ts.isPropertyAssignment(h) && propertyName(h) === 'streams';
  });
}

/** bunyan `{ path: './app.log' }` and `{ type: 'rotating-file', path }` streams; reported at the path. */
export function findBunyan(scope: Scope): LogFinding[] {
  // A file that does not name bunyan may still hold its options for another module (`bunyan.createLogger(
  // require('./config').logger)`, a JSON config file): a `{ name, streams: [{ path }] }` object whose path names
  // a log is bunyan's shape.
  const named = /bunyan/i.test(scope.text);
  const found: LogFinding[] = [];
  for (const object of named ? bunyanStreamObjects(scope) : configStreamObjects(scope)) {
    const pathProperty = findProperty(object, 'path');
    const path = valueOfProperty(pathProperty);
    if (!pathProperty || !path) continue;
    const kind = destinationKind(scope, path);
    if (isDecidedElsewhere(kind) || (!named && !isLogPath(pathPattern(scope, path)))) continue;
    const target = shortText(scope, path);
    const type = literalText(propertyValue(object, 'type'));
    const fixable = type === undefined || type === 'file' || type === 'rotating-file';
    found.push({
      messageId: 'bunyanFile',
      data: { target },
      start: path.getStart(scope.sourceFile),
      end: path.getEnd(),
      identity: `bunyanFile:${target}`,
      fix: fixable
        ? logToStdout('Log to stdout: stream process.stdout', [replaceNode(scope, pathProperty, 'stream: process.stdout'), ...removeProperties(scope, object, BUNYAN_FILE_OPTIONS).edits])
        : undefined,
    });
  }
  return found;
}
