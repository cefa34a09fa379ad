// The TypeScript compiler is ~9 MB of JavaScript: compiling it costs ~0.6 s of CPU before the first file is
// read, and most runs (an empty folder, a repository of YAML and .env files, files whose text gates say no)
// never build a syntax tree. The server and CLI bundles therefore get a stand-in for `typescript` whose
// properties load dist/typescript.js on first use, then become plain values (no proxy in the hot path).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** An esbuild plugin: `import ts = require('typescript')` resolves to the stand-in; the compiler is its own file. */
export const lazyTypescript = {
  name: 'lazy-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'lazy-typescript' }));
    build.onResolve({ filter: /^\.\/typescript\.js$/, namespace: 'lazy-typescript' }, () => ({ path: './typescript.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-typescript' }, () => ({ contents: standIn(), loader: 'js' }));
  },
};

function standIn() {
  const keys = Object.keys(require('typescript'));
  return `const KEYS = ${JSON.stringify(keys)};
const standIn = {};
function load() {
  const ts = require('./typescript.js');
  for (const k of KEYS) Object.defineProperty(standIn, k, { value: ts[k], writable: true, enumerable: true, configurable: true });
  return ts;
}
for (const k of KEYS) {
  Object.defineProperty(standIn, k, { enumerable: true, configurable: true, get() { return load()[k]; } });
}
module.exports = standIn;
`;
}
