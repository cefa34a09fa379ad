import ts = require('typescript');
import { ModuleBindings, requireTarget, unwrap, type ModulePath } from '../../js/modules';
import type { ProgramView } from '../../program/types';

/** What a name stands for, as far as syntax tells: a local value, a parameter, a function or class, an import. */
export type Declaration =
  | { kind: 'value'; initializer: ts.Expression; name: string }
  | { kind: 'unknown' }
  | { kind: 'function'; node: ts.FunctionLikeDeclaration }
  | { kind: 'class'; node: ts.ClassLikeDeclaration }
  | { kind: 'import' };

/**
 * One file as the session rule reads it: module bindings, the classes that store factories return
 * (`const FileStore = require('session-file-store')(session)`), and scope-aware lookup of local names.
 * Syntax only: a name is followed to its declaration, never through a type checker.
 */
export class SessionScope {
  readonly bindings: ModuleBindings;
  /** Local name → the module whose factory made it (`MemoryStore` → `memorystore`). */
  readonly factories = new Map<string, string>();
  private readonly reassigned = new Set<string>();
  /** Names passed to a call, or written through `name.x = …`: their object may change after it is built. */
  private readonly escaping = new Map<string, ts.Node[]>();
  private readonly memberWrites = new Map<string, Array<{ member: string; value: ts.Expression }>>();

  constructor(readonly sourceFile: ts.SourceFile, readonly program?: ProgramView) {
    this.bindings = ModuleBindings.of(sourceFile);
    this.collect();
  }

  /** Where an expression comes from: an import, a member of one, or the class a store factory returned (path `()`). */
  moduleOf(expression: ts.Expression): ModulePath | undefined {
    const e = unwrap(expression);
    if (ts.isIdentifier(e) && this.factories.has(e.text) && this.lookup(e).kind !== 'unknown') {
      return { module: this.factories.get(e.text) as string, path: ['()'] };
    }
    if (ts.isCallExpression(e) && e.arguments.length >= 1) {
      const factory = this.rootModule(e.expression);
      if (factory) return { module: factory, path: ['()'] };
    }
    return this.bindings.resolve(e);
  }

  /** The module when the expression is a module itself (`require('x')`, `import x from 'x'`), not a member of it. */
  rootModule(expression: ts.Expression): string | undefined {
    const e = unwrap(expression);
    const direct = requireTarget(e);
    if (direct) return direct;
    // A parameter that shadows the import (`function mount(session) { session(…) }`) is not the module.
    if (ts.isIdentifier(e) && this.lookup(e).kind === 'unknown') return undefined;
    const m = this.bindings.resolve(e);
    return m && (m.path.length === 0 || (m.path.length === 1 && m.path[0] === 'default')) ? m.module : undefined;
  }

  /** True when the expression is the module's default export or the module itself (`session`, `require('express-session')`). */
  isModule(expression: ts.Expression, modules: ReadonlySet<string>): boolean {
    const m = this.rootModule(expression);
    return m !== undefined && modules.has(m);
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

  private refine(found: Declaration & { declarationName?: string }, name: string): Declaration {
    if (found.kind === 'value' && this.reassigned.has(name)) return { kind: 'unknown' };
    if (found.kind === 'value' && this.bindings.names.has(name) && requireRoot(found.initializer)) return { kind: 'import' };
    return found;
  }

  private collect(): void {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const init = unwrap(node.initializer);
        if (ts.isCallExpression(init) && init.arguments.length >= 1) {
          const factory = this.rootModule(init.expression);
          if (factory) this.factories.set(node.name.text, factory);
        }
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = unwrap(node.left);
        if (ts.isIdentifier(left)) this.reassigned.add(left.text);
        else if (ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression)) {
          const list = this.memberWrites.get(left.expression.text) ?? [];
          list.push({ member: left.name.text, value: node.right });
          this.memberWrites.set(left.expression.text, list);
        } else if (ts.isElementAccessExpression(left) && ts.isIdentifier(left.expression)) this.escape(left.expression.text, node);
      } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const arg of node.arguments ?? []) {
          const a = unwrap(arg);
          if (ts.isIdentifier(a)) this.escape(a.text, node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
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
