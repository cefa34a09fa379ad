import ts = require('typescript');
import { dottedName, ModuleBindings, unwrap, type ModulePath } from './modules';
import { BoundStatementMemo } from './boundMemo';
import { syntaxIndex } from './syntaxIndex';

/** What kind of long-running thing a listen site starts; decides how the shutdown fix closes it. */
export type ServerKind = 'http' | 'fastify' | 'nest' | 'hapi' | 'worker';

export interface ListenSite {
  kind: ServerKind;
  /** The call that starts it (`app.listen(3000)`, `server.start()`, `new Worker(…)`). */
  call: ts.CallExpression | ts.NewExpression;
  /** The node the finding covers (the `listen` name, or the `Worker` class). */
  anchor: ts.Node;
  /** Label for the message, e.g. `app.listen`. */
  label: string;
  /** The expression the server is reached by (`app`), when the call is on one. */
  receiver?: ts.Expression;
  /**
   * The name of a Node server the call listens on (`server` in `server.listen()` or
   * `promisify(server.listen.bind(server))`, made by `http.createServer` or `new net.Server`): closing it
   * stops the listener. Undefined when the receiver is an app whose `listen` makes the server.
   */
  server?: string;
  /** `promisify(server.listen)`: the call's value is a function that starts the server, not the server. */
  promisified?: boolean;
}

const is = (p: ModulePath | undefined, module: RegExp, path: string[]) =>
  p !== undefined && module.test(p.module) && p.path.length === path.length && p.path.every((s, i) => s === path[i]);

/**
 * Well-known calls that make a server, as data: the module, the export path (`[]` for the module itself,
 * `['*']` for any of the listed names at the top) and the kind. Each row has a true and a false example in
 * test/unit/rules/disposability/missing-sigterm-handler-wrappers.test.ts.
 */
export interface ServerWrapper {
  module: RegExp;
  /** Export paths that create the server: `[]` is the module's own value (`express()`). */
  exports: string[][];
  kind: ServerKind;
}

export const SERVER_WRAPPERS: readonly ServerWrapper[] = [
  { module: /^express$/, exports: [[], ['default']], kind: 'http' },
  { module: /^koa$/, exports: [[], ['default']], kind: 'http' },
  // `http.createServer(app)`, and `require('http').Server(app)` / `new http.Server(app)` (socket.io's examples).
  { module: /^(node:)?(http|https|http2|net|tls)$/, exports: [['createServer'], ['createSecureServer'], ['Server']], kind: 'http' },
  // micro(handler) and restify/polka/connect apps answer `listen` with a Node server.
  { module: /^micro$/, exports: [[], ['default'], ['serve']], kind: 'http' },
  { module: /^restify$/, exports: [['createServer']], kind: 'http' },
  { module: /^(polka|connect)$/, exports: [[], ['default']], kind: 'http' },
  // A hapi server composed from a manifest: `await Glue.compose(manifest)`.
  { module: /^(@hapi\/glue|glue)$/, exports: [['compose']], kind: 'hapi' },
  { module: /^fastify$/, exports: [[], ['fastify'], ['default']], kind: 'fastify' },
  { module: /^@nestjs\/core$/, exports: [['NestFactory', 'create']], kind: 'nest' },
  { module: /^(@hapi\/hapi|hapi)$/, exports: [['server'], ['Server']], kind: 'hapi' },
];

/** The kind of server a creating expression makes: `express()`, `http.createServer()`, `fastify()`, `new Koa()`… */
function creates(bindings: ModuleBindings, init: ts.Expression): ServerKind | undefined {
  const e = unwrap(ts.isAwaitExpression(init) ? init.expression : init);
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return undefined;
  const callee = bindings.resolve(e.expression);
  // `stoppable(server)` hands back the server it was given.
  const first = e.arguments?.[0];
  if (is(callee, /^stoppable$/, []) && first) return creates(bindings, first);
  if (!callee) return undefined;
  return SERVER_WRAPPERS.find((w) => w.exports.some((path) => is(callee, w.module, path)))?.kind;
}

/** Node's own servers: `http.createServer(app)`, `new net.Server()`, `https.createServer(options, app)`, also through `stoppable`. */
function createsNodeServer(bindings: ModuleBindings, init: ts.Expression): boolean {
  const e = unwrap(ts.isAwaitExpression(init) ? init.expression : init);
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return false;
  const callee = bindings.resolve(e.expression);
  const first = e.arguments?.[0];
  if (is(callee, /^stoppable$/, []) && first) return createsNodeServer(bindings, first);
  return [['createServer'], ['createSecureServer'], ['Server']].some((path) => is(callee, /^(node:)?(http|https|http2|net|tls)$/, path));
}

