/**
 * One file's analysis as a scan makes it, in the main thread or in a worker (`cli/scanWorker.ts`): the file
 * rules over the file, and what the program index and the program phase need of it, as plain data; then the
 * program rules over a deferred file. The scan's bookkeeping around it is `scanRun.ts`.
 */
import { FileContext } from './context';
import { analyze, keywordSource, ruleReads } from './engine';
import type { ResolvedConfig } from './config';
import { createHash } from './lazyModules';
import type { FixDescriptor } from './fixes/types';
import type { FileHost } from './host';
import { summarize } from './program';
import type { ModuleSummary, ProgramView } from './program/types';
import { rules as allRules } from './rules';
import type { Rule } from './rules/types';
import type { Finding } from './types';

/** What `--cache` compares of a file instead of reading it (`signatureOf`). */
export type FileStat = { size: number; mtimeMs: number; ctimeMs?: number; ino?: number };

/** A file to read and analyse: everything a worker thread needs to do it (plain data). */
export interface FileJob {
  file: string;
  relativePath: string;
  gitIgnored: boolean;
  gitTracked: boolean;
  /** The cache key without its content hash: flags and path. */
  rest: string;
  stat: FileStat;
}

/** A file the program rules judge once every module is indexed. */
export type DeferredFile = Pick<FileJob, 'file' | 'relativePath' | 'gitIgnored' | 'gitTracked'>;

/** A module's summary for the program index, with its content hash (`ProgramIndex.restore`). */
export type IndexedSummary = Omit<ModuleSummary, 'file'> & { hash: string };

/** What the file rules made of one file: plain data, so a worker thread can send it back as it is. */
export interface FileAnalysis {
  findings: Finding[];
  suppressed: Finding[];
  skipped?: string;
  /** JS, Python and Go modules that were not skipped: what the program index keeps of them. */
  summary?: IndexedSummary;
  /** A program rule reads this file: it is judged again once every module is indexed. */
  needsProgram: boolean;
}

/** The same, with what only the thread that analysed the file holds: the fixes (closures over the tree). */
export type LocalAnalysis = FileAnalysis & { fixes: Map<Finding, FixDescriptor[]> };

/** What one file's analysis needs besides its text: the same in the main thread and in a worker. */
export interface AnalysisEnv {
  config: ResolvedConfig;
  maxFileSize: number;
  host?: FileHost;
  fileRules: readonly Rule[];
  programRules: readonly Rule[];
}

/** The rule set split as the scan runs it: program rules after every module is indexed, the others per file. */
export function splitRules(rules: readonly Rule[] = allRules): { fileRules: Rule[]; programRules: Rule[] } {
  return { fileRules: rules.filter((r) => !r.summarize), programRules: rules.filter((r) => r.summarize) };
}

/** The file rules over one file, and what the program index and the program phase need of it. */
export function analyseFile(job: DeferredFile, text: string, env: AnalysisEnv): LocalAnalysis {
  const context = new FileContext(job.file, text, { gitIgnored: job.gitIgnored, gitTracked: job.gitTracked });
  const result = analyze(context, { config: env.config, relativePath: job.relativePath, maxFileSize: env.maxFileSize, rules: env.fileRules, host: env.host });
  if (result.skipped) return { findings: result.findings, suppressed: result.suppressed, skipped: result.skipped, needsProgram: false, fixes: result.fixes };
  // Read after the analysis, which sets the path that test-ness is judged on.
  const summary = context.kind === 'js' || context.kind === 'go' || context.kind === 'python'
    ? { ...summarize(context, env.programRules), isTest: context.isTestFile, hash: createHash('sha1').update(text).digest('hex') }
    : undefined;
  // The keywords counted once for the file rules (the registry's, `keywordSource`), not one search per keyword.
  const needsProgram = env.programRules.some((r) => ruleReads(r, context, context.keywordsPresent(keywordSource(env.programRules))));
  return { findings: result.findings, suppressed: result.suppressed, summary, needsProgram, fixes: result.fixes };
}

/** The program rules over one deferred file, given the program it belongs to. */
export function analyseProgram(d: DeferredFile, text: string, program: ProgramView, env: AnalysisEnv) {
  return analyze(new FileContext(d.file, text, { gitIgnored: d.gitIgnored, gitTracked: d.gitTracked }), {
    config: env.config, relativePath: d.relativePath, maxFileSize: env.maxFileSize, rules: env.programRules, program, host: env.host,
  });
}
