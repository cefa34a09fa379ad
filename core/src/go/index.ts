/**
 * The Go facts of a file version, read from a tree-sitter syntax tree the first time a rule asks, then
 * kept with the file context. The tree itself lives in WebAssembly memory, which the garbage collector does
 * not see: it is deleted as soon as the facts are read, except where the next version will reparse
 * incrementally from it (the server's open documents, `keepSyntaxTree`); those are deleted when handed on,
 * and a finalizer deletes the tree of a context dropped without a successor (a closed document).
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { FileContext } from '../context';
import { languageFailure, parserFor } from '../treesitter/runtime';
import { editFor } from '../treesitter/edit';
import { readGoFacts } from './facts';
import { goMayNeedTree } from './gate';
import type { GoFacts } from './types';

export type { GoFacts } from './types';

interface State {
  facts?: GoFacts;
  /** This version's tree, kept for the next version's incremental parse. */
  tree?: Tree;
  /** The previous version's tree, edited to this version's text: the parse starts from it. */
  previous?: Tree;
}

const states = new WeakMap<FileContext, State>();
const finalizer = new FinalizationRegistry<Tree>((tree) => {
  try {
    tree.delete();
  } catch {
    // Already deleted, or the runtime is gone: nothing left to free.
  }
});

function stateOf(context: FileContext): State {
  let s = states.get(context);
  if (!s) {
    s = {};
    states.set(context, s);
  }
  return s;
}

/**
 * The file's Go facts, or undefined when it cannot be parsed (the grammar did not load, or nobody
 * prepared it): the context is then marked incomplete, so the file is reported as skipped, never clean.
 */
export function goFacts(context: FileContext): GoFacts | undefined {
  const s = stateOf(context);
  if (s.facts) return s.facts;
  // The gate that decided whether to load the grammar: a file it turns away holds nothing any check reads.
  if (!goMayNeedTree(context.text)) return (s.facts = emptyFacts());
  const parser = parserFor('go');
  if (!parser) {
    context.incomplete ??= `not fully analysed: ${languageFailure('go') ?? 'the Go parser was not loaded'}`;
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
    context.incomplete ??= 'not fully analysed: the Go parser gave up on this file';
    return undefined;
  }
  const facts = readGoFacts(tree, context.text);
  if (facts.tooDeep) context.incomplete ??= 'not fully analysed: the Go code is nested too deeply';
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
export function hasGoTree(context: FileContext): boolean {
  return states.get(context)?.tree !== undefined;
}

/**
 * Moves the old version's tree to the new version, edited by the one changed region, so the new version's
 * parse reuses every unchanged subtree.
 */
export function handOverGoTree(from: FileContext, to: FileContext, change: { start: number; end: number; newLength: number }): void {
  const s = states.get(from);
  const tree = s?.tree;
  if (!s || !tree) return;
  s.tree = undefined;
  finalizer.unregister(tree);
  tree.edit(editFor(from.text, to.text, change));
  stateOf(to).previous = tree;
  finalizer.register(to, tree, tree);
}

function emptyFacts(): GoFacts {
  return { packageName: '', imports: new Map(), importAt: { at: 0, style: 'none' }, bindings: [], keyed: [], calls: [], envReads: [], declared: new Map(), strings: [], hasErrors: false };
}
