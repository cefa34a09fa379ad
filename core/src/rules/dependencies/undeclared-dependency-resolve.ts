import * as path from 'node:path';
import picomatch from 'picomatch';
import ts = require('typescript');
import { parse as parseYaml } from 'yaml';
import { folderKeyOf, type FileHost } from '../../host';
import { foldersUp, isRecord, manifestsUp, parseManifest, readJsonc, type Manifest } from '../../workspace/manifest';
import { filesUnder, listing } from '../../workspace/filesUnder';
import { PerVersion } from '../../workspace/perVersion';
import { providedByWorkspaceHosts } from './undeclared-dependency-hosts';
import { isRuntimeAlias, runtimeAliases, type RuntimeAliases } from './undeclared-dependency-aliases';
import { generatedConfigsFor, type GeneratedConfigs } from './undeclared-dependency-templates';

/**
 * A host that can also list a folder, for enumerating workspace packages; listing is optional. A host with a
 * `version` (the CLI's scan cache, the server's disk cache) promises that what it answers stays the same
 * until the version moves, so resolutions are kept per folder meanwhile.
 */
export type ListingHost = FileHost & { list?(dir: string): string[]; readonly version?: number };

/**
 * Config words that map a specifier to something other than an installed package: aliases, Jest's
 * `moduleNameMapper`, module federation `remotes`, and webpack `externals` (a page global such as
 * `mailtrainConfig: 'mailtrainConfig'` or `jquery: 'jQuery'`, loaded by a script tag).
 */
const ALIAS_WORDS = /alias|moduleNameMapper|remotes|externals/;

/** Resolutions per host and folder: every file of a folder shares its manifests, tsconfig and alias configs. */
const resolutions = new PerVersion<Resolution | undefined>();

/**
 * Everything that makes a bare specifier legitimate besides the package's own manifest: the manifests of
 * the workspace root it belongs to, the names of its sibling workspace packages, tsconfig `paths` and
 * `baseUrl`, and bundler/test-runner aliases. Built once per file from the host.
 */
export class Resolution {
  /** The manifest that governs the file (the nearest with a name or dependencies). */
  readonly manifest: Manifest;
  private readonly declared = new Set<string>();
  private readonly workspaceNames = new Set<string>();
  private readonly scopes = new Set<string>();
  private readonly pathPatterns: Array<(s: string) => boolean> = [];
  private readonly baseUrls: string[] = [];
  private readonly aliasTexts: string[] = [];
  /** Alias keys the package's own entry point registers with the bundler of the app it plugs into. */
  private readonly entryAliases: string[] = [];
  /** Names the program teaches `require` at run time (module-alias, a patched `Module._resolveFilename`). */
  private runtime: RuntimeAliases | undefined;
  private readonly workspaceRoots: Array<{ dir: string; globs: string[] }> = [];
  /** The tsconfig keeps imports as written, even those used only as types or not at all. */
  keepsImports = false;
  /** The package around this one when this one is no workspace member: it may load this one's files by path. */
  private outer: Manifest | undefined;
  /** What the manifest beside an `nx.json` above the package declares: the install Nx runs its tasks from. */
  private nxRootDeclared: ReadonlySet<string> = new Set();
  /** The bundler configs the project generates from a template for the file's folder, read on demand. */
  private generated: GeneratedConfigs | undefined;
  /** What the outermost manifest above the file declares: the install a generated config's `NODE_PATH` names. */
  private outermostDeclared: ReadonlySet<string> = new Set();
  /** What the READMEs from the file's folder up to the package's tell the reader to install, read on demand. */
  private readmeInstalled: ReadonlySet<string> | undefined;

  private constructor(manifest: Manifest, private readonly host: ListingHost, private readonly file: string) {
    this.manifest = manifest;
  }

  static for(host: ListingHost, file: string): Resolution | undefined {
    return resolutions.get(host, path.isAbsolute(file) ? folderKeyOf(file) : undefined, () => Resolution.build(host, file));
  }

