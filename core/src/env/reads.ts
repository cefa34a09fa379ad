import ts = require('typescript');
import { envObject, type EnvVia } from '../js/envReads';
import { unwrap } from '../js/modules';
import { StatementMemo } from '../js/statements';
import { lineLocalTest } from '../lineChunks';

/**
 * Where JavaScript and TypeScript read environment variables, from the syntax tree: `process.env.X`,
 * `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, destructuring from any of them (renamed and
 * defaulted too), and the same through a local alias (`const env = process.env`, `const { env } = process`,
 * `import { env } from 'node:process'`).
 */

export interface EnvReadSite {
  name: string;
  /** The name as written (property, string contents, or destructured key). */
  start: number;
  end: number;
  /** The whole access (`process.env.X`) or the binding element. */
  exprStart: number;
  exprEnd: number;
  /** How it is read: the JS env objects, or Python's and Go's (`env library`: django-environ, environs, decouple). */
  via: EnvVia | 'os.environ' | 'os.getenv' | 'os.Getenv' | 'env library';
  /** `process.env.X = …`, `delete process.env.X`: the code sets the variable rather than reading it. */
  write: boolean;
  /**
   * `dotenv.config({ path: process.env.X })`: the variable says where the `.env` file is, so it is set before
   * any `.env` is read and cannot be declared in one.
   */
  locatesEnvFile?: boolean;
  /**
   * The variables read before this one in its fallback chain (`process.env.A || process.env.B`, Python's
   * `os.getenv('A') or os.getenv('B')`: `A` for `B`), which the code prefers: this one is read only when they are unset.
   */
  fallbackOf?: string[];
}

export interface EnvReads {
  reads: EnvReadSite[];
  /**
   * The env object is used whole (`cleanEnv(process.env, …)`, `{ ...process.env }`, `process.env[name]`):
   * which variables the module reads cannot be told from its accesses.
   */
  dynamic: boolean;
}

type Via = EnvVia;

function nameOf(node: ts.PropertyName | ts.BindingName): ts.Identifier | ts.StringLiteralLike | undefined {
  if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) return node;
  if (ts.isComputedPropertyName(node) && ts.isStringLiteralLike(node.expression)) return node.expression;
  return undefined;
}

function isAssignmentTarget(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isDeleteExpression(p)) return true;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** `config({ path: <read> })` of dotenv (`dotenv.config`, `configDotenv`, `require('dotenv').config`). */
function isEnvFilePath(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isPropertyAssignment(p) || p.initializer !== n || !ts.isIdentifier(p.name) || p.name.text !== 'path') return false;
  const call = p.parent.parent;
  if (!ts.isCallExpression(call)) return false;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 'config' || name === 'configDotenv';
}

/** Per syntax tree: a rule and the program index's summary read the same tree's env reads on every keystroke. */
const readsCache = new WeakMap<ts.SourceFile, EnvReads>();

export function findEnvReads(sf: ts.SourceFile): EnvReads {
  let found = readsCache.get(sf);
  if (!found) {
    found = collectEnvReads(sf);
    readsCache.set(sf, found);
  }
  // Copies: a caller may sort or filter the list without changing the next caller's.
  return { reads: found.reads.map((r) => ({ ...r })), dynamic: found.dynamic };
}

/**
 * What one top-level statement reads, kept across versions of the tree (like `StatementMemo`): a keystroke walks
 * the statement it touched again, not the file. The aliases declared before a statement (`const e = process.env`)
 * decide what it reads, so they are the entry's key, and the aliases after it are kept for the next statement.
 */
interface StatementReads {
  pos: number;
  aliasesBefore: string;
  aliasesAfter: ReadonlyMap<string, Via>;
  reads: EnvReadSite[];
  dynamic: boolean;
  /** The string constants of the file (`const NAME = 'X'`) its `process.env[NAME]` reads named, with their values then. */
  constants: ReadonlyMap<string, string | undefined>;
}
const statementReads = new WeakMap<ts.Statement, StatementReads>();

function collectEnvReads(sf: ts.SourceFile): EnvReads {
  const out: EnvReads = { reads: [], dynamic: false };
  let aliases: ReadonlyMap<string, Via> = new Map();
  let constants: Map<string, string> | undefined;
  /** `const NAME = 'X'` anywhere in the file, for `process.env[NAME]`: read once, when such an access is met. */
  const constantOf = (name: string): string | undefined => (constants ??= stringConstants(sf)).get(name);
  for (const statement of sf.statements) {
    const key = aliases.size === 0 ? '' : JSON.stringify([...aliases].sort());
    let entry = statementReads.get(statement);
    // A constant the statement's reads named may have changed in another statement.
    const stale = (e: StatementReads) => [...e.constants].some(([name, value]) => constantOf(name) !== value);
    if (!entry || entry.aliasesBefore !== key || (entry.constants.size > 0 && stale(entry))) {
      const after = new Map(aliases);
      const used = new Map<string, string | undefined>();
      const found = readsIn(sf, statement, after, (name) => {
        const value = constantOf(name);
        used.set(name, value);
        return value;
      });
      entry = { pos: statement.pos, aliasesBefore: key, aliasesAfter: after, ...found, constants: used };
      statementReads.set(statement, entry);
    }
    // A statement the incremental parser reused has moved by as much as the edit before it.
    const delta = statement.pos - entry.pos;
    for (const r of entry.reads) out.reads.push(delta === 0 ? r : { ...r, start: r.start + delta, end: r.end + delta, exprStart: r.exprStart + delta, exprEnd: r.exprEnd + delta });
    out.dynamic ||= entry.dynamic;
    aliases = entry.aliasesAfter;
  }
  return out;
}

