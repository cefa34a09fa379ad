// Bundles the integration suite for the extension host: dist/test/vscode/index.js (the run() entry) and one
// *.test.js per test file. `vscode` is provided by the host; mocha is required from node_modules at run time.
// Also type-checks the suite (esbuild does not). Usage: node test/vscode/build.mjs [--no-typecheck]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
export const SUITE_OUT = path.join(ROOT, 'dist', 'test', 'vscode');
export const SUITE_ENTRY = path.join(SUITE_OUT, 'index.js');

export async function buildSuite({ typecheck = true } = {}) {
  const suiteDir = path.join(HERE, 'suite');
  const entryPoints = fs.readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(suiteDir, f));
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints, outdir: SUITE_OUT, bundle: true, platform: 'node', target: 'node18', format: 'cjs',
    sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  if (typecheck) {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(HERE, 'tsconfig.json')], { stdio: 'inherit' });
    } catch {
      throw new Error('the integration suite does not type-check (errors above)');
    }
  }
  return SUITE_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildSuite({ typecheck: !process.argv.includes('--no-typecheck') });
  console.log(`suite: ${path.relative(ROOT, SUITE_ENTRY)}`);
}
