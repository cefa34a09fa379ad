import { countBreaks, isBlankChar, lineEndFrom, nextLineStart, trimEnd } from './chars';
import type { EnvEntry, Quote } from './scan';

/**
 * Where a value ends, as dotenv's expression decides: which quote closes it (with the regex's backtracking
 * over escaped quotes), when its blanks may span line breaks, where an inline comment starts.
 */

/** True when the rest of a line after a closing quote is what dotenv accepts there: blanks, then a comment. */
function tailAccepted(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && isBlankChar(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i >= text.length || c === 10 || c === 13 || c === 35;
}

/** The first `#` in [from, end), or -1: bounded, so a line never costs more than its own length. */
function hashIn(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 35) return i;
  return -1;
}

/**
 * Where dotenv closes a quoted value that opens at `open`: the first unescaped quote when what follows it on
 * its line is acceptable, else (dotenv's regex backtracking) the last escaped quote before it that is. The
 * search stops at the first unescaped quote, so every byte is visited once per opening quote, and openings
 * are themselves unescaped quotes: the file is read in O(n) overall.
 */
export function closingQuote(text: string, open: number, q: number): number {
  let escapes = 0;
  let i = open + 1;
  let close = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 && text.charCodeAt(i + 1) === q) {
      escapes++;
      i += 2;
      continue;
    }
    if (c === q) {
      close = i;
      break;
    }
    i++;
  }
  if (close >= 0 && tailAccepted(text, close + 1)) return close;
  if (escapes === 0) return -1;
  // Backtracking: the escaped quotes, last first, as closers (found again by the same forward walk).
  const escaped: number[] = [];
  for (let j = open + 1; j < (close >= 0 ? close : text.length); j++) {
    if (text.charCodeAt(j) === 92 && text.charCodeAt(j + 1) === q) {
      escaped.push(j + 1);
      j++;
    }
  }
  for (let k = escaped.length - 1; k >= 0; k--) if (tailAccepted(text, escaped[k] + 1)) return escaped[k];
  return -1;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** A quoted value from `open` to `close`, ending its entry on the closing quote's line. */
function setQuoted(text: string, entry: EnvEntry, open: number, close: number): void {
  entry.quote = text[open] as Quote;
  entry.valueStart = open;
  entry.valueEnd = close + 1;
  entry.rawValue = text.slice(open, close + 1);
  entry.end = lineEndFrom(text, close + 1);
  entry.endLine = entry.line + countBreaks(text, entry.contentStart, close);
  setComment(entry, text, close + 1, entry.end);
}

/** The value that follows the delimiter, as dotenv's expression finds it. */
export function readValue(text: string, entry: EnvEntry, from: number, end: number): void {
  let v = from;
  while (v < end && isBlankChar(text.charCodeAt(v))) v++;
  entry.valueStart = entry.valueEnd = v;
  if (v === end && end < text.length && entry.loaded) {
    // Nothing after the delimiter on its line: dotenv's blanks before a quoted value span line breaks, and
    // after `KEY:` the required blank may be the line break itself.
    let p = end;
    while (p < text.length && (isBlankChar(text.charCodeAt(p)) || text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p++;
    const close = isQuote(text.charCodeAt(p)) ? closingQuote(text, p, text.charCodeAt(p)) : -1;
    if (close >= 0) return setQuoted(text, entry, p, close);
    if (entry.delimiter === ':' && text.charCodeAt(entry.delimiterStart + 1) !== 32 && text.charCodeAt(entry.delimiterStart + 1) !== 9) {
      const next = nextLineStart(text, end);
      const nextEnd = lineEndFrom(text, next);
      const hash = hashIn(text, next, nextEnd);
      const stop = hash >= 0 ? hash : nextEnd;
      let s = next;
      while (s < stop && isBlankChar(text.charCodeAt(s))) s++;
      if (s === stop) return;
      entry.valueStart = s;
      entry.valueEnd = trimEnd(text, s, stop);
      entry.rawValue = text.slice(s, entry.valueEnd);
      entry.end = nextEnd;
      entry.endLine = entry.line + countBreaks(text, entry.contentStart, next);
      setComment(entry, text, stop, nextEnd);
    }
    return;
  }
  const q = text.charCodeAt(v);
  if (isQuote(q)) {
    const close = closingQuote(text, v, q);
    // A line dotenv does not read never swallows the lines after it: its quote ends on its own line or not at all.
    if (close >= 0 && (entry.loaded || close < end)) return setQuoted(text, entry, v, close);
  }
  // Unquoted (or an unclosed quote): dotenv reads up to the first `#` of the line.
  const hash = hashIn(text, v, end);
  const stop = hash >= 0 ? hash : end;
  entry.valueEnd = trimEnd(text, v, stop);
  entry.rawValue = text.slice(v, entry.valueEnd);
  entry.end = end;
  setComment(entry, text, stop, end);
}

/**
 * A line holding only a key, with `=` at the start of a later line after nothing but blank lines: dotenv's
 * expression lets the blanks before `=` span line breaks, so `KEY` / `=value` is one entry. Otherwise the
 * line is a key without value. Looks ahead over blank lines only, so the scan stays linear.
 */
export function joinLaterEquals(text: string, alone: EnvEntry): EnvEntry {
  let pos = alone.end;
  let l = alone.line;
  while (pos < text.length) {
    const next = nextLineStart(text, pos);
    l++;
    let i = next;
    while (i < text.length && isBlankChar(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 61) {
      const joined: EnvEntry = { ...alone, keyAlone: false, delimiter: '=', delimiterStart: i, loaded: true, endLine: l };
      readValue(text, joined, i + 1, lineEndFrom(text, i));
      return joined;
    }
    if (i < text.length && c !== 10 && c !== 13) break;
    pos = i;
  }
  return alone;
}

function setComment(entry: EnvEntry, text: string, from: number, end: number): void {
  const hash = hashIn(text, from, end);
  if (hash >= 0) entry.comment = { start: hash, end };
}
