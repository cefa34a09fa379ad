import type { RuleMeta } from '../rules/types';
import type { Finding } from '../types';
import type { WorkspaceFact } from '../workspace/facts';
import { factorOf } from '../rules/metadata';

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
}

export interface ComplianceReport {
  folder: string;
  factors: FactorReport[];
  /** Factors that pass or do not apply. */
  score: number;
  /** Files the scan read. */
  filesScanned: number;
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
export function computeCompliance(folder: string, all: Finding[], facts: WorkspaceFact[], rules: readonly RuleMeta[], filesScanned: number): ComplianceReport {
  const factorOfRule = new Map(rules.map((r) => [r.id, factorOf(r.id).factor]));
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
    } else if (checked) {
      status = 'pass';
      const infos = own.length;
      reason = infos > 0 ? `${plural(infos, 'note')}, nothing to fix` : 'No problems found';
    } else {
      status = 'not-applicable';
      reason = 'No check applies to this folder';
    }
    const suppressed = silenced.filter((f) => factorOfRule.get(f.ruleId) === n).length;
    return { factor: n, roman, name, status, reason, findings: own, suppressed, facts: ownFacts };
  });
  const score = factors.filter((f) => f.status === 'pass' || f.status === 'not-applicable').length;
  return { folder, factors, score, filesScanned };
}
