import { dotenvParse } from '../lazyModules';
import ignore from 'ignore';
import * as path from 'node:path';
import { optionalFamily } from '../env/family';
import { schemaFromExample } from '../env/schema';
import { LineIndex } from '../lineIndex';
import type { FileChange, TextEdit, WorkspaceChange } from '../types';
import { declareInSchema, declarePackages, type Declarations } from './declare';
import type { FixDescriptor } from './types';

/** The files next to the code that the fix reads and appends to; `undefined` text means the file does not exist. */
export interface EnvFiles {
  /** The workspace folder (or project root) the `.env` lives in. */
  root: string;
  env?: string;
  gitignore?: string;
  example?: string;
  /** The example's file name in `root`: `.env.example` (the default) or `.env.sample` (`exampleFileIn`). */
  exampleName?: string;
  /** `package.json` and `.env.schema.yaml` beside `.env`, for fixes that declare what their code needs. */
  packageJson?: string;
  schema?: string;
}

/** Keys and values of a `.env` as dotenv itself reads them (`KEY: value`, quotes, multi-line values and all). */
export function envEntries(text: string | undefined): Map<string, string> {
  if (!text) return new Map();
  try {
    return new Map(Object.entries(dotenvParse(text)));
  } catch {
    return new Map();
  }
}

/**
 * A value as a `.env` line holds it, read back identically by dotenv: bare when safe, single-quoted when it
 * has spaces or `$` (no expansion), double-quoted for newlines (dotenv unescapes only `\n` and `\r` there),
 * backticks as the last resort. Undefined when no form reads back exactly: the secret is then not moved.
 */
export function quoteEnvValue(value: string): string | undefined {
  const candidates = [
    value,
    `'${value}'`,
    `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`,
    `\`${value}\``,
  ];
  for (const quoted of candidates) {
    if (quoted === value && !/^[\w.\-/:@+=,~%^]*$/.test(value)) continue;
    if (dotenvParse(`K=${quoted}\n`).K === value) return quoted;
  }
  return undefined;
}

/** One undoable change, and how many of the fixes asked for it holds (the others overlapped or could not apply). */
export interface FixPlan extends WorkspaceChange {
  applied: number;
  /** Why a secret move was left out, when one was: what the editor shows on the disabled action. */
  refused?: string;
}

const UNQUOTABLE = 'no .env line reads this value back exactly (it mixes both quotes and a backtick); move it by hand';
const OPEN_QUOTE = '.env has a quote that never closes, and the new line would end it: dotenv would read the lines between as one value. Close the quote first';

/**
 * Whether `line` appended to a `.env` reads back as `name` = `value` and leaves what dotenv read before as it
 * was. Not so after a quote that never closes (`LOG_LEVEL: 'info`) when the new line holds that quote: dotenv
 * reads a quoted value across lines up to the next quote of its kind that ends a line, and swallows the lines
 * between.
 */
export function appendKeepsEnv(text: string, line: string, name: string, value: string): boolean {
  const before = envEntries(text);
  const after = envEntries(`${text}${text === '' || /[\r\n]$/.test(text) ? '' : '\n'}${line}\n`);
  return after.get(name) === value && [...before].every(([k, v]) => after.get(k) === v);
}

/**
 * Plans one undoable change from a file's fixes. Edits apply as they are; a secret move replaces the secret
 * and appends `NAME=value` to `.env` (created if missing; an existing key is never overwritten: the same
 * value reuses the key, another value gets a new name), adds `.env` to `.gitignore` when git would not
 * ignore it, and appends `NAME=` to `.env.example` when that file exists, is the app's contract
 * (`declaresContract`) and lacks the key. Fixes that overlap an earlier one are left for the next run.
 */
