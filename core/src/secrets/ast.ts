import ts = require('typescript');

/**
 * Syntax helpers the secret detectors share: names of callees and properties. Environment reads are
 * `core/src/js/envReads.ts`; imports, `unwrap` and `outermost` are `core/src/js/modules.ts`.
 */

export function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return calleeName(expression.expression);
  return '';
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}
