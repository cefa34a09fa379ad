import * as path from 'node:path';
import type { FileContext } from '../../context';
import { isExampleFile, isSchemaFile } from '../../env/files';
import { isConsumedElsewhere } from '../../env/platform';
import { shownKey } from '../../env/display';
import { envFactsOf } from '../../env/polyglot';
import { parseSchema, schemaFromExample } from '../../env/schema';
import type { ModuleFacts, Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'env/unused-declaration',
  defaultSeverity: 'info',
  description: 'A variable declared in the .env schema or .env.example that no code of the project reads.',
  messages: {
    unused: '`{name}` is declared, but no code under `{dir}` reads it (JavaScript, TypeScript, Python or Go).',
  },
  fixable: false,
  // It summarises JS, Python and Go modules (which variables each reads) and reports on the declaration files; the check
  // returns at once for code. The keywords stay empty: a declaration file may hold any text.
  kinds: ['env', 'yaml', 'json'],
  summaryKinds: ['js', 'python', 'go'],
  keywords: [],
  summaryKeywords: [
    'process.env', 'import.meta.env', 'bun.env', '= process', "process'", 'process"', 'env-var', 'envalid', '@t3-oss/env', 'convict', 'znv',
    // Python (`os.environ`, `getenv`, django-environ, environs, decouple, pydantic-settings) and Go (`os.Getenv`, `os.LookupEnv`, `os.Setenv`).
    'environ', 'getenv', 'decouple', 'basesettings', 'lookupenv', 'setenv',
  ],
};

export function summarize(context: FileContext): ModuleFacts {
  if (context.kind !== 'js' && context.kind !== 'python' && context.kind !== 'go') return {};
  return { facts: envFactsOf(context) };
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (!isSchemaFile(context.path) && !isExampleFile(context.path)) return;
  // Without the program (a single-file run) nothing can be said about what the code reads.
  const modules = context.program?.allModules();
  if (!modules) return;
  const dir = path.dirname(context.path);
  const read = new Set<string>();
  let readsAny = false;
  for (const m of modules) {
    const rel = path.relative(dir, m.file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    for (const f of m.facts) {
      if (f.startsWith('env-read:')) read.add(f.slice(9));
      else if (f.startsWith('env-mention:')) read.add(f.slice(12));
      else continue;
      readsAny = true;
    }
  }
  // No module under the folder reads any variable: the code is in no language read here, or not indexed yet.
  if (!readsAny) return;
  const schema = isSchemaFile(context.path) ? parseSchema(context.path, context.text) : schemaFromExample(context.path, context.text);
  if (schema.broken) return;
  const label = path.basename(dir) || dir;
  for (const spec of schema.variables.values()) {
    if (read.has(spec.name) || isConsumedElsewhere(spec.name)) continue;
    report({ messageId: 'unused', data: { name: shownKey(spec.name), dir: `${label}/` }, start: spec.start, end: spec.end, identity: `unused:${spec.name}` });
  }
}

export const rule: Rule = { meta, check, summarize };
