// `node bench/pairs.mjs --base REV [--head REV] [--iterations N] [--runs N]`: the server's keystroke path of two
// commits, bundled from `git worktree`s of this repository and run in one process edit for edit
// (children/pairedKeystroke.mjs). Prints per run the CPU per edit of each, their ratios to ts.updateSourceFile
// and B ÷ A, and whether both gave the same diagnostics. The keystroke target itself is judged through the LSP
// round trip (bench/server.mjs); this is the A/B measurement for a change, robust to a loaded machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServerPath } from './lib/serverPath.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
if (args.includes('--help') || !option('--base')) {
  console.log('Usage: node bench/pairs.mjs --base REV [--head REV (default: the work tree)] [--iterations 200] [--runs 3]');
  process.exit(args.includes('--help') ? 0 : 2);
}
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tf-pairs-'));
try {
  /** A checkout of `rev` (or this work tree) bundled; node_modules is this repository's. */
  const bundle = async (rev, name) => {
    let dir = repo;
    if (rev) {
      dir = path.join(scratch, name);
      execFileSync('git', ['-C', repo, 'worktree', 'add', '-q', '--detach', dir, rev]);
      symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    }
    return bundleServerPath(dir, path.join(scratch, `${name}.cjs`));
  };
  const a = await bundle(option('--base'), 'base');
  const b = await bundle(option('--head'), 'head');
  const runs = Number(option('--runs', '3'));
  console.log(`server keystroke path, in process, A = ${option('--base')}, B = ${option('--head') ?? 'work tree'}: CPU per edit (median), ÷ ts.updateSourceFile`);
  for (let r = 0; r < runs; r++) {
    const folder = path.join(scratch, `ws${r}`);
    const out = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'bench', 'children', 'pairedKeystroke.mjs'), a, b, folder, option('--iterations', '200'), '50'], { encoding: 'utf8' }));
    console.log(`  run ${r + 1}: A ${out.aMs.toFixed(2)} ms (${out.aRatio.toFixed(2)}×) · B ${out.bMs.toFixed(2)} ms (${out.bRatio.toFixed(2)}×) · floor ${out.floorMs.toFixed(2)} ms · B ÷ A ${out.bOverA.toFixed(2)} · edits whose diagnostics differ: ${out.editsWithDifferentDiagnostics}`);
  }
} finally {
  for (const name of ['base', 'head']) {
    try {
      execFileSync('git', ['-C', repo, 'worktree', 'remove', '--force', path.join(scratch, name)], { stdio: 'ignore' });
    } catch {
      // not made (the work tree itself)
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}
