import * as path from 'node:path';
import { readQuietly, type FileHost } from '../host';
import { gitView } from '../workspace/git';
import { nearestManifest } from '../workspace/manifest';

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
      if (text && text.length <= MAX_BYTES && /process\.env\.|import\.meta\.env\./.test(text)) {
        for (const n of definedIn(text)) out.add(n);
        if (name.startsWith('vite.config.')) for (const n of viteConfigAssigned(text)) out.add(n);
      }
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

// `process.env.VITE_HOST = …` as a statement of the config (not `==`), then its value up to the end of the line.
const ASSIGNED = /^[ \t]*process\.env\.([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)([^\n]*)/gm;

/**
 * Names a Vite config sets on `process.env` while it loads (`process.env.VITE_LEON_HOST = process.env.LEON_HOST`):
 * Vite reads the prefixed variables from `process.env` after the config has run and writes them into the code as
 * `import.meta.env.VITE_LEON_HOST`, so the config is what sets them (from a setting of its own, declared under
 * that name). A value that reads the same variable (`process.env.VITE_X = process.env.VITE_X || 'd'`) is a
 * default and does not count.
 */
function viteConfigAssigned(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(ASSIGNED)) {
    if (new RegExp(`\\benv\\.${m[1]}\\b|\\benv\\[['"\`]${m[1]}['"\`]\\]`).test(m[2])) continue;
    out.add(m[1]);
  }
  return out;
}

/** Front-end build tools whose documentation has `.env` hold the committed defaults of every mode. */
const COMMITTED_ENV_TOOLS = ['vite', 'next', 'react-scripts'];

/**
 * The file sits beside the package.json of a Vite, Next or Create React App package: where that tool loads `.env`
 * as its committed defaults (the tools' docs, cited at buildModeEnvNames).
 */
export function besideCommittedEnvTool(host: FileHost, file: string): boolean {
  const manifest = nearestManifest(host, file);
  return manifest !== undefined && manifest.dir === path.dirname(file) && COMMITTED_ENV_TOOLS.some((tool) => manifest.declared.has(tool));
}

/**
 * Variables the `.env.production` of a JavaScript package sets: Create React App, Vite and Next load that file
 * for every production build of the package whose folder holds it (beside its package.json), so the build, not
 * the deployer, sets them (a UI package's `PUBLIC_URL=/`, `REACT_APP_API_URL=/`). A `.env.production.local`
 * stays one machine's and does not count; neither does a `.env.production` of a folder without a package.json.
 * The `.env` of a Vite, Next or CRA package counts the same way when git does not ignore it: those tools load it in
 * every mode and document it as the committed defaults, private values going to `.env.local`
 * (https://nextjs.org/docs/app/guides/environment-variables#default-environment-variables,
 * https://vite.dev/guide/env-and-mode#env-files); a `.env` that `.gitignore` excludes is one machine's.
 */
export function buildModeEnvNames(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    let manifestText: string | undefined;
    try {
      manifestText = host.readFile(path.join(dir, 'package.json'));
    } catch {
      manifestText = undefined;
    }
    if (manifestText === undefined) continue;
    addAssignedNames(out, readQuietly(host, path.join(dir, '.env.production')));
    const envFile = path.join(dir, '.env');
    if (!besideCommittedEnvTool(host, envFile)) continue;
    const text = readQuietly(host, envFile);
    if (text === undefined) continue;
    const git = gitView(host, envFile);
    if (git && !git.ignores) addAssignedNames(out, text);
  }
  return out;
}

function addAssignedNames(out: Set<string>, text: string | undefined): void {
  if (!text || text.length > MAX_BYTES) return;
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/gm)) out.add(m[1]);
}
