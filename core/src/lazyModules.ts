/**
 * Modules loaded on their first use rather than when the bundle starts: a run with nothing to hash or no
 * `.env` to parse (an empty folder, a pre-commit hook with nothing staged) never pays for them (issue 13:
 * start-up ≤ 0.15 s of CPU). `node:crypto` alone is ~8 ms to load; dotenv loads it too; `node:child_process`
 * (~4 ms) brings `net`, `stream` and `dgram` with it; `node:module` its ES module loader.
 */
import type { Hash } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;
let dotenv: typeof import('dotenv') | undefined;
let childProcessModule: typeof import('node:child_process') | undefined;
let moduleModule: typeof import('node:module') | undefined;
let bundleRequire: NodeJS.Require | undefined;

export function createHash(algorithm: 'sha1' | 'sha256'): Hash {
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}

export function randomBytes(size: number): Buffer {
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  return crypto.randomBytes(size);
}

/** dotenv's own parser (what an application reading the file with dotenv gets). */
export function dotenvParse(src: string | Buffer): Record<string, string> {
  dotenv ??= require('dotenv') as typeof import('dotenv');
  return dotenv.parse(src);
}


/** `node:child_process`, for the CLI's git commands. */
export function childProcess(): typeof import('node:child_process') {
  childProcessModule ??= require('node:child_process') as typeof import('node:child_process');
  return childProcessModule;
}

export function tmpdir(): string {
  return (require('node:os') as typeof import('node:os')).tmpdir();
}

/** Node's own list of built-in module names (`fs`, `node:test`…). */
export function builtinModules(): readonly string[] {
  moduleModule ??= require('node:module') as typeof import('node:module');
  return moduleModule.builtinModules;
}

/** A `require` that loads files at run time, relative to this bundle (or this compiled file), never bundled. */
export function nodeRequire(): NodeJS.Require {
  moduleModule ??= require('node:module') as typeof import('node:module');
  bundleRequire ??= moduleModule.createRequire(__filename);
  return bundleRequire;
}
