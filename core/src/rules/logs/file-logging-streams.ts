import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { propertyValue, unwrap } from '../../js/modules';
import { bunyanStreamObjects } from './file-logging-config';
import { deleteElements, deleteStatement, logToStdout, removeProperties, replaceNode, type Edit } from './file-logging-edits';
import { destinationKind, isLogPath, pathPattern } from './file-logging-paths';
import { holder, literalText, propertyName, shortText, type LogFinding, type Scope } from './file-logging-scope';
import { winstonFileClass, winstonToConsole } from './file-logging-winston';

/** A call that opens a file as a stream: `fs.createWriteStream`, rotating-file-stream, file-stream-rotator… */
interface Creation {
  node: ts.CallExpression | ts.NewExpression;
  api: string;
  path?: ts.Expression;
  /** Streams of log-rotation libraries are logs whatever their path says. */
  alwaysLog: boolean;
}

/** Where a file stream is handed to a logger, and how the fix sends that logger to stdout instead. */
interface Slot {
  messageId: string;
  title: string;
  /** Message data beyond the target (winston's transport name). */
  data?: Record<string, string>;
  /** Undefined: no safe fix for this use. */
  edits?: Edit[];
}

/**
 * Files opened as streams and handed to a logger — morgan's `stream`, `new console.Console(…)`, winston's
 * Stream transport, `pino(opts, stream)`, `pino.multistream`, bunyan `streams` — whether the stream is made in
 * place or in a variable first. Reported once, at the call that opens the file, with the logger's message;
 * the fix changes every use and, when nothing else uses the stream, deletes its declaration. A stream no logger
 * takes is reported when its path names a log (`fsLogFile`, no fix).
 */
export function findStreams(scope: Scope): LogFinding[] {
  const bunyan = new Set(/bunyan/i.test(scope.text) ? bunyanStreamObjects(scope) : []);
  const found: LogFinding[] = [];
  for (const node of [...scope.calls, ...scope.news]) {
    const creation = creationOf(scope, node);
    if (!creation) continue;
    const target = creation.path ? shortText(scope, creation.path) : creation.api;
    const declaration = declarationHolding(node);
    const references = declaration ? scope.referencesOf((declaration.name as ts.Identifier).text).filter((r) => !contains(declaration, r)) : [];
    const slots = (declaration ? references : [node]).map((use) => slotOf(scope, bunyan, use)).filter((s): s is Slot => s !== undefined);
    const at = { start: node.getStart(scope.sourceFile), end: node.getEnd() };
    if (slots.length === 0) {
      const redirect = stdoutRedirect(scope, node);
      if (redirect) {
        found.push({ messageId: 'stdoutFile', data: { target, stream: redirect }, ...at, identity: `stdoutFile:${target}` });
        continue;
      }
      if (creation.alwaysLog || (creation.path && isLogPath(pathPattern(scope, creation.path)))) {
        found.push({ messageId: 'fsLogFile', data: { target, api: creation.api }, ...at, identity: `fsLogFile:${target}` });
      }
      continue;
    }
    let fix: EditFix | undefined;
    if (slots.every((s) => s.edits)) {
      const edits = slots.flatMap((s) => s.edits ?? []);
      const statement = declaration && references.length === slots.length ? removableStatement(declaration) : undefined;
      if (statement) edits.push(deleteStatement(scope, statement));
      fix = logToStdout(slots[0].title, edits);
    }
    found.push({ messageId: slots[0].messageId, data: { ...slots[0].data, target }, ...at, identity: `${slots[0].messageId}:${target}`, fix });
  }
  return found;
}

