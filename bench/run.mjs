// `npm run bench`: time our CLI against the floor of any AST analyzer (a bare TypeScript parse) and against
// the peers (secretlint, ESLint + eslint-plugin-no-secrets) on real code nobody here wrote, the project's
// own node_modules, plus re-analysis after a keystroke. Prints ratios and PASS/FAIL per target; it reports
// and never gates, so it exits 0 when a target is missed, 1 when a tool could not be measured and 2 on bad
// options. See bench/README.md.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDist } from './lib/build.mjs';
import { copyCorpus, describe, eligibleFiles, sample } from './lib/corpus.mjs';
import { bundleEngine } from './lib/engine.mjs';
import { median, memoryProbe, runNode, spread } from './lib/measure.mjs';
import { measureServer, serverLines, serverTargets } from './lib/server.mjs';
import { fmt, table, targetLines, targets } from './lib/report.mjs';
import { tools } from './lib/tools.mjs';

const USAGE = `Usage: node bench/run.mjs [options]
  --quick            smoke run: 120 files, peers on all of their JS files, 1 repetition, 10 edits
  --files N          cap the corpus at N files, spread evenly over it (default: every eligible file)
  --peer-files N|all JS files in the peer set (default 2000; ESLint needs ~20 ms a file)
  --reps N           repetitions of each measurement, the median is reported (default 3)
  --iterations N     one-character edits timed in the keystroke measurement (default 50)
  --no-build         measure dist/cli.js as it is instead of rebuilding it first
  --dev-build        build and measure the development build (node esbuild.mjs) instead of what npm pack ships
  --keep             keep the scratch folder (corpus, configs, reports) and print its path`;