  private static build(host: ListingHost, file: string): Resolution | undefined {
    // `{ "type": "module" }` markers in src/ or dist/ govern nothing: the real manifest is further up.
    const chain = manifestsUp(host, file).filter((m) => m.name !== undefined || m.declared.size > 0 || m.workspaces.length > 0);
    if (chain.length === 0) return undefined;
    const r = new Resolution(chain[0], host, file);
    r.outermostDeclared = chain[chain.length - 1].declared;
    for (const d of chain[0].declared) r.declared.add(d);
    if (chain[0].name) r.declared.add(chain[0].name);
    if (chain[0].json.engines && isRecord(chain[0].json.engines) && chain[0].json.engines.vscode) r.declared.add('vscode');
    // A workspace root's packages are installed for every workspace (hoisting); its siblings resolve by name.
    for (const m of chain.slice(1)) {
      const globs = m.workspaces.length > 0 ? m.workspaces : pnpmWorkspaces(host, m.dir);
      if (globs.length === 0) continue;
      const rel = path.relative(m.dir, chain[0].dir).split(path.sep).join('/');
      if (!picomatch(globs.map((g) => g.replace(/\/$/, '')))(rel)) continue;
      for (const d of m.declared) r.declared.add(d);
      if (m.name) r.declared.add(m.name);
      r.workspaceRoots.push({ dir: m.dir, globs });
      r.addWorkspaceNames(m.dir, globs);
      // A plugin of a host in this workspace imports what the host installs.
      for (const d of providedByWorkspaceHosts(host, chain[0], m.dir, globs)) r.declared.add(d);
      for (const name of [m.name, chain[0].name]) {
        const scope = name && /^(@[^/]+)\//.exec(name)?.[1];
        if (scope) r.scopes.add(scope);
      }
    }
    // The root of an npm or Yarn (node-modules linker) workspace imports its own members by name: the install
    // links every member into the root's node_modules. Not pnpm, which links into a package only what it
    // declares, nor Yarn's Plug'n'Play, which resolves only declared dependencies.
    if (chain[0].workspaces.length > 0 && linksWorkspacesIntoRoot(host, chain[0].dir)) {
      r.workspaceRoots.push({ dir: chain[0].dir, globs: chain[0].workspaces });
      r.addWorkspaceNames(chain[0].dir, chain[0].workspaces);
    }
    // A package.json that declares nothing and is no workspace member (an Egg/tegg module descriptor, a
    // subfolder's name tag) installs nothing: its imports resolve from the package around it. So does a manifest
    // with no name and no runtime dependencies (a scripts folder's `{ "type": "module", "devDependencies": … }`):
    // it cannot be installed as a package, and Node resolves what it lacks from the package around it.
    const folderSettings = chain[0].name === undefined && !hasRuntimeDependencies(chain[0].json);
    if ((chain[0].declared.size === 0 || folderSettings) && chain[0].workspaces.length === 0 && r.workspaceRoots.length === 0 && chain[1]) {
      for (const d of chain[1].declared) r.declared.add(d);
    }
    if (chain[1] && chain[0].workspaces.length === 0 && r.workspaceRoots.length === 0) r.outer = chain[1];
    const nxRoot = chain.slice(1).find((m) => host.readFile(path.join(m.dir, 'nx.json')) !== undefined);
    if (nxRoot) r.nxRootDeclared = nxRoot.declared;
    r.readPaths(file);
    r.readAliases(file);
    r.readEntryAliases();
    r.readNodePath();
    // A CI script under `.github/` runs in a workflow job, which installs what it needs in a step of its own
    // (`npm --prefix .github/workflows/scripts install @octokit/action@6`).
    const github = /^(.*[\\/])\.github[\\/]/.exec(file);
    if (github) for (const d of workflowInstalls(host, path.join(github[1], '.github', 'workflows'))) r.declared.add(d);
    return r;
  }

