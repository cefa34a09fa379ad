import type { GoFacts } from './types';

/** How Go code reads a variable: the fix keeps the program's shape; an empty value is the program's to judge. */
export function goEnvRead(name: string): string {
  return `os.Getenv("${name}")`;
}

/** The text that imports `paths` where the file lacks them (inside its `import (…)` block, else a new declaration). */
export function goImportEdit(facts: GoFacts, paths: string[]): { start: number; end: number; text: string } | undefined {
  const have = new Set(facts.imports.values());
  const missing = paths.filter((p) => !have.has(p));
  if (missing.length === 0) return undefined;
  const { at, style } = facts.importAt;
  const text = style === 'block'
    ? missing.map((p) => `\n\t"${p}"`).join('')
    : `\n${style === 'none' ? '\n' : ''}import (\n${missing.map((p) => `\t"${p}"\n`).join('')})`;
  return { start: at, end: at, text };
}

/** `import "os"` for a move-to-env fix, as the fix's prelude (inserted once however many fixes ask). */
export function goEnvPrelude(facts: GoFacts): { at: number; text: string } | undefined {
  const edit = goImportEdit(facts, ['os']);
  return edit && { at: edit.start, text: edit.text };
}
