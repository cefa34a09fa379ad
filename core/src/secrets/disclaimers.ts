/**
 * What the code's own comments say about a literal under a secret's name: an instruction to replace it on its
 * line (`"my-random-string" # Please generate a random string`), or a comment line just above that says it is
 * no secret (dub's `// This is not actually a secret key, it's just a string that we XOR with…`).
 */
const INSTRUCTED = /^["'`]?\s*[,;]?\s*(?:#|\/\/)\s*(?:please\s+)?(?:generate|replace|change|fill in|put|enter|set your|use your)\b/i;
const NOT_A_SECRET = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\bnot\s+(?:actually\s+|really\s+)?an?\s+(?:real\s+)?(?:secret|password|credential)\b/i;

/** True when the literal's line tells the reader to replace it, or the comment line above says it is no secret. */
export function isDisclaimed(text: string, start: number, end: number): boolean {
  if (INSTRUCTED.test(text.slice(end, end + 120))) return true;
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart <= 0) return false;
  const previous = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  return previous.length <= 400 && NOT_A_SECRET.test(previous);
}
