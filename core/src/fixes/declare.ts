import { applyEdits as applyJsonEdits, modify, parse, type FormattingOptions, type ParseError } from 'jsonc-parser';
import * as path from 'node:path';
import { LineIndex } from '../lineIndex';
import type { FileChange } from '../types';

/**
 * What a fix that adds code also declares, so the fixed project has no new finding: the packages its imports
 * need (`dependencies/undeclared-dependency`) and the variables it reads (`env/undeclared-usage`).
 */
export interface Declarations {
  /** Package name → the version a user installing it today gets (written in the manifest's range style). */
  dependencies?: Record<string, string>;
  /** A variable the code reads, its schema type, and a value for a developer's machine (for an existing `.env`). */
  variables?: Array<{ name: string; type: string; local: string }>;
}

/**
 * Adds the packages the manifest lacks (in `dependencies`, any section counting as declared), keeping its
 * indentation and line breaks; the range is written as the manifest writes its others: `^1.2.3` when most
 * are carets, `~1.2.3` for tildes, `1.2.3` for exact pins. Undefined when nothing is missing or it is not JSON.
 */
export function declarePackages(manifestPath: string, text: string | undefined, wanted: Record<string, string>): FileChange | undefined {
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length > 0 || !json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const sections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  const declared = new Set(sections.flatMap((s) => Object.keys((json[s] as Record<string, unknown> | undefined) ?? {})));
  const missing = Object.entries(wanted).filter(([name]) => !declared.has(name));
  if (missing.length === 0) return undefined;
  const prefix = rangePrefix(json);
  const formatting = formattingOf(text);
  let after = text;
  for (const [name, version] of missing) after = applyJsonEdits(after, modify(after, ['dependencies', name], `${prefix}${version}`, { formattingOptions: formatting }));
  return wholeReplacement(manifestPath, text, after);
}

/** The range operator most of the manifest's versions use; a caret when it has none to go by. */
function rangePrefix(json: Record<string, unknown>): string {
  const versions = ['dependencies', 'devDependencies'].flatMap((s) => Object.values((json[s] as Record<string, unknown> | undefined) ?? {}))
    .filter((v): v is string => typeof v === 'string');
  const count = (re: RegExp) => versions.filter((v) => re.test(v)).length;
  const caret = count(/^\^\d/);
  const tilde = count(/^~\d/);
  const exact = count(/^\d/);
  if (exact > caret && exact >= tilde) return '';
  if (tilde > caret) return '~';
  return '^';
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** One edit from the first to the last changed character: the smallest change an editor can undo at once. */
function wholeReplacement(filePath: string, before: string, after: string): FileChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const index = new LineIndex(before);
  return { path: filePath, edits: [{ range: index.range(start, endBefore), newText: after.slice(start, endAfter) }] };
}

/**
 * Appends a variable to `.env.schema.yaml` when its `variables:` map is the file's last block (then a line
 * indented like its entries joins it); otherwise the schema is left for the user (undefined).
 */
export function declareInSchema(root: string, text: string | undefined, variables: Array<{ name: string; type: string }>): FileChange | undefined {
  if (!text) return undefined;
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^variables:\s*(#.*)?$/.test(l));
  if (at < 0 || lines.slice(at + 1).some((l) => /^\S/.test(l) && !l.startsWith('#'))) return undefined;
  const indent = /^([ \t]+)\S/.exec(lines.slice(at + 1).find((l) => /^[ \t]+[\w"']/.test(l)) ?? '')?.[1] ?? '  ';
  const missing = variables.filter((v) => !new RegExp(`^[ \\t]+["']?${v.name}["']?\\s*:`, 'm').test(text));
  if (missing.length === 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const index = new LineIndex(text);
  const end = index.positionAt(text.length);
  const needsBreak = !/[\r\n]$/.test(text);
  const added = missing.map((v) => `${indent}${v.name}: { type: ${v.type} }${eol}`).join('');
  return { path: path.join(root, '.env.schema.yaml'), edits: [{ range: { start: end, end }, newText: (needsBreak ? eol : '') + added }] };
}
