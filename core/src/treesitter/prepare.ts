/**
 * The asynchronous step before a synchronous analysis: a file of a tree-sitter language whose text passes
 * that language's keyword gate needs its grammar loaded first. The CLI's scan and the server await
 * `prepareFor` (or `prepareLanguage`) before they analyse such a file; everything else never loads a grammar.
 */
import { fileKindOf } from '../fileKinds';
import { goMayNeedTree } from '../go/gate';
import { pythonMayNeedTree } from '../python/gate';
import type { FileKind } from '../types';
import { isLanguageSettled, prepareLanguage, type TreeLanguage } from './runtime';

const LANGUAGES: Partial<Record<FileKind, { language: TreeLanguage; gate: (text: string) => boolean }>> = {
  python: { language: 'python', gate: pythonMayNeedTree },
  go: { language: 'go', gate: goMayNeedTree },
};

/** The language whose grammar this file needs, if any: a tree-sitter language and a text the gate lets through. */
export function treeLanguageFor(filePath: string, text: string): TreeLanguage | undefined {
  const entry = LANGUAGES[fileKindOf(filePath)];
  return entry && entry.gate(text) ? entry.language : undefined;
}

/** The language this file is waiting for: needed, and neither loaded nor failed yet. */
export function unpreparedLanguage(filePath: string, text: string): TreeLanguage | undefined {
  const language = treeLanguageFor(filePath, text);
  return language && !isLanguageSettled(language) ? language : undefined;
}

/** Loads what the file needs (nothing for most files). Never rejects: a failure is kept for the rules to report. */
export async function prepareFor(filePath: string, text: string): Promise<void> {
  const language = unpreparedLanguage(filePath, text);
  if (language) await prepareLanguage(language);
}
