import * as path from 'node:path';
import type { FileHost } from '../host';
import { LineIndex } from '../lineIndex';
import { isSensitiveName } from '../secrets/names';
import { redact } from '../secrets/redact';
import { hideUserinfo, looksSecret, shownKey, shownValue } from './display';
import { documentedNames } from './docDeclared';
import { foldersUp, nearestDeclarations } from './locate';
import { scanEnv } from './scan';
import { valueOf } from './values';
import type { EnvSchema, VariableSpec } from './schema';
import { expectedText } from './validate';

/**
 * What the editor shows about variables: completion items for keys in a `.env` file, hover text for a key,
 * and where a variable read in code is declared and set. Pure functions over a schema and the host; the
 * server turns their results into LSP types.
 */

export interface EnvCompletionItem {
  label: string;
  /** The type and flags, e.g. `url · required · secret`. */
  detail: string;
  /** Markdown: description, what the value must be, the default. */
  documentation: string;
  /** `NAME=` and the default, when there is one and the variable is not secret. */
  insertText: string;
  /** Required variables first, then the schema's order. */
  sortText: string;
}

function flags(spec: VariableSpec): string {
  return [spec.type, spec.required ? 'required' : 'optional', ...(spec.secret ? ['secret'] : [])].join(' · ');
}

function documentation(spec: VariableSpec): string {
  const parts: string[] = [];
  if (spec.description) parts.push(redactTokens(spec.description));
  const facts = [`Expects ${expectedText(spec)}.`];
  // A secret's default is not shown: it is a credential written in a committed file, and none to copy.
  if (spec.secret) facts.push('Secret: set it in the environment or a git-ignored `.env`.');
  else if (spec.default !== undefined) facts.push(`Default: ${quoted(spec.name, spec.default)}`);
  else if (spec.example !== undefined) facts.push(`Example: ${quoted(spec.name, spec.example)}`);
  parts.push(facts.join('  \n'));
  return parts.join('\n\n');
}

/**
 * A default or example as completion and hover show it: through `shownValue`, so a value that looks like a
 * credential (an `AKIA…` key pasted into `.env.example` under a harmless name) is redacted there too (issue 11).
 */
function quoted(name: string, value: string): string {
  const shown = shownValue(value, isSensitiveName(name));
  return shown.cloaked ? shown.text : `\`${shown.text.replace(/`/g, "'")}\``;
}