export function planFixes(file: { path: string; text: string }, fixes: FixDescriptor[], files: EnvFiles, title: string): FixPlan {
  const index = new LineIndex(file.text);
  const existing = envEntries(files.env);
  const byValue = new Map<string, string>();
  for (const [k, v] of existing) if (!byValue.has(v)) byValue.set(v, k);
  const exampleKeys = new Set(envEntries(files.example).keys());
  const contract = declaresContract(files);
  const appended: string[] = [];
  const exampleAppended: string[] = [];
  const sourceEdits: TextEdit[] = [];
  const spans = fixes.map((fix) => ({ fix, start: fix.kind === 'edit' ? Math.min(...fix.edits.map((e) => e.start)) : fix.start,
    end: fix.kind === 'edit' ? Math.max(...fix.edits.map((e) => e.end)) : fix.end }));
  spans.sort((a, b) => a.start - b.start);
  let lastEnd = -1;
  let lastInsertion = -1;
  let moves = 0;
  let applied = 0;
  const preludes = new Set<string>();
  const declarations: Declarations[] = [];
  // Names the code already reads (a dropped default keeps its name): a new name never takes one of them, or the
  // read would get another literal's value.
  // `.env` as the appends so far leave it: each new line is checked against it before it is taken.
  let envSoFar = files.env;
  let refused: string | undefined;
  const reserved = new Set(fixes.flatMap((f) => (f.kind === 'move-to-env' && f.fixedName && !existing.has(f.name) ? [f.name] : [])));
  const setBefore = new Set(existing.keys());
  for (const { fix, start, end } of spans) {
    // Overlapping fixes, and a second insertion at the same place: the first wins, the next run takes the rest.
    if (start < lastEnd || (start === end && start === lastInsertion)) continue;
    lastEnd = Math.max(end, lastEnd);
    if (start === end) lastInsertion = start;
    if (fix.kind === 'edit') {
      for (const e of fix.edits) sourceEdits.push({ range: index.range(e.start, e.end), newText: e.text });
      if (fix.declares) declarations.push(fix.declares);
      applied++;
      continue;
    }
    // A dropped default keeps the name the code reads; when `.env` already sets it, `.env` stays as it is.
    let name = fix.fixedName ? fix.name : byValue.get(fix.value);
    // Two defaults of one variable in one plan: the second is left for the next run, which finds `.env` sets it.
    if (fix.fixedName && !setBefore.has(fix.name) && existing.has(fix.name) && existing.get(fix.name) !== fix.value) continue;
    if (name === undefined || (fix.fixedName && !existing.has(name))) {
      const quoted = quoteEnvValue(fix.value);
      // A value no .env line can hold exactly is left where it is rather than changed on the way; so is one whose
      // line would change what this .env already says.
      const newName = name ?? uniqueName(fix.name, existing, reserved);
      const line = quoted === undefined ? undefined : `${newName}=${quoted}`;
      const keeps = line !== undefined && (envSoFar === undefined || appendKeepsEnv(envSoFar, line, newName, fix.value));
      if (line === undefined || !keeps) {
        refused ??= line === undefined ? UNQUOTABLE : OPEN_QUOTE;
        continue;
      }
      if (envSoFar !== undefined) envSoFar = `${envSoFar}${envSoFar === '' || /[\r\n]$/.test(envSoFar) ? '' : '\n'}${line}\n`;
      name = newName;
      existing.set(name, fix.value);
      byValue.set(fix.value, name);
      appended.push(`${name}=${quoted}`);
    }
    if (contract && !exampleKeys.has(name)) {
      exampleKeys.add(name);
      exampleAppended.push(`${name}=`);
    }
    sourceEdits.push({ range: index.range(fix.start, fix.end), newText: fix.replacement(name) });
    if (fix.prelude && !preludes.has(`${fix.prelude.at}|${fix.prelude.end}|${fix.prelude.text}`)) {
      preludes.add(`${fix.prelude.at}|${fix.prelude.end}|${fix.prelude.text}`);
      sourceEdits.push({ range: index.range(fix.prelude.at, fix.prelude.end ?? fix.prelude.at), newText: fix.prelude.text });
    }
    moves++;
    applied++;
  }
  const changes: FileChange[] = [{ path: file.path, edits: sourceEdits }];
  const envPath = path.join(files.root, '.env');
  const declared = declare(declarations, files, contract, exampleKeys, existing);
  exampleAppended.push(...declared.example);
  if (files.env !== undefined) appended.push(...declared.env);
  if (appended.length > 0) changes.push(appendLines(envPath, files.env, files.env === undefined ? [...fromExample(files.example, existing, appended), ...appended] : appended));
  if (moves > 0 && !gitIgnoresEnv(files.gitignore)) {
    changes.push(appendLines(path.join(files.root, '.gitignore'), files.gitignore, ['.env']));
  }
  if (exampleAppended.length > 0) changes.push(appendLines(path.join(files.root, files.exampleName ?? '.env.example'), files.example, exampleAppended));
  changes.push(...declared.changes);
  return { title, changes, applied, ...(refused ? { refused } : {}) };
}

