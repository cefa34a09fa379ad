import * as path from 'node:path';
import type { FileHost } from '../../host';
import { listing } from '../../workspace/filesUnder';
import type { Manifest } from '../../workspace/manifest';

/**
 * Code no build and no program can load, so that what it imports is installed nowhere and needs to be: the
 * dependency rule asks this only of a file that imports an undeclared package.
 */

/**
 * Relative imports that may be missing from a checkout while the code around them is live: build output
 * (`../lib/index.js`, `./dist`, `./__generated__/graphql`), and local settings a developer copies from an example
 * (`./config.json`, `../settings.local`), which are git-ignored; and generated configs a CLI writes into the
 * source tree (Amplify's `src/aws-exports.js`, `amplify_outputs.json`, which `amplify pull` creates and git ignores).
 */
const MAY_BE_ABSENT = /(^|\/)(?:lib|dist|build|out|compiled|gen|generated|__generated__)(\/|$)|config|settings|secret|credential|\benv\b|local|\.json$|aws-exports|amplifyconfiguration|amplify_outputs/i;

/** Does a relative specifier name a file or folder that exists, with any extension a resolver would add or swap? */
function resolves(host: FileHost, fromDir: string, specifier: string): boolean {
  const target = path.resolve(fromDir, specifier.replace(/[?#].*$/, ''));
  const base = path.basename(target);
  const { files, folders } = listing(host, path.dirname(target));
  // TypeScript's ESM imports name the emitted `.js` of a `.ts` source: any file of the same stem counts.
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  return folders.includes(base) || files.some((f) => f === base || f.startsWith(`${base}.`) || f.startsWith(`${stem}.`));
}

/**
 * A module whose relative imports all name files that do not exist cannot be compiled, bundled or run: Node
 * throws `MODULE_NOT_FOUND` for a missing relative module (https://nodejs.org/api/modules.html#all-together, LOAD_AS_FILE
 * and LOAD_AS_DIRECTORY, then "THROW not found"), and TypeScript and every bundler fail the build. Such a file is
 * not code of the program where it lies: code moved out and kept (a `legacy/` copy whose `./logger`,
 * `./models/Robot` stayed behind), or a source a build script copies into another folder before it builds it,
 * beside the modules it names. Its package imports are judged where it runs, if anywhere, not here. Imports that may be absent from a checkout while the code is
 * live (build output, git-ignored local settings) decide nothing, one relative import that resolves keeps the
 * file judged, and it takes two missing modules: a single one may be a generated file under a name nobody can
 * foresee (cypress-realworld-app's backend imports `../src/aws-exports`, absent until Amplify writes it). Hosts
 * that cannot list a folder answer nothing.
 */
export function cannotResolveOwnModules(host: FileHost, file: string, specifiers: readonly string[]): boolean {
  if (!host.entries) return false;
  const dir = path.dirname(file);
  let missing = 0;
  for (const s of new Set(specifiers)) {
    if (!s.startsWith('./') && !s.startsWith('../')) continue;
    if (resolves(host, dir, s)) return false;
    if (!MAY_BE_ABSENT.test(s)) missing++;
  }
  return missing >= 2;
}

/** Packages that build a service worker from source: Workbox's own tools and the PWA plugins of the bundlers. */
const WORKER_BUILDER = /workbox|pwa|serwist|service-?worker/i;
/** Config and build files beside a manifest that could name a worker's source as an entry. */
const BUILD_FILE = /\.config\.[cm]?[jt]s$|^(?:esbuild|build|rollup|webpack)[\w.-]*\.[cm]?[jt]s$/;

/**
 * Create React App's service worker, `src/service-worker.js|ts`: react-scripts compiles it with Workbox's
 * InjectManifest plugin when the file exists (https://create-react-app.dev/docs/making-a-progressive-web-app/,
 * "src/service-worker.js … will be compiled"), and nothing else does. In a package that no longer builds with
 * react-scripts (moved to Vite), declares no other worker builder (vite-plugin-pwa, workbox-build, next-pwa,
 * serwist…), and whose scripts, build configs and sibling sources never name the file, no build emits it: the
 * template's `workbox-*` imports are installed nowhere because nothing ever resolves them. `declares` answers for
 * the manifests the package installs from (its own, a workspace root's).
 */
export function unbuiltCraServiceWorker(host: FileHost, file: string, manifest: Manifest, declares: (test: (name: string) => boolean) => boolean): boolean {
  const rel = path.relative(manifest.dir, file).split(path.sep).join('/');
  if (!/^src\/service-worker\.[jt]s$/.test(rel) || !host.entries) return false;
  if (declares((name) => name === 'react-scripts' || WORKER_BUILDER.test(name))) return false;
  const named = (text: string | undefined) => text !== undefined && /service-worker(?!Registration)/.test(text);
  if (Object.values(manifest.scripts).some(named)) return false;
  if (listing(host, manifest.dir).files.some((f) => BUILD_FILE.test(f) && named(host.readFile(path.join(manifest.dir, f))))) return false;
  // A sibling that imports it bundles it into its own output (`import './service-worker'`).
  const src = path.dirname(file);
  const importer = /(?:from\s*|import\s*\(?\s*|require\(\s*)['"]\.\/service-worker(?:\.[jt]s)?['"]/;
  return !listing(host, src).files.some((f) => /\.[cm]?[jt]sx?$/.test(f) && f !== path.basename(file) && importer.test(host.readFile(path.join(src, f)) ?? ''));
}
