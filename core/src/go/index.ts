/** The Go facts of a file version (core/src/treesitter/facts.ts: parsed once, the tree kept only for the next version). */
import type { FileContext } from '../context';
import { TreeFacts } from '../treesitter/facts';
import { readGoFacts } from './facts';
import { goMayNeedTree } from './gate';
import type { GoFacts } from './types';

export type { GoFacts } from './types';

const trees = new TreeFacts<GoFacts>('go', 'Go', goMayNeedTree, readGoFacts, () => ({
  packageName: '', imports: new Map(), importAt: { at: 0, style: 'none' }, bindings: [], keyed: [], calls: [], envReads: [], declared: new Map(), strings: [], hasErrors: false,
}));

/** The file's Go facts, or undefined when it cannot be parsed (the context is then marked incomplete). */
export function goFacts(context: FileContext): GoFacts | undefined {
  return trees.of(context);
}

/** Whether the context holds a tree its next version can reparse from. */
export function hasGoTree(context: FileContext): boolean {
  return trees.hasTree(context);
}

/** Moves the old version's tree, edited, to the new version (an incremental reparse). */
export function handOverGoTree(from: FileContext, to: FileContext, change: { start: number; end: number; newLength: number }): void {
  trees.handOver(from, to, change);
}
