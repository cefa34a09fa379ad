/**
 * Modules loaded on their first use rather than when the bundle starts: a run with nothing to hash or no
 * `.env` to parse (an empty folder, a pre-commit hook with nothing staged) never pays for them (issue 13:
 * start-up ≤ 0.15 s of CPU). `node:crypto` alone is ~8 ms to load; dotenv loads it too.
 */
import type { Hash } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;
let dotenv: typeof import('dotenv') | undefined;

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

