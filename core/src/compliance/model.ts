import type { RuleMeta } from '../rules/types';
import type { Finding } from '../types';
import type { WorkspaceFact } from '../workspace/facts';
import { factorOf } from '../rules/metadata';
import { fileKindOf } from '../fileKinds';

export type { WorkspaceFact } from '../workspace/facts';

export type FactorStatus = 'pass' | 'warnings' | 'failing' | 'not-applicable';

export interface FactorReport {
  factor: number;
  roman: string;
  name: string;
  status: FactorStatus;
  /** One line saying why the factor has its status. */
  reason: string;
  findings: Finding[];
  /** Findings of this factor an inline ignore comment silenced: shown as a count, so ignores stay visible. */
  suppressed: number;
  facts: WorkspaceFact[];
  /**
   * Files this factor's checks could not fully analyse (a rule or a parser failed on them): they may hide
   * findings, so a factor that would pass shows warnings instead, and the files are listed under it.
   */
  notAnalysed: SkippedFile[];
}

/** A file the scan passed over or could not fully analyse, with the reason the engine gave. */
export interface SkippedFile {
  file: string;
  reason: string;
  /**
   * True when analysis was attempted and failed (a rule threw, a parser overflowed): findings may be
   * missing. False for files passed over on purpose (binary, minified, larger than the limit, unreadable).
   */
  failed: boolean;
}

export interface ComplianceReport {
  folder: string;
  factors: FactorReport[];
  /** Factors that pass or do not apply. */
  score: number;
  /** Files the scan read. */
  filesScanned: number;
  /** Files passed over or not fully analysed, failures first: never counted clean. */
  skipped: SkippedFile[];
}

export const FACTORS: ReadonlyArray<{ roman: string; name: string }> = [
  { roman: 'I', name: 'Codebase' },
  { roman: 'II', name: 'Dependencies' },
  { roman: 'III', name: 'Config' },
  { roman: 'IV', name: 'Backing services' },
  { roman: 'V', name: 'Build, release, run' },
  { roman: 'VI', name: 'Processes' },
  { roman: 'VII', name: 'Port binding' },
  { roman: 'VIII', name: 'Concurrency' },
  { roman: 'IX', name: 'Disposability' },
  { roman: 'X', name: 'Dev/prod parity' },
  { roman: 'XI', name: 'Logs' },
  { roman: 'XII', name: 'Admin processes' },
];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The twelve factors' statuses from the findings of a folder and its workspace facts. Findings that carry a
 * `suppression` (an inline ignore silenced them) do not count towards a status; each factor counts them. A factor fails on an
 * error finding or a failing fact, has warnings on anything less, passes when its checks ran and found
 * nothing, and is "not applicable" only when no rule or fact speaks to it.
 */
export function computeCompliance(folder: string, all: Finding[], facts: WorkspaceFact[], rules: readonly RuleMeta[], filesScanned: number,
  skippedFiles: ReadonlyArray<{ file: string; reason: string; failed: boolean }> = []): ComplianceReport {
  const factorOfRule = new Map(rules.map((r) => [r.id, factorOf(r.id).factor]));
  const skipped = [...skippedFiles].sort((a, b) => Number(b.failed) - Number(a.failed) || a.file.localeCompare(b.file));
  const notAnalysed = factorsNotAnalysed(skipped, rules);
  const findings = all.filter((f) => !f.suppression);
  const silenced = all.filter((f) => f.suppression);
  const factors = FACTORS.map(({ roman, name }, i): FactorReport => {
    const n = i + 1;
    const own = findings.filter((f) => factorOfRule.get(f.ruleId) === n);
    const ownFacts = facts.filter((f) => f.factor === n);
    const checked = rules.some((r) => factorOfRule.get(r.id) === n) || ownFacts.length > 0;
    const errors = own.filter((f) => f.severity === 'error').length;
    const warnings = own.filter((f) => f.severity === 'warning').length;
    const failing = ownFacts.filter((f) => f.status === 'fail');
    const warningFacts = ownFacts.filter((f) => f.status === 'warning');
    let status: FactorStatus;
    let reason: string;
    if (errors > 0 || failing.length > 0) {
      status = 'failing';
      reason = failing[0]?.message ?? `${plural(errors, 'error')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`;
    } else if (warnings > 0 || warningFacts.length > 0) {
      status = 'warnings';
      reason = warnings > 0 ? plural(warnings, 'warning') : warningFacts[0].message;
    } else if (notAnalysed.get(n)) {
      // Nothing found, but not every file was read: "pass" would count the unread files as clean.
      status = 'warnings';
      reason = `${plural(notAnalysed.get(n)?.length ?? 0, 'file')} not fully analysed`;
    } else if (checked) {
      status = 'pass';
      const infos = own.length;
      reason = infos > 0 ? `${plural(infos, 'note')}, nothing to fix` : 'No problems found';
    } else {
      status = 'not-applicable';
      reason = 'No check applies to this folder';
    }
    const suppressed = silenced.filter((f) => factorOfRule.get(f.ruleId) === n).length;
    return { factor: n, roman, name, status, reason, findings: own, suppressed, facts: ownFacts, notAnalysed: notAnalysed.get(n) ?? [] };
  });
  const score = factors.filter((f) => f.status === 'pass' || f.status === 'not-applicable').length;
  return { folder, factors, score, filesScanned, skipped };
}

/**
 * Per factor, the failed files its checks may have missed. The engine names only the first rule that
 * failed, and a parser that gave up fails every rule reading the file, so a failure counts against every
 * factor with a rule that reads that kind of file (and the named rule's factor, whatever its kinds).
 */
function factorsNotAnalysed(skipped: readonly SkippedFile[], rules: readonly RuleMeta[]): Map<number, SkippedFile[]> {
  const out = new Map<number, SkippedFile[]>();
  for (const s of skipped) {
    if (!s.failed) continue;
    const kind = fileKindOf(s.file);
    const named = /^rule (\S+) failed/.exec(s.reason)?.[1];
    const factors = new Set(rules.filter((r) => r.kinds.includes(kind) || r.id === named).map((r) => factorOf(r.id).factor));
    for (const n of factors) {
      const list = out.get(n);
      if (list) list.push(s);
      else out.set(n, [s]);
    }
  }
  return out;
}
