/**
 * A fix as the rule describes it: what to replace in the file and what to put in `.env`. The rule knows the
 * file; planning the edits to `.env`, `.gitignore` and `.env.example` needs their contents, which the
 * caller (server or CLI) reads and hands to `planMoveToEnv`.
 */
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
}

export type FixDescriptor = MoveToEnvFix;
