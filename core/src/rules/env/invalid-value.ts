import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { shownKey, shownValue } from '../../env/display';
import { isValuesFile } from '../../env/files';
import { schemaFor } from '../../env/locate';
import type { EnvEntry } from '../../env/scan';
import { effectiveEntries, envDocumentOf, valueOf } from '../../env/values';
import { enumCaseMatch, validateValue } from '../../env/validate';
import { isSensitiveName } from '../../secrets/names';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

const FOUND = '`{key}` should be {expected}; found {found}.';

export const meta: RuleMeta = {
  id: 'env/invalid-value',
  defaultSeverity: 'error',
  description: 'A .env value that does not fit the type its schema declares.',
  messages: {
    type: FOUND,
    protocol: FOUND,
    range: FOUND,
    enum: FOUND,
    tooShort: FOUND,
    tooLong: FOUND,
    pattern: FOUND,
    empty: '`{key}` is required but empty.',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  // Templates hold placeholders, not values: `.env.example` is not judged by the types of the schema.
  if (!isDotenvFile(context) || !isValuesFile(context.path)) return;
  const schema = schemaFor(context.path, context.host);
  if (!schema) return;
  const doc = envDocumentOf(context);
  const entries = effectiveEntries(doc);
  for (const spec of schema.variables.values()) {
    const entry = entries.get(spec.name);
    if (!entry) continue;
    const value = valueOf(doc, entry);
    if (value === undefined) continue;
    if (value === '') {
      // `.env.example` asks for keys, not values; only a schema's `required` forbids an empty one.
      if (spec.required && schema.source === 'schema') {
        report({ messageId: 'empty', data: { key: shownKey(spec.name) }, start: entry.keyStart, end: entry.keyEnd, identity: `empty:${spec.name}` });
      }
      continue;
    }
    const problem = validateValue(spec, value);
    if (!problem) continue;
    const found = problem.foundSafe ?? describe(value, spec.secret || isSensitiveName(spec.name));
    const fix = enumFix(entry, enumCaseMatch(spec, value));
    report({
      messageId: problem.messageId,
      data: { key: shownKey(spec.name), expected: problem.expected, found },
      start: entry.valueStart,
      end: Math.max(entry.valueEnd, entry.valueStart),
      identity: `${problem.messageId}:${spec.name}`,
      fixes: fix ? [fix] : undefined,
    });
  }
}

/**
 * The value as the message shows it: redacted whole under a secret or credential name, or when it looks
 * like a token; otherwise cut short, with a URL's credentials hidden (a password with `/` or `#` included).
 */
function describe(value: string, sensitive: boolean): string {
  const shown = shownValue(value, sensitive);
  return shown.cloaked ? `a secret value (${shown.text})` : `\`${shown.text.replace(/`/g, "'")}\``;
}

/** `LOG_LEVEL=INFO` where the schema allows `info`: the allowed spelling, inside the quotes if any. */
function enumFix(entry: EnvEntry, allowed: string | undefined): EditFix | undefined {
  if (allowed === undefined || /[\s#"'`\\$]/.test(allowed)) return undefined;
  const start = entry.quote ? entry.valueStart + 1 : entry.valueStart;
  const end = entry.quote ? entry.valueEnd - 1 : entry.valueEnd;
  return { kind: 'edit', id: 'env-enum-spelling', title: `Change to \`${allowed}\``, edits: [{ start, end, text: allowed }], preferred: true };
}

export const rule: Rule = { meta, check };
