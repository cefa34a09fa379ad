import * as path from 'node:path';
import type { FileHost } from '../host';
import { makeTargets } from './launch';
import { deploysItself, parseManifest, readJsonc, isRecord } from './manifest';
import { ADMIN_DIR, DEPLOYMENT_FILES, DEPLOYMENT_SCRIPTS, mentionsName, relativeToRoot, type RoleSubject } from './roles';
import { Workspace } from './files';

/**
 * A server kept in a `scripts/` folder (the repository's or a package's) that the developers start by hand: a
 * package script that is none a deployment runs (`"viewer": "node scripts/viewer/server.js"`) or a Makefile target
 * (`dev-portal: node scripts/dev-portal/server.js`) names it, and nothing a deployment runs does. It is no role: a
 * `scripts/` folder also holds the app's admin processes (factor XII), which the other rules judge as code of the
 * app; only the rules about a running server (SIGTERM, its port) ask it, of a file that starts one.
 *
 * Deployed, and so not hand-run: a folder between the root and the file with its own image or process file
 * (`packages/api/Dockerfile` whose `CMD` runs `dist/scripts/startServer.js`), or a name of the file or its folder
 * under `scripts/` in a deployment file (Dockerfile, Procfile, compose, platform manifests) or in a package script
 * that installs, builds or starts the app, in any folder from the file's up to the root.
 */
export function isHandRunScript(context: RoleSubject): boolean {
  const host = context.host;
  if (!host || !path.isAbsolute(context.path)) return false;
  const rel = (context.relativePath ?? relativeToRoot(context)).replace(/\\/g, '/');
  const parts = rel.split('/');
  const at = parts.slice(0, -1).findIndex((p) => SCRIPTS_DIR.test(p));
  if (at < 0 || parts.slice(at + 1, -1).some((p) => ADMIN_DIR.test(p))) return false;
  const file = context.path.replace(/\\/g, '/');
  if (!file.endsWith(`/${rel}`)) return false;
  const root = file.slice(0, file.length - rel.length - 1);
  let named = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const dir = [root, ...parts.slice(0, i)].join('/');
    // A folder with its own image or process file deploys what it holds (the root's: only what it names).
    if (i > 0 && deploysItself(host, dir)) return false;
    const names = [...namesFrom(parts, i, at), ...compiledNames(host, dir, parts.slice(i))];
    const mentions = (text: string | undefined) => text !== undefined && names.some((n) => mentionsName(text, n));
    if (DEPLOYMENT_FILES.some((f) => mentions(host.readFile(`${dir}/${f}`)))) return false;
    const manifest = `${dir}/package.json`;
    const text = host.readFile(manifest);
    for (const [name, command] of Object.entries((text === undefined ? undefined : parseManifest(manifest, text)?.scripts) ?? {})) {
      if (!mentions(command)) continue;
      if (DEPLOYMENT_SCRIPTS.test(name)) return false;
      named = true;
    }
    for (const [target, recipe] of makeTargets(new Workspace(dir, host))) {
      if (!mentions(recipe)) continue;
      if (DEPLOYMENT_TARGETS.test(target)) return false;
      named = true;
    }
  }
  return named;
}

/** A folder of scripts. */
const SCRIPTS_DIR = /^scripts$/i;
/** Makefile targets a deployment runs: building, installing, starting, releasing. */
const DEPLOYMENT_TARGETS = /^(?:all|build|install|start|run|serve|prod(?:uction)?|deploy|release|docker[\w-]*|image)$/i;

/**
 * How a command run from `parts.slice(0, i)` names the file: its path from there without the extension
 * (`scripts/dev-portal/server`), and the folder right under `scripts/` when the file is deeper (`scripts/dev-portal`).
 */
function namesFrom(parts: readonly string[], i: number, at: number): string[] {
  const names = [parts.slice(i).join('/').replace(/\.(?:[cm]?[jt]sx?|py|go)$/, '')];
  if (i <= at && parts.length - 1 > at + 1) names.push(parts.slice(i, at + 2).join('/'));
  return names;
}

/**
 * How a command run from `dir` names a TypeScript file by what `tsc` compiles it to: `src/scripts/dev.ts` under a
 * tsconfig.json whose `outDir` is `dist` runs as `dist/scripts/dev.js` (the common root of the sources, `src`, or
 * the `rootDir` the tsconfig sets, is left out of the output path). Nothing when there is no tsconfig or no outDir.
 */
