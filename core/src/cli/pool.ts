/**
 * The CLI's scan workers (`--concurrency`), on `node:worker_threads` directly. A pool library (piscina,
 * tinypool) would bring a task queue and worker restarts, but it loads its own worker script from beside
 * itself, which a single-file bundle does not have, and what the scan needs is small: batches sent in walk
 * order to the least busy worker, answers matched by id, and a worker that dies handing its unanswered
 * batches back to the caller (which analyses them in the main thread) instead of losing them.
 */
import type { Worker } from 'node:worker_threads';
import { WORKER_ARG, WORKER_MARK, type ToWorker, type WorkerAnswer } from './workerProtocol';

/** Batches in flight per worker: one being analysed, one waiting, so a worker never idles on a round trip. */
const WINDOW = 2;

/**
 * A worker's young generation, MB. V8's default (~48 MB here) is sized for one long-lived heap; a scan
 * allocates a syntax tree per file and drops it, and with 16 MB each worker's peak RSS is ~30 MB lower at no
 * measurable CPU cost (bench/README.md, "Worker threads"). The main thread's cannot be set once it runs.
 */
const YOUNG_GENERATION_MB = 16;

/** A worker stopped (crashed, ran out of memory, exited) before it answered. */
export class WorkerGone extends Error {}

interface Slot {
  worker: Worker;
  inFlight: number;
  alive: boolean;
  /** Files this worker answered for (a work count for tests and `--verbose`). */
  files: number;
}

interface Waiting {
  slot: Slot;
  size: number;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
}

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;
  /** Why workers stopped, for the caller to say once. */
  readonly losses: string[] = [];

  constructor(size: number, script: string) {
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    for (let i = 0; i < size; i++) {
      const worker = new threads.Worker(script, { argv: [WORKER_ARG], workerData: { [WORKER_MARK]: true }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const slot: Slot = { worker, inFlight: 0, alive: true, files: 0 };
      worker.on('message', (answer: WorkerAnswer) => this.answered(answer));
      worker.on('error', (error) => this.lost(slot, error.message));
      worker.on('exit', (code) => this.lost(slot, `exited with code ${code}`));
      this.slots.push(slot);
    }
  }

  /** Workers started, and the files each answered for. */
  get stats(): { started: number; files: number[] } {
    return { started: this.slots.length, files: this.slots.map((s) => s.files) };
  }

  get alive(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /** Whether a live worker can take another batch now. */
  get hasRoom(): boolean {
    return this.slots.some((s) => s.alive && s.inFlight < WINDOW);
  }

  /** A message every live worker gets, in order with its batches (a new scan's setup, the program index). */
  broadcast(message: ToWorker): void {
    for (const s of this.slots) if (s.alive) s.worker.postMessage(message);
  }

  /** Sends a batch of `size` files to the least busy live worker; rejects with `WorkerGone` if it dies first. */
  request(make: (id: number) => ToWorker, size: number): Promise<WorkerAnswer> {
    const slot = this.slots.filter((s) => s.alive).sort((a, b) => a.inFlight - b.inFlight)[0];
    if (!slot) return Promise.reject(new WorkerGone('no scan worker is running'));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      this.waiting.set(id, { slot, size, resolve, reject });
      slot.worker.postMessage(make(id));
    });
  }

  /** Ends every worker (after the scan, on cancellation, on an error): none outlives the CLI's run. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private answered(answer: WorkerAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    waiting.slot.inFlight--;
    waiting.slot.files += waiting.size;
    waiting.resolve(answer);
  }

  private lost(slot: Slot, reason: string): void {
    if (!slot.alive) return;
    slot.alive = false;
    if (this.closed) return;
    this.losses.push(`a scan worker stopped (${reason})`);
    for (const [id, waiting] of this.waiting) {
      if (waiting.slot !== slot) continue;
      this.waiting.delete(id);
      waiting.reject(new WorkerGone(reason));
    }
  }
}
