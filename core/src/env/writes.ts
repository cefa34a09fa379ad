import ts = require('typescript');
import { envObject } from '../js/envReads';
import { unwrap } from '../js/modules';
import * as path from 'node:path';
import { folderKeyOf, type FileHost } from '../host';
import { nearestManifest } from '../workspace/manifest';
import { filesUnder } from '../workspace/filesUnder';
import { PerVersion } from '../workspace/perVersion';
import { isTestFile } from '../fileKinds';
import { builtinModules } from '../lazyModules';

/**
 * Variables a JavaScript module sets for itself: `process.env.X = '1'` (a literal, or a value computed from the
 * module's own code alone: `owned`) on every run of the function (or module) that holds it. The program owns such a
 * variable (a flag a command sets before running a task, `process.env.TZ = 'UTC'`, a folder the CLI computes);
 * whatever a deployer set is overwritten, so a read of it is no setting to declare.
 * Not owned: a default (`if (!process.env.X) process.env.X = 'd'`, `??=`), an assignment under any other
 * condition (`if (dev) process.env.API = …`), which leaves the variable to the deployer on the other path, and
 * a computed value that may be the deployer's own setting made absolute or normalised
 * (`process.env.STORAGE_PATH = resolveStorageRoot()`, the function reading the variable). Both branches of an
 * `if`/`else` setting such a value is every run. The literal entries of a child process's environment
 * count as well, wherever the call is (`childEnvLiterals`).
 */
export function assignedUnconditionally(sf: ts.SourceFile): ReadonlySet<string> {
  let names = cache.get(sf);
  if (!names) {
    names = WRITE_TEXT.test(sf.text) || CHILD_ENV_TEXT.test(sf.text) ? collect(sf) : new Set();
    cache.set(sf, names);
  }
  return names;
}

const cache = new WeakMap<ts.SourceFile, ReadonlySet<string>>();
/**
 * Whether the read at `pos` comes after a statement of the same block that sets the variable (`process.env.X = …`):
 * the read sees the program's own value, whatever the deployer set. The desktop start function of an app sets
 * `process.env.RF_COLLAB_URL` to a URL with a free port it just found and logs it on the next line (audit: refly);
 * the value may come from any package, unlike `assignedUnconditionally`'s, since no read before it is covered.
 * Not when the value names the variable (`process.env.X = path.resolve(process.env.X)`: the deployer's setting made
 * absolute) or reads the environment by a computed key, nor for a read inside a function the block declares (it
 * may run before the assignment).
 */
export function setBeforeRead(sf: ts.SourceFile, name: string, pos: number): boolean {
  let writes = statementWrites.get(sf);
  if (!writes) {
    writes = WRITE_TEXT.test(sf.text) ? collectStatementWrites(sf) : [];
    statementWrites.set(sf, writes);
  }
  return writes.some((w) => w.name === name && pos >= w.statement.end && pos < w.statement.parent.end && !insideNestedFunction(w.statement.parent, pos, sf));
}

interface StatementWrite {
  name: string;
  statement: ts.ExpressionStatement;
}

const statementWrites = new WeakMap<ts.SourceFile, StatementWrite[]>();

function collectStatementWrites(sf: ts.SourceFile): StatementWrite[] {
  const out: StatementWrite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isBlock(node.parent)) {
      const e = unwrap(node.expression);
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const name = envTarget(e.left);
        if (name !== undefined && !namesVariable(e.right, name, sf)) out.push({ name, statement: node });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The value names the variable, or reads the environment by a computed key. */
function namesVariable(value: ts.Expression, name: string, sf: ts.SourceFile): boolean {
  if (new RegExp(`\\b${name.replace(/[$]/g, '\\$&')}\\b`).test(value.getText(sf))) return true;
  let computed = false;
  const visit = (n: ts.Node): void => {
    if (computed) return;
    if (ts.isElementAccessExpression(n) && envObject(n.expression) && !ts.isStringLiteralLike(unwrap(n.argumentExpression))) computed = true;
    else ts.forEachChild(n, visit);
  };
  visit(value);
  return computed;
}

/** `pos` lies in a function nested in `block` (a callback or a declaration the block holds). */
function insideNestedFunction(block: ts.Node, pos: number, sf: ts.SourceFile): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || pos < n.getStart(sf) || pos >= n.end) return;
    if (n !== block && ts.isFunctionLike(n)) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(block);
  return found;
}