/** Folders our scanner skips by default (core/src/walk.ts); the corpus renames them so nothing is skipped. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.cache', '.turbo', '.svelte-kit', '.vscode-test', '.hg', '.svn']);

class UsageError extends Error {}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const OPTIONS = {
  quick: { type: 'boolean', default: false }, files: { type: 'string' }, 'peer-files': { type: 'string' }, reps: { type: 'string' },
  iterations: { type: 'string' }, 'no-build': { type: 'boolean', default: false }, 'dev-build': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

function options(argv) {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
  const count = (name, fallback) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (raw === 'all') return Infinity;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number above 0${name === 'peer-files' ? ' or all' : ''}`);
    return n;
  };
  const quick = values.quick;
  return {
    help: values.help, quick, build: !values['no-build'], devBuild: values['dev-build'], keep: values.keep,
    files: count('files', quick ? 120 : Infinity),
    peerFiles: count('peer-files', quick ? Infinity : 2000),
    reps: count('reps', quick ? 1 : 3),
    iterations: count('iterations', quick ? 10 : 50),
    warmup: quick ? 5 : 20,
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const began = performance.now();
  if (opts.build) {
    log(`building dist/ (${opts.devBuild ? 'node esbuild.mjs' : 'node esbuild.mjs --production, what npm pack ships'})`);
    buildDist(repo, { dev: opts.devBuild });
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-bench-'));
  try {
    return await measure(opts, scratch, began);
  } finally {
    if (opts.keep) log(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

async function measure(opts, scratch, began) {
  const eligible = eligibleFiles(path.join(repo, 'node_modules'));
  const files = sample(eligible, opts.files);
  const jsFiles = files.filter((f) => f.lang === 'js');
  const peerFiles = sample(jsFiles, opts.peerFiles);
  const corpus = describe(files, path.join(repo, 'package-lock.json'));
  const peer = describe(peerFiles, path.join(repo, 'package-lock.json'));
  log(`copying ${fmt.int(files.length)} files into ${scratch}`);
  copyCorpus(files, path.join(scratch, 'corpus'), SKIPPED_DIRS);
  // The peer set is the corpus's JS folder when it holds every JS file, else a copy of the sample.
  const peerIsSample = peerFiles.length < jsFiles.length;
  if (peerIsSample) copyCorpus(peerFiles, path.join(scratch, 'peer-set'), SKIPPED_DIRS);
  const peerPath = peerIsSample ? 'peer-set/js' : 'corpus/js';

  log('bundling the engine from core/src for the keystroke measurement');
  const engine = await bundleEngine(repo, path.join(scratch, 'engine.cjs'));
  const keystrokeRun = runNode([path.join(repo, 'bench', 'children', 'keystroke.mjs'), engine, String(opts.iterations), String(opts.warmup)], { cwd: scratch, scratch });
  if (keystrokeRun.status !== 0) throw new Error(`keystroke measurement failed: ${keystrokeRun.stderr.slice(-800)}`);
  const keystroke = JSON.parse(keystrokeRun.stdout);
  // The language server's rows (bench/lib/server.mjs): keystrokes through LSP, memory after indexing the peer set.
  const server = await measureServer(repo, scratch, {
    iterations: opts.iterations, warmup: opts.warmup, reps: opts.reps, log,
    workspaces: [{ label: `bench corpus, ${peerIsSample ? 'peer set' : 'JS files'}`, folder: path.join(scratch, peerPath) }],
  });

  mkdirSync(path.join(scratch, 'empty'));
  // The CLI compiles its bundle and the TypeScript compiler with V8's code cache in the user's cache folder
  // (core/src/cli/loader.ts), written by the first run of a build: one run that builds a syntax tree writes
  // both, so every measured run is what a user's second and later runs cost.
  const warm = path.join(scratch, 'warm-code-cache');
  mkdirSync(warm);
  writeFileSync(path.join(warm, 'db.ts'), "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n");
  await runNode([path.join(repo, 'dist', 'cli.js'), 'scan', warm, '--format', 'json', '--output', path.join(scratch, 'warm.json')], { cwd: scratch, scratch });
  const byTool = tools(repo, scratch);
  const jobs = [
    { id: 'parse-full', tool: 'parse', dir: 'corpus', expect: corpus.all.files },
    { id: 'ours-full', tool: 'ours', dir: 'corpus', expect: corpus.all.files },
    // Worker threads on the same corpus: wall and CPU against the row above, in the same repetitions.
    { id: 'pool-full', tool: 'pooled', dir: 'corpus', expect: corpus.all.files },
    { id: 'startup', tool: 'startup', dir: 'empty', expect: 0 },
    // Two runs in a row on a fresh cache folder: the first fills it, the second should find everything.
    { id: 'cache-first', tool: 'cached', dir: 'corpus', expect: corpus.all.files, then: 'cache-second' },
    ...(byTool.ripgrep.available ? [{ id: 'rg-full', tool: 'ripgrep', dir: 'corpus', expect: null }] : []),
    { id: 'parse-peer', tool: 'parse', dir: peerPath, expect: peer.all.files },
    { id: 'ours-peer', tool: 'ours', dir: peerPath, expect: peer.all.files },
    { id: 'secretlint-peer', tool: 'secretlint', dir: peerPath, expect: peer.all.files },
    { id: 'eslint-peer', tool: 'eslint', dir: peerPath, expect: peer.all.files },
  ];
  const runs = Object.fromEntries(jobs.flatMap((j) => [[j.id, []], ...(j.then ? [[j.then, []]] : [])]));
  let busiest = os.loadavg()[0];
  for (let rep = 0; rep < opts.reps; rep++) {
    // Each repetition starts one job later, so machine noise does not always land on the same tool.
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(k + rep) % jobs.length];
      const tool = byTool[job.tool];
      busiest = Math.max(busiest, os.loadavg()[0]);
      for (const id of [job.id, ...(job.then ? [job.then] : [])]) {
        const run = runNode(tool.args(job.dir, { cacheRun: `${job.id}-${rep}` }), { cwd: tool.cwd ?? scratch, scratch, env: tool.env, command: tool.command });
        const seen = tool.read(run);
        if (seen.error) throw new Error(`${tool.label} on ${job.dir} failed: ${seen.error}`);
        runs[id].push({ wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssMb: run.maxRssMb, ...seen });
        log(`run ${rep + 1}/${opts.reps} ${tool.label} on ${job.dir}${id === job.then ? ' (second)' : ''}: ${fmt.s(run.wallMs)} s`);
      }
    }
  }

  const notes = [];
  if (busiest > os.cpus().length) {
    notes.push(`NOTE: the machine was busy (1-minute load up to ${busiest.toFixed(1)} on ${os.cpus().length} CPUs): wall-time ratios are unreliable, read the cpu column.`);
  }
  const summary = {};
  const measured = jobs.flatMap((j) => [j, ...(j.then ? [{ ...j, id: j.then }] : [])]);
  for (const job of measured) {
    const r = runs[job.id];
    const last = r[r.length - 1];
    summary[job.id] = {
      ...last, wallMs: median(r.map((x) => x.wallMs)), cpuMs: median(r.map((x) => x.cpuMs)), maxRssMb: median(r.map((x) => x.maxRssMb)),
      wallSpread: spread(r.map((x) => x.wallMs)), cpuSpread: spread(r.map((x) => x.cpuMs)),
    };
    if (job.expect !== null && last.files !== job.expect) notes.push(`WARNING: ${byTool[job.tool].label} read ${last.files} of the ${job.expect} files in ${job.dir}; its ratios are not comparable.`);
  }
  if (summary['pool-full'].findings !== summary['ours-full'].findings) notes.push(`WARNING: --concurrency 2 reported ${summary['pool-full'].findings} findings, one thread ${summary['ours-full'].findings}.`);
  const results = [...targets(summary, keystroke), ...serverTargets(server)];
  print({ opts, corpus, peer, peerIsSample, jobs: measured, byTool, summary, keystroke, server, results, notes, scratch });
  const seconds = (performance.now() - began) / 1000;
  console.log(`\nbench took ${seconds.toFixed(0)} s.`);

  mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
  const json = {
    date: new Date().toISOString(), seconds, node: process.version, platform: `${process.platform} ${process.arch}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`, memoryProbe: memoryProbe(scratch), options: { ...opts, files: String(opts.files), peerFiles: String(opts.peerFiles) },
    loadAverageMax: busiest, corpus, peer, peerPath, versions: Object.fromEntries(Object.entries(byTool).map(([k, t]) => [k, t.version])),
    targets: results, keystroke, server, summary, runs, notes,
  };
  writeFileSync(path.join(repo, 'bench', 'results', 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  return 0;
}

function print({ opts, corpus, peer, peerIsSample, jobs, byTool, summary, keystroke, server, results, notes, scratch }) {
  const set = (s) => `${fmt.int(s.all.files)} files, ${fmt.mb(s.all.bytes)}`;
  console.log(`Twelve-Factor benchmark · node ${process.version} · ${os.cpus().length} CPUs · median of ${opts.reps} run(s) · peak memory by ${memoryProbe(scratch)}`);
  console.log(`full corpus ${corpus.id}: ${set(corpus)} of node_modules (.js/.mjs/.cjs ${fmt.int(corpus.js.files)}, .ts/.mts/.cts ${fmt.int(corpus.ts.files)}; no .d.ts; ≤ 1 MB each)`);
  console.log(peerIsSample
    ? `peer set: ${fmt.int(peer.all.files)} of the ${fmt.int(corpus.js.files)} JS files, evenly spread by path (${fmt.mb(peer.all.bytes)}); every peer row and "scan, peer set" read exactly these`
    : `peer set: all ${fmt.int(peer.all.files)} JS files of the corpus (${fmt.mb(peer.all.bytes)}); every peer row and "scan, peer set" read exactly these`);
  console.log('(JS only because ESLint\'s parser cannot read TypeScript; ratios are wall times on identical input, no per-file scaling)\n');
  const rows = jobs.map((job) => {
    const s = summary[job.id];
    const extra = s.parseErrors ? ` (${s.parseErrors} unparsable)` : s.skipped && Object.keys(s.skipped).length ? ` (${Object.entries(s.skipped).map(([k, v]) => `${v} ${k}`).join(', ')})` : '';
    const set = job.dir === 'empty' ? 'empty' : job.dir === 'corpus' ? 'full' : 'peer';
    const label = `${byTool[job.tool].label}${job.id === 'cache-second' ? ' (2nd run)' : job.id === 'cache-first' ? ' (1st run)' : ''} ${byTool[job.tool].version}`;
    const pct = (v) => (Number.isNaN(v) ? '-' : `±${v.toFixed(0)}%`);
    return [label, set, fmt.int(s.files), `${fmt.int(s.findings)}${extra}`, fmt.s(s.wallMs), pct(s.wallSpread), fmt.s(s.cpuMs), pct(s.cpuSpread), fmt.int(s.maxRssMb)];
  });
  console.log(table(['tool', 'set', 'files', 'findings', 'wall s', 'spread', 'cpu s', 'spread', 'peak MB'], rows));
  console.log('(spread: (max − min) ÷ median over the repetitions; runs alternate, each repetition starting one tool later)');
  console.log(`\nkeystroke: ${fmt.int(keystroke.lines)}-line .ts file, ${keystroke.iterations} one-letter edits after ${keystroke.warmup} warm-up, median per edit`);
  const ks = keystroke;
  console.log(`  ts.updateSourceFile of the edit ${ks.updateMs.toFixed(2)} ms (the floor) · bare parse ${ks.bareMs.toFixed(1)} ms · analyze(new FileContext) ${ks.fullMs.toFixed(1)} ms, ${fmt.x(ks.fullRatio)} of a bare parse (cpu ${fmt.x(ks.fullCpuRatio)})`);
  if (ks.incrementalRatio !== null) {
    console.log(`  withText + analyze (incremental parse, in process, no LSP round trip) ${ks.incrementalMs.toFixed(1)} ms, ${fmt.x(ks.vsUpdateRatio)} of ts.updateSourceFile (cpu ${fmt.x(ks.vsUpdateCpuRatio)})`);
  }
  if (ks.parsedByAnalysis === false) console.log('  NOTE: the analysis did not parse the file (its text gate said no), so it measures less than a keystroke costs.');
  console.log(`\n${serverLines(server).split('\n\n').slice(0, 2).join('\n\n')}`);
  console.log(`\n${targetLines(results)}`);
  console.log('\nsecretlint runs with its always-on profiler switched off (quadratic in files, secretlint#1633; the fix, #1673, is not in its latest release); ESLint runs single-threaded, no cache.');
  for (const n of notes) console.log(n);
}

// The incremental workspace rescan (issue: one file's analysis, not a workspace's) runs in its own process.
const incremental = () => new Promise((resolve) => {
  const quick = process.argv.includes('--quick');
  const child = spawn(process.execPath, [new URL('./incremental.mjs', import.meta.url).pathname, `--copies=${quick ? 5 : 60}`], { stdio: 'inherit' });
  child.on('exit', () => resolve());
});

// Not after --help, which measures nothing.
const helpAsked = process.argv.slice(2).some((a) => a === '--help' || a === '-h');

main().then(async (code) => {
  if (!helpAsked) {
    console.log('');
    await incremental();
  }
  process.exitCode = code;
}, (error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
