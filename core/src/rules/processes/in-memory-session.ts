import ts = require('typescript');
import { checkSessionGo, GO_SESSION_KEYWORDS, GO_SESSION_MESSAGES } from './in-memory-session-go';
import { checkSessionPython, PYTHON_SESSION_KEYWORDS, PYTHON_SESSION_MESSAGES } from './in-memory-session-python';
import type { FileContext } from '../../context';
import { unlessRetired } from '../../workspace/roles';
import type { FixDescriptor } from '../../fixes/types';
import { projectPath } from '../../js/commands';
import { unwrap } from '../../js/modules';
import type { ModuleFacts, Report, Rule, RuleMeta } from '../types';
import { storeFixes, type StoreEdit } from './in-memory-session-fix';
import { yarInMemory } from './in-memory-session-hapi';
import { constructionsOf, constructionsWithin, unfollowedStores } from './in-memory-session-construction';
import { importedOptionsWithoutStore, optionTags } from './in-memory-session-options-export';
import { SessionScope } from './in-memory-session-scope';
import { classifyStore, optionsOf, TAGS, type SessionOptions, type StoreVerdict } from './in-memory-session-stores';
import { iniKeywords, iniSettings } from '../../workspace/iniSettings';

export const meta: RuleMeta = {
  id: 'processes/in-memory-session',
  defaultSeverity: 'warning',
  description: 'Session state belongs in a backing service, not in the memory or on the disk of one process.',
  messages: {
    defaultMemoryStore: '{library} has no `store`, so sessions live in its MemoryStore inside this process: a restart logs everyone out and other instances never see them. Use an external store (Redis, Postgres…).',
    memoryStore: 'Sessions are kept in this process\'s memory ({store}): a restart logs everyone out and other instances never see them. Use an external store (Redis, Postgres…).',
    fileStore: 'Sessions are written to this machine\'s disk ({store}): other instances never see them and the disk of a container is thrown away. Use an external store (Redis, Postgres…).',
    fastifyNoStore: '{library} is registered without `store`, so sessions live in its MemoryStore inside this process. Give it an external store (Redis…).',
    koaStore: 'koa-session\'s `store` keeps sessions in this process ({store}): a restart logs everyone out and other instances never see them. Use an external store such as koa-redis.',
    yarMemory: '@hapi/yar keeps {which} in the server cache, which here is catbox-memory inside this process. Provision an external cache (e.g. @hapi/catbox-redis) for yar.',
    ...PYTHON_SESSION_MESSAGES,
    ...GO_SESSION_MESSAGES,
    iniSessionMemory: 'The configuration\'s `[{section}]` `{setting}` keeps sessions in this process\'s memory: a restart logs everyone out and other instances never see them. Use an external provider (redis, postgres, mysql…).',
  },
  fixable: true,
  // INI for an `app.ini`'s `[session] PROVIDER = memory` (INI_SETTINGS).
  kinds: ['js', 'python', 'go', 'properties'],
  summaryKinds: ['js'],
  // Every shape reported needs one of these modules in the file (memorystore and file stores take express-session).
  keywords: ['express-session', 'fastify-session', '@fastify/session', 'koa-session', 'koa-generic-session', "yar'", 'yar"', ...PYTHON_SESSION_KEYWORDS, ...GO_SESSION_KEYWORDS, ...iniKeywords('processes/in-memory-session')],
  // Modules that can make an in-process store another module imports (file stores take express-session too).
  // `resave`/`saveUninitialized`: session options written in a configuration module that imports no session library.
  summaryKeywords: ['express-session', 'fastify-session', '@fastify/session', 'koa-session', 'koa-generic-session', 'memorystore', 'sqlite', 'loki', 'nedb',
    'resave', 'saveuninitialized'],
};

const EXPRESS = new Set(['express-session']);
const FASTIFY = new Set(['@fastify/session', 'fastify-session']);
const KOA_SESSION = new Set(['koa-session']);
/** Koa session middlewares whose default store is a MemoryStore. */
const KOA_MEMORY_DEFAULT = new Set(['koa-generic-session', 'koa-session-minimal']);

/** Retired code (`roles.ts`: a root `old/`, `legacy/`… that no deployment reaches) runs as no process: nothing reported there. */
export function check(context: FileContext, report: (r: Report) => void): void {
  checkFile(context, unlessRetired(context, report));
}

