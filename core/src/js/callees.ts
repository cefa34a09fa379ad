import ts = require('typescript');
import { BoundStatementMemo } from './boundMemo';
import type { ModuleBindings, ModulePath } from './modules';

/**
 * What the callee of each call and `new` of the syntax index's `calls` resolves to (`ModuleBindings.resolve`:
 * `express()`, `new Redis(…)`, `Hapi.server(…)`), for the calls whose callee resolves at all. Several rules
 * judge every call by its callee; resolving each callee for each rule on every keystroke was a fifth of a
 * keystroke's rule work. Kept per top-level statement while the names it looked up resolve as before
 * (BoundStatementMemo), so a keystroke resolves the callees of the statement it touched.
 */
const perStatement = new BoundStatementMemo<readonly [ts.Node, ModulePath]>(({ calls }, bindings) => {
  const out: Array<readonly [ts.Node, ModulePath]> = [];
  for (const node of calls) {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) continue;
    const target = bindings.resolve(node.expression);
    if (target) out.push([node, target]);
  }
  return out;
});
const cache = new WeakMap<ModuleBindings, ReadonlyMap<ts.Node, ModulePath>>();

/** The module path each call's callee resolves to (`bindings.resolve(call.expression)`), by call node. */
export function resolvedCallees(sf: ts.SourceFile, bindings: ModuleBindings): ReadonlyMap<ts.Node, ModulePath> {
  let callees = cache.get(bindings);
  if (!callees) {
    callees = new Map(perStatement.of(sf, bindings));
    cache.set(bindings, callees);
  }
  return callees;
}