function creationOf(scope: Scope, node: ts.CallExpression | ts.NewExpression): Creation | undefined {
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  /** A property of the i-th argument when that argument is an object written in place. */
  const optionValue = (i: number, name: string) => {
    const o = args[i] && unwrap(args[i]);
    return o && ts.isObjectLiteralExpression(o) ? propertyValue(o, name) : undefined;
  };
  if (ts.isNewExpression(node)) {
    if (!scope.is(node.expression, 'bunyan-rotating-file-stream')) return undefined;
    return { node, api: 'bunyan-rotating-file-stream', path: optionValue(0, 'path'), alwaysLog: true };
  }
  if (scope.is(node.expression, 'fs', 'createWriteStream')) {
    const fd = optionValue(1, 'fd');
    const decisive = fd ?? args[0];
    if (!decisive) return undefined;
    const kind = destinationKind(scope, decisive);
    if (kind === 'stdout' || kind === 'env') return undefined;
    return { node, api: 'fs.createWriteStream', path: fd ? undefined : args[0], alwaysLog: false };
  }
  const r = scope.resolve(node.expression);
  const row = r && ROTATING_STREAMS.find((l) => l.module === r.module && l.exports.some((p) => p.length === r.path.length && p.every((x, i) => x === r.path[i])));
  if (!row) return undefined;
  return { node, api: row.module, path: row.path(args.map((a) => unwrap(a)), optionValue), alwaysLog: true };
}

type PathOf = (args: ts.Expression[], option: (i: number, name: string) => ts.Expression | undefined) => ts.Expression | undefined;

/**
 * Log-rotation libraries that open a file stream, and loggers made only to write files, as data: what they
 * open is a log whatever its path says.
 * `exports` are the export paths that open one (`[]` for the module's own value); `path` finds the file in the
 * arguments. Each row has a true and a false example in test/unit/rules/logs/file-logging/others.ts.
 */
export const ROTATING_STREAMS: ReadonlyArray<{ module: string; exports: string[][]; path: PathOf }> = [
  // The first argument is a file name or a function making one; `path` is the directory.
  { module: 'rotating-file-stream', exports: [[], ['createStream'], ['default']], path: (a, option) => (a[0] && !ts.isFunctionLike(a[0]) ? a[0] : option(1, 'path')) },
  { module: 'file-stream-rotator', exports: [['getStream']], path: (_a, option) => option(0, 'filename') },
  { module: 'logrotate-stream', exports: [[], ['default']], path: (_a, option) => option(0, 'file') },
  // Loggers whose only job is a file: simple-node-logger's file loggers, tracer's daily files.
  { module: 'simple-node-logger', exports: [['createSimpleFileLogger']], path: (a, option) => (a[0] && ts.isStringLiteralLike(a[0]) ? a[0] : option(0, 'logFilePath')) },
  { module: 'simple-node-logger', exports: [['createRollingFileLogger']], path: (_a, option) => option(0, 'logDirectory') ?? option(0, 'fileNamePattern') },
  { module: 'tracer', exports: [['dailyfile']], path: (_a, option) => option(0, 'root') },
  // mini-logger writes each category to daily files under `dir` (https://github.com/node-modules/mini-logger#usage);
  // its `stdout` option only adds a copy on stdout.
  { module: 'mini-logger', exports: [[], ['default']], path: (_a, option) => option(0, 'dir') },
];

/**
 * `this.log = fs.createWriteStream(logPath)` then `process.stdout.write = this.log.write.bind(this.log)`: the
 * process's own stdout (or stderr) now writes into the file, so every log line goes there (homebridge's hb-service
 * does this unless started with `--stdout`). The stream held under a name or a property; the stream named.
 */
function stdoutRedirect(scope: Scope, node: ts.Expression): string | undefined {
  const h = holder(node);
  let held: string | undefined;
  if (ts.isVariableDeclaration(h) && ts.isIdentifier(h.name)) held = h.name.text;
  else if (ts.isBinaryExpression(h) && h.operatorToken.kind === ts.SyntaxKind.EqualsToken && unwrap(h.right) === node) held = h.left.getText(scope.sourceFile);
  if (!held || held.length > 80 || !/^[\w$.]+$/.test(held)) return undefined;
  const name = held.replace(/[.$]/g, '\\$&');
  const m = new RegExp(`process\\.(stdout|stderr)\\.write\\s*=(?:\\s*process\\.std(?:out|err)\\.write\\s*=)?\\s*(?:\\(?\\s*)?${name}\\.write\\b`).exec(scope.text);
  return m ? `process.${m[1]}` : undefined;
}

