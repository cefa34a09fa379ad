/**
 * Shared pieces for the provider patterns: the assignment shape of context rules, case variants of
 * identifier words, small validators, and the generator the true/false-positive examples are built with.
 *
 * Examples are generated at load time from a seeded generator, never written out: a complete key
 * literal in the source would trip the push protection of whoever hosts this repository (and of the
 * repositories that vendor it), and a checked-in "random" value would be copied into fixtures forever.
 */

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const ALNUM = UPPER + LOWER + DIGITS;
export const LOWER_ALNUM = LOWER + DIGITS;
export const UPPER_ALNUM = UPPER + DIGITS;
export const LETTERS = UPPER + LOWER;
export const B64 = ALNUM + '+/';
export const B64URL = ALNUM + '-_';
export const BASE32 = UPPER + '234567';

/**
 * A deterministic random-looking string: `length` characters of `alphabet`, seeded by `seed` (FNV-1a
 * into mulberry32). Deterministic so that a failing example fails the same way on every run.
 */
export function rnd(alphabet: string, length: number, seed: string): string {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

/** A random UUID-shaped value (lower-case hex), for formats that are UUIDs. */
export function uuid(seed: string): string {
  const h = rnd(HEX, 32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** `twilio`, `Twilio`, `TWILIO`: the casings an identifier word takes, so value classes can stay case-sensitive. */
export function word(w: string): string {
  const cap = w[0].toUpperCase() + w.slice(1);
  return `(?:${w}|${cap}|${w.toUpperCase()})`;
}

/** Any of several words, each in its three casings. */
export function words(...ws: string[]): string {
  return `(?:${ws.map(word).join('|')})`;
}

/**
 * Between an identifier and its value: the rest of the identifier (`_AUTH_TOKEN`), an optional closing
 * quote and `]` (`os.environ["X"] = …`), then `=`, `:`, `:=`, `=>`, `,` (a `setdefault("X", "v")` call),
 * `(` (a constructor call) or `value=` (.NET `<add key="X" value="…"/>`), and an optional opening quote.
 * Bounded everywhere, so it cannot backtrack badly.
 */
export const ASSIGN = `[\\w.-]{0,30}['"\`]?\\]?\\s{0,4}(?:=>|:=|=|:|,|\\(|[Vv]alue\\s{0,2}=)\\s{0,4}['"\`]?`;

/**
 * A context rule in the manner of gitleaks' semi-generic rules: an identifier containing `name`, an
 * assignment, then a value of the given shape, which becomes the `secret` group. `end` guards the
 * value's right edge so a longer run of the same characters is not cut into a match.
 */
export function assigned(name: string, value: string, end = '(?![\\w-])'): RegExp {
  return new RegExp(`${name}${ASSIGN}(?<secret>${value})${end}`, 'g');
}

/** True when the value mixes letters and digits, as generated keys nearly always do (identifiers rarely do). */
export function lettersAndDigits(s: string): boolean {
  return /[A-Za-z]/.test(s) && /\d/.test(s);
}

/** True when the value has upper-case, lower-case letters and digits. */
export function mixedCase(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);
}

/**
 * False for the hand-typed stand-ins people put where a key goes: keyboard runs, counting runs and long
 * runs of one character (`0123456789abcdef…`, `qwerty…`, `aaaaaa`), whose entropy alone can look random.
 */
export function notSequential(s: string): boolean {
  if (/0123456|1234567|2345678|3456789|abcdefg|bcdefgh|qwerty|asdfgh|zxcvbn|(.)\1{5}/i.test(s)) return false;
  // `abc123def456ghi789…`: in a random string about one adjacent pair in 60 is ascending (`a`→`b`,
  // `4`→`5`); in these hand-made fillers most are.
  let ascending = 0;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1) + 1) ascending++;
  return ascending <= (s.length - 1) / 4;
}

/** The default check for generated keys: letters and digits, no typed-in sequence. */
export function plausible(s: string): boolean {
  return lettersAndDigits(s) && notSequential(s);
}
