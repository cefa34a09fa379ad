// Scale: the CLI on a generated monorepo of N files (default 50,000) against the same generator at a
// medium size (3,500 files, a typeorm-sized repository). Time per file must not grow with the file count
// and memory must stay bounded. Reports CPU and wall per file, peak RSS, PASS/FAIL; never gates.
// Usage: node bench/scale.mjs [--files N] [--medium N] [--keep] [--no-build] [--dev-build]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDist } from './lib/build.mjs';
import { generateMonorepo } from './lib/monorepo.mjs';
import { runNode } from './lib/measure.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '50000' }, medium: { type: 'string', default: '3500' }, keep: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false }, 'dev-build': { type: 'boolean', default: false } } });
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-scale-'));
const log = (line) => process.stderr.write(`scale: ${line}\n`);

try {
  if (!values['no-build']) buildDist(repo, { dev: values['dev-build'] });
  const rows = [];
  for (const [label, count] of [['medium', Number(values.medium)], ['large', Number(values.files)]]) {
    const dir = path.join(scratch, label);
    mkdirSync(dir);
    log(`generating ${count} files (${label})`);
    const files = generateMonorepo(dir, count);
    log(`scanning ${label}`);
    const run = runNode([path.join(repo, 'dist', 'cli.js'), 'scan', '.', '--format', 'json', '--output', path.join(scratch, `${label}.json`)], { cwd: dir, scratch });
    if (run.status !== 0 && run.status !== 1) throw new Error(`scan of ${label} failed: ${run.stderr.slice(-500)}`);
    rows.push({ label, files, cpuPerFile: run.cpuMs / files, wallPerFile: run.wallMs / files, rss: run.maxRssMb, cpuS: run.cpuMs / 1000 });
  }
  for (const r of rows) console.log(`${r.label.padEnd(7)} ${String(r.files).padStart(6)} files  cpu ${r.cpuS.toFixed(1)} s  ${r.cpuPerFile.toFixed(2)} ms/file cpu  ${r.wallPerFile.toFixed(2)} ms/file wall  peak ${Math.round(r.rss)} MB`);
  const [medium, large] = rows;
  const ratio = large.cpuPerFile / medium.cpuPerFile;
  console.log(`${ratio <= 1.1 ? 'PASS' : 'FAIL'}  cpu per file, large ÷ medium: ${ratio.toFixed(2)}× (goal ≤ 1.1×: no growth beyond noise)`);
  console.log(`${large.rss <= 150 ? 'PASS' : 'FAIL'}  peak RSS on the large repository: ${Math.round(large.rss)} MB (goal ≤ 150 MB)`);
} finally {
  if (values.keep) log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