// `env.X =` or `env['X'] =` (not `==`): only a file with one is walked.
const WRITE_TEXT = /\benv\s*(?:\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]+\])\s*=(?!=)/;

/**
 * `inFunctionOnly`: for other modules, only an assignment inside a function (a command raising a flag before it
 * runs a task) counts. One at a module's top level sets up the program that module starts (Tiledesk's `jobs.js`
 * worker sets `JOB_WORKER_ENABLED=false` for itself, while the server's deployer sets it for the server).
 */
function collect(sf: ts.SourceFile, inFunctionOnly = false, children?: Set<string>): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = envTarget(node.left);
      if (name !== undefined && (!inFunctionOnly || insideFunction(node))) {
        if (!conditional(node, name, sf) && owned(node.right, name, sf)) out.add(name);
      }
    }
    for (const name of childEnvLiterals(node)) (children ?? out).add(name);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * The literal entries of the environment a call hands a child process: `spawn(cmd, args, { env: { ...process.env,
 * IS_DEV_CMD: 'true' } })`, also through a project's own wrapper (`run('tsx', args, { env: { X: '1' } })`) or a
 * constructor (`new Worker(file, { env: { … } })`). The program starts that child with the value, whatever a
 * deployer set. Computed entries (`API_URL: url`, `X: process.env.X`) are left out, as for assignments.
 */
function childEnvLiterals(node: ts.Node): string[] {
  if (!ts.isPropertyAssignment(node) || propertyName(node.name) !== 'env' || !ts.isObjectLiteralExpression(node.initializer)) return [];
  const options = node.parent;
  const call = options.parent;
  if (!ts.isObjectLiteralExpression(options) || !call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.some((a) => unwrap(a) === options)) return [];
  const out: string[] = [];
  for (const p of node.initializer.properties) {
    const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
    if (name !== undefined && ts.isPropertyAssignment(p) && isLiteral(p.initializer)) out.push(name);
  }
  return out;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

/** `process.env.X` or `process.env['X']` (also `import.meta.env`, `Bun.env`): the variable's name. */
function envTarget(left: ts.Expression): string | undefined {
  const e = unwrap(left);
  if (ts.isPropertyAccessExpression(e) && envObject(e.expression)) return e.name.text;
  if (ts.isElementAccessExpression(e) && envObject(e.expression)) {
    const arg = unwrap(e.argumentExpression);
    return ts.isStringLiteralLike(arg) ? arg.text : undefined;
  }
  return undefined;
}

/** `'1'`, `` `UTC` ``, `0`, `true`: a value written down, not computed. */
function isLiteral(node: ts.Expression): boolean {
  const e = unwrap(node);
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
}

/**
 * The node runs only on some paths of its function or module: inside a branch, a `?:`, `&&`/`||`/`??`, a loop,
 * a `switch`, or a `catch`/`finally` (a `finally` restoring the value a `try` changed).
 */
function conditional(node: ts.Node, exhaustiveFor?: string, sf?: ts.SourceFile): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isSourceFile(n.parent) && !ts.isFunctionLike(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.expression !== n) {
      // Both branches of an `if`/`else` set it (`if (dev) X = devDir; else X = pkgDir;`): it is set either way.
      const other = p.thenStatement === n ? p.elseStatement : p.thenStatement;
      if (exhaustiveFor !== undefined && sf && other !== undefined && branchSets(other, exhaustiveFor, sf)) continue;
      return true;
    }
    if (ts.isConditionalExpression(p) && p.condition !== n) return true;
    if (ts.isBinaryExpression(p) && p.right === n && isShortCircuit(p.operatorToken.kind)) return true;
    if (ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isIterationStatement(p, false) || ts.isCatchClause(p)) return true;
    if (ts.isTryStatement(p) && p.finallyBlock === n) return true;
  }
  return false;
}

