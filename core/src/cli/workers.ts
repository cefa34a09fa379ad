/**
 * How many scan workers a CLI run starts (`--concurrency off|auto|N`, ESLint's option and semantics): `off` none,
 * `N` at most N (never more than there are files to analyse; one worker is no better than the main thread,
 * so 1 means none), `auto` one per FILES_PER_WORKER files to analyse up to the machine's parallelism, none
 * below two. Files an unchanged `--cache` entry answers for are not counted: they are not analysed.
 */
import { ScanPool } from './pool';

export type Concurrency = 'off' | 'auto' | number;

/**
 * Files to analyse per worker for `auto`. A worker costs its own start (the bundle, then TypeScript: ~0.6 s of
 * CPU and ~50 MB) before it analyses anything; below this many files per worker the main thread alone is as
 * fast. Measured on a 2-core machine (bench/README.md, "Worker threads").
 */
export const FILES_PER_WORKER = 250;

/** The most workers `auto` starts: one per core (the main thread mostly waits), and no more than this. */
export const AUTO_MAX_WORKERS = 4;

/** `--concurrency`'s value, or undefined when it is none of off, auto and a whole number above 0. */
export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'off' || value === 'auto') return value;
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : undefined;
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
  return Math.max(1, Math.min(AUTO_MAX_WORKERS, cores));
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
    return this.concurrency === 'auto' ? FILES_PER_WORKER * (autoMax(this.cores) - 1) + 1 : this.concurrency;
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
