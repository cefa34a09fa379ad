import { runCli } from './cli';
import { isScanWorker, serveScans } from './scanWorker';

// The same file is the CLI and its scan workers (`--concurrency`): a worker thread started on it serves scans.
if (isScanWorker()) {
  serveScans();
} else {
  // The streams are read when written to: creating one loads Node's stream modules (~3 ms), which a run writing
  // its report to --output never needs.
  const io = { get stdout() { return process.stdout; }, get stderr() { return process.stderr; }, cwd: process.cwd(), env: process.env, workerScript: __filename };
  runCli(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => { process.stderr.write(`twelve-factor: ${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 2; },
  );
}
