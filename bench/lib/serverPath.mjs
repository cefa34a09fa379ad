// Bundles the server's keystroke path of a checkout (DocumentAnalyses: the program index update, withText and
// analyze, then the diagnostics' conversion) for `bench/pairs.mjs`, with the same esbuild settings as
// bench/lib/engine.mjs. Two checkouts bundled this way run in one process, edit for edit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ENTRY = `
export { DocumentAnalyses } from './server/src/analysis';
export { WorkspaceProgram } from './server/src/program';
export { toDiagnostic } from './server/src/convert';
export { defaultConfig } from './core/src/config';
export { DiskCache } from './core/src/diskCache';
export { TextDocument } from 'vscode-languageserver-textdocument';
`;

export async function bundleServerPath(repo, outfile) {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: repo, sourcefile: 'bench-server-path.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
    define: { TWELVE_FACTOR_VERSION: JSON.stringify(pkg.version) },
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  return outfile;
}