/** The statement (a block, or an `if`/`else` whose branches both do) sets the variable to a value it owns on every path through it. */
function branchSets(statement: ts.Statement, name: string, sf: ts.SourceFile): boolean {
  const statements = ts.isBlock(statement) ? statement.statements : [statement];
  return statements.some((st) => {
    if (ts.isExpressionStatement(st)) {
      const e = unwrap(st.expression);
      return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && envTarget(e.left) === name && owned(e.right, name, sf);
    }
    return ts.isIfStatement(st) && st.elseStatement !== undefined && branchSets(st.thenStatement, name, sf) && branchSets(st.elseStatement, name, sf);
  });
}

/**
 * A value the program owns: a literal, or one computed from the module's own code and packages only, with the
 * variable named nowhere on the way (nocobase's CLI sets `APP_PACKAGE_ROOT` to a folder it makes under the storage
 * root or to the installed app package's folder: `dirname(require.resolve('@app/src/index.ts'))`). Every name the
 * value uses is followed to its declaration in the module — a variable, a function (its body, with its own
 * parameters and locals), an import or `require` of one of Node's own modules (`path`, `os`) — and none may name the
 * variable (`process.env.STORAGE_PATH = resolveStorageRoot()` where the function reads `STORAGE_PATH`: the
 * deployer's setting made absolute) or read the environment by a computed key. A name the module does not declare
 * (a parameter of the function, a global the project defines), any other import (a module or package not read
 * here: nocobase's `@nocobase/utils` resolves `STORAGE_PATH`) or `exports.x` leaves the value the deployer's possibly.
 */
function owned(value: ts.Expression, name: string, sf: ts.SourceFile): boolean {
  if (isLiteral(value)) return true;
  const mentions = new RegExp(`\\b${name.replace(/[$]/g, '\\$&')}\\b`);
  const declarations = declarationsOf(sf);
  const checked = new Set<ts.Node>();
  const clean = (root: ts.Node, depth: number): boolean => {
    if (mentions.test(root.getText(sf))) return false;
    const locals = ts.isFunctionLike(root) ? localNames(root) : undefined;
    let ok = true;
    const visit = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isElementAccessExpression(n) && envObject(n.expression) && !ts.isStringLiteralLike(unwrap(n.argumentExpression))) {
        ok = false;
        return;
      }
      if (ts.isIdentifier(n) && isValueReference(n)) {
        if (GLOBALS.has(n.text) || locals?.has(n.text)) return;
        const found = declarations.get(n.text);
        if (!found) {
          ok = false;
          return;
        }
        for (const d of found) {
          const from = importedFrom(d);
          if (from !== undefined && isBuiltin(from)) continue;
          if (checked.has(d)) continue;
          checked.add(d);
          if (from !== undefined || depth >= MAX_FOLLOW || !clean(d, depth + 1)) {
            ok = false;
            return;
          }
        }
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
    return ok;
  };
  return clean(value, 0);
}

const MAX_FOLLOW = 6;
// Globals of Node and the language whose use says nothing of the variable (`require.resolve`, `process.cwd()`).
const GLOBALS = new Set(['require', 'process', '__dirname', '__filename', 'JSON', 'String', 'Number', 'Boolean', 'Math', 'Date', 'Object', 'Array', 'undefined', 'Buffer', 'URL']);
const declarationCache = new WeakMap<ts.SourceFile, Map<string, ts.Node[]>>();

