import type ts = require('typescript');

/**
 * The syntax tree a per-statement memo (`StatementMemo`, `BoundStatementMemo`) or `ModuleBindings` saw last, so that
 * the next version of the same document (an incremental parse that shares its statements) copies what the edit left
 * alone. Held by a `WeakRef`, so that a closed document's tree is not kept alive for it.
 *
 * A `WeakRef` keeps its target alive until the current job ends, when it is made and each time it is dereferenced
 * (ECMAScript's KeepDuringJob set). The server's analyses are short jobs; a CLI scan is one synchronous job over every
 * file, so every tree a memo saw stayed alive to its end: the CLI's peak RSS on the bench corpus was 460 MB with the
 * references against 210 MB without (bench/README.md, sixteenth round). Only the server edits trees: the CLI scan
 * turns the references off (`keepLastTrees(false)`, with its other memory settings, `cli/memory.ts`), which changes no
 * result, only what a keystroke would copy.
 */
export class LastTree {
  private ref: WeakRef<ts.SourceFile> | undefined;

  get(): ts.SourceFile | undefined {
    return this.ref?.deref();
  }

  set(sourceFile: ts.SourceFile): void {
    this.ref = keeping ? new WeakRef(sourceFile) : undefined;
  }
}

let keeping = true;

/** Whether the memos remember the tree they saw last (on by default; a CLI scan turns it off). */
export function keepLastTrees(on: boolean): void {
  keeping = on;
}
