import * as path from 'node:path';
import type { FileHost } from '../host';
import { EXAMPLE_FILES, SCHEMA_FILES } from './files';
import { parseSchema, schemaFromExample, type EnvSchema } from './schema';

/**
 * Finding the file that declares a project's variables, through the host (rules never touch the disk):
 * for a `.env` file the schema beside it, for code the nearest declaration walking up to the workspace root.
 */

/** Parsed declaration files, by path, reused while their text is unchanged (every JS file asks for them). */
const parsed = new Map<string, { text: string; schema: EnvSchema }>();
const MAX_CACHED = 64;

/** The declaration file at this path parsed (a schema or an example, by name), or undefined when it does not exist. */
export function readDeclaration(file: string, host: FileHost): EnvSchema | undefined {
  let text: string | undefined;
  try {
    text = host.readFile(file);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.schema;
  const isSchema = (SCHEMA_FILES as readonly string[]).includes(path.basename(file).toLowerCase());
  const schema = isSchema ? parseSchema(file, text) : schemaFromExample(file, text);
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(file, { text, schema });
  return schema;
}

/** Every declaration file in one folder, the schema files first; broken schemas included. */
export function declarationsIn(dir: string, host: FileHost): EnvSchema[] {
  const found: EnvSchema[] = [];
  for (const name of [...SCHEMA_FILES, ...EXAMPLE_FILES]) {
    const schema = readDeclaration(path.join(dir, name), host);
    if (schema) found.push(schema);
  }
  if (found.some((s) => s.source === 'example')) found.push(...variantsIn(dir, host));
  return found;
}

/** `.env.selfhost.example`, `.env.docker.sample`: the template of one way to deploy, beside `.env.example`. */
const VARIANT_EXAMPLE = /^\.env\.([\w-]+)\.(?:example|sample)$/i;
// Variants for the tests or a developer's machine (`.env.e2e.example`, `.env.test.example`, `.env.dev.example`):
// whoever deploys never reads them, so what only they list is still undeclared (nocobase's e2e and perf templates).
const NOT_DEPLOYED = /^(?:tests?|testing|e2e|perf|bench(?:mark)?|ci|mock|spec|integration|cypress|playwright|jest|vitest|dev|development)$/i;

/** Is this a variant of the example for one way of deploying (`.env.selfhost.example`), which `declarationsIn` reads? */
export function isDeploymentVariant(file: string): boolean {
  const word = VARIANT_EXAMPLE.exec(path.basename(file))?.[1];
  return word !== undefined && !word.split(/[-_]/).some((w) => NOT_DEPLOYED.test(w));
}

/**
 * The variants of the example kept beside `.env.example` (`.env.selfhost.example` for self-hosting,
 * `.env.docker.example` for the compose stack): whoever deploys that way copies the variant, so what it lists is
 * declared too (audit: unsend); not the tests' or a developer's (`NOT_DEPLOYED`). Read only where a `.env.example`
 * or `.env.sample` is, so a folder with variants alone is judged as before, and after it, so a `.env` is still
 * checked against `.env.example`.
 */
function variantsIn(dir: string, host: FileHost): EnvSchema[] {
  let files: string[];
  try {
    files = host.entries?.(dir).files ?? [];
  } catch {
    return [];
  }
  const out: EnvSchema[] = [];
  for (const name of files.filter((f) => isDeploymentVariant(f)).sort()) {
    const schema = readDeclaration(path.join(dir, name), host);
    if (schema) out.push(schema);
  }
  return out;
}

/**
 * What a `.env` file is checked against: the schema beside it, or `.env.example` / `.env.sample` beside it
 * when there is no schema. A schema that does not parse is reported on itself and passed over here, so the
 * `.env` is checked as if it were absent rather than against half a schema.
 */
export function schemaFor(envFile: string, host: FileHost | undefined): EnvSchema | undefined {
  if (!host) return undefined;
  return pick(declarationsIn(path.dirname(envFile), host));
}

/** The schema of a set found in one folder: the first schema that parses, else the first example. */
export function pick(found: EnvSchema[]): EnvSchema | undefined {
  return found.find((s) => s.source === 'schema' && !s.broken) ?? found.find((s) => s.source === 'example');
}

/** The folders from a file's own up to the workspace root (only its own when the host knows no root). */
export function foldersUp(file: string, host: FileHost): string[] {
  const dirs: string[] = [];
  let root: string | undefined;
  try {
    root = host.rootOf(file);
  } catch {
    root = undefined;
  }
  let dir = path.dirname(file);
  for (let depth = 0; depth < 64; depth++) {
    dirs.push(dir);
    if (root === undefined || path.resolve(dir) === path.resolve(root)) break;
    const parent = path.dirname(dir);
    if (parent === dir || path.relative(root, parent).startsWith('..')) break;
    dir = parent;
  }
  return dirs;
}

export interface NearestDeclarations {
  dir: string;
  /** Every declaration file of that folder that parses. */
  files: EnvSchema[];
  /** Names declared by any of them. */
  names: Set<string>;
}

/**
 * For code: the nearest folder, from the file's own up to the root, that holds `.env.schema.yaml`,
 * `.env.schema.json`, `.env.example` or `.env.sample`. A variable is declared when any of them names it.
 */
export function nearestDeclarations(file: string, host: FileHost | undefined): NearestDeclarations | undefined {
  if (!host) return undefined;
  for (const dir of foldersUp(file, host)) {
    const all = declarationsIn(dir, host);
    if (all.length === 0) continue;
    // A schema that does not parse declares nothing; while it is being fixed, code is not told every read is undeclared.
    const files = all.filter((f) => !f.broken);
    if (files.length === 0) return undefined;
    const names = new Set<string>();
    for (const f of files) for (const n of [...f.variables.keys(), ...(f.commented ?? [])]) names.add(n);
    return { dir, files, names };
  }
  return undefined;
}
