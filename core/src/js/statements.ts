import ts = require('typescript');

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
  private readonly gathered = new WeakMap<ts.SourceFile, { key: string; out: readonly T[] }>();

  constructor(
    /** The facts of one statement, in the order a walk of the tree would find them. */
    private readonly compute: (statement: ts.Statement) => T[],
    /** A copy of a fact for a statement that moved by `delta` characters. */
    private readonly shift: (item: T, delta: number) => T,
  ) {}

  of(sourceFile: ts.SourceFile, key = ''): readonly T[] {
    const last = this.gathered.get(sourceFile);
    if (last && last.key === key) return last.out;
    const out: T[] = [];
    for (const statement of sourceFile.statements) {
      let entry = this.cache.get(statement);
      if (!entry || entry.key !== key) {
        statementsComputed++;
        entry = { pos: statement.pos, key, items: this.compute(statement) };
        this.cache.set(statement, entry);
      }
      const delta = statement.pos - entry.pos;
      for (const item of entry.items) out.push(delta === 0 ? item : this.shift(item, delta));
    }
    this.gathered.set(sourceFile, { key, out });
    return out;
  }
}

let statementsComputed = 0;

/** How many statements' facts have been computed in this process (tests count the work a keystroke does). */
export function statementFactsComputed(): number {
  return statementsComputed;
}
