import ts = require('typescript');
import { propertyValue } from '../../js/modules';
import { logToStdout, removeProperties, replaceNode } from './file-logging-edits';
import { destinationKind } from './file-logging-paths';
import { findProperty, shortText, valueOfProperty, type LogFinding, type Scope } from './file-logging-scope';

/**
 * Fastify's `logger.file` (`fastify({ logger: { level: 'info', file: './logs/app.log' } })`): Fastify turns it
 * into `pino.destination(file)`, so the app's log stream goes to that file instead of stdout. The options and
 * the logger options may be written in place or held in same-file constants. Judged like `pino.destination`:
 * a path written in the code (or an unknown name) is reported; one from the environment or configuration is not.
 */
export function findFastify(scope: Scope): LogFinding[] {
  const found: LogFinding[] = [];
  for (const call of scope.calls) {
    if (!isFastify(scope, call.expression) || !call.arguments[0]) continue;
    const options = scope.valueOf(call.arguments[0]);
    const logger = ts.isObjectLiteralExpression(options) ? propertyValue(options, 'logger') : undefined;
    const loggerObject = logger && scope.valueOf(logger);
    if (!loggerObject || !ts.isObjectLiteralExpression(loggerObject)) continue;
    const file = valueOfProperty(findProperty(loggerObject, 'file'));
    if (!file) continue;
    const kind = destinationKind(scope, file);
    if (kind !== 'file' && kind !== 'unknown') continue;
    const removed = removeProperties(scope, loggerObject, new Set(['file']));
    // `logger: {}` and `logger: true` mean the same (pino on stdout); `true` says so.
    const edits = removed.remaining === 0 ? [replaceNode(scope, loggerObject, 'true')] : removed.edits;
    const target = shortText(scope, file);
    found.push({
      messageId: 'fastifyFile',
      data: { target },
      start: file.getStart(scope.sourceFile),
      end: file.getEnd(),
      identity: `fastifyFile:${target}`,
      fix: logToStdout('Log to stdout: remove `logger.file`', edits),
    });
  }
  return found;
}

/** `fastify(…)`, `Fastify(…)` (default import), `fastify.fastify(…)`, `require('fastify')(…)`. */
function isFastify(scope: Scope, callee: ts.Expression): boolean {
  const r = scope.resolve(callee);
  return r !== undefined && r.module === 'fastify' && (r.path.length === 0 || (r.path.length === 1 && r.path[0] === 'fastify'));
}
