import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { ReportBudget } from '../../env/budget';
import { shownKey } from '../../env/display';
import type { EnvDocument, EnvEntry } from '../../env/scan';
import { envDocumentOf, valueOf } from '../../env/values';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

export const meta: RuleMeta = {
  id: 'env/duplicate-key',
  defaultSeverity: 'warning',
  description: 'A key set twice in one .env file: dotenv keeps the last value, and readers of the file see the first.',
  messages: {
    DuplicatedKey: '`{key}` is already set on line {line}; dotenv keeps this later value.',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isDotenvFile(context)) return;
  const doc = envDocumentOf(context);
  const budget = new ReportBudget(report);
  const first = new Map<string, EnvEntry>();
  for (const entry of doc.entries) {
    if (!budget.open('DuplicatedKey')) return;
    if (!entry.delimiter || entry.key === '') continue;
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    budget.report({
      messageId: 'DuplicatedKey',
      data: { key: shownKey(entry.key), line: String(earlier.line + 1) },
      start: entry.keyStart,
      end: entry.keyEnd,
      identity: `DuplicatedKey:${entry.key}`,
      fixes: [duplicateFix(doc, earlier, entry)],
    });
    // The next duplicate is compared with this one, the value dotenv keeps so far.
    first.set(entry.key, entry);
  }
}

/**
 * The same value twice: the later line goes, nothing changes (fix-all applies it). Two values: removing the
 * earlier line keeps what dotenv loads today, but which value is meant is the user's call.
 */
function duplicateFix(doc: EnvDocument, earlier: EnvEntry, later: EnvEntry): EditFix {
  const same = valueOf(doc, earlier) === valueOf(doc, later);
  const target = same ? later : earlier;
  const key = shownKey(later.key);
  const title = same ? `Remove the duplicate \`${key}\`` : `Remove the earlier \`${key}\` (line ${earlier.line + 1}), keeping the value dotenv loads`;
  return { kind: 'edit', id: 'env-remove-duplicate', title, edits: [removeLines(doc, target)], preferred: same };
}

/** The entry's lines and the line break after them. */
export function removeLines(doc: EnvDocument, entry: EnvEntry): { start: number; end: number; text: string } {
  const next = entry.endLine + 1 < doc.lineCount ? doc.lineStarts[entry.endLine + 1] : doc.text.length;
  return { start: entry.lineStart, end: next, text: '' };
}

export const rule: Rule = { meta, check };
