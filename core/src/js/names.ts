import ts = require('typescript');

/**
 * The names a new declaration could clash with: every identifier of the file except a member's name after a
 * dot or a key. Kept per top-level statement across versions of the file (see `StatementMemo` in
 * statements.ts: TypeScript's incremental parser hands back the statements an edit did not touch as the same
 * objects), so asking on every keystroke walks only the statement the edit touched. A fix that declares a
 * name asks for it whenever its diagnostic is sent.
 */
const perStatement = new WeakMap<ts.Statement, ReadonlySet<string>>();
let walked = 0;

/** Whether any identifier of the file (not a member name) is `name`. */
export function usesIdentifier(sf: ts.SourceFile, name: string): boolean {
  lookups++;
  for (const statement of sf.statements) if (namesOf(statement).has(name)) return true;
  return false;
}

function namesOf(statement: ts.Statement): ReadonlySet<string> {
  let names = perStatement.get(statement);
  if (names) return names;
  walked++;
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const p = node.parent;
      const member = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node) ||
        (ts.isMethodDeclaration(p) && p.name === node) || (ts.isPropertyDeclaration(p) && p.name === node) || (ts.isPropertySignature(p) && p.name === node);
      if (!member) found.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  names = found;
  perStatement.set(statement, names);
  return names;
}

let lookups = 0;

/** How many times a file was asked whether it uses a name (tests: reading a fix's id picks no free name). */
export function identifierLookups(): number {
  return lookups;
}

/** How many statements' identifiers have been collected in this process (tests count a keystroke's work). */
export function identifierStatementsWalked(): number {
  return walked;
}
