import type { MoveToEnvFix } from '../../fixes/types';

/** What a language's reader hands the secret rule (its `Candidate`): where a secret sits and how the fix moves it. */
export interface LanguageSecretCandidate {
  messageId: 'named' | 'fallback' | 'sink';
  name: string;
  value: string;
  start: number;
  end: number;
  fix?: MoveToEnvFix;
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
