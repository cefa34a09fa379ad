// The language server's rows of the bench on their own (`npm run bench` runs them too): CPU per keystroke
// through the LSP round trip, against ts.updateSourceFile of the same edit, and the server's memory after
// indexing workspaces. Prints PASS/FAIL per target and exits 0 either way (1 when a measurement failed).
// See bench/README.md, "Language server".
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDist } from './lib/build.mjs';
import { measureServer, serverLines } from './lib/server.mjs';

const USAGE = `Usage: node bench/server.mjs [options]
  --workspace DIR    a folder to index for the memory row (repeatable; default: none, only the generated one)
  --iterations N     typed letters timed (default 50, after 20 warm-up)
  --reps N           keystroke runs, each a fresh server (default 3)
  --cpu-prof DIR     write the server's CPU profile of each keystroke run into DIR
  --no-build         measure dist/server.js as it is
  --dev-build        build and measure the development build (node esbuild.mjs) instead of what npm pack ships`;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string', multiple: true, default: [] }, iterations: { type: 'string', default: '50' }, reps: { type: 'string', default: '3' },
      'cpu-prof': { type: 'string' }, 'no-build': { type: 'boolean', default: false }, 'dev-build': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values['no-build']) buildDist(repo, { dev: values['dev-build'] });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-bench-server-'));
  try {
    const result = await measureServer(repo, scratch, {
      iterations: Number(values.iterations), warmup: 20, reps: Number(values.reps), workspaces: values.workspace.map((w) => path.resolve(w)),
      cpuProfileDir: values['cpu-prof'] && path.resolve(values['cpu-prof']),
    });
    console.log(serverLines(result));
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write(`bench/server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