  /** True when the package may be imported from this file. */
  allows(pkg: string, specifier: string): boolean {
    if (this.declared.has(pkg) || this.workspaceNames.has(pkg) || this.guessedWorkspace(pkg)) return true;
    // DefinitelyTyped's name for a scoped package (`recurly__recurly-js` for `@recurly/recurly-js`) is only ever
    // the types package `@types/recurly__recurly-js`: an import of it is a types reference.
    if (pkg.includes('__') && this.declared.has(`@types/${pkg}`)) return true;
    const scope = /^(@[^/]+)\//.exec(pkg)?.[1];
    if (scope && this.scopes.has(scope)) return true;
    if (this.pathPatterns.some((match) => match(specifier))) return true;
    if (this.entryAliases.some((key) => specifier === key || specifier.startsWith(`${key}/`))) return true;
    if (this.baseUrls.some((dir) => this.resolvesUnder(dir, specifier))) return true;
    // `require('app/js/DocumentManager')` naming a file of the package's own `app/` folder (run with NODE_PATH
    // or a loader): the project's code, never a package to declare.
    if (!pkg.startsWith('@') && specifier.includes('/') && this.resolvesUnder(this.manifest.dir, specifier)) return true;
    // Only now, since finding them follows the entry points' loads: names the program registers at run time.
    this.runtime ??= runtimeAliases(this.host, this.manifest);
    if (isRuntimeAlias(this.runtime, specifier) || this.runtime.directories.some((dir) => this.resolvesUnder(dir, specifier))) return true;
    const first = pkg.startsWith('@') ? pkg.split('/')[0] : pkg;
    const aliased = (text: string) => mentions(text, pkg) || (first !== pkg && mentions(text, first));
    if (this.aliasTexts.some(aliased)) return true;
    // A name with capitals cannot be published to npm (names are lower case since 2017): an alias, looked for in
    // the bundler configs kept anywhere in the package. Only then, since that search lists the package's folders.
    if (/[A-Z]/.test(first) && bundlerConfigsIn(this.host, this.manifest.dir).some(aliased)) return true;
    // A nested package whose files the package around it requires by path (`channels/chat21/x` loaded by a relative require)
    // runs inside that app: Node resolves its imports up to the outer package's node_modules, which the outer
    // manifest fills. Its own manifest describes a separately published copy. Only then, since the search reads
    // the outer package's code.
    const outer = this.outer;
    if (outer !== undefined && outer.declared.has(pkg) && loadedByPath(this.host, outer.dir, this.manifest.dir)) return true;
    // A config the project generates from a template it keeps (a plugin's webpack config): its aliases and
    // externals, and the root install its `NODE_PATH` points at. Only now, since finding templates lists the repository.
    this.generated ??= generatedConfigsFor(this.host, this.file);
    if (this.generated.nodePath && this.outermostDeclared.has(pkg)) return true;
    if (this.generated.texts.some(aliased)) return true;
    // A package the package's own README tells its operator to install (`npm install memcached` for the optional
    // store of that name): declared by the documentation, for a feature the operator chooses.
    this.readmeInstalled ??= readmeInstalls(this.host, this.file, this.manifest.dir);
    return this.readmeInstalled.has(pkg);
  }

  /** True when some package the file's manifests declare (its own, a workspace root's) passes the test. */
  declaresAny(test: (name: string) => boolean): boolean {
    for (const name of this.declared) if (test(name)) return true;
    return false;
  }

  /**
   * True when the package may be imported by a task config of an Nx project (`toolConfigOfNxTask`): Nx runs the
   * task from the workspace root, whose manifest is where an Nx workspace keeps its development tools, whatever
   * the project's own package.json (which describes the package it publishes) says.
   */
  allowsInNxTaskConfig(pkg: string): boolean {
    return this.nxRootDeclared.has(pkg);
  }

  private addWorkspaceNames(rootDir: string, globs: string[]): void {
    const list = this.host.list?.bind(this.host);
    if (!list) return;
    for (const glob of globs) {
      const clean = glob.replace(/\/$/, '');
      // `packages/*` and `apps/*`: one level of listing covers what real workspaces use.
      const star = clean.indexOf('*');
      const base = star < 0 ? clean : clean.slice(0, clean.lastIndexOf('/', star) + 1);
      const match = picomatch(clean);
      const baseDir = path.join(rootDir, base);
      let entries: string[] = [];
      try {
        entries = star < 0 ? [''] : list(baseDir);
      } catch {
        entries = [];
      }
      for (const entry of entries.slice(0, 500)) {
        const dir = path.join(baseDir, entry);
        const rel = path.relative(rootDir, dir).split(path.sep).join('/');
        if (!match(rel)) continue;
        const p = path.join(dir, 'package.json');
        const text = this.host.readFile(p);
        const name = text !== undefined ? parseManifest(p, text)?.name : undefined;
        if (name) this.workspaceNames.add(name);
      }
    }
  }