/** `const stream = fs.createWriteStream(…)`: the declaration, when the stream is stored under a plain name. */
function declarationHolding(node: ts.Expression): ts.VariableDeclaration | undefined {
  const h = holder(node);
  return ts.isVariableDeclaration(h) && ts.isIdentifier(h.name) ? h : undefined;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** The statement to delete with the stream when it declares nothing else and exports nothing. */
function removableStatement(declaration: ts.VariableDeclaration): ts.VariableStatement | undefined {
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(statement)) return undefined;
  if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  return statement;
}

/** `new console.Console`, `new Console` from `console`/`node:console`, or an alias of the global's. */
function isConsoleClass(scope: Scope, e: ts.Expression): boolean {
  return scope.is(e, 'console', 'Console');
}

function isMultistream(scope: Scope, callee: ts.Expression): boolean {
  const r = scope.resolve(callee);
  return r !== undefined && ((r.module === 'pino' && r.path.join('.') === 'multistream') ||
    (r.module === 'pino-multi-stream' && (r.path.length === 0 || r.path.join('.') === 'multistream')));
}

/** An array given to `pino.multistream(…)`, in place or through `const streams = […]`. */
function feedsMultistream(scope: Scope, array: ts.ArrayLiteralExpression): boolean {
  const h = holder(array);
  if (ts.isCallExpression(h) && isMultistream(scope, h.expression)) return true;
  if (ts.isVariableDeclaration(h) && ts.isIdentifier(h.name)) {
    return scope.referencesOf(h.name.text).some((r) => {
      const c = holder(r);
      return ts.isCallExpression(c) && isMultistream(scope, c.expression);
    });
  }
  return false;
}

/** The stream in a value position, written so a shorthand property (`{ stream }`) stays valid. */
function replaceStream(scope: Scope, use: ts.Expression, text: string): Edit {
  const p = use.parent;
  return ts.isShorthandPropertyAssignment(p) ? replaceNode(scope, p, `${p.name.text}: ${text}`) : replaceNode(scope, use, text);
}

/** The logger a stream (or a name holding it) is given to, if any. */
function slotOf(scope: Scope, bunyan: ReadonlySet<ts.ObjectLiteralExpression>, use: ts.Expression): Slot | undefined {
  // Climb through `cond ? stream : undefined`, `stream || process.stdout` and type assertions to the value position.
  let node: ts.Node = use;
  for (;;) {
    const p = node.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p)) node = p;
    else if (ts.isConditionalExpression(p) && p.condition !== node) node = p;
    else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) node = p;
    else break;
  }
  const p = node.parent;
  if ((ts.isPropertyAssignment(p) && p.initializer === node) || ts.isShorthandPropertyAssignment(p)) {
    return propertySlot(scope, bunyan, use, propertyName(p), p.parent as ts.ObjectLiteralExpression);
  }
  if (ts.isNewExpression(p) && isConsoleClass(scope, p.expression)) {
    const i = p.arguments?.indexOf(node as ts.Expression) ?? -1;
    if (i === 0 || i === 1) return consoleSlot(replaceStream(scope, use, i === 0 ? 'process.stdout' : 'process.stderr'));
  }
  if (ts.isCallExpression(p) && scope.is(p.expression, 'pino')) {
    const i = p.arguments.indexOf(node as ts.Expression);
    const edits = node === use ? deleteElements(scope, p.arguments, new Set([i])) : [replaceStream(scope, use, 'process.stdout')];
    return { messageId: 'pinoFile', title: 'Log to stdout: drop the file stream (pino writes to stdout by default)', edits };
  }
  if (ts.isArrayLiteralExpression(p) && feedsMultistream(scope, p)) return pinoMultistreamSlot(scope, use);
  return undefined;
}

