import * as path from 'node:path';
import { isTestFile } from '../fileKinds';
import { lineLocalTest, type LineLocalSearch } from '../lineChunks';
import type { FileHost } from '../host';
import { productWords } from './productNames';
import { deploysItself, nearestManifest, parseManifest } from './manifest';

/**
 * What a code file is to the project: code of its own programs, or code it keeps but never runs as one of
 * them. Rules that judge what a *running process* does (SIGTERM, migrations at start-up, log files, session
 * stores, ports) ask this before reporting; rules about what is *committed* (secrets) do not, since a key in a
 * snippet or a bundle is public all the same.
 *
 * - `source`: the project's own code; it may be a program or a module one loads.
 * - `test`: tests, fixtures, mocks, test set-up (`isTestFile`): run by a test runner, never deployed.
 * - `snippet`: code kept as data. It is served as it is (`static/`) or read and shown by the program
 *   (juice-shop's `data/static/codefixes/*.ts` are challenge answers; `snippets/` are pasted into a UI), or
 *   copied as it is into other projects (a tool's dotfile configuration kept without its dot, a generator's
 *   project skeleton under `templates/`).
 * - `vendored`: a copy of someone else's library (`vendor/`, `third_party/`, `bower_components/`, `.yarn/`,
 *   `lib/` under a web root such as `www/lib/pdfjs`, a release folder under one such as
 *   `public/plugins/pdfjs-5.2.133/`), or a browser bundle that says so in its wrapper.
 * - `package-module`: a module of a package kept under a `node_modules/` folder git tracks (node-red's
 *   `packages/node_modules/@node-red/*`): it runs inside whichever program loads it, found by Node's package
 *   resolution or a plugin loader, not as a program of its own. A package's `bin` is a program: `source`.
 * - `build-output`: compiled output whose source the project keeps (`dist/main.js` beside `src/main.ts`):
 *   a finding belongs on the source, where it is fixed.
 * - `tool`: the developers' own tooling, kept in a folder the repository's root gives it (`tools/`, `tooling/`,
 *   `dev/`) or in a workspace package of scripts (`packages/scripts`), and reached by nothing a deployment runs (`isDeveloperTool`): run by hand or by a workspace script on a
 *   developer's machine, never started by the deployed app.
 * - `retired`: code kept after it stopped running, in a folder the repository's root names for it (`old/`,
 *   `legacy/`, `attic/`, `deprecated/`…) and reached by nothing a deployment runs (`isRetiredCode`): a gist beside
 *   TODO notes, a worker whose relative imports no longer exist there.
 */
export type FileRole = 'source' | 'test' | 'snippet' | 'vendored' | 'package-module' | 'build-output' | 'tool' | 'retired';

export interface RoleVerdict {
  role: FileRole;
  /** Why, in a few words (for docs, tests and debugging: "under static/", "compiled from src/main.ts"). */
  reason: string;
}

/** The least the classification reads of the disk: a file's text, or undefined when it does not exist. */
export interface RoleHost {
  readFile(file: string): string | undefined;
}

const SOURCE: RoleVerdict = { role: 'source', reason: 'project code' };

/** Folders whose code is served or read as it is: never run by Node. */
const SNIPPET_DIR = /(^|\/)(static|snippets?|code[-_]?snippets)\//i;
/** Folders that hold copies of other people's code. */
const VENDOR_DIR = /(^|\/)(vendors?|bower_components|jspm_packages|third[-_]?party|\.yarn)\//i;
/** A `lib/` (or `libs/`) under a folder a web server serves as it is: copied browser libraries. */
const WEB_LIB_DIR = /(^|\/)(public|www|wwwroot|static)\/(.+\/)?libs?\//i;
/**
 * A folder under a web root named for a library's release (`public/plugins/pdfjs-5.2.133/`,
 * `www/js/jquery-3.7.1/`): a release archive unpacked as it is and served to browsers, as a web root's `lib/` is.
 * A name, a dash, then a dotted version of two or more numbers.
 */
