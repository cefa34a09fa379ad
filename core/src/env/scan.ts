import { isBlankChar, lineEndFrom, nextLineStart, trimEnd } from './chars';
import { joinLaterEquals, readValue } from './scan-value';

/**
 * A `.env` file read line by line for positions. What a value *is* comes from dotenv itself (`valueOf`);
 * this scanner only says where keys, delimiters, values and comments sit, and follows dotenv's rules for
 * which quote closes a value so the two agree on where an entry ends. One pass, O(n), never throws.
 */

export type Quote = '"' | "'" | '`';

/** One physical line of the file, classified. `inside` lines belong to a multi-line value. */
export type LineKind = 'blank' | 'comment' | 'entry' | 'inside';
const KINDS: readonly LineKind[] = ['blank', 'comment', 'entry', 'inside'];
/** Codes of `EnvDocument.lineKinds`. */
export const LINE = { blank: 0, comment: 1, entry: 2, inside: 3 } as const;

export interface EnvEntry {
  /** 0-based physical line where the entry starts, and where its value ends. */
  line: number;
  endLine: number;
  /** Offset of the line's start (after a BOM), of the first non-blank character, and of the entry's end. */
  lineStart: number;
  contentStart: number;
  end: number;
  exported: boolean;
  /** The key as written (trimmed); for a line with no delimiter, the whole line before any comment. */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** `=`, dotenv's `KEY: value` form, or none (a key without value). */
  delimiter?: '=' | ':';
  delimiterStart: number;
  /** The value as written, without surrounding blanks and without the inline comment; quotes included. */
  rawValue: string;
  valueStart: number;
  valueEnd: number;
  /** Set when the value is a closed quoted string. */
  quote?: Quote;
  comment?: { start: number; end: number };
  /** Whether dotenv reads this line at all: its key matches `[\w.-]+` and a delimiter follows. */
  loaded: boolean;
  /** A line of one dotenv key and nothing else (which a later `=` line may complete). */
  keyAlone?: boolean;
}

export interface EnvDocument {
  text: string;
  bom: boolean;
  /**
   * Physical lines: where each starts, where its content ends, and what it is (a `LINE` code). Typed arrays,
   * longer than `lineCount`: a 5 MB file of blank lines has five million of them.
   */
  lineCount: number;
  lineStarts: Int32Array;
  lineEnds: Int32Array;
  lineKinds: Uint8Array;
  entries: EnvEntry[];
  /** The line break the file uses, for inserted lines. */
  eol: string;
}

/** What a physical line is, by name. */
export function lineKind(doc: EnvDocument, line: number): LineKind {
  return KINDS[doc.lineKinds[line]];
}

const DOTENV_KEY = /[\w.-]+/y;
const EXPORT = /export[ \t]+(?=[\w.-])/y;

export function scanEnv(text: string): EnvDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const initial = 256;
  const doc: EnvDocument = {
    text, bom, lineCount: 0, lineStarts: new Int32Array(initial), lineEnds: new Int32Array(initial), lineKinds: new Uint8Array(initial),
    entries: [], eol: eolOf(text),
  };
  const addLine = (start: number, end: number, kind: number) => {
    const n = doc.lineCount;
    if (n === doc.lineStarts.length) grow(doc);
    doc.lineStarts[n] = start;
    doc.lineEnds[n] = end;
    doc.lineKinds[n] = kind;
    doc.lineCount = n + 1;
  };
  let pos = bom ? 1 : 0;
  for (;;) {
    const line = doc.lineCount;
    const end = lineEndFrom(text, pos);
    let first = pos;
    while (first < end && isBlankChar(text.charCodeAt(first))) first++;
    let last = end;
    if (first === end) addLine(pos, end, LINE.blank);
    else if (text.charCodeAt(first) === 35) addLine(pos, end, LINE.comment);
    else {
      addLine(pos, end, LINE.entry);
      let entry = scanEntry(text, line, pos, first, end);
      if (entry.keyAlone) entry = joinLaterEquals(text, entry);
      doc.entries.push(entry);
      // A multi-line value: its inner lines are recorded as such and the scan resumes after it.
      while (last < entry.end && entry.endLine > line) {
        const start = nextLineStart(text, last);
        last = lineEndFrom(text, start);
        addLine(start, last, LINE.inside);
      }
    }
    if (last >= text.length) break;
    pos = nextLineStart(text, last);
  }
  return doc;
}

function grow(doc: EnvDocument): void {
  const size = doc.lineStarts.length * 2;
  const starts = new Int32Array(size);
  starts.set(doc.lineStarts);
  const ends = new Int32Array(size);
  ends.set(doc.lineEnds);
  const kinds = new Uint8Array(size);
  kinds.set(doc.lineKinds);
  doc.lineStarts = starts;
  doc.lineEnds = ends;
  doc.lineKinds = kinds;
}

function scanEntry(text: string, line: number, lineStart: number, first: number, end: number): EnvEntry {
  let keyStart = first;
  let exported = false;
  // `export` is a prefix only before a key; `export=1` and `export =1` set a variable named export.
  EXPORT.lastIndex = first;
  if (EXPORT.test(text)) {
    exported = true;
    keyStart = EXPORT.lastIndex;
  }
  // Every property set here, in one order: entries share one shape, which keeps a million of them cheap.
  const entry: EnvEntry = {
    line, endLine: line, lineStart, contentStart: first, end, exported, key: '', keyStart, keyEnd: keyStart, delimiter: undefined,
    delimiterStart: -1, rawValue: '', valueStart: end, valueEnd: end, quote: undefined, comment: undefined, loaded: false, keyAlone: false,
  };
  DOTENV_KEY.lastIndex = keyStart;
  const dotenvKeyEnd = DOTENV_KEY.test(text) ? DOTENV_KEY.lastIndex : -1;
  let delimiter = -1;
  if (dotenvKeyEnd >= 0) {
    let i = dotenvKeyEnd;
    const after = text.charCodeAt(i + 1);
    // dotenv's `KEY: value`: the colon needs a blank or a line break after it.
    if (text.charCodeAt(i) === 58 && (isBlankChar(after) || after === 10 || after === 13)) {
      delimiter = i;
      entry.delimiter = ':';
    } else {
      while (i < end && isBlankChar(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 61) {
        delimiter = i;
        entry.delimiter = '=';
      }
    }
    entry.loaded = delimiter >= 0;
  }
  if (delimiter < 0) {
    for (let i = keyStart; i < end; i++) {
      if (text.charCodeAt(i) === 61) {
        delimiter = i;
        entry.delimiter = '=';
        break;
      }
    }
  }
  if (delimiter < 0) {
    // No delimiter: the key is the line up to a comment (`#` after a blank).
    let stop = end;
    for (let i = keyStart + 1; i < end; i++) {
      if (text.charCodeAt(i) === 35 && isBlankChar(text.charCodeAt(i - 1))) {
        stop = i;
        break;
      }
    }
    entry.keyEnd = trimEnd(text, keyStart, stop);
    entry.key = text.slice(keyStart, entry.keyEnd);
    entry.valueStart = entry.valueEnd = entry.keyEnd;
    entry.keyAlone = dotenvKeyEnd === entry.keyEnd && stop === end;
    return entry;
  }
  entry.delimiterStart = delimiter;
  entry.keyEnd = trimEnd(text, keyStart, delimiter);
  entry.key = text.slice(keyStart, entry.keyEnd);
  readValue(text, entry, delimiter + 1, end);
  return entry;
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}
