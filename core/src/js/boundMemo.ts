import ts = require('typescript');
import { LastTree } from './lastTree';
import type { ModuleBindings, ModulePath } from './modules';
import { syntaxIndex, type StatementNodes } from './syntaxIndex';

/** What a memo gathered for one tree: the facts, the bindings' signature, and where each statement's facts end. */
interface Gathered<T> {
  out: readonly T[];
  signature: string;
  statements: readonly ts.Statement[];
  ends: readonly number[];
}

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
  private readonly gathered = new WeakMap<ts.SourceFile, Gathered<T>>();
  /** The tree gathered last, held weakly: with the same bindings, its next version copies the facts of the statements both share. */
  private readonly lastTree = new LastTree();

  constructor(private readonly compute: (nodes: StatementNodes, bindings: ModuleBindings) => T[]) {}

  of(sf: ts.SourceFile, bindings: ModuleBindings): readonly T[] {
    const again = this.gathered.get(sf);
    if (again && again.signature === bindings.signature) return again.out;
    const out: T[] = [];
    const statements = sf.statements;
    const n = statements.length;
    const ends = new Array<number>(n);
    const previousTree = this.lastTree.get();
    const previous = previousTree && previousTree !== sf ? this.gathered.get(previousTree) : undefined;
    let head = 0;
    let tail = 0;
    // With the bindings of the previous version, a statement both versions share has the facts it had there.
    if (previous && previous.signature === bindings.signature) {
      const before = previous.statements;
      const m = before.length;
      const shared = Math.min(n, m);
      while (head < shared && statements[head] === before[head]) head++;
      while (tail < shared - head && statements[n - 1 - tail] === before[m - 1 - tail]) tail++;
      const upTo = head > 0 ? previous.ends[head - 1] : 0;
      for (let k = 0; k < upTo; k++) out.push(previous.out[k]);
      for (let i = 0; i < head; i++) ends[i] = previous.ends[i];
    }
    const byStatement = syntaxIndex(sf).byStatement;
    for (let i = head; i < n - tail; i++) {
      let entry = this.cache.get(statements[i]);
      // Bindings with the signature the entry was last checked against resolve its lookups as they did.
      if (entry && entry.signature !== bindings.signature) {
        if (bindings.resolvesAsBefore(entry.reads)) entry.signature = bindings.signature;
        else entry = undefined;
      }
      if (!entry) {
        const nodes = byStatement[i];
        const { value, reads } = bindings.recordLookups(() => this.compute(nodes, bindings));
        entry = { reads, items: value, signature: bindings.signature };
        this.cache.set(statements[i], entry);
      }
      for (const item of entry.items) out.push(item);
      ends[i] = out.length;
    }
    if (tail > 0 && previous) {
      const offset = previous.statements.length - n;
      for (let i = n - tail; i < n; i++) {
        const j = i + offset;
        const to = previous.ends[j];
        for (let k = j > 0 ? previous.ends[j - 1] : 0; k < to; k++) out.push(previous.out[k]);
        ends[i] = out.length;
      }
    }
    this.gathered.set(sf, { out, signature: bindings.signature, statements, ends });
    this.lastTree.set(sf);
    return out;
  }
}
