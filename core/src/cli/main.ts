import './memory';
import { runCli } from './cli';

// The streams are read when written to: creating one loads Node's stream modules (~3 ms), which a run writing
// its report to --output never needs.
const io = { get stdout() { return process.stdout; }, get stderr() { return process.stderr; }, cwd: process.cwd(), env: process.env };
runCli(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`twelve-factor: ${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 2; },
);
