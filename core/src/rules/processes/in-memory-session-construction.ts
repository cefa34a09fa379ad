import ts = require('typescript');
import { unwrap } from '../../js/modules';
import type { SessionScope } from './in-memory-session-scope';
import { classifyStore, type StoreVerdict } from './in-memory-session-stores';

/**
 * Stores a library keeps in the process (express-session's MemoryStore, memorystore, session-file-store…) exist
 * only to hold sessions, so where one is built is where the problem is, even when the rule cannot follow it to
 * the `session()` call: kept in a class member (`this.sessionStore = new MemoryStore()`, read elsewhere as
 * `storage.sessionStore`), returned by a factory, or handed through a container. Those built for a `session()`
 * call or an export the rule follows are reported there instead (`reached`), once.
 */
export function unfollowedStores(scope: SessionScope, reached: ReadonlySet<ts.Node>): Array<{ node: ts.NewExpression; verdict: StoreVerdict }> {
  const out: Array<{ node: ts.NewExpression; verdict: StoreVerdict }> = [];
  for (const node of scope.file.news) {
    if (reached.has(node)) continue;
    const verdict = classifyStore(scope, node);
    if (verdict.kind !== 'memory' && verdict.kind !== 'file') continue;
    if (isFallback(scope, node, verdict) || isReplaced(scope, node, verdict) || isUnused(scope, node)) continue;
    out.push({ node, verdict });
  }
  return out;
}

/** Every `new …` an expression can evaluate to, through local names, parentheses, conditionals and `||`/`??`. */
export function constructionsOf(scope: SessionScope, expression: ts.Expression | undefined, into: Set<ts.Node>, depth = 0): void {
  if (!expression || depth > 8) return;
  const e = unwrap(expression);
  if (ts.isNewExpression(e)) into.add(e);
  else if (ts.isConditionalExpression(e)) {
    constructionsOf(scope, e.whenTrue, into, depth + 1);
    constructionsOf(scope, e.whenFalse, into, depth + 1);
  } else if (ts.isBinaryExpression(e) && isLogical(e.operatorToken.kind)) {
    constructionsOf(scope, e.left, into, depth + 1);
    constructionsOf(scope, e.right, into, depth + 1);
  } else if (ts.isIdentifier(e)) {
    const d = scope.lookup(e);
    if (d.kind === 'value') constructionsOf(scope, d.initializer, into, depth + 1);
  }
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.AmpersandAmpersandToken;
}

/** The node that holds the expression, above parentheses and type assertions. */
function holderOf(node: ts.Node): ts.Node {
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p))) p = p.parent;
  return p;
}

/** `prod ? new RedisStore() : new MemoryStore()`, `redis || new MemoryStore()`: the memory store is a fallback. */
function isFallback(scope: SessionScope, node: ts.NewExpression, verdict: StoreVerdict): boolean {
  const p = holderOf(node);
  if (ts.isConditionalExpression(p)) {
    const other = unwrap(p.whenTrue) === node || p.whenTrue === node ? p.whenFalse : p.whenTrue;
    return classifyStore(scope, other).kind !== verdict.kind;
  }
  return ts.isBinaryExpression(p) && isLogical(p.operatorToken.kind);
}

/**
 * A default that other code replaces: `let store = new MemoryStore(); if (url) store = new PgStore()`, or a
 * member that is assigned another store elsewhere in the file (`this.sessionStore = new PgStore(…)`).
 */
function isReplaced(scope: SessionScope, node: ts.NewExpression, verdict: StoreVerdict): boolean {
  const p = holderOf(node);
  let name: string | undefined;
  let member: string | undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) name = p.name.text;
  else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = unwrap(p.left);
    if (ts.isIdentifier(left)) name = left.text;
    else if (ts.isPropertyAccessExpression(left)) member = left.name.text;
  } else if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) member = p.name.text;
  if (name !== undefined) return scope.file.isReassigned(name) && !(ts.isBinaryExpression(p) && onlyAssignment(scope, name, p));
  if (member === undefined) return false;
  return scope.file.memberAssignments.some((a) => a.target.name.text === member && unwrap(a.value) !== node && classifyStore(scope, a.value).kind !== verdict.kind);
}

/** `const store = new MemoryStore()` that nothing reads (what a fix that moved the session to Redis leaves behind). */
function isUnused(scope: SessionScope, node: ts.NewExpression): boolean {
  const p = holderOf(node);
  return ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && scope.file.referencesOf(p.name.text).length === 0;
}

/** Every `new …` written inside a node (a session() call's arguments: whatever they hold is judged there). */
export function constructionsWithin(node: ts.Node, into: Set<ts.Node>): void {
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n)) into.add(n);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** `let store; store = new MemoryStore()`: one assignment, the construction itself, is no replacement. */
function onlyAssignment(scope: SessionScope, name: string, assignment: ts.BinaryExpression): boolean {
  let count = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(unwrap(n.left)) && (unwrap(n.left) as ts.Identifier).text === name) count++;
    if (count < 2) ts.forEachChild(n, visit);
  };
  visit(scope.sourceFile);
  return count === 1 && assignment !== undefined;
}
