import type { FileContext } from '../context';
import type { FixDescriptor } from '../fixes/types';
import type { FileKind, Severity } from '../types';

export interface RuleMeta {
  /** `<factor>/<name>`, e.g. `config/hardcoded-secret`. */
  id: string;
  /** The factor number, 1 to 12, and its name. */
  factor: number;
  factorName: string;
  defaultSeverity: Severity;
  /** One sentence, shown in SARIF `shortDescription` and the docs. */
  description: string;
  /** Documentation page; `codeDescription.href` of every diagnostic. */
  docs: string;
  /** Message templates keyed by message id; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
  fixable: boolean;
  /** The file kinds the rule reads. */
  kinds: readonly FileKind[];
  /**
   * Cheap lower-case literals tested on the raw text before anything is parsed; a file holding none of
   * them is not given to the rule. Empty means the rule always runs on its kinds.
   */
  keywords: readonly string[];
}

/** What a rule reports: offsets in the file's text; the engine turns them into ranges and messages. */
export interface Report {
  messageId: string;
  data?: Record<string, string>;
  start: number;
  end: number;
  /** The fix offered, if any: plain offsets and text, never applied by the rule. */
  fix?: FixDescriptor;
  /** What identifies this finding apart from its position (for the fingerprint); never a secret in clear. */
  identity?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(context: FileContext, report: (r: Report) => void): void;
}
