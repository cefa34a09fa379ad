/**
 * Fixes as rules describe them: plain offsets and text, never applied by the rule. The quick fix, fix-all
 * and `cli --fix` all turn them into edits through `planFixes`, so the three never disagree.
 */

/** Moves a secret out of the file: replaces it, and appends `NAME=value` to `.env` (planned with `.env`'s contents). */
export interface MoveToEnvFix {
  kind: 'move-to-env';
  /** Offsets of the text the replacement takes the place of. */
  start: number;
  end: number;
  /** The replacement for a given variable name (the name may change to stay unique). */
  replacement: (name: string) => string;
  /** Suggested variable name, e.g. `STRIPE_SECRET_KEY`. */
  name: string;
  /** The value to write to `.env`. */
  value: string;
  /**
   * The code already reads `name` (the fix drops the default of `process.env.NAME || '…'`): the name cannot
   * change. When `.env` already sets it, nothing is appended (never overwritten, never a `NAME_2` nobody reads).
   */
  fixedName?: boolean;
  /**
   * Text the new code needs elsewhere in the file (Python's `import os`): applied once however many fixes ask. With
   * `end`, it replaces `[at, end)` (Go's only `import "fmt"` becomes a block holding `"os"` too).
   */
  prelude?: { at: number; end?: number; text: string };
}

import type { Declarations } from './declare';

/** Edits inside the file itself (switch a transport to the console, add a session store…). */
export interface EditFix {
  kind: 'edit';
  /** Stable id, e.g. `log-to-stdout`, `session-store-redis`. */
  id: string;
  title: string;
  edits: Array<{ start: number; end: number; text: string }>;
  /**
   * Whether fix-all (`source.fixAll.twelveFactor`, `cli --fix`) applies it. Only an unambiguous fix is
   * preferred: where the user must choose (Redis or Postgres), fix-all leaves the finding alone.
   */
  preferred: boolean;
  /** What the new code needs declared beside it (packages in package.json, variables in `.env.example`/schema). */
  declares?: Declarations;
}

export type FixDescriptor = MoveToEnvFix | EditFix;

/** A fix's stable id: an edit's own, `move-to-env` for a secret's move. */
export function fixIdOf(fix: FixDescriptor): string {
  return fix.kind === 'move-to-env' ? 'move-to-env' : fix.id;
}

export function isPreferred(fix: FixDescriptor): boolean {
  return fix.kind === 'move-to-env' || fix.preferred;
}
