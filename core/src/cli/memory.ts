import { keepLastTrees } from '../js/lastTree';

// A scan allocates a syntax tree per file and drops it after the file's rules ran: nearly all it allocates is
// garbage, and the live heap stays small (~30–45 MB on a 3,000-file monorepo). With V8's default heuristics the
// old generation is let grow to several times the live size between full collections, and when a collection
// falls while much is being allocated the peak is erratic: 330–600 MB resident on that monorepo, run to run.
// Growing the heap by 10% over what survived a collection (V8's own factor is dynamic, up to 4×) keeps the
// peak near the live size, at no measurable CPU cost (bench/README.md, "CLI cache and memory"). V8 reads the
// flag each time it sets the heap's next limit; it is set before the first file is read (`ScanOptions.beforeRead`:
// set after the first file, the peak was 2–4 MB higher), so a run with nothing to analyse (an empty folder, a
// pre-commit hook with no staged file) never loads `node:v8`, which with the stream modules it pulls in is ~10% of
// the CLI's own start-up.
let tuned = false;

/**
 * The process event emitted just before the flag is set: the CLI's loader (`loader.ts`) writes V8's code cache
 * of the bundle then, since a cache made after a flag changed is rejected by the next run.
 */
export const BEFORE_V8_FLAGS = 'twelve-factor:before-v8-flags';

/**
 * Sets the CLI's heap growth, once per process (the flag is process-wide: worker threads read it too), and stops the
 * memos from remembering the last tree they saw (`js/lastTree.ts`: only the server's next version of a document can use
 * it, and in a scan's one long job each such reference kept its tree alive to the end). Each worker calls it for itself.
 */
export function tuneHeapForScan(): void {
  keepLastTrees(false);
  if (tuned) return;
  tuned = true;
  (process as NodeJS.EventEmitter).emit(BEFORE_V8_FLAGS);
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--heap-growing-percent=10');
}
