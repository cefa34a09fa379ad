/**
 * What a line-local search finds in a text, kept per run of whole lines (~1 KB each), so that the next version of
 * the text searches again only the lines an edit touched. "Line-local": every match lies within one line, and
 * what decides it (a lookbehind, `\b`) reads no further than that line's own characters, so a match found in a
 * run is one in the whole text and the other way round. The provider keywords and the rules' text gates use it.
 */

/** A run of whole lines and what the search found in it. */
export interface Chunk<T> {
  start: number;
  end: number;
  value: T;
}

export type Change = { start: number; end: number; newLength: number };

const CHUNK = 1024;

/** Chunks for `text.slice(from, to)`, cut after a line break every ~1 KB. */
function scan<T>(per: (run: string) => T, text: string, from: number, to: number, into: Chunk<T>[]): void {
  let start = from;
  while (start < to) {
    const cut = text.indexOf('\n', Math.min(start + CHUNK, to) - 1);
    const end = cut === -1 || cut + 1 > to ? to : cut + 1;
    into.push({ start, end, value: per(text.slice(start, end)) });
    start = end;
  }
}

/** The text's chunks, each with `per` of its lines. */
export function lineChunks<T>(text: string, per: (run: string) => T): Chunk<T>[] {
  const chunks: Chunk<T>[] = [];
  scan(per, text, 0, text.length, chunks);
  return chunks;
}

/** Counts of the runs searched, for tests of the reuse. */
export const lineChunkWork = { runs: 0 };

/**
 * The next version's chunks from the previous version's: chunks wholly before the edit and ending in a line break
 * stay, chunks starting after a kept line break past the edit stay (shifted); the lines between are searched again.
 */
export function lineChunksAfterEdit<T>(previous: readonly Chunk<T>[], before: string, after: string, change: Change, per: (run: string) => T): Chunk<T>[] {
  if (previous.length === 0 || before.length - (change.end - change.start) + change.newLength !== after.length) return lineChunks(after, per);
  const delta = change.newLength - (change.end - change.start);
  const chunks: Chunk<T>[] = [];
  let i = 0;
  for (; i < previous.length; i++) {
    const c = previous[i];
    if (c.end > change.start || before.charCodeAt(c.end - 1) !== 10) break;
    chunks.push(c);
  }
  let j = i;
  while (j < previous.length && previous[j].start <= change.end) j++;
  const from = chunks.length > 0 ? chunks[chunks.length - 1].end : 0;
  const to = j < previous.length ? previous[j].start + delta : after.length;
  const counted = (run: string) => {
    lineChunkWork.runs++;
    return per(run);
  };
  scan(counted, after, from, to, chunks);
  for (; j < previous.length; j++) {
    const c = previous[j];
    chunks.push({ start: c.start + delta, end: c.end + delta, value: c.value });
  }
  return chunks;
}

/**
 * A line-local search that a file context keeps per version (`FileContext.lineLocal`): `per` runs on each run of
 * lines, `merge` combines the runs' values into the answer. The object's identity is its cache key.
 */
export interface LineLocalSearch<T, R> {
  per(run: string): T;
  merge(values: readonly T[]): R;
}

/** A line-local regular expression's "does it match anywhere": a text gate derived around each edit. */
export function lineLocalTest(regex: RegExp): LineLocalSearch<boolean, boolean> {
  if (regex.global || regex.sticky) throw new Error('a line-local test takes a regular expression without g or y');
  return { per: (run) => regex.test(run), merge: (values) => values.includes(true) };
}
