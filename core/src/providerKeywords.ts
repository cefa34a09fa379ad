import { defaultIndex, type KeywordIndex } from './secrets/scan';
import type { SecretProvider } from './secrets/provider';
import { lineChunks, rechunk, type Change, type Chunk } from './lineChunks';

/** A text's provider keywords, kept per run of lines so that the next version rescans only the lines an edit touched. */
export interface ProviderKeywords {
  chunks: Chunk<ReadonlySet<string>>[];
  candidates: ReadonlySet<SecretProvider>;
}

function finish(index: KeywordIndex, chunks: Chunk<ReadonlySet<string>>[]): ProviderKeywords {
  const all = new Set<string>();
  for (const c of chunks) for (const k of c.value) all.add(k);
  return { chunks, candidates: index.providersOf(all) };
}

/** The providers whose keywords occur in the text (what `KeywordIndex.candidates` gives), chunked for the next version. */
export function providerKeywords(text: string, index: KeywordIndex = defaultIndex()): ProviderKeywords {
  if (!index.lineSafe) return { chunks: [], candidates: index.candidates(text) };
  return finish(index, lineChunks(text, (run) => index.keywordsIn(run)));
}

/**
 * The next version's, from the previous version's (`lineChunksAfterEdit`): keywords hold no line break, so none
 * spans two chunks, and only the lines an edit touched are scanned again.
 */
export function providerKeywordsAfterEdit(
  previous: ProviderKeywords,
  before: string,
  after: string,
  change: Change,
  index: KeywordIndex = defaultIndex(),
): ProviderKeywords {
  if (!index.lineSafe || previous.chunks.length === 0) return providerKeywords(after, index);
  const { chunks, same } = rechunk(previous.chunks, before, after, change, (run) => index.keywordsIn(run));
  // The lines searched again hold the keywords they held: the providers are those of the previous version.
  return same ? { chunks, candidates: previous.candidates } : finish(index, chunks);
}
