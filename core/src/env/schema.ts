import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { isSensitiveName } from '../secrets/names';
import { isPlaceholder } from '../secrets/placeholder';
import { shownKey } from './display';
import { LINE, scanEnv } from './scan';
import { expectedText, validateValue } from './validate';
import { compileUserPattern, type UserPattern } from '../userPattern';

/**
 * The `.env.schema.yaml` / `.env.schema.json` model, read from the file's text with the offsets of every
 * node, so the schema's own problems land on the node at fault. `.env.example` stands in for a missing
 * schema: its keys are required strings. Never throws.
 */

export const ENV_TYPES = ['string', 'url', 'port', 'integer', 'number', 'boolean', 'email', 'enum', 'json'] as const;
export type EnvType = (typeof ENV_TYPES)[number];

export interface VariableSpec {
  name: string;
  type: EnvType;
  required: boolean;
  secret: boolean;
  description?: string;
  /** The schema's default, as the text a `.env` line would hold. */
  default?: string;
  /** From `.env.example`: the value written there when it is not a placeholder or a secret. */
  example?: string;
  minLength?: number;
  maxLength?: number;
  /** Runs on RE2 (linear time): the schema comes from the repository. */
  pattern?: UserPattern;
  protocols?: string[];
  min?: number;
  max?: number;
  values?: string[];
  /** Offsets of the declaration (the key) in the declaring file. */
  start: number;
  end: number;
}

export interface SchemaProblem {
  messageId: string;
  data: Record<string, string>;
  start: number;
  end: number;
}

export interface EnvSchema {
  file: string;
  source: 'schema' | 'example';
  allowUnknown: boolean;
  variables: Map<string, VariableSpec>;
  problems: SchemaProblem[];
  /** The file does not parse: no variable could be read, and the checks of `.env` files fall back. */
  broken: boolean;
  /**
   * Variables an example mentions only in a comment (`# SENTRY_DSN=`): optional settings the authors
   * documented. Code that reads them is not reading an undeclared variable, and no `.env` must hold them.
   */
  commented?: Set<string>;
}

const COMMON_OPTIONS = ['type', 'required', 'secret', 'description', 'default'];
const TYPE_OPTIONS: Record<EnvType, string[]> = {
  string: ['minLength', 'maxLength', 'pattern'], url: ['protocols'], port: [], integer: ['min', 'max'], number: ['min', 'max'],
  boolean: [], email: [], enum: ['values'], json: [],
};
const ALL_OPTIONS = new Set([...COMMON_OPTIONS, ...Object.values(TYPE_OPTIONS).flat()]);

export function parseSchema(file: string, text: string): EnvSchema {
  const schema: EnvSchema = { file, source: 'schema', allowUnknown: true, variables: new Map(), problems: [], broken: false };
  const problem = (messageId: string, node: { range?: [number, number, number] | null } | null | undefined, data: Record<string, string> = {}) => {
    const range = node?.range ?? [0, Math.min(text.length, lineEnd(text, 0)), 0];
    schema.problems.push({ messageId, data, start: range[0], end: Math.max(range[0], range[1]) });
  };
  const format = /\.json$/i.test(file) ? 'JSON' : 'YAML';
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    schema.broken = true;
    problem('syntax', undefined, { format, reason: firstLine(error) });
    return schema;
  }
  if (doc.errors.length > 0) {
    // One diagnostic: later errors of a broken file are mostly echoes of the first.
    const e = doc.errors[0];
    schema.broken = true;
    const at = Math.min(e.pos[0], text.length);
    schema.problems.push({ messageId: 'syntax', data: { format, reason: firstLine(e) }, start: at, end: Math.min(text.length, Math.max(e.pos[1], at + 1)) });
    return schema;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return schema; // an empty file declares nothing
  if (!isMap(root)) {
    problem('notAMapping', root);
    return schema;
  }
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = keyText(pair);
    if (key === 'allowUnknown') {
      if (isScalar(pair.value) && typeof pair.value.value === 'boolean') schema.allowUnknown = pair.value.value;
      else problem('wrongOptionType', pair.value ?? pair.key, { option: 'allowUnknown', expected: 'true or false' });
    } else if (key === 'variables') {
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isMap(pair.value)) problem('variablesNotMapping', pair.value);
      else for (const v of pair.value.items as Pair<Node, Node | null>[]) readVariable(schema, v, problem);
    } else if (key !== '$schema') problem('unknownKey', pair.key, { key: key === undefined ? '?' : shownKey(key) });
  }
  return schema;
}

type ProblemFn = (messageId: string, node: Node | null | undefined, data?: Record<string, string>) => void;

