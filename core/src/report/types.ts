import type { RuleMeta } from '../rules/types';
import type { Finding } from '../types';
import type { WorkspaceFact } from '../workspace/facts';

/** What a scan produced: the input of every report format. */
export interface ScanResult {
  /** Absolute path the scan was run from; report paths are relative to it. */
  root: string;
  findings: Finding[];
  filesScanned: number;
  /** Files passed over, with why (too large, minified, binary, unreadable). */
  skipped: Array<{ file: string; reason: string }>;
  /** The rules that ran (SARIF `tool.driver.rules`). */
  rules: RuleMeta[];
  /** Tool version, for SARIF `tool.driver.version`. */
  version: string;
  /**
   * Findings an inline directive silenced, each with its `suppression`: counted in every summary, listed
   * in JSON and in SARIF (as `suppressions`), never in the text report's problems and never in the exit code.
   */
  suppressed?: Finding[];
  /** How many findings matched `--baseline` and were left out. */
  baselined?: number;
  /** The scan root's workspace facts (lockfile, Procfile, web server…), when the caller computed them: JSON lists them. */
  facts?: WorkspaceFact[];
}
