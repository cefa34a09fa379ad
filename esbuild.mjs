// Bundles the three processes: the extension client (vscode external, no TypeScript compiler inside),
// the language server and the CLI (both carry the core engine), and the TypeScript compiler as its own
// file that they load on first use (scripts/build/lazyTypescript.mjs); the CLI loads YAML, RE2 and jsonc-parser
// the same way (scripts/build/lazyPackages.mjs), and its entry is a loader with V8's code cache (scripts/build/cliLoader.mjs).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { buildCliLoader, cliLoader } from './scripts/build/cliLoader.mjs';
import { lazyPackageEntries, lazyPackages } from './scripts/build/lazyPackages.mjs';
import { lazyTypescript, lazyTypescriptNamespace } from './scripts/build/lazyTypescript.mjs';
import { plainBuiltins } from './scripts/build/plainBuiltins.mjs';
import { stripProviderExamples } from './scripts/build/stripExamples.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { TWELVE_FACTOR_VERSION: JSON.stringify(pkg.version) },
  // jsonc-parser's UMD main loads its parts with a dynamic require a bundle cannot follow: bundle its ESM build
  // (Node itself, in the tests, loads the UMD one, whose ESM files it could not resolve).
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The scaffold engine parses code with TypeScript: its own bundle, loaded on the first scaffold command.
  { entryPoints: ['client/src/scaffold/engine.ts'], outfile: 'dist/scaffold.js', external: ['vscode'], plugins: [lazyTypescriptNamespace] },
  // Server and CLI load the compiler (dist/typescript.js) the first time a file needs a syntax tree.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [stripProviderExamples, plainBuiltins, lazyTypescript] },
  // The CLI: dist/cli.js is a small loader that compiles the bundle, dist/cli-main.js, with V8's code cache.
  { entryPoints: ['core/src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [stripProviderExamples, plainBuiltins, lazyTypescript, lazyPackages, ...(watch ? [cliLoader(common)] : [])] },
  ...lazyPackageEntries('dist'),
  { entryPoints: ['node_modules/typescript/lib/typescript.js'], outfile: 'dist/typescript.js', sourcemap: false },
];

// The JSON Schema of .env.schema.{yaml,json}, contributed to VS Code's JSON and YAML validation.
mkdirSync('dist', { recursive: true });
copyFileSync('core/src/env/env-schema.schema.json', 'dist/env-schema.schema.json');
// tree-sitter (web-tree-sitter as VS Code ships it) and the grammars of the languages read with it: plain
// files beside the bundles, loaded the first time a file of that language needs a tree (core/src/treesitter).
for (const file of ['tree-sitter.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm']) {
  copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/${file}`);
}

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The CLI's entry, named after the bundle and the compiler it compiles with V8's code cache: once both are written.
  await buildCliLoader(common);
}
