import type { FileContext } from '../../context';
import { lintEnv } from '../../env/lint';
import { envDocumentOf } from '../../env/values';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

export const meta: RuleMeta = {
  id: 'env/syntax',
  defaultSeverity: 'warning',
  description: 'A .env file should be written so that every tool reads it the same way (dotenv-linter\'s checks).',
  // Message ids are dotenv-linter's check names, so its users find their checks under the names they know.
  messages: {
    EndingBlankLine: 'The file does not end with a line break.',
    ExtraBlankLine: 'More than one blank line in a row.',
    IncorrectDelimiter: 'The key `{key}` joins its words with something other than `_`.',
    KeyWithoutValue: '`{key}` has no `=`, so dotenv skips the line. Write `{key}=` for an empty value.',
    LeadingCharacter: 'A line should start with a letter or `_`, not {what}.',
    LowercaseKey: 'The key `{key}` has lowercase letters; environment variable names are upper case.',
    QuoteCharacter: 'The value of `{key}` has quote characters it does not need.',
    ShellCommand: 'A shell command (`{command}`): the file reads as a shell script (autoenv, `source .env`), and a dotenv parser skips this line.',
    SpaceCharacter: 'The line has blanks around `=`.',
    SubstitutionKey: 'The value of `{key}` has a malformed substitution (an unclosed `${`, `$NAME}` or a name with symbols).',
    SubstitutionCycle: '`{key}` expands in a loop ({path}): the values never resolve.',
    TrailingWhitespace: 'Trailing whitespace.',
    UnquotedHash: 'The value of `{key}` holds an unquoted `#`: dotenv ends the value there and drops the rest. Quote the value to keep it.',
    ValueWithoutQuotes: 'The value of `{key}` holds blanks; quote it so every tool reads it the same.',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

// Layout and taste: every tool reads these lines the same way, so they are notes one level below the rule
// (info at its default, warning), not warnings (audit: 80 of 86 warnings on real applications were these).
const COSMETIC = new Set(['QuoteCharacter', 'ExtraBlankLine', 'EndingBlankLine', 'TrailingWhitespace', 'LowercaseKey', 'ShellCommand']);

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isDotenvFile(context)) return;
  lintEnv(envDocumentOf(context), (r) => {
    if (isTemplateLine(context.text, r.start)) return;
    report(COSMETIC.has(r.messageId) ? { ...r, demote: 1 } : r);
  });
}

/**
 * A line that is only a template's placeholder (`{{{envs}}}` in create-nocobase-app's `.env.tpl`, `{% for … %}`):
 * the generator writes dotenv lines there; the line itself is never read as one.
 */
function isTemplateLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end).trim();
  return line.length <= 200 && /^(?:\{\{[^{}]*\}\}|\{\{\{[^{}]*\}\}\}|\{%[^%]*%\}|<%[^%]*%>)$/.test(line);
}

export const rule: Rule = { meta, check };