function propertySlot(scope: Scope, bunyan: ReadonlySet<ts.ObjectLiteralExpression>, use: ts.Expression, key: string | undefined,
  object: ts.ObjectLiteralExpression): Slot | undefined {
  const owner = holder(object);
  if (key === 'stream') {
    const morgan = morganCall(scope, object);
    if (morgan) {
      const removed = removeProperties(scope, object, new Set(['stream']));
      const index = morgan.arguments.findIndex((a) => unwrap(a) === object);
      // Options held in a variable keep their declaration (other code may read it), emptied.
      const emptied = removed.remaining === 0 ? (index >= 0 ? deleteElements(scope, morgan.arguments, new Set([index])) : [replaceNode(scope, object, '{}')]) : undefined;
      return { messageId: 'morganFile', title: 'Log to stdout: drop the file stream (morgan writes to stdout by default)', edits: emptied ?? removed.edits };
    }
    // winston's Stream transport, and its File transport given a `stream` instead of a `filename`.
    const transport = ts.isNewExpression(owner) ? winstonStreamTransport(scope, owner.expression) : undefined;
    if (transport && ts.isNewExpression(owner)) {
      const fix = winstonToConsole(scope, owner, owner.expression, owner.arguments, 0);
      return { messageId: 'winstonFile', title: fix?.title ?? '', data: { transport }, edits: fix?.edits };
    }
    const array = holder(object);
    if (ts.isArrayLiteralExpression(array) && feedsMultistream(scope, array)) return pinoMultistreamSlot(scope, use);
    if (bunyan.has(object)) {
      // A raw stream receives objects, not lines: process.stdout would not take them.
      const raw = literalText(propertyValue(object, 'type')) === 'raw';
      return { messageId: 'bunyanFile', title: 'Log to stdout: stream process.stdout', edits: raw ? undefined : [replaceStream(scope, use, 'process.stdout')] };
    }
  }
  if ((key === 'stdout' || key === 'stderr') && ts.isNewExpression(owner) && isConsoleClass(scope, owner.expression)) {
    return consoleSlot(replaceStream(scope, use, `process.${key}`));
  }
  return undefined;
}

/** The `morgan(format, options)` call the options object is given to, in place or through `const opts = {…}`. */
function morganCall(scope: Scope, object: ts.ObjectLiteralExpression): ts.CallExpression | undefined {
  const owner = holder(object);
  const isMorgan = (n: ts.Node): n is ts.CallExpression => ts.isCallExpression(n) && scope.is(n.expression, 'morgan');
  if (isMorgan(owner)) return owner;
  if (!ts.isVariableDeclaration(owner) || !ts.isIdentifier(owner.name)) return undefined;
  const uses = scope.referencesOf(owner.name.text).map((r) => holder(r));
  return uses.find(isMorgan);
}

function winstonStreamTransport(scope: Scope, callee: ts.Expression): string | undefined {
  return scope.is(callee, 'winston', 'transports', 'Stream') ? 'Stream' : winstonFileClass(scope, callee);
}

function consoleSlot(edit: Edit): Slot {
  return { messageId: 'consoleFile', title: 'Log to stdout: give the Console process.stdout and process.stderr', edits: [edit] };
}

function pinoMultistreamSlot(scope: Scope, use: ts.Expression): Slot {
  return { messageId: 'pinoFile', title: 'Log to stdout: process.stdout', edits: [replaceStream(scope, use, 'process.stdout')] };
}

/**
 * `fs.appendFile*` (also from `fs/promises`, `fs.promises`, fs-extra) and `fs.writeFile*` with an append flag,
 * aimed at a path that names a log. Reported at the path; no fix: what replaces a hand-written log file is
 * a logger writing to stdout, which is the developer's choice.
 */
export function findFsWrites(scope: Scope): LogFinding[] {
  const found: LogFinding[] = [];
  for (const call of scope.calls) {
    const r = scope.resolve(call.expression);
    if (!r || r.module !== 'fs' || r.path.length !== 1) continue;
    const name = r.path[0];
    if (name === 'writeFile' || name === 'writeFileSync') {
      const options = call.arguments[2] && unwrap(call.arguments[2]);
      const flag = options && ts.isObjectLiteralExpression(options) ? literalText(propertyValue(options, 'flag')) : undefined;
      if (!flag || !flag.startsWith('a')) continue;
    } else if (name !== 'appendFile' && name !== 'appendFileSync') continue;
    const path = call.arguments[0];
    if (!path || !isLogPath(pathPattern(scope, path))) continue;
    const target = shortText(scope, path);
    found.push({
      messageId: 'fsLogFile',
      data: { target, api: `fs.${name}` },
      start: path.getStart(scope.sourceFile),
      end: path.getEnd(),
      identity: `fsLogFile:${target}`,
    });
  }
  return found;
}
