import ts = require('typescript');
import { envObject } from '../js/envReads';
import { unwrap } from '../js/modules';

/**
 * Variables a JavaScript module sets for itself: `process.env.X = '1'` (a literal) on every run of the function
 * (or module) that holds it. The program owns such a variable (a flag a command sets before running a task,
 * `process.env.TZ = 'UTC'`); whatever a deployer set is overwritten, so a read of it is no setting to declare.
 * Not owned: a default (`if (!process.env.X) process.env.X = 'd'`, `??=`), an assignment under any other
 * condition (`if (dev) process.env.API = …`), which leaves the variable to the deployer on the other path, and
 * a computed value, which may be the deployer's own setting made absolute or normalised
 * (`process.env.STORAGE_PATH = resolveStorageRoot()`).
 */
export function assignedUnconditionally(sf: ts.SourceFile): ReadonlySet<string> {
  let names = cache.get(sf);
  if (!names) {
    names = WRITE_TEXT.test(sf.text) ? collect(sf) : new Set();
    cache.set(sf, names);
  }
  return names;
}

const cache = new WeakMap<ts.SourceFile, ReadonlySet<string>>();
// `env.X =` or `env['X'] =` (not `==`): only a file with one is walked.
const WRITE_TEXT = /\benv\s*(?:\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]+\])\s*=(?!=)/;

function collect(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = envTarget(node.left);
      if (name !== undefined && isLiteral(node.right) && !conditional(node)) out.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** `process.env.X` or `process.env['X']` (also `import.meta.env`, `Bun.env`): the variable's name. */
function envTarget(left: ts.Expression): string | undefined {
  const e = unwrap(left);
  if (ts.isPropertyAccessExpression(e) && envObject(e.expression)) return e.name.text;
  if (ts.isElementAccessExpression(e) && envObject(e.expression)) {
    const arg = unwrap(e.argumentExpression);
    return ts.isStringLiteralLike(arg) ? arg.text : undefined;
  }
  return undefined;
}

/** `'1'`, `` `UTC` ``, `0`, `true`: a value written down, not computed. */
function isLiteral(node: ts.Expression): boolean {
  const e = unwrap(node);
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
}

/**
 * The node runs only on some paths of its function or module: inside a branch, a `?:`, `&&`/`||`/`??`, a loop,
 * a `switch`, or a `catch`/`finally` (a `finally` restoring the value a `try` changed).
 */
function conditional(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isSourceFile(n.parent) && !ts.isFunctionLike(n.parent); n = n.parent) {
    const p = n.parent;
    if ((ts.isIfStatement(p) && p.expression !== n) || (ts.isConditionalExpression(p) && p.condition !== n)) return true;
    if (ts.isBinaryExpression(p) && p.right === n && isShortCircuit(p.operatorToken.kind)) return true;
    if (ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isIterationStatement(p, false) || ts.isCatchClause(p)) return true;
    if (ts.isTryStatement(p) && p.finallyBlock === n) return true;
  }
  return false;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}