/** Receiver names that are servers in the code we have seen, for a receiver no import explains (`import app from './app'`). */
const SERVER_NAMES_EXACT = /^#?(app|application|server|httpServer|httpsServer|srv|api|fastify|instance|koa|nestApp|http|https)$/i;
/** Camel-case names ending in Server or App (`expressApp`, `redirectServer`, `this.#httpServer`). */
const SERVER_NAMES_SUFFIX = /^#?[a-z]\w*(Server|App)$/;
const SERVER_NAMES = { test: (name: string) => SERVER_NAMES_EXACT.test(name) || SERVER_NAMES_SUFFIX.test(name) };

/**
 * A local factory handed the app: `create(app).listen(port)`, `createServer(app).listen()`, where `create`
 * wraps `http(s).createServer` out of sight.
 */
function factoryOfApp(receiver: ts.Expression): boolean {
  if (!ts.isCallExpression(receiver) || !ts.isIdentifier(receiver.expression)) return false;
  if (!/^create\w*$|Server$/.test(receiver.expression.text)) return false;
  return receiver.arguments.some((a) => ts.isIdentifier(a) && SERVER_NAMES.test(a.text));
}

export interface ListenOptions {
  /**
   * Another module of the program makes hapi servers (`module.exports = Glue.compose.bind(…)`), so a
   * server-named receiver's `start()` here starts one though this file imports no hapi.
   */
  hapiInProgram?: boolean;
}

/**
 * Per-version results, keyed by the bindings object (one per syntax tree, see `ModuleBindings.of`): four rules
 * and the program index ask for the same facts of the same tree, and each computation walks all of it.
 */
const siteCache = new WeakMap<ModuleBindings, ListenSite[]>();
const signalCache = new WeakMap<ModuleBindings, SignalFacts>();

/** Every place in the file that starts a server or a long-running worker. */
export function listenSites(sf: ts.SourceFile, bindings = ModuleBindings.of(sf), options: ListenOptions = {}): ListenSite[] {
  // Only the plain question is cached: the program-aware one is asked by one rule, for few files.
  if (bindings.sourceFile !== sf || options.hapiInProgram) return collectListenSites(sf, bindings, options);
  let sites = siteCache.get(bindings);
  if (!sites) {
    sites = collectListenSites(sf, bindings, options);
    siteCache.set(bindings, sites);
  }
  // A copy: a caller may sort or filter its list without changing the next caller's.
  return [...sites];
}

function collectListenSites(sf: ts.SourceFile, bindings: ModuleBindings, options: ListenOptions): ListenSite[] {
  const kinds = new Map<string, ServerKind>();
  const nodeServers = new Set<string>();
  const mocks = new Set<string>();
  const sites: ListenSite[] = [];
  // The nodes a walk of the tree would meet that can matter here, in its order (the syntax index's `servers`).
  for (const node of syntaxIndex(sf).servers) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const kind = creates(bindings, node.initializer);
      if (kind) kinds.set(node.name.text, kind);
      else if (isMswSetup(bindings, node.initializer)) mocks.add(node.name.text);
      // The same name declared again as something else (in another scope): no longer provably a Node server.
      if (kind && createsNodeServer(bindings, node.initializer)) nodeServers.add(node.name.text);
      else nodeServers.delete(node.name.text);
    }
    if (ts.isNewExpression(node)) {
      const callee = bindings.resolve(node.expression);
      if (is(callee, /^bullmq$/, ['Worker'])) sites.push({ kind: 'worker', call: node, anchor: node.expression, label: 'new Worker' });
    }
    if (ts.isCallExpression(node)) {
      const site = listenCall(node, bindings, kinds, mocks, options);
      const receiver = site?.receiver && unwrap(site.receiver);
      // A server made out of sight (`import { server } from './app'`): its name says, unless this file made
      // it with an app framework (`const server = express()`, whose `listen` makes the Node server).
      const named = (name: string) => nodeServers.has(name) || (!kinds.has(name) && /server$/i.test(name));
      if (site && site.kind === 'http' && receiver && ts.isIdentifier(receiver) && named(receiver.text)) {
        site.server = receiver.text;
      }
      if (site) sites.push(site);
    }
  }
  return sites;
}

/** The module imports hapi or Glue, hapi's manifest composer. */
export function importsHapi(bindings: ModuleBindings): boolean {
  return ['@hapi/hapi', 'hapi', '@hapi/glue', 'glue'].some((m) => bindings.imports(m));
}

/**
 * The kind of a server made out of sight (`const app = await buildApp()`, `import app from './app'`), from
 * the framework the file imports: a Fastify or Nest app's `listen` resolves to an address, not a server,
 * so the shutdown fix must close the app instead.
 */
