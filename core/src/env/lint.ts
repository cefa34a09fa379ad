import type { EditFix } from '../fixes/types';
import type { Report } from '../rules/types';
import { isInstruction } from '../secrets/placeholder';
import { ReportBudget } from './budget';
import { isBlankChar, trimEnd } from './chars';
import { isShownInFull, shownKey } from './display';
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

/** A line that is a shell command with an argument: no `=`, a builtin that sources, unsets or sets shell options. */
const SHELL_COMMAND = /^(?:source|\.|unset|set|cd|alias|eval)[ \t]+\S/;

/** The common key needs none of the name checks. */
const PLAIN_KEY = /^[A-Z_][A-Z0-9_]*$/;

/** Reports a finding of the entry when the budget allows; the fixes are only computed then. */
type At = (messageId: string, fixes?: () => EditFix[] | undefined, start?: number, end?: number, extra?: Record<string, string>) => void;

function lintEntry(doc: EnvDocument, entry: EnvEntry, budget: ReportBudget): void {
  const key = entry.key;
  // A key may be a pasted token: messages and data name it through `shownKey`, computed only when reported.
  const at: At = (messageId, fixes, start = entry.keyStart, end = entry.keyEnd, extra) => {
    if (budget.open(messageId)) budget.report({ messageId, data: { key: shownKey(key), ...extra }, start, end, identity: `${messageId}:${key}`, fixes: fixes?.() });
  };

  // LeadingCharacter: blanks before the key (a key that starts with a digit or a symbol: lintKeyName).
  if (entry.contentStart > entry.lineStart) {
    const fix = () => [edit('env-remove-leading-blanks', 'Remove leading blanks', [{ start: entry.lineStart, end: entry.contentStart, text: '' }], true)];
    at('LeadingCharacter', fix, entry.lineStart, entry.contentStart, { what: 'a blank' });
  }
  // `source venv/bin/activate`, `. ./.env.local`, `unset X`: a shell command, in a `.env` that a shell or
  // autoenv sources. dotenv skips the line; it is no key to rename or give a value (audit: flask-by-example).
  if (!entry.delimiter && SHELL_COMMAND.test(key)) {
    at('ShellCommand', undefined, entry.keyStart, entry.keyEnd, { command: key.split(/\s/)[0] });
    return;
  }
  if (!PLAIN_KEY.test(key)) lintKeyName(doc.text, entry, at);

  if (!entry.delimiter) {
    // A pasted token is no key: `=` after it would make it a variable's name, so it gets no fix.
    at('KeyWithoutValue', () => (isShownInFull(key) ? [edit('env-add-equals', 'Add `=` (empty value)', [{ start: entry.keyEnd, end: entry.keyEnd, text: '=' }], true)] : undefined));
    return;
  }

  // SpaceCharacter: blanks between the key and `=`, or between `=` and what follows on the line.
  if (entry.delimiter === '=') {
    const before = entry.keyEnd < entry.delimiterStart;
    // `KEY= # comment` is an empty value and a comment: the blank keeps the `#` from reading as the value's.
    const after = entry.valueStart > entry.delimiterStart + 1 && entry.valueStart < entry.end && doc.text[entry.valueStart] !== '#';
    if (before || after) {
      const end = doc.text[entry.valueStart] === '#' ? entry.delimiterStart + 1 : entry.valueStart;
      const fix = () => [edit('env-remove-spaces-around-equals', 'Remove the blanks around `=`', [{ start: entry.keyEnd, end, text: '=' }], true)];
      at('SpaceCharacter', fix, before ? entry.keyEnd : entry.delimiterStart, after ? entry.valueStart : entry.delimiterStart + 1);
    }
  }
  lintValue(doc, entry, at);
}

/**
 * LeadingCharacter (a digit or symbol first), IncorrectDelimiter, LowercaseKey: fixes rename, so none is
 * preferred. A key that is not shown in full (a pasted token) gets no rename: its title would spell the
 * token out, and a token renamed is still no variable name.
 */
