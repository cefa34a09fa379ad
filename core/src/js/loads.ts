import { builtinModules } from '../lazyModules';
import ts = require('typescript');
import { specifiersInText } from './modules';

/**
 * Which packages a JavaScript/TypeScript file loads when it runs: the specifiers of value imports,
 * re-exports, `require`, `import()` and `require.resolve`, never type-only ones nor loads the code expects
 * to fail (`try { require('fsevents') } catch {}`). The dependency rule asks which of them a manifest
 * declares; the SIGTERM rule asks whether the file loads a package a production install omits.
 */

let BUILTINS: ReadonlySet<string> | undefined;
/** Scopes that frameworks resolve themselves (Docusaurus theme and site aliases). */
const VIRTUAL_SCOPES = /^@(theme|theme-original|theme-init|site|generated)$/;
/** A valid npm package name (old packages may use capitals). */
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** A bare specifier's package: `lodash/merge` → `lodash`, `@scope/pkg/x` → `@scope/pkg`; undefined when it names no package. */
export function packageOf(specifier: string): string | undefined {
  const s = specifier.replace(/[?#].*$/, '');
  if (s === '' || s.startsWith('.') || s.startsWith('/') || specifier.startsWith('#') || s.includes(':') || /^[a-z]:\\/i.test(s)) return undefined;
  const parts = s.split('/');
  const name = s.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (!PACKAGE_NAME.test(name) || (name.startsWith('@') && parts.length < 2)) return undefined;
  BUILTINS ??= new Set(builtinModules());
  if (BUILTINS.has(name) || BUILTINS.has(s) || name === 'bun') return undefined;
  if (name.startsWith('@') && VIRTUAL_SCOPES.test(parts[0])) return undefined;
  return name;
}

/**
 * The runtime module specifiers of a file: imports, re-exports, `require`, `import()`, `require.resolve`;
 * never type-only ones. `keepsImports`: the tsconfig makes TypeScript keep every import as written
 * (`verbatimModuleSyntax`, `preserveValueImports`, `importsNotUsedAsValues: preserve`).
 */
export function runtimeSpecifiers(sf: ts.SourceFile, keepsImports = false): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = [];
  const uses = isTypeScript(sf.fileName) && !keepsImports ? nameUses(sf) : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!typeOnlyImport(node) && !(uses && erasedImport(node, uses))) out.push(node.moduleSpecifier);
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const allTypes = clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      if (!node.isTypeOnly && !allTypes) out.push(node.moduleSpecifier);
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      if (!node.isTypeOnly) out.push(node.moduleReference.expression);
      return;
    }
    // `declare module 'x' { … }` describes a module; it does not load it.
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return;
    if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]) && isLoader(node) && !optionalLoad(node)) {
      out.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Each package the text could import, with the specifier that names it. */
export function textSpecifiers(text: string): Array<[name: string, specifier: string]> {
  const out: Array<[string, string]> = [];
  for (const specifier of specifiersInText(text)) {
    const name = packageOf(specifier);
    if (name !== undefined) out.push([name, specifier]);
  }
  return out;
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const named = clause.namedBindings;
  // `import { type A, type B } from 'x'` is erased like `import type`.
  return named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

const isTypeScript = (file: string) => /\.[cm]?tsx?$/i.test(file) && !/\.d\.[cm]?ts$/i.test(file);

/**
 * TypeScript drops an import none of whose bindings is read as a value (`import { Request } from 'express'`
 * in a Nest controller that only annotates with it, or never uses it): nothing is loaded at run time, so
 * nothing must be installed. A side-effect import (`import 'x'`) is still judged: it was written to load.
 */
function erasedImport(node: ts.ImportDeclaration, uses: NameUses): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  const names: string[] = [];
  if (clause.name) names.push(clause.name.text);
  const bound = clause.namedBindings;
  if (bound && ts.isNamespaceImport(bound)) names.push(bound.name.text);
  if (bound && ts.isNamedImports(bound)) names.push(...bound.elements.map((e) => e.name.text));
  return names.length > 0 && names.every((n) => !uses.values.has(n));
}

interface NameUses {
  /** Identifiers read in a value position. */
  values: Set<string>;
  /** Identifiers named in a type (annotations, `implements`, interfaces, type aliases). */
  types: Set<string>;
}

function nameUses(sf: ts.SourceFile): NameUses {
  const uses: NameUses = { values: new Set(), types: new Set() };
  const imported = importedNames(sf);
  const visit = (node: ts.Node, inType: boolean): void => {
    if (ts.isImportDeclaration(node)) return;
    // A property's name (`{ Identifier() {} }`, `node.Identifier`) is not a read of the binding of that name; a
    // shorthand property (`{ Identifier }`) is. Nor is a name a nearer scope declares again (`catch (e)`,
    // `const client = …` in a method, a parameter): that reads, or declares, the local binding, not the import.
    if (ts.isIdentifier(node) && !isPropertyName(node) && !(!inType && imported.has(node.text) && shadowed(node))) (inType ? uses.types : uses.values).add(node.text);
    // `class A extends Base<T>`: the base class is a value, its type arguments are types.
    if (!inType && ts.isExpressionWithTypeArguments(node) && !isImplements(node)) {
      visit(node.expression, false);
      node.typeArguments?.forEach((t) => visit(t, true));
      return;
    }
    const typeHere = inType || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, typeHere));
  };
  visit(sf, false);
  return uses;
}

