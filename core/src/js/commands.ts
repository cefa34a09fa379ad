import * as path from 'node:path';
import ts = require('typescript');
import type { FileContext } from '../context';
import { dottedName, ModuleBindings, unwrap, type ModulePath } from './modules';
import { FileScope } from './scope';

/**
 * Shell commands a module runs: `exec('npm install')`, `spawn('npm', ['install'])`, execa, zx's `$`,
 * shelljs, cross-spawn, `Bun.spawn`, and `promisify(exec)` aliases. Shared by the rules that care what a
 * process runs (runtime installs, migrations at start-up, synchronous work at import, self-daemonizing).
 */
export interface CommandCall {
  call: ts.CallExpression | ts.TaggedTemplateExpression;
  /** The node a finding covers: the function name (`execSync`, `spawn`, `$`). */
  anchor: ts.Node;
  label: string;
  /** Blocks the event loop (`execSync`, `spawnSync`, `execaSync`). */
  sync: boolean;
  /** The command line as far as the source spells it; parts computed at run time read `…`. */
  command: string;
  /** The options object literal (`{ cwd, detached }`), when there is one. */
  options?: ts.ObjectLiteralExpression;
}

type Api = 'exec' | 'spawn' | 'argv';

interface Known {
  api: Api;
  sync: boolean;
}

const CHILD_PROCESS = /^(node:)?child_process$/;

function known(p: ModulePath | undefined): Known | undefined {
  if (!p) return undefined;
  const last = p.path[p.path.length - 1] ?? '';
  if (CHILD_PROCESS.test(p.module) && p.path.length === 1) {
    if (last === 'exec' || last === 'execSync') return { api: 'exec', sync: last === 'execSync' };
    if (/^(spawn|spawnSync|execFile|execFileSync)$/.test(last)) return { api: 'spawn', sync: last.endsWith('Sync') };
  }
  if (p.module === 'execa') {
    if (p.path.length === 0 || last === 'execa') return { api: 'spawn', sync: false };
    if (last === 'execaSync' || (p.path.length === 1 && last === 'sync')) return { api: 'spawn', sync: true };
    if (/^(execaCommand|command)$/.test(last)) return { api: 'exec', sync: false };
    if (/^(execaCommandSync|commandSync)$/.test(last)) return { api: 'exec', sync: true };
  }
  if (p.module === 'shelljs' && last === 'exec') return { api: 'exec', sync: true };
  if (p.module === 'cross-spawn') {
    if (p.path.length === 0) return { api: 'spawn', sync: false };
    if (last === 'sync') return { api: 'spawn', sync: true };
  }
  return undefined;
}

/** `const run = promisify(exec)` / `util.promisify(cp.execFile)`: the alias runs what the original runs, asynchronously. */
function promisified(bindings: ModuleBindings, init: ts.Expression): Known | undefined {
  const e = unwrap(init);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const callee = bindings.resolve(e.expression);
  const isPromisify = (callee && /^(node:)?util$/.test(callee.module) && callee.path[0] === 'promisify') || dottedName(e.expression) === 'promisify';
  if (!isPromisify) return undefined;
  const k = known(bindings.resolve(e.arguments[0]));
  return k && { ...k, sync: false };
}

/** What the source says of a string: literal text, templates with `…` holes, a constant's value. */
export function stringish(node: ts.Expression | undefined, constants?: ReadonlyMap<string, ts.Expression>, depth = 0): string {
  if (!node || depth > 3) return '…';
  const e = unwrap(node);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => '…' + s.literal.text).join('');
  if (ts.isIdentifier(e) && constants?.has(e.text)) return stringish(constants.get(e.text), constants, depth + 1);
  if (ts.isConditionalExpression(e)) {
    // `process.platform === 'win32' ? 'npm.cmd' : 'npm'`: the same command either way.
    const a = stringish(e.whenTrue, constants, depth + 1).replace(/\.(cmd|exe)$/i, '');
    const b = stringish(e.whenFalse, constants, depth + 1).replace(/\.(cmd|exe)$/i, '');
    return a === b ? a : '…';
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return stringish(e.left, constants, depth + 1) + stringish(e.right, constants, depth + 1);
  }
  return '…';
}

/** Module-level `const NAME = <expression>` declarations, for following a command kept in a constant. */
export function moduleConstants(sf: ts.SourceFile): ReadonlyMap<string, ts.Expression> {
  return FileScope.of(sf).moduleConstants;
}

function argvText(array: ts.Expression | undefined, constants: ReadonlyMap<string, ts.Expression>): string | undefined {
  if (!array) return undefined;
  const e = unwrap(array);
  if (!ts.isArrayLiteralExpression(e)) return undefined;
  return e.elements.map((el) => (ts.isSpreadElement(el) ? '…' : stringish(el, constants))).join(' ');
}

