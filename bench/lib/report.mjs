// Turns the medians into the targets (ratios, PASS/FAIL) and the compact table printed to stdout.

const MB = 1024 * 1024;

export const fmt = {
  int: (n) => (n === null || n === undefined ? '-' : Math.round(n).toLocaleString('en-US')),
  mb: (bytes) => `${(bytes / MB).toFixed(1)} MB`,
  s: (ms) => (ms / 1000).toFixed(2),
  x: (r) => `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`,
};

/** Columns two spaces apart; `align` has one letter per column, l or r (default: text left, numbers right). */
export function table(header, rows, align = `l${'r'.repeat(header.length - 1)}`) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const cell = (text, i) => (align[i] === 'l' ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  return all.map((r) => r.map(cell).join('  ').trimEnd()).join('\n');
}

/**
 * The targets of issue 13. A ratio "A ÷ B" is A's median over B's, both measured in the same run on the same
 * files. PASS/FAIL is judged on CPU time (user + system), which a busy shared machine disturbs much less
 * than wall time; the wall ratio is shown beside it.
 */
export function targets(summary, keystroke) {
  const ratio = (a, b, key) => summary[a][key] / summary[b][key];
  const pair = (a, b) => ({ ratio: ratio(a, b, 'wallMs'), cpuRatio: ratio(a, b, 'cpuMs') });
  const list = [
    { id: 'scan-vs-parse', what: 'whole scan ÷ bare parse, full corpus', ...pair('ours-full', 'parse-full'), goal: '≤ 0.8×', pass: (r) => r <= 0.8 },
    { id: 'eslint', what: 'ESLint + no-secrets ÷ whole scan, peer set', ...pair('eslint-peer', 'ours-peer'), goal: '≥ 10× (we are faster)', pass: (r) => r >= 10 },
    { id: 'secretlint', what: 'secretlint ÷ whole scan, peer set', ...pair('secretlint-peer', 'ours-peer'), goal: '≥ 3× (we are faster)', pass: (r) => r >= 3 },
    { id: 'cache', what: 'second --cache run ÷ first, full corpus unchanged', ...pair('cache-second', 'cache-first'), goal: '≤ 0.1×', pass: (r) => r <= 0.1 },
    { id: 'startup', what: 'start-up: scan of an empty folder, seconds', ratio: summary.startup.wallMs / 1000, cpuRatio: summary.startup.cpuMs / 1000, goal: '≤ 0.15 s', pass: (r) => r <= 0.15, unit: 's' },
    { id: 'rss', what: 'peak RSS of the CLI, full corpus, MB', ratio: summary['ours-full'].maxRssMb, cpuRatio: summary['ours-full'].maxRssMb, goal: '≤ 150 MB', pass: (r) => r <= 150, unit: 'MB' },
    // In process, no LSP: informational. The keystroke target is judged through the LSP round trip (lib/server.mjs).
    keystroke.vsUpdateRatio != null
      ? { id: 'keystroke', what: 'keystroke in process (withText + analyze) ÷ ts.updateSourceFile, 2,000-line .ts', ratio: keystroke.vsUpdateRatio, cpuRatio: keystroke.vsUpdateCpuRatio, goal: 'report', pass: () => true, info: true }
      : { id: 'keystroke', what: 'keystroke re-analysis in process ÷ bare parse, 2,000-line .ts', ratio: keystroke.fullRatio, cpuRatio: keystroke.fullCpuRatio, goal: 'report', pass: () => true, info: true },
  ];
  // Worker threads: wall is what they buy, CPU and memory what they cost; informational (machines differ in cores).
  if (summary['pool-full']) {
    list.push({ id: 'concurrency', what: 'scan --concurrency 2 ÷ off, full corpus (wall, cpu)', ...pair('pool-full', 'ours-full'), goal: 'report', pass: () => true, info: true });
    list.push({ id: 'concurrency-rss', what: 'peak RSS of the CLI with --concurrency 2, full corpus, MB', ratio: summary['pool-full'].maxRssMb, cpuRatio: summary['pool-full'].maxRssMb, goal: 'report', pass: () => true, info: true, unit: 'MB' });
  }
  if (summary['rg-full']) list.push({ id: 'ripgrep', what: 'whole scan ÷ ripgrep (read-the-bytes floor), full corpus', ...pair('ours-full', 'rg-full'), goal: 'report', pass: () => true, info: true });
  return list.map(({ pass, ...t }) => ({ ...t, pass: pass(t.cpuRatio) }));
}

const show = (t, r) => (t.unit === 's' ? `${r.toFixed(2)} s` : t.unit === 'MB' ? `${Math.round(r)} MB` : fmt.x(r));

export function targetLines(list) {
  return table(['', 'target', 'wall', 'goal', 'cpu (judged)'], list.map((t) => [t.info ? 'INFO' : t.pass ? 'PASS' : 'FAIL', t.what, show(t, t.ratio), t.goal, show(t, t.cpuRatio)]), 'llrlr');
}
