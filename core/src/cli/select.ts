import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, baselineOf, BaselineError, formatBaseline, parseBaseline, type Baseline } from '../report/baseline';
import type { ScanOutput } from '../scan';
import type { Finding } from '../types';

/**
 * What the report shows of a scan: inline ignores kept apart (or reported, with `--no-inline-ignores`),
 * then the baseline's findings left out (`--baseline`), after `--write-baseline` recorded them.
 */
export interface Selection {
  findings: Finding[];
  suppressed: Finding[];
  baselined: number;
  /** For stderr: what `--write-baseline` did. */
  notes: string[];
}

export interface SelectOptions {
  root: string;
  inlineIgnores: boolean;
  /** Read before the scan, so a bad file stops the run before any work. */
  baseline?: Baseline;
  writeBaseline?: string;
}

/** Reads `--baseline FILE`; a missing or malformed file is a usage error (exit 2), never an empty baseline. */
export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    throw new BaselineError(`baseline ${file}: ${(error as Error).message}`);
  }
}

export function selectFindings(output: ScanOutput, options: SelectOptions): Selection {
  let findings = output.files.flatMap((f) => f.findings);
  let suppressed = output.files.flatMap((f) => f.suppressed);
  if (!options.inlineIgnores) {
    // CI that does not accept inline ignores sees them as the findings they are.
    findings = [...findings, ...suppressed.map(({ suppression: _ignored, ...f }) => f)];
    suppressed = [];
  }
  const notes: string[] = [];
  let baseline = options.baseline;
  if (options.writeBaseline !== undefined) {
    baseline = baselineOf(options.root, findings);
    const file = path.resolve(options.root, options.writeBaseline);
    fs.writeFileSync(file, formatBaseline(baseline));
    notes.push(`Wrote ${baseline.entries.length} finding(s) to the baseline ${path.relative(options.root, file) || file}.`);
  }
  let baselined = 0;
  if (baseline) {
    const applied = applyBaseline(options.root, findings, baseline);
    findings = applied.kept;
    baselined = applied.matched;
  }
  return { findings, suppressed, baselined, notes };
}
