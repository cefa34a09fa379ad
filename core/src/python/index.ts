/** The Python facts of a file version (core/src/treesitter/facts.ts: parsed once, the tree kept only for the next version). */
import type { FileContext } from '../context';
import { TreeFacts } from '../treesitter/facts';
import { readPythonFacts } from './facts';
import { pythonMayNeedTree } from './gate';
import type { PythonFacts } from './types';

export type { PythonFacts } from './types';

const trees = new TreeFacts<PythonFacts>('python', 'Python', pythonMayNeedTree, readPythonFacts, () => ({
  imports: new Map(), modules: new Set(), importInsertAt: 0, assignments: [], calls: [], envReads: [], foreverLoops: [], yields: [], dictEntries: [], hasErrors: false,
}));

/** The file's Python facts, or undefined when it cannot be parsed (the context is then marked incomplete). */
export function pythonFacts(context: FileContext): PythonFacts | undefined {
  return trees.of(context);
}

/** Whether the context holds a tree its next version can reparse from. */
export function hasPythonTree(context: FileContext): boolean {
  return trees.hasTree(context);
}

/** Moves the old version's tree, edited, to the new version (an incremental reparse). */
export function handOverPythonTree(from: FileContext, to: FileContext, change: { start: number; end: number; newLength: number }): void {
  trees.handOver(from, to, change);
}
