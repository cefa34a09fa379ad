/**
 * `scan --concurrency`: the CLI's scan with worker threads. The main thread walks (it owns .gitignore, the git
 * index and the cache), workers read and analyse files and send back plain data, and the main thread takes
 * each answer in walk order (`InOrder`): the report, the order of files, findings and skipped entries, and the
 * cache file are those of the scan in one thread. After the walk the workers get the program index and judge
 * the deferred files with the program rules, so the main thread never loads TypeScript or a grammar. A file a
 * worker could not analyse (it threw, or the worker died) is analysed in the main thread; so is every file
 * that has findings under `--fix`, whose fixes are closures that cannot cross threads.
 */
import type { ScanOptions, ScanOutput } from '../scan';
import { ScanRun, type DeferredFile, type FileJob } from '../scanRun';
import { prepareLanguage, type TreeLanguage } from '../treesitter/runtime';
import { ScanPool } from './pool';
import { plainConfig, type FileReply, type ProgramReply, type ToWorker, type WorkerAnswer, type WorkerSetup } from './workerProtocol';
import type { ScanWorkers } from './workers';

/**
 * Files per message: few enough that workers end together (two batches in flight, ~0.1 s of work each), many
 * enough that neighbouring files, which read the same folder facts, mostly go to the same worker (each worker
 * derives them again: 16 cost ~3% more CPU than 64 on the bench corpus).
 */
const BATCH = 64;

export interface ParallelScanOptions extends ScanOptions {
  workers: ScanWorkers;
  /** `--staged`: the snapshot's files (the workers build the same host as `stagedHost`). */
  staged?: { projectRoot: string; files: string[] };
  /** Said once per file a worker could not analyse (the main thread did). */
  onNotice?: (message: string) => void;
  /** Told when the scan starts its workers (`--verbose` says so). */
  onWorkers?: (count: number) => void;
}

export interface ParallelScanOutput extends ScanOutput {
  /** Workers started and the files each answered for; undefined when the scan stayed in this thread. */
  workers?: { started: number; files: number[] };
  /** Grammars that failed to load in a worker (the main thread's own failures are `languageFailure`). */
  languageFailures: Partial<Record<TreeLanguage, string>>;
}

/** Output changes taken in walk order: a file's slot waits for its worker, and everything behind waits for it. */
class InOrder {
  private readonly queue: Array<{ effect?: () => void }> = [];
  private head = 0;

  readonly emit = (effect: () => void): void => {
    if (this.head === this.queue.length) effect();
    else this.queue.push({ effect });
  };

  /** A place in the order for a change not known yet; `fill` it once. */
  reserve(): (effect: () => void) => void {
    const entry: { effect?: () => void } = {};
    this.queue.push(entry);
    return (effect) => {
      entry.effect = effect;
      this.flush();
    };
  }

  private flush(): void {
    while (this.head < this.queue.length && this.queue[this.head].effect) (this.queue[this.head++].effect as () => void)();
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
  }
}

interface Pending<T> {
  item: T;
  fill: (effect: () => void) => void;
}

export async function scanPathsParallel(paths: string[], options: ParallelScanOptions): Promise<ParallelScanOutput> {
  const order = new InOrder();
  const run = new ScanRun(options, order.emit);
  const out: ParallelScanOutput = Object.assign(run.out, { languageFailures: {} });
  const stopped = (): boolean => (out.cancelled ||= options.cancelled?.() ?? false);
  const visits = run.visits(paths);
  let walked = false;
  const walk = (): Pending<FileJob> | undefined => {
    while (!walked && !stopped()) {
      const next = visits.next();
      if (next.done) break;
      const job = run.admit(next.value);
      // Reserved before the walk goes on, so what it emits for later files waits behind this one.
      if (job) return { item: job, fill: order.reserve() };
    }
    walked = true;
    return undefined;
  };
  // `auto` decides from the files to analyse (unchanged cached files are not): look ahead far enough to know.
  const ahead: Array<Pending<FileJob>> = [];
  while (ahead.length < options.workers.lookahead) {
    const next = walk();
    if (!next) break;
    ahead.push(next);
  }
  const take = (): Pending<FileJob> | undefined => ahead.shift() ?? walk();
  const pool = options.workers.poolFor(ahead.length);
  if (pool) {
    out.workers = pool.stats;
    options.onWorkers?.(pool.stats.started);
    pool.broadcast({ type: 'setup', setup: setupOf(run, options) });
  }
  const here = (p: Pending<FileJob>) => finish(run.analyseHere(p.item, p.fill));
  if (pool) {
    await inBatches(pool, take, (id, jobs) => ({ type: 'files', id, jobs: jobs.map((j) => ({ ...j, expectKey: run.cache?.previousKey(j.file) })) }),
      async (batch, answer) => {
        absorb(run, out, answer);
        const again: Array<Pending<FileJob>> = [];
        batch.forEach((p, i) => {
          const reply = answer.results[i] as FileReply;
          if (!takeFile(run, p, reply)) again.push(p);
          if (reply.kind === 'failed') options.onNotice?.(`a scan worker failed on ${p.item.file} (${reply.message}); analysed in the main thread`);
        });
        for (const p of again) await here(p);
      }, async (batch) => { for (const p of batch) await here(p); }, stopped);
  }
  // Without workers, or when every worker stopped: what is left is analysed in this thread.
  for (let p = take(); p && !stopped(); p = take()) await here(p);
  if (!stopped()) await programPhase({ run, order, out, options }, pool);
  if (pool) out.workers = pool.stats;
  return out;
}

/** Runs one of `ScanRun`'s generators to its end in this thread, loading each grammar it asks for. */
async function finish(steps: Generator<TreeLanguage, void, void>): Promise<void> {
  for (let step = steps.next(); !step.done; step = steps.next()) await prepareLanguage(step.value);
}

