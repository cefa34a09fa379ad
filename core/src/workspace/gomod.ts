import type { Workspace } from './files';

/**
 * A Go module at a workspace root: go.mod's module path and requirements, go.sum or a vendor folder, a go.work
 * workspace, and the main packages (the binaries the module builds) with whether one of them serves HTTP.
 * The files are untrusted: read bounded, by line, with regular expressions that cannot backtrack.
 */
export interface GoModule {
  module?: string;
  /** Module paths of `require` lines (direct and indirect). */
  requires: Set<string>;
  /** go.sum, vendor/modules.txt or go.work.sum: what pins the requirements, if any. */
  sum?: string;
  /** A go.work at the root: several modules, each its own app. */
  work: boolean;
  /** Root-relative folders of `package main` ('' for the root itself), sorted. */
  mains: string[];
  /** The first main package file that starts an HTTP server of the standard library. */
  serves?: string;
}

const MAX_TEXT = 1 << 19;
const MAX_MAIN_FILES = 64;
// `[ \t]`, not `\s`: with the m flag, `^\s*` would run over every blank line below each line start.
const MAIN = /^[ \t]*package[ \t]+main\b/m;
const SERVES = /\bhttp\.ListenAndServe(TLS)?\(|\bhttp\.Server\s*\{|\.ListenAndServe(TLS)?\(\s*\)|\bhttp\.Serve\(/;

/** go.mod's `require` module paths, single-line and in blocks. */
export function goRequires(text: string): Set<string> {
  const out = new Set<string>();
  let block = false;
  for (const raw of text.slice(0, MAX_TEXT).split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (block) {
      if (line.startsWith(')')) block = false;
      else {
        const m = /^"?([^\s"]+)"?\s+v\S+/.exec(line);
        if (m) out.add(m[1]);
      }
      continue;
    }
    if (/^require\s*\($/.test(line)) block = true;
    else {
      const m = /^require\s+"?([^\s"(]+)"?\s+v\S+/.exec(line);
      if (m) out.add(m[1]);
    }
  }
  return out;
}

export function goModule(ws: Workspace): GoModule | undefined {
  const mod = ws.read('go.mod');
  const work = ws.hasFile('go.work');
  if (mod === undefined && !work) return undefined;
  const text = mod ?? '';
  const module = /^[ \t]*module[ \t]+"?([^\s"]+)"?/m.exec(text.slice(0, MAX_TEXT))?.[1];
  const sum = ['go.sum', 'vendor/modules.txt', 'go.work.sum'].find((f) => ws.hasFile(f));
  const found: GoModule = { module, requires: goRequires(text), sum, work, mains: [] };
  findMains(ws, found);
  return found;
}

/** Main packages at the root, in `cmd/<name>/` and in top-level folders holding a main.go: a bounded number of files read. */
function findMains(ws: Workspace, into: GoModule): void {
  const folders = [''];
  for (const d of ws.list('cmd') ?? []) folders.push(`cmd/${d}`);
  for (const d of ws.list('') ?? []) if (!d.includes('.') && d !== 'cmd' && d !== 'vendor' && ws.hasFile(`${d}/main.go`)) folders.push(d);
  let read = 0;
  for (const dir of folders) {
    const entries = dir === '' ? ws.list('') ?? ['main.go'] : ws.list(dir) ?? [];
    for (const entry of entries.filter((e) => e.endsWith('.go') && !e.endsWith('_test.go')).sort()) {
      if (++read > MAX_MAIN_FILES) return;
      const rel = dir ? `${dir}/${entry}` : entry;
      const text = ws.read(rel)?.slice(0, MAX_TEXT);
      if (text === undefined || !MAIN.test(text)) continue;
      if (!into.mains.includes(dir)) into.mains.push(dir);
      if (!into.serves && SERVES.test(text)) into.serves = rel;
    }
  }
  into.mains.sort();
}

/** The first required module (or the module itself) under one of these module path prefixes. */
export function goRequirement(mod: GoModule, prefixes: readonly string[]): string | undefined {
  for (const req of mod.requires) if (prefixes.some((p) => req === p || req.startsWith(`${p}/`))) return req;
  return undefined;
}
