import * as path from 'node:path';
import type { Finding, Severity } from '../types';
import type { ScanResult } from './types';

/**
 * The JSON report, and the flattened, sorted view of findings that the text and SARIF reports share, so
 * all three formats agree on paths, positions and order.
 */

/** A finding as reports show it: path relative to the root, 1-based positions, no offsets. */
export interface ReportFinding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** Relative to the scan root, forward slashes on every platform. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** 1-based column just past the end (exclusive), as in ESLint and SARIF. */
  endColumn: number;
  data: Record<string, string>;
  fingerprint: string;
  /** On suppressed findings only: the directive and its `-- reason`. */
  suppression?: { kind: 'inSource'; directive: string; justification?: string };
}

export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** The JSON summary: the findings reported by severity, plus those silenced inline and those the baseline held. */
export interface JsonSummary extends ReportSummary {
  suppressed: number;
  baselined: number;
}

export interface JsonReport {
  version: string;
  root: string;
  filesScanned: number;
  summary: JsonSummary;
  findings: ReportFinding[];
  /** Findings silenced by inline directives, for audit; not counted in the severities above. */
  suppressed: ReportFinding[];
  skipped: Array<{ file: string; reason: string }>;
  /**
   * The root's workspace facts, for the factors no line of code answers (the CLI's scan of a folder): `file`
   * relative to the root like every other path. Absent when the caller did not compute them.
   */
  facts?: Array<{ id: string; factor: number; status: string; message: string; file?: string }>;
}

/**
 * `file` relative to `root` with forward slashes. Windows-style inputs are handled with path.win32 whatever
 * the host, so a report made from a Windows scan reads the same in CI.
 */
export function relativePath(root: string, file: string): string {
  const windows = /^[a-zA-Z]:[\\/]|^\\\\/.test(root) || /^[a-zA-Z]:[\\/]|^\\\\/.test(file);
  const rel = (windows ? path.win32 : path.posix).relative(root, file);
  return rel.split(/[\\/]/).join('/');
}

/** Findings flattened and in a stable order: file, line, column, rule id (then the rest, so ties are stable too). */
export function reportFindings(result: ScanResult): ReportFinding[] {
  const flat = result.findings.map((f) => flatten(result.root, f));
  return flat.sort(compareFindings);
}

/** The inline-suppressed findings, flattened and sorted like the others. */
export function suppressedFindings(result: ScanResult): ReportFinding[] {
  return (result.suppressed ?? []).map((f) => flatten(result.root, f)).sort(compareFindings);
}

function flatten(root: string, f: Finding): ReportFinding {
  const s = f.suppression;
  const flat: ReportFinding = {
    ruleId: f.ruleId,
    messageId: f.messageId,
    message: f.message,
    severity: f.severity,
    file: relativePath(root, f.file),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    data: { ...f.data },
    fingerprint: f.fingerprint,
  };
  if (s) flat.suppression = s.justification ? { kind: s.kind, directive: s.directive, justification: s.justification } : { kind: s.kind, directive: s.directive };
  return flat;
}

/** Plain code-unit comparison rather than localeCompare: the order must not change with the machine's locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

export function summarize(findings: readonly { severity: Severity }[]): ReportSummary {
  const summary: ReportSummary = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else if (f.severity === 'info') summary.infos++;
    else summary.hints++;
  }
  return summary;
}

export function skippedFiles(result: ScanResult): Array<{ file: string; reason: string }> {
  return result.skipped
    .map((s) => ({ file: relativePath(result.root, s.file), reason: s.reason }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason));
}

export function toJsonReport(result: ScanResult): JsonReport {
  const findings = reportFindings(result);
  const suppressed = suppressedFindings(result);
  return {
    version: result.version,
    root: result.root,
    filesScanned: result.filesScanned,
    summary: { ...summarize(findings), suppressed: suppressed.length, baselined: result.baselined ?? 0 },
    findings,
    suppressed,
    skipped: skippedFiles(result),
    ...(result.facts ? { facts: result.facts.map((f) => ({ id: f.id, factor: f.factor, status: f.status, message: f.message, ...(f.file ? { file: relativePath(result.root, f.file) } : {}) })) } : {}),
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
