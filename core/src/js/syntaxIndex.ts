import ts = require('typescript');
import { requireTarget, unwrap as unwrapExpression } from './modules';
import { StatementMemo } from './statements';

/**
 * The nodes the per-file facts look at (module bindings, servers started, signal handlers), in the order a walk
 * of the whole tree meets them, gathered per top-level statement (StatementMemo): on a keystroke only the
 * statement the edit touched is walked again, and each fact iterates its list instead of the tree. The lists
 * are chosen by syntax alone, each a superset of the nodes its fact can use (see the filters below).
 */
export interface SyntaxIndex {
  /** Imports, `import x = require()`, declarations whose initializer may resolve to a module, bare `require('x');`. */
  bindings: readonly ts.Node[];
  /** Named declarations with an initializer, `new` expressions, and calls of `.listen`/`.start`/`promisify(…)`. */
  servers: readonly ts.Node[];
  /** Calls and `new` expressions whose callee may name a module member, a dotted name, or `.enableShutdownHooks`. */
  calls: readonly ts.Node[];
  /**
   * Outside literal types, string literals and template heads holding `://` (what a service URL needs), with
   * the `calls` among them (clients given a host in their options), and `host:`/`hostname:` properties whose value is a
   * string literal (a configuration module's database or cache settings).
   */
  serviceUrls: readonly ts.Node[];
  /** The same lists per top-level statement, in the order of `sourceFile.statements` (for per-statement memos). */
  byStatement: readonly StatementNodes[];
}

export type StatementNodes = Omit<SyntaxIndex, 'byStatement'>;

type Part = { -readonly [K in keyof StatementNodes]: ts.Node[] };

const memo = new StatementMemo<Part>((statement) => [collect(statement)], (part) => part);
const cache = new WeakMap<ts.SourceFile, SyntaxIndex>();

export function syntaxIndex(sf: ts.SourceFile): SyntaxIndex {
  let index = cache.get(sf);
  if (!index) {
    index = new FlatIndex(memo.of(sf));
    cache.set(sf, index);
  }
  return index;
}

/** The index of a tree when it was already made (never made for a tree the incremental parser has since moved on from). */
export function knownSyntaxIndex(sf: ts.SourceFile): SyntaxIndex | undefined {
  return cache.get(sf);
}

/**
 * The lists of the whole file, each joined from the statements' the first time it is asked for: the per-statement
 * facts read `byStatement` only, and joining all four lists of a 2,000-line file on every keystroke was work
 * nobody read. Plain loops: `flatMap` over a hundred parts cost half a millisecond per keystroke (V8's generic path).
 */
class FlatIndex implements SyntaxIndex {
  private readonly lists: Partial<Record<keyof StatementNodes, readonly ts.Node[]>> = {};

  constructor(readonly byStatement: readonly Part[]) {}

  get bindings(): readonly ts.Node[] {
    return this.list('bindings');
  }

  get servers(): readonly ts.Node[] {
    return this.list('servers');
  }

  get calls(): readonly ts.Node[] {
    return this.list('calls');
  }

  get serviceUrls(): readonly ts.Node[] {
    return this.list('serviceUrls');
  }

  private list(key: keyof StatementNodes): readonly ts.Node[] {
    let all = this.lists[key];
    if (!all) {
      const joined: ts.Node[] = [];
      for (const part of this.byStatement) for (const n of part[key]) joined.push(n);
      all = joined;
      this.lists[key] = all;
    }
    return all;
  }
}

function collect(statement: ts.Statement): Part {
  const part: Part = { bindings: [], servers: [], calls: [], serviceUrls: [] };
  let inLiteralType = 0;
  const visit = (node: ts.Node): void => {
    if (!inLiteralType && (((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.includes('://')) ||
        (ts.isTemplateExpression(node) && node.head.text.includes('://')))) part.serviceUrls.push(node);
    if (!inLiteralType && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && /^host(?:name)?$/.test(node.name.text) &&
        ts.isStringLiteralLike(node.initializer)) part.serviceUrls.push(node);
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) part.bindings.push(node);
    else if (ts.isVariableDeclaration(node) && node.initializer) {
      if (mayResolve(node.initializer)) part.bindings.push(node);
      if (ts.isIdentifier(node.name)) part.servers.push(node);
    } else if (ts.isExpressionStatement(node) && requireTarget(unwrapExpression(node.expression)) !== undefined) part.bindings.push(node);
    if (ts.isNewExpression(node)) {
      part.servers.push(node);
      if (mayResolve(node.expression)) {
        part.calls.push(node);
        if (!inLiteralType) part.serviceUrls.push(node);
      }
    }
    if (ts.isCallExpression(node)) {
      if (startsSomething(node)) part.servers.push(node);
      // Nest's `app.enableShutdownHooks()` and a pipe of anything (`main().pipe(NodeRuntime.runMain)`, signals.ts).
      if (mayResolve(node.expression) || (ts.isPropertyAccessExpression(node.expression) &&
          (node.expression.name.text === 'enableShutdownHooks' || node.expression.name.text === 'pipe'))) part.calls.push(node);
      if (!inLiteralType && mayResolve(node.expression)) part.serviceUrls.push(node);
    }
    // `type Config = { url: 'redis://cache:6379' }` describes a value: hardcoded-service-url skips literal types.
    const literalType = ts.isLiteralTypeNode(node);
    if (literalType) inLiteralType++;
    ts.forEachChild(node, visit);
    if (literalType) inLiteralType--;
  };
  visit(statement);
  return part;
}

/** What `listenCall` (servers.ts) can answer for: `x.listen(…)`, `x.start(…)`, `promisify(…)` and its kin, `serve(…)`. */
function startsSomething(node: ts.CallExpression): boolean {
  const e = node.expression;
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
  return name === 'listen' || name === 'start' || name === 'serve' || /^promisify\w*$|^pify$/i.test(name);
}

/** The expressions `ModuleBindings.resolve` (and `dottedName`) can give an answer for: names, member chains, `require('x')`. */
function mayResolve(expression: ts.Expression): boolean {
  const e = unwrapExpression(expression);
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(e)) return mayResolve(e.expression);
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return mayResolve(e.expression);
  return requireTarget(e) !== undefined;
}
