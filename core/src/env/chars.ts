/** Character tests and line arithmetic shared by the .env scanner's parts: no allocation, no regex. */

export function isBlankChar(c: number): boolean {
  // Spaces, tabs and the other non-breaking blanks JavaScript's `\s` knows, but never a line break.
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Offset of the end of the line that `pos` is on (before `\r` or `\n`). */
export function lineEndFrom(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Offset of the start of the next line after a line ending at `end`. */
export function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isBlankChar(text.charCodeAt(e - 1))) e--;
  return e;
}

export function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
