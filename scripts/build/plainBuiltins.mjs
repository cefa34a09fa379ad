// An esbuild plugin for start-up time: `import * as fs from 'node:fs'` becomes `import fs = require('node:fs')`
// in our own TypeScript sources before esbuild reads them. A namespace import of a CommonJS module makes esbuild
// wrap it in `__toESM`, which copies every export of the module into a fresh object of getters, once per
// importing file: 84 such imports of `node:fs` (~100 exports) and `node:path` cost ~8 ms of every CLI run
// (issue 13: start-up ≤ 0.15 s of CPU). A built-in module's object already is its namespace, so the plain
// `require` gives the code the same functions without the copy.
import { readFile } from 'node:fs/promises';

const NAMESPACE_IMPORT = /^import \* as (\w+) from '(node:[\w/]+)';$/gm;

export const plainBuiltins = {
  name: 'plain-builtins',
  setup(build) {
    build.onLoad({ filter: /[\\/](core|server)[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(NAMESPACE_IMPORT, "import $1 = require('$2');"), loader: 'ts' };
    });
  },
};
