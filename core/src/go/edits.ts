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
 * Paths inserted in sorted order within their group of the block, standard library or not (gofmt keeps each
 * group sorted; goimports puts the standard library first): a group the block lacks starts after the standard
 * library, or before the others. Undefined when the paths would go to different places or mix the two groups.
 */
function sortedInsert(specs: Array<{ path: string; start: number; end: number }>, missing: string[]): { start: number; end: number; text: string } | undefined {
  const std = missing.every(isStd);
  if (!std && missing.some(isStd)) return undefined;
  const paths = [...missing].sort();
  const group = specs.filter((s) => isStd(s.path) === std);
  if (group.length === 0) {
    if (specs.length === 0) return undefined;
    if (std) return { start: specs[0].start, end: specs[0].start, text: `${paths.map((p) => `"${p}"`).join('\n\t')}\n\n\t` };
    const last = specs[specs.length - 1].end;
    return { start: last, end: last, text: `\n${paths.map((p) => `\n\t"${p}"`).join('')}` };
  }
  const anchors = new Set(missing.map((p) => group.find((s) => s.path > p)?.start ?? -1));
  if (anchors.size !== 1) return undefined;
  const before = [...anchors][0];
  if (before >= 0) return { start: before, end: before, text: paths.map((p) => `"${p}"\n\t`).join('') };
  const last = group[group.length - 1].end;
  return { start: last, end: last, text: paths.map((p) => `\n\t"${p}"`).join('') };
}