const WEB_RELEASE_DIR = /(^|\/)(public|www|wwwroot)\/(.+\/)?[A-Za-z][\w.-]*?-v?\d+(\.\d+)+(-[\w.]+)?\//i;
/** A UMD/AMD wrapper or a browserify prelude: a browser library copied in whole. */
const BROWSER_BUNDLE = /typeof\s+define\s*===?\s*["']function["']\s*&&\s*define\.amd|typeof\s+require\s*===?\s*["']function["']\s*&&\s*require\b/;
/**
 * A tool's dotfile configuration kept without its dot (`eslintrc.cjs`, `prettierrc.js`): the tool reads only
 * `.eslintrc.cjs`, so this copy is a template a script or generator writes into other projects (etherpad's
 * plugin checker copies `bin/plugins/lib/eslintrc.cjs` into each plugin), run there with their packages.
 */
const UNDOTTED_CONFIG = /(^|\/)(eslintrc|prettierrc|babelrc|stylelintrc|mocharc|lintstagedrc|commitlintrc|releaserc|huskyrc|nycrc|c8rc|swcrc|postcssrc|remarkrc)\.[cm]?[jt]s$/i;
/**
 * A course's code at one step, kept beside the finished app (async-labs/saas's `book/9-begin/`, `book/9-end/`;
 * `01-start/`, `03-final/`): a numbered folder named for the start or end of the step. Readers run them on
 * their machine while reading; the project deploys the finished app.
 */
const STEP_SNAPSHOT = /(^|\/)\d{1,3}[-_.]?(begin|end|start|finish|final|solution|complete)([-_][\w-]+)?\//i;
/** Framework build folders, generated whole. */
const FRAMEWORK_OUTPUT = /(^|\/)(\.next|\.nuxt|\.output|\.svelte-kit|\.vercel|\.netlify)\//;

/**
 * The role a path (relative to the project or workspace root, `/`-separated) says a file has, with the
 * text when the caller has it (a browser bundle's wrapper). Pure and cheap: no disk.
 * Build output and a package's `bin` need the disk: see `roleOfFile`.
 */
export function roleOfPath(relativePath: string, text?: string): RoleVerdict {
  const p = relativePath.replace(/\\/g, '/');
  if (isTestFile(p)) return { role: 'test', reason: 'test code' };
  if (VENDOR_DIR.test(p)) return { role: 'vendored', reason: 'in a vendor folder' };
  if (WEB_LIB_DIR.test(p)) return { role: 'vendored', reason: 'a library under a web root' };
  if (WEB_RELEASE_DIR.test(p)) return { role: 'vendored', reason: "a library's release folder under a web root" };
  if (/(^|\/)node_modules\//.test(p)) return { role: 'package-module', reason: 'a module of a package under node_modules/' };
  if (FRAMEWORK_OUTPUT.test(p)) return { role: 'build-output', reason: 'a framework build folder' };
  if (SNIPPET_DIR.test(p)) return { role: 'snippet', reason: 'served or read as data' };
  if (STEP_SNAPSHOT.test(p)) return { role: 'snippet', reason: "a tutorial step's snapshot" };
  if (UNDOTTED_CONFIG.test(p)) return { role: 'snippet', reason: 'a dotfile configuration kept as a template' };
  if (text !== undefined && BROWSER_BUNDLE.test(text.length > 65536 ? text.slice(0, 65536) : text)) {
    return { role: 'vendored', reason: 'a browser library bundle (UMD/AMD/browserify wrapper)' };
  }
  return SOURCE;
}

/**
 * `roleOfPath`, plus what the disk says: compiled output whose source is beside it (`dist/x.js` and
 * `src/x.ts`) is `build-output`; a file a package under `node_modules/` names as its `bin` is `source`.
 * `file` is absolute; `relativePath` is the same file relative to the project or workspace root.
 */
export function roleOfFile(file: string, relativePath: string, host: RoleHost, text?: string): RoleVerdict {
  const verdict = roleOfPath(relativePath, text);
  if (verdict.role !== 'package-module' && verdict.role !== 'source') return verdict;
  // Not kept per path across versions: a cache keyed by a file's path would keep closed documents' paths alive.
  return roleOnDisk(file, relativePath, host, verdict);
}

function roleOnDisk(file: string, relativePath: string, host: RoleHost, verdict: RoleVerdict): RoleVerdict {
  if (verdict.role === 'package-module') return isPackageBin(file, host) ? { role: 'source', reason: "a package's bin" } : verdict;
  const source = sourceOfOutput(file, host);
  if (!source && isInExampleFolder(file, relativePath, host)) return { role: 'snippet', reason: 'an example folder' };
  if (!source && isInProjectTemplate(file, relativePath, host)) return { role: 'snippet', reason: "a generator's project template" };
  if (!source && isInExamplePackage(file, relativePath, host)) return { role: 'snippet', reason: 'an example package' };
  if (!source && isDeveloperTool(file, relativePath, host)) return { role: 'tool', reason: "in the repository's developer tooling folder" };
  if (!source && isInDaggerModule(file, relativePath, host)) return { role: 'tool', reason: "in the repository's Dagger module (CI pipelines)" };
  if (!source && isRetiredCode(file, relativePath, host)) return { role: 'retired', reason: "in the repository's folder of retired code" };
  return source ? { role: 'build-output', reason: `compiled from ${path.basename(path.dirname(source))}/${path.basename(source)}` } : verdict;
}

/**
 * A file of the Dagger module the root's `dagger.json` names by its `source` folder (`"source": "build"`: the module's
 * code, relative to dagger.json, https://docs.dagger.io/reference/configuration/modules): CI pipelines the Dagger
 * engine runs in containers (builds, tests, the stub servers of integration tests), never the deployed app. Not a
 * module whose source is the root itself.
 */
function isInDaggerModule(file: string, relativePath: string, host: RoleHost): boolean {
  const rel = relativePath.replace(/\\/g, '/');
  const p = file.replace(/\\/g, '/');
  if (!rel.includes('/') || !p.endsWith(`/${rel}`)) return false;
  const text = host.readFile(`${p.slice(0, p.length - rel.length - 1)}/dagger.json`);
  if (text === undefined || !/"source"/.test(text)) return false;
  let source: unknown;
  try {
    source = (JSON.parse(text) as { source?: unknown }).source;
  } catch {
    return false;
  }
  if (typeof source !== 'string') return false;
  const dir = source.replace(/^\.\//, '').replace(/\/+$/, '');
  return dir !== '' && dir !== '.' && !dir.startsWith('..') && rel.startsWith(`${dir}/`);
}

/** What `roleOfContext` reads of a file context (a `FileContext` is one). */
export interface RoleSubject {
  readonly path: string;
  readonly text: string;
  readonly relativePath?: string;
  readonly host?: RoleHost & { rootOf(file: string): string | undefined };
  /** A line-local search kept per version (`FileContext.lineLocal`): a keystroke need not read the whole text. */
  lineLocal?<T, R>(search: LineLocalSearch<T, R>): R;
}

/** What every browser-bundle wrapper starts with, per run of lines (`typeof` may end one line): its absence rules one out. */
const MAY_BE_BUNDLE = lineLocalTest(/typeof\s+(?:define|require)\b|typeof\s+(?![\s\S])/);

const contextRoles = new WeakMap<RoleSubject, RoleVerdict>();

/**
 * The role of the file a rule is checking, once per file version: with the disk when the context has a
 * host, from the path alone otherwise. Ask it only when about to report, since it may read a few files.
 */
export function roleOfContext(context: RoleSubject): RoleVerdict {
  let verdict = contextRoles.get(context);
  if (!verdict) {
    const relative = context.relativePath ?? relativeToRoot(context);
    // The text is read for a bundle's wrapper only where one may be.
    const text = context.lineLocal && !context.lineLocal(MAY_BE_BUNDLE) ? undefined : context.text;
    verdict = context.host && path.isAbsolute(context.path) ? roleOfFile(context.path, relative, context.host, text) : roleOfPath(relative, text);
    if (verdict.role === 'source' && context.host && isVendoredPythonModule(context.path, context.text, context.host)) {
      verdict = { role: 'vendored', reason: 'a single-file library with its own distribution metadata' };
    }
    contextRoles.set(context, verdict);
  }
  return verdict;
}

/**
 * A Python module that carries its own distribution's metadata at the top level (`__author__` and `__license__`,
 * as a single-file library published on PyPI does: `bottle.py`) under a name the project does not give itself
 * (`productNames.ts`: package.json, go.mod, pyproject.toml): a copy of someone else's library, kept in the project
 * rather than installed (a `bottle_wrapper/bottle.py`). A package's `__init__.py` is the project's own, and so is a
 * module in a project that names itself nowhere (nothing to tell the two apart).
 */
function isVendoredPythonModule(file: string, text: string, host: FileHost): boolean {
  const base = path.basename(file);
  if (!base.endsWith('.py') || base === '__init__.py') return false;
  if (!/^__author__\s*=/m.test(text) || !/^__license__\s*=/m.test(text)) return false;
  const product = productWords(host, file);
  if (product.size === 0) return false;
  const own = base.slice(0, -3).toLowerCase().split(/[^a-z0-9]+/);
  return !own.some((w) => product.has(w) || [...product].some((p) => p.includes(w) && w.length >= 4));
}

/**
 * A script of a package that loads that package by its published name (`require('uploader')` in the `uploader`
 * package's `sample.js`), as its users' code does: a usage sample written to run beside an installed copy, not a
 * program the package deploys. Only the exact name: a subpath (`require('app/config')`) may be the project's own
 * alias. The process rules ask it of a file that starts a server; it is no role, since a package's own tooling
 * (a Storybook preview importing the package by name) is still the package's code for the dependency rules.
 */
export function isUsageSample(file: string, text: string, host: FileHost): boolean {
  if (!/\.[cm]?[jt]sx?$/.test(file) || !/\brequire\s*\(|\bfrom\s*['"]/.test(text)) return false;
  const name = nearestManifest(host, file)?.name;
  // A plain search first: most servers never write their own package's name.
  if (!name || !text.includes(name)) return false;
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(String.raw`(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*)(["'\x60])${quoted}\1`).test(text);
}

export function relativeToRoot(context: RoleSubject): string {
  const root = context.host?.rootOf(context.path);
  const rel = root ? path.relative(root, context.path) : '';
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : context.path).replace(/\\/g, '/');
}

/**
 * Whether the file a rule is checking is retired code (`isRetiredCode`), for rules that judge no other role: the
 * path is tested first, so a file outside a root `RETIRED_DIR` folder costs no probe of the disk (the role of a
 * `lib/x.js` looks for its `src/x.ts` source, a path the server's host would then remember).
 */
export function isRetiredContext(context: RoleSubject): boolean {
  const relative = (context.relativePath ?? relativeToRoot(context)).replace(/\\/g, '/');
  return RETIRED_DIR.test(relative.split('/')[0]) && roleOfContext(context).role === 'retired';
}

/** `report`, dropping every finding when the file is retired code (`isRetiredContext`, asked at the first finding). */
export function unlessRetired<R>(context: RoleSubject, report: (r: R) => void): (r: R) => void {
  let retired: boolean | undefined;
  return (r) => {
    if (!(retired ??= isRetiredContext(context))) report(r);
  };
}

/** Roles whose code a deployment never starts as a process of this project (tests run, but under a runner; tools, on a developer's machine). */
export function runsAsProgram(role: FileRole): boolean {
  return role === 'source';
}

/** Output folders of compilers and bundlers: `dist/`, `build/`, `out/`, and `lib/` (Babel, tsc). */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'lib']);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs'];
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * The source a compiled file was built from, when the project keeps it: `<pkg>/dist/a/b.js` from
 * `<pkg>/src/a/b.ts` (or `.js` for Babel), or from `<pkg>/a/b.ts` (TypeScript with `rootDir: "."`).
 * Every output-named folder on the path is tried, innermost first, so where the project sits on disk
 * (`/home/me/build/app`) does not matter.
 */
export function sourceOfOutput(file: string, host: RoleHost): string | undefined {
  const p = file.replace(/\\/g, '/');
  const ext = /\.(c|m)?js$/.exec(p);
  if (!ext) return undefined;
  const parts = p.slice(0, ext.index).split('/');
  for (let i = parts.length - 2; i >= 1; i--) {
    if (!OUTPUT_DIRS.has(parts[i])) continue;
    const pkg = parts.slice(0, i).join('/');
    const rest = parts.slice(i + 1).join('/');
    // `build/x.js` beside `x.ts`: only a TypeScript source, since two JavaScript files are two programs.
    const candidates = [
      ...SOURCE_EXTENSIONS.map((e) => `${pkg}/src/${rest}${e}`),
      ...(parts[i] === 'lib' ? [] : TS_EXTENSIONS.map((e) => `${pkg}/${rest}${e}`)),
    ];
    const found = candidates.find((c) => host.readFile(c) !== undefined);
    if (found) return found;
  }
  return undefined;
}

/**
 * A package nested in the project whose manifest calls it an example or a sample (mirotalk's `webhook/`,
 * "MiroTalk WebHook endpoint example") or names it so (hanko's `frontend/examples/express`, "example-express"): code shown to users to copy, with its own `npm start`, not a process
 * the project deploys — unless a Dockerfile or a Procfile beside it deploys it. Only a nested package: the
 * project's own manifest may say "example app" of itself. A package kept under a `playground/` folder is one too,
 * whatever its manifest says: by convention (Vite's, Nuxt's, many SDKs' monorepos) the place where the project's
 * developers try its code in a throwaway app (an SDK's `playground/nestjs` server).
 */
function isInExamplePackage(file: string, relativePath: string, host: RoleHost): boolean {
  const p = file.replace(/\\/g, '/');
  const rel = relativePath.replace(/\\/g, '/');
  if (!p.endsWith(`/${rel}`)) return false;
  const root = p.slice(0, p.length - rel.length - 1);
  // Up to the root, and never past the file system's own (`path.posix.dirname('/')` is `/`).
  for (let dir = path.posix.dirname(p); dir.length > root.length && dir.startsWith(`${root}/`) && dir !== path.posix.dirname(dir); dir = path.posix.dirname(dir)) {
    const text = host.readFile(`${dir}/package.json`);
    if (text === undefined) continue;
    try {
      const { description, name } = JSON.parse(text) as { description?: unknown; name?: unknown };
      const above = dir.slice(root.length + 1).split('/').slice(0, -1);
      const playground = above.some((part) => PLAYGROUND_DIR.test(part));
      // Its description or its name says it is an example (hanko's `frontend/examples/express`: "example-express"); a
      // placeholder domain in a name (`com.example.dub`, a Stripe app's id) is no such word.
      const example = [description, name].some((t) => typeof t === 'string' && /(?:^|[^a-z.])(?:examples?|samples?)(?:$|[^a-z.])/i.test(t));
      if (!playground && !example) {
        // A package under a folder of demos, whatever it calls itself (mirotalk's
        // `rtmpServers/demo/client-server-axios/server`, "RTMP Streamer Server"), unless something a deployment runs
        // reaches that folder (the test of a developer tool: an image of its own, the root's deployment files or
        // install, build and start scripts naming it).
        const at = rel.split('/').findIndex((part, i) => i < above.length && DEMO_DIR.test(part));
        return at >= 0 && unreachedFolder(file, relativePath, host, () => at);
      }
      // A sample built into an image or run by a platform (`deploysItself`) is deployed:
      // kubernetes-engine-samples' "GKE hello world sample in Node" runs on GKE.
      return !deploysItself(host, dir);
    } catch {
      return false;
    }
  }
  return false;
}

/** Project and deployment files: a folder holding one is a package or a service of its own. */
const OWN_PROJECT = ['package.json', 'go.mod', 'pyproject.toml', 'setup.py', 'requirements.txt', 'Dockerfile', 'Procfile'];

/**
 * A file under an `example/`, `examples/`, `sample/` or `samples/` folder of the project that is not a package
 * or a service of its own (anything-llm's `server/utils/agents/aibitat/example/websocket/*.js`, qinglong's
 * `sample/notify.js`): scripts that show how to use the code, run by hand or copied, not deployed. A folder
 * below it with a manifest or a Dockerfile is a package (`isInExamplePackage` judges it) or a deployed service.
 */
function isInExampleFolder(file: string, relativePath: string, host: RoleHost): boolean {
  const rel = relativePath.replace(/\\/g, '/');
  const parts = rel.split('/');
  const at = parts.slice(0, -1).findIndex((p) => EXAMPLE_DIR.test(p));
  if (at < 0) return false;
  const p = file.replace(/\\/g, '/');
  if (!p.endsWith(`/${rel}`)) return false;
  const root = p.slice(0, p.length - rel.length - 1);
  for (let i = parts.length - 1; i > at; i--) {
    const dir = [root, ...parts.slice(0, i)].join('/');
    if (OWN_PROJECT.some((f) => host.readFile(`${dir}/${f}`) !== undefined)) return false;
  }
  return true;
}
const EXAMPLE_DIR = /^(?:examples?|samples?)$/i;
/**
 * Folders of demos above a package of their own (`isInExamplePackage`). Not `examples/`: a package there is judged by
 * what its manifest says (an example, or an API kept beside them).
 */
const DEMO_DIR = /^demos?$/i;
/** Folders of throwaway apps the project's developers try its code in. */
const PLAYGROUND_DIR = /^playgrounds?$/i;

/** A project's own configuration files, one of which makes a folder the root of a project. */
const PROJECT_CONFIGS = ['tsconfig.json', 'jsconfig.json', 'next.config.js', 'next.config.mjs', 'next.config.ts', 'vite.config.ts', 'vite.config.js', 'tsup.config.ts'];

/**
 * A project skeleton under a `templates/` folder: a folder there keeps a project's configuration (`tsconfig.json`,
 * `next.config.mjs`) but no package.json, which the generator writes when it copies the skeleton into a new
 * project (a CLI's `init` templates, a monorepo's preset for new packages). Its code runs only in the generated
 * project, with what that project declares. Email or view templates kept beside the code (`app/templates/feed.js`,
 * no project configuration of their own) are the app's code.
 */
function isInProjectTemplate(file: string, relativePath: string, host: RoleHost): boolean {
  const rel = relativePath.replace(/\\/g, '/');
  const parts = rel.split('/');
  const at = parts.slice(0, -1).findIndex((p) => /^templates?$/i.test(p));
  if (at < 0) return false;
  const p = file.replace(/\\/g, '/');
  if (!p.endsWith(`/${rel}`)) return false;
  const root = p.slice(0, p.length - rel.length - 1);
  let configured = false;
  // From the first folder inside `templates/`: a manifest of the templates folder itself is the generator's.
  for (let i = at + 2; i < parts.length; i++) {
    const dir = [root, ...parts.slice(0, i)].join('/');
    if (host.readFile(`${dir}/package.json`) !== undefined) return false;
    if (PROJECT_CONFIGS.some((f) => host.readFile(`${dir}/${f}`) !== undefined)) configured = true;
  }
  return configured;
}

/** Is the file the `bin` (or one of the `bin`s) of the package whose folder holds it under `node_modules/`? */
function isPackageBin(file: string, host: RoleHost): boolean {
  const p = file.replace(/\\/g, '/');
  const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(p);
  if (!m) return false;
  const [, dir, inner] = m;
  let json: unknown;
  try {
    json = JSON.parse(host.readFile(`${dir}/package.json`) ?? 'null');
  } catch {
    return false;
  }
  if (typeof json !== 'object' || json === null) return false;
  const bin = (json as { bin?: unknown }).bin;
  const targets = typeof bin === 'string' ? [bin] : typeof bin === 'object' && bin !== null ? Object.values(bin) : [];
  return targets.some((t) => typeof t === 'string' && path.posix.normalize(t) === path.posix.normalize(inner));
}

/**
 * Folders at the root of a repository that hold its developers' own tooling, by the layouts that name them: `tools/`
 * (Nx's and Rush's workspace layout: apps, libs, and `tools/` for the workspace's own scripts and generators),
 * `tooling/` (the Turborepo starters' shared configurations and scripts) and `dev/` (hand-run scripts and local
 * set-ups). Only at the root: `src/server/tools/` of an app is its code (an AI agent's tools), and `packages/x/dev/`
 * may be a package's development entry the app's own CLI starts.
 */
const TOOL_DIR = /^(?:tools|tooling|dev)$/i;
/**
 * A workspace package of the developers' scripts, by its folder's name: a folder with its own package.json named
 * `scripts`, `tools` or `tooling` (typebot's `packages/scripts`, whose package.json scripts run one maintenance
 * command each). Only a package: a `scripts/` folder inside an app's package (`packages/db/scripts/`,
 * `server/scripts/`) holds that app's admin processes (audit/README.md, "Developer tools"), and so does a root
 * `scripts/` without a package.json of its own. Looked for in the first three folders, where workspaces keep packages.
 */
const TOOL_PACKAGE_DIR = /^(?:scripts|tools|tooling)$/i;
const TOOL_PACKAGE_DEPTH = 3;

/** The index in `parts` of the tooling folder that holds the file (`TOOL_DIR` at the root, or a `TOOL_PACKAGE_DIR` package), else -1. */
function toolFolder(parts: readonly string[], root: string, host: RoleHost): number {
  if (TOOL_DIR.test(parts[0])) return 0;
  for (let i = 0; i < Math.min(parts.length - 1, TOOL_PACKAGE_DEPTH); i++) {
    if (ADMIN_DIR.test(parts[i])) return -1;
    if (TOOL_PACKAGE_DIR.test(parts[i]) && host.readFile([root, ...parts.slice(0, i + 1), 'package.json'].join('/')) !== undefined) return i;
  }
  return -1;
}
/** Admin processes a release runs wherever they are kept (factor XII): migrations and seeders are no developer tools. */
export const ADMIN_DIR = /^(?:migrations?|migrate|seeds|seeders?)$/i;
/** The root's files that say what a deployment builds and starts. */
export const DEPLOYMENT_FILES = ['Dockerfile', 'docker/Dockerfile', 'Procfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'docker/docker-compose.yml', 'app.json', 'fly.toml', 'render.yaml', 'railway.json', 'ecosystem.config.js', 'ecosystem.config.cjs'];
/** Root package.json scripts a deployment runs: installing, building and starting the app. */
export const DEPLOYMENT_SCRIPTS = /^(?:pre|post)?(?:start|build|install|prepare)(?::prod(?:uction)?)?$/;

/**
 * Code in the repository's developer tooling folder (`TOOL_DIR`, at the root) or in a workspace package of scripts
 * (`TOOL_PACKAGE_DIR`) that nothing a deployment runs reaches: not a migration or a seeder, no Dockerfile or Procfile
 * beside its own package (`deploysItself`), and not named by the root's deployment files (Dockerfile, Procfile,
 * compose, platform manifests, pm2's ecosystem file) nor by the root package.json's install, build or start scripts —
 * by its path (`tools/seed/index.ts`, the folder `tools/seed`, the package folder `packages/scripts`) or its package's
 * name. karakeep-style `tools/seed-snapshot` run by a `seed:snapshot` workspace script is a tool, and so is a
 * `packages/scripts` package of maintenance commands; a `dev/server.js` the Dockerfile's `CMD` starts is not.
 */
export function isDeveloperTool(file: string, relativePath: string, host: RoleHost): boolean {
  return unreachedFolder(file, relativePath, host, (parts, root) => toolFolder(parts, root, host));
}

/**
 * Folders at the root of a repository named for code kept after it stopped running: `old/`, `legacy/`, `attic/`,
 * `archive/`, `archived/`, `deprecated/`, `obsolete/`, `unused/` (audit: ArchiveBox's `old/` gist, maxun's
 * `legacy/server/` workers whose relative imports no longer exist there). Only at the root, as `TOOL_DIR`.
 */
const RETIRED_DIR = /^(?:old|legacy|attic|archived?|deprecated|obsolete|unused)$/i;

/** Code in a `RETIRED_DIR` folder at the root that nothing a deployment runs reaches (the test of `isDeveloperTool`). */
export function isRetiredCode(file: string, relativePath: string, host: RoleHost): boolean {
  return unreachedFolder(file, relativePath, host, (parts) => (RETIRED_DIR.test(parts[0]) ? 0 : -1));
}

/**
 * A file under the folder `folderOf` finds (its index in the path's parts, or -1) that nothing a deployment runs
 * reaches: the test of `isDeveloperTool` and `isRetiredCode`.
 */
function unreachedFolder(file: string, relativePath: string, host: RoleHost, folderOf: (parts: readonly string[], root: string) => number): boolean {
  const rel = relativePath.replace(/\\/g, '/');
  const parts = rel.split('/');
  if (parts.length < 2) return false;
  const p = file.replace(/\\/g, '/');
  if (!p.endsWith(`/${rel}`)) return false;
  const root = p.slice(0, p.length - rel.length - 1);
  const top = folderOf(parts, root);
  if (top < 0 || parts.slice(top + 1, -1).some((p) => ADMIN_DIR.test(p))) return false;
  // The folder or file right under a root folder names the tool: `tools/seed-snapshot`, `dev/uploader` (`.ts`),
  // `legacy/server`; a package of scripts is named by its own folder (`packages/scripts`).
  const atRoot = top === 0 && (TOOL_DIR.test(parts[0]) || RETIRED_DIR.test(parts[0]));
  const tool = atRoot ? parts.slice(0, 2).join('/').replace(/\.(?:[cm]?[jt]sx?|py|go)$/, '') : parts.slice(0, top + 1).join('/');
  const names = [tool];
  for (let i = parts.length - 1; i >= top + 1; i--) {
    const dir = [root, ...parts.slice(0, i)].join('/');
    if (deploysItself(host, dir)) return false;
    const file = `${dir}/package.json`;
    const text = host.readFile(file);
    const name = text === undefined ? undefined : parseManifest(file, text)?.name;
    if (name) names.push(name);
  }
  const mentions = (text: string | undefined) => text !== undefined && names.some((n) => mentionsName(text, n));
  if (DEPLOYMENT_FILES.some((f) => mentions(host.readFile(`${root}/${f}`)))) return false;
  const rootManifest = `${root}/package.json`;
  const rootText = host.readFile(rootManifest);
  const scripts = (rootText === undefined ? undefined : parseManifest(rootManifest, rootText)?.scripts) ?? {};
  return !Object.entries(scripts).some(([name, command]) => DEPLOYMENT_SCRIPTS.test(name) && mentions(command));
}

/** `name` in `text` as a whole path or package name: `tools/seed` is not in `tools/seeder`. */
export function mentionsName(text: string, name: string): boolean {
  const at = text.indexOf(name);
  if (at < 0) return false;
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // After a slash counts (`/app/tools/seed`): a longer path that ends the same way keeps the code reported, the safe side.
  return new RegExp(`(?:^|[^\\w@.-])${quoted}(?![\\w-])`).test(text);
}
