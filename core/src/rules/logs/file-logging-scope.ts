import ts = require('typescript');
import type { EditFix } from '../../fixes/types';
import { ModuleBindings, dottedName, isExport, unwrap, type ModulePath } from '../../js/modules';
import { FileScope } from '../../js/scope';
import type { ProgramView } from '../../program/types';

/** What one detector found: the rule turns it into a report. */
export interface LogFinding {
  messageId: string;
  data: Record<string, string>;
  start: number;
  end: number;
  identity: string;
  fix?: EditFix;
}

/** Modules that are the same thing under another name, for matching: `node:fs`, `fs/promises`, `fs-extra`… */
const MODULE_ALIASES: Record<string, string> = {
  'fs/promises': 'fs',
  'fs-extra': 'fs',
  'graceful-fs': 'fs',
  // koa-morgan wraps morgan with the same (format, options) signature.
  'koa-morgan': 'morgan',
};

/**
 * The file as the detectors see it: the file's names (`FileScope`, shared with every rule: declarations,
 * references, calls, `new` expressions and object literals from one walk), with where each name comes from
 * normalised so `import { pino } from 'pino'`, `pino.default` and `node:fs/promises` compare equal, and the
 * global `console.Console` under its local aliases.
 */
export class Scope {
  readonly file: FileScope;
  readonly bindings: ModuleBindings;
  readonly calls: readonly ts.CallExpression[];
  readonly news: readonly ts.NewExpression[];
  readonly objects: readonly ts.ObjectLiteralExpression[];
  /** Local names for the global `console.Console` (`const { Console } = console`, `const C = console.Console`). */
  private readonly consoleAliases = new Set<string>();

  constructor(readonly sourceFile: ts.SourceFile, readonly text: string, readonly program?: ProgramView) {
    this.file = FileScope.of(sourceFile);
    this.bindings = this.file.bindings;
    this.calls = this.file.calls;
    this.news = this.file.news;
    this.objects = this.file.objects;
    for (const d of this.file.declarations) this.declaration(d);
  }

  /** Where an expression comes from, normalised: `{ module: 'fs', path: ['appendFile'] }`. */
  resolve(expression: ts.Expression): ModulePath | undefined {
    const e = unwrap(expression);
    const found = this.bindings.resolve(e) ?? this.globalConsole(e);
    return found && normalize(found);
  }

  /** True when the expression is `module` + exactly `path`. */
  is(expression: ts.Expression, module: string, ...path: string[]): boolean {
    return isExport(this.resolve(expression), module, path);
  }

  /** The `const x = …` declaration of a local name (the first one), for following a value to where it is made. */
  declarationOf(name: string): ts.VariableDeclaration | undefined {
    return this.file.declarationOf(name);
  }

  /** The initialiser behind an identifier, followed through `const a = b` chains (a few steps at most). */
  valueOf(expression: ts.Expression, depth = 0): ts.Expression {
    const e = unwrap(expression);
    if (depth > 4 || !ts.isIdentifier(e)) return e;
    const init = this.file.declarationOf(e.text)?.initializer;
    return init ? this.valueOf(init, depth + 1) : e;
  }

  /** Every place a name is used as a value (declarations and property names excluded). */
  referencesOf(name: string): readonly ts.Identifier[] {
    return this.file.referencesOf(name);
  }

  /** The way this file spells `winston.transports.Console`, from the bindings it has; undefined when it has none. */
  winstonConsole(): string | undefined {
    const names = [...this.bindings.names.keys()];
    const find = (...path: string[]) => names.find((n) => this.isName(n, 'winston', path));
    const direct = find('transports', 'Console');
    if (direct) return direct;
    const transports = find('transports');
    if (transports) return `${transports}.Console`;
    const winston = find();
    return winston ? `${winston}.transports.Console` : undefined;
  }

  nodeText(node: ts.Node): string {
    return this.text.slice(node.getStart(this.sourceFile), node.getEnd());
  }

  private isName(name: string, module: string, path: string[]): boolean {
    const found = this.bindings.names.get(name);
    const r = found && normalize(found);
    return r !== undefined && r.module === module && r.path.join('.') === path.join('.');
  }

  private declaration(node: ts.VariableDeclaration): void {
    const init = node.initializer && unwrap(node.initializer);
    if (ts.isIdentifier(node.name)) {
      if (init && dottedName(init) === 'console.Console') this.consoleAliases.add(node.name.text);
    } else if (ts.isObjectBindingPattern(node.name) && init && ts.isIdentifier(init) && init.text === 'console') {
      for (const el of node.name.elements) {
        const key = el.propertyName ?? el.name;
        if (ts.isIdentifier(key) && key.text === 'Console' && ts.isIdentifier(el.name)) this.consoleAliases.add(el.name.text);
      }
    }
  }

  /** `console.Console` and its local aliases, when `console` is the global (no import rebinds it). */
  private globalConsole(e: ts.Expression): ModulePath | undefined {
    if (this.bindings.names.has('console')) return undefined;
    if (ts.isIdentifier(e) && this.consoleAliases.has(e.text)) return { module: 'console', path: ['Console'] };
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'console') {
      return { module: 'console', path: [e.name.text] };
    }
    return undefined;
  }
}

/** `node:fs/promises` → `fs`; a leading `default`, and a library's export of itself, dropped from the path. */
function normalize(found: ModulePath): ModulePath {
  let module = found.module.replace(/^node:/, '');
  module = MODULE_ALIASES[module] ?? module;
  let path = found.path;
  if (path[0] === 'default') path = path.slice(1);
  if (module === 'fs' && path[0] === 'promises') path = path.slice(1);
  // Libraries that export themselves under their own name as well: `import { pino } from 'pino'`.
  if (SELF_EXPORTS[module] !== undefined && path[0] === SELF_EXPORTS[module]) path = path.slice(1);
  return { module, path };
}

const SELF_EXPORTS: Record<string, string> = { pino: 'pino', 'sonic-boom': 'SonicBoom', 'winston-daily-rotate-file': 'DailyRotateFile' };

/** A string's value when the expression is a plain literal (`'x'`, `` `x` ``), else undefined. */
export function literalText(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  const e = unwrap(node);
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;
}

/** The name of a property as written: `a`, `'a'`, `"a"`. */
export function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined;
  return ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined;
}

/** The property assignment of an object literal by name (the whole `key: value` node). */
export function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(p) === name);
}

/** Short source text for messages: one line, at most 60 characters. */
export function shortText(scope: Scope, node: ts.Node): string {
  const literal = ts.isExpression(node) ? literalText(node) : undefined;
  const raw = literal ?? scope.nodeText(node).replace(/\s+/g, ' ');
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

/** The value of a property node: its initialiser, or the name of a shorthand property (`{ stream }`). */
export function valueOfProperty(p: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!p) return undefined;
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** Climbs over `(…)`, `as`, `<T>…`, `satisfies` and `!` to the node that holds an expression (the file for the file). */
export function holder(node: ts.Node): ts.Node {
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p))) p = p.parent;
  return p ?? node;
}
