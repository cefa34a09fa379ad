let gatesOff = 0;

/**
 * Whether the text pre-filters apply: a rule's `keywords` and `gate` before its `check`, a program rule's
 * `summaryKeywords` and `summaryGate` before its `summarize`. Always, except inside `withoutTextGates`.
 */
export function textGatesOn(): boolean {
  return gatesOff === 0;
}

/**
 * Runs `fn` on the full path: every rule checks, and every program rule summarises, every file of its kinds,
 * as if each pre-filter had let the file in. Tests compare it with the gated path: a pre-filter only saves work
 * (a syntax tree, a walk), so both must give the same findings and summaries (test/unit/text-gates.test.ts).
 */
export function withoutTextGates<T>(fn: () => T): T {
  gatesOff++;
  try {
    return fn();
  } finally {
    gatesOff--;
  }
}

/** What the gate reads of a rule (a check rule, a program rule's summary). */
export interface KeywordSource {
  meta: { keywords: readonly string[]; summaryKeywords?: readonly string[] };
}

/**
 * Which rules' keywords occur in a text, in one pass of one regular expression over it, instead of one
 * `includes` per keyword per rule (25 rules read the same text). Built once per rule list: the keywords the
 * engine tests before a rule's `check` and those the program index tests before its `summarize`.
 */
export class KeywordGate {
  readonly keywords: ReadonlySet<string>;
  private readonly regex: RegExp | undefined;
  /** Each keyword's shorter keywords that start it (`serve` of `server`): found where the longer one is. */
  private readonly prefixes = new Map<string, string[]>();
  /** The longest keyword's length: an edit changes only the occurrences within this distance of it. */
  readonly reach: number;

  constructor(rules: readonly KeywordSource[]) {
    const keywords = [...new Set(rules.flatMap((r) => [...r.meta.keywords, ...(r.meta.summaryKeywords ?? [])]))].sort((a, b) => b.length - a.length);
    this.keywords = new Set(keywords);
    this.reach = keywords[0]?.length ?? 0;
    for (const k of keywords) this.prefixes.set(k, keywords.filter((p) => p.length < k.length && k.startsWith(p)));
    this.regex = keywords.length > 0 ? new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  }

  /** How often each keyword occurs wholly inside `lower.slice(from, to)` (lower-cased text); overlapping ones too. */
  count(lower: string, from = 0, to = lower.length, into = new Map<string, number>(), sign = 1): Map<string, number> {
    if (!this.regex || to <= from) return into;
    const text = from === 0 && to === lower.length ? lower : lower.slice(from, to);
    const regex = this.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      // The alternation is longest first: at one place it matches the longest keyword, and the shorter ones
      // that start there are its prefixes.
      into.set(m[0], (into.get(m[0]) ?? 0) + sign);
      for (const p of this.prefixes.get(m[0]) ?? []) into.set(p, (into.get(p) ?? 0) + sign);
      // Overlapping keywords (`listen` inside `.listen(`): look again from the next character.
      regex.lastIndex = m.index + 1;
    }
    return into;
  }
}

/** A text's keyword counts, and how to derive the next version's from them. */
export interface KeywordCounts {
  gate: KeywordGate;
  counts: ReadonlyMap<string, number>;
  present: ReadonlySet<string>;
}

export function keywordCounts(gate: KeywordGate, counts: Map<string, number>): KeywordCounts {
  return { gate, counts, present: new Set([...counts].filter(([, n]) => n > 0).map(([k]) => k)) };
}

/**
 * The counts of the next version of a text from the previous version's: only the occurrences within the gate's
 * reach of the edit can differ, so those are counted in both versions around it and the difference applied.
 * Undefined when the lower-cased texts do not map character for character onto the texts (`İ` lower-cases to
 * two characters), where offsets in one are not offsets in the other.
 */
export function countsAfterEdit(
  previous: KeywordCounts,
  before: { text: string; lower: string },
  after: { text: string; lower: string },
  change: { start: number; end: number; newLength: number },
): KeywordCounts | undefined {
  if (before.lower.length !== before.text.length || after.lower.length !== after.text.length) return undefined;
  if (before.text.length - (change.end - change.start) + change.newLength !== after.text.length) return undefined;
  const reach = Math.max(previous.gate.reach - 1, 0);
  const from = Math.max(0, change.start - reach);
  const delta = previous.gate.count(before.lower, from, Math.min(before.lower.length, change.end + reach), new Map(), -1);
  previous.gate.count(after.lower, from, Math.min(after.lower.length, change.start + change.newLength + reach), delta, 1);
  // Most keystrokes make or break no keyword: the previous counts stand as they are.
  if ([...delta.values()].every((n) => n === 0)) return previous;
  const counts = new Map(previous.counts);
  for (const [k, n] of delta) counts.set(k, (counts.get(k) ?? 0) + n);
  return keywordCounts(previous.gate, counts);
}

const gates = new WeakMap<readonly KeywordSource[], KeywordGate>();
const covered = new WeakMap<readonly KeywordSource[], WeakMap<KeywordGate, boolean>>();

/** The gate of a rule list, built once per list. */
export function gateOf(rules: readonly KeywordSource[]): KeywordGate {
  let gate = gates.get(rules);
  if (!gate) {
    gate = new KeywordGate(rules);
    gates.set(rules, gate);
  }
  return gate;
}

/**
 * Whether a gate counts every keyword of a rule list (the registry's gate counts those of any list taken from it:
 * the program rules, the rules of minified files), so counts made with it answer for that list too.
 */
export function covers(gate: KeywordGate, rules: readonly KeywordSource[]): boolean {
  let byGate = covered.get(rules);
  if (!byGate) covered.set(rules, (byGate = new WeakMap()));
  let answer = byGate.get(gate);
  if (answer === undefined) {
    answer = rules.every((r) => [...r.meta.keywords, ...(r.meta.summaryKeywords ?? [])].every((k) => gate.keywords.has(k)));
    byGate.set(gate, answer);
  }
  return answer;
}
