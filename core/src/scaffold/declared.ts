import { parse as parseYaml } from 'yaml';
import { scanEnv } from '../env/scan';
import type { EnvType, VariableSpec } from '../env/schema';
import { validateValue } from '../env/validate';
import { isSensitiveName } from '../secrets/names';
import { isPlaceholder } from '../secrets/placeholder';
import type { ScaffoldFs } from './fs';
import type { EnvRead } from './types';

/**
 * What the project already declares about its environment: `.env.schema.yaml` (or `.yml`, `.json`) and
 * `.env.example` at the root. The env scaffolds compose with them: a generated `.env.example` holds values
 * the schema accepts, a generated schema accepts the values `.env.example` holds, and the config module
 * checks what the schema says (minLength, enum values, URL protocols, ranges).
 */
export interface Declared {
  file: string;
  allowUnknown: boolean;
  variables: Map<string, VariableSpec>;
}

export interface Declarations {
  schema?: Declared;
  example?: Declared;
}

export async function readDeclarations(files: ScaffoldFs, all: readonly string[]): Promise<Declarations> {
  const out: Declarations = {};
  const schemaFile = ['.env.schema.yaml', '.env.schema.yml', '.env.schema.json'].find((f) => all.includes(f));
  const schemaText = schemaFile ? await files.readFile(schemaFile) : undefined;
  const schema = schemaFile && schemaText !== undefined ? readSchema(schemaFile, schemaText) : undefined;
  if (schema) out.schema = schema;
  const exampleFile = ['.env.example', '.env.sample'].find((f) => all.includes(f));
  const exampleText = exampleFile ? await files.readFile(exampleFile) : undefined;
  if (exampleFile && exampleText !== undefined) out.example = readExample(exampleFile, exampleText);
  return out;
}

const TYPES: readonly string[] = ['string', 'url', 'port', 'integer', 'number', 'boolean', 'email', 'enum', 'json'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : undefined);

/**
 * The schema's variables as the scaffolds need them. Lenient, and never throws: the editor reports the
 * schema's own problems (env/invalid-schema); a scaffold only reads what is clear. (The editor's parser
 * reports with redacted messages and so pulls in the secret tables, which the scaffold bundle must not hold.)
 */
export function readSchema(file: string, text: string): Declared | undefined {
  let root: unknown;
  try {
    root = parseYaml(text);
  } catch {
    return undefined;
  }
  if (!isRecord(root)) return undefined;
  const declared: Declared = { file, allowUnknown: root.allowUnknown !== false, variables: new Map() };
  for (const [name, raw] of Object.entries(isRecord(root.variables) ? root.variables : {})) {
    const o = isRecord(raw) ? raw : {};
    const type = typeof o.type === 'string' && TYPES.includes(o.type) ? (o.type as EnvType) : 'string';
    const spec: VariableSpec = { name, type, required: o.required === true, secret: o.secret === true, start: 0, end: 0 };
    if (o.default !== undefined && o.default !== null && typeof o.default !== 'object') spec.default = String(o.default);
    if (num(o.minLength) !== undefined) spec.minLength = num(o.minLength);
    if (num(o.maxLength) !== undefined) spec.maxLength = num(o.maxLength);
    if (num(o.min) !== undefined) spec.min = num(o.min);
    if (num(o.max) !== undefined) spec.max = num(o.max);
    if (typeof o.pattern === 'string') {
      try {
        spec.pattern = new RegExp(o.pattern);
      } catch {
        // An invalid pattern is the schema's problem, reported in the editor; the scaffold leaves it out.
      }
    }
    if (strings(o.protocols)?.length) spec.protocols = strings(o.protocols);
    if (strings(o.values)?.length) spec.values = strings(o.values);
    declared.variables.set(name, spec);
  }
  return declared;
}

/** `.env.example`: its keys, with the value written there when it is a real example (not a placeholder or secret). */
export function readExample(file: string, text: string): Declared {
  const declared: Declared = { file, allowUnknown: true, variables: new Map() };
  for (const entry of scanEnv(text).entries) {
    if (!entry.delimiter || entry.key === '') continue;
    const secret = isSensitiveName(entry.key);
    const spec: VariableSpec = { name: entry.key, type: 'string', required: true, secret, start: 0, end: 0 };
    const raw = entry.quote ? entry.rawValue.slice(1, -1) : entry.rawValue;
    if (raw !== '' && !secret && !isPlaceholder(raw) && !/[\r\n]/.test(raw)) spec.example = raw;
    declared.variables.set(entry.key, spec);
  }
  return declared;
}

/** The spec a code read stands for, as the schema generator would write it. */
export function specOfRead(read: EnvRead): VariableSpec {
  return { name: read.name, type: read.inferredType, required: read.required, secret: read.secret, protocols: read.protocols, values: read.values, start: 0, end: 0 };
}

/** The first candidate value the spec accepts; never one for a secret. */
export function acceptedValue(spec: VariableSpec, candidates: Array<string | undefined>): string | undefined {
  if (spec.secret) return undefined;
  return candidates.find((v) => v !== undefined && v !== '' && validateValue(spec, v) === undefined);
}

/**
 * A code read as the schema declares it: the schema's type and constraints win over what the code
 * suggests, and a default is kept only when the schema accepts it.
 */
export function readAsDeclared(read: EnvRead, spec: VariableSpec | undefined): EnvRead {
  if (!spec) return read;
  const out: EnvRead = { ...read, inferredType: spec.type, required: spec.required || read.required, secret: spec.secret || read.secret };
  delete out.protocols;
  delete out.values;
  delete out.default;
  if (spec.protocols?.length) out.protocols = spec.protocols;
  if (spec.values?.length) out.values = spec.values;
  const fallback = acceptedValue({ ...spec, secret: false }, [spec.default, read.default]);
  if (fallback !== undefined && !(spec.secret || read.secret)) out.default = fallback;
  if (out.default !== undefined) out.required = false;
  for (const k of ['minLength', 'maxLength', 'min', 'max'] as const) if (spec[k] !== undefined) out[k] = spec[k];
  if (spec.pattern) out.pattern = spec.pattern.source;
  return out;
}

/**
 * A code read widened until the value `.env.example` gives it fits: a URL's protocol joins its list, a value
 * outside an enum or a type becomes a plain string. The example's value becomes the default when the code has none.
 */
export function readFittingExample(read: EnvRead, example: VariableSpec | undefined): EnvRead {
  const value = example?.example;
  if (value === undefined) return read;
  let out: EnvRead = { ...read };
  if (validateValue(specOfRead(out), value) !== undefined && out.inferredType === 'url' && out.protocols?.length) {
    const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (protocol) out.protocols = [...out.protocols, protocol];
  }
  if (validateValue(specOfRead(out), value) !== undefined) {
    out = { ...out, inferredType: 'string' };
    delete out.protocols;
    delete out.values;
  }
  if (out.default !== undefined && validateValue(specOfRead(out), out.default) !== undefined) delete out.default;
  return out;
}
