import type { MoveToEnvFix } from '../fixes/types';
import type { GoBinding, GoFacts, GoString } from './types';

/** How Go code reads a variable: the fix keeps the program's shape; an empty value is the program's to judge. */
export function goEnvRead(name: string): string {
  return `os.Getenv("${name}")`;
}

/**
 * A literal moved to the environment: `os.Getenv(…)` in its place (importing os). `os.Getenv` is no constant, so
 * a lone `const x = "…"` becomes `var x = os.Getenv(…)`, and a constant inside a block gets no fix.
 */
export function goMoveToEnv(facts: GoFacts, text: string, s: GoString, name: string, binding?: GoBinding): MoveToEnvFix | undefined {
  const fix: MoveToEnvFix = { kind: 'move-to-env', start: s.start, end: s.end, replacement: (n) => goEnvRead(n), name, value: s.value, prelude: goEnvPrelude(facts) };
  if (binding?.kind !== 'const') return fix;
  const sole = binding.soleConst;
  return sole ? { ...fix, start: sole.keywordStart, end: s.end, replacement: (n) => `var${text.slice(sole.keywordEnd, s.start)}${goEnvRead(n)}` } : undefined;
}

type Insertion = { start: number; end: number; text: string };

/**
 * The insertions that import `paths` where the file lacks them: inside its `import (…)` block, each path in
 * sorted place within its group (gofmt sorts each group; goimports puts the standard library first, a module
 * path after it in a group of its own), several places at once when the paths sort apart; else a new
 * declaration. Sorted by offset, at distinct offsets.
 */
export function goImportEdits(facts: GoFacts, paths: string[]): Insertion[] {
  const have = new Set(facts.imports.values());
  const missing = [...new Set(paths.filter((p) => !have.has(p)))];
  if (missing.length === 0) return [];
  const { at, style, specs } = facts.importAt;
  if (style === 'block' && specs && specs.length > 0) {
    const merged = new Map<number, string>();
    for (const e of [...groupInserts(specs, missing.filter(isStd), true), ...groupInserts(specs, missing.filter((p) => !isStd(p)), false)]) {
      merged.set(e.start, (merged.get(e.start) ?? '') + e.text);
    }
    return [...merged].sort((a, b) => a[0] - b[0]).map(([offset, text]) => ({ start: offset, end: offset, text }));
  }
  const text = style === 'block'
    ? missing.map((p) => `\n\t"${p}"`).join('')
    : `\n${style === 'none' ? '\n' : ''}import (\n${missing.map((p) => `\t"${p}"\n`).join('')})`;
  return [{ start: at, end: at, text }];
}

/** `import "os"` for a move-to-env fix, as the fix's prelude (inserted once however many fixes ask). */
export function goEnvPrelude(facts: GoFacts): { at: number; text: string } | undefined {
  const [edit] = goImportEdits(facts, ['os']);
  return edit && { at: edit.start, text: edit.text };
}

const isStd = (p: string): boolean => !p.split('/')[0].includes('.');

/** One group's new paths (standard library or not), each before the first path of the group that sorts after it. */
function groupInserts(specs: Array<{ path: string; start: number; end: number }>, missing: string[], std: boolean): Insertion[] {
  if (missing.length === 0) return [];
  const paths = [...missing].sort();
  const group = specs.filter((s) => isStd(s.path) === std);
  if (group.length === 0) {
    if (std) return [{ start: specs[0].start, end: specs[0].start, text: `${paths.map((p) => `"${p}"`).join('\n\t')}\n\n\t` }];
    const last = specs[specs.length - 1].end;
    return [{ start: last, end: last, text: `\n${paths.map((p) => `\n\t"${p}"`).join('')}` }];
  }
  const byAnchor = new Map<number, string[]>();
  for (const p of paths) {
    const anchor = group.find((s) => s.path > p)?.start ?? -1;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), p]);
  }
  const end = group[group.length - 1].end;
  return [...byAnchor].map(([anchor, ps]) => (anchor >= 0
    ? { start: anchor, end: anchor, text: ps.map((p) => `"${p}"\n\t`).join('') }
    : { start: end, end, text: ps.map((p) => `\n\t"${p}"`).join('') }));
}
