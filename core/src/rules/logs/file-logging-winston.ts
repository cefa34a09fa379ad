import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { propertyValue, unwrap } from '../../js/modules';
import { deleteElements, logToStdout, removeProperties, type Edit } from './file-logging-edits';
import { destinationKind, isDecidedElsewhere } from './file-logging-paths';
import { findProperty, literalText, shortText, type LogFinding, type Scope } from './file-logging-scope';

/** Options only a file transport reads (winston's File, winston-daily-rotate-file, Stream's `stream`): dropped by the fix. */
const FILE_OPTIONS = new Set([
  'filename', 'dirname', 'maxsize', 'maxSize', 'maxFiles', 'tailable', 'zippedArchive', 'datePattern', 'frequency',
  'auditFile', 'createSymlink', 'symlinkName', 'options', 'lazy', 'utc', 'extension', 'auditHashType', 'watchLog',
  'maxRetries', 'stream',
]);

/** `File` or `DailyRotateFile` when the expression is winston's file transport class, whatever the import style. */
export function winstonFileClass(scope: Scope, expression: ts.Expression): string | undefined {
  const r = scope.resolve(expression);
  if (!r) return undefined;
  if (r.module === 'winston' && r.path.length === 2 && r.path[0] === 'transports' && (r.path[1] === 'File' || r.path[1] === 'DailyRotateFile')) return r.path[1];
  // winston-daily-rotate-file and its scoped forks (`@abtnode/winston-daily-rotate-file`).
  if (/^(@[\w.-]+\/)?winston-daily-rotate-file$/.test(r.module) && (r.path.length === 0 || (r.path.length === 1 && r.path[0] === 'default'))) return 'DailyRotateFile';
  return undefined;
}

/** winston's npm levels, most severe first: a transport prints its level and every level before it. */
const NPM_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];

/**
 * A Console transport in the same array that already prints everything the file transport gets: one with no
 * `level` (it follows the logger's), or with a level at least as verbose as the file transport's.
 */
function coveringConsole(scope: Scope, node: ts.Expression, fileLevel: string | undefined): boolean {
  const e = unwrap(node);
  if (!ts.isNewExpression(e) || !scope.is(e.expression, 'winston', 'transports', 'Console')) return false;
  const options = e.arguments?.[0] && unwrap(e.arguments[0]);
  if (options && !ts.isObjectLiteralExpression(options)) return false;
  const level = options && propertyValue(options, 'level');
  if (!level) return true;
  const rank = NPM_LEVELS.indexOf(literalText(level) ?? '');
  return fileLevel !== undefined && rank >= 0 && NPM_LEVELS.indexOf(fileLevel) >= 0 && rank >= NPM_LEVELS.indexOf(fileLevel);
}

/**
 * `new winston.transports.File(…)` in any spelling (`new transports.File`, `new (winston.transports.File)`,
 * `new DailyRotateFile` from winston-daily-rotate-file, `new winston.transports.DailyRotateFile` after its
 * side-effect import), wherever it stands (`transports: […]`, `logger.add(…)`, `exceptionHandlers`), and
 * winston 2's `winston.add(winston.transports.File, options)`. Reported once, at `new …File`.
 */
export function findWinston(scope: Scope): LogFinding[] {
  const found: LogFinding[] = [];
  for (const node of scope.news) {
    const cls = winstonFileClass(scope, node.expression);
    if (!cls) continue;
    const options = node.arguments?.[0];
    const target = fileTarget(scope, options);
    if (target === undefined) continue;
    found.push({
      messageId: 'winstonFile',
      data: { transport: cls, target },
      start: node.getStart(scope.sourceFile),
      end: node.expression.getEnd(),
      identity: `winstonFile:${target}`,
      fix: winstonToConsole(scope, node, node.expression, node.arguments, 0),
    });
  }
  for (const call of scope.calls) {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'add' || call.arguments.length === 0) continue;
    const cls = winstonFileClass(scope, call.arguments[0]);
    const target = cls && fileTarget(scope, call.arguments[1]);
    if (!cls || target === undefined) continue;
    found.push({
      messageId: 'winstonFile',
      data: { transport: cls, target },
      start: call.arguments[0].getStart(scope.sourceFile),
      end: call.arguments[0].getEnd(),
      identity: `winstonFile:${target}`,
      fix: winstonToConsole(scope, call.arguments[0], call.arguments[0], call.arguments, 1),
    });
  }
  return found;
}

/** What the transport writes to, for the message; undefined when it writes to stdout or where the environment says. */
function fileTarget(scope: Scope, options: ts.Expression | undefined): string | undefined {
  const object = options && scope.valueOf(options);
  if (!object || !ts.isObjectLiteralExpression(object)) return options ? shortText(scope, options) : 'a file';
  const filename = propertyValue(object, 'filename');
  const dirname = propertyValue(object, 'dirname');
  // Given a stream instead of a file name, the stream decides: one that opens a file is reported where it is opened.
  if (!filename && !dirname && findProperty(object, 'stream')) return undefined;
  const decisive = filename ?? dirname;
  if (decisive) {
    const kind = destinationKind(scope, decisive);
    if (isDecidedElsewhere(kind)) return undefined;
  }
  return filename ? shortText(scope, filename) : dirname ? shortText(scope, dirname) : 'a file';
}

/**
 * The fix: the same transport as a Console, spelled the way the code spelled the file one (`transports.File`
 * → `transports.Console`), with the file-only options dropped and the rest (level, format, handleExceptions…)
 * kept. When the array it stands in already has a Console transport that prints everything the file got, the
 * file transport is removed instead, so no entry is printed twice and none is lost. No fix when the options
 * are not written in place (`new File(opts)`) or when nothing in scope spells winston's Console (a bare
 * `new DailyRotateFile` import).
 */
export function winstonToConsole(scope: Scope, site: ts.Expression, callee: ts.Expression, args: ts.NodeArray<ts.Expression> | undefined,
  optionsIndex: number): EditFix | undefined {
  const array = site.parent;
  const options = args?.[optionsIndex] && unwrap(args[optionsIndex]);
  const fileLevel = options && ts.isObjectLiteralExpression(options) ? literalText(propertyValue(options, 'level')) : undefined;
  if (ts.isArrayLiteralExpression(array) && array.elements.some((el) => el !== site && coveringConsole(scope, el, fileLevel))) {
    const index = array.elements.indexOf(site);
    return logToStdout('Log to stdout: remove the file transport (the Console transport already logs there)', deleteElements(scope, array.elements, new Set([index])));
  }
  const edits: Edit[] = [];
  const name = unwrap(callee);
  if (ts.isPropertyAccessExpression(name)) {
    edits.push({ start: name.name.getStart(scope.sourceFile), end: name.name.getEnd(), text: 'Console' });
  } else {
    const consoleRef = scope.winstonConsole();
    if (!consoleRef) return undefined;
    edits.push({ start: name.getStart(scope.sourceFile), end: name.getEnd(), text: consoleRef });
  }
  if (options) {
    if (!ts.isObjectLiteralExpression(options)) return undefined;
    const removed = removeProperties(scope, options, FILE_OPTIONS);
    if (removed.remaining === 0 && args) edits.push(...deleteElements(scope, args, new Set([optionsIndex])));
    else edits.push(...removed.edits);
  }
  return logToStdout('Log to stdout: use a Console transport', edits);
}
