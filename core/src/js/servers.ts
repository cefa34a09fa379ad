import ts = require('typescript');
import { dottedName, isExport, ModuleBindings, unwrap } from './modules';
import { BoundStatementMemo } from './boundMemo';

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
  /** For a worker or client: the promise that stops it (`worker.close()`, `Promise.resolve(client.destroy())`). */
  close?: (target: string) => string;
  /** What a worker or client is, for the message (`BullMQ worker`, `discord.js bot`). */
  what?: string;
  /** The name the fix binds a thrown-away value to (`worker` unless it is a server: `Deno.serve(…)`). */
  bindAs?: string;
}

const is = isExport;

/**
 * Long-running workers and clients made with `new`: each keeps the process alive until it is stopped, as a
 * server does (a bullmq Worker polls its queue; a discord.js Client holds the gateway connection of a bot).
 */
const WORKERS: ReadonlyArray<{ module: RegExp; name: string; what: string; close: (target: string) => string }> = [
  { module: /^bullmq$/, name: 'Worker', what: 'BullMQ worker', close: (t) => `${t}.close()` },
  // discord.js 14's `destroy()` returns a promise, 13's nothing: wrapped, the handler works with both.
  { module: /^discord\.js$/, name: 'Client', what: 'discord.js bot', close: (t) => `Promise.resolve(${t}.destroy())` },
];

/** The runtimes' global servers (`Deno.serve`, `Bun.serve`): what each is and the call that stops it. */
const RUNTIME_SERVERS = {
  Deno: { what: 'Deno server', close: (t: string) => `${t}.shutdown()` },
  // Bun 1.1's `stop()` returns a promise, earlier ones nothing: wrapped, the handler works with both.
  Bun: { what: 'Bun server', close: (t: string) => `Promise.resolve(${t}.stop())` },
} as const;

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

/**
 * Calls that make a Node server and start it listening at once, returning it: `serve({ fetch, port })` of
 * `@hono/node-server` (Hono's Node adapter). Each row has a true and a false example in
 * test/unit/rules/disposability/missing-sigterm-handler-wrappers.test.ts.
 */
export const SERVER_STARTERS: ReadonlyArray<{ module: RegExp; exports: string[][] }> = [
  { module: /^@hono\/node-server$/, exports: [['serve']] },
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
 * and the program index ask for the same facts of the same tree. What a module does about SIGTERM is signals.ts.
 */
const siteCache = new WeakMap<ModuleBindings, ListenSite[]>();

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

/**
 * What each of a statement's server-relevant nodes says by itself (BoundStatementMemo): a declaration's server
 * kind, whether it makes a Node server or an msw mock, a bullmq worker; a listen-shaped call is kept as it is,
 * to be judged with what the declarations before it made. A keystroke resolves only the statement it touched.
 */
type ServerEvent =
  | { decl: string; kind?: ServerKind; nodeServer: boolean; mock: boolean }
  | { worker: ts.NewExpression; name: string; what: string; close: (target: string) => string }
  | { call: ts.CallExpression };

const serverEvents = new BoundStatementMemo<ServerEvent>(({ servers }, bindings) => servers.flatMap((node): ServerEvent[] => {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    const kind = creates(bindings, node.initializer);
    return [{ decl: node.name.text, kind, nodeServer: kind !== undefined && createsNodeServer(bindings, node.initializer), mock: !kind && isMswSetup(bindings, node.initializer) }];
  }
  if (ts.isNewExpression(node)) {
    const made = bindings.resolve(node.expression);
    const row = WORKERS.find((w) => is(made, w.module, [w.name]));
    return row ? [{ worker: node, name: row.name, what: row.what, close: row.close }] : [];
  }
  return ts.isCallExpression(node) ? [{ call: node }] : [];
}));

function collectListenSites(sf: ts.SourceFile, bindings: ModuleBindings, options: ListenOptions): ListenSite[] {
  const kinds = new Map<string, ServerKind>();
  const nodeServers = new Set<string>();
  const mocks = new Set<string>();
  const sites: ListenSite[] = [];
  // The nodes a walk of the tree would meet that can matter here, in its order (the syntax index's `servers`).
  for (const event of serverEvents.of(sf, bindings)) {
    if ('decl' in event) {
      if (event.kind) kinds.set(event.decl, event.kind);
      else if (event.mock) mocks.add(event.decl);
      // The same name declared again as something else (in another scope): no longer provably a Node server.
      if (event.nodeServer) nodeServers.add(event.decl);
      else nodeServers.delete(event.decl);
    } else if ('worker' in event) {
      sites.push({ kind: 'worker', call: event.worker, anchor: event.worker.expression, label: `new ${event.name}`, close: event.close, what: event.what });
    } else {
      const node = event.call;
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
  // Only a call named like a starter is resolved: `serve(…)`, `adapter.serve(…)`.
  const called = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
  const started = called === 'serve' ? bindings.resolve(node.expression) : undefined;
  if (started && SERVER_STARTERS.some((row) => row.exports.some((path) => is(started, row.module, path)))) {
    return { kind: 'http', call: node, anchor: ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression, label: dottedName(node.expression) ?? 'serve' };
  }
  // The runtimes' own servers, globals no import names: `Deno.serve(…)`, `Bun.serve(…)`. Each is stopped by a call
  // that returns a promise, as a worker is (Deno's `shutdown()`, Bun's `stop()`).
  if (called === 'serve' && !started && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
    const runtime = RUNTIME_SERVERS[node.expression.expression.text as keyof typeof RUNTIME_SERVERS];
    if (runtime && !bindings.resolve(node.expression.expression)) {
      return { kind: 'worker', call: node, anchor: node.expression.name, label: `${node.expression.expression.text}.serve`, what: runtime.what, close: runtime.close, bindAs: 'server' };
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
