import * as path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { FileContext } from '../../context';
import { projectPath } from '../../js/commands';
import type { Report, Rule, RuleMeta } from '../types';
import { foldersUp, lockfileFor, parseManifest } from '../../workspace/manifest';

export const meta: RuleMeta = {
  id: 'dependencies/missing-lockfile',
  defaultSeverity: 'warning',
  description: 'A package with dependencies commits a lockfile, so every build installs the same dependency tree.',
  messages: {
    missing: 'No lockfile beside this package.json or at the workspace root: each install resolves the version ranges again. Commit the lockfile your package manager writes.',
  },
  fixable: false,
  kinds: ['json'],
  keywords: ['dependencies'],
};

export function check(context: FileContext, report: (r: Report) => void): void {
  const host = context.host;
  const file = projectPath(context);
  if (!host || path.basename(file) !== 'package.json' || /(^|\/)(node_modules|examples?|templates?)\//.test(file) || context.isTestFile) return;
  if (!path.isAbsolute(context.path)) return;
  const manifest = parseManifest(context.path, context.text);
  // Nothing to lock: no dependencies at all.
  if (!manifest || manifest.declared.size === 0) return;
  if (lockfileFor(host, context.path)) return;
  // `package-lock=false` in .npmrc is a decision, not an oversight.
  for (const dir of foldersUp(host, context.path)) {
    const npmrc = host.readFile(path.join(dir, '.npmrc'));
    if (npmrc && /^[ \t]*package-lock[ \t]*=[ \t]*false\b/m.test(npmrc)) return;
  }
  const range = nameKeyRange(context) ?? { start: Math.max(0, context.text.indexOf('{')), end: Math.max(0, context.text.indexOf('{')) + 1 };
  report({ messageId: 'missing', ...range, identity: 'missing' });
}

/** The top-level `"name"` key, where a package is named. */
function nameKeyRange(context: FileContext): { start: number; end: number } | undefined {
  const contents = context.yaml.docs[0]?.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && pair.key.value === 'name' && pair.key.range) return { start: pair.key.range[0], end: pair.key.range[1] };
  }
  return undefined;
}

export const rule: Rule = { meta, check };
