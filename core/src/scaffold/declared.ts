import { parseSchema, schemaFromExample, type EnvSchema, type VariableSpec } from '../env/schema';
import { validateValue } from '../env/validate';
import type { ScaffoldFs } from './fs';
import type { EnvRead } from './types';

/**
 * What the project already declares about its environment: `.env.schema.yaml` (or `.yml`, `.json`) and
 * `.env.example` at the root. The env scaffolds compose with them: a generated `.env.example` holds values
 * the schema accepts, a generated schema accepts the values `.env.example` holds, and the config module
 * checks what the schema says (minLength, enum values, URL protocols, ranges).
 */
export interface Declarations {
  schema?: EnvSchema;
  example?: EnvSchema;
}

export async function readDeclarations(files: ScaffoldFs, all: readonly string[]): Promise<Declarations> {
  const out: Declarations = {};
  const schemaFile = ['.env.schema.yaml', '.env.schema.yml', '.env.schema.json'].find((f) => all.includes(f));
  const schemaText = schemaFile ? await files.readFile(schemaFile) : undefined;
  if (schemaFile && schemaText !== undefined) {
    const schema = parseSchema(schemaFile, schemaText);
    if (!schema.broken) out.schema = schema;
  }
  const exampleFile = ['.env.example', '.env.sample'].find((f) => all.includes(f));
  const exampleText = exampleFile ? await files.readFile(exampleFile) : undefined;
  if (exampleFile && exampleText !== undefined) out.example = schemaFromExample(exampleFile, exampleText);
  return out;
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
