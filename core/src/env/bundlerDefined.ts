import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * Variables a bundler config of the project writes into the code at build time: webpack's `DefinePlugin`,
 * Vite's and esbuild's `define` (`'process.env.APP_VERSION': JSON.stringify(pkg.version)`). The build replaces
 * every read of such a name with the value it computes, so no deployment sets it. A definition that only passes
 * the variable on (`'process.env.API_URL': JSON.stringify(process.env.API_URL)`) still needs it set, and does not
 * count. Looked for in the bundler configs of the folders given (the reading file's folder and those above it).
 */
export function bundlerDefinedNames(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    for (const name of CONFIG_NAMES) {
      let text: string | undefined;
      try {
        text = host.readFile(path.join(dir, name));
      } catch {
        text = undefined;
      }
      if (text && text.length <= MAX_BYTES && /process\.env\.|import\.meta\.env\./.test(text)) for (const n of definedIn(text)) out.add(n);
    }
  }
  return out;
}

const MAX_BYTES = 256 * 1024;
const EXTENSIONS = ['js', 'cjs', 'mjs', 'ts', 'mts', 'cts'];
/** Bundler configs by name, and the override files of the tools that wrap Create React App's webpack config. */
const CONFIG_NAMES = [
  ...['webpack.config', 'vite.config', 'rspack.config', 'rollup.config', 'esbuild.config'].flatMap((b) => EXTENSIONS.map((e) => `${b}.${e}`)),
  'config-overrides.js', 'craco.config.js', 'craco.config.ts',
];

// A quoted `process.env.NAME` (or `import.meta.env.NAME`) key, then the value up to the end of its line or entry.
const DEFINE = /(['"`])(?:process\.env|import\.meta\.env)\.([A-Za-z_][A-Za-z0-9_]*)\1\s*:\s*([^\n]*)/g;

/** The names a config's text defines, leaving out definitions whose value reads the same variable. */
export function definedIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DEFINE)) {
    const name = m[2];
    if (new RegExp(`\\benv\\.${name}\\b|\\benv\\[['"\`]${name}['"\`]\\]`).test(m[3])) continue;
    out.add(name);
  }
  return out;
}

/**
 * Variables the `.env.production` of a JavaScript package sets: Create React App, Vite and Next load that file
 * for every production build of the package whose folder holds it (beside its package.json), so the build, not
 * the deployer, sets them (a UI package's `PUBLIC_URL=/`, `REACT_APP_API_URL=/`). A `.env.production.local`
 * stays one machine's and does not count; neither does a `.env.production` of a folder without a package.json.
 */
export function buildModeEnvNames(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    let text: string | undefined;
    try {
      text = host.readFile(path.join(dir, 'package.json')) === undefined ? undefined : host.readFile(path.join(dir, '.env.production'));
    } catch {
      text = undefined;
    }
    if (!text || text.length > MAX_BYTES) continue;
    for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/gm)) out.add(m[1]);
  }
  return out;
}
