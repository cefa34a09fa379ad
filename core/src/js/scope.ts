import ts = require('typescript');
import { ModuleBindings, requireTarget, unwrap } from './modules';

/** What a name stands for, as far as syntax tells: a local value, a parameter, a function or class, an import. */
export type Declaration =
  | { kind: 'value'; initializer: ts.Expression; name: string }
  | { kind: 'unknown' }
  | { kind: 'function'; node: ts.FunctionLikeDeclaration }
  | { kind: 'class'; node: ts.ClassLikeDeclaration }
  | { kind: 'import' };

/**
 * One file's names, as every JavaScript/TypeScript rule reads them: where each name comes from (imports and
 * requires, through `ModuleBindings`), the declarations and their initialisers, scope-aware lookup of a name
 * from where it is used, every identifier reference, the assignments that change a name or write one of its
 * members, and the calls, `new` expressions and object literals of the file — all from one walk of the tree,
 * made the first time a rule asks and kept for the syntax tree's life (one per `FileContext` version).
 * Syntax only: a name is followed to its declaration, never through a type checker.
 */
export class FileScope {
  private static readonly cache = new WeakMap<ts.SourceFile, FileScope>();

  static of(sourceFile: ts.SourceFile): FileScope {
    let scope = FileScope.cache.get(sourceFile);
    if (!scope) {
      scope = new FileScope(sourceFile);
      FileScope.cache.set(sourceFile, scope);
    }
    return scope;
  }

  readonly bindings: ModuleBindings;
  readonly calls: ts.CallExpression[] = [];
  readonly news: ts.NewExpression[] = [];
  readonly objects: ts.ObjectLiteralExpression[] = [];
  /** Every variable declaration of the file, in source order (destructuring ones included). */
  readonly declarations: ts.VariableDeclaration[] = [];
  /** `this.x = …` and `obj.x = …` assignments: the member written and the value, in source order. */
  readonly memberAssignments: Array<{ target: ts.PropertyAccessExpression; value: ts.Expression }> = [];
  private readonly firstInitializers = new Map<string, ts.VariableDeclaration>();
  private readonly references = new Map<string, ts.Identifier[]>();
  private readonly reassigned = new Set<string>();
  /** Names passed to a call, or written through `name[x] = …`: their object may change after it is built. */
  private readonly escaping = new Map<string, ts.Node[]>();
  private readonly memberWrites = new Map<string, Array<{ member: string; value: ts.Expression }>>();
  private constantsCache?: Map<string, ts.Expression>;

