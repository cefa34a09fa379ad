import type { EditFix } from '../fixes/types';
import type { Report } from '../rules/types';
import { ReportBudget } from './budget';
import { isBlankChar } from './chars';
import { LINE, type EnvDocument, type EnvEntry } from './scan';
import { cyclePath, substitutionCycles, substitutions } from './substitution';
import { dotenvValue, effectiveEntries, valueOf } from './values';

/**
 * dotenv-linter's checks over a scanned `.env` file, reported under their check names. Fixes that only
 * change layout (blanks, quotes that dotenv strips anyway, a missing `=` or line break) are preferred, so
 * fix-all applies them; fixes that rename a key are offered but never applied by fix-all, because code
 * reads the variable under its current name. A fix that touches a value is checked with dotenv itself:
 * the fixed line must load the same value, or no fix is offered.
 */

const LEADING_OK = /^[\p{L}_]/u;
const NOT_KEY_CHAR = /[^\p{L}\p{N}_]+/gu;
const HAS_NOT_KEY_CHAR = /[^\p{L}\p{N}_]/u;
const LOWER = /\p{Ll}/u;

function edit(id: string, title: string, edits: EditFix['edits'], preferred: boolean): EditFix {
  return { kind: 'edit', id, title, edits, preferred };
}

export function lintEnv(doc: EnvDocument, report: (r: Report) => void): void {
  const budget = new ReportBudget(report);
  for (const entry of doc.entries) lintEntry(doc, entry, budget);
  lintTrailingWhitespace(doc, budget);
  lintBlankLines(doc, budget);
  lintSubstitutionCycles(doc, budget);
}

/** The common key needs none of the name checks. */
const PLAIN_KEY = /^[A-Z_][A-Z0-9_]*$/;

/** Reports a finding of the entry when the budget allows; the fixes are only computed then. */
type At = (messageId: string, fixes?: () => EditFix[] | undefined, start?: number, end?: number, data?: Record<string, string>) => void;

function lintEntry(doc: EnvDocument, entry: EnvEntry, budget: ReportBudget): void {
  const key = entry.key;
  const at: At = (messageId, fixes, start = entry.keyStart, end = entry.keyEnd, data = { key }) => {
    if (budget.open(messageId)) budget.report({ messageId, data, start, end, identity: `${messageId}:${key}`, fixes: fixes?.() });
  };

  // LeadingCharacter: blanks before the key (a key that starts with a digit or a symbol: lintKeyName).
  if (entry.contentStart > entry.lineStart) {
    const fix = () => [edit('env-remove-leading-blanks', 'Remove leading blanks', [{ start: entry.lineStart, end: entry.contentStart, text: '' }], true)];
    at('LeadingCharacter', fix, entry.lineStart, entry.contentStart, { key, what: 'a blank' });
  }
  if (!PLAIN_KEY.test(key)) lintKeyName(doc.text, entry, at);

  if (!entry.delimiter) {
    at('KeyWithoutValue', () => [edit('env-add-equals', 'Add `=` (empty value)', [{ start: entry.keyEnd, end: entry.keyEnd, text: '=' }], true)]);
    return;
  }

  // SpaceCharacter: blanks between the key and `=`, or between `=` and what follows on the line.
  if (entry.delimiter === '=') {
    const before = entry.keyEnd < entry.delimiterStart;
    const after = entry.valueStart > entry.delimiterStart + 1 && entry.valueStart < entry.end;
    if (before || after) {
      const fix = () => [edit('env-remove-spaces-around-equals', 'Remove the blanks around `=`', [{ start: entry.keyEnd, end: entry.valueStart, text: '=' }], true)];
      at('SpaceCharacter', fix, before ? entry.keyEnd : entry.delimiterStart, after ? entry.valueStart : entry.delimiterStart + 1);
    }
  }
  lintValue(doc, entry, at);
}

/** LeadingCharacter (a digit or symbol first), IncorrectDelimiter, LowercaseKey: fixes rename, so none is preferred. */
function lintKeyName(text: string, entry: EnvEntry, at: At): void {
  const key = entry.key;
  const lead = /^[^\p{L}_]*/u.exec(key)?.[0] ?? '';
  if (entry.contentStart === entry.lineStart && !LEADING_OK.test(text.slice(entry.contentStart, entry.contentStart + 2))) {
    const rest = key.slice(lead.length);
    const fixes = () => (!entry.exported && lead.length > 0 && rest.length > 0
      ? [edit('env-remove-leading-characters', `Rename to \`${rest}\``, [{ start: entry.keyStart, end: entry.keyStart + lead.length, text: '' }], false)]
      : undefined);
    at('LeadingCharacter', fixes, entry.contentStart, entry.contentStart + Math.max(1, lead.length), { key, what: `\`${text[entry.contentStart]}\`` });
  }
  // IncorrectDelimiter: words joined by anything but `_` (leading characters are LeadingCharacter's business).
  const body = key.slice(lead.length);
  if (body !== '' && HAS_NOT_KEY_CHAR.test(body)) {
    const renamed = lead + body.replace(NOT_KEY_CHAR, '_');
    at('IncorrectDelimiter', () => [edit('env-fix-delimiter', `Rename to \`${renamed}\``, [{ start: entry.keyStart, end: entry.keyEnd, text: renamed }], false)]);
  }
  if (LOWER.test(key)) {
    const upper = key.toUpperCase();
    at('LowercaseKey', () => [edit('env-uppercase-key', `Rename to \`${upper}\``, [{ start: entry.keyStart, end: entry.keyEnd, text: upper }], false)]);
  }
}

