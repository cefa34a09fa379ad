import { shannonEntropy } from './entropy';
import { isStandIn } from './placeholder';
import type { SecretProvider } from './provider';
import { providers as allProviders } from './providers';

export interface ProviderMatch {
  provider: SecretProvider;
  /** The secret itself (the `secret` group, or the whole match). */
  secret: string;
  /** Offsets of the secret in the text. */
  start: number;
  end: number;
}

/**
 * One pass over the text for every keyword of every provider, so that a file that mentions no provider
 * costs one regular-expression scan, whatever the number of providers.
 */
class KeywordIndex {
  private readonly regex: RegExp;
  private readonly byKeyword = new Map<string, SecretProvider[]>();
  /** Each pattern compiled once more with the `d` flag, for the exact offsets of its `secret` group. */
  readonly patterns = new Map<SecretProvider, RegExp>();

  constructor(readonly providers: readonly SecretProvider[]) {
    const own = new Map<string, SecretProvider[]>();
    for (const provider of providers) {
      this.patterns.set(provider, new RegExp(provider.pattern.source, provider.pattern.flags.includes('d') ? provider.pattern.flags : `${provider.pattern.flags}d`));
      for (const keyword of provider.keywords) {
        const list = own.get(keyword) ?? [];
        list.push(provider);
        own.set(keyword, list);
      }
    }
    // A match of a longer keyword also contains every keyword inside it (`sk_live_` holds `sk_`), and the
    // alternation reports only the longest: give each keyword the providers of the keywords it contains.
    for (const [keyword, list] of own) {
      const all = new Set(list);
      for (const [other, otherList] of own) if (other !== keyword && keyword.includes(other)) for (const p of otherList) all.add(p);
      this.byKeyword.set(keyword, [...all]);
    }
    const alternatives = [...this.byKeyword.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.regex = new RegExp(alternatives.join('|'), 'gi');
  }

  candidates(text: string): Set<SecretProvider> {
    return this.providersOf(this.keywordsIn(text));
  }

  /** Every keyword that occurs in the text (lower-cased as matched). */
  keywordsIn(text: string): Set<string> {
    const seen = new Set<string>();
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(text); m !== null; m = this.regex.exec(text)) {
      seen.add(m[0].toLowerCase());
      if (seen.size === this.byKeyword.size) break;
      // Overlapping keywords (`tk-us-` ends where `-us` begins): look again from the next character.
      this.regex.lastIndex = m.index + 1;
    }
    return seen;
  }

  /** The providers whose keywords are among these. */
  providersOf(keywords: Iterable<string>): Set<SecretProvider> {
    const found = new Set<SecretProvider>();
    for (const keyword of keywords) for (const provider of this.byKeyword.get(keyword) ?? []) found.add(provider);
    return found;
  }

  /** No keyword holds a line break: keywords are found line by line, so a text's lines can be scanned apart. */
  get lineSafe(): boolean {
    return [...this.byKeyword.keys()].every((k) => !k.includes('\n') && !k.includes('\r'));
  }
}

// Built on first use: compiling every provider's pattern is start-up work a run without code never needs.
let defaultIndexCache: KeywordIndex | undefined;
export const defaultIndex = (): KeywordIndex => (defaultIndexCache ??= new KeywordIndex(allProviders));

/** True when some provider keyword occurs in the text: the cheap test the engine makes before any pattern. */
export function mayHoldProviderSecret(text: string): boolean {
  return defaultIndex().candidates(text).size > 0;
}

/** Finds every provider secret in the text, placeholders and low-entropy look-alikes left out. */
export function findProviderSecrets(text: string, index: KeywordIndex = defaultIndex(), candidates: ReadonlySet<SecretProvider> = index.candidates(text)): ProviderMatch[] {
  const matches: ProviderMatch[] = [];
  for (const provider of candidates) {
    const pattern = index.patterns.get(provider) ?? provider.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const secret = m.groups?.secret ?? m[0];
      if (secret === undefined || secret.length === 0) continue;
      const start = m.indices?.groups?.secret?.[0] ?? m.index;
      // Stand-ins only: a weak password in a URL (`root:admin@`) is still the password the app logs in with.
      if (isStandIn(secret)) continue;
      if (provider.minEntropy !== undefined && shannonEntropy(secret) < provider.minEntropy) continue;
      if (provider.validate && !provider.validate(secret)) continue;
      matches.push({ provider, secret, start, end: start + secret.length });
    }
  }
  return dedupe(matches);
}

/** Where two providers match overlapping text (a JWT inside a connection string), keep the longer, earlier one. */
function dedupe(matches: ProviderMatch[]): ProviderMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: ProviderMatch[] = [];
  for (const m of matches) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

export { KeywordIndex };