/** The local names the file's import declarations bind. */
function importedNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  for (const st of sf.statements) {
    const clause = ts.isImportDeclaration(st) ? st.importClause : undefined;
    if (!clause) continue;
    if (clause.name) out.add(clause.name.text);
    const bound = clause.namedBindings;
    if (bound && ts.isNamespaceImport(bound)) out.add(bound.name.text);
    if (bound && ts.isNamedImports(bound)) for (const e of bound.elements) out.add(e.name.text);
  }
  return out;
}

/** The names a binding pattern (or plain name) declares. */
function boundNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) boundNames(e.name, out);
  return out;
}

const declaresIn = (list: ts.VariableDeclarationList | undefined, name: string) =>
  list !== undefined && list.declarations.some((d) => boundNames(d.name).includes(name));

/** Statements that declare `name` in the scope they open: variables, functions, classes, enums. */
function statementsDeclare(statements: readonly ts.Statement[], name: string): boolean {
  return statements.some((st) =>
    (ts.isVariableStatement(st) && declaresIn(st.declarationList, name)) ||
    ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name?.text === name));
}

/**
 * True when a scope between the identifier and the module declares its name again (a parameter, a catch
 * variable, a block's `let`/`const`/`var`/function/class, a loop variable, a named function or class expression),
 * so the identifier is that local binding, not the module-level import. A `var` hoisted out of a nested block
 * is not followed: the name then counts as a use, which keeps the import.
 */
function shadowed(id: ts.Identifier): boolean {
  const name = id.text;
  for (let n: ts.Node = id.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isFunctionLike(n)) {
      if (n.parameters.some((p) => boundNames(p.name).includes(name))) return true;
      if (ts.isFunctionExpression(n) && n.name?.text === name) return true;
    } else if (ts.isCatchClause(n)) {
      if (n.variableDeclaration && boundNames(n.variableDeclaration.name).includes(name)) return true;
    } else if (ts.isBlock(n) || ts.isModuleBlock(n)) {
      if (statementsDeclare(n.statements, name)) return true;
    } else if (ts.isCaseBlock(n)) {
      if (n.clauses.some((c) => statementsDeclare(c.statements, name))) return true;
    } else if (ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n)) {
      const init = n.initializer;
      if (init && ts.isVariableDeclarationList(init) && declaresIn(init, name)) return true;
    } else if (ts.isClassExpression(n) && n.name?.text === name) return true;
  }
  return false;
}

function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  return (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) && p.name === id;
}

const isImplements = (node: ts.ExpressionWithTypeArguments) =>
  ts.isHeritageClause(node.parent) && (node.parent.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(node.parent.parent));

function isLoader(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments.length <= 2;
  if (ts.isIdentifier(callee) && callee.text === 'require') return node.arguments.length === 1;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve';
}

/** `try { require('fsevents') } catch {}`: an optional dependency loaded only when present. */
function optionalLoad(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isTryStatement(n.parent) && n.parent.tryBlock === n) return true;
    if (ts.isCatchClause(n.parent)) return false;
    // `import('x').catch(…)` and `.then(ok, fail)` also expect it to be missing.
    if (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n && /^(catch)$/.test(n.parent.name.text)) return true;
    if (ts.isSourceFile(n.parent)) return false;
  }
  return false;
}
