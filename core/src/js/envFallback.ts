import ts = require('typescript');
import { envObject } from '../env/reads';

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

export function envFallbackOf(literal: ts.Node, sf: ts.SourceFile): EnvFallback | undefined {
  let slot: ts.Node = literal;
  while (ts.isParenthesizedExpression(slot.parent) || ts.isAsExpression(slot.parent) || ts.isSatisfiesExpression(slot.parent)) slot = slot.parent;
  const parent = slot.parent;
  if (ts.isBinaryExpression(parent) && parent.right === slot) {
    const op = parent.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
    const name = lastEnvRead(parent.left);
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
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    if (name && ts.isVariableDeclaration(decl) && decl.initializer && envObject(unwrap(decl.initializer))) {
      return { name, start: parent.name.getEnd(), end: parent.initializer.getEnd(), text: '' };
    }
  }
  return undefined;
}

/** `process.env.X`, `process.env['X']` (and `import.meta.env`, `Bun.env`): the variable's name. */
function envReadName(node: ts.Node): string | undefined {
  const n = unwrap(node);
  if (ts.isPropertyAccessExpression(n) && envObject(unwrap(n.expression))) return n.name.text;
  if (ts.isElementAccessExpression(n) && envObject(unwrap(n.expression)) && ts.isStringLiteralLike(n.argumentExpression)) return n.argumentExpression.text;
  return undefined;
}

function lastEnvRead(node: ts.Expression): string | undefined {
  const n = unwrap(node);
  const direct = envReadName(n);
  if (direct) return direct;
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.BarBarToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return lastEnvRead(n.right) ?? lastEnvRead(n.left);
  }
  return undefined;
}

function unwrap(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n)) n = n.expression;
  return n;
}
