// Re-analysis after a keystroke, in one process: for each one-character edit of a generated 2,000-line
// TypeScript file, time ts.updateSourceFile of the edit (the floor: TypeScript's own incremental re-parse of
// the same change), a bare ts.createSourceFile of the new text, a full analysis of a fresh file
// context (a file just opened), and the incremental path (FileContext.withText, which reuses the previous
// syntax tree: what the language server does for each new version of an open document). Prints JSON.
// Usage: node keystroke.mjs <engine bundle> <iterations> <warm-up iterations>
import { createRequire } from 'node:module';
import { applyEdit, editsFor, generateModule } from '../lib/fixture.mjs';
import { median } from '../lib/measure.mjs';

const [bundle, iterationsArg, warmupArg] = process.argv.slice(2);
const { FileContext, analyze, ts } = createRequire(import.meta.url)(bundle);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);

const file = '/workspace/src/services/billing.ts';
const base = generateModule(2000);
const edits = editsFor(base, warmup + iterations);

const bare = (text) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
const full = (text) => analyze(new FileContext(file, text), {});
const hasWithText = typeof FileContext.prototype.withText === 'function';

// The editor's previous version already has its tree: the incremental path starts from a parsed context.
let previous = new FileContext(file, base);
void previous.sourceFile;
// The floor keeps its own chain of trees: an updated tree reuses nodes of the one before it.
let floorTree = bare(base);
const baseline = full(base);
const probe = new FileContext(file, base);
analyze(probe, {});

let text = base;
const samples = [];
for (let i = 0; i < warmup + iterations; i++) {
  text = applyEdit(text, edits[i]);
  const change = { start: edits[i].at, end: edits[i].at + 1, newLength: 1 };
  const current = text;
  const timings = {};
  const steps = {
    bare: () => bare(current),
    update: () => {
      floorTree = ts.updateSourceFile(floorTree, current, ts.createTextChangeRange(ts.createTextSpan(change.start, change.end - change.start), change.newLength));
    },
    full: () => full(current),
    incremental: () => {
      const next = previous.withText(current, change);
      analyze(next, {});
      previous = next;
    },
  };
  // Rotate the order so no measurement always runs right after the same neighbour (caches, GC debt).
  const order = hasWithText ? ['bare', 'update', 'full', 'incremental'] : ['bare', 'update', 'full'];
  for (let k = 0; k < i % order.length; k++) order.push(order.shift());
  for (const name of order) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    steps[name]();
    timings[name] = performance.now() - started;
    const used = process.cpuUsage(cpu);
    timings[`${name}Cpu`] = (used.user + used.system) / 1000;
  }
  if (i >= warmup) samples.push(timings);
}

const ms = (key) => median(samples.map((s) => s[key]));
process.stdout.write(`${JSON.stringify({
  lines: base.split('\n').length - (base.endsWith('\n') ? 1 : 0),
  bytes: base.length,
  iterations,
  warmup,
  findings: baseline.findings.length,
  parsedByAnalysis: probe.hasSourceFile ?? null,
  bareMs: ms('bare'),
  updateMs: ms('update'),
  updateCpuMs: ms('updateCpu'),
  incrementalCpuMs: hasWithText ? ms('incrementalCpu') : null,
  // The keystroke target: the server's path ÷ TypeScript's incremental re-parse of the same edit.
  vsUpdateRatio: hasWithText ? median(samples.map((s) => s.incremental / s.update)) : null,
  vsUpdateCpuRatio: hasWithText ? median(samples.map((s) => s.incrementalCpu / Math.max(s.updateCpu, 0.001))) : null,
  fullMs: ms('full'),
  incrementalMs: hasWithText ? ms('incremental') : null,
  fullRatio: median(samples.map((s) => s.full / s.bare)),
  incrementalRatio: hasWithText ? median(samples.map((s) => s.incremental / s.bare)) : null,
  // The same ratios in CPU time, which a busy shared machine disturbs less than wall time.
  fullCpuRatio: median(samples.map((s) => s.fullCpu / s.bareCpu)),
  incrementalCpuRatio: hasWithText ? median(samples.map((s) => s.incrementalCpu / s.bareCpu)) : null,
})}\n`);
