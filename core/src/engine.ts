import { createHash } from './lazyModules';
import { defaultConfig, globMatcher, type ResolvedConfig } from './config';
import { FileContext } from './context';
import { isLockfile } from './fileKinds';
import { covers, gateOf, textGatesOn } from './keywords';
import { FindingFixes } from './fixes/lazy';
import type { FixDescriptor } from './fixes/types';
import { rules as allRules } from './rules';
import type { Report, Rule } from './rules/types';
import type { Suppressions } from './suppressions';
import type { FileHost } from './host';
import type { ProgramView } from './program/types';
import type { Finding, Severity, SeveritySetting } from './types';

/** Files larger than this are not analysed (a notice says so): 2 MiB is far above any hand-written source file. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  /** The file's path relative to the project root, for the config's globs. */
  relativePath?: string;
  maxFileSize?: number;
  rules?: readonly Rule[];
  /** The program the file belongs to (server and CLI keep an index); rules that need it skip without. */
  program?: ProgramView;
  /** Access to other files for rules that read one (schema, `.env.example`). */
  host?: FileHost;
}

export interface AnalysisResult {
  findings: Finding[];
    /**
   * Why the file was passed over, or analysed only in part (a rule failed, a parser gave up), when it was.
   * {@link isAnalysisFailure} tells the second kind, which outputs always show.
   */
  skipped?: string;
  /**
   * Findings an inline directive silenced, each with its `suppression`: never diagnostics, but reports
   * count them, SARIF lists them as `suppressions`, and the CLI's `--no-inline-ignores` reports them.
   */
  suppressed: Finding[];
  /** The fixes of each finding that has some. Kept apart from the findings so they are never serialised (a move holds the secret). */
  fixes: Map<Finding, FixDescriptor[]>;
}

/** Matchers are built once per config object, not once per file. */
const matcherCache = new WeakMap<ResolvedConfig, { ignore: (p: string) => boolean; allowPaths: (p: string) => boolean }>();

function matchersOf(config: ResolvedConfig) {
  let m = matcherCache.get(config);
  if (!m) {
    m = { ignore: globMatcher(config.ignore), allowPaths: globMatcher(config.secrets.allowPaths) };
    matcherCache.set(config, m);
  }
  return m;
}

