import { setFlagsFromString } from 'node:v8';

/** How the flag is set: V8's own setter (tests record the calls). */
export const v8Flags = { set: setFlagsFromString };

let bursts = 0;

/**
 * Runs a burst of work (indexing the workspace, a compliance scan) with V8 optimising for size, and switches
 * that off when no burst is left: a burst's garbage is collected as it goes and its pages given back
 * (memory.ts), while a keystroke's analysis, between bursts, runs ~20% faster without it (bench/README.md,
 * fifth round). A forced full collection after a burst is no substitute: the resident set stays at the peak.
 * The server starts optimised for size (memory.ts), so start-up's burst ends with the first indexing.
 */
export async function sizeOptimised<T>(work: () => Promise<T>): Promise<T> {
  if (bursts++ === 0) v8Flags.set('--optimize-for-size');
  try {
    return await work();
  } finally {
    if (--bursts === 0) v8Flags.set('--no-optimize-for-size');
  }
}
