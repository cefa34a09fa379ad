import ts = require('typescript');
import { LastTree } from './lastTree';
import { knownSyntaxIndex, syntaxIndex } from './syntaxIndex';

/** Where a value comes from: a module and the member path inside it (`winston` + `transports.File`). */
export interface ModulePath {
  module: string;
  /** Member names from the module's export object; empty for the module itself (its default/CommonJS export). */
  path: string[];
}

/**
 * Resolves expressions of one file to module member paths, whatever the import style: `require`, default,
 * named and namespace `import`, `import x = require()`, destructuring (also nested), local aliases, and
 * `require('x').y` chains. Syntax only: a name bound twice in different scopes resolves to its
 * module-level binding, which is what real code does with loggers and stores.
 */
export class ModuleBindings {
  private readonly bindings: Map<string, ModulePath>;
  private static readonly cache = new WeakMap<ts.SourceFile, ModuleBindings>();
  /** The tree whose bindings were collected last, held weakly (a closed document's tree must not stay alive for it). */
  private static readonly lastTree = new LastTree();

  /** The bindings of a syntax tree, collected once however many rules ask (each collection walks the whole tree). */
  static of(sourceFile: ts.SourceFile): ModuleBindings {
    let bindings = ModuleBindings.cache.get(sourceFile);
    if (!bindings) {
      bindings = new ModuleBindings(sourceFile, ModuleBindings.unchangedSince(sourceFile));
      ModuleBindings.cache.set(sourceFile, bindings);
      ModuleBindings.lastTree.set(sourceFile);
    }
    return bindings;
  }

  /**
   * The bindings of the tree collected last, when they are this version's too: every statement the two versions do
   * not share (the ones an edit touched) holds, in both, no node that can bind a name (syntaxIndex's `bindings`), so
   * each shared statement saw the same bindings before it and bound what it bound there. A keystroke in a function
   * body then replays nothing.
   */
  private static unchangedSince(sourceFile: ts.SourceFile): ModuleBindings | undefined {
    const previousTree = ModuleBindings.lastTree.get();
    const previous = previousTree && previousTree !== sourceFile ? ModuleBindings.cache.get(previousTree) : undefined;
    const beforeIndex = previousTree && knownSyntaxIndex(previousTree);
    if (!previous || !beforeIndex) return undefined;
    const now = sourceFile.statements;
    const before = previousTree.statements;
    const n = now.length;
    const m = before.length;
    const shared = Math.min(n, m);
    let head = 0;
    let tail = 0;
    while (head < shared && now[head] === before[head]) head++;
    while (tail < shared - head && now[n - 1 - tail] === before[m - 1 - tail]) tail++;
    for (let i = head; i < m - tail; i++) if (beforeIndex.byStatement[i].bindings.length > 0) return undefined;
    const nowIndex = syntaxIndex(sourceFile);
    for (let i = head; i < n - tail; i++) if (nowIndex.byStatement[i].bindings.length > 0) return undefined;
    return previous;
  }

  constructor(readonly sourceFile: ts.SourceFile, sameAs?: ModuleBindings) {
    if (sameAs) {
      // Never changed once collected, so shared with the version they were collected for.
      this.bindings = sameAs.bindings;
      this.sideEffectImports = sameAs.sideEffectImports;
      this.signatureCache = sameAs.signature;
      return;
    }
    this.bindings = new Map<string, ModulePath>();
    this.sideEffectImports = new Set<string>();
    this.collect();
  }

  /**
   * The bindings as one string, made once: two versions of a file whose bindings have the same signature resolve
   * every name alike, so a fact recorded with the lookups it made still holds without checking them one by one
   * (BoundStatementMemo, on every keystroke). A name bound in another order only costs that check.
   */
  get signature(): string {
    if (this.signatureCache === undefined) {
      // The previous version's string when equal: later comparisons are then of one object with itself.
      const made = JSON.stringify([...this.bindings]);
      this.signatureCache = made === lastSignature ? lastSignature : (lastSignature = made);
    }
    return this.signatureCache;
  }

  private signatureCache?: string;

  /** Every local name bound to a module path. */
  get names(): ReadonlyMap<string, ModulePath> {
    return this.bindings;
  }

  /** True when the file imports or requires the module (or one of its subpaths, e.g. `pino/file`). */
  imports(module: string): boolean {
    for (const b of this.bindings.values()) if (b.module === module || b.module.startsWith(`${module}/`)) return true;
    return this.sideEffectImports.has(module);
  }