function lintValue(doc: EnvDocument, entry: EnvEntry, at: At): void {
  const raw = entry.rawValue;
  const key = entry.key;
  const atValue = (messageId: string, fixes?: () => EditFix[] | undefined) => at(messageId, fixes, entry.valueStart, entry.valueEnd);

  // QuoteCharacter: quotes around a value that needs none (no blanks, `$`, `#` or `\n` for them to protect),
  // or an opening quote that never closes. A quote inside an unquoted value is data and is left alone.
  const unclosed = !entry.quote && /^["']/.test(raw);
  if ((entry.quote === '"' || entry.quote === "'" || unclosed) && !/\s|\$|#|\\n/.test(raw)) {
    atValue('QuoteCharacter', () => {
      const inner = raw.slice(1, -1);
      const safe = !unclosed && (/^([^'"`\\][^\\]*)?$/.test(inner) || dotenvValue(key, inner) === valueOf(doc, entry));
      return safe ? [edit('env-remove-quotes', 'Remove the quotes', [{ start: entry.valueStart, end: entry.valueEnd, text: inner }], true)] : undefined;
    });
  }

  // ValueWithoutQuotes: blanks inside an unquoted value.
  if (!entry.quote && /\s/.test(raw)) {
    atValue('ValueWithoutQuotes', () => {
      if (/^["'`]/.test(raw)) return undefined;
      const current = valueOf(doc, entry);
      // A quote of the kind used inside would close the value early: only the other kind is a candidate.
      const candidates = [...(raw.includes('"') ? [] : [`"${raw}"`]), ...(raw.includes("'") ? [] : [`'${raw}'`])];
      const candidate = candidates.find((c) => (c[0] === '"' && !raw.includes('\\')) || dotenvValue(key, c) === current);
      return candidate ? [edit('env-quote-value', `Quote the value (${candidate[0]})`, [{ start: entry.valueStart, end: entry.valueEnd, text: candidate }], true)] : undefined;
    });
  }

  if (raw.includes('$') && substitutions(raw).some((s) => s.malformed)) atValue('SubstitutionKey');
}

function lintTrailingWhitespace(doc: EnvDocument, budget: ReportBudget): void {
  const { text } = doc;
  // Lines inside a multi-line quoted value end inside the value: their blanks are data.
  const protectedLines = new Uint8Array(doc.lineCount);
  for (const e of doc.entries) for (let l = e.line; l < e.endLine && l < protectedLines.length; l++) protectedLines[l] = 1;
  for (let l = 0; l < doc.lineCount; l++) {
    if (protectedLines[l]) continue;
    const end = doc.lineEnds[l];
    let start = end;
    while (start > doc.lineStarts[l] && isBlankChar(text.charCodeAt(start - 1))) start--;
    if (start === end) continue;
    if (!budget.open('TrailingWhitespace')) return;
    budget.report({
      messageId: 'TrailingWhitespace', start, end, identity: 'TrailingWhitespace',
      fixes: [edit('env-remove-trailing-whitespace', 'Remove trailing whitespace', [{ start, end, text: '' }], true)],
    });
  }
}

function lintBlankLines(doc: EnvDocument, budget: ReportBudget): void {
  const { text } = doc;
  const last = text.length - 1;
  const endsWithBreak = text.length > 0 && (text.charCodeAt(last) === 10 || text.charCodeAt(last) === 13);
  // After a final line break the line index counts one more, empty line: it is not a blank line of the file.
  const lines = endsWithBreak ? doc.lineCount - 1 : doc.lineCount;
  for (let l = 1; l < lines && budget.open('ExtraBlankLine'); l++) {
    if (doc.lineKinds[l] !== LINE.blank || doc.lineKinds[l - 1] !== LINE.blank) continue;
    const start = doc.lineStarts[l];
    const next = l + 1 < doc.lineCount ? doc.lineStarts[l + 1] : text.length;
    budget.report({
      messageId: 'ExtraBlankLine', start, end: doc.lineEnds[l], identity: 'ExtraBlankLine',
      fixes: [edit('env-remove-extra-blank-line', 'Remove the extra blank line', [{ start, end: next, text: '' }], true)],
    });
  }
  const hasContent = text.length > (doc.bom ? 1 : 0);
  if (hasContent && !endsWithBreak) {
    budget.report({
      messageId: 'EndingBlankLine', start: Math.max(doc.lineStarts[doc.lineCount - 1], text.length - 1), end: text.length, identity: 'EndingBlankLine',
      fixes: [edit('env-add-final-newline', 'Add a line break at the end of the file', [{ start: text.length, end: text.length, text: doc.eol }], true)],
    });
  }
}

function lintSubstitutionCycles(doc: EnvDocument, budget: ReportBudget): void {
  if (!doc.text.includes('$')) return;
  const effective = effectiveEntries(doc);
  for (const component of substitutionCycles(effective)) {
    const first = component.map((k) => effective.get(k) as EnvEntry).sort((a, b) => a.line - b.line)[0];
    const path = cyclePath(component, first.key, effective).join(' → ');
    budget.report({ messageId: 'SubstitutionCycle', data: { key: first.key, path }, start: first.valueStart, end: first.valueEnd, identity: `SubstitutionCycle:${first.key}` });
  }
}
