import * as ts from 'typescript';
import { findEnvReads } from '../env/reads';
import { dottedName, isEqualityOperator, unwrap } from '../js/modules';
import type { EnvType, SourceLocation } from './types';

/** What one read of a variable tells about it. */
export interface EnvUse {
  name: string;
  location: SourceLocation;
  /** A literal fallback (`|| '3000'`, `?? 3000`, a destructuring default), as text. */
  default?: string;
  /** A fallback that is not a literal (`|| config.port`): the variable is optional, its default unknown. */
  fallback?: boolean;
  /** The read tests whether the variable is set (`if (process.env.X)`, `X && …`, `X?.trim()`). */
  guarded?: boolean;
  numeric?: 'integer' | 'number';
  /** `=== 'true'` and friends: the value the variable has when it is unset. */
  boolean?: 'false-when-unset' | 'true-when-unset' | 'plain';
  url?: boolean;
  json?: boolean;
  /** String literals the value is compared with (`NODE_ENV === 'production'`). */
  compared?: string[];
  /** What a generated config module declares (`read(problems, 'PORT', env.PORT, port, …)`): taken as it is. */
  declared?: { type: EnvType; protocols?: string[]; values?: string[] };
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `'x'`, `` `x` ``, `3000`, `-1`, `true` → their text; anything else → undefined. */
export function literalText(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)) return e.text;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (e.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return `-${e.operand.text}`;
  return undefined;
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
}

/**
 * Every read of an environment variable in one file, as `findEnvReads` finds them (`core/src/env/reads.ts`, the
 * one answer the rules and the program index give too): `process.env.X`, `process.env['X']`,
 * `process.env[NAME]` with `const NAME = 'X'` in the file, destructuring (`const { X = 'd' } = process.env`),
 * aliases of the env object, and `import.meta.env.X`. Each read carries what the expression around it says: the
 * fallback, a `Number()`/`parseInt()` around it, a comparison with `'true'`, `new URL()`, a guard. A local
 * variable that holds the value (`const port = process.env.PORT`) is followed through its uses in the file.
 */
export function scanEnvUses(sf: ts.SourceFile, file = sf.fileName): EnvUse[] {
  let identifiers: Map<string, ts.Identifier[]> | undefined;
  const uses: EnvUse[] = [];
  const locate = (node: ts.Node): SourceLocation => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { file, line: line + 1, column: character + 1 };
  };
  /** Follows a local that holds the value through its uses in the file (`port` → `Number(port)`), two levels deep. */
  const follow = (use: EnvUse, local: ts.Identifier | undefined, depth: number): void => {
    if (!local || depth > 1) return;
    identifiers ??= identifiersOf(sf);
    for (const ref of identifiers.get(local.text) ?? []) {
      if (ref === local || !isValueReference(ref)) continue;
      follow(use, localOf(climb(ref, use)), depth + 1);
    }
  };
  for (const read of findEnvReads(sf).reads) {
    if (read.write || !ENV_NAME.test(read.name)) continue;
    const node = accessAt(sf, read.exprStart, read.exprEnd);
    if (!node) continue;
    const use: EnvUse = { name: read.name, location: locate(node) };
    if (ts.isBindingElement(node)) {
      if (node.initializer) {
        const lit = literalText(node.initializer);
        if (lit !== undefined) use.default = lit;
        else use.fallback = true;
      }
      follow(use, ts.isIdentifier(node.name) ? node.name : undefined, 0);
    } else follow(use, localOf(climb(node, use)), 0);
    uses.push(use);
  }
  return uses;
}

/** The access (`process.env.X`, `env['X']`) or binding element a read site spans. */
function accessAt(sf: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.getEnd() < end || node.pos > start) return;
    if (node.getStart(sf) === start && node.getEnd() === end && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isBindingElement(node))) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every identifier of the file by name, for following a local's uses. */
function identifiersOf(sf: ts.SourceFile): Map<string, ts.Identifier[]> {
  const identifiers = new Map<string, ts.Identifier[]>();
  const collect = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const list = identifiers.get(node.text);
      if (list) list.push(node);
      else identifiers.set(node.text, [node]);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  return identifiers;
}

/** `const port = <value>`: the local the value is stored in. */
function localOf(top: ts.Node): ts.Identifier | undefined {
  const decl = top.parent;
  return decl && ts.isVariableDeclaration(decl) && decl.initializer === top && ts.isIdentifier(decl.name) ? decl.name : undefined;
}

/** An identifier that reads a local's value (not a declaration, property name or key). */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && (p.name === id || p.propertyName === id)) return false;
  if (ts.isVariableDeclaration(p) && p.name === id) return false;
  if (ts.isParameter(p) && p.name === id) return false;
  if (ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p)) return false;
  return true;
}

/**
 * Walks up from a read through what transforms the value (parentheses, fallbacks, `Number()`, `.trim()`)
 * and records what each step says; returns the outermost expression that still is the value.
 */
