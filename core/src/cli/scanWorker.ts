/**
 * A scan worker of the CLI (`--concurrency`): a thread that runs the same bundle as the main thread, reads
 * the files the main thread's walk sends it, analyses them with the file rules (loading a tree-sitter grammar
 * when a file needs one) and answers with plain data. After the walk it may get the program index and judge
 * deferred files with the program rules. It never walks, never writes and never decides what is reported: the
 * main thread takes its answers in walk order (`parallelScan.ts`).
 */
import * as fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { readTextSync } from '../gitignore';
import { ProgramIndex } from '../program';
import { analyseFile, analyseProgram, splitRules, type AnalysisEnv, type DeferredFile, type FileJob } from '../fileAnalysis';
import { unpreparedLanguage } from '../treesitter/prepare';
import { onLanguageFailure, prepareLanguage, type TreeLanguage } from '../treesitter/runtime';
import { hashText } from './cache';
import { tuneHeapForScan } from './memory';
import { ReadLog } from './cacheReads';
import { scanHost } from './scanHost';
import { stagedHost } from './staged';
import { configFromPlain, WORKER_ARG, WORKER_MARK, type FileReply, type ProgramReply, type ToWorker, type WorkerAnswer, type WorkerJob, type WorkerSetup } from './workerProtocol';

/** Whether this thread was started as a scan worker (the CLI's entry then serves scans instead of running the CLI). */
export function isScanWorker(): boolean {
  // The argument first: the main thread (every run without workers) then never loads node:worker_threads.
  if (!process.argv.includes(WORKER_ARG)) return false;
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  return !threads.isMainThread && (threads.workerData as Record<string, unknown> | undefined)?.[WORKER_MARK] === true;
}

interface ScanState {
  setup: WorkerSetup;
  env: AnalysisEnv;
  log?: ReadLog;
  index?: ProgramIndex;
}

/** Answers the main thread's messages one at a time, in the order they came. */
export function serveScans(): void {
  // A worker is started to analyse files: its heap is tuned as the main thread's is before its first file.
  tuneHeapForScan();
  const port = (require('node:worker_threads') as typeof import('node:worker_threads')).parentPort as MessagePort;
  let state: ScanState | undefined;
  const failures: Array<[TreeLanguage, string]> = [];
  onLanguageFailure((language, message) => failures.push([language, message]));
  const answer = (id: number, results: WorkerAnswer['results']): void => {
    const message: WorkerAnswer = { id, results, reads: state?.log?.drain() ?? [], languageFailures: failures.splice(0) };
    port.postMessage(message);
  };
  const handle = async (message: ToWorker): Promise<void> => {
    if (message.type === 'setup') {
      state = begin(message.setup);
    } else if (message.type === 'index' && state) {
      state.index = new ProgramIndex(state.env.programRules, state.env.host);
      for (const [file, summary] of message.modules) state.index.restore(file, summary.hash, summary);
    } else if (message.type === 'files' && state) {
      const results: FileReply[] = [];
      for (const job of message.jobs) results.push(await guard(() => analyseJob(job, state as ScanState)));
      answer(message.id, results);
    } else if (message.type === 'program' && state?.index) {
      const results: ProgramReply[] = [];
      for (const d of message.files) results.push(await guard(() => judgeProgram(d, state as ScanState)));
      answer(message.id, results);
    }
  };
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => handle(message));
  });
}

/** A new scan: its own host (and read log), as the main thread makes one per scan. */
function begin(setup: WorkerSetup): ScanState {
  const disk = scanHost(setup.root);
  const base = setup.staged ? stagedHost(setup.staged.projectRoot, setup.root, setup.staged.files, disk) : disk;
  const log = setup.cache ? new ReadLog(base, hashText, true).journalled() : undefined;
  return {
    setup,
    log,
    env: { config: configFromPlain(setup.config), maxFileSize: setup.maxFileSize, host: log ? log.host() : base, ...splitRules() },
  };
}

/** One file, as `ScanRun.analyseHere` does it in the main thread. */
async function analyseJob(job: WorkerJob, state: ScanState): Promise<FileReply> {
  let text: string;
  try {
    text = fs.readFileSync(job.file, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  }
  let hash = '';
  if (state.setup.cache) {
    hash = hashText(text);
    if (job.expectKey === `${hash}|${job.rest}`) return { kind: 'cached', hash };
  }
  const language = unpreparedLanguage(job.file, text);
  if (language) await prepareLanguage(language);
  const { fixes: _fixes, ...analysis } = analyseFile(job as FileJob, text, state.env);
  return { kind: 'analysed', hash, analysis };
}

async function judgeProgram(d: DeferredFile, state: ScanState): Promise<ProgramReply> {
  const text = readTextSync(d.file);
  if (text === undefined) return { kind: 'gone' };
  const language = unpreparedLanguage(d.file, text);
  if (language) await prepareLanguage(language);
  const result = analyseProgram(d, text, (state.index as ProgramIndex).view(d.file), state.env);
  return { kind: 'analysed', findings: result.findings, suppressed: result.suppressed };
}

/** An analysis that throws costs that file in this worker only: the main thread analyses it itself. */
async function guard<T>(work: () => Promise<T>): Promise<T | { kind: 'failed'; message: string }> {
  try {
    return await work();
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