/** The reads under one statement; `aliases` holds those declared before it and gains the ones it declares. */
function readsIn(sf: ts.SourceFile, root: ts.Statement, aliases: Map<string, Via>, constantOf: (name: string) => string | undefined): EnvReads {
  const out: EnvReads = { reads: [], dynamic: false };
  // `process.env.A || process.env.B`: the reads that are operands of one fallback chain, by the chain.
  const chains = new Map<ts.Node, EnvReadSite[]>();
  const push = (name: ts.Identifier | ts.StringLiteralLike, expr: ts.Node, via: Via, write = false, value = name.text) => {
    const literal = !ts.isIdentifier(name);
    const start = name.getStart(sf) + (literal ? 1 : 0);
    const end = literal ? start + name.text.length : name.getEnd();
    const site: EnvReadSite = { name: value, start, end, exprStart: expr.getStart(sf), exprEnd: expr.getEnd(), via, write };
    if (!write && isEnvFilePath(expr)) site.locatesEnvFile = true;
    out.reads.push(site);
    const chain = write ? undefined : fallbackChain(expr);
    if (chain) chains.set(chain, [...(chains.get(chain) ?? []), site]);
  };
  const destructure = (pattern: ts.ObjectBindingPattern, via: Via) => {
    for (const el of pattern.elements) {
      if (el.dotDotDotToken) {
        out.dynamic = true;
        continue;
      }
      const key = nameOf(el.propertyName ?? el.name);
      if (key) push(key, el, via);
      else out.dynamic = true;
    }
  };
  // Where an env object (or an alias of one) stands, what is done with it decides what it reads.
  const use = (node: ts.Expression, via: Via): void => {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      // `process.env.hasOwnProperty('X')`: a method of the object, not a variable (the scaffold's reads agree).
      if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return;
      if (ts.isIdentifier(parent.name)) push(parent.name, parent, via, isAssignmentTarget(parent));
    } else if (ts.isElementAccessExpression(parent) && parent.expression === node) {
      const arg = unwrap(parent.argumentExpression);
      const constant = ts.isIdentifier(arg) ? constantOf(arg.text) : undefined;
      if (ts.isStringLiteralLike(arg)) push(arg, parent, via, isAssignmentTarget(parent));
      else if (constant !== undefined && ts.isIdentifier(arg)) push(arg, parent, via, isAssignmentTarget(parent), constant);
      else out.dynamic = true;
    } else if (ts.isVariableDeclaration(parent) && parent.initializer && unwrap(parent.initializer) === node) {
      if (ts.isObjectBindingPattern(parent.name)) destructure(parent.name, via);
      else if (ts.isIdentifier(parent.name)) aliases.set(parent.name.text, via);
      else out.dynamic = true;
    } else if (ts.isParameter(parent) && parent.initializer && unwrap(parent.initializer) === node && ts.isIdentifier(parent.name)) {
      // `function loadConfig(env = process.env)`: the parameter is the env object.
      aliases.set(parent.name.text, via);
    } else if (!(ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))) {
      out.dynamic = true;
    } else use(parent, via);
  };
  const visit = (node: ts.Node): void => {
    const via = envObject(node);
    if (via) {
      use(node as ts.Expression, via);
      return; // `process.env` has no children worth visiting
    }
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      // `const { env } = process` and `const { env: e } = process`
      const init = unwrap(node.initializer);
      if (ts.isIdentifier(init) && init.text === 'process') {
        for (const el of node.name.elements) {
          const key = nameOf(el.propertyName ?? el.name);
          if (key?.text === 'env' && ts.isIdentifier(el.name)) aliases.set(el.name.text, 'process.env');
          else if (key?.text === 'env' && ts.isObjectBindingPattern(el.name)) destructure(el.name, 'process.env');
        }
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(node:)?process$/.test(node.moduleSpecifier.text)) {
      // `import { env } from 'node:process'`, `import { env as e } from 'process'`
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const el of named.elements) if ((el.propertyName ?? el.name).text === 'env') aliases.set(el.name.text, 'process.env');
      return;
    }
    if (ts.isIdentifier(node) && aliases.size > 0 && aliases.has(node.text) && isAliasUse(node)) {
      use(node, aliases.get(node.text) as Via);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  for (const sites of chains.values()) {
    sites.forEach((r, k) => {
      const before = [...new Set(sites.slice(0, k).map((s) => s.name))].filter((n) => n !== r.name);
      if (before.length > 0) r.fallbackOf = before;
    });
  }
  return out;
}

