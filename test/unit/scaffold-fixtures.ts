import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { ProgramIndex } from '../../core/src/program';
import { rule as sigterm } from '../../core/src/rules/disposability/missing-sigterm-handler';
import { detectProject, mapScaffoldFs, scaffoldById } from '../../core/src/scaffold';
import { applyTextEdits } from '../../core/src/scaffold/merge';
import type { ScaffoldId, ScaffoldPlan } from '../../core/src/scaffold/types';

export const REPO = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/scaffold');

/** A scaffold fixture project as a map of relative paths (forward slashes) to text, with extra files layered on. */
export function readFixture(name: string, extra: Record<string, string> = {}): Record<string, string> {
  const root = path.join(FIXTURES, name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return { ...files, ...extra };
}

/** The plan a scaffold makes for a project given as a map of relative paths to text. */
export async function planFor(id: ScaffoldId, files: Record<string, string>): Promise<ScaffoldPlan> {
  const scaffold = scaffoldById(id);
  if (!scaffold) throw new Error(`no scaffold ${id}`);
  return scaffold.generate(await detectProject(mapScaffoldFs(files)));
}

/** The project's files after the plan: generated files written, edits applied. */
export function appliedPlan(files: Record<string, string>, p: ScaffoldPlan): Record<string, string> {
  const out = { ...files };
  for (const f of p.files) out[f.path] = f.content;
  for (const e of p.edits ?? []) out[e.path] = applyTextEdits(out[e.path], e.edits);
  return out;
}

/** missing-sigterm-handler on one file, judged with every file `indexed` accepts in the program index. */
export function sigtermFindings(files: Record<string, string>, file: string, indexed: (path: string) => boolean): number {
  const abs = (f: string) => `/p/${f}`;
  const index = new ProgramIndex([sigterm]);
  for (const [f, text] of Object.entries(files)) if (indexed(f)) index.update(abs(f), text, false);
  return analyze(new FileContext(abs(file), files[file]), { config: defaultConfig(), rules: [sigterm], program: index.view(abs(file)) }).findings.length;
}
