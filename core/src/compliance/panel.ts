import * as path from 'node:path';
import type { Finding, Severity } from '../types';
import type { ComplianceReport, FactorReport, SkippedFile, WorkspaceFact } from './model';

/**
 * The compliance panel's tree as plain data: the client turns each node into a `TreeItem` and nothing more,
 * so grouping, ordering, folding and counting are tested in plain Node.
 *
 *   folder (multi-root only) → factor → facts, files not fully analysed, then files (errors first) → rule folds or findings
 *                             → "Skipped (N)" → every file passed over or not fully analysed, with its reason
 */
export type PanelNode =
  | { type: 'folder'; id: string; report: ComplianceReport }
  | { type: 'factor'; id: string; report: ComplianceReport; factor: FactorReport; worst: Worst; counts: Counts }
  | { type: 'fact'; id: string; fact: WorkspaceFact }
  | { type: 'file'; id: string; file: string; relative: string; worst: Worst; counts: Counts; findings: Finding[] }
  /** Several findings of one rule in one file, folded into one node. */
  | { type: 'rule'; id: string; ruleId: string; file: string; worst: Worst; counts: Counts; findings: Finding[] }
  | { type: 'finding'; id: string; finding: Finding }
  /** The folder's skipped files, after the twelve factors: shown only when there are some. */
  | { type: 'skipped'; id: string; report: ComplianceReport; failed: number }
  | { type: 'skippedFile'; id: string; file: string; relative: string; reason: string; failed: boolean };

/** The worst thing a node holds: drives its icon. `pass` when it holds nothing to fix. */
export type Worst = 'error' | 'warning' | 'info' | 'pass' | 'not-applicable';

export interface Counts {
  errors: number;
  warnings: number;
  /** Infos and hints. */
  notes: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 errors, 5 warnings", or undefined when there is nothing. */
export function formatCounts(counts: Counts): string | undefined {
  const parts: string[] = [];
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'));
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'));
  if (counts.notes > 0) parts.push(plural(counts.notes, 'note'));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function worstOfFindings(counts: Counts): Worst | undefined {
  return counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : counts.notes > 0 ? 'info' : undefined;
}

/**
 * The worst severity a factor holds, from its findings, its facts and the files it could not analyse: a
 * factor with warnings only shows a warning, whatever its status says; a failing fact (no lockfile, say)
 * counts as an error.
 */
export function factorWorst(factor: FactorReport): Worst {
  const counts = countFindings(factor.findings);
  if (counts.errors > 0 || factor.facts.some((f) => f.status === 'fail')) return 'error';
  // A file its checks could not read: whatever else it holds, not a pass.
  if (counts.warnings > 0 || factor.facts.some((f) => f.status === 'warning') || factor.notAnalysed.length > 0) return 'warning';
  if (factor.status === 'not-applicable') return 'not-applicable';
  return counts.notes > 0 ? 'info' : 'pass';
}

/** The factor's line in the panel: its counts when it has findings, why it has its status, and how many findings inline comments ignore. */
export function factorDescription(factor: FactorReport): string {
  const counts = formatCounts(countFindings(factor.findings));
  const parts = [counts && counts !== factor.reason ? `${counts} · ${factor.reason}` : factor.reason];
  const unread = `${plural(factor.notAnalysed.length, 'file')} not fully analysed`;
  if (factor.notAnalysed.length > 0 && factor.reason !== unread) parts.push(unread);
  if (factor.suppressed > 0) parts.push(`${factor.suppressed} ignored inline`);
  return parts.join(' · ');
}

/** The skipped group's line: how many could not be analysed, or what kind of skips the others are. */
export function skippedDescription(node: { report: ComplianceReport; failed: number }): string {
  const routine = node.report.skipped.length - node.failed;
  const parts: string[] = [];
  if (node.failed > 0) parts.push(`${node.failed} not fully analysed`);
  if (routine > 0) parts.push(`${routine} passed over`);
  return parts.join(', ');
}

/** A file's findings by worst severity, then count, then path: the nine secret errors come before 337 warnings. */
function compareGroups(a: { counts: Counts; relative: string }, b: { counts: Counts; relative: string }): number {
  return b.counts.errors - a.counts.errors || b.counts.warnings - a.counts.warnings || b.counts.notes - a.counts.notes
    || a.relative.localeCompare(b.relative);
}

function bySeverityThenPlace(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity] || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The factor's files, each with its relative path (from the folder, `/`-separated) and counts. */
export function fileGroups(folder: string, factorId: string, findings: readonly Finding[]): Array<Extract<PanelNode, { type: 'file' }>> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const groups = [...byFile].map(([file, own]) => {
    const counts = countFindings(own);
    const relative = path.relative(folder, file).split(path.sep).join('/') || path.basename(file);
    return { type: 'file' as const, id: `${factorId}/${relative}`, file, relative, counts, worst: worstOfFindings(counts) ?? 'pass', findings: own };
  });
  return groups.sort(compareGroups);
}

/**
 * One file's children: a rule with one finding there shows the finding; a rule with several shows one folded
 * node holding them. Errors first, then by line.
 */
export function fileChildren(group: { id: string; file: string; findings: readonly Finding[] }): PanelNode[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of [...group.findings].sort(bySeverityThenPlace)) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const nodes: Array<{ node: PanelNode; first: Finding }> = [];
  for (const [ruleId, own] of byRule) {
    if (own.length === 1) nodes.push({ node: findingNode(group.id, own[0]), first: own[0] });
    else {
      const counts = countFindings(own);
      nodes.push({ node: { type: 'rule', id: `${group.id}#${ruleId}`, ruleId, file: group.file, counts, worst: worstOfFindings(counts) ?? 'pass', findings: own }, first: own[0] });
    }
  }
  return nodes.sort((a, b) => bySeverityThenPlace(a.first, b.first)).map((n) => n.node);
}

