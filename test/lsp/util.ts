// Small helpers of the language-server tests: bounded waits (never a fixed sleep), ranges, language ids.
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** ServerCancelled (LSP 3.17): the server gave up on a request and asks the client to send it again. */
export const SERVER_CANCELLED = -32802;

/**
 * The only clock in the language-server tests: a safety net against a server that is stuck for good, never a
 * speed check (a loaded 2-core machine may take tens of seconds for what takes milliseconds on a quiet one).
 * Time budgets live in bench/budgets.mjs.
 */
export const HANG_GUARD_MS = 3 * 60_000;

/** Polls until the condition holds (never a fixed sleep); fails only when it never holds (HANG_GUARD_MS). */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + HANG_GUARD_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${HANG_GUARD_MS / 1000} s: stuck`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The promise, or a rejection naming `what` when it never settles (a hung server fails the test, not the suite). */
export function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} after ${HANG_GUARD_MS / 1000} s: the server is stuck`)), HANG_GUARD_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A text's range of `needle` (its `occurrence`-th match), for building expected ranges and edits. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle.slice(0, 20))} not found`);
  }
  const doc = TextDocument.create('untitled:x', 'plaintext', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

export function languageOf(rel: string): string {
  const base = path.basename(rel);
  if (/^\.env/.test(base) || base.endsWith('.env')) return 'dotenv';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.tsx?$/.test(base)) return 'typescript';
  if (/\.[cm]?jsx?$/.test(base)) return 'javascript';
  if (/\.json$/.test(base)) return 'json';
  return 'plaintext';
}
