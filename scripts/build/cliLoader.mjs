// The CLI's entry, dist/cli.js, is a small loader (core/src/cli/loader.ts) that compiles the bundle,
// dist/cli-main.js, with V8's code cache. The cache file is named by the bundle's content hash, set here after
// each build of the bundle (V8 itself compares only the source's length): a rebuilt bundle never meets the
// bytecode of another.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { plainBuiltins } from './plainBuiltins.mjs';

/** An esbuild plugin for the bundle's build: when it ends without errors, builds the loader beside it. */
export function cliLoader(options) {
  return {
    name: 'cli-loader',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const key = createHash('sha256').update(readFileSync(build.initialOptions.outfile)).digest('hex').slice(0, 24);
        await esbuild.build({
          ...options,
          entryPoints: ['core/src/cli/loader.ts'],
          outfile: 'dist/cli.js',
          plugins: [plainBuiltins],
          banner: { js: '#!/usr/bin/env node' },
          define: { ...options.define, CLI_BUNDLE_KEY: JSON.stringify(key) },
        });
      });
    },
  };
}
