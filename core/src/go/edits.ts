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
  const { at, style, specs } = facts.importAt;
  if (style === 'block' && specs) {
    const sorted = sortedInsert(specs, missing);
    if (sorted) return sorted;
  }
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

const isStd = (p: string): boolean => !p.split('/')[0].includes('.');

/**
 * Standard-library paths inserted in sorted order among the block's standard-library imports (gofmt keeps each
 * group sorted). Undefined when the paths would go to different places or are not all standard-library ones.
 */
function sortedInsert(specs: Array<{ path: string; start: number; end: number }>, missing: string[]): { start: number; end: number; text: string } | undefined {
  if (!missing.every(isStd)) return undefined;
  const std = specs.filter((s) => isStd(s.path));
  if (std.length === 0) return undefined;
  const anchors = new Set(missing.map((p) => std.find((s) => s.path > p)?.start ?? -1));
  if (anchors.size !== 1) return undefined;
  const before = [...anchors][0];
  const paths = [...missing].sort();
  if (before >= 0) return { start: before, end: before, text: paths.map((p) => `"${p}"\n\t`).join('') };
  const last = std[std.length - 1].end;
  return { start: last, end: last, text: paths.map((p) => `\n\t"${p}"`).join('') };
}
