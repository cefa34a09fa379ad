import type { Node } from '@vscode/tree-sitter-wasm';

/** Nesting deeper than this is generated or hostile: the walk stops descending (and says the file is incomplete). */
export const MAX_TREE_DEPTH = 400;

/**
 * Visits the named nodes of a tree in source order (pre-order) with an explicit stack, so deep nesting cannot
 * overflow the JS stack (core/src/go/facts.ts, core/src/python/facts.ts). `visit` returns the scope the node's
 * children see, or null to visit none of them — after choosing some itself with `descend` (Python's
 * `if __name__ == "__main__":` body). Returns true when nodes below MAX_TREE_DEPTH were left unvisited.
 */
export function walkTree<S>(root: Node, scope: S, visit: (node: Node, scope: S, descend: (child: Node, scope: S) => void) => S | null): boolean {
  let tooDeep = false;
  let depth = 0;
  const stack: Array<{ node: Node; scope: S; depth: number }> = [{ node: root, scope, depth: 0 }];
  const descend = (child: Node, inner: S) => {
    stack.push({ node: child, scope: inner, depth: depth + 1 });
  };
  while (stack.length > 0) {
    const entry = stack.pop() as { node: Node; scope: S; depth: number };
    depth = entry.depth;
    if (depth > MAX_TREE_DEPTH) {
      tooDeep = true;
      continue;
    }
    const inner = visit(entry.node, entry.scope, descend);
    if (inner === null) continue;
    const children = entry.node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) descend(child, inner);
    }
  }
  return tooDeep;
}
