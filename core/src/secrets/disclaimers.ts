/**
 * What the code's own comments say about a literal under a secret's name: an instruction to replace it on its
 * line (`"my-random-string" # Please generate a random string`), a comment line just above that says it is
 * no secret (dub's `// This is not actually a secret key, it's just a string that we XOR with…`), or one that
 * says the value signs sessions or tokens (Mailtrain's `# Secret for signing the session ID cookie`).
 */
const INSTRUCTED = /^["'`]?\s*[,;]?\s*(?:#|\/\/)\s*(?:please\s+)?(?:generate|replace|change|fill in|put|enter|set your|use your)\b/i;
const NOT_A_SECRET = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\bnot\s+(?:actually\s+|really\s+)?an?\s+(?:real\s+)?(?:secret|password|credential)\b/i;

const SIGNS = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\b(?:sign(?:s|ing)?|session|cookies?|jwt|csrf)\b/i;

/** True when the literal's line tells the reader to replace it, or the comment line above says it is no secret. */
export function isDisclaimed(text: string, start: number, end: number): boolean {
  if (INSTRUCTED.test(text.slice(end, end + 120))) return true;
  const previous = lineAbove(text, start);
  return previous !== undefined && NOT_A_SECRET.test(previous);
}

/**
 * True when the comment line just above says the value signs sessions, cookies or tokens: it is then used as a
 * key however it reads, a phrase included, as in a `session({ secret })` call.
 */
export function isDescribedAsSigningKey(text: string, start: number): boolean {
  const previous = lineAbove(text, start);
  return previous !== undefined && SIGNS.test(previous) && !NOT_A_SECRET.test(previous);
}

function lineAbove(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart <= 0) return undefined;
  const previous = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  return previous.length <= 400 ? previous : undefined;
}
