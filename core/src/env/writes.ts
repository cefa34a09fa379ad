import ts = require('typescript');
import { envObject } from '../js/envReads';
import { unwrap } from '../js/modules';
import * as path from 'node:path';
import { folderKeyOf, type FileHost } from '../host';
import { nearestManifest } from '../workspace/manifest';
import { filesUnder } from '../workspace/filesUnder';
import { PerVersion } from '../workspace/perVersion';
import { isTestFile } from '../fileKinds';

/**
 * Variables a JavaScript module sets for itself: `process.env.X = '1'` (a literal) on every run of the function
 * (or module) that holds it. The program owns such a variable (a flag a command sets before running a task,
 * `process.env.TZ = 'UTC'`); whatever a deployer set is overwritten, so a read of it is no setting to declare.
 * Not owned: a default (`if (!process.env.X) process.env.X = 'd'`, `??=`), an assignment under any other
 * condition (`if (dev) process.env.API = …`), which leaves the variable to the deployer on the other path, and
 * a computed value, which may be the deployer's own setting made absolute or normalised
 * (`process.env.STORAGE_PATH = resolveStorageRoot()`).
 */
export function assignedUnconditionally(sf: ts.SourceFile): ReadonlySet<string> {
  let names = cache.get(sf);
  if (!names) {
    names = WRITE_TEXT.test(sf.text) ? collect(sf) : new Set();
    cache.set(sf, names);
  }
  return names;
}

const cache = new WeakMap<ts.SourceFile, ReadonlySet<string>>();
// `env.X =` or `env['X'] =` (not `==`): only a file with one is walked.
const WRITE_TEXT = /\benv\s*(?:\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]+\])\s*=(?!=)/;

/**
 * `inFunctionOnly`: for other modules, only an assignment inside a function (a command raising a flag before it
 * runs a task) counts. One at a module's top level sets up the program that module starts (Tiledesk's `jobs.js`
 * worker sets `JOB_WORKER_ENABLED=false` for itself, while the server's deployer sets it for the server).
 */
function collect(sf: ts.SourceFile, inFunctionOnly = false): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = envTarget(node.left);
      if (name !== undefined && isLiteral(node.right) && !conditional(node) && (!inFunctionOnly || insideFunction(node))) out.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
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
function conditional(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isSourceFile(n.parent) && !ts.isFunctionLike(n.parent); n = n.parent) {
    const p = n.parent;
    if ((ts.isIfStatement(p) && p.expression !== n) || (ts.isConditionalExpression(p) && p.condition !== n)) return true;
    if (ts.isBinaryExpression(p) && p.right === n && isShortCircuit(p.operatorToken.kind)) return true;
    if (ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isIterationStatement(p, false) || ts.isCatchClause(p)) return true;
    if (ts.isTryStatement(p) && p.finallyBlock === n) return true;
  }
  return false;
}

function insideFunction(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isSourceFile(n); n = n.parent) if (ts.isFunctionLike(n)) return true;
  return false;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

const packageResults = new PerVersion<ReadonlySet<string>>();
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
 * Only files whose text holds an assignment are parsed. Without a package.json, the workspace root is the package.
 */
export function packageAssigned(host: FileHost & { readonly version?: number }, file: string): ReadonlySet<string> {
  const top = nearestManifest(host, file)?.dir ?? host.rootOf(file);
  if (top === undefined) return new Set();
  return packageResults.get(host, folderKeyOf(path.join(top, 'package.json')), () => {
    const out = new Set<string>();
    const files = filesUnder(host, top, (name) => CODE_FILE.test(name) && !NOT_CODE.test(name), {
      maxDepth: MAX_DEPTH, maxFiles: MAX_FILES, skip: (folder) => SKIPPED.test(folder),
      // A nested package is a program of its own: its writes are its own.
      leave: (names) => names.includes('package.json'),
    });
    for (const at of files) {
      // Test set-up (`jest.setup.ts`, `setupTests.ts`) sets variables for the tests, not for the program.
      if (isTestFile(path.relative(top, at))) continue;
      const text = host.readFile(at);
      if (text === undefined || text.length > MAX_BYTES || !WRITE_TEXT.test(text)) continue;
      const sf = ts.createSourceFile(at, text, ts.ScriptTarget.Latest, true, scriptKind(path.basename(at)));
      for (const n of collect(sf, true)) out.add(n);
    }
    return out;
  });
}

function scriptKind(name: string): ts.ScriptKind {
  if (/\.tsx$/i.test(name)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(name)) return ts.ScriptKind.TS;
  return /\.jsx$/i.test(name) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}