/**
 * The `||`/`??` chain whose operand the access is (`process.env.A || process.env.B || 'd'`), through parentheses
 * and non-null assertions: an access inside an operand (a call's argument) belongs to no chain.
 */
function fallbackChain(expr: ts.Node): ts.Node | undefined {
  let n = expr;
  let chain: ts.Node | undefined;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) n = chain = p;
    else return chain;
  }
}

/** `const NAME = 'X'` (a string or a template without substitutions), by name, anywhere in the file. */
function stringConstants(sf: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      const init = unwrap(node.initializer);
      if (ts.isStringLiteralLike(init)) found.set(node.name.text, init.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** An identifier that is an alias's value, not its declaration or a property name that happens to match. */
function isAliasUse(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && p.name === node) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (ts.isPropertyAssignment(p) && p.name === node) return false;
  if (ts.isBindingElement(p) || ts.isParameter(p) || ts.isImportSpecifier(p)) return false;
  if (ts.isShorthandPropertyAssignment(p)) return false;
  return true;
}

const ENV_LIBRARIES = /(['"])(env-var|envalid|@t3-oss\/env-[\w-]+|convict|znv|@sindresorhus\/env)\1/;
/** An env library's name in quotes: within one line, so kept per run of lines across keystrokes (`FileContext.lineLocal`). */
export const LOADS_ENV_LIBRARY = lineLocalTest(ENV_LIBRARIES);
const MENTION = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{3,}$/;

/**
 * What a module tells the others about the variables it uses: `env-read:NAME` for each read (or write),
 * and where the env object is used whole or through an env library, `env-mention:NAME` for every
 * SCREAMING_SNAKE name the module writes down (`cleanEnv(process.env, { PORT: port() })` reads PORT).
 */
export function envFacts(sf: ts.SourceFile, loadsEnvLibrary = (): boolean => ENV_LIBRARIES.test(sf.text)): string[] {
  const { reads, dynamic } = findEnvReads(sf);
  const facts = new Set(reads.map((r) => `env-read:${r.name}`));
  if (dynamic || loadsEnvLibrary()) for (const name of mentions.of(sf)) facts.add(`env-mention:${name}`);
  return [...facts];
}

/** The SCREAMING_SNAKE names each top-level statement writes down (a keystroke walks only the one it touched). */
const mentions = new StatementMemo<string>((statement) => {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isStringLiteralLike(node)) && MENTION.test(node.text)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return names;
}, (name) => name);

// An env object (`process.env`, `import.meta.env`, `Bun.env`) and what follows it.
const ENV_OBJECT = /\b(?:process|Bun|import\s*\.\s*meta)\s*\.\s*env\b/g;
const SIMPLE_READ = /^\s*(?:\?\.\s*|\.\s*)([A-Za-z_$][\w$]*)|^\s*(?:\?\.\s*)?\[\s*(['"`])([^'"`\\]+)\2\s*\]/;
// Ways to reach the env object that only the syntax tree follows: `const { env } = process`, an import of
// `process`, `const e = process.env`, destructuring from it.
const ALIASING = /\}\s*=\s*process\b(?!\s*\.)|['"](?:node:)?process['"]|=\s*(?:process|Bun|import\s*\.\s*meta)\s*\.\s*env\s*(?:[;,)\n]|$)|\}\s*=\s*(?:process|Bun|import\s*\.\s*meta)\s*\.\s*env\b/;

/**
 * `envFacts` without a parse when the text allows it: where every use of the env object is a plain member
 * read (`process.env.X`, `process.env['X']`) and nothing aliases it, the reads are what a regular expression
 * sees. Most modules that touch the environment are like that, and the program index summarises every one of
 * them. The text also sees reads inside comments and strings: a superset, which can only keep
 * `env/unused-declaration` (a hint) from reporting a variable. Undefined when the tree must decide.
 */
export function envFactsFromText(text: string): string[] | undefined {
  if (ENV_LIBRARIES.test(text)) return undefined;
  // Every form the tree reads (`process.env`, `{ env } = process`, `import { env }`) has the word `env`.
  if (!/\benv\b/.test(text)) return [];
  if (ALIASING.test(text)) return undefined;
  const facts = new Set<string>();
  for (const m of text.matchAll(ENV_OBJECT)) {
    const read = SIMPLE_READ.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 200));
    if (!read) return undefined;
    facts.add(`env-read:${read[1] ?? read[3]}`);
  }
  return [...facts];
}

/** The variable whose name is under the cursor in `process.env.X` (and the other forms), for hover and definition. */
export function envReadAt(source: string | ts.SourceFile, offset: number, fileName = 'file.tsx'): { name: string; start: number; end: number } | undefined {
  try {
    const sf = typeof source === 'string' ? ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, /\.[cm]?js$/i.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TSX) : source;
    const { reads } = findEnvReads(sf);
    const hit = reads.find((r) => offset >= r.start && offset <= r.end) ?? reads.find((r) => offset >= r.exprStart && offset < r.exprEnd);
    return hit ? { name: hit.name, start: hit.start, end: hit.end } : undefined;
  } catch {
    return undefined;
  }
}
