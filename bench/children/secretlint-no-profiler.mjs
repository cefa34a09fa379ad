// Preloaded into the secretlint CLI with `node --import`: turns its always-on profiler into a no-op.
// secretlint 11 records a performance mark per rule per file and scans every earlier mark on each one,
// so its run time grows with the square of the file count whether or not --profile is given
// (secretlint/secretlint#1633, fixed upstream by #1673). Benchmarking that bug would flatter us; this
// measures the scanning engine as the fixed releases run it. Same module instance as the CLI's, because
// the path is resolved from the CLI's own location.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const cli = process.env.BENCH_SECRETLINT_CLI;
if (cli) {
  const profilerPath = createRequire(cli).resolve('@secretlint/profiler');
  const { secretLintProfiler } = await import(pathToFileURL(profilerPath).href);
  secretLintProfiler.mark = () => {};
}
