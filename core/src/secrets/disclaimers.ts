import { isPlaceholder } from './placeholder';

/**
 * What the code's own comments say about a literal under a secret's name: an instruction to replace it on its
 * line (`"my-random-string" # Please generate a random string`) or a word that calls it made up
 * (`// dummy secret`, `# fake key`) or an example's (`// password for the example auth url`); a comment line
 * just above that says it is no secret (dub's `// This is not actually a secret key, it's just a string that we
 * XOR with…`) or shows it is made from a placeholder word
 * (`# echo -n 'secret-key' | sha256sum | base64`); or one that says the value signs sessions or tokens
 * (Mailtrain's `# Secret for signing the session ID cookie`).
 */
const INSTRUCTED = /^["'`]?\s*[,;]?\s*(?:#|\/\/)\s*(?:please\s+)?(?:generate|replace|change|fill in|put|enter|set your|use your)\b/i;
// The comment ending the value's line calls it made up: `secret: "whsec_…", // dummy secret`, `# fake key`.
const CALLED_FAKE = /^["'`]?[\s,;)}\]]*(?:#|\/\/)\s*(?:(?:just\s+)?an?\s+)?(?:dummy|fake|made[- ]up|not\s+(?:a\s+)?real)\b/i;
// The comment above shows the command that made the value from a word: `# echo -n 'secret-key' | sha256sum | base64`.
const MADE_FROM = /^\s*(?:#|\/\/)\s*(?:\$\s*)?(?:echo|printf)\s+(?:-[neE]+\s+)?(["'])([^"'\n]{1,64})\1\s*\|/;
// The comment ending the value's line calls it an example's: `pass: 'test' // password for the static example auth
// url`, `# sample password`. A domain (`example.com`) is no such word.
const CALLED_EXAMPLE = /^["'`]?[\s,;)}\]]*(?:#|\/\/)[^\n]*?\b(?:example|sample)\b(?![.-]\w)/i;
const NOT_A_SECRET = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\bnot\s+(?:actually\s+|really\s+)?an?\s+(?:real\s+)?(?:secret|password|credential)\b/i;

const SIGNS = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\b(?:sign(?:s|ing)?|session|cookies?|jwt|csrf)\b/i;

/**
 * True when the literal's line tells the reader to replace it or calls it made up (`// dummy secret`), or the
 * comment line above says it is no secret.
 */
export function isDisclaimed(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 120);
  if (INSTRUCTED.test(after) || CALLED_FAKE.test(after) || CALLED_EXAMPLE.test(firstLine(after))) return true;
  const previous = lineAbove(text, start);
  return previous !== undefined && (NOT_A_SECRET.test(previous) || madeFromPlaceholder(previous));
}

/**
 * The comment above shows the value is made from a placeholder (`# echo -n 'secret-key' | sha256sum | base64`
 * above a Kubernetes Secret's key): whatever the hash or the encoding looks like, whoever reads the comment
 * has the secret, and it is the word `secret-key`, a sample to replace.
 */
function madeFromPlaceholder(comment: string): boolean {
  const word = MADE_FROM.exec(comment)?.[2];
  return word !== undefined && isPlaceholder(word);
}

/**
 * True when the comment line just above says the value signs sessions, cookies or tokens: it is then used as a
 * key however it reads, a phrase included, as in a `session({ secret })` call.
 */
export function isDescribedAsSigningKey(text: string, start: number): boolean {
  const previous = lineAbove(text, start);
  return previous !== undefined && SIGNS.test(previous) && !NOT_A_SECRET.test(previous);
}

// The comment line above says the value is not for production: `# Do not use this value in production!!`,
// `// never use this key in production`.
const NOT_FOR_PRODUCTION = /^\s*(?:\/\/|#|\/?\*+)[^\n]*\b(?:do\s+not|don'?t|never)\s+use\b[^\n]*\bin\s+production\b/i;

/**
 * True when the comment line just above says the value is not for production (gramps-web-api's dev container:
 * `# Do not use this value in production!!`). Asked only in places that show a set-up (a dev container, an example):
 * there the comment says the value is the sample's; in configuration that runs, it would be a warning unheeded.
 */
export function isMarkedNotForProduction(text: string, start: number): boolean {
  const previous = lineAbove(text, start);
  return previous !== undefined && NOT_FOR_PRODUCTION.test(previous);
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function lineAbove(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart <= 0) return undefined;
  const previous = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  return previous.length <= 400 ? previous : undefined;
}
