import * as path from 'node:path';
import type { FileContext } from '../../context';
import { ReportBudget } from '../../env/budget';
import { shownKey } from '../../env/display';
import { schemaFor } from '../../env/locate';
import { envDocumentOf } from '../../env/values';
import { closestName } from '../../env/similar';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

export const meta: RuleMeta = {
  id: 'env/unknown-key',
  defaultSeverity: 'warning',
  description: 'A .env key that the schema does not declare, where the schema says `allowUnknown: false`.',
  messages: {
    unknown: '`{key}` is not declared in `{source}`, which allows no unknown keys.',
    unknownDidYouMean: '`{key}` is not declared in `{source}`, which allows no unknown keys. Did you mean `{suggestion}`?',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isDotenvFile(context)) return;
  const schema = schemaFor(context.path, context.host);
  if (!schema || schema.source !== 'schema' || schema.allowUnknown) return;
  const doc = envDocumentOf(context);
  const present = new Set(doc.entries.map((e) => e.key));
  const unset = [...schema.variables.keys()].filter((n) => !present.has(n));
  const source = path.basename(schema.file);
  const budget = new ReportBudget(report);
  for (const entry of doc.entries) {
    if (budget.exhausted('unknown', 'unknownDidYouMean')) return;
    if (!entry.delimiter || entry.key === '' || schema.variables.has(entry.key)) continue;
    // Only a declared name that the file does not set yet: renaming onto an existing key would make a duplicate.
    const suggestion = closestName(entry.key, unset);
    const key = shownKey(entry.key);
    budget.report({
      messageId: suggestion ? 'unknownDidYouMean' : 'unknown',
      data: suggestion ? { key, source, suggestion: shownKey(suggestion) } : { key, source },
      start: entry.keyStart,
      end: entry.keyEnd,
      identity: `unknown:${entry.key}`,
      fixes: suggestion
        ? [{ kind: 'edit', id: 'env-rename-to-declared', title: `Rename to \`${shownKey(suggestion)}\``, edits: [{ start: entry.keyStart, end: entry.keyEnd, text: suggestion }], preferred: false }]
        : undefined,
    });
  }
}

export const rule: Rule = { meta, check };
