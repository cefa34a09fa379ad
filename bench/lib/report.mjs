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
 * The four targets of the issue. A ratio "A ÷ B" is the median wall time of A over the median wall time of
 * B, both measured in the same run on the same files; PASS/FAIL is judged on it. The same ratio in CPU time
 * (user + system) is shown beside it, because a busy shared machine disturbs it much less.
 */
export function targets(summary, keystroke) {
  const ratio = (a, b, key) => summary[a][key] / summary[b][key];
  const pair = (a, b) => ({ ratio: ratio(a, b, 'wallMs'), cpuRatio: ratio(a, b, 'cpuMs') });
  const list = [
    { id: 'scan-vs-parse', what: 'whole scan ÷ bare parse, full corpus', ...pair('ours-full', 'parse-full'), goal: '≤ 1.0×', pass: (r) => r <= 1.0 },
    { id: 'eslint', what: 'ESLint + no-secrets ÷ whole scan, peer set', ...pair('eslint-peer', 'ours-peer'), goal: '≥ 10× (we are faster)', pass: (r) => r >= 10 },
    { id: 'secretlint', what: 'secretlint ÷ whole scan, peer set', ...pair('secretlint-peer', 'ours-peer'), goal: '≥ 3× (we are faster)', pass: (r) => r >= 3 },
    // What the server does per keystroke: the new version reuses the previous tree (withText, incremental
    // parse). A fresh analysis of the same text is printed above the targets for comparison.
    keystroke.incrementalRatio != null
      ? { id: 'keystroke', what: 'keystroke re-analysis (incremental, as the server) ÷ bare parse, 2,000-line .ts', ratio: keystroke.incrementalRatio, cpuRatio: keystroke.incrementalCpuRatio, goal: '≤ 1.5×', pass: (r) => r <= 1.5 }
      : { id: 'keystroke', what: 'keystroke re-analysis ÷ bare parse, 2,000-line .ts', ratio: keystroke.fullRatio, cpuRatio: keystroke.fullCpuRatio, goal: '≤ 1.5×', pass: (r) => r <= 1.5 },
  ];
  return list.map(({ pass, ...t }) => ({ ...t, pass: pass(t.ratio) }));
}

export function targetLines(list) {
  return table(['', 'target', 'wall', 'goal', 'cpu'], list.map((t) => [t.pass ? 'PASS' : 'FAIL', t.what, fmt.x(t.ratio), t.goal, fmt.x(t.cpuRatio)]), 'llrlr');
}
