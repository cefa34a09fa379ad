import ts = require('typescript');
import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { ModuleBindings } from '../../js/modules';
import { usesIdentifier } from '../../js/names';
import { checkSigtermGo, GO_SIGTERM_GATE, GO_SIGTERM_KEYWORDS, GO_SIGTERM_MESSAGES, summarizeGo } from './missing-sigterm-handler-go';
import { checkSigtermPython, PYTHON_SIGTERM_GATE, PYTHON_SIGTERM_KEYWORDS, PYTHON_SIGTERM_MESSAGES, summarizePython } from './missing-sigterm-handler-python';
import type { ModuleFacts, Report, Rule, RuleMeta } from '../types';
import { importsHapi, listenSites, type ListenSite } from '../../js/servers';
import { signalFacts, type SignalFacts } from '../../js/signals';
import { closedByShutdownHook, closesItself, servesOnlyDocs, servesOnlyProbes } from '../../js/serverUse';
import { isUsageSample, roleOfContext, runsAsProgram } from '../../workspace/roles';
import { developerToolOf, devOnlyLoad } from '../../workspace/devOnly';
import { isHandRunScript, loadedByBundlerConfig, reachedByDeployment } from '../../workspace/handRunScripts';
import { isSupersededCopy } from '../../workspace/superseded';
import { lineLocalTest } from '../../lineChunks';

// `process.on` too: a module that listens to signals named in another module (`process.on(s, …)`).
const SUMMARY_KEYWORDS = ['sigterm', 'process.on', 'addsignallistener', 'process.addlistener', 'process.prepend', 'terminus', 'lightship', 'close-with-grace', 'graceful-shutdown', 'enableshutdownhooks', 'apollo-server', 'startstandaloneserver', 'runmain', 'hapi', 'glue',
  // Go: every `package main` file (the program's entry), every file that registers for signals, and every file that
  // makes a context with a package's `SignalContext` (go-kit's: a command package's root context), and every file that
  // declares a function making an fx app (`func New() *fx.App`), which `main` runs.
  'package main', 'signal.notify', '.signalcontext(', '*fx.app'];

export const meta: RuleMeta = {
  id: 'disposability/missing-sigterm-handler',
  defaultSeverity: 'warning',
  description: 'A process that starts a server or worker must shut down gracefully on SIGTERM.',
  messages: {
    missing: '`{label}` starts a {what}, but no module of this program handles SIGTERM: requests in flight die on every deploy.',
    ...PYTHON_SIGTERM_MESSAGES,
    ...GO_SIGTERM_MESSAGES,
  },
  fixable: true,
  kinds: ['js', 'python', 'go'],
  summaryKinds: ['js', 'go', 'python'],
  keywords: ['listen', 'bullmq', 'hapi', 'server.start', 'hono/node-server', 'deno.serve', 'bun.serve', ...PYTHON_SIGTERM_KEYWORDS, ...GO_SIGTERM_KEYWORDS],
  // `.listen` without a call too: `util.promisify(server.listen).bind(server)`. `server.start(` for a hapi
  // server composed in another module of the program; Hono's Node adapter, whose `serve()` starts one; the Deno and
  // Bun runtimes' global `serve`.
  // Searched per run of lines (`FileContext.lineLocal`), so a keystroke searches only the lines it touched; Python's
  // `while\s+True` may span lines and is searched in the whole text. Python's shapes (`.run(`, `while True:`) start
  // nothing in JS, whose sites are listen calls, hapi's `start` and the workers (`WORKERS` in js/servers.ts): of them
  // JS needs only `discord` (discord.js's client). Before, every JS file calling a `.run(` was parsed, twice.
  gate: (text, kind, context) => context.lineLocal(SIGTERM_GATE) || (kind === 'js' ? JS_DISCORD.test(text) : PYTHON_SIGTERM_GATE.test(text)),
  summaryKeywords: SUMMARY_KEYWORDS,
  // `hapi` and `glue` are there for one fact, that the module imports hapi or Glue (`importsHapi`), and as substrings
  // they are common (`customAuthApiError`, `glueCode`): 65 of the 98 modules of the bench corpus parsed for this
  // summary held no other keyword. A JS module whose only keywords they are is parsed when a string starts with one
  // of those modules' names (the only way `ModuleBindings` names a module), or has an escape early on.
  summaryGate: (text, kind, _context, present) => kind !== 'js' || NOT_HAPI_KEYWORDS.some((k) => present.has(k)) || HAPI_SPECIFIER.test(text),
};

