import type { MoveToEnvFix } from '../../fixes/types';

/** What a language's reader hands the secret rule (its `Candidate`): where a secret sits and how the fix moves it. */
export interface LanguageSecretCandidate {
  messageId: 'named' | 'fallback' | 'sink';
  name: string;
  value: string;
  start: number;
  end: number;
  fix?: MoveToEnvFix;
  /**
   * A second signal besides the name, known where the candidate was found (an SQL statement creating a login,
   * the `defaults:` of a shipped configuration, a Flask app's `secret_key`): a named finding that keeps the
   * rule's severity. Without one, secrets/evidence.ts decides.
   */
  backed?: boolean;
}

/** The same literal reached twice (a binding and a keyed element or dict entry, a sink's argument): once. */
export function oncePerRange<T extends { start: number; end: number }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The name of an entry kept in the user's session (`_NEW_TOKEN_SESSION_KEY = '_app_new_refresh_token'`,
 * `twoFaSessionKey = "2fa_init_"`): a session key spelled as lower-case words is where a value is stored, not a
 * secret. A random-looking value under the same name is still judged.
 */
export function isSessionEntryName(name: string, value: string): boolean {
  return /session_?key$/i.test(name) && /^_?[a-z0-9]+(?:[_:.-][a-z0-9]*)+$/.test(value) && /[a-z]{3}/.test(value);
}

/**
 * A request rate (`'5/min'`, `"1000/hour"`): a throttle setting named after what it limits
 * (`TOKEN_THROTTLE_RATE`), never a secret.
 */
export function isRate(value: string): boolean {
  return /^\d+\s*\/\s*(?:s|sec|second|m|min|minute|h|hr|hour|d|day)s?$/i.test(value.trim());
}
