import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { GeneratedFile } from './types';

/** A text edit on the existing file: an insertion when `start === end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface MergeResult {
  /** Keys the existing file lacked, in the order they are added. */
  added: string[];
  edits: TextEdit[];
  /** The existing file could not be read safely (a YAML syntax error): nothing is changed. */
  unmergeable?: string;
}

/**
 * Merges a generated file into the existing one by adding only the keys it lacks: the user's keys, values,
 * comments and order stay exactly as they are (the edits only insert). `.env*` files are merged by key
 * line, YAML schema files by the entries of their `variables` map.
 */
export function mergeMissingKeys(file: GeneratedFile, existing: string): MergeResult {
  return /\.ya?ml$/i.test(file.path) ? mergeSchema(existing, file.content) : mergeEnv(existing, file.content);
}

const ENV_KEY = /^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/;

/** Keys of a `.env` file, also commented-out ones (`# KEY=`): a key the user disabled on purpose is not added back. */
export function envKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = ENV_KEY.exec(line);
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** Blocks of a generated `.env` text: the comment lines right above a key go with it. */
function envBlocks(generated: string): Array<{ key: string; lines: string[] }> {
  const blocks: Array<{ key: string; lines: string[] }> = [];
  let pending: string[] = [];
  for (const line of generated.split(/\r?\n/)) {
    if (line.trim() === '') {
      pending = [];
      continue;
    }
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/.exec(line);
    if (m) {
      blocks.push({ key: m[1], lines: [...pending, line] });
      pending = [];
    } else pending.push(line);
  }
  return blocks;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function mergeEnv(existing: string, generated: string): MergeResult {
  const have = envKeys(existing);
  const missing = envBlocks(generated).filter((b) => !have.has(b.key));
  if (missing.length === 0) return { added: [], edits: [] };
  const eol = eolOf(existing);
  const lead = existing.length === 0 ? '' : existing.endsWith('\n') ? eol : eol + eol;
  const body = ['# Added by Twelve-Factor: variables the code reads that this file did not list.', ...missing.flatMap((b) => ['', ...b.lines])];
  return { added: missing.map((b) => b.key), edits: [{ start: existing.length, end: existing.length, text: `${lead}${body.join(eol)}${eol}` }] };
}

/** `  NAME:   { type: port }` lines of the generated schema's `variables` map, without the padding. */
function schemaLines(generated: string): Map<string, string> {
  const out = new Map<string, string>();
  let inVariables = false;
  for (const line of generated.split(/\r?\n/)) {
    if (/^variables:/.test(line)) inVariables = true;
    else if (/^\S/.test(line)) inVariables = false;
    else if (inVariables) {
      const m = /^\s+([A-Za-z_][A-Za-z0-9_.-]*):\s*(.*)$/.exec(line);
      if (m) out.set(m[1], m[2]);
    }
  }
  return out;
}

function mergeSchema(existing: string, generated: string): MergeResult {
  const wanted = schemaLines(generated);
  const eol = eolOf(existing);
  const lineCounter = new LineCounter();
  const doc = parseDocument(existing, { lineCounter, keepSourceTokens: true });
  if (doc.errors.length > 0) return { added: [], edits: [], unmergeable: `the file has YAML errors (${doc.errors[0].message.split('\n')[0]})` };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { added: [], edits: [], unmergeable: 'the file is not a YAML mapping' };

  const variablesPair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'variables');
  const value = variablesPair?.value;
  const have = new Set<string>();
  if (isMap(value)) for (const p of value.items) if (isScalar(p.key)) have.add(String(p.key.value));
  const missing = [...wanted].filter(([key]) => !have.has(key));
  if (missing.length === 0) return { added: [], edits: [] };
  const added = missing.map(([key]) => key);

  // No `variables` yet (or an empty one with no value): a block of our own at the end.
  if (!variablesPair || value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''))) {
    const entries = missing.map(([key, v]) => `  ${key}: ${v}`);
    if (variablesPair && isScalar(value) && value.range) {
      // `variables:` with nothing after it: the entries go right below the key line.
      const lineEnd = existing.indexOf('\n', (variablesPair.key as { range?: [number, number, number] }).range?.[0] ?? 0);
      const at = lineEnd < 0 ? existing.length : lineEnd + 1;
      const prefix = lineEnd < 0 ? eol : '';
      return { added, edits: [{ start: at, end: at, text: `${prefix}${entries.join(eol)}${eol}` }] };
    }
    const lead = existing.length === 0 || existing.endsWith('\n') ? '' : eol;
    return { added, edits: [{ start: existing.length, end: existing.length, text: `${lead}variables:${eol}${entries.join(eol)}${eol}` }] };
  }
  if (!isMap(value)) return { added: [], edits: [], unmergeable: '`variables` is not a mapping' };
  if ((value as YAMLMap).flow) {
    // `variables: { A: {…} }`: new entries go before the closing brace, one per line.
    const close = existing.lastIndexOf('}', value.range?.[1] ?? existing.length);
    let at = close;
    while (at > 0 && /[ \t]/.test(existing[at - 1])) at--;
    const sep = value.items.length > 0 ? ',' : '';
    const text = `${sep}${missing.map(([key, v]) => `${eol}  ${key}: ${v}`).join(',')}${eol}`;
    return { added, edits: [{ start: at, end: at, text }] };
  }
  // A block map: the new entries go after its last entry, at its indentation.
  const first = value.items[0]?.key as { range?: [number, number, number] } | undefined;
  const indent = first?.range ? ' '.repeat(lineCounter.linePos(first.range[0]).col - 1) : '  ';
  let at = Math.min(value.range?.[2] ?? existing.length, existing.length);
  // The map's range ends after its last value, usually at a line start; mid-line (a trailing comment), at the line's end.
  if (at > 0 && existing[at - 1] !== '\n') {
    const nl = existing.indexOf('\n', at);
    at = nl < 0 ? existing.length : nl + 1;
  }
  const prefix = at > 0 && existing[at - 1] !== '\n' ? eol : '';
  const text = `${prefix}${missing.map(([key, v]) => `${indent}${key}: ${v}`).join(eol)}${eol}`;
  return { added, edits: [{ start: at, end: at, text }] };
}

/** Applies non-overlapping edits to a text (tests, and previews that need the result). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
