import type { Severity } from '../types';
import { isAnalysisFailure } from '../engine';
import { reportFindings, skippedFiles, summarize, type ReportFinding, type ReportSummary } from './json';
import type { ScanResult } from './types';

/**
 * The human report: findings grouped by file, ESLint "stylish"-like, one finding per line as
 * `  line:column  severity  message  rule-id`. Columns are not padded so every line keeps the same shape
 * for people who grep or diff the output.
 */

export interface TextOptions {
  /** ANSI colour; the CLI asks for it only when stdout is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** List every skipped file instead of one count line. */
  verbose?: boolean;
}

type Style = (s: string) => string;

interface Palette {
  file: Style;
  dim: Style;
  severity: Record<Severity, Style>;
  problem: Style;
  ok: Style;
}

const sgr =
  (open: number, close: number): Style =>
  (s) =>
    `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Style = (s) => s;

const COLOR: Palette = {
  file: sgr(4, 24),
  dim: sgr(2, 22),
  severity: { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), hint: sgr(2, 22) },
  problem: (s) => sgr(1, 22)(sgr(31, 39)(s)),
  ok: sgr(32, 39),
};

const PLAIN: Palette = {
  file: plain,
  dim: plain,
  severity: { error: plain, warning: plain, info: plain, hint: plain },
  problem: plain,
  ok: plain,
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatText(result: ScanResult, options: TextOptions = {}): string {
  const p = options.color ? COLOR : PLAIN;
  const findings = reportFindings(result);
  const out: string[] = [];

  for (const [file, group] of groupByFile(findings)) {
    out.push(p.file(file));
    for (const f of group) {
      const severity = p.severity[f.severity](f.severity);
      out.push(`  ${p.dim(`${f.line}:${f.column}`)}  ${severity}  ${oneLine(f.message)}  ${p.dim(f.ruleId)}`);
    }
    out.push('');
  }

  out.push(summaryLine(summarize(findings), result.filesScanned, p));

  const skipped = skippedFiles(result);
  // A file whose analysis failed may hide findings: it is always named, with why; the files passed over on
  // purpose are a count unless --verbose.
  const failed = skipped.filter((s) => isAnalysisFailure(s.reason));
  const routine = skipped.filter((s) => !isAnalysisFailure(s.reason));
  for (const s of failed) out.push(p.problem(`skipped ${s.file} (${oneLine(s.reason)})`));
  if (routine.length > 0) {
    if (options.verbose) {
      for (const s of routine) out.push(p.dim(`skipped ${s.file} (${oneLine(s.reason)})`));
    } else {
      out.push(p.dim(`${plural(routine.length, 'file', 'files')} skipped (binary, minified, too large or unreadable; --verbose lists them)`));
    }
  }
  return `${out.join('\n')}\n`;
}

function groupByFile(findings: ReportFinding[]): Map<string, ReportFinding[]> {
  // Findings arrive sorted by file, so insertion order is already the display order.
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

/** A message is one line of output whatever it holds, so one finding can never pass for two. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function summaryLine(s: ReportSummary, filesScanned: number, p: Palette): string {
  const total = s.errors + s.warnings + s.infos + s.hints;
  if (total === 0) return p.ok(`✔ No problems found in ${plural(filesScanned, 'file', 'files')}.`);
  const parts = [plural(s.errors, 'error', 'errors'), plural(s.warnings, 'warning', 'warnings'), `${s.infos} info`];
  // Hints are rare (editor-only nudges); name them only when there are some, to keep the usual line short.
  if (s.hints > 0) parts.push(plural(s.hints, 'hint', 'hints'));
  return p.problem(`✖ ${plural(total, 'problem', 'problems')} (${parts.join(', ')})`);
}