function readVariable(schema: EnvSchema, pair: Pair<Node, Node | null>, problem: ProblemFn): void {
  const name = keyText(pair);
  if (name === undefined) return;
  const keyRange = pair.key?.range ?? [0, 0, 0];
  const spec: VariableSpec = { name, type: 'string', required: false, secret: false, start: keyRange[0], end: keyRange[1] };
  schema.variables.set(name, spec);
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    problem('variableNotMapping', value, { name: shownKey(name) });
    return;
  }
  const options = new Map<string, Pair<Node, Node | null>>();
  for (const option of value.items as Pair<Node, Node | null>[]) {
    const o = keyText(option);
    if (o !== undefined) options.set(o, option);
  }
  const typeNode = options.get('type')?.value;
  if (typeNode) {
    const t = isScalar(typeNode) ? String(typeNode.value) : undefined;
    if (t !== undefined && (ENV_TYPES as readonly string[]).includes(t)) spec.type = t as EnvType;
    else problem('unknownType', typeNode, { type: t === undefined ? 'this' : shownKey(t), types: ENV_TYPES.join(', ') });
  }
  const allowed = new Set([...COMMON_OPTIONS, ...TYPE_OPTIONS[spec.type]]);
  for (const [o, option] of options) {
    if (!ALL_OPTIONS.has(o)) problem('unknownOption', option.key, { option: shownKey(o), options: [...allowed].join(', ') });
    else if (!allowed.has(o)) problem('optionNotForType', option.key, { option: o, type: spec.type });
    else readOption(spec, o, option.value, problem);
  }
  if (spec.type === 'enum' && (!spec.values || spec.values.length === 0) && !options.has('values')) problem('enumWithoutValues', pair.key);
  if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) problem('minAboveMax', options.get('min')?.value, { low: 'min', high: 'max' });
  if (spec.minLength !== undefined && spec.maxLength !== undefined && spec.minLength > spec.maxLength) {
    problem('minAboveMax', options.get('minLength')?.value, { low: 'minLength', high: 'maxLength' });
  }
  if (spec.default !== undefined && validateValue(spec, spec.default)) {
    problem('invalidDefault', options.get('default')?.value, { name: shownKey(name), expected: expectedText(spec) });
  }
}

function readOption(spec: VariableSpec, option: string, node: Node | null, problem: ProblemFn): void {
  const scalar = isScalar(node) ? node.value : undefined;
  const wrong = (expected: string) => problem('wrongOptionType', node, { option, expected });
  switch (option) {
    case 'type':
      return;
    case 'required':
    case 'secret':
      if (typeof scalar === 'boolean') spec[option] = scalar;
      else wrong('true or false');
      return;
    case 'description':
      if (typeof scalar === 'string') spec.description = scalar;
      else wrong('a string');
      return;
    case 'default':
      if (isScalar(node) && scalar !== null && typeof scalar !== 'object') spec.default = String(scalar);
      else if (spec.type === 'json' && node && (isMap(node) || isSeq(node))) spec.default = JSON.stringify(node.toJSON());
      else wrong('a string, number or boolean');
      return;
    case 'minLength':
    case 'maxLength':
      if (typeof scalar === 'number' && Number.isInteger(scalar) && scalar >= 0) spec[option] = scalar;
      else wrong('a non-negative integer');
      return;
    case 'min':
    case 'max':
      if (typeof scalar === 'number' && Number.isFinite(scalar)) spec[option] = scalar;
      else wrong('a number');
      return;
    case 'pattern':
      if (typeof scalar !== 'string') return wrong('a string (a regular expression)');
      {
        // RE2 matches in linear time, so `(a+)+$` is harmless; what it cannot run (lookaround,
        // backreferences) is a schema problem on the pattern, never a silent pass.
        const compiled = compileUserPattern(scalar);
        if ('error' in compiled) problem('invalidPattern', node, { reason: compiled.error });
        else spec.pattern = compiled.pattern;
      }
      return;
    case 'protocols':
    case 'values': {
      const items = isSeq(node) ? node.items : undefined;
      const scalars = items?.every((i) => isScalar(i) && i.value !== null && typeof i.value !== 'object');
      if (!items || !scalars || items.length === 0) return wrong(option === 'protocols' ? 'a non-empty list of protocols' : 'a non-empty list of values');
      const list = items.map((i) => String((i as { value: unknown }).value));
      if (option === 'protocols') spec.protocols = list.map((p) => p.replace(/:(\/\/)?$/, '').toLowerCase());
      else spec.values = list;
      return;
    }
  }
}

/** `.env.example` as a schema: each key is a required variable; comments above a key describe it. */
export function schemaFromExample(file: string, text: string): EnvSchema {
  const schema: EnvSchema = { file, source: 'example', allowUnknown: true, variables: new Map(), problems: [], broken: false };
  const doc = scanEnv(text);
  for (const entry of doc.entries) {
    if (!entry.delimiter || entry.key === '') continue;
    const secret = isSensitiveName(entry.key);
    const spec: VariableSpec = { name: entry.key, type: 'string', required: true, secret, start: entry.keyStart, end: entry.keyEnd };
    const raw = entry.quote ? entry.rawValue.slice(1, -1) : entry.rawValue;
    if (raw !== '' && !secret && !isPlaceholder(raw) && !/[\r\n]/.test(raw)) spec.example = raw;
    const comments: string[] = [];
    for (let l = entry.line - 1; l >= 0 && doc.lineKinds[l] === LINE.comment; l--) {
      const c = text.slice(doc.lineStarts[l], doc.lineEnds[l]).trim().replace(/^#+\s?/, '');
      if (/twelve-factor-|dotenv-linter:/.test(c)) break;
      comments.unshift(c);
    }
    if (comments.length > 0) spec.description = comments.join('\n');
    schema.variables.set(entry.key, spec);
  }
  for (let l = 0; l < doc.lineKinds.length; l++) {
    if (doc.lineKinds[l] !== LINE.comment) continue;
    const name = COMMENTED_DECLARATION.exec(text.slice(doc.lineStarts[l], doc.lineEnds[l]))?.[1];
    if (name && !schema.variables.has(name)) (schema.commented ??= new Set()).add(name);
  }
  return schema;
}

/** `# NAME=value` or `#export NAME=`: a declaration commented out. Prose (`# Set NAME to …`) is not one. */
const COMMENTED_DECLARATION = /^\s*#+\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

function keyText(pair: Pair<Node, Node | null>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
}

function lineEnd(text: string, from: number): number {
  const i = text.slice(from, from + 4096).search(/[\r\n]/);
  return i < 0 ? Math.min(text.length, from + 4096) : from + i;
}