  private constructor(readonly sourceFile: ts.SourceFile) {
    this.bindings = ModuleBindings.of(sourceFile);
    const visit = (node: ts.Node): void => {
      this.collect(node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  /** The first `x = …` declaration of a name anywhere in the file, whatever its scope (a cheap, scope-blind lookup). */
  declarationOf(name: string): ts.VariableDeclaration | undefined {
    return this.firstInitializers.get(name);
  }

  /** Every place a name is used as a value (declarations and property names excluded). */
  referencesOf(name: string): readonly ts.Identifier[] {
    return this.references.get(name) ?? [];
  }

  /** Module-level `const NAME = <expression>` declarations, for following a value kept in a constant. */
  get moduleConstants(): ReadonlyMap<string, ts.Expression> {
    if (!this.constantsCache) {
      this.constantsCache = new Map();
      for (const statement of this.sourceFile.statements) {
        if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) this.constantsCache.set(d.name.text, d.initializer);
        }
      }
    }
    return this.constantsCache;
  }

  /** The declaration a name refers to from where it is used, looked up scope by scope. */
  lookup(id: ts.Identifier): Declaration {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      if (ts.isFunctionLike(n) && n.parameters.some((p) => binds(p.name, id.text))) return { kind: 'unknown' };
      if (ts.isCatchClause(n) && n.variableDeclaration && binds(n.variableDeclaration.name, id.text)) return { kind: 'unknown' };
      if ((ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isForStatement(n)) && n.initializer && ts.isVariableDeclarationList(n.initializer) &&
          n.initializer.declarations.some((d) => binds(d.name, id.text))) return { kind: 'unknown' };
      const statements = ts.isSourceFile(n) || ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n) ? n.statements : undefined;
      if (!statements) continue;
      const found = declarationIn(statements, id.text);
      if (found) return this.refine(found, id.text);
    }
    // Not declared in the file: a global (`Map`, `undefined`), or something this file cannot see.
    return { kind: 'unknown' };
  }

  /** Follows a local name to the value it was initialised with, when nothing reassigns it. */
  valueOf(expression: ts.Expression, depth = 0): ts.Expression {
    const e = unwrap(expression);
    if (!ts.isIdentifier(e) || depth > 8) return e;
    const d = this.lookup(e);
    return d.kind === 'value' ? this.valueOf(d.initializer, depth + 1) : e;
  }

  /** `name.member = value` statements of the file. */
  writesTo(name: string, member: string): ts.Expression[] {
    return (this.memberWrites.get(name) ?? []).filter((w) => w.member === member).map((w) => w.value);
  }

  /** True when a name's object is handed to a call other than `except`, or written through a computed member. */
  escapes(name: string, except?: ts.Node): boolean {
    return (this.escaping.get(name) ?? []).some((n) => n !== except);
  }

  /** True when a plain `name = …` assignment changes the name after its declaration. */
  isReassigned(name: string): boolean {
    return this.reassigned.has(name);
  }

  private collect(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.calls.push(node);
    else if (ts.isNewExpression(node)) this.news.push(node);
    else if (ts.isObjectLiteralExpression(node)) this.objects.push(node);
    else if (ts.isVariableDeclaration(node)) {
      this.declarations.push(node);
      if (ts.isIdentifier(node.name) && node.initializer && !this.firstInitializers.has(node.name.text)) this.firstInitializers.set(node.name.text, node);
    } else if (ts.isIdentifier(node) && isReference(node)) {
      const list = this.references.get(node.text);
      if (list) list.push(node);
      else this.references.set(node.text, [node]);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.assignment(node);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const arg of node.arguments ?? []) {
        const a = unwrap(arg);
        if (ts.isIdentifier(a)) this.escape(a.text, node);
      }
    }
  }

  private assignment(node: ts.BinaryExpression): void {
    const left = unwrap(node.left);
    if (ts.isIdentifier(left)) this.reassigned.add(left.text);
    else if (ts.isPropertyAccessExpression(left)) {
      this.memberAssignments.push({ target: left, value: node.right });
      if (ts.isIdentifier(left.expression)) {
        const list = this.memberWrites.get(left.expression.text) ?? [];
        list.push({ member: left.name.text, value: node.right });
        this.memberWrites.set(left.expression.text, list);
      }
    } else if (ts.isElementAccessExpression(left) && ts.isIdentifier(left.expression)) this.escape(left.expression.text, node);
  }

  private refine(found: Declaration, name: string): Declaration {
    if (found.kind === 'value' && this.reassigned.has(name)) return { kind: 'unknown' };
    if (found.kind === 'value' && this.bindings.names.has(name) && requireRoot(found.initializer)) return { kind: 'import' };
    return found;
  }

  private escape(name: string, node: ts.Node): void {
    const list = this.escaping.get(name) ?? [];
    list.push(node);
    this.escaping.set(name, list);
  }
}

function binds(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && binds(el.name, text));
}

function declarationIn(statements: ts.NodeArray<ts.Statement>, name: string): Declaration | undefined {
  for (const s of statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer ? { kind: 'value', initializer: d.initializer, name } : { kind: 'unknown' };
        if (!ts.isIdentifier(d.name) && binds(d.name, name)) return d.initializer && requireRoot(d.initializer) ? { kind: 'import' } : { kind: 'unknown' };
      }
    } else if (ts.isFunctionDeclaration(s) && s.name?.text === name) return { kind: 'function', node: s };
    else if (ts.isClassDeclaration(s) && s.name?.text === name) return { kind: 'class', node: s };
    else if (ts.isImportDeclaration(s) && s.importClause && importBinds(s.importClause, name)) return { kind: 'import' };
    else if (ts.isImportEqualsDeclaration(s) && s.name.text === name) return { kind: 'import' };
    else if ((ts.isEnumDeclaration(s) || ts.isModuleDeclaration(s)) && ts.isIdentifier(s.name) && s.name.text === name) return { kind: 'unknown' };
  }
  return undefined;
}

function importBinds(clause: ts.ImportClause, name: string): boolean {
  if (clause.name?.text === name) return true;
  const nb = clause.namedBindings;
  if (!nb) return false;
  return ts.isNamespaceImport(nb) ? nb.name.text === name : nb.elements.some((el) => el.name.text === name);
}

/** `require('x')`, `require('x').y`, `await import('x')`: an initializer that only reads a module. */
export function requireRoot(expression: ts.Expression): string | undefined {
  let e = unwrap(expression);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return requireTarget(e);
}

/** An identifier used as a value: not a declared name, not a property name, not an import specifier. */
function isReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (!p) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) ||
    ts.isBindingElement(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node) return false;
  if (ts.isBindingElement(p) && p.propertyName === node) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p)) return false;
  if (ts.isExportSpecifier(p) && p.propertyName === node) return false;
  return true;
}
