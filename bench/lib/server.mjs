// The language server's rows: keystrokes through the LSP round trip (children/lspKeystroke.mjs, one fresh
// server per repetition) and the server's memory after indexing a workspace (children/serverMemory.mjs).
// Both start dist/server.js as an editor does, over stdio.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { median, spread } from './measure.mjs';
import { generateMonorepo } from './monorepo.mjs';
import { fmt, table } from './report.mjs';

/** typeorm's JS/TS file count (issue 13): the generated workspace has as many modules. */
const GENERATED_FILES = 3583;
const RSS_GOAL_MB = 150;
const KEYSTROKE_GOAL = 3;

function child(repo, script, args, cwd) {
  const run = spawnSync(process.execPath, [path.join(repo, 'bench', 'children', script), ...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60 * 1000 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr.slice(-800)}`);
  return JSON.parse(run.stdout);
}

/**
 * `workspaces`: folders to index besides the generated one (a real checkout, the bench corpus). Returns the
 * keystroke runs and one memory reading per workspace.
 */
export async function measureServer(repo, scratch, { iterations = 50, warmup = 20, reps = 3, workspaces = [], cpuProfileDir, log = () => undefined }) {
  const server = path.join(repo, 'dist', 'server.js');
  const runs = [];
  for (let rep = 0; rep < reps; rep++) {
    const folder = path.join(scratch, `keystroke-${rep}`);
    mkdirSync(folder, { recursive: true });
    log(`keystroke through LSP, run ${rep + 1}/${reps}`);
    runs.push(child(repo, 'lspKeystroke.mjs', [server, folder, String(iterations), String(warmup), ...(cpuProfileDir ? ['--cpu-prof', cpuProfileDir] : [])], scratch));
  }
  const generated = path.join(scratch, 'generated-workspace');
  mkdirSync(generated, { recursive: true });
  generateMonorepo(generated, GENERATED_FILES);
  const memory = [];
  for (const [label, folder] of [[`generated, ${fmt.int(GENERATED_FILES)} modules`, generated], ...workspaces.map((w) => [typeof w === 'string' ? path.basename(w) : w.label, typeof w === 'string' ? w : w.folder])]) {
    log(`server memory after indexing ${label}`);
    memory.push({ label, ...child(repo, 'serverMemory.mjs', [server, folder], scratch) });
  }
  const keystroke = {
    lines: runs[0].lines, iterations, warmup, reps, runs,
    cpuRatio: median(runs.map((r) => r.cpuRatio)), cpuRatioSpread: spread(runs.map((r) => r.cpuRatio)),
    wallRatio: median(runs.map((r) => r.wallRatio)),
    serverCpuMs: median(runs.map((r) => r.serverCpuMs)), updateCpuMs: median(runs.map((r) => r.updateCpuMs)),
    statsOverheadCpuMs: median(runs.map((r) => r.statsOverheadCpuMs)),
  };
  return { keystroke, memory };
}

/** The server's targets, in the shape of report.mjs's `targets` (judged on CPU; RSS is judged as is). */
export function serverTargets({ keystroke, memory }) {
  // After indexing, and after opening a file of the folder: the higher of the two is judged.
  const rss = (m) => Math.max(m.rssMb, m.rssAfterOpenMb);
  const worst = memory.reduce((a, b) => (rss(b) > rss(a) ? b : a), memory[0]);
  return [
    { id: 'keystroke-lsp', what: `server CPU per edit (LSP didChange + pull) ÷ ts.updateSourceFile, ${fmt.int(keystroke.lines)}-line .js`, ratio: keystroke.wallRatio, cpuRatio: keystroke.cpuRatio, goal: `≤ ${KEYSTROKE_GOAL}×`, pass: keystroke.cpuRatio <= KEYSTROKE_GOAL },
    { id: 'server-rss', what: `language server RSS after indexing, worst workspace (${worst.label})`, ratio: rss(worst), cpuRatio: rss(worst), goal: `≤ ${RSS_GOAL_MB} MB`, pass: rss(worst) <= RSS_GOAL_MB, unit: 'MB' },
  ];
}

const pct = (v) => (Number.isNaN(v) ? '-' : `±${v.toFixed(0)}%`);

export function serverLines(result) {
  const ks = result.keystroke;
  const lines = [
    `keystroke through the LSP round trip: ${fmt.int(ks.lines)}-line .js, ${ks.iterations} typed letters at 5 places after ${ks.warmup} warm-up, ${ks.reps} fresh server(s)`,
    `  server CPU per edit ${ks.serverCpuMs.toFixed(1)} ms (one serverStats request included, ${ks.statsOverheadCpuMs.toFixed(2)} ms) · ts.updateSourceFile ${ks.updateCpuMs.toFixed(2)} ms CPU`,
    `  ratio per run (median of the paired edits, quartiles): ${ks.runs.map((r) => `${fmt.x(r.cpuRatio)} [${fmt.x(r.cpuRatioP25)}–${fmt.x(r.cpuRatioP75)}]`).join(', ')}; spread over runs ${pct(ks.cpuRatioSpread)}`,
    '',
    'language server memory after indexing (serverStats: process.memoryUsage)',
    table(['workspace', 'modules', 'index s', 'RSS MB', 'after open MB', 'heap MB'], result.memory.map((m) => [
      m.label, fmt.int(m.modules), (m.indexMs / 1000).toFixed(1), fmt.int(m.rssMb), fmt.int(m.rssAfterOpenMb), fmt.int(m.heapAfterOpenMb),
    ])),
    '',
    table(['', 'target', 'wall', 'goal', 'cpu (judged)'], serverTargets(result).map((t) => {
      const show = (r) => (t.unit === 'MB' ? `${Math.round(r)} MB` : fmt.x(r));
      return [t.pass ? 'PASS' : 'FAIL', t.what, show(t.ratio), t.goal, show(t.cpuRatio)];
    }), 'llrlr'),
  ];
  return lines.join('\n');
}
