import * as path from 'node:path';
import ts = require('typescript');
import type { FileHost } from '../../host';
import { isRecord, type Manifest } from '../../workspace/manifest';
import { PerVersion } from '../../workspace/perVersion';

/**
 * Names a Node program teaches its own `require` at run time, before it loads the modules that use them:
 * - module-alias (https://github.com/ilearnio/module-alias): `require('module-alias/register')` reads the
 *   manifest's `_moduleAliases` (names) and `_moduleDirectories` (folders searched like node_modules);
 *   `moduleAlias.addAlias('@root', …)` and `addAliases({ … })` register more.
 * - a module of the project that patches `Module._resolveFilename` with a table of short names
 *   (`{ logger: 'js/logger.js' }`), loaded first by the entry points.
 * Such a name is one of the project's own modules, never a package to declare.
 */
export interface RuntimeAliases {
  /** Bare names (and name prefixes) that resolve to the project's own files. */
  readonly names: readonly string[];
  /** Folders searched like node_modules (module-alias `_moduleDirectories`). */
  readonly directories: readonly string[];
}

const NONE: RuntimeAliases = { names: [], directories: [] };
const byPackage = new PerVersion<RuntimeAliases>();

/** How far the search follows relative loads from an entry point, and how many modules it reads at most. */
const MAX_DEPTH = 3;
const MAX_FILES = 40;
const REGISTERS = /\b_resolveFilename\b|\baddAlias(?:es)?\s*\(/;

/** The runtime aliases of the package whose manifest this is; once per package folder and host version. */
export function runtimeAliases(host: FileHost & { readonly version?: number }, manifest: Manifest): RuntimeAliases {
  return byPackage.get(host, manifest.dir, () => {
    const names: string[] = [];
    const directories: string[] = [];
    const json = manifest.json;
    if (isRecord(json._moduleAliases)) names.push(...Object.keys(json._moduleAliases).filter(bareName));
    if (Array.isArray(json._moduleDirectories)) {
      for (const d of json._moduleDirectories) if (typeof d === 'string' && d !== 'node_modules') directories.push(path.resolve(manifest.dir, d));
    }
    for (const file of modulesReachedFromEntries(host, manifest)) {
      const text = host.readFile(file);
      if (text !== undefined && REGISTERS.test(text)) names.push(...registeredNames(file, text));
    }
    return names.length === 0 && directories.length === 0 ? NONE : { names, directories };
  });
}

/** Does the specifier name a runtime alias, or a module under one (`@root/lib/x` for the alias `@root`)? */
export function isRuntimeAlias(aliases: RuntimeAliases, specifier: string): boolean {
  return aliases.names.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/**
 * The package's entry points (`main`, `bin`, the scripts' `node x.js` and `node ./folder`) and the modules they
 * load by relative path, breadth first: an alias table is registered before anything that uses it loads.
 */
function modulesReachedFromEntries(host: FileHost, manifest: Manifest): string[] {
  const dir = manifest.dir;
  const starts: string[] = [];
  const json = manifest.json;
  if (typeof json.main === 'string') starts.push(json.main);
  if (typeof json.bin === 'string') starts.push(json.bin);
  else if (isRecord(json.bin)) for (const b of Object.values(json.bin)) if (typeof b === 'string') starts.push(b);
  for (const script of Object.values(manifest.scripts)) {
    for (const m of script.matchAll(/(?:^|[\s;&|])(?:node|nodemon)\s+(?:-[\w-]+\s+)*["']?(\.{0,2}\/?[\w./-]+)/g)) starts.push(m[1]);
  }
  const seen = new Set<string>();
  let layer = starts.map((s) => resolveModule(host, dir, s)).filter((f): f is string => f !== undefined);
  for (let depth = 0; depth <= MAX_DEPTH && layer.length > 0 && seen.size < MAX_FILES; depth++) {
    const next: string[] = [];
    for (const file of layer) {
      if (seen.has(file) || seen.size >= MAX_FILES) continue;
      seen.add(file);
      const text = host.readFile(file);
      if (text === undefined) continue;
      for (const m of text.matchAll(/(?:\brequire\(\s*|\bfrom\s+|^\s*import\s+)['"](\.{1,2}\/[^'"\n]+)['"]/gm)) {
        const target = resolveModule(host, path.dirname(file), m[1]);
        if (target !== undefined && !seen.has(target)) next.push(target);
      }
    }
    layer = next;
  }
  return [...seen];
}

/** A module path as Node resolves it (the file, with an extension added, or a folder's index), inside the package. */
function resolveModule(host: FileHost, dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  for (const ext of ['', '.js', '.cjs', '.mjs', '.ts', '/index.js', '/index.cjs', '/index.ts']) {
    const file = base + ext;
    if (/\.[cm]?[jt]s$/.test(file) && host.readFile(file) !== undefined) return file;
  }
  return undefined;
}

/**
 * The names a module registers: the first argument of `addAlias('name', …)`, the keys of `addAliases({ … })`, and,
 * in a module that patches `Module._resolveFilename`, the keys of its object tables of paths and the names its
 * resolver compares the request with (`request === 'logger'`).
 */
function registeredNames(file: string, text: string): string[] {
  const out: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /\.[cm]?tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const patches = /\b_resolveFilename\s*=/.test(text);
  const keyOf = (name: ts.PropertyName) => (ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined);
  const keys = (object: ts.ObjectLiteralExpression) => {
    for (const p of object.properties) {
      const k = ts.isPropertyAssignment(p) ? keyOf(p.name) : undefined;
      if (k !== undefined && bareName(k)) out.push(k);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const [first] = node.arguments;
      if (name === 'addAlias' && first && ts.isStringLiteralLike(first) && bareName(first.text)) out.push(first.text);
      if (name === 'addAliases' && first && ts.isObjectLiteralExpression(first)) keys(first);
    }
    // A table of names to paths: every value a string, a template or a path call (`path.join(root, 'js/x.js')`).
    if (patches && ts.isObjectLiteralExpression(node) && node.properties.length > 0 && node.properties.every((q) => pathValued(sf, q))) keys(node);
    if (patches && ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
      for (const side of [node.left, node.right]) if (ts.isStringLiteralLike(side) && bareName(side.text)) out.push(side.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A property whose value is a module path: `'js/logger.js'`, `` `${root}/x` ``, `path.join(root, 'x')`. */
function pathValued(sf: ts.SourceFile, p: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(p)) return false;
  const v = p.initializer;
  if (ts.isStringLiteralLike(v)) return v.text.includes('/') || /\.[cm]?[jt]s$/.test(v.text);
  return ts.isTemplateExpression(v) || (ts.isCallExpression(v) && /\b(?:join|resolve)$/.test(v.expression.getText(sf)));
}

/** A name that reads like a bare specifier (`logger`, `@root`, `@app/lib`), not a relative path or a URL. */
const bareName = (k: string) => /^@?[\w-][\w.-]*(?:\/[\w.-]+)*$/.test(k) && !k.startsWith('.');
