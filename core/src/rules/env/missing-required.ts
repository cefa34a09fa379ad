import * as path from 'node:path';
import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { quoteEnvValue } from '../../fixes/plan';
import { shownKey } from '../../env/display';
import { besideCommittedEnvTool } from '../../env/bundlerDefined';
import { isValuesFile, loadedTogether } from '../../env/files';
import { schemaFor } from '../../env/locate';
import { scanEnv, type EnvDocument } from '../../env/scan';
import { envDocumentOf } from '../../env/values';
import type { VariableSpec } from '../../env/schema';
import type { Report, Rule, RuleMeta } from '../types';
import { isDotenvFile } from './common';

export const meta: RuleMeta = {
  id: 'env/missing-required',
  defaultSeverity: 'warning',
  description: 'A .env file lacks variables that its schema (or .env.example) requires.',
  messages: {
    missing: 'Required by `{source}` but not set: {names}.',
  },
  fixable: true,
  kinds: ['env'],
  keywords: [],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  // Templates (`.env.example`…) list variables; they are not the app's configuration and need not be complete.
  if (!isDotenvFile(context) || !isValuesFile(context.path)) return;
  // `.env.test`, `.env.development`: overlays that set what that environment changes (dotenv-flow, Vite,
  // Next.js); the rest comes from `.env` or defaults, so they need not be complete (audit: outline, streetmix).
  if (OVERLAY.test(path.basename(context.path))) return;
  if (isCommittedToolDefaults(context)) return;
  const schema = schemaFor(context.path, context.host);
  if (!schema) return;
  const doc = envDocumentOf(context);
  const present = keysOf(doc);
  // `.env.local` completes `.env` (dotenv-flow, Vite, Next.js): a key set in a file loaded with this one is not missing.
  for (const other of loadedTogether(context.path)) {
    const text = context.host?.readFile(other);
    if (text !== undefined) for (const k of keysOf(scanEnv(text))) present.add(k);
  }
  const missing = [...schema.variables.values()].filter((v) => v.required && !present.has(v.name));
  if (missing.length === 0) return;
  report({
    messageId: 'missing',
    data: { source: path.basename(schema.file), names: missing.map((v) => `\`${shownKey(v.name)}\``).join(', '), count: String(missing.length) },
    start: doc.lineStarts[0],
    end: doc.lineEnds[0],
    identity: 'missing',
    fixes: [addKeysFix(doc, missing)],
  });
}

/**
 * A tracked `.env` beside the package.json of a Vite, Next or Create React App package is that tool's file of shared
 * defaults, committed on purpose; each deployment's own values go to `.env.local` or its environment, so the
 * defaults need not hold what the example requires (teable's Next app, ninth held-out set).
 */
function isCommittedToolDefaults(context: FileContext): boolean {
  if (!context.gitTracked || !context.host || path.basename(context.path) !== '.env') return false;
  return besideCommittedEnvTool(context.host, context.path);
}

// CI services' own (`.env.travis`, `.env.github`) and Laravel Dusk's browser tests (`.env.dusk.local`) included.
const OVERLAY = /^\.env\.(test|testing|development|dev|ci|e2e|travis|github|gitlab|circleci|jenkins|dusk)(\.local)?$/i;

function keysOf(doc: EnvDocument): Set<string> {
  return new Set(doc.entries.filter((e) => e.delimiter && e.key !== '').map((e) => e.key));
}

/** Appends `KEY=default` (or the example's value, or nothing) for each missing key; secrets get no value. */
function addKeysFix(doc: EnvDocument, missing: VariableSpec[]): EditFix {
  const text = doc.text;
  const needsBreak = text.length > (doc.bom ? 1 : 0) && !/[\r\n]$/.test(text);
  const values = missing.map((v) => (v.secret ? '' : quoteEnvValue(v.default ?? v.example ?? '') ?? ''));
  const lines = missing.map((v, i) => `${v.name}=${values[i]}`);
  return {
    kind: 'edit',
    id: 'env-add-missing-keys',
    title: missing.length === 1 ? `Add missing key \`${shownKey(missing[0].name)}\`` : `Add ${missing.length} missing keys`,
    edits: [{ start: text.length, end: text.length, text: (needsBreak ? doc.eol : '') + lines.map((l) => l + doc.eol).join('') }],
    // An empty required value is an error where the missing key was a warning: fix-all adds keys only
    // when it has a value for each (a default or the example's); otherwise the user fills them in.
    preferred: values.every((v) => v !== ''),
  };
}

export const rule: Rule = { meta, check };