/** Runs every rule that reads this kind of file over one file version. Never throws on any input. */
export function analyze(context: FileContext, options: AnalyzeOptions = {}): AnalysisResult {
  const config = options.config ?? defaultConfig();
  // Test-ness is judged inside the project, whatever folders the project itself sits in; set before any
  // early return, because callers index the context's test-ness after the analysis.
  if (options.relativePath !== undefined) context.relativePath = options.relativePath;
  const fixes = new FindingFixes<Finding>();
  const text = context.text;
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) return { findings: [], suppressed: [], fixes, skipped: `larger than ${Math.round(maxSize / 1024)} KiB` };
  if (context.binary) return { findings: [], suppressed: [], fixes, skipped: 'binary' };
  if (isLockfile(context.path)) return { findings: [], suppressed: [], fixes };
  // A bundle keeps only the provider-format secret checks: a live key shipped in `dist/` is still a leak.
  context.generated = context.minified;
  const relativePath = options.relativePath ?? context.path;
  const matchers = matchersOf(config);
  if (matchers.ignore(relativePath)) return { findings: [], suppressed: [], fixes };

  if (options.program) context.program = options.program;
  if (options.host) context.host = options.host;
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const ruleList = context.generated ? generatedRules(options.rules ?? allRules) : options.rules ?? allRules;
  let present: ReadonlySet<string> | undefined;
  let suppressions: Suppressions | undefined;
  const occurrences = new Map<string, number>();
  let skipped: string | undefined;
  for (const rule of ruleList) {
    const meta = rule.meta;
    if (!meta.kinds.includes(context.kind)) continue;
    const configured = severityOf(rule, config, false);
    if (configured === 'off') continue;
    const testSeverity = context.isTestFile ? severityOf(rule, config, true) : configured;
    if (testSeverity === 'off' && !meta.leaksInTests) continue;
    if (meta.reportsSecrets && matchers.allowPaths(relativePath)) continue;
    if (meta.keywords.length > 0) present ??= context.keywordsPresent(keywordSource(ruleList));
    if (!ruleReads(rule, context, present)) continue;
    const reports: Report[] = [];
    try {
      rule.check(context, (r) => reports.push(r));
    } catch (error) {
      // A rule bug (or input that overflows its recursion) costs that rule on that file, never the other
      // rules' findings and never the server; the reason is kept so the file is not shown as clean silently.
      reports.length = 0;
      const message = error instanceof Error ? error.message : String(error);
      skipped ??= `rule ${meta.id} failed: ${message.split('\n')[0]}`;
      continue;
    }
    for (const r of reports) {
      // A finding never points outside the text (a parser's error position can be one past its end).
      r.start = Math.max(0, Math.min(r.start, text.length));
      r.end = Math.max(r.start, Math.min(r.end, text.length));
      if (meta.reportsSecrets && allowlisted(config, text.slice(r.start, r.end))) continue;
      // A leak, or any secret once the user asks for test code to be judged like the rest, keeps the rule's severity.
      const asCode = r.leak === true || (meta.reportsSecrets === true && config.secrets.reportInTests);
      const inTest = context.isTestFile || r.testCode === true;
      const steps = r.nameOnly && !config.secrets.reportByNameAlone ? Math.max(r.demote ?? 0, NAME_ONLY_STEPS) : r.demote;
      const severity = demote(asCode || !inTest ? configured : severityOf(rule, config, true), steps);
      if (severity === 'off') continue;
      const range = context.lines.range(r.start, r.end);
      suppressions ??= context.suppressions;
      const suppression = suppressions.suppressionOf(meta.id, range.start.line, meta.reportsSecrets);
      // Lone surrogates hash as U+FFFD: count occurrences on the same well-formed text, or two findings share a fingerprint.
      // Suppressed findings count too, so adding or removing a directive never renumbers the other findings.
      const identity = `${meta.id}|${relativePath.replace(/\\/g, '/')}|${r.identity ?? r.messageId}`.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
      const n = (occurrences.get(identity) ?? 0) + 1;
      occurrences.set(identity, n);
      const finding: Finding = {
        ruleId: meta.id,
        messageId: r.messageId,
        message: render(meta.messages[r.messageId] ?? r.messageId, r.data ?? {}),
        severity,
        file: context.path,
        range,
        start: r.start,
        end: r.end,
        data: r.data ?? {},
        fingerprint: createHash('sha256').update(`${identity}|${n}`).digest('hex').slice(0, 32),
      };
      if (suppression) {
        suppressed.push({ ...finding, suppression });
        continue;
      }
      findings.push(finding);
      fixes.add(finding, r.fixes);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  skipped ??= context.incomplete;
  // Still said to be passed over: every other rule skipped it, and the status bar should say so.
  if (context.generated) skipped ??= 'minified';
  return skipped ? { findings, suppressed, fixes, skipped } : { findings, suppressed, fixes };
}

/**
 * Whether a rule reads this file at all, severity aside: its kinds, then its keywords on the raw text (from
 * `present`, the keywords the engine found in one pass, when given), then its gate. The engine's prefilter,
 * which the CLI's scan also asks before it keeps a file for the program rules that run after the walk.
 */
export function ruleReads(rule: Rule, context: FileContext, present?: ReadonlySet<string>): boolean {
  const meta = rule.meta;
  if (!meta.kinds.includes(context.kind)) return false;
  if (!textGatesOn()) return true;
  if (meta.keywords.length > 0 && !meta.keywords.some((k) => (present ? present.has(k) : context.lowerText.includes(k)))) return false;
  return !meta.gate || meta.gate(context.text, context.kind, context);
}

/**
 * The rules whose keywords the engine counts for a rule list: the whole registry's when it covers the list's (any
 * list taken from it: the scan's file rules, a bundle's rules), so one pass over the text also answers the program
 * index's summary and the scan's "does a program rule read it", which ask for the program rules' keywords.
 */
export function keywordSource(rules: readonly Rule[]): readonly Rule[] {
  return rules === allRules || covers(gateOf(allRules), rules) ? allRules : rules;
}

const generatedLists = new WeakMap<readonly Rule[], readonly Rule[]>();
/** The rules that read a minified bundle: those whose meta says `readsMinified`. */
function generatedRules(rules: readonly Rule[]): readonly Rule[] {
  let list = generatedLists.get(rules);
  if (!list) {
    list = rules.filter((r) => r.meta.readsMinified === true);
    generatedLists.set(rules, list);
  }
  return list;
}

/**
 * Whether a skip reason says analysis failed (a rule crashed, a parser gave up) rather than that the file was
 * passed over on purpose (binary, minified, too large): a failure may hide findings, so every output shows it.
 */
export function isAnalysisFailure(reason: string): boolean {
  return /^(rule \S+ failed|not fully analysed)/.test(reason);
}

function allowlisted(config: ResolvedConfig, secret: string): boolean {
  // A secret too long for a user pattern to look at is not allowlisted: reporting it is the safe side.
  return config.secrets.allowValues.some((re) => re.test(secret) === true);
}

export function severityOf(rule: Rule, config: ResolvedConfig, isTestFile: boolean): SeveritySetting {
  const configured = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  if (configured === 'off' || !isTestFile) return configured;
  const test = config.testFiles.severity;
  // Test code is reported at the test severity, but never above what the rule is set to.
  return test === 'off' ? 'off' : moreLenient(configured, test);
}

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];

/** A secret found by its name alone: error → information (two steps), as other samples are. */
const NAME_ONLY_STEPS = 2;

/** `steps` levels more lenient, never below hint. */
function demote(severity: SeveritySetting, steps = 0): SeveritySetting {
  if (severity === 'off' || steps <= 0) return severity;
  return ORDER[Math.max(0, ORDER.indexOf(severity) - steps)];
}

function moreLenient(a: Severity, b: Severity): Severity {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

function render(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => data[key] ?? whole);
}

export { FileContext };