function climb(start: ts.Node, use: EnvUse): ts.Node {
  let n: ts.Node = start;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p)) {
      n = p;
      continue;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if ((op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) && p.left === n) {
        const lit = literalText(p.right);
        if (lit !== undefined) use.default ??= lit;
        else use.fallback = true;
        n = p;
        continue;
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && p.left === n) {
        use.guarded = true;
        return n;
      }
      if (isEqualityOperator(op)) {
        const other = p.left === n ? p.right : p.left;
        const lit = literalText(other);
        const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
        if (lit !== undefined) {
          const word = lit.toLowerCase();
          // Unset compares unequal to any word: `=== 'true'` and `=== 'false'` are false, `!==` true.
          if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) use.boolean ??= negated ? 'true-when-unset' : 'false-when-unset';
          else (use.compared ??= []).push(lit);
        } else if (ts.isIdentifier(unwrap(other)) && (unwrap(other) as ts.Identifier).text === 'undefined') use.guarded = true;
        return n;
      }
      return n;
    }
    if (ts.isCallExpression(p) && p.arguments[2] === n && dottedName(p.expression) === 'read') {
      readDeclaration(p, use);
      return n;
    }
    if (ts.isCallExpression(p) && p.arguments[0] === n) {
      const callee = dottedName(p.expression);
      if (callee === 'parseInt' || callee === 'Number.parseInt') use.numeric ??= 'integer';
      else if (callee === 'parseFloat' || callee === 'Number.parseFloat') use.numeric = 'number';
      else if (callee === 'Number') use.numeric ??= 'integer';
      else if (callee === 'Boolean') use.boolean ??= 'plain';
      else if (callee === 'JSON.parse') use.json = true;
      else return n;
      n = p;
      continue;
    }
    if (ts.isNewExpression(p) && p.arguments?.[0] === n) {
      if (dottedName(p.expression) === 'URL') use.url = true;
      return n;
    }
    if (ts.isPrefixUnaryExpression(p)) {
      if (p.operator === ts.SyntaxKind.PlusToken) {
        use.numeric ??= 'integer';
        n = p;
        continue;
      }
      if (p.operator === ts.SyntaxKind.ExclamationToken) {
        use.guarded = true;
        if (ts.isPrefixUnaryExpression(p.parent) && p.parent.operator === ts.SyntaxKind.ExclamationToken) use.boolean ??= 'plain';
      }
      return n;
    }
    if (ts.isPropertyAccessExpression(p) && p.expression === n) {
      if (p.questionDotToken) use.guarded = true;
      const call = p.parent;
      if (ts.isCallExpression(call) && call.expression === p && /^(trim|toLowerCase|toUpperCase|trimStart|trimEnd)$/.test(p.name.text)) {
        n = call;
        continue;
      }
      return n;
    }
    if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === n) use.guarded = true;
    if (ts.isConditionalExpression(p) && p.condition === n) use.guarded = true;
    return n;
  }
}

const DECLARED: Record<string, EnvType> = {
  text: 'string', url: 'url', port: 'port', integer: 'integer', decimal: 'number', flag: 'boolean', email: 'email', oneOf: 'enum', json: 'json',
};

/**
 * `read(problems, 'PORT', env.PORT, port, { fallback: '3000' })` — the shape the config-module scaffold writes:
 * its converter and options say the type, default and whether the variable is required, so scaffolding
 * `.env.example` again after adopting the module gives the same result.
 */
function readDeclaration(call: ts.CallExpression, use: EnvUse): void {
  const convert = call.arguments[3] && unwrap(call.arguments[3]);
  const fn = convert && (ts.isCallExpression(convert) ? dottedName(convert.expression) : dottedName(convert));
  const type = fn ? DECLARED[fn] : undefined;
  if (!type) return;
  const declared: NonNullable<EnvUse['declared']> = { type };
  if (ts.isCallExpression(convert) && convert.arguments[0] && ts.isArrayLiteralExpression(unwrap(convert.arguments[0]))) {
    const items = (unwrap(convert.arguments[0]) as ts.ArrayLiteralExpression).elements.map((e) => literalText(e)).filter((t): t is string => t !== undefined);
    if (type === 'url') declared.protocols = items;
    if (type === 'enum') declared.values = items;
  }
  use.declared = declared;
  const options = call.arguments[4] && unwrap(call.arguments[4]);
  let required = false;
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const prop of options.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
      if (prop.name.text === 'fallback') {
        const lit = literalText(prop.initializer);
        if (lit !== undefined) use.default = lit;
      }
      if (prop.name.text === 'required' && prop.initializer.kind === ts.SyntaxKind.TrueKeyword) required = true;
    }
  }
  if (!required && use.default === undefined) use.guarded = true;
}

export { inferEnvReads, isPlatformVariable, isSecretName } from './env-infer';
