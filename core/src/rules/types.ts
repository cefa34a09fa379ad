import type { FileContext } from '../context';
import type { FixesOf } from '../fixes/lazy';
import type { ModuleFacts } from '../program/types';
import type { FileKind, SeveritySetting } from '../types';

export interface RuleMeta {
  /** `<factor>/<name>`, e.g. `config/hardcoded-secret`. */
  id: string;
  /** `off` for opt-in rules (they run once a setting or the config gives them a severity). */
  defaultSeverity: SeveritySetting;
  /** One sentence, shown in SARIF `shortDescription` and the docs. */
  description: string;
  /**
   * The rule reports secrets: the configuration's `secrets.allowlist` (values and paths) and the secret
   * scanners' own directives (`gitleaks:allow`, `pragma: allowlist secret`, `secretlint-disable`) apply
   * to it. (Its factor and documentation page follow from its id: rules/metadata.ts.)
   */
  reportsSecrets?: boolean;
  /**
   * The rule also reads a minified or generated bundle (every other rule passes it over): the secret rule,
   * which looks only for provider formats there.
   */
  readsMinified?: boolean;
  /**
   * For SARIF (GitHub code scanning): `securitySeverity` (0.0–10.0) for rules whose findings expose
   * credentials, how often a finding is right (`precision`, default `high`), and extra `tags` (a CWE).
   */
  sarif?: { securitySeverity?: string; precision?: 'very-high' | 'high' | 'medium' | 'low'; tags?: readonly string[] };
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
  /**
   * A sharper test on the raw text, run after the keywords and before any parse, for rules whose keywords
   * are common words (`listen`, `npm`): most files that say `addEventListener` start no server. Given the
   * file's kind, so a rule that reads two languages tests each one's shapes only on its files, and the
   * file's context, whose `lineLocal` keeps a line-local test's result per run of lines across keystrokes.
   */
  gate?: (text: string, kind: FileKind, context: FileContext) => boolean;
  /**
   * For rules with `summarize`: the literals that make a module worth summarising (a module holding a
   * SIGTERM handler need not mention `listen`). Defaults to `keywords`.
   */
  summaryKeywords?: readonly string[];
  /**
   * For rules with `summarize`: a sharper test on the raw text after `summaryKeywords`, before any parse (as `gate`
   * is to `keywords`). It must let in every module whose summary says something: it only saves the tree. Given the
   * keywords of the index's rules that occur in the text (`FileContext.keywordsPresent`, counted once per version).
   */
  summaryGate?: (text: string, kind: FileKind, context: FileContext, present: ReadonlySet<string>) => boolean;
  /** For rules with `summarize`: the kinds of file summarised, when they differ from the kinds checked. */
  summaryKinds?: readonly FileKind[];
  /**
   * Some findings of the rule are leaks wherever they sit (a live key in a test): the engine runs it on test
   * code even when `testFiles.severity` is off, and keeps findings marked `Report.leak` at the rule's severity.
   */
  leaksInTests?: boolean;
}

/** What a rule reports: offsets in the file's text; the engine turns them into ranges and messages. */
export interface Report {
  messageId: string;
  data?: Record<string, string>;
  start: number;
  end: number;
  /**
   * The fixes offered, best first: plain offsets and text, never applied by the rule. A function when computing
   * them costs more than a glance: called only when a code action or `--fix` asks, never for diagnostics.
   */
  fixes?: FixesOf;
  /** What identifies this finding apart from its position (for the fingerprint); never a secret in clear. */
  identity?: string;
  /**
   * Steps below the rule's severity, configured or default (error → warning → info → hint), for a finding
   * milder than the rule's usual one: a password to `localhost` opens only the developer's own machine, a
   * cosmetic `.env` note changes nothing any tool reads. The one way a rule says "milder": the engine applies it.
   */
  demote?: number;
  /** In test code, reported at the rule's severity whatever `testFiles.severity` says (needs `meta.leaksInTests`). */
  leak?: boolean;
  /**
   * The rule judges the finding's place to be test code though the file's path is not a test path (a CI
   * service container's password, seed data): the finding is treated as one in a test file.
   */
  testCode?: boolean;
  /**
   * A secret found by its name alone, with no second signal (secrets/evidence.ts): reported as information
   * unless `secrets.reportByNameAlone` asks for the rule's severity.
   */
  nameOnly?: boolean;
}

export type { ModuleFacts } from '../program/types';

export interface Rule {
  meta: RuleMeta;
  check(context: FileContext, report: (r: Report) => void): void;
  /**
   * For rules that judge a program rather than a file: what this module tells the others. The program index
   * keeps these per file (cached by content), and `context.program` answers from them.
   */
  summarize?(context: FileContext): ModuleFacts;
}