function guessedKind(name: string, bindings: ModuleBindings): ServerKind {
  if (/fastify/i.test(name) || bindings.imports('fastify')) return 'fastify';
  if (bindings.imports('@nestjs/core')) return 'nest';
  return 'http';
}

/** msw's request interceptor (`setupServer(...handlers)` from `msw/node`): its `listen()` opens no port. */
function isMswSetup(bindings: ModuleBindings, init: ts.Expression): boolean {
  const e = unwrap(ts.isAwaitExpression(init) ? init.expression : init);
  if (!ts.isCallExpression(e)) return false;
  const callee = bindings.resolve(e.expression);
  return callee !== undefined && /^msw(\/node|\/native)?$/.test(callee.module) && callee.path[callee.path.length - 1] === 'setupServer';
}

/**
 * A mock server, never a real one: made by msw's `setupServer` here, imported from a mocks module
 * (`import { server } from './mocks/node'`, msw's documented layout), or listening with msw's
 * `onUnhandledRequest` option.
 */
function isMockServer(node: ts.CallExpression, receiver: ts.Expression, bindings: ModuleBindings, mocks: Set<string>): boolean {
  if (ts.isIdentifier(receiver) && mocks.has(receiver.text)) return true;
  if (isMswSetup(bindings, receiver)) return true;
  const origin = bindings.resolve(receiver);
  if (origin && (/^msw(\/|$)/.test(origin.module) || /(^|\/)(__)?mocks?(__)?(\/|$)/i.test(origin.module))) return true;
  const options = node.arguments[0] && unwrap(node.arguments[0]);
  return options !== undefined && ts.isObjectLiteralExpression(options) &&
    options.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'onUnhandledRequest');
}

/** A receiver that is a server: made by a known wrapper here, or named like one (`server`, `httpServer`, `this.app`). */
function looksLikeServer(receiver: ts.Expression, bindings: ModuleBindings, kinds: Map<string, ServerKind>): boolean {
  const e = unwrap(receiver);
  if (ts.isIdentifier(e)) return kinds.has(e.text) || SERVER_NAMES.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return SERVER_NAMES.test(e.name.text);
  return creates(bindings, e) !== undefined;
}

