import ts = require('typescript');
import { type ModuleBindings, unwrap } from './modules';
import type { ListenSite } from './servers';
import { lineLocalTest, type LineLocalSearch } from '../lineChunks';
import { StatementMemo } from './statements';

/**
 * What a started server is for, when the file shows it is no service of the app's: a listener that only
 * answers the platform's probes, or one that closes itself once it has served. The SIGTERM and port rules ask
 * before reporting: neither has requests in flight that a deploy would cut, nor a port the platform chooses.
 */

/** The paths a platform's probes ask (`/healthz`, `/readyz`, `/ping`), as workspace/health.ts knows them. */
const PROBE_PATH = /^\/(?:health|healthz|healthcheck|health-check|_health|livez|readyz|ready|readiness|liveness|live|ping)\/?$/i;
/** Methods that add a route to an Express-style app (Express, Koa routers, connect, polka, restify). */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use', 'route']);
/** Methods that configure the app or start it, and add no route. */
const SETUP_METHODS = new Set(['listen', 'set', 'enable', 'disable', 'on', 'once', 'close']);

/**
 * An app whose every route answers a probe (`app.get('/healthz', …)` and nothing else), started beside the
 * real process to tell the platform it is alive (a worker image's health listener). Every use of the app in the
 * file must be seen: an app passed to another module, exported or given middleware may serve anything. Also a
 * bare Node server whose handler gives every request the same answer (`answersEveryRequestAlike`).
 */
export function servesOnlyProbes(sf: ts.SourceFile, site: ListenSite): boolean {
  if (answersEveryRequestAlike(site)) return true;
  const receiver = site.receiver && unwrap(site.receiver);
  if (!receiver || !ts.isIdentifier(receiver) || site.kind !== 'http') return false;
  let routes = 0;
  for (const use of perName(probeMemos, receiver.text, appUsesIn).of(sf)) {
    if (use.other) return false;
    routes += use.probes;
  }
  return routes > 0;
}

/**
 * A Node server started in one chain with a handler that never reads its request and only answers
 * (`http.createServer((req, res) => { res.writeHead(200); res.end(PASSED); }).listen(80)`): every path, method and
 * caller gets the same reply, so it serves nothing but a liveness or reachability check (caprover's installer
 * listens so on 80 and 443 to test that the firewall lets them through). A handler that reads the request, calls
 * anything but the response's own methods, or hands the response on, may serve anything.
 */
function answersEveryRequestAlike(site: ListenSite): boolean {
  const made = site.receiver && unwrap(site.receiver);
  if (!made || !ts.isCallExpression(made) || !ts.isPropertyAccessExpression(made.expression) || made.expression.name.text !== 'createServer') return false;
  const handler = made.arguments.find((a): a is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
  const [req, res] = handler?.parameters ?? [];
  if (!handler || !req || !res || !ts.isIdentifier(req.name) || !ts.isIdentifier(res.name)) return false;
  const request = req.name.text;
  const response = res.name.text;
  const statements = ts.isBlock(handler.body) ? [...handler.body.statements] : [ts.factory.createExpressionStatement(handler.body)];
  if (statements.length === 0) return false;
  return statements.every((st) => {
    if (!ts.isExpressionStatement(st)) return false;
    const e = st.expression;
    const answers = ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression)
      && e.expression.expression.text === response && RESPONSE_METHODS.has(e.expression.name.text) && e.arguments.every((a) => !mentions(a, request) && !mentions(a, response));
    const status = ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(e.left)
      && ts.isIdentifier(e.left.expression) && e.left.expression.text === response && !mentions(e.right, request);
    return answers || status;
  });
}

/** What a Node response offers to answer with: a status, headers and a body. */
const RESPONSE_METHODS = new Set(['writeHead', 'setHeader', 'write', 'end']);

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  return ts.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) === true;
}

/**
 * Per name, a memo of its uses in each top-level statement (StatementMemo): both rules ask on every keystroke,
 * and walking the whole file for the app's uses each time was a walk of every statement the edit did not touch.
 */
const probeMemos = new Map<string, StatementMemo<AppUses>>();
const closeMemos = new Map<string, StatementMemo<boolean>>();

interface AppUses {
  probes: number;
  /** A use that is neither a probe route nor set-up. */
  other: boolean;
}

function perName<T>(memos: Map<string, StatementMemo<T>>, name: string, of: (statement: ts.Statement, name: string) => T): StatementMemo<T> {
  let memo = memos.get(name);
  if (!memo) {
    // A few names per file are asked about; the bound keeps a long editing session from collecting them all.
    if (memos.size >= 64) memos.clear();
    memo = new StatementMemo((statement) => [of(statement, name)], (item) => item);
    memos.set(name, memo);
  }
  return memo;
}

/** The uses of the app `name` in one statement, up to the first that is neither a probe route nor set-up. */
function appUsesIn(statement: ts.Statement, name: string): AppUses {
  const { count, other } = usesOf(statement, name, routeUse, 'probe');
  return { probes: count, other };
}

/**
 * Walks `root` for the identifier `name` (not where it is declared), classifying each use: counts the `counted` ones,
 * passes over set-up, and stops at the first other use.
 */
