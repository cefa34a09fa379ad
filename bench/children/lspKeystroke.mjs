// The keystroke row through the LSP round trip: start the bundled server over stdio, open a generated
// 2,000-line JavaScript file, type one letter at a time at several places (`didChange`, incremental) and
// pull diagnostics after each, as VS Code does. Per edit, the server's own CPU time (process.cpuUsage, read
// through `twelveFactor/serverStats` before and after) is paired with `ts.updateSourceFile` of the same edit
// in this process (the floor: TypeScript's incremental re-parse). The two alternate which goes first.
// Prints JSON. Usage: node lspKeystroke.mjs <dist/server.js> <folder> <iterations> <warm-up> [--cpu-prof <dir>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateJsModule, typingEdits } from '../lib/fixture.mjs';
import { fileUri, startServer } from '../lib/lspClient.mjs';
import { median, spread } from '../lib/measure.mjs';

const [server, folder, iterationsArg, warmupArg, ...rest] = process.argv.slice(2);
const profileDir = rest[0] === '--cpu-prof' ? rest[1] : undefined;
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);
const ts = createRequire(import.meta.url)('typescript');

const LINES = 2000;
const file = path.join(folder, 'src', 'routes.js');
const base = generateJsModule(LINES);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, base);
writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'keystroke-bench', dependencies: { express: '4.21.0' } }, null, 2));
const edits = typingEdits(base, warmup + iterations);

const cpuMs = (before, after) => (after.cpuMicros - before.cpuMicros) / 1000;
const lsp = await startServer(server, folder, { nodeArgs: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [] });
try {
  await lsp.indexed;
  const uri = fileUri(file);
  await lsp.open(uri, 'javascript', base);
  const first = await lsp.diagnostics(uri);
  // What one serverStats round trip costs the server: included once in every per-edit reading below.
  const overhead = [];
  for (let k = 0; k < 10; k++) overhead.push(cpuMs(await lsp.stats(), await lsp.stats()));

  let text = base;
  let floorTree = ts.createSourceFile(file, base, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const samples = [];
  let last = first;
  for (let i = 0; i < warmup + iterations; i++) {
    const { at, letter } = edits[i];
    text = text.slice(0, at) + letter + text.slice(at);
    const current = text;
    const sample = {};
    const steps = {
      server: async () => {
        const before = await lsp.stats();
        const started = performance.now();
        const pos = position(current, at);
        await lsp.change(uri, i + 2, [{ range: { start: pos, end: pos }, text: letter }]);
        last = await lsp.diagnostics(uri);
        sample.serverMs = performance.now() - started;
        sample.serverCpuMs = cpuMs(before, await lsp.stats());
      },
      floor: async () => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        floorTree = ts.updateSourceFile(floorTree, current, ts.createTextChangeRange(ts.createTextSpan(at, 0), 1));
        sample.updateMs = performance.now() - started;
        const used = process.cpuUsage(cpu);
        sample.updateCpuMs = (used.user + used.system) / 1000;
      },
    };
    for (const name of i % 2 === 0 ? ['server', 'floor'] : ['floor', 'server']) await steps[name]();
    if (i >= warmup) samples.push(sample);
  }
  const ratios = samples.map((s) => s.serverCpuMs / Math.max(s.updateCpuMs, 0.001));
  const end = await lsp.stats();
  process.stdout.write(`${JSON.stringify({
    lines: LINES, bytes: base.length, iterations, warmup, places: 5,
    diagnosticsFirst: first.length, diagnosticsLast: last.length,
    updateMs: median(samples.map((s) => s.updateMs)), updateCpuMs: median(samples.map((s) => s.updateCpuMs)),
    serverMs: median(samples.map((s) => s.serverMs)), serverCpuMs: median(samples.map((s) => s.serverCpuMs)),
    serverCpuSpread: spread(samples.map((s) => s.serverCpuMs)), updateCpuSpread: spread(samples.map((s) => s.updateCpuMs)),
    statsOverheadCpuMs: median(overhead),
    // The keystroke target: server CPU per edit ÷ ts.updateSourceFile of the same edit, median of the pairs.
    cpuRatio: median(ratios),
    cpuRatioP25: quantile(ratios, 0.25), cpuRatioP75: quantile(ratios, 0.75),
    wallRatio: median(samples.map((s) => s.serverMs / Math.max(s.updateMs, 0.001))),
    serverRssMb: end.rss / 1024 / 1024,
  })}\n`);
} finally {
  await lsp.stop();
}

/** The LSP position (line, UTF-16 character) of an offset. */
function position(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
