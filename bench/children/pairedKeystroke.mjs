// Two versions of the server's keystroke path in one process, edit for edit: for each typed letter of the
// keystroke row's file (`generateJsModule`, `typingEdits`), A's path, B's path and `ts.updateSourceFile` of the
// same edit run in a rotating order, each timed in CPU (process.cpuUsage). Load on the machine then weighs on all
// three alike, which separate server runs cannot promise. Prints JSON.
// Usage: node pairedKeystroke.mjs <bundle A> <bundle B> <folder> <iterations> <warm-up>
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateJsModule, typingEdits } from '../lib/fixture.mjs';
import { median } from '../lib/measure.mjs';

const [bundleA, bundleB, folder, iterationsArg, warmupArg] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const ts = require('typescript');
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);

const file = path.join(folder, 'src', 'routes.js');
const base = generateJsModule(2000);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, base);
writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'keystroke-bench', dependencies: { express: '4.21.0' } }, null, 2));
const edits = typingEdits(base, warmup + iterations);
const uri = `file://${file}`;

/** One editor session of a bundle: its own disk cache, program index and analyses, as a server has. */
function session(bundle) {
  const m = require(bundle);
  const disk = new m.DiskCache();
  const host = { readFile: (p) => disk.readFile(p), rootOf: () => folder, entries: (d) => disk.entries(d), version: 0 };
  const analyses = new m.DocumentAnalyses(new m.WorkspaceProgram(() => undefined, () => undefined, () => folder, host), host);
  const settings = { enable: true, config: m.defaultConfig(), configProblems: [] };
  let document = m.TextDocument.create(uri, 'javascript', 1, base);
  const pull = () => {
    const result = analyses.get(document, file, folder, settings);
    return result.findings.map((f) => m.toDiagnostic(f, result.fixes.get(f)));
  };
  const first = pull();
  return {
    first,
    type(at, letter, version) {
      const pos = document.positionAt(at);
      document = m.TextDocument.update(document, [{ range: { start: pos, end: pos }, text: letter }], version);
      return pull();
    },
  };
}

const a = session(path.resolve(bundleA));
const b = session(path.resolve(bundleB));
let floorTree = ts.createSourceFile(file, base, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
let text = base;
const samples = [];
let differ = 0;
for (let i = 0; i < warmup + iterations; i++) {
  const { at, letter } = edits[i];
  const before = text;
  text = before.slice(0, at) + letter + before.slice(at);
  const current = text;
  const out = {};
  const steps = {
    a: () => (out.a = a.type(at, letter, i + 2)),
    b: () => (out.b = b.type(at, letter, i + 2)),
    floor: () => {
      floorTree = ts.updateSourceFile(floorTree, current, ts.createTextChangeRange(ts.createTextSpan(at, 0), 1));
    },
  };
  const order = ['a', 'b', 'floor'];
  for (let k = 0; k < i % order.length; k++) order.push(order.shift());
  const sample = {};
  for (const name of order) {
    const cpu = process.cpuUsage();
    steps[name]();
    const used = process.cpuUsage(cpu);
    sample[name] = (used.user + used.system) / 1000;
  }
  if (JSON.stringify(out.a) !== JSON.stringify(out.b)) differ++;
  if (i >= warmup) samples.push(sample);
}
const ms = (key) => median(samples.map((s) => s[key]));
const ratio = (key) => median(samples.map((s) => s[key] / Math.max(s.floor, 0.001)));
process.stdout.write(`${JSON.stringify({
  iterations,
  warmup,
  findings: [a.first.length, b.first.length],
  editsWithDifferentDiagnostics: differ,
  aMs: ms('a'),
  bMs: ms('b'),
  floorMs: ms('floor'),
  aRatio: ratio('a'),
  bRatio: ratio('b'),
  bOverA: median(samples.map((s) => s.b / Math.max(s.a, 0.001))),
})}\n`);
