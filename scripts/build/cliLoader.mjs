// The CLI's entry, dist/cli.js, is a small loader (core/src/cli/loader.ts) that compiles the bundle,
// dist/cli-main.js, and the TypeScript compiler it loads on demand, dist/typescript.js, with V8's code cache.
// Each cache file is named by its script's content hash, set here (V8 itself compares only the source's
// length): a rebuilt bundle never meets the bytecode of another.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { plainBuiltins } from './plainBuiltins.mjs';

const key = (file) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 24) : 'none');

/**
 * Builds dist/cli.js for the dist/cli-main.js and dist/typescript.js beside it. `esbuild.mjs` calls it once
 * every bundle is written (the compiler is built in parallel with the bundle), and in watch mode after each
 * rebuild of the bundle (`cliLoader`).
 */
export async function buildCliLoader(options, outdir = 'dist') {
  await esbuild.build({
    ...options,
    entryPoints: ['core/src/cli/loader.ts'],
    outfile: path.join(outdir, 'cli.js'),
    plugins: [plainBuiltins],
    banner: { js: '#!/usr/bin/env node' },
    define: {
      ...options.define,
      CLI_BUNDLE_KEY: JSON.stringify(key(path.join(outdir, 'cli-main.js'))),
      TYPESCRIPT_KEY: JSON.stringify(key(path.join(outdir, 'typescript.js'))),
    },
  });
}

/** An esbuild plugin for the bundle's build in watch mode: each rebuild without errors rebuilds the loader. */
export function cliLoader(options) {
  return {
    name: 'cli-loader',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length === 0) await buildCliLoader(options);
      });
    },
  };
}
