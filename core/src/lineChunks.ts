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
  return rechunk(previous, before, after, change, per).chunks;
}

/**
 * `lineChunksAfterEdit`, and whether the lines searched again gave what the chunks they replace held (as many
 * values, each equal: `sameValue`). Then whatever was merged from the previous chunks stands: most keystrokes
 * change no run's answer, and merging ~60 runs' values for each search was most of a derived search's cost.
 */
export function rechunk<T>(previous: readonly Chunk<T>[], before: string, after: string, change: Change, per: (run: string) => T): { chunks: Chunk<T>[]; same: boolean } {
  if (previous.length === 0 || before.length - (change.end - change.start) + change.newLength !== after.length) return { chunks: lineChunks(after, per), same: false };
  const delta = change.newLength - (change.end - change.start);
  const chunks: Chunk<T>[] = [];
  // The chunks ending at or before the edit, found by bisection (a keystroke asks for several searches, each
  // with ~60 chunks): every chunk ends in a line break but the text's last one, which is then not kept either.
  let lo = 0;
  let hi = previous.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (previous[mid].end <= change.start) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  while (i > 0 && before.charCodeAt(previous[i - 1].end - 1) !== 10) i--;
  for (let k = 0; k < i; k++) chunks.push(previous[k]);
  let j = i;
  while (j < previous.length && previous[j].start <= change.end) j++;
  const from = chunks.length > 0 ? chunks[chunks.length - 1].end : 0;
  const to = j < previous.length ? previous[j].start + delta : after.length;
  const counted = (run: string) => {
    lineChunkWork.runs++;
    return per(run);
  };
  scan(counted, after, from, to, chunks);
  let same = chunks.length - i === j - i;
  for (let k = i; same && k < j; k++) same = sameValue(previous[k].value, chunks[k].value);
  for (; j < previous.length; j++) {
    const c = previous[j];
    chunks.push({ start: c.start + delta, end: c.end + delta, value: c.value });
  }
  return { chunks, same };
}

/** Equal values of a run: the same primitive, or arrays or sets of the same primitives in the same order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => x === b[k]);
  if (a instanceof Set && b instanceof Set) {
    // In the same order too: a merge that unions the sets then gives the same set, in the same order.
    if (a.size !== b.size) return false;
    const other = b.values();
    for (const x of a) if (other.next().value !== x) return false;
    return true;
  }
  return false;
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