  /** Bare `import 'winston-daily-rotate-file'` / `require('x')` statements. */
  readonly sideEffectImports: Set<string>;

  /** `winston.transports.File`, `transports.File`, `new (require('winston').transports.File)` → `{winston, [transports, File]}`. */
  resolve(expression: ts.Expression): ModulePath | undefined {
    const e = unwrap(expression);
    if (ts.isIdentifier(e)) return this.lookup(e.text);
    if (ts.isPropertyAccessExpression(e)) {
      const base = this.resolve(e.expression);
      return base && { module: base.module, path: [...base.path, e.name.text] };
    }
    if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
      const base = this.resolve(e.expression);
      return base && { module: base.module, path: [...base.path, e.argumentExpression.text] };
    }
    const required = requireTarget(e);
    if (required) return { module: required, path: [] };
    // `require('x')()` and `x()` of a factory: the call's result keeps the callee's path (e.g. `session()`).
    return undefined;
  }

  private collect(): void {
    // In the order of a walk of the tree (a `require` inside a function still binds a name), over the nodes
    // that can bind one: the syntax index keeps them per statement, so a keystroke does not walk the tree.
    const statements = this.sourceFile.statements;
    syntaxIndex(this.sourceFile).byStatement.forEach(({ bindings: nodes }, i) => {
      // A statement the incremental parser reused binds what it bound before, if the names it looked up are
      // bound as they were: its recorded effect is replayed instead of resolving its declarations again.
      const known = statementEffects.get(statements[i]);
      if (known && this.resolvesAsBefore(known.reads)) {
        for (const [name, target] of known.writes) this.bindings.set(name, target);
        for (const module of known.sideEffects) this.sideEffectImports.add(module);
        return;
      }
      const effect: StatementEffect = { reads: [], writes: [], sideEffects: [], names: new Set() };
      this.recording = effect;
      for (const node of nodes) this.bind(node);
      this.recording = undefined;
      statementEffects.set(statements[i], effect);
    });
  }

  /**
   * Runs `compute` and returns, with its value, the names it looked up through `resolve` and what they resolved
   * to: a fact computed from one statement and the bindings holds while `resolvesAsBefore(reads)` (BoundStatementMemo).
   */
  recordLookups<T>(compute: () => T): { value: T; reads: ReadonlyArray<readonly [string, ModulePath | undefined]> } {
    const outer = this.recording;
    const effect: StatementEffect = { reads: [], writes: [], sideEffects: [], names: new Set() };
    this.recording = effect;
    try {
      return { value: compute(), reads: effect.reads };
    } finally {
      this.recording = outer;
    }
  }

  /** Whether each name resolves to what it did when the lookups were recorded. */
  resolvesAsBefore(reads: ReadonlyArray<readonly [string, ModulePath | undefined]>): boolean {
    return reads.every(([name, was]) => samePath(this.bindings.get(name), was));
  }

  /** The effect of the statement being collected: lookups of names it did not bind itself, bindings made. */
  private recording: StatementEffect | undefined;

  private lookup(name: string): ModulePath | undefined {
    const found = this.bindings.get(name);
    const r = this.recording;
    if (r && !r.names.has(name)) {
      r.names.add(name);
      r.reads.push([name, found]);
    }
    return found;
  }

  private bind(node: ts.Node): void {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) this.fromImport(node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      this.set(node.name.text, { module: node.moduleReference.expression.text, path: [] });
    } else if (ts.isVariableDeclaration(node) && node.initializer) {
      const target = this.resolve(node.initializer);
      if (target) this.bindName(node.name, target);
    } else if (ts.isExpressionStatement(node)) {
      const required = requireTarget(unwrap(node.expression));
      if (required) this.addSideEffect(required);
    }
  }

  private addSideEffect(module: string): void {
    this.sideEffectImports.add(module);
    this.recording?.sideEffects.push(module);
  }

  private fromImport(node: ts.ImportDeclaration): void {
    const module = (node.moduleSpecifier as ts.StringLiteral).text;
    const clause = node.importClause;
    if (!clause) {
      this.addSideEffect(module);
      return;
    }
    if (clause.name) this.set(clause.name.text, { module, path: [] });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.set(bindings.name.text, { module, path: [] });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        this.set(el.name.text, { module, path: imported === 'default' ? [] : [imported] });
      }
    }
  }

  private bindName(name: ts.BindingName, target: ModulePath): void {
    if (ts.isIdentifier(name)) {
      this.set(name.text, target);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        const key = el.propertyName ?? el.name;
        const member = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined;
        if (member === undefined || el.dotDotDotToken) continue;
        this.bindName(el.name, { module: target.module, path: member === 'default' ? target.path : [...target.path, member] });
      }
    }
  }

  private set(name: string, target: ModulePath): void {
    // The first (outermost, earliest) binding wins: shadowing inner names rarely rebind a module.
    if (this.lookup(name) !== undefined) return;
    this.bindings.set(name, target);
    this.recording?.writes.push([name, target]);
    this.recording?.names.add(name);
  }
}

