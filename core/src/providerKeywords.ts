import { defaultIndex, type KeywordIndex } from './secrets/scan';
import type { SecretProvider } from './secrets/provider';

/** A run of whole lines of a text and the provider keywords in it. */
interface Chunk {
  start: number;
  end: number;
  keywords: ReadonlySet<string>;
}

/** A text's provider keywords, kept per run of lines so that the next version rescans only the lines an edit touched. */
export interface ProviderKeywords {
  chunks: Chunk[];
  candidates: ReadonlySet<SecretProvider>;
}

const CHUNK = 1024;

/** Chunks for `text.slice(from, to)`, cut after a line break every ~1 KB. */
function scan(index: KeywordIndex, text: string, from: number, to: number, into: Chunk[]): void {
  let start = from;
  while (start < to) {
    const cut = text.indexOf('\n', Math.min(start + CHUNK, to) - 1);
    const end = cut === -1 || cut + 1 > to ? to : cut + 1;
    into.push({ start, end, keywords: index.keywordsIn(text.slice(start, end)) });
    start = end;
  }
}

function finish(index: KeywordIndex, chunks: Chunk[]): ProviderKeywords {
  const all = new Set<string>();
  for (const c of chunks) for (const k of c.keywords) all.add(k);
  return { chunks, candidates: index.providersOf(all) };
}

/** The providers whose keywords occur in the text (what `KeywordIndex.candidates` gives), chunked for the next version. */
export function providerKeywords(text: string, index: KeywordIndex = defaultIndex()): ProviderKeywords {
  if (!index.lineSafe) return { chunks: [], candidates: index.candidates(text) };
  const chunks: Chunk[] = [];
  scan(index, text, 0, text.length, chunks);
  return finish(index, chunks);
}

/**
 * The next version's, from the previous version's: chunks wholly before the edit and ending in a line break stay,
 * chunks starting after a kept line break past the edit stay (shifted); the lines between are scanned again.
 * Keywords hold no line break, so none spans two chunks.
 */
export function providerKeywordsAfterEdit(
  previous: ProviderKeywords,
  before: string,
  after: string,
  change: { start: number; end: number; newLength: number },
  index: KeywordIndex = defaultIndex(),
): ProviderKeywords {
  if (!index.lineSafe || previous.chunks.length === 0 || before.length - (change.end - change.start) + change.newLength !== after.length) return providerKeywords(after, index);
  const delta = change.newLength - (change.end - change.start);
  const chunks: Chunk[] = [];
  let i = 0;
  for (; i < previous.chunks.length; i++) {
    const c = previous.chunks[i];
    if (c.end > change.start || before.charCodeAt(c.end - 1) !== 10) break;
    chunks.push(c);
  }
  let j = i;
  while (j < previous.chunks.length && previous.chunks[j].start <= change.end) j++;
  const from = chunks.length > 0 ? chunks[chunks.length - 1].end : 0;
  const to = j < previous.chunks.length ? previous.chunks[j].start + delta : after.length;
  scan(index, after, from, to, chunks);
  for (; j < previous.chunks.length; j++) {
    const c = previous.chunks[j];
    chunks.push({ start: c.start + delta, end: c.end + delta, keywords: c.keywords });
  }
  return finish(index, chunks);
}
