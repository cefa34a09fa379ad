// The TypeScript compiler is ~9 MB of JavaScript: compiling it costs ~0.6 s of CPU before the first file is
// read, and most runs (an empty folder, a repository of YAML and .env files, files whose text gates say no)
// never build a syntax tree. The server and CLI bundles therefore get a stand-in for `typescript` whose
// properties load dist/typescript.js on first use, then become plain values (no proxy in the hot path).
// `lazyTypescript` (server, CLI): the stand-in is an empty object whose prototype traps the first read: nothing
// to build at start-up (2,244 getters cost ~18 ms of every run). It has no own keys until loaded, so it suits
// only bundles that reach the compiler through `import ts = require('typescript')`, never `import * as ts`
// (esbuild copies a namespace's own keys at start): `lazyTypescriptNamespace` (the scaffold bundle) defines a
// getter per key instead.
import { lazyStandIn } from './lazyPackages.mjs';

/** An esbuild plugin: `import ts = require('typescript')` resolves to the stand-in; the compiler is its own file. */
export const lazyTypescript = plugin(trapStandIn);
export const lazyTypescriptNamespace = plugin(getterStandIn);

function plugin(standIn) {
  return {
    name: 'lazy-typescript',
    setup(build) {
      build.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'lazy-typescript' }));
      build.onResolve({ filter: /^\.\/typescript\.js$/, namespace: 'lazy-typescript' }, () => ({ path: './typescript.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-typescript' }, () => ({ contents: standIn(), loader: 'js' }));
    },
  };
}

function trapStandIn() {
  return `let ts;
function load() {
  if (ts) return ts;
  ts = require('./typescript.js');
  Object.assign(standIn, ts);
  Object.setPrototypeOf(standIn, Object.prototype);
  return ts;
}
const trap = new Proxy(Object.create(null), {
  get(_target, key) { return load()[key]; },
  has(_target, key) { return key in load(); },
});
const standIn = Object.create(trap);
module.exports = standIn;
`;
}

function getterStandIn() {
  return lazyStandIn('typescript', './typescript.js');
}
