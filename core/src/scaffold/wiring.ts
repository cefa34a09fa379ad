import * as ts from 'typescript';

/**
 * Where a generated module can be wired into the file that starts the server: after the statement that
 * listens, and after the file's imports. Offsets into the text detection read; the command checks that the
 * statement is still there before it edits anything.
 */
export interface ServerWiring {
  /** The top-level (or block-level) statement holding the listen call. */
  statementStart: number;
  statementEnd: number;
  statementText: string;
  /** `const server = app.listen(…)`: the variable that holds what listen returned. */
  assignedTo?: string;
  /** The statement is the listen call alone (`app.listen(3000);`), so its result can be given a name. */
  bareCall: boolean;
  /** Where an import line goes: after the last import or top-level require, else at the top. */
  importAt: number;
  /** The statement's indentation, for the inserted call. */
  indent: string;
}

export function serverWiring(sf: ts.SourceFile, call: ts.Node): ServerWiring | undefined {
  let node: ts.Node = call;
  while (node.parent && !ts.isSourceFile(node.parent) && !ts.isBlock(node.parent)) node = node.parent;
  if (!ts.isVariableStatement(node) && !ts.isExpressionStatement(node)) return undefined;
  const text = sf.text;
  const statementStart = node.getStart(sf);
  const lineStart = text.lastIndexOf('\n', statementStart - 1) + 1;
  const wiring: ServerWiring = {
    statementStart,
    statementEnd: node.getEnd(),
    statementText: text.slice(statementStart, node.getEnd()),
    bareCall: ts.isExpressionStatement(node) && unwrap(node.expression) === call,
    importAt: importsEnd(sf),
    indent: /^[ \t]*/.exec(text.slice(lineStart, statementStart))?.[0] ?? '',
  };
  if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
    const d = node.declarationList.declarations[0];
    if (ts.isIdentifier(d.name) && d.initializer && unwrap(d.initializer) === call) wiring.assignedTo = d.name.text;
  }
  return wiring;
}

/** `await app.listen()`, `(app.listen())`: the call itself. */
function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** After the last top-level import, `require` declaration or directive (`'use strict'`). */
function importsEnd(sf: ts.SourceFile): number {
  let end = 0;
  for (const s of sf.statements) {
    const isRequire = ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => d.initializer && /^require\(/.test(d.initializer.getText(sf)));
    const isDirective = ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || isRequire || isDirective) end = s.getEnd();
    else break;
  }
  return end;
}
