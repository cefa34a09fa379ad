// Bundles the engine straight from core/src for the keystroke measurement, so it always measures the
// source as it is now (not whatever out/ or dist/ an earlier build left), with the same esbuild settings
// as esbuild.mjs and the very TypeScript copy the engine parses with.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ENTRY = `
export { FileContext } from './core/src/context';
export { analyze } from './core/src/engine';
export { rules } from './core/src/rules';
import * as ts from 'typescript';
export { ts };
`;

export async function bundleEngine(repo, outfile) {
  return bundleEntry(repo, outfile, ENTRY, 'bench-engine.ts');
}

/** Bundles `entry` (TypeScript source resolved in `repo`) as esbuild.mjs bundles the extension. */
export async function bundleEntry(repo, outfile, entry, sourcefile) {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  await esbuild.build({
    stdin: { contents: entry, resolveDir: repo, sourcefile, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
    define: { TWELVE_FACTOR_VERSION: JSON.stringify(pkg.version) },
    // As esbuild.mjs: jsonc-parser's UMD main loads its parts with a require a bundle cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  return outfile;
}
