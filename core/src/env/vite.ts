import * as path from 'node:path';
import { readQuietly, type FileHost } from '../host';
import { foldersUp } from './locate';

const VITE_CONFIGS = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts', 'vite.config.cjs', 'vite.config.cts'];
/** Frameworks on Vite that give server code every variable through `import.meta.env` (Astro's server side). */
const OTHER_CONFIGS = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'];

/**
 * A read of `import.meta.env.X` that Vite never fills: without an `envPrefix` in its config, Vite exposes
 * only `VITE_`-prefixed variables (and its built-ins) to `import.meta.env`, so `import.meta.env.VUE_APP_ROOT_URL`
 * is `undefined` whatever the deployer sets, a leftover of an older build tool. Declaring it would change
 * nothing; it is no setting of the app. A config that names the variable (`define: { 'import.meta.env.X': … }`)
 * or sets `envPrefix` keeps the read judged as usual, and so does a project with no Vite config in its folders.
 */
export function viteNeverSets(host: FileHost, file: string, name: string): boolean {
  if (name.startsWith('VITE_')) return false;
  for (const dir of foldersUp(file, host)) {
    const config = VITE_CONFIGS.map((c) => readQuietly(host, path.join(dir, c))).find((t) => t !== undefined);
    if (config === undefined) continue;
    if (OTHER_CONFIGS.some((c) => readQuietly(host, path.join(dir, c)) !== undefined)) return false;
    return !/\benvPrefix\b/.test(config) && !config.includes(name);
  }
  return false;
}

