import * as path from 'node:path';
import ts = require('typescript');
import { folderKeyOf, type FileHost } from '../host';
import { PerVersion } from './perVersion';
import { packageOf, runtimeSpecifiers } from '../js/loads';
import { isRecord, manifestsUp } from './manifest';

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
