import ts = require('typescript');
import { unwrap } from '../../js/modules';
import type { SessionScope } from './in-memory-session-scope';

const MAP_CLASSES = new Set(['Map', 'WeakMap']);

/** `{}`, `new Map()`, `Object.create(null)`: where an in-process store keeps its sessions. */
export function isContainer(expression: ts.Expression): boolean {
  const e = unwrap(expression);
  if (ts.isObjectLiteralExpression(e)) return e.properties.length === 0;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) return MAP_CLASSES.has(e.expression.text);
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) &&
    e.expression.expression.text === 'Object' && e.expression.name.text === 'create';
}

/**
 * A store class of the application's own keeps its sessions in this process when its `set` writes them into a
 * container (a `{}` or Map field, or one declared outside the class) and its `get` gives them back from it.
 * A container that is only there for something else (options, a Map of pending writes next to a database
 * collection) does not make the store in-process.
 */
export function classKeepsSessions(scope: SessionScope, node: ts.ClassLikeDeclaration): boolean {
  const fields = new Set<string>();
  const methods = new Map<string, ts.FunctionLikeDeclaration>();
  for (const m of node.members) {
    const name = m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) ? m.name.text : undefined;
    if (ts.isMethodDeclaration(m) && name) methods.set(name, m);
    else if (ts.isPropertyDeclaration(m) && name && m.initializer) {
      const init = unwrap(m.initializer);
      if (isContainer(init)) fields.add(name);
      else if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) methods.set(name, init);
    } else if (ts.isConstructorDeclaration(m) && m.body) {
      for (const s of m.body.statements) {
        const field = thisAssignment(s);
        if (field && isContainer(field.value)) fields.add(field.name);
      }
    }
  }
  return keepsSessions(scope, methods.get('get'), methods.get('set'), fields);
}

/** The same test for a store written as an object literal (`{ storage: {}, get(k) {…}, set(k, v) {…} }`). */
export function objectKeepsSessions(scope: SessionScope, object: ts.ObjectLiteralExpression): boolean {
  const fields = new Set<string>();
  const methods = new Map<string, ts.FunctionLikeDeclaration>();
  for (const p of object.properties) {
    const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (!name) continue;
    if (ts.isMethodDeclaration(p)) methods.set(name, p);
    else if (ts.isPropertyAssignment(p) && isContainer(p.initializer)) fields.add(name);
    else {
      const fn = functionOf(scope, ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined);
      if (fn) methods.set(name, fn);
    }
  }
  return keepsSessions(scope, methods.get('get'), methods.get('set'), fields);
}

/** A function written in place, or a local name for one (`{ get }` with `function get(k) {…}` in the file). */
function functionOf(scope: SessionScope, value: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!value) return undefined;
  const e = unwrap(value);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const d = scope.lookup(e);
  if (d.kind === 'function') return d.node;
  const init = d.kind === 'value' ? unwrap(d.initializer) : undefined;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** `this.name = value;` */
function thisAssignment(s: ts.Statement): { name: string; value: ts.Expression } | undefined {
  if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = s.expression.left;
  if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return { name: left.name.text, value: s.expression.right };
}

function keepsSessions(scope: SessionScope, get: ts.FunctionLikeDeclaration | undefined, set: ts.FunctionLikeDeclaration | undefined,
  fields: ReadonlySet<string>): boolean {
  if (!get?.body || !set?.body) return false;
  // `this.sessions` of a container field, or a name for a container declared outside the method using it.
  const refersToContainer = (e: ts.Expression, method: ts.Node): boolean => {
    const x = unwrap(e);
    if (ts.isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword) return fields.has(x.name.text);
    if (!ts.isIdentifier(x)) return false;
    const d = scope.lookup(x);
    return d.kind === 'value' && isContainer(d.initializer) && !within(d.initializer, method);
  };
  return writesContainer(set, refersToContainer) && returnsFromContainer(get, refersToContainer);
}

type Refers = (e: ts.Expression, method: ts.Node) => boolean;

/** `c[key] = …`, `c.set(key, …)` in the method. */
function writesContainer(method: ts.FunctionLikeDeclaration, refers: Refers): boolean {
  return some(method.body as ts.Node, (n) =>
    (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(n.left) && refers(n.left.expression, method)) ||
    (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'set' && refers(n.expression.expression, method)));
}

/**
 * The method gives back what it reads from the container (`c[key]`, `c.get(key)`): in what it returns, in
 * what it hands its callback (`cb(null, c[sid])`), or through a local it returns (`const s = c[key]; return s`).
 */
function returnsFromContainer(method: ts.FunctionLikeDeclaration, refers: Refers): boolean {
  const reads = (n: ts.Node): boolean => some(n, (m) =>
    (ts.isElementAccessExpression(m) && refers(m.expression, method)) ||
    (ts.isCallExpression(m) && ts.isPropertyAccessExpression(m.expression) && m.expression.name.text === 'get' && refers(m.expression.expression, method)));
  const body = method.body as ts.ConciseBody;
  if (!ts.isBlock(body)) return reads(body);
  const locals = new Map<string, ts.Expression>();
  some(body, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) locals.set(n.name.text, n.initializer);
    return false;
  });
  const params = new Set(method.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')));
  const givesBack = (value: ts.Node): boolean =>
    reads(value) || some(value, (m) => ts.isIdentifier(m) && locals.has(m.text) && reads(locals.get(m.text) as ts.Expression));
  return some(body, (n) =>
    (ts.isReturnStatement(n) && n.expression !== undefined && givesBack(n.expression)) ||
    (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && params.has(n.expression.text) && n.arguments.some(givesBack)));
}

/** True when `test` holds for the node or one of its descendants. */
function some(node: ts.Node, test: (n: ts.Node) => boolean): boolean {
  if (test(node)) return true;
  return ts.forEachChild(node, (child) => (some(child, test) ? true : undefined)) === true;
}

function within(inner: ts.Node, outer: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}
