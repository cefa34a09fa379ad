import * as path from 'node:path';
import type { FileContext } from '../../context';
import { shownKey } from '../../env/display';
import { nearestDeclarations } from '../../env/locate';
import { isPlatformVariable } from '../../env/platform';
import { findEnvReads } from '../../env/reads';
import type { Report, Rule, RuleMeta } from '../types';

export const meta: RuleMeta = {
  id: 'env/undeclared-usage',
  defaultSeverity: 'warning',
  description: 'Code reads an environment variable that neither the .env schema nor .env.example declares.',
  messages: {
    undeclared: '`{name}` is read here but not declared in {declaration}: whoever deploys the app will not know to set it.',
  },
  fixable: false,
  kinds: ['js'],
  // `= process` catches `const { env } = process`; `process'` an `import { env } from 'node:process'`.
  keywords: ['process.env', 'import.meta.env', 'bun.env', '= process', "process'", 'process"'],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  // A project without any declaration file is not told that every read is undeclared.
  const declared = nearestDeclarations(context.path, context.host);
  if (!declared) return;
  const { reads } = findEnvReads(context.sourceFile);
  if (reads.length === 0) return;
  const root = context.host?.rootOf(context.path) ?? declared.dir;
  const where = declared.files.map((f) => `\`${path.relative(root, f.file).split(path.sep).join('/') || path.basename(f.file)}\``).join(' or ');
  for (const read of reads) {
    if (read.write || declared.names.has(read.name) || isPlatformVariable(read.name, read.via)) continue;
    report({
      messageId: 'undeclared',
      data: { name: shownKey(read.name), declaration: where },
      start: read.start,
      end: read.end,
      identity: `undeclared:${read.name}`,
    });
  }
}

export const rule: Rule = { meta, check };
