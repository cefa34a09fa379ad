import ts = require('typescript');

/** Syntax helpers the secret detectors share: names of callees, properties and environment reads. */

export function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return calleeName(expression.expression);
  return '';
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`: the variable name, or undefined. */
export function envReadName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const target = calleeName(node.expression as ts.Expression);
    if (target === 'process.env' || target === 'import.meta.env' || target === 'Bun.env') {
      if (ts.isPropertyAccessExpression(node)) return node.name.text;
      const arg = node.argumentExpression;
      if (ts.isStringLiteralLike(arg)) return arg.text;
    }
    if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'env' &&
        ts.isMetaProperty(node.expression.expression) && ts.isPropertyAccessExpression(node)) return node.name.text;
  }
  return undefined;
}

/** Unwraps `(x)`, `x as T`, `x!`, `x satisfies T` upwards: the node that really sits in the parent's slot. */
export function outermost(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) ||
         ts.isSatisfiesExpression(n.parent) || ts.isTypeAssertionExpression(n.parent))) n = n.parent;
  return n;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

export function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return n;
}

/** Local names bound to imported modules: `import jwt from 'jsonwebtoken'`, `const { sign } = require('jsonwebtoken')`. */
export function importedModules(sourceFile: ts.SourceFile): Map<string, string> {
  const map = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) map.set(clause.name.text, module);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) map.set(bindings.name.text, module);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) map.set(el.name.text, module);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer && unwrap(decl.initializer);
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
        const arg = init.arguments[0];
        if (!arg || !ts.isStringLiteralLike(arg)) continue;
        if (ts.isIdentifier(decl.name)) map.set(decl.name.text, arg.text);
        else if (ts.isObjectBindingPattern(decl.name)) for (const el of decl.name.elements) if (ts.isIdentifier(el.name)) map.set(el.name.text, arg.text);
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) &&
               ts.isStringLiteral(statement.moduleReference.expression)) {
      map.set(statement.name.text, statement.moduleReference.expression.text);
    }
  }
  return map;
}
