import { RE2JS } from 're2js';

/**
 * Regular expressions that come from the workspace (`.twelve-factor.yaml` allowlists, `.env.schema.yaml`
 * `pattern`s) are attacker-controlled input: a repository can ship `(.+)+#$`, and JavaScript's backtracking
 * engine would spend exponential time on it, freezing the language server for every file. They run on RE2
 * (the pure-JS `re2js` port), whose matching time is linear in the input, and the input and the pattern are
 * both bounded, so the work per test has a fixed ceiling. Our own patterns stay on `RegExp`.
 */

/** Longer patterns are refused: RE2's compiled program grows with the pattern, and no real allowlist needs more. */
export const MAX_USER_PATTERN_SOURCE = 1000;
/** Longer inputs are not matched at all (the caller decides what "not judged" means for it). */
export const MAX_USER_PATTERN_INPUT = 10_000;

export interface UserPattern {
  /** The pattern as the user wrote it, for messages. */
  readonly source: string;
  /**
   * Whether the pattern occurs anywhere in `text` (like `RegExp.prototype.test`), or `undefined` when the
   * text is longer than {@link MAX_USER_PATTERN_INPUT} and was not looked at.
   */
  test(text: string): boolean | undefined;
}

/** Counts pattern tests, so tests can bound the work a scan does without measuring time. */
export const userPatternStats = { tests: 0 };

/** Compiles a user's pattern, or says in one line why it cannot run (syntax RE2 lacks, such as lookaround or backreferences). */
export function compileUserPattern(source: string): { pattern: UserPattern } | { error: string } {
  if (source.length > MAX_USER_PATTERN_SOURCE) return { error: `longer than ${MAX_USER_PATTERN_SOURCE} characters` };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `${message.split('\n')[0].replace(/^error parsing regexp: /, '')} (patterns run on RE2: no lookaround or backreferences)` };
  }
  return {
    pattern: {
      source,
      test(text: string): boolean | undefined {
        if (text.length > MAX_USER_PATTERN_INPUT) return undefined;
        userPatternStats.tests++;
        return compiled.matcher(text).find();
      },
    },
  };
}
