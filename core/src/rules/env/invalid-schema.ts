import type { FileContext } from '../../context';
import { isSchemaFile } from '../../env/files';
import { parseSchema } from '../../env/schema';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'env/invalid-schema',
  defaultSeverity: 'error',
  description: 'Errors in `.env.schema.yaml` / `.env.schema.json` itself, reported on the node at fault.',
  messages: {
    syntax: 'The schema is not valid {format}: {reason}. Until it parses, .env files are checked as if it were absent.',
    notAMapping: 'The schema must be a mapping with `variables` (and optionally `allowUnknown`).',
    unknownKey: '`{key}` is not a schema key; expected `variables` or `allowUnknown`.',
    variablesNotMapping: '`variables` must map each variable name to its options.',
    variableNotMapping: '`{name}` must be a mapping of options (`type`, `required`, `secret`, `description`, `default`…).',
    unknownType: '`{type}` is not a type; use one of {types}.',
    unknownOption: '`{option}` is not an option here; expected one of {options}.',
    optionNotForType: '`{option}` does not apply to type `{type}`.',
    wrongOptionType: '`{option}` must be {expected}.',
    invalidPattern: '`pattern` is not a valid regular expression: {reason}.',
    enumWithoutValues: 'Type `enum` needs a non-empty `values` list.',
    minAboveMax: '`{low}` is greater than `{high}`: no value can fit.',
    invalidDefault: 'The default of `{name}` does not fit its type: expected {expected}.',
  },
  fixable: false,
  // `.env.schema.yaml` may arrive as `env` too: its name matches `.env.*`.
  kinds: ['yaml', 'json', 'env'],
  keywords: [],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isSchemaFile(context.path)) return;
  for (const p of parseSchema(context.path, context.text).problems) {
    report({ messageId: p.messageId, data: p.data, start: p.start, end: p.end, identity: `${p.messageId}:${Object.values(p.data).join(':')}` });
  }
}

export const rule: Rule = { meta, check };