function compiledNames(host: FileHost, dir: string, rel: readonly string[]): string[] {
  if (!/\.[cm]?tsx?$/.test(rel[rel.length - 1] ?? '')) return [];
  const options = readJsonc(host, `${dir}/tsconfig.json`)?.compilerOptions;
  const option = (name: string) => (isRecord(options) && typeof options[name] === 'string' ? normalised(options[name] as string) : undefined);
  const outDir = option('outDir');
  if (!outDir) return [];
  const source = rel.join('/').replace(/\.[cm]?tsx?$/, '');
  const rootDir = option('rootDir');
  const roots = rootDir !== undefined ? [rootDir] : ['', rel[0]];
  return roots.filter((r) => r === '' || source.startsWith(`${r}/`)).map((r) => `${outDir}/${r === '' ? source : source.slice(r.length + 1)}`);
}

/** A tsconfig path as the scripts write it: `./dist/` → `dist`, `.` → ``. */
function normalised(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/**
 * Whether something a deployment runs reaches the file: a folder between the root and the file with an image or a
 * process file of its own, or, in any folder from the file's up to the root, a deployment file (Dockerfile, Procfile,
 * compose, platform manifests) or an install, build or start script that names the file, its package's folder or its
 * package's name. The package's own scripts are left out: every package starts itself; whether anything runs that
 * start is asked of the folders above. Without a host, reached (nothing says otherwise).
 */
export function reachedByDeployment(context: RoleSubject): boolean {
  const host = context.host;
  if (!host || !path.isAbsolute(context.path)) return true;
  const rel = (context.relativePath ?? relativeToRoot(context)).replace(/\\/g, '/');
  const parts = rel.split('/');
  const file = context.path.replace(/\\/g, '/');
  if (!file.endsWith(`/${rel}`)) return true;
  const root = file.slice(0, file.length - rel.length - 1);
  let pkg = -1;
  const packageNames: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const dir = [root, ...parts.slice(0, i)].join('/');
    if (i > 0 && deploysItself(host, dir)) return true;
    const names = [parts.slice(i).join('/').replace(/\.(?:[cm]?[jt]sx?|py|go)$/, ''), ...packageNames];
    if (pkg > i) names.push(parts.slice(i, pkg).join('/'));
    const mentions = (text: string | undefined) => text !== undefined && names.some((n) => n !== '' && mentionsName(text, n));
    if (DEPLOYMENT_FILES.some((f) => mentions(host.readFile(`${dir}/${f}`)))) return true;
    const manifest = `${dir}/package.json`;
    const text = host.readFile(manifest);
    const parsed = text === undefined ? undefined : parseManifest(manifest, text);
    if (parsed && pkg < 0) {
      pkg = i;
      if (parsed.name) packageNames.push(parsed.name);
      continue;
    }
    if (Object.entries(parsed?.scripts ?? {}).some(([name, command]) => DEPLOYMENT_SCRIPTS.test(name) && mentions(command))) return true;
  }
  return false;
}

/** A bundler's configuration, which its CLI and development server load; a deployment runs what it builds. */
const BUNDLER_CONFIGS = ['webpack.config', 'webpack.dev.config', 'webpack.config.dev', 'webpack.dev', 'vue.config'].flatMap((n) => ['js', 'cjs', 'mjs', 'ts'].map((e) => `${n}.${e}`));
/** Relative modules a configuration loads: `require('./server/bin/dev')`, `import hook from './dev-api.js'`. */
const RELATIVE_LOAD = /\b(?:require|import)\s*\(\s*['"`](\.{1,2}\/[^'"`\n]+)['"`]|\bfrom\s+['"](\.{1,2}\/[^'"\n]+)['"]/g;

/**
 * A module a bundler's configuration loads, in the file's folder or one above it up to the root: send's
 * `devServer: { before: require('./server/bin/dev') }`, a hook webpack-dev-server calls with its app. A server
 * it starts runs inside the developer's `webpack serve`, never in a deployed process (the rules ask
 * `reachedByDeployment` too: a module a Dockerfile or a start script names is deployed whatever loads it).
 */
export function loadedByBundlerConfig(context: RoleSubject): boolean {
  const host = context.host;
  if (!host || !path.isAbsolute(context.path)) return false;
  const file = context.path.replace(/\\/g, '/');
  const rel = (context.relativePath ?? relativeToRoot(context)).replace(/\\/g, '/');
  if (!file.endsWith(`/${rel}`)) return false;
  const root = file.slice(0, file.length - rel.length - 1);
  const stem = file.replace(/\.[cm]?[jt]sx?$/, '');
  const targets = new Set([file, stem, stem.replace(/\/index$/, '')]);
  for (let dir = path.posix.dirname(file); dir.length >= root.length; dir = path.posix.dirname(dir)) {
    for (const name of BUNDLER_CONFIGS) {
      const text = host.readFile(`${dir}/${name}`);
      if (text === undefined) continue;
      for (const m of text.matchAll(RELATIVE_LOAD)) {
        if (targets.has(path.posix.join(dir, m[1] ?? m[2]))) return true;
      }
    }
    if (dir === root || path.posix.dirname(dir) === dir) break;
  }
  return false;
}
