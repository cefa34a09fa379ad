/**
 * Where the shutdown module can be wired into the Python file that runs the process itself: the statement that
 * keeps it running (`server.serve_forever()`, a `while True:` loop), read from the text (the scaffolds load no
 * grammar). A module served by gunicorn or uvicorn has no such statement: the server handles SIGTERM for it.
 */
import type { FileEdits } from '../types';

export interface PythonEntry {
  file: string;
  /** The start of the line that keeps the process running, its text and its indentation. */
  lineStart: number;
  line: string;
  indent: string;
  /** What `install` calls before the process exits: a server's `server_close` (its `shutdown` would wait for itself). */
  stop?: string;
  /** Where `import shutdown` goes: after the last top-level import above the line, else at the top (after a docstring). */
  importAt: number;
}

const RUNS = /^([ \t]*)(?:(\w+)\.serve_forever\(\s*\)|while[ \t]+(?:True|1)[ \t]*:)/m;

/** The first statement of `text` that keeps the process running, with what wiring needs; undefined for none. */
export function pythonEntryOf(file: string, text: string): PythonEntry | undefined {
  const m = RUNS.exec(text);
  // A name `shutdown` of the file's own (a function, a variable) would be shadowed by the module.
  if (!m || /(?<![.\w])shutdown\b/.test(text)) return undefined;
  return { file, lineStart: m.index, line: text.slice(m.index, text.indexOf('\n', m.index) < 0 ? text.length : text.indexOf('\n', m.index)), indent: m[1], stop: m[2] && `${m[2]}.server_close`, importAt: importsEnd(text, m.index) };
}

/** After the last top-level `import …` / `from … import …` (a parenthesised list to its `)`) before `limit`. */
function importsEnd(text: string, limit: number): number {
  let end = -1;
  const imports = /^(?:import[ \t]+[^\n]*|from[ \t]+\S+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*))\n?/gm;
  for (let m = imports.exec(text); m && m.index < limit; m = imports.exec(text)) end = m.index + m[0].length;
  if (end >= 0) return end;
  // No import: after a module docstring, so it stays the docstring.
  const doc = /^(?:[ \t]*#[^\n]*\n|[ \t]*\n)*[rRuU]?("""|''')[\s\S]*?\1[ \t]*\n/.exec(text);
  return doc ? doc[0].length : 0;
}

/** The edits: `import shutdown` with the imports, `shutdown.install(…)` just before the line that runs. */
export function pythonShutdownEdits(entry: PythonEntry): FileEdits {
  const install = `${entry.indent}shutdown.install(${entry.stop ?? ''})\n`;
  // The import right before the line (no code between): one insertion, so the two keep their order.
  const edits = entry.importAt === entry.lineStart
    ? [{ start: entry.lineStart, end: entry.lineStart, text: `import shutdown\n${install}` }]
    : [{ start: entry.importAt, end: entry.importAt, text: 'import shutdown\n' }, { start: entry.lineStart, end: entry.lineStart, text: install }];
  return { path: entry.file, edits, anchor: { start: entry.lineStart, text: entry.line } };
}
