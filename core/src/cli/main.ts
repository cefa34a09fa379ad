import { runCli } from './cli';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`twelve-factor: ${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 2; },
);