function usesOf<U extends string>(root: ts.Node, name: string, classify: (id: ts.Identifier) => U | 'setup' | 'other', counted: U): { count: number; other: boolean } {
  const uses = { count: 0, other: false };
  const visit = (node: ts.Node): void => {
    if (uses.other) return;
    if (ts.isIdentifier(node) && node.text === name && !isDeclarationName(node)) {
      const use = classify(node);
      if (use === counted) uses.count++;
      else if (use !== 'setup') uses.other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return uses;
}

/** The call the app makes where this identifier stands: set-up (`use`, `set`…), a route (`get('/x', …)`), or neither. */
function appCallOf(id: ts.Identifier): { kind: 'setup' } | { kind: 'route'; call: ts.CallExpression } | undefined {
  const access = id.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== id) return undefined;
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return undefined;
  if (SETUP_METHODS.has(access.name.text)) return { kind: 'setup' };
  return ROUTE_METHODS.has(access.name.text) ? { kind: 'route', call } : undefined;
}

/** How the app is used where this identifier stands: a probe route, set-up, or anything else. */
function routeUse(id: ts.Identifier): 'probe' | 'setup' | 'other' {
  const use = appCallOf(id);
  if (use?.kind !== 'route') return use ? 'setup' : 'other';
  const call = use.call;
  const path = call.arguments[0] && unwrap(call.arguments[0]);
  return path && ts.isStringLiteralLike(path) && PROBE_PATH.test(path.text) ? 'probe' : 'other';
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === id;
}

/**
 * A Node server whose own request handler closes it (`const server = http.createServer((req, res) => { …;
 * server.close(); })`): it serves one request and ends, as the loopback listener a command-line tool opens
 * for an OAuth redirect does. Its port is the one the redirect URI registered with the provider names.
 * Only the handler the server was made with counts: a route of a service that closes the server on request
 * (an admin `/shutdown`) is a service's.
 */
export function closesItself(sf: ts.SourceFile, site: ListenSite): boolean {
  const server = site.server;
  if (!server) return chainedClosesItself(site);
  return perName(closeMemos, server, closingDeclarationIn).of(sf).includes(true) || probesPort(site.call, server);
}

/**
 * The same, written as one chain: `const server = http.createServer((req, res) => { …; server.close(); }).listen(3000)`.
 * The name is bound to what `listen` returns (the server), and the handler the server was made with closes it.
 */
function chainedClosesItself(site: ListenSite): boolean {
  const made = site.receiver && unwrap(site.receiver);
  if (!made || !(ts.isCallExpression(made) || ts.isNewExpression(made))) return false;
  let n: ts.Node = site.call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const declaration = n.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== n || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  const handler = made.arguments?.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
  return handler !== undefined && callsClose(handler, name);
}

/**
 * A port probe: the server is closed as soon as it listens, by the listen call's own callback
 * (`server.listen(port, () => server.close(…))`) or a `listening` handler beside it (`server.once('listening', () =>
 * server.close())`). It answers "is this port free?" (a setup wizard picking ports, a bindability check) and serves
 * nothing. Only the function that calls `listen` is searched: a `listening` handler elsewhere may be another server's.
 */
function probesPort(call: ts.Node, server: string): boolean {
  if (!ts.isCallExpression(call)) return false;
  if (call.arguments.some((a) => (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) && callsClose(a, server))) return true;
  let scope: ts.Node = call;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(?:on|once|addListener)$/.test(node.expression.name.text)) {
      const target = unwrap(node.expression.expression);
      const [event, handler] = node.arguments;
      if (ts.isIdentifier(target) && target.text === server && event && ts.isStringLiteralLike(event) && event.text === 'listening'
        && handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) && callsClose(handler, server)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** Whether the statement declares `server` made with a handler that closes it (not looking inside that declaration). */
function closingDeclarationIn(statement: ts.Statement, server: string): boolean {
  let closes = false;
  const visit = (node: ts.Node): void => {
    if (closes) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === server && node.initializer) {
      const made = unwrap(node.initializer);
      const handler = (ts.isCallExpression(made) || ts.isNewExpression(made)) ? made.arguments?.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) : undefined;
      if (handler && callsClose(handler, server)) closes = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return closes;
}

/** The function calls `<server>.close()` somewhere in its body. */
function callsClose(fn: ts.Node, server: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'close') {
      const target = unwrap(node.expression.expression);
      if (ts.isIdentifier(target) && target.text === server) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/**
 * Lifecycle methods a host framework calls while its process shuts down: Nest's (`onModuleDestroy`,
 * `beforeApplicationShutdown`, `onApplicationShutdown`) and a Medusa module's (the same names, and
 * `onApplicationPrepareShutdown`, as methods or under `__hooks`).
 */
const SHUTDOWN_HOOKS = /^(?:onModuleDestroy|beforeApplicationShutdown|onApplicationShutdown|onApplicationPrepareShutdown)$/;
/** Methods that stop a server, a worker or a client. */
const STOP_METHODS = /^(?:close|stop|destroy|shutdown|disconnect|terminate)$/;

/**
 * A server or worker kept on an instance (`this.worker = new Worker(…)`, `this.server.listen(…)`) that a shutdown hook
 * of the same class stops (`async onApplicationShutdown() { await this.worker.close(); }`): the class is a module of a
 * host process, which handles SIGTERM and calls its modules' hooks (Nest once `enableShutdownHooks` is called, which
 * the rule asks of the program that starts the app). The module has nothing to add.
 */
export function closedByShutdownHook(site: ListenSite): boolean {
  const target = instanceMember(site);
  if (!target) return false;
  let cls: ts.Node | undefined = site.call.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return false;
  for (const member of cls.members) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (ts.isMethodDeclaration(member) && name && SHUTDOWN_HOOKS.test(name) && stops(member, target)) return true;
    // `__hooks = { onApplicationShutdown: async () => { … } }`: a table of hooks.
    const table = ts.isPropertyDeclaration(member) && member.initializer && unwrap(member.initializer);
    if (table && ts.isObjectLiteralExpression(table)) {
      for (const p of table.properties) {
        const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (key && SHUTDOWN_HOOKS.test(key) && stops(p, target)) return true;
      }
    }
  }
  return false;
}

/** `this.worker` of `this.worker = new Worker(…)` or `this.server.listen(…)`, as text without blanks. */
function instanceMember(site: ListenSite): string | undefined {
  const receiver = site.receiver && unwrap(site.receiver);
  if (receiver && ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) return `this.${receiver.name.text}`;
  let n: ts.Node = site.call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const assign = n.parent;
  if (!assign || !ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assign.right !== n) return undefined;
  const left = assign.left;
  return ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword ? `this.${left.name.text}` : undefined;
}

/** The node calls a stop method on `target` (`this.worker.close()`, `this.worker?.close()`). */
function stops(node: ts.Node, target: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && STOP_METHODS.test(n.expression.name.text)) {
      const on = unwrap(n.expression.expression);
      if (ts.isPropertyAccessExpression(on) && on.expression.kind === ts.SyntaxKind.ThisKeyword && `this.${on.name.text}` === target) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Modules whose handlers serve an API's documentation page (Swagger UI, ReDoc), as data. */
const DOCS_MODULES = /^(?:swagger-ui-express|redoc-express)$/;
/** A text that may name one of them: a module name holds no line break, so one line each (`FileContext.lineLocal`). */
const MAY_NAME_DOCS = lineLocalTest(/swagger-ui-express|redoc-express/);

/**
 * An app whose every route serves the API's documentation page (`app.use('/api-docs', swaggerUi.serve,
 * swaggerUi.setup(spec))`) or only redirects to it (`app.get('/', (req, res) => res.redirect('/api-docs'))`), and that
 * the file hands to nothing else: a documentation viewer. The process rules ask it together with whether a deployment
 * reaches the file's package (a docs viewer a Dockerfile runs is a deployed service).
 */
export function servesOnlyDocs(sf: ts.SourceFile, site: ListenSite, bindings: ModuleBindings, lineLocal?: (search: LineLocalSearch<boolean, boolean>) => boolean): boolean {
  const receiver = site.receiver && unwrap(site.receiver);
  if (!receiver || !ts.isIdentifier(receiver) || site.kind !== 'http') return false;
  // A keystroke searches only the runs of lines it touched (`FileContext.lineLocal`), not the whole module.
  if (!(lineLocal ? lineLocal(MAY_NAME_DOCS) : MAY_NAME_DOCS.per(sf.text))) return false;
  const { count, other } = usesOf(sf, receiver.text, (id) => docsUse(id, bindings), 'docs');
  return !other && count > 0;
}

/** How the app is used where this identifier stands: a documentation route, a redirect or set-up, or anything else. */
function docsUse(id: ts.Identifier, bindings: ModuleBindings): 'docs' | 'setup' | 'other' {
  const use = appCallOf(id);
  if (use?.kind !== 'route') return use ? 'setup' : 'other';
  const call = use.call;
  const handlers = call.arguments.filter((a, i) => !(i === 0 && ts.isStringLiteralLike(unwrap(a))));
  if (handlers.length === 0) return 'other';
  let docs = false;
  for (const h of handlers) {
    const e = unwrap(h);
    const origin = bindings.resolve(ts.isCallExpression(e) ? e.expression : e);
    if (origin && DOCS_MODULES.test(origin.module)) docs = true;
    else if (!onlyRedirects(e)) return 'other';
  }
  return docs ? 'docs' : 'setup';
}

/** A handler whose body only redirects (`(req, res) => res.redirect('/api-docs')`). */
function onlyRedirects(e: ts.Expression): boolean {
  if (!ts.isArrowFunction(e) && !ts.isFunctionExpression(e)) return false;
  const redirect = (x: ts.Expression) => {
    const c = unwrap(x);
    return ts.isCallExpression(c) && ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === 'redirect';
  };
  if (!ts.isBlock(e.body)) return redirect(e.body);
  return e.body.statements.length > 0 && e.body.statements.every((s) => (ts.isExpressionStatement(s) && redirect(s.expression)) || (ts.isReturnStatement(s) && s.expression !== undefined && redirect(s.expression)));
}
