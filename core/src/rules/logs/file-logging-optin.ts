import ts = require('typescript');
import { words } from '../../secrets/names';

/**
 * A file destination set up only when a setting named for file logging is on: `if (loggingFilePath) {
 * targets.push({ target: 'pino/file', … }) }`, `if (process.env.LOG_FILE)`, `if (config.logToFile)`. The default
 * is the stream; the operator who sets the path asks for the file. The same judgement as Python's
 * `if settings.LOG_TO_FILE:` (file-logging-python.ts). A negated test (`if (!logFile)`) is not a switch.
 */
export function isOptInFileLog(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && namesFileLogging(parent.expression)) return true;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

const LOG_WORDS = new Set(['log', 'logs', 'logging', 'logger']);
const FILE_WORDS = new Set(['file', 'files', 'path', 'dir', 'directory', 'folder']);

/** The condition tests, without negating it, a name whose words say "log" and "file" (`LOG_FILE_PATH`, `logToFile`). */
function namesFileLogging(condition: ts.Expression): boolean {
  let found = false;
  const visit = (n: ts.Node, negated: boolean): void => {
    if (found) return;
    if (ts.isParenthesizedExpression(n)) return visit(n.expression, negated);
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return visit(n.operand, !negated);
    if (ts.isBinaryExpression(n) && isEquality(n.operatorToken.kind)) {
      // `logFile !== undefined` tests it; `logFile === undefined` negates it; `LOG_TARGET === 'file'` tests it.
      const empty = (e: ts.Expression) => e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || (ts.isStringLiteral(e) && e.text === '');
      const equals = n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
      const negates = empty(n.right) || empty(n.left) ? equals : !equals;
      visit(n.left, negated !== negates);
      visit(n.right, negated !== negates);
      return;
    }
    if (ts.isIdentifier(n) || ts.isPropertyAccessExpression(n) || ts.isStringLiteral(n)) {
      const ws = words(ts.isPropertyAccessExpression(n) ? n.name.text : n.text);
      if (!negated && ws.some((w) => LOG_WORDS.has(w)) && ws.some((w) => FILE_WORDS.has(w))) found = true;
      if (!ts.isPropertyAccessExpression(n)) return;
    }
    ts.forEachChild(n, (c) => visit(c, negated));
  };
  visit(condition, false);
  return found;
}

/** `===`, `==`, `!==`, `!=`. A function, not a module constant: the compiler is loaded on first use, not on import. */
function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}