function checkFile(context: FileContext, report: (r: Report) => void): void {
  if (context.kind === 'python') return checkSessionPython(context, report);
  if (context.kind === 'go') return checkSessionGo(context, report);
  if (context.kind === 'properties') return iniSettings(context, 'processes/in-memory-session').forEach((f) => report(f));
  const sf = context.sourceFile;
  const scope = new SessionScope(sf, context.program);
  const seen = new Set<string>();
  /** Store constructions a session() call or a followed export reaches: reported there, not where they are built. */
  const reached = new Set<ts.Node>();
  const installer = INSTALLER_DIR.test(projectPath(context));
  const emit = (messageId: string, node: ts.Node, data: Record<string, string>, fixes?: FixDescriptor[]): void => {
    if (installer && inInstallFunction(node)) return;
    const start = node.getStart(sf);
    const key = `${messageId}:${start}`;
    if (seen.has(key)) return;
    seen.add(key);
    report({ messageId, data, start, end: node.getEnd(), identity: `${messageId}:${data.store ?? data.library ?? data.which ?? ''}`, fixes: fixes && fixes.length > 0 ? fixes : undefined });
  };

  // express-session and @fastify/session share options and stores (fastify's are connect-compatible).
  const connectStyle = (call: ts.CallExpression, framework: 'express' | 'fastify', optionsArg: ts.Expression | undefined, anchor: ts.Node, library: string): void => {
    const options = optionsOf(scope, optionsArg, call);
    if (options.kind === 'object') constructionsOf(scope, options.store?.value, reached);
    constructionsWithin(call, reached);
    if (options.kind === 'unknown' && importedOptionsWithoutStore(scope, optionsArg) && optionsArg) {
      emit(framework === 'fastify' ? 'fastifyNoStore' : 'defaultMemoryStore', optionsArg, { library });
      return;
    }
    const judged = judge(scope, options);
    if (!judged) return;
    const fixes = storeFixes(scope, context.text, editFor(options, call), framework);
    if (judged.verdict.kind === 'absent') {
      emit(framework === 'fastify' ? 'fastifyNoStore' : 'defaultMemoryStore', anchor, { library }, fixes);
    } else if (judged.at) {
      emit(judged.verdict.kind === 'file' ? 'fileStore' : 'memoryStore', judged.at, { store: judged.verdict.name ?? 'MemoryStore' }, fixes);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (scope.isModule(callee, EXPRESS)) connectStyle(node, 'express', node.arguments[0], callee, 'express-session');
      else if (isRegister(node) && isFastifySession(scope, node.arguments[0])) {
        const library = scope.moduleOf(node.arguments[0])?.module ?? '@fastify/session';
        connectStyle(node, 'fastify', node.arguments[1], node.arguments[0], library);
      } else if (scope.isModule(callee, KOA_SESSION)) koaSession(scope, node, emit, reached);
      else if (scope.isModule(callee, KOA_MEMORY_DEFAULT)) koaMemoryDefault(scope, node, emit, reached);
    } else if (ts.isObjectLiteralExpression(node)) {
      const yar = yarInMemory(scope, node);
      if (yar) emit('yarMemory', yar.anchor, { which: yar.which });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Stores the program index follows to another module's session() are reported there.
  if (context.program) for (const [, value] of exportedValues(sf)) constructionsOf(scope, value, reached);
  for (const { node, verdict } of unfollowedStores(scope, reached)) {
    emit(verdict.kind === 'file' ? 'fileStore' : 'memoryStore', node, { store: verdict.name ?? 'MemoryStore' });
  }
}

type Emit = (messageId: string, node: ts.Node, data: Record<string, string>, fixes?: FixDescriptor[]) => void;

/** A folder of the app's setup: `install/`, `installer/`, `setup-wizard/`. */
const INSTALLER_DIR = /(?:^|\/)(?:install|installer|setup-wizard)\//i;

/**
 * Inside a function named for installing (`web.install = async function (port) {…}`, `function runInstaller()`): a
 * one-off web installer started before the app exists (NodeBB's `install/web.js`), serving one person for one setup
 * and then stopped. Its session lasts that setup; no second instance or restart shares it.
 */
function inInstallFunction(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    if (/install/i.test(functionName(n) ?? '')) return true;
  }
  return false;
}

/** The name a function goes by: its own, or the variable or property it is assigned to. */
function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteralLike(fn.name))) return fn.name.text;
  const p = fn.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) return p.name.text;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
  return undefined;
}

/** The store an express/fastify-style session ends up with, and where to point at it; undefined when fine or unknown. */
function judge(scope: SessionScope, options: SessionOptions): { verdict: StoreVerdict; at?: ts.Node } | undefined {
  if (options.kind === 'unknown') return undefined;
  const slot = options.kind === 'object' ? options.store : undefined;
  if (!slot) return { verdict: { kind: 'absent' } };
  const verdict = classifyStore(scope, slot.value);
  if (verdict.kind === 'absent') return { verdict };
  // An application's own store class or object is its business; only known in-process stores are reported.
  return verdict.kind === 'memory' || verdict.kind === 'file' ? { verdict, at: slot.value } : undefined;
}

function editFor(options: SessionOptions, call: ts.CallExpression): StoreEdit {
  if (options.kind === 'object') return options.store ? { kind: 'replace', slot: options.store } : { kind: 'insert', object: options.object };
  return { kind: 'argument', call };
}

/** `fastify.register(plugin, opts)`, `await app.register(…)`. */
function isRegister(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'register' && call.arguments.length >= 1;
}