function setupOf(run: ScanRun, options: ParallelScanOptions): WorkerSetup {
  return { root: options.root, config: plainConfig(run.env.config), maxFileSize: run.env.maxFileSize, cache: run.cache !== undefined, staged: options.staged };
}

/** What every answer carries besides its results: the files the rules read (for the cache), grammar failures. */
function absorb(run: ScanRun, out: ParallelScanOutput, answer: WorkerAnswer): void {
  run.cache?.adoptReads(answer.reads);
  for (const [language, message] of answer.languageFailures) out.languageFailures[language] ??= message;
}

/** Takes a worker's answer for a file into its slot; false when the main thread must analyse the file itself. */
function takeFile(run: ScanRun, p: Pending<FileJob>, reply: FileReply): boolean {
  const job = p.item;
  const cache = run.cache;
  switch (reply.kind) {
    case 'unreadable':
      run.unreadable(job.file, { code: reply.code }, p.fill);
      return true;
    case 'cached': {
      const cached = cache?.lookup(job.file, `${reply.hash}|${job.rest}`, job.stat);
      if (!cached) return false;
      countRead(run);
      p.fill(() => run.takeCached(job, cached, reply.hash, ''));
      return true;
    }
    case 'analysed':
      // --fix needs the fixes, closures over the file's tree: the few files with findings are analysed here.
      if (run.keep && reply.analysis.findings.length > 0) return false;
      countRead(run);
      p.fill(() => run.take(job, reply.analysis, reply.hash));
      return true;
    default:
      return false;
  }
}

/** The work counts of a file a worker read (and hashed, with the cache), as if this thread had. */
function countRead(run: ScanRun): void {
  run.out.filesRead++;
  if (run.cache) run.cache.hashed++;
}

/**
 * The program phase, in the workers when there are any: they get the index (every module's summary, in this
 * thread's order) and judge the deferred files whose results the cache does not hold.
 */
async function programPhase(scan: { run: ScanRun; order: InOrder; out: ParallelScanOutput; options: ParallelScanOptions }, pool: ScanPool | undefined): Promise<void> {
  const { run, order, out, options } = scan;
  if (!pool || pool.alive === 0) return finish(run.program());
  const fingerprint = run.programFingerprint();
  const todo: Array<Pending<DeferredFile>> = [];
  for (const d of run.deferred) {
    const cached = run.cache?.lookupProgram(d.file, fingerprint);
    if (cached) order.emit(() => run.takeProgram(d, cached.findings, cached.suppressed));
    else todo.push({ item: d, fill: order.reserve() });
  }
  if (todo.length === 0) return;
  const { index } = run;
  pool.broadcast({ type: 'index', modules: [...index.files()].flatMap((f) => {
    const summary = index.summaryOf(f);
    return summary ? [[f, summary] as [string, typeof summary]] : [];
  }) });
  const here = (p: Pending<DeferredFile>) => finish(run.judgeHere(p.item, fingerprint, p.fill));
  const take = (): Pending<DeferredFile> | undefined => todo.shift();
  await inBatches(pool, take, (id, files) => ({ type: 'program', id, files }), async (batch, answer) => {
    absorb(run, out, answer);
    const again: Array<Pending<DeferredFile>> = [];
    batch.forEach((p, i) => {
      const reply = answer.results[i] as ProgramReply;
      if (reply.kind === 'gone') p.fill(() => undefined);
      // --fix: the fixes of program findings, too, are made in this thread.
      else if (reply.kind === 'failed' || (run.keep && reply.findings.length > 0)) again.push(p);
      else {
        p.fill(() => {
          run.cache?.storeProgram(p.item.file, fingerprint, [...reply.findings], [...reply.suppressed]);
          run.takeProgram(p.item, reply.findings, reply.suppressed);
        });
      }
      if (reply.kind === 'failed') options.onNotice?.(`a scan worker failed on ${p.item.file} (${reply.message}); judged in the main thread`);
    });
    for (const p of again) await here(p);
  }, async (batch) => { for (const p of batch) await here(p); }, () => false, programBatch(todo.length, pool.alive));
  for (let p = take(); p; p = take()) await here(p);
}

/**
 * The program phase's batches: a worker's first program batch builds the import graph of the whole index (a
 * few hundred ms on 7,000 modules), so the usual few deferred files go to one worker, and many are split evenly.
 */
function programBatch(files: number, workers: number): number {
  return Math.max(BATCH, Math.ceil(files / Math.max(1, workers)));
}

/**
 * Sends batches to the pool while it has room, and takes each answer as it comes (`settle`); a batch whose
 * worker died goes to `lost`. Returns when nothing is in flight and nothing is left to send.
 */
async function inBatches<T>(pool: ScanPool, take: () => Pending<T> | undefined, message: (id: number, items: T[]) => ToWorker,
  settle: (batch: Array<Pending<T>>, answer: WorkerAnswer) => Promise<void>, lost: (batch: Array<Pending<T>>) => Promise<void>, stop: () => boolean,
  size = BATCH): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const dispatch = (): void => {
    while (pool.hasRoom && !stop()) {
      const batch: Array<Pending<T>> = [];
      while (batch.length < size) {
        const p = take();
        if (!p) break;
        batch.push(p);
      }
      if (batch.length === 0) return;
      const done: Promise<void> = pool.request((id) => message(id, batch.map((p) => p.item)), batch.length)
        .then((answer) => settle(batch, answer), () => lost(batch))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
      // Seen by the race below; a batch that fails after another already ended the scan is not left unhandled.
      done.catch(() => undefined);
    }
  };
  dispatch();
  while (inFlight.size > 0) {
    await Promise.race(inFlight);
    dispatch();
  }
}
