import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { ReportBudget } from '../../env/budget';
import { shownKey } from '../../env/display';
import { LINE, type EnvDocument, type EnvEntry } from '../../env/scan';
import { envDocumentOf } from '../../env/values';
import { substitutions } from '../../env/substitution';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

export const meta: RuleMeta = {
  id: 'env/unordered-key',
  // Ordering is taste, not correctness: dotenv-linter's UnorderedKey, opt-in. The engine's default severity
  // cannot be 'off' yet (RuleMeta.defaultSeverity is a Severity); 'hint' is the quietest level until it can.
  defaultSeverity: 'off',
  description: 'Keys of a .env group (lines between blank lines) in alphabetical order (dotenv-linter\'s UnorderedKey).',
  messages: {
    UnorderedKey: '`{key}` should go before `{before}`.',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

interface Group {
  entries: EnvEntry[];
  /** Sortable by a fix: single-line entries, no comment between them, no key twice, no substitution reset. */
  sortable: boolean;
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isDotenvFile(context)) return;
  const doc = envDocumentOf(context);
  const budget = new ReportBudget(report);
  for (const group of groupsOf(doc)) {
    if (!budget.open('UnorderedKey')) return;
    const before = laterSmallest(group.entries.map((e) => e.key));
    const fix = group.sortable && before.some((b) => b !== undefined) ? sortFix(doc, group.entries) : undefined;
    group.entries.forEach((entry, i) => {
      if (before[i] === undefined) return;
      budget.report({
        messageId: 'UnorderedKey', data: { key: shownKey(entry.key), before: shownKey(before[i] as string) }, start: entry.keyStart, end: entry.keyEnd,
        identity: `UnorderedKey:${entry.key}`, fixes: fix ? [fix] : undefined,
      });
    });
  }
}

/** Groups of keys: split by blank lines, and by a value that refers to a key above it in its group. */
function groupsOf(doc: EnvDocument): Group[] {
  const groups: Group[] = [];
  let group: Group = { entries: [], sortable: true };
  let keys = new Set<string>();
  const start = () => {
    if (group.entries.length > 0) groups.push(group);
    group = { entries: [], sortable: true };
    keys = new Set();
  };
  let previous: EnvEntry | undefined;
  for (const entry of doc.entries) {
    if (!entry.delimiter || entry.key === '') continue;
    let comment = false;
    let blank = false;
    for (let l = previous ? previous.endLine + 1 : entry.line; l < entry.line; l++) {
      if (doc.lineKinds[l] === LINE.blank) blank = true;
      else if (doc.lineKinds[l] === LINE.comment) comment = true;
    }
    previous = entry;
    if (blank) start();
    else if (comment) group.sortable = false;
    // The order then says something: the value is read after the key it refers to (dotenv-linter's rule).
    if (substitutions(entry.rawValue).some((s) => s.name !== undefined && keys.has(s.name))) {
      group.sortable = false;
      start();
      continue;
    }
    if (keys.has(entry.key) || entry.endLine !== entry.line) group.sortable = false;
    group.entries.push(entry);
    keys.add(entry.key);
  }
  start();
  return groups;
}

/**
 * For each key, the smallest key above it in the group that is greater (the one it should go before), or
 * undefined when it is in order. A Fenwick tree over the keys' ranks: O(n log n) for any group size.
 */
function laterSmallest(keys: string[]): Array<string | undefined> {
  const sorted = [...new Set(keys)].sort();
  const rank = new Map(sorted.map((k, i) => [k, i]));
  const n = sorted.length;
  const tree = new Array<number>(n + 1).fill(Infinity);
  const out: Array<string | undefined> = [];
  for (const key of keys) {
    const r = rank.get(key) as number;
    // Reversed positions: ranks above r are the prefix [1, n - r - 1].
    let best = Infinity;
    for (let i = n - r - 1; i > 0; i -= i & -i) best = Math.min(best, tree[i]);
    out.push(best === Infinity ? undefined : sorted[best]);
    for (let i = n - r; i <= n; i += i & -i) tree[i] = Math.min(tree[i], r);
  }
  return out;
}

/** Rewrites the group's lines in key order (the same edit for every finding of the group). */
function sortFix(doc: EnvDocument, entries: EnvEntry[]): EditFix {
  const start = entries[0].lineStart;
  const last = entries[entries.length - 1];
  const lines = entries.map((e) => doc.text.slice(e.lineStart, doc.lineEnds[e.line]));
  const sorted = entries.map((e, i) => ({ key: e.key, line: lines[i] })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    kind: 'edit', id: 'env-sort-keys', title: 'Sort the keys of this group',
    edits: [{ start, end: doc.lineEnds[last.line], text: sorted.map((s) => s.line).join(doc.eol) }], preferred: true,
  };
}

export const rule: Rule = { meta, check };
