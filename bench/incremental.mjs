// Incremental rescan: after one file changes, the workspace scan re-analyses that file alone. Measured on a
// workspace of many copies of examples/: a full scan, then single-file updates; printed as ratios to one
// file's share of the full scan (the target: "about one file's analysis, not a workspace's").
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const copies = Number(process.argv.find((a) => a.startsWith('--copies='))?.split('=')[1] ?? 60);
const work = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-incremental-'));
try {
  const bundle = path.join(work, 'engine.cjs');
  await esbuild.build({
    stdin: {
      contents: "export { WorkspaceScanner } from './server/src/workspaceScan';\nexport { FileContext } from './core/src/context';\nexport { analyze } from './core/src/engine';\nexport { defaultConfig } from './core/src/config';\n",
      resolveDir: repo, sourcefile: 'incremental-entry.ts', loader: 'ts',
    },
    outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning',
    // As esbuild.mjs and lib/engine.mjs: jsonc-parser's UMD main loads its parts with a require a bundle cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  const { WorkspaceScanner, FileContext, analyze, defaultConfig } = createRequire(import.meta.url)(bundle);
  const ws = path.join(work, 'ws');
  for (let i = 0; i < copies; i++) cpSync(path.join(repo, 'examples'), path.join(ws, `app${i}`), { recursive: true });
  const config = defaultConfig();
  let analysed = 0;
  const scanner = new WorkspaceScanner({
    analyze: async (file, text, folder) => {
      analysed++;
      const result = analyze(new FileContext(file, text), { config, relativePath: path.relative(folder, file) });
      return { findings: result.findings, skipped: result.skipped };
    },
    excludes: async () => [],
    facts: () => [],
    openText: () => undefined,
  });
  const progress = { report() {}, cancelled: false };
  let t = performance.now();
  const [report] = await scanner.scan([ws], progress);
  const full = performance.now() - t;
  const files = report.filesScanned;
  const perFile = full / files;
  const samples = [];
  const sources = [];
  const walk = (d) => { for (const e of readdirSync(d)) { const f = path.join(d, e); if (statSync(f).isDirectory()) walk(f); else if (/\.ts$/.test(f)) sources.push(f); } };
  walk(path.join(ws, 'app0'));
  for (let i = 0; i < 30; i++) {
    const file = sources[i % sources.length];
    writeFileSync(file, `${readFileSync(file, 'utf8')}// edit ${i}\n`);
    const before = analysed;
    t = performance.now();
    await scanner.update(file, ws);
    samples.push({ ms: performance.now() - t, analysed: analysed - before });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[samples.length >> 1].ms;
  console.log(`incremental rescan: ${files} files; full scan ${full.toFixed(0)} ms (${perFile.toFixed(2)} ms a file)`);
  console.log(`  one changed file: median ${median.toFixed(2)} ms, files analysed per update: ${Math.max(...samples.map((s) => s.analysed))}`);
  console.log(`  ${(median / perFile).toFixed(1)}× one file's share of the full scan, ${(median / full * 100).toFixed(2)}% of the full scan`);
  console.log(`${median / perFile <= 10 ? 'PASS' : 'FAIL'}  incremental rescan ≈ one file's analysis (≤ 10× a file's share, ≪ a workspace)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
