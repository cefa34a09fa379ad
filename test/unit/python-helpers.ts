import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze, type AnalysisResult } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { FixDescriptor } from '../../core/src/fixes/types';
import type { FileHost } from '../../core/src/host';
import { parserFor, prepareLanguage } from '../../core/src/treesitter/runtime';
import type { Finding } from '../../core/src/types';

/** Call in `before`: the Python grammar is loaded once per test process, as the CLI and the server do. */
export async function loadPython(): Promise<void> {
  if (!(await prepareLanguage('python'))) throw new Error('the Python grammar did not load');
}

export function runPy(path: string, text: string, host?: FileHost): AnalysisResult {
  return analyze(new FileContext(path, text), { config: defaultConfig(), relativePath: path.replace(/^\//, ''), host });
}

export function findingsOf(rule: string, path: string, text: string, host?: FileHost): Finding[] {
  return runPy(path, text, host).findings.filter((f) => f.ruleId === rule);
}

/** Syntax errors of a Python text (ERROR or MISSING nodes), for "the fixed file still parses". */
export function pythonParses(text: string): boolean {
  const parser = parserFor('python');
  if (!parser) throw new Error('the Python grammar is not loaded');
  const tree = parser.parse(text);
  try {
    return tree !== null && !tree.rootNode.hasError;
  } finally {
    tree?.delete();
  }
}

/** Applies the first fix (or the one with `id`) of every finding of the rule; returns the files afterwards. */
export function fixPy(rule: string, path: string, text: string, options: { id?: string; env?: string } = {}): { source: string; env?: string } {
  const result = runPy(path, text);
  const fixes: FixDescriptor[] = result.findings.filter((f) => f.ruleId === rule).flatMap((f) => {
    const all = result.fixes.get(f) ?? [];
    const chosen = options.id ? all.find((x) => x.kind === 'edit' && x.id === options.id) : all[0];
    return chosen ? [chosen] : [];
  });
  const plan = planFixes({ path, text }, fixes, { root: '/ws', env: options.env }, 'fix');
  const out: { source: string; env?: string } = { source: text, env: options.env };
  for (const change of plan.changes) {
    if (change.path === path) out.source = applyEdits(text, change.edits);
    else if (change.path === '/ws/.env') out.env = applyEdits(change.create ? '' : out.env ?? '', change.edits);
  }
  return out;
}
