import ts = require('typescript');

/**
 * Whether a node sits where the code goes only outside production: the `else` of `NODE_ENV === 'production'`, the
 * branch of `NODE_ENV !== 'production'` or `NODE_ENV === 'development'`, as an `if` or a `?:` (Dokploy's
 * `if (NODE_ENV === "production") dbUrl = "…@dokploy-postgres…"; else dbUrl = "…@localhost…"`). Read within the
 * enclosing function.
 */
export function inNonProductionBranch(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && !ts.isSourceFile(parent) && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    let condition: ts.Expression | undefined;
    let whenTrue: ts.Node | undefined;
    let whenFalse: ts.Node | undefined;
    if (ts.isIfStatement(parent)) [condition, whenTrue, whenFalse] = [parent.expression, parent.thenStatement, parent.elseStatement];
    else if (ts.isConditionalExpression(parent)) [condition, whenTrue, whenFalse] = [parent.condition, parent.whenTrue, parent.whenFalse];
    if (!condition || child === condition) continue;
    const says = environmentTest(condition);
    if (says === undefined) continue;
    // `says` is whether the condition being true means production.
    return child === whenFalse ? says : child === whenTrue ? !says : false;
  }
  return false;
}

const PRODUCTION = /^(?:prod|production)$/;
const DEVELOPMENT = /^(?:dev|development|local|test)$/;

/** `NODE_ENV === 'production'` → true, `NODE_ENV !== 'production'` or `=== 'development'` → false; else undefined. */
function environmentTest(condition: ts.Expression): boolean | undefined {
  let c = condition;
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  if (!ts.isBinaryExpression(c)) return undefined;
  const op = c.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !unequal) return undefined;
  const literal = ts.isStringLiteralLike(c.right) ? c.right : ts.isStringLiteralLike(c.left) ? c.left : undefined;
  const other = literal === c.right ? c.left : c.right;
  if (!literal || !/\bNODE_ENV\b/.test(other.getText())) return undefined;
  const production = PRODUCTION.test(literal.text) ? true : DEVELOPMENT.test(literal.text) ? false : undefined;
  if (production === undefined) return undefined;
  return equal ? production : !production;
}
