// Worker threads (`scan --concurrency`): where do they start to pay? The CLI scans samples of the bench corpus
// (files of our node_modules, spread evenly) of growing size, once in one thread and once per worker count,
// the runs alternating within each repetition; prints the median wall, CPU and peak RSS with their spread, and
// each worker count's wall and CPU against one thread. Informational, never gates; see bench/README.md
// ("Worker threads") for what it measured and how `auto` was chosen from it.
// Usage: node bench/concurrency.mjs [--sizes 100,250,...] [--workers 2,3] [--reps N] [--no-build] [--dev-build] [--keep]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDist } from './lib/build.mjs';
import { copyCorpus, eligibleFiles, sample } from './lib/corpus.mjs';
import { median, runNode, spread } from './lib/measure.mjs';
import { table } from './lib/report.mjs';

const { values } = parseArgs({ options: {
  sizes: { type: 'string', default: '100,250,500,1000,2000,4000,all' }, workers: { type: 'string', default: '2' },
  reps: { type: 'string', default: '3' }, 'no-build': { type: 'boolean', default: false }, 'dev-build': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false },
} });
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-concurrency-'));
const log = (line) => process.stderr.write(`concurrency: ${line}\n`);
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.cache', '.turbo', '.svelte-kit', '.vscode-test', '.hg', '.svn']);

try {
  if (!values['no-build']) buildDist(repo, { dev: values['dev-build'] });
  const eligible = eligibleFiles(path.join(repo, 'node_modules'));
  const sizes = values.sizes.split(',').map((s) => (s === 'all' ? eligible.length : Number(s)));
  const settings = ['off', ...values.workers.split(',')];
  const reps = Number(values.reps);
  const rows = [];
  let busiest = 0;
  for (const size of sizes) {
    const dir = path.join(scratch, `corpus-${size}`);
    copyCorpus(sample(eligible, size), dir, SKIPPED_DIRS);
    const runs = Object.fromEntries(settings.map((s) => [s, []]));
    const reports = new Set();
    for (let rep = 0; rep < reps; rep++) {
      // Each repetition starts one setting later, so machine noise does not always land on the same one.
      for (let k = 0; k < settings.length; k++) {
        const setting = settings[(k + rep) % settings.length];
        const output = path.join(scratch, 'report.json');
        busiest = Math.max(busiest, os.loadavg()[0]);
        const run = runNode([path.join(repo, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--output', output, '--no-gitignore', '--concurrency', setting], { cwd: scratch, scratch });
        if (run.status !== 0 && run.status !== 1) throw new Error(`scan of ${size} files with --concurrency ${setting} failed: ${run.stderr.slice(-500)}`);
        reports.add(readFileSync(output, 'utf8'));
        runs[setting].push(run);
      }
    }
    if (reports.size !== 1) throw new Error(`the reports of ${size} files differ between settings`);
    const off = runs.off;
    for (const setting of settings) {
      const r = runs[setting];
      const wall = median(r.map((x) => x.wallMs));
      const cpu = median(r.map((x) => x.cpuMs));
      const pct = (v) => (Number.isNaN(v) ? '-' : `±${v.toFixed(0)}%`);
      rows.push([String(size), setting, (wall / 1000).toFixed(2), pct(spread(r.map((x) => x.wallMs))), (cpu / 1000).toFixed(2), pct(spread(r.map((x) => x.cpuMs))),
        String(Math.round(median(r.map((x) => x.maxRssMb)))),
        setting === 'off' ? '' : `${(wall / median(off.map((x) => x.wallMs))).toFixed(2)}×`, setting === 'off' ? '' : `${(cpu / median(off.map((x) => x.cpuMs))).toFixed(2)}×`]);
    }
    log(`${size} files done`);
  }
  console.log(`scan --concurrency · node ${process.version} · ${os.availableParallelism()} CPUs · median of ${reps} · 1-minute load up to ${busiest.toFixed(1)}`);
  console.log(table(['files', 'concurrency', 'wall s', 'spread', 'cpu s', 'spread', 'peak MB', 'wall ÷ off', 'cpu ÷ off'], rows, 'llrrrrrrr'));
  console.log('(every setting gave the same report; spread: (max − min) ÷ median)');
} finally {
  if (values.keep) log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
