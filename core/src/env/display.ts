import { words } from '../secrets/names';
import { redact } from '../secrets/redact';
import { findProviderSecrets } from '../secrets/scan';
import { looksRandom } from '../secrets/value';

/**
 * How keys and values of `.env` files may appear in messages, finding data, fix titles and hovers. A "key"
 * is whatever the scanner found before the delimiter, and in a hurried file that is often a pasted token
 * (`ghp_…` on a line of its own, `STRIPE_KEY sk_live_…`): every message that names a key shows it through
 * `shownKey`, and every value through `shownValue`, so no report, log or SARIF file carries a secret whole.
 */

/** Keys up to this length are shown when nothing in them looks secret; longer ones only when they read as words. */
const SHORT_KEY = 24;
const LONG_NAME = 64;
/** A word of a name: letters with a version number at most (`http2`, `oauth2`, `v1`), or a plain number. */
const NAME_WORD = /^(?:[a-z]{1,16}\d{0,4}|\d{1,8})$/;
/** Where a token ends inside a larger text: blanks, quotes, brackets and URL or JSON punctuation. */
const TOKEN_BREAK = /[\s"'`,;:{}[\]()<>?&@#=/\\|]+/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const SNAKE_NAME = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;

/** True when the text is or holds something that looks like a credential: a provider's format or a random token. */
export function looksSecret(text: string): boolean {
  if (text.length < 8) return false;
  if (looksRandom(text) || findProviderSecrets(text).length > 0) return true;
  // A token inside a larger text (a JSON value, a URL's query); split only when there is something to split.
  return TOKEN_BREAK.test(text) && text.split(TOKEN_BREAK).some((piece) => piece.length >= 16 && looksRandom(piece));
}

/** True when a key can be shown as written: it reads as a name, not as a token. */
export function isShownInFull(key: string): boolean {
  if (key.length > LONG_NAME) return false;
  // A long key is a name only in the characters of names; a short one may hold a blank or a symbol (IncorrectDelimiter's business).
  if (key.length > SHORT_KEY && !/^[\w.-]+$/.test(key)) return false;
  if (!words(key).every((w) => NAME_WORD.test(w))) return false;
  // Words joined by `_` in one case (`HD_MEDIA_BACKEND_S3_ACCESS_KEY`) are a name however long: entropy
  // would call it random, so only a provider's format (a key pasted as a key) hides it.
  if (SNAKE_NAME.test(key)) return findProviderSecrets(key).length === 0;
  return !looksSecret(key);
}

/**
 * The key as messages show it: as written when it reads as a name; a name followed by a pasted value
 * (`STRIPE_KEY sk_live_…`, `TOKEN:abc…`) keeps the name and redacts the rest; anything else is redacted whole.
 */
export function shownKey(key: string): string {
  if (isShownInFull(key)) return key;
  const split = /^([A-Za-z_][\w.-]*)([\s:]+)(?=\S)/.exec(key);
  if (split && isShownInFull(split[1])) return `${split[1]}${split[2].includes(':') ? ':' : ' '}${redact(key.slice(split[0].length))}`;
  return redact(key);
}

/**
 * A URL-ish value with its credentials hidden: everything between `://` and the last `@` (a password may
 * hold `/`, `#` or `@`, so neither the first `@` nor the authority's end can be trusted). Without an `@`, a
 * colon that is not a port's (`postgres://app:Zq8x`, what dotenv leaves of a password cut at `#`) hides the
 * authority. A value without a scheme but with `user:password@` loses the part before its last `@`.
 */
export function hideUserinfo(value: string): string {
  const scheme = SCHEME.exec(value)?.[0];
  if (scheme === undefined) {
    const at = value.lastIndexOf('@');
    return at > 0 && /^[^\s@]*:/.test(value) && value.indexOf(':') < at ? `…@${value.slice(at + 1)}` : value;
  }
  const rest = value.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  if (at >= 0) return `${scheme}…@${rest.slice(at + 1)}`;
  const authority = /^[^/?#]*/.exec(rest)?.[0] ?? '';
  // An IPv6 host holds colons of its own: `http://[::1]:8080`.
  const unbracketed = authority.replace(/\[[^\]]*\]/g, '');
  return /:(?!\d*$)/.test(unbracketed) ? `${scheme}…${rest.slice(authority.length)}` : value;
}

export interface ShownValue {
  text: string;
  /** The value is not shown at all, only its first characters and length. */
  cloaked: boolean;
}

/**
 * A value as a message or hover shows it: redacted whole when `sensitive` (the schema says secret, or the
 * name says credential) or when it looks like a secret; otherwise with any URL credentials hidden, on one
 * line, cut to `max` characters.
 */
export function shownValue(value: string, sensitive: boolean, max = 40): ShownValue {
  const visible = hideUserinfo(value);
  if (sensitive || looksSecret(visible)) return { text: redact(value), cloaked: true };
  const oneLine = visible.replace(/[\r\n]+/g, '⏎');
  return { text: oneLine.length > max ? `${oneLine.slice(0, max - 3)}…` : oneLine, cloaked: false };
}