/**
 * The packages and variables the fixes' new code needs: packages into package.json; each variable into
 * `.env.example` when there is one (else the schema), and with its local value into an existing `.env` that
 * lacks it, so the example's new key is not missing there.
 */
function declare(all: Declarations[], files: EnvFiles, contract: boolean, exampleKeys: Set<string>, env: Map<string, string>): { example: string[]; env: string[]; changes: FileChange[] } {
  const out = { example: [] as string[], env: [] as string[], changes: [] as FileChange[] };
  if (all.length === 0) return out;
  const dependencies = Object.assign({}, ...all.map((d) => d.dependencies ?? {})) as Record<string, string>;
  const manifest = declarePackages(path.join(files.root, 'package.json'), files.packageJson, dependencies);
  if (manifest) out.changes.push(manifest);
  const variables = [...new Map(all.flatMap((d) => d.variables ?? []).map((v) => [v.name, v])).values()];
  if (contract) {
    for (const v of variables) if (!exampleKeys.has(v.name)) (exampleKeys.add(v.name), out.example.push(`${v.name}=`));
  } else if (files.example === undefined) {
    const schema = declareInSchema(files.root, files.schema, variables);
    if (schema) out.changes.push(schema);
  }
  for (const v of variables) if (!env.has(v.name)) (env.set(v.name, v.local), out.env.push(`${v.name}=${v.local}`));
  return out;
}

/**
 * Whether `.env.example` is the app's contract, where a moved value's name is declared. One that only documents an
 * optional feature (wagtail/bakerydemo's commented `# CSP_*=` switches, `env/family.ts`) is not: a `SECRET_KEY=`
 * appended there would make it the contract, and every other read of the app would become undeclared.
 */
function declaresContract(files: EnvFiles): boolean {
  return files.example !== undefined && optionalFamily([schemaFromExample(path.join(files.root, files.exampleName ?? '.env.example'), files.example)]) === undefined;
}

/**
 * A new `.env` starts as `.env.example` does (what `cp .env.example .env` gives), without the keys the move
 * writes: otherwise the new file lacks every key the example requires, a finding the fix would have made.
 */
function fromExample(example: string | undefined, existing: Map<string, string>, appended: string[]): string[] {
  if (!example) return [];
  const moved = new Set(appended.map((l) => l.slice(0, l.indexOf('='))));
  const lines = example.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  // A multi-line quoted value cannot be copied line by line safely: then only the moved keys are written.
  if (envEntries(lines.join('\n')).size !== lines.filter((l) => /^\s*(export\s+)?[\w.-]+\s*[=:]/.test(l)).length) return [];
  const kept = lines.filter((l) => {
    const key = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/.exec(l)?.[1];
    return key === undefined || !moved.has(key);
  });
  for (const [k, v] of envEntries(kept.join('\n'))) if (!existing.has(k)) existing.set(k, v);
  return kept;
}

/** `NAME`, or `NAME_2`, `NAME_3`… when `.env` already holds `NAME` with another value. */
function uniqueName(name: string, existing: Map<string, string>, reserved: Set<string>): string {
  const taken = (n: string) => existing.has(n) || reserved.has(n);
  if (!taken(name)) return name;
  for (let i = 2; ; i++) if (!taken(`${name}_${i}`)) return `${name}_${i}`;
}

/** True when the root `.gitignore` ignores `.env` (any pattern that matches it: `.env`, `.env*`, `*.env`). */
export function gitIgnoresEnv(gitignore: string | undefined): boolean {
  if (!gitignore) return false;
  return ignore().add(gitignore).ignores('.env');
}

/** An insertion at the end of the file, after a line break if the file lacks a final one; a missing file is created. */
function appendLines(filePath: string, text: string | undefined, lines: string[]): FileChange {
  if (text === undefined) {
    return { path: filePath, create: true, edits: [{ range: zero(), newText: lines.map((l) => `${l}\n`).join('') }] };
  }
  const index = new LineIndex(text);
  const eol = index.eol;
  const end = index.positionAt(text.length);
  const needsBreak = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r');
  return {
    path: filePath,
    edits: [{ range: { start: end, end }, newText: (needsBreak ? eol : '') + lines.map((l) => l + eol).join('') }],
  };
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Applies a file's edits to its text (for the CLI's `--fix` and the tests); edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const withOffsets = edits.map((e, i) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText, i }));
  // From the end backwards; insertions at the same offset keep their array order in the result, as editors do.
  withOffsets.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
