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
type ImportSpec = { path: string; start: number; end: number };

/**
 * The insertions that import `paths` where the file lacks them: inside its `import (…)` block, each path in
 * sorted place within its group (gofmt sorts each group; goimports puts the standard library first, a module
 * path after it in a group of its own), several places at once when the paths sort apart; else a new
 * declaration. Sorted by offset, at distinct offsets. `names` gives a path its own local name (`redigo` for
 * `github.com/gomodule/redigo/redis` beside another `redis`).
 */
export function goImportEdits(facts: Pick<GoFacts, 'imports' | 'importAt'>, paths: string[], names: Record<string, string> = {}): Insertion[] {
  const have = new Set(facts.imports.values());
  const missing = [...new Set(paths.filter((p) => !have.has(p)))];
  if (missing.length === 0) return [];
  const { at, style, specs } = facts.importAt;
  const spec = (p: string) => (names[p] ? `${names[p]} "${p}"` : `"${p}"`);
  if (style === 'block' && specs && specs.length > 0) {
    const merged = new Map<number, string>();
    for (const e of [...groupInserts(specs, missing.filter(isStd), true, spec), ...groupInserts(specs, missing.filter((p) => !isStd(p)), false, spec)]) {
      merged.set(e.start, (merged.get(e.start) ?? '') + e.text);
    }
    return [...merged].sort((a, b) => a[0] - b[0]).map(([offset, text]) => ({ start: offset, end: offset, text }));
  }
  const sole = style === 'single' ? facts.importAt.sole : undefined;
  if (sole) {
    // The file's only `import "x"` becomes a block, standard library first, each group sorted (gofmt, goimports).
    const entries = [{ path: sole.path, text: sole.text }, ...missing.map((p) => ({ path: p, text: spec(p) }))];
    const group = (std: boolean) => entries.filter((e) => isStd(e.path) === std).sort((a, b) => (a.path < b.path ? -1 : 1)).map((e) => `\t${e.text}\n`).join('');
    const text = [group(true), group(false)].filter(Boolean).join('\n');
    return [{ start: sole.start, end: sole.end, text: `(\n${text})` }];
  }
  const text = style === 'block'
    ? missing.map((p) => `\n\t${spec(p)}`).join('')
    : `\n${style === 'none' ? '\n' : ''}import (\n${missing.map((p) => `\t${spec(p)}\n`).join('')})`;
  return [{ start: at, end: at, text }];
}

/** `import "os"` for a move-to-env fix, as the fix's prelude (applied once however many fixes ask). */
export function goEnvPrelude(facts: GoFacts): { at: number; end?: number; text: string } | undefined {
  const [edit] = goImportEdits(facts, ['os']);
  return edit && { at: edit.start, ...(edit.end > edit.start && { end: edit.end }), text: edit.text };
}

const isStd = (p: string): boolean => !p.split('/')[0].includes('.');

/** One group's new paths (standard library or not), each before the first path of the group that sorts after it. */
function groupInserts(specs: Array<{ path: string; start: number; end: number }>, missing: string[], std: boolean, spec: (p: string) => string): Insertion[] {
  if (missing.length === 0) return [];
  const paths = [...missing].sort();
  const group = specs.filter((s) => isStd(s.path) === std);
  if (group.length === 0) {
    if (std) return [{ start: specs[0].start, end: specs[0].start, text: `${paths.map(spec).join('\n\t')}\n\n\t` }];
    const last = specs[specs.length - 1].end;
    return [{ start: last, end: last, text: `\n${paths.map((p) => `\n\t${spec(p)}`).join('')}` }];
  }
  const byAnchor = new Map<number, string[]>();
  for (const p of paths) {
    const anchor = group.find((s) => s.path > p)?.start ?? -1;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), p]);
  }
  const end = group[group.length - 1].end;
  return [...byAnchor].map(([anchor, ps]) => (anchor >= 0
    ? { start: anchor, end: anchor, text: ps.map((p) => `${spec(p)}\n\t`).join('') }
    : { start: end, end, text: ps.map((p) => `\n\t${spec(p)}`).join('') }));
}

/**
 * The line removing the import named `local` when nothing outside `[from, to)` uses it any more (Go does not
 * compile an unused import), with that import; undefined when it is still used; null when it would be unused
 * but its line holds more than the one import, so it cannot be removed cleanly.
 */
function unusedImport(facts: GoFacts, text: string, local: string, from: number, to: number): { line: Insertion; spec: ImportSpec } | null | undefined {
  const uses = [...text.matchAll(new RegExp(`(?<![\\w.])${local}\\.`, 'g'))].filter((m) => m.index < from || m.index >= to);
  if (uses.length > 0) return undefined;
  const spec = facts.importAt.specs?.find((s) => s.path === facts.imports.get(local));
  if (!spec) return null;
  const start = text.lastIndexOf('\n', spec.start - 1) + 1;
  const newline = text.indexOf('\n', spec.end);
  const end = newline < 0 ? text.length : newline + 1;
  const alone = /^[ \t]*$/.test(text.slice(start, spec.start)) && /^[ \t]*$/.test(text.slice(spec.end, newline < 0 ? text.length : newline));
  return alone ? { line: { start, end, text: '' }, spec } : null;
}

/**
 * The import edits of a fix that replaces the call `[from, to)` of the package named `local` by code from
 * `replacement` and needs `paths` besides. The import the call's removal leaves unused becomes the replacement's
 * in place (the paths that sort next to it joining it on its line), else the replacement is added with the
 * others. Null when the old import cannot be removed.
 */
export function goSwapImport(facts: GoFacts, text: string, local: string, call: { start: number; end: number }, replacement: string, paths: string[], names: Record<string, string> = {}): Insertion[] | null {
  const unused = unusedImport(facts, text, local, call.start, call.end);
  if (unused === null) return null;
  if (!unused) return goImportEdits(facts, [...paths, replacement], names);
  const { line, spec } = unused;
  const specs = facts.importAt.specs?.map((s) => (s === spec ? { ...s, path: replacement } : s));
  const inserts = goImportEdits({ ...facts, importAt: { ...facts.importAt, specs } }, paths, names);
  const before = inserts.filter((e) => e.start === spec.start).map((e) => e.text).join('');
  const after = inserts.filter((e) => e.start === spec.end).map((e) => e.text).join('');
  const indent = /^[ \t]*/.exec(text.slice(line.start))?.[0] ?? '';
  const own = new Set(facts.imports.values()).has(replacement) ? '' : `${before}${names[replacement] ? `${names[replacement]} ` : ''}"${replacement}"${after}`;
  const swapped = own ? `${indent}${own}\n` : '';
  return [{ ...line, text: swapped }, ...inserts.filter((e) => e.start !== spec.start && e.start !== spec.end)];
}