/** A description (a comment in `.env.example` or the schema's text) with any token that looks secret redacted. */
function redactTokens(text: string): string {
  return text.replace(/[^\s`'"]{8,}/g, (token) => (looksSecret(token) ? redact(token) : token));
}

/** Whether completion may insert a default: not a secret's, and not one that looks like a credential. */
function insertable(spec: VariableSpec): string {
  if (spec.secret || spec.default === undefined) return '';
  return shownValue(spec.default, isSensitiveName(spec.name)).cloaked ? '' : spec.default;
}

/** Variables of the schema that the file does not set yet. */
export function completeEnvKeys(schema: EnvSchema, existingKeys: Iterable<string>): EnvCompletionItem[] {
  const existing = new Set(existingKeys);
  const items: EnvCompletionItem[] = [];
  let i = 0;
  for (const spec of schema.variables.values()) {
    i++;
    if (existing.has(spec.name)) continue;
    const value = insertable(spec);
    items.push({
      label: spec.name,
      detail: flags(spec),
      documentation: documentation(spec),
      insertText: `${spec.name}=${value}`,
      sortText: `${spec.required ? 0 : 1}-${String(i).padStart(5, '0')}`,
    });
  }
  return items;
}

/** Hover text for a key of a `.env` file (or a variable in code), or undefined when the schema does not declare it. */
export function hoverEnvKey(schema: EnvSchema, key: string): string | undefined {
  const spec = schema.variables.get(key);
  if (!spec) return undefined;
  return `**${spec.name}** · ${flags(spec).split(' · ').map((f, i) => (i === 0 ? `\`${f}\`` : f)).join(' · ')}\n\n${documentation(spec)}\n\nDeclared in \`${path.basename(schema.file)}\`.`;
}

/**
 * Hover text for a variable read in code (`process.env.X`), from `declarationsFor`: what the declaration
 * says and the value the nearest `.env` gives it, cloaked when secret.
 */
export function hoverDeclaration(d: EnvDeclaration): string {
  const parts: string[] = [];
  if (d.spec) parts.push(`**${d.name}** · ${flags(d.spec).split(' · ').map((f, i) => (i === 0 ? `\`${f}\`` : f)).join(' · ')}`, documentation(d.spec));
  // Only an undeclared key can be a pasted token (a schema's names are names): it is named as messages name keys.
  else if (d.documented && d.declaredIn) parts.push(`**${d.name}**`, `Documented in \`${path.basename(d.declaredIn.file)}\` (line ${d.declaredIn.line + 1}), not in \`.env.schema.yaml\` or \`.env.example\`.`);
  else parts.push(`**${shownKey(d.name)}**`, 'Not declared in `.env.schema.yaml` or `.env.example`.');
  if (d.declaredIn && !d.documented) parts.push(`Declared in \`${path.basename(d.declaredIn.file)}\` (line ${d.declaredIn.line + 1}).`);
  if (d.value) parts.push(`\`${path.basename(d.value.file)}\`: ${d.value.cloaked ? d.value.display : `\`${d.value.display.replace(/`/g, "'")}\``}`);
  return parts.join('\n\n');
}

/** Whether the cursor is where a key is typed: at the start of a line, after blanks or `export`. */
export function isKeyPosition(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*(export[ \t]+)?[\w.-]*$/.test(text.slice(lineStart, offset));
}

/** The key of a `.env` file under the cursor, with its offsets. */
export function envKeyAt(text: string, offset: number): { key: string; start: number; end: number } | undefined {
  const entry = scanEnv(text).entries.find((e) => e.delimiter && offset >= e.keyStart && offset <= e.keyEnd);
  return entry ? { key: entry.key, start: entry.keyStart, end: entry.keyEnd } : undefined;
}

export interface EnvLocation {
  file: string;
  /** 0-based, as in LSP. */
  line: number;
  character: number;
}

export interface EnvDeclaration {
  name: string;
  /** The schema's (or `.env.example`'s) description of the variable. */
  spec?: VariableSpec;
  declaredIn?: EnvLocation;
  /** Declared only by the project's documentation (`declaredIn` is the page's line): see `docDeclared.ts`. */
  documented?: boolean;
  /** Where `.env` sets it, and the value to show: cloaked (`redact`) when secret or when it looks like one. */
  value?: EnvLocation & { display: string; cloaked: boolean };
}

/**
 * For a file (code or `.env`): every variable the nearest declaration files declare, where, and the value
 * the nearest `.env` (then `.env.local`, which wins) gives it. Variables set in `.env` but declared nowhere
 * are listed too, without `declaredIn`.
 */
export function declarationsFor(file: string, host: FileHost): Map<string, EnvDeclaration> {
  const result = new Map<string, EnvDeclaration>();
  try {
    const declared = nearestDeclarations(file, host);
    for (const schema of declared?.files ?? []) {
      const index = new LineIndex(host.readFile(schema.file) ?? '');
      for (const spec of schema.variables.values()) {
        if (result.has(spec.name)) continue;
        result.set(spec.name, { name: spec.name, spec, declaredIn: { file: schema.file, ...index.positionAt(spec.start) } });
      }
    }
    // Settings only the documentation lists: hover and go-to-definition lead to the page's line.
    if (declared) {
      const pages = new Map<string, string[]>();
      for (const [name, at] of documentedNames(host, foldersUp(path.join(declared.dir, '.env'), host))) {
        if (result.has(name)) continue;
        let lines = pages.get(at.file);
        if (!lines) pages.set(at.file, (lines = (host.readFile(at.file) ?? '').split(/\r?\n/)));
        const character = Math.max(0, lines[at.line]?.indexOf(name) ?? 0);
        result.set(name, { name, documented: true, declaredIn: { file: at.file, line: at.line, character } });
      }
    }
    for (const envFile of valueFiles(file, host)) {
      const text = host.readFile(envFile);
      if (text === undefined) continue;
      const doc = scanEnv(text);
      const index = new LineIndex(text);
      for (const entry of doc.entries) {
        const value = valueOf(doc, entry);
        if (value === undefined) continue;
        const d = result.get(entry.key) ?? { name: entry.key };
        const shown = shownValue(value, d.spec?.secret === true || isSensitiveName(entry.key), 80);
        // A URL with credentials (however its password is spelled) is cloaked whole: a hover has no use for its host.
        const cloaked = shown.cloaked || hideUserinfo(value) !== value;
        const display = cloaked ? redact(value) : shown.text;
        d.value = { file: envFile, ...index.positionAt(entry.keyStart), display, cloaked };
        result.set(entry.key, d);
      }
    }
  } catch {
    // A host that fails or a file that cannot be read: what was found so far is still right.
  }
  return result;
}

/** `.env` and `.env.local` of the nearest folder, walking up, that has either. */
function valueFiles(file: string, host: FileHost): string[] {
  for (const dir of foldersUp(file, host)) {
    const files = ['.env', '.env.local'].map((n) => path.join(dir, n)).filter((f) => host.readFile(f) !== undefined);
    if (files.length > 0) return files;
  }
  return [];
}
