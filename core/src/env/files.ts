import * as path from 'node:path';

/**
 * What a file means to the env checks, from its name: a schema, a template that declares variables
 * (`.env.example`), or a file of real values (`.env`, `.env.local`, `.env.production`, `prod.env`).
 */

/** `.env.schema.yml` is accepted too: it must never be linted as a `.env` file for being named `.env.*`. */
export const SCHEMA_FILES = ['.env.schema.yaml', '.env.schema.yml', '.env.schema.json'] as const;
export const EXAMPLE_FILES = ['.env.example', '.env.sample'] as const;

/** Templates list variables with placeholder values: checked for syntax, never for required keys or values. */
const TEMPLATE_SUFFIXES = new Set(['example', 'sample', 'template', 'dist', 'defaults']);

export function isSchemaFile(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return (SCHEMA_FILES as readonly string[]).includes(base);
}

export function isExampleFile(file: string): boolean {
  return (EXAMPLE_FILES as readonly string[]).includes(path.basename(file).toLowerCase());
}

/**
 * `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults` (and `.env.example.local`…), and
 * the same words before `env`: `.example.env`, `example.env`, `sample.env`.
 */
export function isTemplateFile(file: string): boolean {
  const parts = path.basename(file).toLowerCase().split('.').filter(Boolean);
  return parts.includes('env') && parts.some((p) => TEMPLATE_SUFFIXES.has(p));
}

/** A file of values that the app loads: `.env` files that are neither a schema nor a template. */
export function isValuesFile(file: string): boolean {
  return !isSchemaFile(file) && !isTemplateFile(file);
}

/**
 * The files a runtime loads together with this one (dotenv-flow, Vite, Next.js): `.env` with `.env.local`,
 * and `.env.<mode>` with those two and `.env.<mode>.local`. A key set in any of them is not missing from
 * this one. Other names (`prod.env`, `.flaskenv`) stand alone.
 */
export function loadedTogether(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const m = /^\.env(?:\.([^.]+))?(\.local)?$/i.exec(base);
  if (!m) return [];
  const mode = m[1] && m[1].toLowerCase() !== 'local' ? m[1] : undefined;
  const names = ['.env', '.env.local'];
  if (mode) names.push(`.env.${mode}`, `.env.${mode}.local`);
  return names.filter((n) => n !== base).map((n) => path.join(dir, n));
}
