// The package clause and the imports of a Go file: what each import is called, and where a fix adds one.
import type { Node } from '@vscode/tree-sitter-wasm';
import { stringOf } from './facts';
import type { GoFacts } from './types';

/** The package an import path names by default: its last element without a `.vN` or a `go-` / `-go` decoration. */
export function defaultImportName(importPath: string): string {
  const parts = importPath.split('/');
  let last = parts[parts.length - 1] ?? importPath;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '').replace(/[-.]/g, '');
}

export function readPackageAndImports(root: Node, facts: GoFacts): void {
  let declarations = 0;
  for (const decl of root.namedChildren) {
    if (!decl) continue;
    if (decl.type === 'package_clause') {
      facts.packageName = decl.namedChildren.find((c) => c?.type === 'package_identifier')?.text ?? '';
      if (facts.importAt.style === 'none') facts.importAt = { at: decl.endIndex, style: 'none' };
    } else if (decl.type === 'import_declaration') {
      const list = decl.namedChildren.find((c) => c?.type === 'import_spec_list');
      const specs = list ? list.namedChildren.filter((c): c is Node => c?.type === 'import_spec') : decl.namedChildren.filter((c): c is Node => c?.type === 'import_spec');
      for (const spec of specs) {
        const p = stringOf(spec.childForFieldName('path'))?.value;
        if (!p) continue;
        const name = spec.childForFieldName('name')?.text;
        if (name === '_' || name === '.') continue;
        facts.imports.set(name ?? defaultImportName(p), p);
      }
      // The first block's opening parenthesis takes new imports; a file's only `import "x"` becomes a block
      // (gofmt's shape), and after several single imports a new declaration follows the last.
      declarations++;
      if (facts.importAt.style !== 'block') {
        const open = list?.children.find((c) => c?.type === '(');
        const [only] = specs;
        const path = only && stringOf(only.childForFieldName('path'))?.value;
        const sole = declarations === 1 && specs.length === 1 && path ? { path, start: only.startIndex, end: only.endIndex, text: only.text } : undefined;
        facts.importAt = list && open ? { at: open.endIndex, style: 'block', specs: specPositions(specs) } : { at: decl.endIndex, style: 'single', ...(sole && { sole }) };
      }
    }
  }
}

/** Each import of the block, path and offsets, so a fix inserts a new one in gofmt order. */
function specPositions(specs: Node[]): Array<{ path: string; start: number; end: number }> {
  return specs.flatMap((s) => { const p = stringOf(s.childForFieldName('path'))?.value; return p ? [{ path: p, start: s.startIndex, end: s.endIndex }] : []; });
}
