/**
 * How many scan workers a CLI run starts (`--concurrency off|auto|N`, ESLint's option and semantics): `off` none,
 * `N` at most N (never more than there are files to analyse; one worker is no better than the main thread,
 * so 1 means none), `auto` one per FILES_PER_WORKER files to analyse, up to one per two cores, none below two.
 * Files an unchanged `--cache` entry answers for are not counted: they are not analysed.
 */
import { ScanPool } from './pool';

export type Concurrency = 'off' | 'auto' | number;

/**
 * Files to analyse per worker for `auto`. A worker pays for its own start (the bundle, then TypeScript: 0.15 s
 * of CPU and ~40 MB before its first parse) and warms up alone (its own compiled code, regular expressions and
 * folder facts): the same files cost 25–50% more CPU in two workers than in one thread (bench/README.md,
 * "Worker threads").
 */
export const FILES_PER_WORKER = 500;

/**
 * The most workers `auto` starts: one per two cores (ESLint's rule too), and no more than this. One thread
 * analysing keeps ~1.6 cores busy, V8's garbage collection and compilation threads taking the rest: on two
 * cores a second analysing thread finds no core free, and `auto` stays in the main thread.
 */
export const AUTO_MAX_WORKERS = 4;

/** `--concurrency`'s value, or undefined when it is none of off, auto and a whole number above 0. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'off' || value === 'auto') return value;
  return /^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
}

export function availableCores(): number {
  const os = require('node:os') as typeof import('node:os');
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The workers for `files` files to analyse: 0 keeps the scan in the main thread. */
export function workerCount(concurrency: Concurrency, files: number, cores: number): number {
  if (concurrency === 'off') return 0;
  const n = concurrency === 'auto' ? Math.min(autoMax(cores), Math.ceil(files / FILES_PER_WORKER)) : Math.min(concurrency, files);
  return n >= 2 ? n : 0;
}

function autoMax(cores: number): number {
  return Math.min(AUTO_MAX_WORKERS, Math.floor(cores / 2));
}

/**
 * The workers of one CLI run, started by the first scan that needs them and kept for the next (`--fix` scans
 * again after each pass). `close` ends them.
 */
export class ScanWorkers {
  private pool?: ScanPool;

  constructor(readonly concurrency: Exclude<Concurrency, 'off'>, private readonly script: string, private readonly cores = availableCores()) {}

  /** How many files to analyse a scan looks for before it asks `poolFor`: enough to reach the most workers. */
  get lookahead(): number {
    if (this.concurrency !== 'auto') return this.concurrency;
    const most = autoMax(this.cores);
    return most < 2 ? 0 : FILES_PER_WORKER * (most - 1) + 1;
  }

  /** The pool for a scan that found `files` files to analyse (at most `lookahead` are counted), or undefined. */
  poolFor(files: number): ScanPool | undefined {
    if (this.pool && this.pool.alive > 0) return this.pool;
    if (this.pool) return undefined;
    const n = workerCount(this.concurrency, files, this.cores);
    if (n === 0) return undefined;
    this.pool = new ScanPool(n, this.script);
    return this.pool;
  }

  /** Why workers stopped during the run (their files were analysed in the main thread). */
  get losses(): readonly string[] {
    return this.pool?.losses ?? [];
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}
