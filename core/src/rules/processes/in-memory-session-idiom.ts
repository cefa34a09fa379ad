import ts = require('typescript');
import { requireTarget, unwrap } from '../../js/modules';
import { requireRoot } from './in-memory-session-scope';

/** How the file writes its imports: ES `import` or CommonJS `require`, which quote, semicolons, line ends. */
export interface Idiom {
  esm: boolean;
  quote: string;
  semi: string;
  eol: string;
  /**
   * How the file imports express-session, so connect-pg-simple (also `export =`) is imported alike: a default
   * import needs `esModuleInterop`, `import * as` (Nest) and `import x = require()` work without it.
   */
  cjsImport: 'default' | 'namespace' | 'equals';
}

/** The top-level statement that holds an offset. */
export function topLevelStatement(sf: ts.SourceFile, offset: number): ts.Statement | undefined {
  return sf.statements.find((s) => s.getStart(sf) <= offset && offset < s.getEnd());
}

/** After the last import, `require` or `'use strict'` above the statement the options are in. */
export function insertionPoint(sf: ts.SourceFile, anchor: ts.Statement | undefined): { offset: number; afterImport: boolean } {
  let last: ts.Statement | undefined;
  for (const s of sf.statements) {
    if (s === anchor) break;
    if (isImportLike(s)) last = s;
  }
  if (last) return { offset: last.getEnd(), afterImport: true };
  const first = sf.statements[0];
  return { offset: first ? first.getStart(sf) : sf.getEnd(), afterImport: false };
}

function isImportLike(s: ts.Statement): boolean {
  if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) return true;
  if (ts.isExpressionStatement(s)) {
    if (ts.isStringLiteral(s.expression)) return true; // 'use strict'
    return requireChainRoot(s.expression) !== undefined;
  }
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.every((d) => d.initializer !== undefined && requireChainRoot(d.initializer) !== undefined);
  return false;
}

/** `require('x')`, `require('x').y`, `require('x')(session)`, `require('dotenv').config()`. */
function requireChainRoot(expression: ts.Expression): string | undefined {
  let e = unwrap(expression);
  for (;;) {
    const target = requireTarget(e) ?? requireRoot(e);
    if (target) return target;
    if (ts.isCallExpression(e)) e = unwrap(e.expression);
    else if (ts.isPropertyAccessExpression(e)) e = unwrap(e.expression);
    else return undefined;
  }
}

export function idiomOf(sf: ts.SourceFile, text: string): Idiom {
  const imports = sf.statements.filter((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s));
  const requires = sf.statements.filter((s) => !ts.isImportDeclaration(s) && isImportLike(s) && !(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)));
  const esm = imports.length > 0 ? true : requires.length > 0 ? false : /\.(m?tsx?|mjs)$/i.test(sf.fileName);
  const spec = firstSpecifier(sf);
  const quote = spec ? text.charAt(spec.getStart(sf)) : "'";
  const lastImport = [...imports, ...requires].sort((a, b) => b.getEnd() - a.getEnd())[0];
  const semi = lastImport ? (text.charAt(lastImport.getEnd() - 1) === ';' ? ';' : '') : ';';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let cjsImport: Idiom['cjsImport'] = 'default';
  for (const s of sf.statements) {
    if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference) && ts.isStringLiteral(s.moduleReference.expression) &&
        s.moduleReference.expression.text === 'express-session') cjsImport = 'equals';
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === 'express-session' &&
        s.importClause?.namedBindings !== undefined && ts.isNamespaceImport(s.importClause.namedBindings)) cjsImport = 'namespace';
  }
  return { esm, quote: quote === '"' || quote === "'" ? quote : "'", semi, eol, cjsImport };
}

function firstSpecifier(sf: ts.SourceFile): ts.StringLiteralLike | undefined {
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) return s.moduleSpecifier;
    let found: ts.StringLiteralLike | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n) && requireTarget(n)) found = n.arguments[0] as ts.StringLiteralLike;
      else ts.forEachChild(n, visit);
    };
    if (ts.isVariableStatement(s)) visit(s);
    if (found) return found;
  }
  return undefined;
}

/** Names the fix introduces, kept clear of every identifier the file already uses. */
export class Names {
  private readonly used = new Set<string>();

  constructor(sf: ts.SourceFile) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) this.used.add(n.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  take(wanted: string, alternative?: string): string {
    let name = wanted;
    if (this.used.has(name) && alternative && !this.used.has(alternative)) name = alternative;
    for (let i = 2; this.used.has(name); i++) name = `${wanted}${i}`;
    this.used.add(name);
    return name;
  }
}