/** A string that may be `@hapi/hapi`, `hapi`, `@hapi/glue`, `glue` or a path inside one (`importsHapi`). */
const HAPI_SPECIFIER = /['"`](?:@hapi\/)?(?:hapi|glue)['"`/]|['"`][\w@/.-]{0,10}\\/;
/** The summary keywords besides `hapi` and `glue`: any of them and the module is summarised as before. */
const NOT_HAPI_KEYWORDS = SUMMARY_KEYWORDS.filter((k) => k !== 'hapi' && k !== 'glue');

const HANDLES_SIGTERM = 'handles-sigterm';
/** The two halves of `import { SIGNALS } from './signals'; SIGNALS.forEach((s) => process.on(s, stop))`. */
const NAMES_SIGTERM = 'names-sigterm';
const LISTENS_TO_SIGNALS = 'listens-to-signals';
/** The module makes hapi servers (imports hapi or Glue): `server.start()` elsewhere in the program starts one. */
const USES_HAPI = 'uses-hapi';

const WHAT: Record<ListenSite['kind'], string> = {
  http: 'server',
  fastify: 'Fastify server',
  nest: 'Nest application',
  hapi: 'hapi server',
  worker: 'BullMQ worker',
};

export function summarize(context: FileContext): ModuleFacts {
  if (context.kind === 'go') return summarizeGo(context.text);
  if (context.kind === 'python') return summarizePython(context.text);
  const bindings = ModuleBindings.of(context.sourceFile);
  const facts = factsOf(signalFacts(context.sourceFile, bindings));
  if (importsHapi(bindings)) facts.push(USES_HAPI);
  return { facts };
}

function factsOf(signals: SignalFacts): string[] {
  if (signals.handled) return [HANDLES_SIGTERM];
  const facts: string[] = [];
  if (signals.namesSigterm) facts.push(NAMES_SIGTERM);
  if (signals.listensToNamedElsewhere) facts.push(LISTENS_TO_SIGNALS);
  return facts;
}

/**
 * The program handles SIGTERM: one module does, or one module listens to signals whose names another
 * module of the same program spells out (the way a single module doing both is judged).
 */
function programHandles(modules: ReadonlyArray<{ facts: string[] }>): boolean {
  const has = (fact: string) => modules.some((m) => m.facts.includes(fact));
  return has(HANDLES_SIGTERM) || (has(NAMES_SIGTERM) && has(LISTENS_TO_SIGNALS));
}

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.kind === 'python') return checkSigtermPython(context, report);
  if (context.kind === 'go') return runsAsProgram(roleOfContext(context).role) ? checkSigtermGo(context, report) : undefined;
  // A test starts servers to test them; shutting them down is the test runner's business.
  if (context.isTestFile) return;
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  let sites = listenSites(sf, bindings);
  // `server.start()` on a hapi server another module composed (`Composer((err, server) => server.start())`).
  if (sites.length === 0 && /\.start\s*\(/.test(context.text) && context.program?.programModules().some((m) => m.facts.includes(USES_HAPI))) {
    sites = listenSites(sf, bindings, { hapiInProgram: true });
  }
  // A server on an ephemeral port (`listen(0, '127.0.0.1')`) serves only the process that learns its port:
  // linkwarden's worker runs such a loopback proxy for its own fetches. No deploy cuts a request of others.
  sites = sites.filter((site) => !onEphemeralPort(site.call));
  // A listener that only answers the platform's probes (`/healthz` beside a worker) or closes itself once it
  // has served (a command-line tool's OAuth redirect listener) has nothing in flight for a deploy to cut.
  sites = sites.filter((site) => !servesOnlyProbes(sf, site) && !closesItself(sf, site));
  // One kept on an instance whose class stops it in a shutdown hook (Nest's, a Medusa module's) is the host's to stop.
  sites = sites.filter((site) => !closedByShutdownHook(site));
  if (sites.length === 0) return;
  // Code that never runs as a program of this project: a snippet shown to users, a vendored copy, a module
  // of a package some other program loads, or build output whose source is reported instead.
  if (!runsAsProgram(roleOfContext(context).role)) return;
  // A development tool: the file loads a package that a production install omits (a mock server on a
  // devDependency, a local test broker started by hand), so no deployed process runs it.
  if (context.host && devOnlyLoad(context.host, context.path, sf) !== undefined) return;
  // A tool run by a person at their own machine: it opens their browser, takes whichever port is free, or is a
  // bundler's development server (a CLI's `dev` command, a local tunnel, a documentation viewer).
  if (developerToolOf(sf, context.host, (search) => context.lineLocal(search)) !== undefined) return;
  // A usage sample of a library, loading the library by its published name as a user's code would.
  if (context.host && isUsageSample(context.path, context.text, context.host)) return;
  // A server in a `scripts/` folder that a developer's command starts and no deployment does (a dev portal).
  if (isHandRunScript(context)) return;
  // A development server's hook a bundler's configuration loads (webpack-dev-server's `before`), deployed by nothing.
  if (loadedByBundlerConfig(context) && !reachedByDeployment(context)) return;
  // A documentation viewer (every route serves the API's Swagger UI or ReDoc page) that no deployment reaches.
  if (sites.every((site) => servesOnlyDocs(sf, site, bindings, (search) => context.lineLocal(search))) && !reachedByDeployment(context)) return;
  // A copy kept aside after its replacement took over (`old-server.js`, imported by nothing): no program runs it.
  if (isSupersededCopy(context.path, context.host, context.program)) return;
  // Judge the program when an index knows it; alone, the file can only speak for itself. The file's own
  // facts join the program's, in case the index has not seen this version yet.
  const own = signalFacts(sf, bindings);
  const program = context.program?.programModules() ?? [];
  if (own.handled || programHandles([...program, { facts: factsOf(own) }])) return;
  // Names the fixes declare, shared across the sites: fix-all applies them together, and two
  // `const shutdown` in one scope would not parse. Whether a site has a fix (and its id, which every diagnostic
  // carries) is known at once; the edits, which need a free name (a walk of the whole tree), are made only when
  // a fix is applied, then for every site at once, in order, so the names come out as they always did.
  let plans: Array<ShutdownPlan | undefined> | undefined;
  let edits: Array<EditFix['edits'] | undefined> | undefined;
  const editsOf = (i: number): EditFix['edits'] => {
    if (!edits) {
      const taken = new Set<string>();
      edits = (plans ?? []).map((plan) => plan?.edits(taken));
    }
    return edits[i] ?? [];
  };
  const fixOf = (i: number): EditFix[] | undefined => {
    plans ??= sites.map((site) => shutdownFix(context, site));
    const plan = plans[i];
    if (!plan) return undefined;
    const fix = { kind: 'edit', id: 'add-graceful-shutdown', title: plan.title, preferred: true } as EditFix;
    Object.defineProperty(fix, 'edits', { enumerable: true, get: () => editsOf(i) });
    return [fix];
  };
  for (const [i, site] of sites.entries()) {
    report({
      messageId: 'missing',
      data: { label: site.label, what: site.what ?? WHAT[site.kind] },
      start: site.anchor.getStart(sf),
      end: site.anchor.getEnd(),
      identity: `missing:${site.label}`,
      fixes: () => fixOf(i),
    });
  }
}

// `\s*(` at the end of a run of lines passes too (the parenthesis may open on the next line): never narrower than
// searching the whole text.
const SIGTERM_GATE = lineLocalTest(new RegExp(`\\.listen\\b|\\bbullmq\\b|[Hh]api\\b|\\bserver\\.start\\s*(?:\\(|(?![\\s\\S]))|@hono\\/node-server\\b|\\b(?:Deno|Bun)\\.serve\\b|${GO_SIGTERM_GATE.source}`));

/** discord.js's client, a worker the JS check finds (`WORKERS`) that SIGTERM_GATE does not name. */
const JS_DISCORD = /\bdiscord\b/;

function onEphemeralPort(call: ts.Node): boolean {
  if (!ts.isCallExpression(call) || call.arguments.length === 0) return false;
  const first = call.arguments[0];
  if (ts.isNumericLiteral(first)) return first.text === '0';
  return ts.isObjectLiteralExpression(first) && first.properties.some((p) =>
    ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'port' && ts.isNumericLiteral(p.initializer) && p.initializer.text === '0');
}

/** The statement a call sits in, and whether its value is thrown away (`app.listen(3000);`). */
function statementOf(call: ts.Node): { statement: ts.Statement; discarded: boolean; binding?: string } | undefined {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const parent = n.parent;
  if (parent && ts.isExpressionStatement(parent)) return { statement: parent, discarded: true };
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const statement = parent.parent.parent;
    if (ts.isVariableStatement(statement)) return { statement, discarded: false, binding: parent.name.text };
  }
  return undefined;
}

/**
 * A name no identifier of the file nor another site's fix uses; claimed, so the next site's fix picks another.
 * Identifiers, not text: "server" in a comment, a log message or a property (`config.server`) does not take
 * the name, so the fix writes `server` whenever it is free.
 */
function freeName(sf: ts.SourceFile, wanted: string, taken: Set<string>): string {
  const free = (name: string) => !taken.has(name) && !usesIdentifier(sf, name);
  let name = wanted;
  for (let i = 2; !free(name); i++) name = `${wanted}${i}`;
  taken.add(name);
  return name;
}

/** A fix whose kind and title are known at once, and whose edits (which pick free names) are made when read. */
interface ShutdownPlan {
  title: string;
  edits: (taken: Set<string>) => EditFix['edits'];
}

/**
 * "Add graceful shutdown": bind the server if its value was thrown away, then stop accepting connections
 * on SIGTERM and SIGINT, close, and end within a bounded time. `process.exitCode` lets pending output flush;
 * `process.exit` is only the backstop when connections outlive the grace period. Whether the site has a fix is
 * decided here; the edits, which walk the tree for free names, only when someone reads them.
 */
function shutdownFix(context: FileContext, site: ListenSite): ShutdownPlan | undefined {
  const sf = context.sourceFile;
  const place = statementOf(site.call);
  if (!place) return undefined;
  const ts_ = /\.[cm]?tsx?$/i.test(context.path);
  const at = place.statement.getStart(sf);
  const after = place.statement.getEnd();
  const layout = () => ({
    eol: context.lines.eol,
    indent: /^[ \t]*/.exec(context.lines.lineText(context.lines.positionAt(at).line))?.[0] ?? '',
  });
  const receiverText = site.receiver && ts.isIdentifier(site.receiver) ? site.receiver.text : undefined;
  /** The statement's binding, or a free name bound to the value the code threw away (`const server = …`). */
  const bound = (wanted: string, taken: Set<string>, edits: EditFix['edits']): string => {
    if (!place.discarded) return place.binding as string;
    const name = freeName(sf, wanted, taken);
    edits.push({ start: at, end: at, text: `const ${name} = ` });
    return name;
  };

  if (site.kind === 'nest' || (site.kind === 'http' && receiverText && /nest/i.test(receiverText))) {
    if (!receiverText) return undefined;
    // Nest runs its own shutdown hooks (onModuleDestroy, beforeApplicationShutdown) once they are enabled.
    return {
      title: 'Add graceful shutdown (enableShutdownHooks)',
      edits: () => {
        const { eol, indent } = layout();
        return [{ start: at, end: at, text: `${receiverText}.enableShutdownHooks();${eol}${indent}` }];
      },
    };
  }
  if (site.kind === 'fastify' || site.kind === 'hapi' || site.kind === 'worker') {
    if (site.kind !== 'worker' && !receiverText) return undefined;
    return {
      title: 'Add graceful shutdown (SIGTERM, SIGINT)',
      edits: (taken) => {
        const { eol, indent } = layout();
        const edits: EditFix['edits'] = [];
        const target = site.kind === 'worker' ? bound(site.bindAs ?? 'worker', taken, edits) : receiverText as string;
        const closeCall = site.kind === 'hapi' ? `${target}.stop({ timeout: 10_000 })` : site.close ? site.close(target) : `${target}.close()`;
        edits.push({ start: after, end: after, text: promiseShutdown(closeCall, freeName(sf, 'shutdown', taken), ts_, indent, eol) });
        return edits;
      },
    };
  }
  // A Node server listened on by name (`server.listen(port)`, `promisify(server.listen.bind(server))`) is
  // closed by that name. A promisified `listen` of anything else gives no handle on the server: no fix.
  // Otherwise `listen` returns the server (an Express or Koa app's): bind it when the code threw it away.
  if (!site.server && (site.promisified || (!place.discarded && !place.binding))) return undefined;
  return {
    title: 'Add graceful shutdown (SIGTERM, SIGINT)',
    edits: (taken) => {
      const { eol, indent } = layout();
      const edits: EditFix['edits'] = [];
      const target = site.server || bound('server', taken, edits);
      edits.push({ start: after, end: after, text: serverShutdown(target, freeName(sf, 'shutdown', taken), ts_, indent, eol) });
      return edits;
    },
  };
}

function serverShutdown(server: string, shutdown: string, typed: boolean, indent: string, eol: string): string {
  const sig = typed ? 'signal: NodeJS.Signals' : 'signal';
  const err = typed ? 'error?: Error' : 'error';
  return [
    '',
    '',
    `// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.`,
    `const ${shutdown} = (${sig}) => {`,
    `  console.info(\`\${signal} received: closing the server\`);`,
    `  ${server}.close((${err}) => {`,
    `    if (error) console.error(error);`,
    `    process.exitCode = error ? 1 : 0;`,
    `  });`,
    `  // Keep-alive connections must not hold the process past the grace period.`,
    `  setTimeout(() => process.exit(1), 10_000).unref();`,
    `};`,
    `process.once('SIGTERM', ${shutdown});`,
    `process.once('SIGINT', ${shutdown});`,
  ].map((line, i) => (i < 2 || line === '' ? line : indent + line)).join(eol);
}

function promiseShutdown(closeCall: string, shutdown: string, typed: boolean, indent: string, eol: string): string {
  const sig = typed ? 'signal: NodeJS.Signals' : 'signal';
  return [
    '',
    '',
    `// Graceful shutdown: stop taking work, finish what is in flight, then exit.`,
    `const ${shutdown} = (${sig}) => {`,
    `  console.info(\`\${signal} received: shutting down\`);`,
    `  ${closeCall}.then(`,
    `    () => { process.exitCode = 0; },`,
    `    (error: unknown) => { console.error(error); process.exitCode = 1; },`,
    `  );`,
    `  setTimeout(() => process.exit(1), 10_000).unref();`,
    `};`,
    `process.once('SIGTERM', ${shutdown});`,
    `process.once('SIGINT', ${shutdown});`,
  ].map((line, i) => (i < 2 || line === '' ? line : indent + line)).map((l) => (typed ? l : l.replace('(error: unknown)', '(error)'))).join(eol);
}

export const rule: Rule = { meta, check, summarize };