  /** Without a listing: `packages/*` holding `@acme/ui` is most likely at `packages/ui`. */
  private guessedWorkspace(pkg: string): boolean {
    if (this.host.list) return false;
    const leaf = pkg.split('/').pop() as string;
    for (const { dir, globs } of this.workspaceRoots) {
      for (const glob of globs) {
        const clean = glob.replace(/\/$/, '');
        if (!clean.endsWith('/*')) continue;
        const p = path.join(dir, clean.slice(0, -1), leaf, 'package.json');
        const text = this.host.readFile(p);
        if (text !== undefined && parseManifest(p, text)?.name === pkg) return true;
      }
    }
    return false;
  }

  /** tsconfig/jsconfig `compilerOptions.paths` and `baseUrl`, following relative `extends`. */
  private readPaths(file: string): void {
    for (const dir of foldersUp(this.host, file)) {
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const p = path.join(dir, name);
        if (this.host.readFile(p) === undefined) continue;
        this.readTsconfig(p, 0);
        return;
      }
    }
  }

  private readTsconfig(p: string, depth: number): void {
    const json = readJsonc(this.host, p);
    if (!json || depth > 5) return;
    const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (isRecord(options.paths)) {
      for (const key of Object.keys(options.paths)) {
        const star = key.indexOf('*');
        this.pathPatterns.push(star < 0 ? (s) => s === key : (s) => s.startsWith(key.slice(0, star)) && s.endsWith(key.slice(star + 1)) && s.length >= key.length - 1);
      }
    }
    if (options.verbatimModuleSyntax === true || options.preserveValueImports === true || options.importsNotUsedAsValues === 'preserve') this.keepsImports = true;
    if (typeof options.baseUrl === 'string') this.baseUrls.push(path.resolve(path.dirname(p), options.baseUrl));
    // Solution-style configs (Vite's templates) keep `paths` in the projects they reference.
    if (depth === 0 && Array.isArray(json.references)) {
      for (const ref of json.references) {
        if (!isRecord(ref) || typeof ref.path !== 'string') continue;
        const target = path.resolve(path.dirname(p), ref.path);
        this.readTsconfig(target.endsWith('.json') ? target : path.join(target, 'tsconfig.json'), depth + 1);
      }
    }
    const ext = json.extends;
    for (const e of Array.isArray(ext) ? ext : [ext]) {
      if (typeof e === 'string' && e.startsWith('.')) this.readTsconfig(path.resolve(path.dirname(p), e.endsWith('.json') ? e : `${e}.json`), depth + 1);
    }
  }

  private resolvesUnder(dir: string, specifier: string): boolean {
    const base = path.join(dir, specifier);
    const candidates = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.d.ts', '/package.json'];
    return candidates.some((c) => this.host.readFile(base + c) !== undefined);
  }

  /** Bundler and test-runner configs beside the package: aliases (`resolve.alias`, `moduleNameMapper`, module-resolver). */
  private readAliases(file: string): void {
    const names = [
      'vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts', 'vitest.config.ts', 'vitest.config.js', 'vitest.config.mts',
      'webpack.config.js', 'webpack.config.ts', 'webpack.config.cjs', 'webpack.config.mjs', '.babelrc', '.babelrc.js', 'babel.config.js',
      'babel.config.json', 'babel.config.cjs', 'jest.config.js', 'jest.config.ts', 'jest.config.cjs', 'jest.config.mjs', 'jest.config.json',
      'rollup.config.js', 'rollup.config.mjs', 'next.config.js', 'next.config.mjs', 'next.config.ts', 'craco.config.js', 'esbuild.config.mjs',
      // Aliases kept apart for the configs that share them (yapi's `webpack.alias.js`). Not configs that also
      // list vendor packages by name (yapi's ykit.config.js): any quoted mention would count as an alias.
      'webpack.alias.js', 'webpack.common.js', 'webpack.base.js', 'rspack.config.js', 'rspack.config.ts',
    ];
    for (const dir of foldersUp(this.host, file)) {
      for (const name of names) {
        const text = this.host.readFile(path.join(dir, name));
        if (text !== undefined && ALIAS_WORDS.test(text)) this.aliasTexts.push(text);
        if (text !== undefined) this.baseUrls.push(...resolveModulesDirs(path.join(dir, name), text));
      }
    }
    // Configs kept elsewhere and named by the build scripts: `webpack --config dev/webpack/webpack.prod.js`.
    for (const script of Object.values(this.manifest.scripts)) {
      for (const m of script.matchAll(/(?:^|\s)(?:--config|-c)(?:=|\s+)["']?([\w./@-]+\.(?:[cm]?[jt]s|json))\b/g)) {
        const target = path.resolve(this.manifest.dir, m[1]);
        if (path.relative(this.manifest.dir, target).startsWith('..')) continue;
        const text = this.host.readFile(target);
        if (text === undefined) continue;
        if (ALIAS_WORDS.test(text)) this.aliasTexts.push(text);
        this.baseUrls.push(...resolveModulesDirs(target, text));
        // And the configs it merges in by relative path (`merge(require('./webpack.base.config'), …)`, easy-mock).
        for (const base of relativeLoads(text)) {
          const baseText = ['', '.js', '.cjs', '.mjs', '.ts'].map((e) => this.host.readFile(path.resolve(path.dirname(target), base + e))).find((t) => t !== undefined);
          if (baseText !== undefined && ALIAS_WORDS.test(baseText)) this.aliasTexts.push(baseText);
        }
      }
    }
    const jest = this.manifest.json.jest;
    if (isRecord(jest) && jest.moduleNameMapper) this.aliasTexts.push(JSON.stringify(jest.moduleNameMapper));
  }

  /**
   * An integration or plugin package whose entry point hands its host's bundler aliases (an Astro integration's
   * `updateConfig({ vite: { resolve: { alias: { 'x-config/config': generated } } } })`, a Nuxt module's
   * `nuxt.options.alias`): its own modules, which that bundler builds, may import those names. Only the keys of
   * an object literal under an `alias` property (or the `find` strings of an alias array) count, never a
   * package the entry merely loads.
   */
  private readEntryAliases(): void {
    const json = this.manifest.json;
    const main = typeof json.main === 'string' ? json.main : 'index.js';
    for (const entry of new Set([main, 'index.js', 'index.mjs', 'index.ts'])) {
      const file = path.resolve(this.manifest.dir, entry);
      if (path.relative(this.manifest.dir, file).startsWith('..')) continue;
      const text = this.host.readFile(file);
      if (text === undefined || !/\balias\b/.test(text)) continue;
      this.entryAliases.push(...aliasKeys(file, text));
    }
  }

  /**
   * `NODE_PATH` makes bare specifiers resolve under a folder of the project: set on a script's command line
   * (`NODE_PATH=src node app.js`), or by the entry point itself before it re-reads the paths
   * (`process.env.NODE_PATH = __dirname; require('module').Module._initPaths()`, yapi's server/app.js).
   */
  private readNodePath(): void {
    const dir = this.manifest.dir;
    const entries = new Set<string>();
    if (typeof this.manifest.json.main === 'string') entries.add(this.manifest.json.main);
    for (const script of Object.values(this.manifest.scripts)) {
      for (const m of script.matchAll(/(?:^|[\s;&|])NODE_PATH=["']?([\w./-]+)/g)) this.baseUrls.push(path.resolve(dir, m[1]));
      for (const m of script.matchAll(/(?:^|[\s;&|])(?:node|nodemon)\s+(?:-[\w-]+\s+)*["']?([\w./-]+\.[cm]?js)\b/g)) entries.add(m[1]);
    }
    for (const entry of entries) {
      const file = path.resolve(dir, entry);
      if (path.relative(dir, file).startsWith('..')) continue;
      const text = this.host.readFile(file);
      if (text === undefined || !/_initPaths\s*\(/.test(text)) continue;
      const m = /process\.env\.NODE_PATH\s*=\s*(?:__dirname\b|path\.(?:join|resolve)\(\s*__dirname\s*,\s*['"]([\w./-]+)['"]\s*\))/.exec(text);
      if (m) this.baseUrls.push(path.resolve(path.dirname(file), m[1] ?? '.'));
    }
  }
}

/**
 * The config files Nx's plugins read to infer a project's build, test and lint tasks (@nx/vite: `vite.config.*`
 * and `vitest.config.*`; @nx/jest, @nx/webpack, @nx/rspack, @nx/rollup, @nx/eslint, @nx/playwright, @nx/cypress;
 * https://nx.dev/packages/vite "How @nx/vite Infers Tasks"). Nx runs these tasks from the workspace root, and an Nx
 * workspace keeps its development tools in the root package.json even when each project has a manifest of its own
 * for its runtime dependencies (https://nx.dev/docs/concepts/decisions/dependency-management: "development
 * dependencies often still living at the root of the workspace"). A project's source files are not such configs.
 */
export const NX_TASK_CONFIG = /^(?:vite|vitest|jest|webpack|rspack|rollup|eslint|playwright|cypress)\.config\.[cm]?[jt]s$|^jest\.preset\.[cm]?js$|^\.eslintrc\.[cm]?js$/;

/** The keys of `alias: { … }` object literals and the `find` strings of `alias: [{ find: … }]` arrays in a module. */
function aliasKeys(file: string, text: string): string[] {
  const out: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /\.tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const key = (name: ts.Node | undefined) => (name && (ts.isStringLiteralLike(name) || ts.isIdentifier(name)) ? name.text : undefined);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && key(node.name) === 'alias') {
      const init = node.initializer;
      const props = ts.isObjectLiteralExpression(init) ? init.properties
        : ts.isArrayLiteralExpression(init) ? init.elements.flatMap((e) => (ts.isObjectLiteralExpression(e) ? e.properties.filter((p) => key(p.name) === 'find').map((p) => (ts.isPropertyAssignment(p) ? p.initializer : p)) : []))
          : [];
      for (const p of props) {
        const k = ts.isPropertyAssignment(p) ? key(p.name) : ts.isStringLiteralLike(p) ? p.text : undefined;
        if (k && packageOfAlias(k)) out.push(k.replace(/\$$/, ''));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** An alias key that reads like a bare package specifier (`x-config/config`, `@acme/ui`), not `@` or `~`. */
const packageOfAlias = (k: string) => /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*\$?$/i.test(k);

/** Relative module paths a config file loads (`require('./base')`, `import base from './base.js'`), a few at most. */
function relativeLoads(text: string): string[] {
  return [...text.matchAll(/(?:require\(\s*|\bfrom\s+)['"](\.{1,2}\/[\w./-]+)['"]/g)].map((m) => m[1]).slice(0, 8);
}

/** Does config text name this alias: as a quoted string, a quoted prefix, an object key or a regex start? */
function mentions(text: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A regular-expression key too: Vite's `{ find: /^@server\/(.+)/, replacement: … }`.
  // Or assigned one by one: `config.resolve.alias.client = '/client'`.
  return new RegExp(`(['"\`]\\^?|\\/\\^)${n}(['"\`/$(]|\\\\/)|(^|[\\s,{])${n}\\s*:|\\.alias\\.${n}\\s*=`, 'm').test(text);
}

function pnpmWorkspaces(host: FileHost, dir: string): string[] {
  const text = host.readFile(path.join(dir, 'pnpm-workspace.yaml'));
  if (text === undefined) return [];
  try {
    const doc: unknown = parseYaml(text);
    return isRecord(doc) && Array.isArray(doc.packages) ? doc.packages.filter((p): p is string => typeof p === 'string' && !p.startsWith('!')) : [];
  } catch {
    return [];
  }
}

/**
 * Does the workspace's install link its members into the root's own node_modules? npm and Yarn's node-modules
 * linker do (https://docs.npmjs.com/cli/using-npm/workspaces: "symlinked to node_modules"). pnpm does not (a
 * `pnpm-workspace.yaml` beside it), nor does Yarn 2+'s default Plug'n'Play (a `.yarnrc.yml` that does not choose
 * `nodeLinker: node-modules`).
 */
function linksWorkspacesIntoRoot(host: FileHost, dir: string): boolean {
  if (host.readFile(path.join(dir, 'pnpm-workspace.yaml')) !== undefined) return false;
  const yarnrc = host.readFile(path.join(dir, '.yarnrc.yml'));
  return yarnrc === undefined || /^\s*nodeLinker\s*:\s*["']?node-modules\b/m.test(yarnrc);
}

/**
 * The project's folders a webpack config searches for bare specifiers as it searches node_modules
 * (https://webpack.js.org/configuration/resolve/#resolvemodules): `resolve: { modules: [path.resolve(__dirname), 'node_modules'] }`
 * lets `require('app/config')` name the config folder's `app/config.js`. Only folders given from the config's own
 * (`path.resolve(__dirname[, 'src'])`, `path.join(__dirname, 'src')`, or a relative `'./src'`); `node_modules` and
 * other bare names are where packages are installed.
 */
function resolveModulesDirs(configPath: string, text: string): string[] {
  if (!/\bmodules\s*:/.test(text)) return [];
  const dir = path.dirname(configPath);
  const out: string[] = [];
  for (const list of text.matchAll(/\bmodules\s*:\s*\[([^\]]{0,600})\]/g)) {
    for (const m of list[1].matchAll(/\bpath\.(?:resolve|join)\(\s*__dirname\s*(?:,\s*['"]([\w./-]+)['"]\s*)?\)|['"](\.{1,2}\/[\w./-]*)['"]/g)) {
      const target = path.resolve(dir, m[1] ?? m[2] ?? '.');
      if (!/(?:^|[\\/])(?:node_modules|bower_components)$/.test(target)) out.push(target);
    }
  }
  return out;
}

/** `dependencies`, `peerDependencies` or `optionalDependencies` name at least one package. */
function hasRuntimeDependencies(json: Record<string, unknown>): boolean {
  return ['dependencies', 'peerDependencies', 'optionalDependencies'].some((f) => isRecord(json[f]) && Object.keys(json[f] as object).length > 0);
}

const CODE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const NOT_CODE = /^(?:node_modules|dist|build|out|coverage|vendor|fixtures?|examples?)$|^\./;
const loadsByPath = new PerVersion<boolean>();

/**
 * Does the code of the package at `outerDir` (outside `innerDir`, not in further nested packages) load a file of
 * `innerDir` by a relative path? Bounded: 3000 code files, 10 folders deep; once per nested package and host
 * version.
 */
function loadedByPath(host: ListingHost, outerDir: string, innerDir: string): boolean {
  return loadsByPath.get(host, innerDir, () => {
    const inner = innerDir + path.sep;
    const files = filesUnder(host, outerDir, (f) => CODE_FILE.test(f) && !/\.d\.[cm]?ts$/.test(f), {
      maxDepth: 10, maxFiles: 3000, skip: (d) => NOT_CODE.test(d), leave: (names) => names.includes('package.json'),
    });
    for (const file of files) {
      const text = host.readFile(file);
      if (text === undefined) continue;
      for (const m of text.matchAll(/(?:\brequire\(\s*|\bfrom\s+|\bimport\(\s*)['"](\.{1,2}\/[^'"\n]+)['"]/g)) {
        if (path.resolve(path.dirname(file), m[1]).startsWith(inner)) return true;
      }
    }
    return false;
  });
}

/** Bundler configs, wherever the package keeps them (a framework's own, deep in its tree). */
const BUNDLER_CONFIG = /^(?:webpack|rspack|vite)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$/;
const NOT_SEARCHED = /^(?:node_modules|dist|build|out|coverage|vendor|test|tests|__tests__|fixtures?|examples?)$|^\./;
const MAX_FOLDERS = 2000;
const MAX_CONFIGS = 20;
const bundlerConfigs = new PerVersion<string[]>();

/**
 * The alias-bearing texts of the bundler configs kept anywhere in a package, below the folders `readAliases`
 * reads (a CMS bundles its modules' browser code with a config of its own,
 * `modules/asset/lib/webpack/webpack.config.js`, whose `resolve.alias` names `Modules`). Nested packages keep
 * their own. Bounded: MAX_FOLDERS folders listed, breadth first, and read only for an import npm could not
 * publish that nothing else explains; once per package folder and host version.
 */
function bundlerConfigsIn(host: ListingHost, dir: string): string[] {
  return bundlerConfigs.get(host, dir, () => {
    const texts: string[] = [];
    const queue = [dir];
    for (let i = 0; i < queue.length && i < MAX_FOLDERS && texts.length < MAX_CONFIGS; i++) {
      const { files, folders } = listing(host, queue[i]);
      if (i > 0 && files.includes('package.json')) continue;
      for (const f of files) {
        if (!BUNDLER_CONFIG.test(f)) continue;
        const text = host.readFile(path.join(queue[i], f));
        if (text !== undefined && ALIAS_WORDS.test(text)) texts.push(text);
      }
      for (const d of folders.slice().sort()) if (!NOT_SEARCHED.test(d)) queue.push(path.join(queue[i], d));
    }
    return texts;
  });
}

// `npm install x`, `npm i -D x@1`, `npm --prefix dir install x`, `yarn add x`, `pnpm add x`, `bun add x`: the packages named.
const INSTALL_COMMAND = /\b(?:npm(?:[ \t]+--?[\w-]+(?:[= \t]+(?!install\b|i\b|add\b)[^\s-]\S*)?)*[ \t]+(?:install|i|add)|(?:yarn|pnpm|bun)(?:[ \t]+--?[\w-]+)*[ \t]+add)((?:[ \t]+[^\s&|;]+)+)/g;

/** The packages named by an install command's arguments (`npm i -D x@1 y` → x, y). */
function installedNames(args: string): string[] {
  const out: string[] = [];
  for (const word of args.trim().split(/\s+/)) {
    // Prose around a command: `npm install redis` in backticks, "(npm i pg)".
    const arg = word.replace(/^[`'"(]+|[`'"),.:]+$/g, '');
    if (arg.startsWith('-')) continue;
    const name = /^(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|[a-z0-9][\w.-]*)(?:@[^\s]*)?$/.exec(arg)?.[1];
    if (name) out.push(name);
  }
  return out;
}

// Looked up by name, not by listing the folder: a listing read makes every new file in the folder (a note beside
// the code) a change of what the rules read, and the CLI's cache would drop every result.
const README_NAMES = ['README.md', 'readme.md', 'Readme.md', 'README', 'README.markdown', 'README.rst', 'README.txt', 'README.adoc'];
/** A global install (`npm install -g x`) puts a command on the PATH; `require('x')` still does not resolve. */
const GLOBAL_INSTALL = /(?:^|\s)(?:-g|--global|--location[= ]global)(?=\s|$)/;

/**
 * The packages the READMEs kept from the file's folder up to its package's folder tell the reader to install
 * (`npm install memcached`, `yarn add aws-sdk`), global installs left out. At most 40 names looked up.
 */
function readmeInstalls(host: ListingHost, file: string, packageDir: string): Set<string> {
  const out = new Set<string>();
  const folders = foldersUp(host, file).filter((d) => d === packageDir || d.startsWith(packageDir + path.sep));
  let read = 0;
  for (const dir of folders) {
    for (const f of README_NAMES) {
      if (++read > 40) return out;
      const text = host.readFile(path.join(dir, f));
      if (!text || !/\b(?:npm|yarn|pnpm|bun)\b/.test(text)) continue;
      for (const m of text.matchAll(INSTALL_COMMAND)) if (!GLOBAL_INSTALL.test(m[1])) for (const n of installedNames(m[1])) out.add(n);
    }
  }
  return out;
}

/** The packages a repository's workflows install in a step (`.github/workflows/*.yml`), at most 50 files read. */
function workflowInstalls(host: ListingHost, dir: string): Set<string> {
  const out = new Set<string>();
  for (const f of listing(host, dir).files.filter((n) => /\.ya?ml$/.test(n)).slice(0, 50)) {
    const text = host.readFile(path.join(dir, f));
    if (!text) continue;
    for (const m of text.matchAll(INSTALL_COMMAND)) for (const name of installedNames(m[1])) out.add(name);
  }
  return out;
}