/** What collecting one top-level statement read from and added to the bindings (see `ModuleBindings.collect`). */
interface StatementEffect {
  reads: Array<[string, ModulePath | undefined]>;
  writes: Array<[string, ModulePath]>;
  sideEffects: string[];
  /** The names read or bound so far: a later lookup of one says nothing new about the bindings before. */
  names: Set<string>;
}
const statementEffects = new WeakMap<ts.Statement, StatementEffect>();

/** The resolved path is an export of `module` (a name, or a pattern of names), at exactly `path` (`[]`: the module's own value). */
export function isExport(p: ModulePath | undefined, module: RegExp | string, path: readonly string[]): boolean {
  return p !== undefined && (typeof module === 'string' ? p.module === module : module.test(p.module)) && p.path.length === path.length && p.path.every((s, i) => s === path[i]);
}

function samePath(a: ModulePath | undefined, b: ModulePath | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.module === b.module && a.path.length === b.path.length && a.path.every((p, i) => p === b.path[i]));
}

/** `require('x')` → `'x'`. */
export function requireTarget(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' &&
      node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) return node.arguments[0].text;
  if (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) return requireTarget(node.expression);
  // `await import('x')`
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])) return node.arguments[0].text;
  return undefined;
}

/** `===`, `!==`, `==`, `!=`. A function, not a module-level set: the compiler is loaded only when a tree is built. */
export function isEqualityOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken
    || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}

export function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

/** Unwraps `(x)`, `x as T`, `x!`, `x satisfies T`, `<T>x` upwards: the node that really sits in the parent's slot. */
export function outermost(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) ||
         ts.isSatisfiesExpression(n.parent) || ts.isTypeAssertionExpression(n.parent))) n = n.parent;
  return n;
}

/** Each local name bound to a module, with the module it comes from (`jwt` → `jsonwebtoken`), whatever the path inside it. */
export function importedModules(sourceFile: ts.SourceFile): ReadonlyMap<string, string> {
  const bindings = ModuleBindings.of(sourceFile);
  // A keystroke rarely changes the bindings: the previous version's map stands while their signature does.
  if (lastImported?.signature === bindings.signature) return lastImported.modules;
  const modules = new Map([...bindings.names].map(([name, target]) => [name, target.module]));
  lastImported = { signature: bindings.signature, modules };
  return modules;
}

let lastImported: { signature: string; modules: ReadonlyMap<string, string> } | undefined;

/** `a.b.c` for a call's callee, for matching by name when no import tells where it comes from. */
export function dottedName(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const base = dottedName(e.expression);
    return base === undefined ? undefined : `${base}.${e.name.text}`;
  }
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}

/** The value of a property in an object literal (`{ store: … }`), by name; undefined when absent or spread. */
export function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** True when the object literal has a spread (`{ ...options }`): a property may come from elsewhere. */
export function hasSpread(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((p) => ts.isSpreadAssignment(p));
}

// `from '…'`, `import '…'`, `import('…')` (comments allowed before the specifier), `require('…')`,
// `require.resolve('…')`: a superset of the specifiers the syntax tree yields, since the text also finds
// type-only imports and specifiers in comments and strings.
const TEXT_SPECIFIER = /(?:\bfrom|\bimport|\brequire(?:\s*\.\s*resolve)?)\s*\(?\s*(?:\/\*[\s\S]*?\*\/\s*)*(['"`])([^'"`\n\\]+)\1/g;

/** Every module specifier the text could load, read without parsing it (for gates and the program index). */
export function specifiersInText(text: string): readonly string[] {
  // The program index's summary and two rules ask for the same version's text in turn: one scan serves them.
  if (text !== lastText) {
    lastSpecifiers = [...text.matchAll(TEXT_SPECIFIER)].map((m) => m[2]);
    lastText = text;
  }
  return lastSpecifiers;
}

let lastSignature = '';
let lastText: string | undefined;
let lastSpecifiers: readonly string[] = [];
