import ts = require('typescript');
import type { ModuleBindings, ModulePath } from './modules';
import { syntaxIndex, type StatementNodes } from './syntaxIndex';

/**
 * Facts of one top-level statement that also read the file's module bindings (what `ModuleBindings.resolve`
 * answers), kept across versions of the tree like `StatementMemo`: a statement the incremental parser reused
 * keeps its facts while every name they looked up still resolves as it did, so a keystroke recomputes the
 * statement it touched and those whose imports changed. The facts must hold no offsets: nodes of a reused
 * statement are the same objects, moved. While the file's bindings are the same as when an entry was last
 * checked (their signature), its lookups are not checked again: a keystroke that binds nothing checks none.
 */
export class BoundStatementMemo<T> {
  private readonly cache = new WeakMap<ts.Statement, { reads: ReadonlyArray<readonly [string, ModulePath | undefined]>; items: readonly T[]; signature: string }>();

  constructor(private readonly compute: (nodes: StatementNodes, bindings: ModuleBindings) => T[]) {}

  of(sf: ts.SourceFile, bindings: ModuleBindings): T[] {
    const out: T[] = [];
    const statements = sf.statements;
    syntaxIndex(sf).byStatement.forEach((nodes, i) => {
      let entry = this.cache.get(statements[i]);
      // Bindings with the signature the entry was last checked against resolve its lookups as they did.
      if (entry && entry.signature !== bindings.signature) {
        if (bindings.resolvesAsBefore(entry.reads)) entry.signature = bindings.signature;
        else entry = undefined;
      }
      if (!entry) {
        const { value, reads } = bindings.recordLookups(() => this.compute(nodes, bindings));
        entry = { reads, items: value, signature: bindings.signature };
        this.cache.set(statements[i], entry);
      }
      for (const item of entry.items) out.push(item);
    });
    return out;
  }
}
