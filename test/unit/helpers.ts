import * as ts from 'typescript';
import { defaultConfig, type ResolvedConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze, type AnalysisResult } from '../../core/src/engine';
import { applyEdits, planFixes, type EnvFiles } from '../../core/src/fixes/plan';
import { isPreferred } from '../../core/src/fixes/types';
import type { Finding } from '../../core/src/types';

/** Fake credentials are assembled at run time, so this repository holds no complete key literal. */
export const fake = (...parts: string[]): string => parts.join('');

export function run(path: string, text: string, options: { config?: ResolvedConfig; gitIgnored?: boolean } = {}): AnalysisResult {
  return analyze(new FileContext(path, text, { gitIgnored: options.gitIgnored }), { config: options.config ?? defaultConfig(), relativePath: path });
}

export function secrets(path: string, text: string, options: { config?: ResolvedConfig; gitIgnored?: boolean } = {}): Finding[] {
  return run(path, text, options).findings.filter((f) => f.ruleId === 'config/hardcoded-secret');
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.start, finding.end);
}

export interface FixOutcome {
  source: string;
  env?: string;
  gitignore?: string;
  example?: string;
  title: string;
}

/** Runs the file's fixes (all of them, like fix-all) against in-memory `.env` files and returns every file afterwards. */
export function fixAll(path: string, text: string, files: Omit<EnvFiles, 'root'> = {}): FixOutcome {
  const result = run(path, text);
  const fixes = result.findings.flatMap((f) => (result.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
  const plan = planFixes({ path, text }, fixes, { root: '/ws', ...files }, 'fix all');
  const out: FixOutcome = { source: text, env: files.env, gitignore: files.gitignore, example: files.example, title: plan.title };
  for (const change of plan.changes) {
    const key = change.path === path ? 'source' : change.path === '/ws/.env' ? 'env' : change.path === '/ws/.gitignore' ? 'gitignore' : 'example';
    const before = change.create ? '' : (out[key] ?? '');
    out[key] = applyEdits(before, change.edits);
  }
  return out;
}

/** Syntax errors of a JS/TS text, for "the fixed file still parses". */
export function syntaxErrors(path: string, text: string): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
