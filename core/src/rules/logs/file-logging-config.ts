import ts = require('typescript');
import { propertyValue, unwrap } from '../../js/modules';
import { logToStdout, removeProperties, replaceNode, type Edit } from './file-logging-edits';
import { destinationKind } from './file-logging-paths';
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
    const name = appenderName(object);
    if (name === undefined) continue;
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

/** The appender's name when the object is an appender of a log4js configuration; `appenders[i]` in the array form. */
function appenderName(object: ts.ObjectLiteralExpression): string | undefined {
  const p = holder(object);
  if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent) && storedUnder(p.parent) === 'appenders') return propertyName(p);
  if (ts.isArrayLiteralExpression(p) && storedUnder(p) === 'appenders') return `appenders[${p.elements.findIndex((e) => unwrap(e) === object)}]`;
  return undefined;
}

/**
 * The stream objects of a bunyan logger: the elements of `streams: […]` (or of a `const streams = […]`),
 * the argument of `log.addStream(…)`, and `createLogger`'s own options. Only read in files that name bunyan.
 */
export function bunyanStreamObjects(scope: Scope): ts.ObjectLiteralExpression[] {
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const object of scope.objects) {
    const p = holder(object);
    if (ts.isArrayLiteralExpression(p) && storedUnder(p) === 'streams') objects.push(object);
    else if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(unwrap(p.expression))) {
      const callee = unwrap(p.expression) as ts.PropertyAccessExpression;
      if (callee.name.text === 'addStream' || (callee.name.text === 'createLogger' && scope.is(callee.expression, 'bunyan'))) objects.push(object);
    }
  }
  return objects;
}

/** bunyan `{ path: './app.log' }` and `{ type: 'rotating-file', path }` streams; reported at the path. */
export function findBunyan(scope: Scope): LogFinding[] {
  if (!/bunyan/i.test(scope.text)) return [];
  const found: LogFinding[] = [];
  for (const object of bunyanStreamObjects(scope)) {
    const pathProperty = findProperty(object, 'path');
    const path = valueOfProperty(pathProperty);
    if (!pathProperty || !path) continue;
    const kind = destinationKind(scope, path);
    if (kind === 'stdout' || kind === 'env') continue;
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
