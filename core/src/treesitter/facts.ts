/**
 * A language's facts of a file version, read from a tree-sitter syntax tree the first time a rule asks, then
 * kept with the file context (one instance per language: core/src/python, core/src/go). The tree itself lives
 * in WebAssembly memory, which the garbage collector does not see: it is deleted as soon as the facts are
 * read, except where the next version will reparse incrementally from it (the server's open documents,
 * `keepSyntaxTree`); those are deleted when handed on, and a finalizer deletes the tree of a context dropped
 * without a successor (a closed document).
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { FileContext } from '../context';
import { editFor } from './edit';
import { languageFailure, parserFor, type TreeLanguage } from './runtime';

interface State<T> {
  facts?: T;
  /** This version's tree, kept for the next version's incremental parse. */
  tree?: Tree;
  /** The previous version's tree, edited to this version's text: the parse starts from it. */
  previous?: Tree;
}

const finalizer = new FinalizationRegistry<Tree>((tree) => {
  try {
    tree.delete();
  } catch {
    // Already deleted, or the runtime is gone: nothing left to free.
  }
});

export class TreeFacts<T> {
  private readonly states = new WeakMap<FileContext, State<T>>();

  constructor(
    private readonly language: TreeLanguage,
    /** The language's name in messages: `Go`, `Python`. */
    private readonly label: string,
    /** The gate that decided whether to load the grammar: a file it turns away holds nothing any check reads. */
    private readonly mayNeedTree: (text: string) => boolean,
    /** The facts, and whether the tree was too deep to read whole. */
    private readonly read: (tree: Tree, text: string) => T & { tooDeep: boolean },
    private readonly empty: () => T,
  ) {}

  /**
   * The file's facts, or undefined when it cannot be parsed (the grammar did not load, or nobody prepared
   * it): the context is then marked incomplete, so the file is reported as skipped, never clean.
   */
  of(context: FileContext): T | undefined {
    const s = this.stateOf(context);
    if (s.facts) return s.facts;
    if (!this.mayNeedTree(context.text)) return (s.facts = this.empty());
    const parser = parserFor(this.language);
    if (!parser) {
      context.incomplete ??= `not fully analysed: ${languageFailure(this.language) ?? `the ${this.label} parser was not loaded`}`;
      return undefined;
    }
    const old = s.previous;
    s.previous = undefined;
    let tree: Tree | null;
    try {
      tree = parser.parse(context.text, old ?? null);
    } finally {
      if (old) {
        finalizer.unregister(old);
        old.delete();
      }
    }
    if (!tree) {
      context.incomplete ??= `not fully analysed: the ${this.label} parser gave up on this file`;
      return undefined;
    }
    const facts = this.read(tree, context.text);
    if (facts.tooDeep) context.incomplete ??= `not fully analysed: the ${this.label} code is nested too deeply`;
    s.facts = facts;
    if (context.keepSyntaxTree) {
      s.tree = tree;
      finalizer.register(context, tree, tree);
    } else {
      tree.delete();
    }
    return facts;
  }

  /** Whether the context holds a tree its next version can reparse from. */
  hasTree(context: FileContext): boolean {
    return this.states.get(context)?.tree !== undefined;
  }

  /**
   * Moves the old version's tree to the new version, edited by the one changed region, so the new version's
   * parse reuses every unchanged subtree.
   */
  handOver(from: FileContext, to: FileContext, change: { start: number; end: number; newLength: number }): void {
    const s = this.states.get(from);
    const tree = s?.tree;
    if (!s || !tree) return;
    s.tree = undefined;
    finalizer.unregister(tree);
    tree.edit(editFor(from.text, to.text, change));
    this.stateOf(to).previous = tree;
    finalizer.register(to, tree, tree);
  }

  private stateOf(context: FileContext): State<T> {
    let s = this.states.get(context);
    if (!s) {
      s = {};
      this.states.set(context, s);
    }
    return s;
  }
}