function isFastifySession(scope: SessionScope, expression: ts.Expression): boolean {
  if (scope.isModule(expression, FASTIFY)) return true;
  const m = scope.moduleOf(expression);
  return m !== undefined && FASTIFY.has(m.module) && m.path.length === 1 && m.path[0] === 'fastifySession';
}

/**
 * koa-session keeps sessions in the signed cookie unless given a `store`; reported when that store is an
 * in-process Map or object (`session(config, app)` and the older `session(app, config)` alike).
 */
function koaSession(scope: SessionScope, call: ts.CallExpression, emit: Emit, reached: Set<ts.Node>): void {
  for (const arg of call.arguments.slice(0, 2)) {
    const options = optionsOf(scope, arg, call);
    if (options.kind !== 'object' || !options.store) continue;
    constructionsOf(scope, options.store.value, reached);
    constructionsWithin(call, reached);
    const verdict = classifyStore(scope, options.store.value);
    if (verdict.kind === 'memory' || verdict.kind === 'in-process') {
      emit('koaStore', options.store.value, { store: verdict.name ?? 'an object in memory' });
    }
  }
}

/** koa-generic-session and koa-session-minimal fall back to a MemoryStore when given no `store`. */
function koaMemoryDefault(scope: SessionScope, call: ts.CallExpression, emit: Emit, reached: Set<ts.Node>): void {
  const options = optionsOf(scope, call.arguments[0], call);
  if (options.kind === 'unknown') return;
  if (options.kind === 'object') constructionsOf(scope, options.store?.value, reached);
  constructionsWithin(call, reached);
  const library = scope.rootModule(call.expression) ?? 'koa-generic-session';
  const slot = options.kind === 'object' ? options.store : undefined;
  const verdict = slot ? classifyStore(scope, slot.value) : { kind: 'absent' as const };
  if (verdict.kind === 'absent') emit('defaultMemoryStore', call.expression, { library });
  else if (slot && (verdict.kind === 'memory' || verdict.kind === 'in-process')) emit('memoryStore', slot.value, { store: verdict.name ?? 'an object in memory' });
  else if (slot && verdict.kind === 'file') emit('fileStore', slot.value, { store: verdict.name ?? 'a file store' });
}

/**
 * What this module offers others: exports that are in-process session stores (`export const store = new
 * MemoryStore()`, `export default …`, `module.exports = …`, `exports.store = …`), so `session({ store })` in the
 * importing module is judged by what the store really is.
 */
export function summarize(context: FileContext): ModuleFacts {
  const sf = context.sourceFile;
  const scope = new SessionScope(sf);
  const exports: Record<string, string[]> = {};
  const tag = (name: string, value: ts.Expression | undefined): void => {
    const verdict = classifyStore(scope, value);
    // A bare Map is a store only where it is given as one; exported, it is just a Map.
    if (verdict.kind === 'in-process' && (verdict.name === 'Map' || verdict.name === 'WeakMap')) return;
    const t = tagOf(verdict);
    const tags = [...(value && t ? [t] : []), ...optionTags(scope, value)];
    if (tags.length > 0) exports[name] = [...(exports[name] ?? []), ...tags];
  };
  for (const [name, value] of exportedValues(sf)) tag(name, value);
  return { exports };
}

/** The module's exports and their values: `export const`, `export default`, `export { a as b }`, CommonJS assignments. */
function exportedValues(sf: ts.SourceFile): Array<[string, ts.Expression | undefined]> {
  const out: Array<[string, ts.Expression | undefined]> = [];
  const tag = (name: string, value: ts.Expression | undefined): void => {
    out.push([name, value]);
  };
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) tag(d.name.text, d.initializer);
    } else if (ts.isExportAssignment(s)) tag('default', s.expression);
    else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) tag(el.name.text, el.propertyName ?? el.name);
    } else if (ts.isExpressionStatement(s)) commonJsExport(s.expression, tag);
  }
  return out;
}

function commonJsExport(expression: ts.Expression, tag: (name: string, value: ts.Expression | undefined) => void): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const left = unwrap(expression.left);
  const right = unwrap(expression.right);
  if (!ts.isPropertyAccessExpression(left)) return;
  const target = left.expression;
  const isModuleExports = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(left)) {
    tag('default', right);
    // `module.exports = { store }`: each member is what `const { store } = require('./x')` reads.
    if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) tag(p.name.text, p.name);
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) tag(p.name.text, p.initializer);
      }
    }
  } else if ((ts.isIdentifier(target) && target.text === 'exports') || isModuleExports(target)) tag(left.name.text, right);
}

function tagOf(verdict: StoreVerdict): string | undefined {
  if (verdict.kind === 'memory') return TAGS.memory;
  if (verdict.kind === 'file') return TAGS.file;
  if (verdict.kind === 'in-process') return TAGS.inProcess;
  return undefined;
}

export const rule: Rule = { meta, check, summarize };