function listenCall(node: ts.CallExpression, bindings: ModuleBindings, kinds: Map<string, ServerKind>, mocks: Set<string>, options: ListenOptions): ListenSite | undefined {
  // `promisify(server.listen)` / `promisify(server.listen.bind(server))` start a server too, as do the
  // helpers named after it (`promisifySelf(server.listen, server)`, `pify(server.listen)`).
  const promisify = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
  if (/^promisify\w*$|^pify$/i.test(promisify) && node.arguments[0]) {
    const arg = unwrap(node.arguments[0]);
    const target = ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && arg.expression.name.text === 'bind' ? arg.expression.expression : arg;
    if (ts.isPropertyAccessExpression(target) && target.name.text === 'listen' && looksLikeServer(target.expression, bindings, kinds)) {
      return { kind: 'http', call: node, anchor: target.name, label: `promisify(${dottedName(target) ?? 'listen'})`, receiver: target.expression, promisified: true };
    }
  }
  if (!ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (method !== 'listen' && method !== 'start') return undefined;
  const receiver = unwrap(node.expression.expression);
  if (isMockServer(node, receiver, bindings, mocks)) return undefined;
  let kind: ServerKind | undefined;
  if (ts.isIdentifier(receiver)) kind = kinds.get(receiver.text);
  else kind = creates(bindings, receiver);
  const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
  if (!kind && method === 'listen' && factoryOfApp(receiver)) kind = 'http';
  if (method === 'start') {
    // Only hapi's `server.start()` starts a listener; every other `.start()` is something else.
    if (!kind && name && SERVER_NAMES.test(name) && (importsHapi(bindings) || options.hapiInProgram)) kind = 'hapi';
    if (kind !== 'hapi') return undefined;
  } else if (!kind) {
    if (!name || !SERVER_NAMES.test(name)) return undefined;
    kind = guessedKind(name, bindings);
  } else if (kind === 'hapi') return undefined;
  const written = receiver.getText().replace(/\s+/g, ' ');
  const label = dottedName(node.expression) ?? `${written.length > 40 ? `${written.slice(0, 39)}…` : written}.${method}`;
  return { kind, call: node, anchor: node.expression.name, label, receiver };
}

/**
 * Libraries that install their own SIGTERM handler when called (or constructed), as data: the module and
 * the export paths (`[]` for the module's own value). Each row has a true and a false example in
 * test/unit/rules/disposability/missing-sigterm-handler-wrappers.test.ts. stoppable and http-terminator close servers but install no
 * handler, so they are not here; nor are apollo-server's framework integrations (apollo-server-express…),
 * whose handler stops Apollo but leaves the HTTP server to the app.
 */
export const SIGTERM_LIBRARIES: ReadonlyArray<{ module: RegExp; exports: string[][] }> = [
  { module: /^@godaddy\/terminus$/, exports: [[], ['createTerminus'], ['default']] },
  { module: /^lightship$/, exports: [['createLightship'], ['default']] },
  { module: /^close-with-grace$/, exports: [[], ['default']] },
  { module: /^http-graceful-shutdown$/, exports: [[], ['default']] },
  // apollo-server (v2, v3) standalone: `new ApolloServer(…).listen()` stops and drains on SIGTERM/SIGINT.
  { module: /^apollo-server$/, exports: [['ApolloServer']] },
  // @apollo/server (v4+): `startStandaloneServer(server)` does the same.
  { module: /^@apollo\/server\/standalone$/, exports: [['startStandaloneServer']] },
];

function installsHandler(resolved: ModulePath | undefined): boolean {
  return resolved !== undefined && SIGTERM_LIBRARIES.some((l) => l.exports.some((path) => is(resolved, l.module, path)));
}

/** What a module does about signals, for judging a program whose signal names and listener live apart. */
export interface SignalFacts {
  /** The module handles SIGTERM on its own (see `handlesSigterm`). */
  handled: boolean;
  /** It names SIGTERM: `'SIGTERM'`, or a key `{ SIGTERM: 15 }`. */
  namesSigterm: boolean;
  /** It listens to process signals whose names it does not spell out: `process.on(signal, …)`. */
  listensToNamedElsewhere: boolean;
}

/**
 * Does this module handle SIGTERM? `process.on/once/addListener/prependListener('SIGTERM', …)`, also with
 * signal names from arrays, loops, constants or object keys (a `process.on(sig, …)` in a file that names
 * SIGTERM), and the libraries that install the handler: terminus, lightship, close-with-grace,
 * http-graceful-shutdown, Nest's `enableShutdownHooks()`. stoppable and http-terminator close servers but
 * install no handler, and a SIGINT handler alone does not answer the orchestrator's SIGTERM.
 */
export function handlesSigterm(sf: ts.SourceFile, bindings = ModuleBindings.of(sf)): boolean {
  return signalFacts(sf, bindings).handled;
}

export function signalFacts(sf: ts.SourceFile, bindings = ModuleBindings.of(sf)): SignalFacts {
  if (bindings.sourceFile !== sf) return collectSignalFacts(sf, bindings);
  let facts = signalCache.get(bindings);
  if (!facts) {
    facts = collectSignalFacts(sf, bindings);
    signalCache.set(bindings, facts);
  }
  return { ...facts };
}

function collectSignalFacts(sf: ts.SourceFile, bindings: ModuleBindings): SignalFacts {
  // A name as a string ('SIGTERM') or as a key (`{ SIGTERM: 15 }` walked by `Object.keys`).
  const namesSigterm = /(['"`])SIGTERM\1|\bSIGTERM\s*:/.test(sf.text);
  let handled = false;
  let listensToNamedElsewhere = false;
  for (const call of signalCalls.of(sf, bindings)) {
    if (handled) break;
    if (call.listens === 'SIGTERM') handled = true;
    else if (call.listens === 'named') {
      listensToNamedElsewhere = true;
      handled ||= namesSigterm;
    }
    if (call.installs) handled = true;
  }
  return { handled, namesSigterm, listensToNamedElsewhere };
}

/**
 * The calls that bear on signals, per statement (BoundStatementMemo): `process.on(…)` and what it listens to
 * (a literal SIGTERM, another literal, or a name), and calls that install a SIGTERM handler.
 */
const signalCalls = new BoundStatementMemo<{ listens?: 'SIGTERM' | 'other' | 'named'; installs: boolean }>(({ calls }, bindings) => {
  const found: Array<{ listens?: 'SIGTERM' | 'other' | 'named'; installs: boolean }> = [];
  for (const node of calls) {
    let listens: 'SIGTERM' | 'other' | 'named' | undefined;
    let installs = false;
    if (ts.isCallExpression(node)) {
      const callee = dottedName(node.expression);
      if (callee && /^process\.(on|once|addListener|prependListener|prependOnceListener)$/.test(callee)) {
        const first = node.arguments[0] && unwrap(node.arguments[0]);
        if (first && ts.isStringLiteralLike(first)) listens = first.text === 'SIGTERM' ? 'SIGTERM' : 'other';
        else if (first) listens = 'named';
      }
      if (installsHandler(bindings.resolve(node.expression))) installs = true;
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'enableShutdownHooks') installs = true;
    }
    if (ts.isNewExpression(node) && installsHandler(bindings.resolve(node.expression))) installs = true;
    if (listens !== undefined || installs) found.push({ listens, installs });
  }
  return found;
});
