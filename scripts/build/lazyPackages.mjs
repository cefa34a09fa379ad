// Packages the CLI bundle loads on first use, each from a file of its own beside it (dist/<name>.js): YAML
// (~260 KB), RE2 for user patterns (~270 KB), jsonc-parser (~45 KB) and picomatch (~50 KB) are half the
// bundle, and a run that reads no YAML, has no user pattern or glob and fixes nothing (an empty folder, a pre-commit hook with nothing
// staged) should not compile them (issue 13: start-up ≤ 0.15 s of CPU; compiling is ~20 ms per MB here).
// An import of such a package resolves to a stand-in (a function that calls the package, when the package is
// one) with a getter per export, each of which loads the file and
// then replaces every getter with the plain value. esbuild's `__toESM` copies a module's own keys as getters
// that read the stand-in again, so each use goes through the loaded value. The export names are read from the
// package at build time (`require(name)`); `__esModule` is copied as a value, so the import itself loads nothing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The packages split out of the CLI bundle, and the file each becomes in dist/. */
export const LAZY_PACKAGES = { yaml: 'yaml.js', re2js: 're2js.js', 'jsonc-parser': 'jsonc-parser.js', picomatch: 'picomatch.js' };

/** An esbuild plugin: an import of one of `LAZY_PACKAGES` resolves to its stand-in. */
export const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const names = Object.keys(LAZY_PACKAGES).map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
    build.onResolve({ filter: /^\.\/[\w.-]+\.js$/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ contents: lazyStandIn(args.path, `./${LAZY_PACKAGES[args.path]}`), loader: 'js' }));
  },
};

/** The esbuild entries that write each package's own file (CommonJS, the package's exports as they are). */
export function lazyPackageEntries(outdir) {
  return Object.entries(LAZY_PACKAGES).map(([name, file]) => ({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), sourcefile: `${name}-entry.js`, loader: 'js' },
    outfile: `${outdir}/${file}`,
  }));
}

/** The stand-in module's source: a getter per export of `name` that loads `file` (also the scaffold bundle's TypeScript). */
export function lazyStandIn(name, file) {
  const real = require(name);
  const keys = Object.keys(real).filter((k) => k !== '__esModule');
  const callable = typeof real === 'function';
  return `const KEYS = ${JSON.stringify(keys)};
const standIn = ${callable ? 'function (...args) { return load()(...args); }' : '{}'};
${real.__esModule ? "Object.defineProperty(standIn, '__esModule', { value: true });" : ''}
function load() {
  const real = require(${JSON.stringify(file)});
  for (const k of KEYS) Object.defineProperty(standIn, k, { value: real[k], writable: true, enumerable: true, configurable: true });
  return real;
}
for (const k of KEYS) {
  Object.defineProperty(standIn, k, { enumerable: true, configurable: true, get() { return load()[k]; } });
}
module.exports = standIn;
`;
}
