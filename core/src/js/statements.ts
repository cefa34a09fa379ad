import ts = require('typescript');
import { LastTree } from './lastTree';

/** What a memo gathered for one tree: the facts, and per statement where its facts end in `out` and where it stood. */
interface Gathered<T> {
  key: string;
  out: readonly T[];
  statements: readonly ts.Statement[];
  /** Each statement's `pos` when its facts in `out` were placed (TypeScript moves reused nodes in place). */
  pos: readonly number[];
  /** The index in `out` after each statement's facts. */
  ends: readonly number[];
}

/**
 * Facts of a syntax tree collected per top-level statement and kept across versions of the file. On a keystroke
 * TypeScript's incremental parser (`FileContext.withText`) reuses every statement node the edit did not touch:
 * the same objects, moved by the length of the edit. A fact computed from a reused statement alone is still
 * true, at offsets shifted by as much as the statement moved, so a keystroke recomputes only the statement it
 * touched instead of walking the whole tree. `key` names whatever else the facts read (the file's imports):
 * when it changes, everything is recomputed.
 */
export class StatementMemo<T> {
  private readonly cache = new WeakMap<ts.Node, { pos: number; key: string; items: readonly T[] }>();
  /** The facts last gathered for a tree, with their key: asking again for the same version costs no loop over its statements. */
  private readonly gathered = new WeakMap<ts.SourceFile, Gathered<T>>();
  /**
   * The tree gathered last, held weakly (a closed document's tree must not stay alive for it): its next version
   * shares the statements before the edit, unmoved, and those after it, moved, so their facts are copied from
   * what was gathered for it as runs, without a lookup per statement.
   */
  private readonly lastTree = new LastTree();

  constructor(
    /** The facts of one statement, in the order a walk of the tree would find them. */
    private readonly compute: (statement: ts.Statement) => T[],
    /** A copy of a fact for a statement that moved by `delta` characters. */
    private readonly shift: (item: T, delta: number) => T,
  ) {}

  of(sourceFile: ts.SourceFile, key = ''): readonly T[] {
    const last = this.gathered.get(sourceFile);
    if (last && last.key === key) return last.out;
    const statements = sourceFile.statements;
    const n = statements.length;
    const out: T[] = [];
    const pos = new Array<number>(n);
    const ends = new Array<number>(n);
    const previousTree = this.lastTree.get();
    const previous = previousTree && previousTree !== sourceFile ? this.gathered.get(previousTree) : undefined;
    let head = 0;
    let tail = 0;
    if (previous && previous.key === key) {
      const before = previous.statements;
      const m = before.length;
      const shared = Math.min(n, m);
      // The statements before the edit: the same nodes, not moved, so their facts are the previous ones as they are.
      while (head < shared && statements[head] === before[head] && statements[head].pos === previous.pos[head]) head++;
      // The statements after it: the same nodes, moved (their facts are shifted below).
      while (tail < shared - head && statements[n - 1 - tail] === before[m - 1 - tail]) tail++;
      const upTo = head > 0 ? previous.ends[head - 1] : 0;
      for (let k = 0; k < upTo; k++) out.push(previous.out[k]);
      for (let i = 0; i < head; i++) {
        pos[i] = previous.pos[i];
        ends[i] = previous.ends[i];
      }
    }
    for (let i = head; i < n - tail; i++) {
      const statement = statements[i];
      let entry = this.cache.get(statement);
      if (!entry || entry.key !== key) {
        statementsComputed++;
        entry = { pos: statement.pos, key, items: this.compute(statement) };
        this.cache.set(statement, entry);
      }
      const delta = statement.pos - entry.pos;
      for (const item of entry.items) out.push(delta === 0 ? item : this.shift(item, delta));
      pos[i] = statement.pos;
      ends[i] = out.length;
    }
    if (tail > 0 && previous) {
      const offset = previous.statements.length - n;
      for (let i = n - tail; i < n; i++) {
        const j = i + offset;
        const delta = statements[i].pos - previous.pos[j];
        const to = previous.ends[j];
        for (let k = j > 0 ? previous.ends[j - 1] : 0; k < to; k++) out.push(delta === 0 ? previous.out[k] : this.shift(previous.out[k], delta));
        pos[i] = statements[i].pos;
        ends[i] = out.length;
      }
    }
    this.gathered.set(sourceFile, { key, out, statements, pos, ends });
    this.lastTree.set(sourceFile);
    return out;
  }
}

let statementsComputed = 0;

/** How many statements' facts have been computed in this process (tests count the work a keystroke does). */
export function statementFactsComputed(): number {
  return statementsComputed;
}
