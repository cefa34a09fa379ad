import ts = require('typescript');
import { outermost, unwrap } from './modules';

/**
 * The one answer to "is this an environment-variable read?" for JavaScript and TypeScript. Every rule, the
 * env checks, the secret detectors and the scaffolds ask here: `process.env.X`, `process.env['X']`,
 * `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`, and a read's literal default (`|| 'x'`, `?? 'x'`,
 * `X ? X : 'x'`, `const { X = 'x' } = process.env`). Whole-file facts built on these answers (aliases of the
 * env object, destructuring, which variables a module reads) are `core/src/env/reads.ts`.
 */

export type EnvVia = 'process.env' | 'import.meta.env' | 'Bun.env';

/** The env objects as regular-expression source, for text prefilters and half-typed lines that have no tree. */
export const ENV_OBJECT_PATTERN = String.raw`(?:process\.env|import\.meta\.env|Bun\.env)`;

/** `process.env`, `import.meta.env`, `Bun.env` (the object itself), or undefined. */
export function envObject(node: ts.Node): EnvVia | undefined {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return undefined;
  const e = unwrap(node.expression);
  if (ts.isIdentifier(e) && e.text === 'process') return 'process.env';
  // `globalThis.process.env`
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'process' && ts.isIdentifier(e.expression) && e.expression.text === 'globalThis') return 'process.env';
  if (ts.isIdentifier(e) && e.text === 'Bun') return 'Bun.env';
  if (ts.isMetaProperty(e) && e.keywordToken === ts.SyntaxKind.ImportKeyword) return 'import.meta.env';
  return undefined;
}

/** `Deno.env`: an object read through `get('X')`, not through properties. */
function isDenoEnv(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isIdentifier(node.expression) && node.expression.text === 'Deno';
}

/**
 * A member of the env object, whatever the key: `process.env.X`, `process.env[name]`, `Deno.env.get`. What
 * code that only asks "does this value come from the environment?" needs (a log path, a service URL).
 */
export function isEnvAccess(node: ts.Node): boolean {
  const n = ts.isExpression(node) ? unwrap(node) : node;
  if (!ts.isPropertyAccessExpression(n) && !ts.isElementAccessExpression(n)) return false;
  const target = unwrap(n.expression);
  return envObject(target) !== undefined || isDenoEnv(target);
}

/** True when the expression holds an env access anywhere (`\`${process.env.HOST}:6379\``). */
export function containsEnvAccess(node: ts.Node): boolean {
  if (isEnvAccess(node)) return true;
  return ts.forEachChild(node, (child) => (containsEnvAccess(child) ? true : undefined)) === true;
}

/** The variable a read names: `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`. */
export function envReadName(node: ts.Node): string | undefined {
  const n = ts.isExpression(node) ? unwrap(node) : node;
  if (ts.isPropertyAccessExpression(n) && envObject(unwrap(n.expression))) return n.name.text;
  if (ts.isElementAccessExpression(n) && envObject(unwrap(n.expression))) {
    const key = unwrap(n.argumentExpression);
    return ts.isStringLiteralLike(key) ? key.text : undefined;
  }
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'get' &&
      isDenoEnv(unwrap(n.expression.expression)) && n.arguments.length > 0 && ts.isStringLiteralLike(n.arguments[0])) {
    return n.arguments[0].text;
  }
  return undefined;
}

/** The variable read last in `process.env.A || process.env.B`: the one a literal after it stands in for. */
export function lastEnvReadInChain(node: ts.Expression): string | undefined {
  const n = unwrap(node);
  const direct = envReadName(n);
  if (direct) return direct;
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.BarBarToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return lastEnvReadInChain(n.right) ?? lastEnvReadInChain(n.left);
  }
  return undefined;
}

/**
 * A literal that is the default of an environment read: `process.env.X || 'lit'`, `?? 'lit'`,
 * `process.env.X ? process.env.X : 'lit'`, `const { X = 'lit' } = process.env`. The variable already stands
 * for the value, so a fix removes the default (the span and its replacement) instead of replacing the literal
 * with a second read — never `process.env.X || process.env.X_2`.
 */
export interface EnvFallback {
  /** The variable the literal is the default of (the last one read in `A || B || 'lit'`). */
  name: string;
  start: number;
  end: number;
  text: string;
}

export function envFallbackOf(literal: ts.Node, sf: ts.SourceFile = literal.getSourceFile()): EnvFallback | undefined {
  const slot = outermost(literal);
  const parent = slot.parent;
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent) && parent.right === slot) {
    const op = parent.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
    const name = lastEnvReadInChain(parent.left);
    return name ? { name, start: parent.getStart(sf), end: parent.getEnd(), text: parent.left.getText(sf) } : undefined;
  }
  if (ts.isConditionalExpression(parent) && (parent.whenFalse === slot || parent.whenTrue === slot)) {
    const other = parent.whenFalse === slot ? parent.whenTrue : parent.whenFalse;
    const name = envReadName(other);
    return name ? { name, start: parent.getStart(sf), end: parent.getEnd(), text: other.getText(sf) } : undefined;
  }
  if (ts.isBindingElement(parent) && parent.initializer === slot && ts.isObjectBindingPattern(parent.parent)) {
    const decl = parent.parent.parent;
    const key = parent.propertyName ?? parent.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined;
    if (name && ts.isVariableDeclaration(decl) && decl.initializer && envObject(unwrap(decl.initializer))) {
      return { name, start: parent.name.getEnd(), end: parent.initializer.getEnd(), text: '' };
    }
  }
  return undefined;
}