function objectArg(node: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!node) return undefined;
  const e = unwrap(node);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

/** Every command the file runs, in source order. */
export function commandCalls(sf: ts.SourceFile, bindings = ModuleBindings.of(sf)): CommandCall[] {
  const aliases = new Map<string, Known>();
  const constants = moduleConstants(sf);
  const zxGlobals = bindings.imports('zx') || bindings.sideEffectImports.has('zx/globals') || /^#!.*\bzx\b/.test(sf.text);
  const out: CommandCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const k = promisified(bindings, node.initializer);
      if (k) aliases.set(node.name.text, k);
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = unwrap(node.tag);
      const resolved = bindings.resolve(tag);
      const name = dottedName(tag);
      const isZx = (resolved && /^(zx|execa)$/.test(resolved.module) && resolved.path[resolved.path.length - 1] === '$') ||
        (name === '$' && zxGlobals && !resolved) || name === 'Bun.$';
      if (isZx) out.push({ call: node, anchor: tag, label: name ?? '$', sync: false, command: stringish(node.template, constants) });
    }
    if (ts.isCallExpression(node)) {
      const found = commandOf(node, bindings, aliases, constants);
      if (found) out.push(found);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function commandOf(node: ts.CallExpression, bindings: ModuleBindings, aliases: Map<string, Known>, constants: ReadonlyMap<string, ts.Expression>): CommandCall | undefined {
  const callee = unwrap(node.expression);
  const name = dottedName(callee);
  const anchor = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const label = name ?? anchor.getText();
  if (name === 'Bun.spawn' || name === 'Bun.spawnSync') {
    const options = objectArg(node.arguments[1]) ?? objectArg(node.arguments[0]);
    const cmd = ts.isObjectLiteralExpression(unwrap(node.arguments[0] ?? callee)) ? undefined : node.arguments[0];
    return { call: node, anchor, label, sync: name.endsWith('Sync'), command: argvText(cmd, constants) ?? '…', options };
  }
  const k = (ts.isIdentifier(callee) ? aliases.get(callee.text) : undefined) ?? known(bindings.resolve(callee));
  if (!k) return undefined;
  const [first, second, third] = node.arguments;
  if (k.api === 'exec') {
    return { call: node, anchor, label, sync: k.sync, command: stringish(first, constants), options: objectArg(second) };
  }
  const argv = argvText(second, constants);
  const command = [stringish(first, constants), argv ?? (second && !objectArg(second) ? '…' : undefined)].filter((s) => s !== undefined).join(' ');
  return { call: node, anchor, label, sync: k.sync, command, options: objectArg(second) ?? objectArg(third) };
}

/** The value of an option (`cwd`, `detached`) in a command's options object. */
export function optionOf(call: CommandCall, name: string): ts.Expression | undefined {
  if (!call.options) return undefined;
  for (const p of call.options.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/**
 * The file's path inside its project (relative to the host's root when there is one), so that a project
 * kept in a folder named `build` or `examples` is not mistaken for one of those folders.
 */
export function projectPath(context: FileContext): string {
  const root = context.host?.rootOf(context.path);
  const rel = root ? path.relative(root, context.path) : '';
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : context.path).replace(/\\/g, '/');
}

/** Script-like files: one-off tools run by a person or a build, not the app's processes. */
export function isScriptPath(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  // Also the dot-folder variants a repository keeps its maintainers' scripts in (`.scripts/version.js`).
  return /(^|\/)(\.?scripts?|\.?bin|\.?tools|\.husky|\.github|build|ci|tasks|gulp|grunt)\//i.test(p) ||
    /(^|\/)[^/]*\.conf(ig)?\.[cm]?[jt]s$/i.test(p) ||
    // Static-site and framework build configuration: run by the build, never by the server.
    /(^|\/)(\.eleventy|gatsby-(config|node|browser|ssr))\.[cm]?[jt]s$/i.test(p) ||
    // A maintainer's release steps, `npm-publish.js` (yapi) included.
    /(^|\/)(npm[-_])?(install|setup|postinstall|preinstall|prepare|bootstrap|deploy|release|publish|upgrade)([-_.][^/]*)?\.[cm]?[jt]s$/i.test(p) || /(^|\/)(gulpfile|gruntfile|jakefile|webpack\.[^/]*|rollup\.[^/]*|vite\.[^/]*|esbuild\.[^/]*)\.[cm]?[jt]s$/i.test(p);
}

/** `#!/usr/bin/env node` on the first line: a command-line tool. */
export function hasShebang(text: string): boolean {
  return text.startsWith('#!');
}
