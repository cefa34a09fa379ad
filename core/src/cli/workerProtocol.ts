/**
 * What the CLI's main thread and its scan workers (`--concurrency`) send each other. Everything is plain
 * data (structured clone): jobs are paths with the walk's facts, answers are findings, summaries and the
 * files the rules read. The configuration travels with its allowlist patterns as sources, compiled again in
 * the worker (a compiled pattern is a closure).
 */
import type { ResolvedConfig } from '../config';
import type { DeferredFile, FileAnalysis, FileJob, IndexedSummary } from '../fileAnalysis';
import type { TreeLanguage } from '../treesitter/runtime';
import type { Finding } from '../types';
import { compileUserPattern } from '../userPattern';
import type { ReadEntry } from './cacheReads';

/** `workerData` of a scan worker: the bundle (or compiled module) it runs knows by this that it is one. */
export const WORKER_MARK = 'twelveFactorScanWorker';
/**
 * The same mark as an argument on the worker's `process.argv`: the entry tests it before loading
 * `node:worker_threads`, which with the stream modules it pulls in is start-up a run in the main thread never needs.
 */
export const WORKER_ARG = '--twelve-factor-scan-worker';

export type PlainConfig = Omit<ResolvedConfig, 'secrets'> & { secrets: Omit<ResolvedConfig['secrets'], 'allowValues'> & { allowValues: string[] } };

/** What a worker needs to analyse the files of one scan as the main thread would. */
export interface WorkerSetup {
  root: string;
  config: PlainConfig;
  maxFileSize: number;
  /** `--cache`: hash each file, and log what the rules read (with signatures) for the cache file. */
  cache: boolean;
  /** `--staged`: the snapshot's files, read before the project's (`stagedHost`). */
  staged?: { projectRoot: string; files: string[] };
}

/** A file to analyse; `expectKey` is its cache entry's key, which a worker that hashes the file to it need not analyse. */
export type WorkerJob = FileJob & { expectKey?: string };

export type FileReply =
  | { kind: 'unreadable'; code: string }
  /** The content hashes to the cache entry's key: the main thread takes the entry. */
  | { kind: 'cached'; hash: string }
  | { kind: 'analysed'; hash: string; analysis: FileAnalysis }
  /** The analysis threw in the worker: the main thread analyses the file itself. */
  | { kind: 'failed'; message: string };

export type ProgramReply =
  /** The file could not be read again: the program phase passes over it, as in one thread. */
  | { kind: 'gone' }
  | { kind: 'analysed'; findings: Finding[]; suppressed: Finding[] }
  | { kind: 'failed'; message: string };

export type ToWorker =
  | { type: 'setup'; setup: WorkerSetup }
  | { type: 'files'; id: number; jobs: WorkerJob[] }
  /** The program index, module by module in the main thread's order, for the program phase. */
  | { type: 'index'; modules: Array<[string, IndexedSummary]> }
  | { type: 'program'; id: number; files: DeferredFile[] };

export interface WorkerAnswer {
  id: number;
  results: Array<FileReply | ProgramReply>;
  /** What the rules read while answering (with `--cache`): the main thread's cache log adopts it. */
  reads: ReadEntry[];
  /** Grammars that failed to load in this worker since its last answer. */
  languageFailures: Array<[TreeLanguage, string]>;
}

export function plainConfig(config: ResolvedConfig): PlainConfig {
  return { ...config, secrets: { ...config.secrets, allowValues: config.secrets.allowValues.map((p) => p.source) } };
}

/** The configuration again, its patterns compiled (each compiled in the main thread before, so none fails). */
export function configFromPlain(plain: PlainConfig): ResolvedConfig {
  const allowValues = plain.secrets.allowValues.flatMap((source) => {
    const compiled = compileUserPattern(source);
    return 'pattern' in compiled ? [compiled.pattern] : [];
  });
  return { ...plain, secrets: { ...plain.secrets, allowValues } };
}
