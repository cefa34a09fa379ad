import ts = require('typescript');
import { isEqualityOperator, outermost } from '../js/modules';
import { StatementMemo } from '../js/statements';

/**
 * `const mqttPassword = '…'` whose every use compares what a client sent with it (`password === mqttPassword`):
 * the login the file's own code accepts, not one it sends anywhere. With a server started in the same file,
 * that is a stand-in server for trying a client against (hardcoded-secret judges it like test code).
 */
export function isCheckedOnly(literal: ts.StringLiteralLike): boolean {
  const decl = outermost(literal).parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return false;
  const name = decl.name.text;
  let memo = useMemos.get(name);
  if (!memo) {
    // A few names per file are asked about; the bound keeps a long editing session from collecting them all.
    if (useMemos.size >= 64) useMemos.clear();
    memo = new StatementMemo((statement) => [usesOf(statement, name)], (counts) => counts);
    useMemos.set(name, memo);
  }
  let compared = 0;
  let other = 0;
  for (const counts of memo.of(literal.getSourceFile())) {
    compared += counts.compared;
    other += counts.other;
  }
  // The declaration's own name is one of the other uses.
  return compared > 0 && other === 1;
}

/** Per name, its uses in each statement (StatementMemo): a keystroke counts again only in the statement it touched. */
const useMemos = new Map<string, StatementMemo<{ compared: number; other: number }>>();

function usesOf(statement: ts.Statement, name: string): { compared: number; other: number } {
  let compared = 0;
  let other = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const slot = outermost(node);
      const parent = slot.parent;
      if (ts.isBinaryExpression(parent) && isEqualityOperator(parent.operatorToken.kind)) compared++;
      else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node)) other++;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return { compared, other };
}
