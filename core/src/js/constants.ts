import ts = require('typescript');
import { unwrap } from './modules';
import { StatementMemo } from './statements';

/** What one statement says about a name: declared (with its initializer, if any), or bound or assigned again. */
type Event = { declared: string; init?: ts.Expression } | { again: string };

const memo = new StatementMemo<Event>(eventsOf, (event) => event);
const cache = new WeakMap<ts.SourceFile, Map<string, ts.Expression>>();

/**
 * Variables declared once and never assigned again, by name: `let port = 3000; if (…) port = …` is
 * configuration at run time, so a reassigned name is not followed. Gathered per statement (StatementMemo),
 * so a keystroke walks only the statement it touched.
 */
export function declaredOnce(sf: ts.SourceFile): Map<string, ts.Expression> {
  let found = cache.get(sf);
  if (found) return found;
  const declared = new Map<string, ts.Expression>();
  const twice = new Set<string>();
  for (const event of memo.of(sf)) {
    if ('again' in event) twice.add(event.again);
    else if (declared.has(event.declared) || !event.init) twice.add(event.declared);
    else declared.set(event.declared, event.init);
  }
  for (const name of twice) declared.delete(name);
  found = declared;
  cache.set(sf, found);
  return found;
}

function eventsOf(statement: ts.Statement): Event[] {
  const events: Event[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) events.push({ declared: node.name.text, init: node.initializer });
    // `const { port } = options` elsewhere binds the name again: which one a use means is not followed.
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && !inParameter(node)) events.push({ again: node.name.text });
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = unwrap(node.left);
      if (ts.isIdentifier(target)) events.push({ again: target.text });
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) events.push({ again: node.operand.text });
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return events;
}

/** Parameters are scoped to their function, which the rule reading a constant looks at where the name is used. */
function inParameter(node: ts.BindingElement): boolean {
  let n: ts.Node = node.parent;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n = n.parent;
  return ts.isParameter(n);
}