function lintKeyName(text: string, entry: EnvEntry, at: At): void {
  const key = entry.key;
  const rename = (id: string, to: string, edits: EditFix['edits']) => (isShownInFull(key) ? [edit(id, `Rename to \`${to}\``, edits, false)] : undefined);
  const lead = /^[^\p{L}_]*/u.exec(key)?.[0] ?? '';
  if (entry.contentStart === entry.lineStart && !LEADING_OK.test(text.slice(entry.contentStart, entry.contentStart + 2))) {
    const rest = key.slice(lead.length);
    const fixes = () => (!entry.exported && lead.length > 0 && rest.length > 0
      ? rename('env-remove-leading-characters', rest, [{ start: entry.keyStart, end: entry.keyStart + lead.length, text: '' }])
      : undefined);
    at('LeadingCharacter', fixes, entry.contentStart, entry.contentStart + Math.max(1, lead.length), { what: `\`${text[entry.contentStart]}\`` });
  }
  // IncorrectDelimiter: words joined by anything but `_` (leading characters are LeadingCharacter's business).
  const body = key.slice(lead.length);
  if (body !== '' && HAS_NOT_KEY_CHAR.test(body)) {
    const renamed = lead + body.replace(NOT_KEY_CHAR, '_');
    at('IncorrectDelimiter', () => rename('env-fix-delimiter', renamed, [{ start: entry.keyStart, end: entry.keyEnd, text: renamed }]));
  }
  if (LOWER.test(key)) {
    const upper = key.toUpperCase();
    at('LowercaseKey', () => rename('env-uppercase-key', upper, [{ start: entry.keyStart, end: entry.keyEnd, text: upper }]));
  }
}

/** Two or more quoted values joined by `|`: the choices a template offers, one of which replaces the whole. */
const CHOICES = /^(?:"[^"\n]*"|'[^'\n]*')(?:[ \t]*\|[ \t]*(?:"[^"\n]*"|'[^'\n]*'))+$/;

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

  // ValueWithoutQuotes: blanks inside an unquoted value. A `<your tenant name>` placeholder is replaced whole
  // by whoever fills the file in (audit: the `.env.sample.*` files of ms-identity-python-webapp), and so is a
  // list of the choices, each quoted (`"a.example.com" | "b.example.net"`, audit: held-out 8), and so is an
  // instruction in place of the value (`CHANGE THIS PASSWORD`, `[generate with openssl rand -base64 36]`; audit:
  // grist-core, karakeep).
  if (!entry.quote && /\s/.test(raw) && !/^<[^<>\n]+>$/.test(raw.trim()) && !CHOICES.test(raw.trim()) && !isInstruction(raw.trim())) {
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
  if (entry.comment && !entry.quote && entry.loaded) lintUnquotedHash(doc, entry, at);
}

/**
 * UnquotedHash: dotenv ends an unquoted value at its first `#`, blank before it or not. ` #` reads as a
 * comment to everyone; a `#` written against the text before it (`COLOR=#ff0000`, `URL=…/#/home`,
 * `MSG=hello#world`) was meant as part of the value, which dotenv silently cuts. The finding covers what was
 * written up to the next ` #`; the fix quotes it, so dotenv reads the value as written. That changes what
 * the app loads, so it is offered and never applied by fix-all.
 */
function lintUnquotedHash(doc: EnvDocument, entry: EnvEntry, at: At): void {
  const { text } = doc;
  const hash = (entry.comment as { start: number }).start;
  // An opening quote that never closes is QuoteCharacter's business; what it meant is anyone's guess.
  if (hash === 0 || isBlankChar(text.charCodeAt(hash - 1)) || /^["'`]/.test(entry.rawValue)) return;
  let stop = entry.end;
  for (let i = hash + 1; i < entry.end; i++) {
    if (text.charCodeAt(i) === 35 && isBlankChar(text.charCodeAt(i - 1))) {
      stop = i;
      break;
    }
  }
  const end = trimEnd(text, entry.valueStart, stop);
  at('UnquotedHash', () => {
    const written = text.slice(entry.valueStart, end);
    // dotenv expands `\n` only inside double quotes: each kind of quote is tried and checked with dotenv itself.
    const quoted = ['"', "'", '`'].filter((q) => !written.includes(q)).map((q) => `${q}${written}${q}`);
    const candidate = quoted.find((c) => dotenvValue(entry.key, c) === written);
    return candidate ? [edit('env-quote-hash-value', `Quote the value (${candidate[0]}) so \`#\` is part of it`, [{ start: entry.valueStart, end, text: candidate }], false)] : undefined;
  }, entry.valueStart, end);
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
    const path = cyclePath(component, first.key, effective).map(shownKey).join(' → ');
    budget.report({ messageId: 'SubstitutionCycle', data: { key: shownKey(first.key), path }, start: first.valueStart, end: first.valueEnd, identity: `SubstitutionCycle:${first.key}` });
  }
}