/** The module's declarations by name: functions, variables (each name of a destructuring), classes and imports. */
function declarationsOf(sf: ts.SourceFile): Map<string, ts.Node[]> {
  let out = declarationCache.get(sf);
  if (out) return out;
  const found = new Map<string, ts.Node[]>();
  const add = (name: string, node: ts.Node): void => {
    found.set(name, [...(found.get(name) ?? []), node]);
  };
  const bind = (name: ts.BindingName, node: ts.Node): void => {
    if (ts.isIdentifier(name)) add(name.text, node);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name, node);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) add(node.name.text, node);
    else if (ts.isVariableDeclaration(node)) bind(node.name, node);
    else if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.name) add(clause.name.text, node);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) add(named.name.text, node);
      else if (named) for (const el of named.elements) add(el.name.text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  out = found;
  declarationCache.set(sf, out);
  return out;
}

let builtins: Set<string> | undefined;
/** `path`, `node:os`: Node's own modules, which read no setting of the app's. */
function isBuiltin(specifier: string): boolean {
  builtins ??= new Set(builtinModules());
  return specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]);
}

/** The module a binding is imported from: `import { dirname } from 'node:path'`, `const { join } = require('path')`, `require('fs').promises`. */
function importedFrom(node: ts.Node): string | undefined {
  let specifier: ts.Expression | undefined;
  if (ts.isImportDeclaration(node)) specifier = node.moduleSpecifier;
  else if (ts.isVariableDeclaration(node) && node.initializer) {
    let init = unwrap(node.initializer);
    while (ts.isPropertyAccessExpression(init)) init = unwrap(init.expression);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments.length === 1) specifier = init.arguments[0];
  }
  return specifier !== undefined && ts.isStringLiteralLike(specifier) ? specifier.text : undefined;
}

/** The names a function declares for itself: its parameters, variables, inner functions and catch bindings. */
function localNames(fn: ts.SignatureDeclaration): Set<string> {
  const out = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const el of name.elements) if (ts.isBindingElement(el)) bind(el.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node)) bind(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) out.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return out;
}

/** An identifier used as a value: not a property name, a declaration's own name, or a label. */
function isValueReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (ts.isPropertyAccessExpression(p) ? p.name === node : p.right === node)) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === node) return false;
  if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isClassDeclaration(p)) && p.name === node) return false;
  if (ts.isBindingElement(p) && p.propertyName === node) return false;
  return !(ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p) || ts.isTypeReferenceNode(p));
}

function insideFunction(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isSourceFile(n); n = n.parent) if (ts.isFunctionLike(n)) return true;
  return false;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