function findingNode(parent: string, finding: Finding): PanelNode {
  return { type: 'finding', id: `${parent}@${finding.range.start.line}:${finding.range.start.character}:${finding.ruleId}:${finding.fingerprint}`, finding };
}

/** The children of a node (the roots when `node` is undefined), for the reports shown. */
export function panelChildren(reports: readonly ComplianceReport[], node?: PanelNode): PanelNode[] {
  if (!node) {
    if (reports.length === 1) return factorNodes(reports[0]);
    return reports.map((report) => ({ type: 'folder', id: report.folder, report }));
  }
  switch (node.type) {
    case 'folder':
      return factorNodes(node.report);
    case 'factor': {
      // A passing fact says why a factor without findings passes; beside findings it is noise.
      const facts: PanelNode[] = node.factor.facts.filter((f) => f.status !== 'pass' || node.factor.findings.length === 0)
        .map((fact, i) => ({ type: 'fact', id: `${node.id}/fact${i}`, fact }));
      const unread = node.factor.notAnalysed.map((s) => skippedFileNode(node.report.folder, `${node.id}/skipped`, s));
      return [...facts, ...unread, ...fileGroups(node.report.folder, node.id, node.factor.findings)];
    }
    case 'skipped':
      return node.report.skipped.map((s) => skippedFileNode(node.report.folder, node.id, s));
    case 'file':
      return fileChildren(node);
    case 'rule':
      return node.findings.map((f) => findingNode(node.id, f));
    default:
      return [];
  }
}

function factorNodes(report: ComplianceReport): PanelNode[] {
  const nodes: PanelNode[] = report.factors.map((factor) => ({
    type: 'factor', id: `${report.folder}#${factor.factor}`, report, factor, worst: factorWorst(factor), counts: countFindings(factor.findings),
  }));
  const skipped = report.skipped;
  if (skipped.length > 0) nodes.push({ type: 'skipped', id: `${report.folder}#skipped`, report, failed: skipped.filter((s) => s.failed).length });
  return nodes;
}

function skippedFileNode(folder: string, parent: string, s: SkippedFile): PanelNode {
  const relative = path.relative(folder, s.file).split(path.sep).join('/') || path.basename(s.file);
  return { type: 'skippedFile', id: `${parent}/${relative}`, file: s.file, relative, reason: s.reason, failed: s.failed };
}

/** The score line shown in the view itself: "Score 9/12", or one per folder. */
export function scoreMessage(reports: readonly ComplianceReport[]): string | undefined {
  if (reports.length === 0) return undefined;
  const parts = reports.map((r) => {
    const attention = r.factors.filter((f) => f.status === 'failing' || f.status === 'warnings').length;
    const head = reports.length > 1 ? `${path.basename(r.folder)}: ` : '';
    return `${head}${r.score}/12 factors pass${attention > 0 ? `, ${plural(attention, 'factor')} to look at` : ''}`;
  });
  const skipped = skippedSummary(reports);
  return `Score ${parts.join(' · ')}${skipped ? ` · ${skipped}` : ''}`;
}

/** "3 files skipped (1 not fully analysed)", or undefined when every file was read whole. */
export function skippedSummary(reports: readonly ComplianceReport[]): string | undefined {
  const all = reports.flatMap((r) => r.skipped);
  if (all.length === 0) return undefined;
  const failed = all.filter((s) => s.failed).length;
  return `${plural(all.length, 'file')} skipped${failed > 0 ? ` (${failed} not fully analysed)` : ''}`;
}