const packageResults = new PerVersion<{ writes: ReadonlySet<string>; children: ReadonlySet<string> }>();
// `env: {`: a file that may hand a child process its environment.
const CHILD_ENV_TEXT = /\benv\s*:\s*\{/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const NOT_CODE = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$|\.min\.js$/i;
// Folders no deployment runs or that belong to someone else: dependencies, build output, tests and fixtures, examples.
const SKIPPED = /^(?:node_modules|dist|build|out|coverage|vendor|\..*|tests?|__tests__|__mocks__|fixtures?|spec|e2e|examples?|samples?)$/i;
const MAX_FILES = 3000;
const MAX_DEPTH = 10;
const MAX_BYTES = 256 * 1024;

/**
 * Variables any module of the file's package (its nearest package.json's folder, without the packages nested in
 * it, tests, fixtures, examples and build output) sets to a literal on every run of one of its functions:
 * `assignedUnconditionally` across the package, without the module-level assignments (see `collect`). A CLI that raises `process.env.APP_SKIP_BANNER = '1'` in its
 * `restart` command before it loads the module that reads the flag owns that flag, whichever module reads it.
 * So are the literal entries of the environment a module hands the child processes it starts (`childEnvLiterals`).
 * Only files whose text holds an assignment are parsed. Without a package.json, the workspace root is the package.
 */
export function packageAssigned(host: FileHost & { readonly version?: number }, file: string): ReadonlySet<string> {
  const found = packageWrites(host, file);
  return found.children.size === 0 ? found.writes : new Set([...found.writes, ...found.children]);
}

/** The package's `process.env` writes and, apart, the literal entries it hands its child processes. */
function packageWrites(host: FileHost & { readonly version?: number }, file: string): { writes: ReadonlySet<string>; children: ReadonlySet<string> } {
  const top = nearestManifest(host, file)?.dir ?? host.rootOf(file);
  if (top === undefined) return { writes: new Set(), children: new Set() };
  return packageResults.get(host, folderKeyOf(path.join(top, 'package.json')), () => {
    const out = new Set<string>();
    const children = new Set<string>();
    const files = filesUnder(host, top, (name) => CODE_FILE.test(name) && !NOT_CODE.test(name), {
      maxDepth: MAX_DEPTH, maxFiles: MAX_FILES, skip: (folder) => SKIPPED.test(folder),
      // A nested package is a program of its own: its writes are its own.
      leave: (names) => names.includes('package.json'),
    });
    for (const at of files) {
      // Test set-up (`jest.setup.ts`, `setupTests.ts`) sets variables for the tests, not for the program.
      if (isTestFile(path.relative(top, at))) continue;
      const text = host.readFile(at);
      if (text === undefined || text.length > MAX_BYTES || !(WRITE_TEXT.test(text) || CHILD_ENV_TEXT.test(text))) continue;
      const sf = ts.createSourceFile(at, text, ts.ScriptTarget.Latest, true, scriptKind(path.basename(at)));
      for (const n of collect(sf, true, children)) out.add(n);
    }
    return { writes: out, children };
  });
}

function scriptKind(name: string): ts.ScriptKind {
  if (/\.tsx$/i.test(name)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(name)) return ts.ScriptKind.TS;
  return /\.jsx$/i.test(name) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/**
 * What the file the package's `start` script runs with node (`"start": "node server"`: `server.js`) sets on
 * `process.env` to a literal on every run, at its top level included (`collect`): the process `npm start` starts
 * always has that value, whatever a deployer sets, so the flag is the program's (web-check's `server.js` raising
 * `WC_SERVER` for the handlers it loads, which the same handlers run on a serverless platform read unset). Another
 * entry point (a worker's `jobs.js` that a second image starts) is not the start script's and does not count.
 */
export function startEntryAssigned(host: FileHost, file: string): ReadonlySet<string> {
  const manifest = nearestManifest(host, file);
  const command = manifest?.scripts.start;
  const m = command === undefined ? null : START_NODE.exec(command);
  if (!manifest || !m) return new Set();
  const target = path.resolve(manifest.dir, m[1]);
  for (const candidate of [target, ...ENTRY_EXTENSIONS.map((e) => target + e), ...ENTRY_EXTENSIONS.map((e) => path.join(target, 'index' + e))]) {
    if (!CODE_FILE.test(candidate)) continue;
    let text: string | undefined;
    try {
      text = host.readFile(candidate);
    } catch {
      text = undefined;
    }
    if (text === undefined) continue;
    if (text.length > MAX_BYTES || !WRITE_TEXT.test(text)) return new Set();
    return collect(ts.createSourceFile(candidate, text, ts.ScriptTarget.Latest, true, scriptKind(path.basename(candidate))));
  }
  return new Set();
}

// `node server`, `node ./bin/www.js`, `node --enable-source-maps dist/main.js` (options before the file), alone in the script.
const START_NODE = /^\s*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([\w./@-]+)\s*$/;
const ENTRY_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts'];

/**
 * What the workspace's command-line packages (a package.json with a `bin`: the project's own CLI that starts the
 * app, nocobase's `nocobase dev` raising `IS_DEV_CMD`) set on `process.env` in their functions, as
 * `packageAssigned` finds them: such a CLI is the app's launcher, so the flags it sets before it loads the app
 * are the program's for every package of the workspace, not only its own. The environments it hands single child
 * processes do not count here (a scaffold command starting a task with `LOGGER_SILENT: 'true'` leaves the logger's
 * switch to whoever deploys the server), and the writes of packages without a `bin` count only for themselves.
 */
export function launcherAssigned(host: FileHost & { readonly version?: number }, packages: Iterable<{ readonly dir: string; readonly bin: boolean }>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of packages) if (m.bin) for (const n of packageWrites(host, path.join(m.dir, 'package.json')).writes) out.add(n);
  return out;
}
