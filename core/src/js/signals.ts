import ts = require('typescript');
import { BoundStatementMemo } from './boundMemo';
import { dottedName, isExport, ModuleBindings, unwrap, type ModulePath } from './modules';

/** Per-version results, keyed by the bindings object (one per syntax tree), as servers.ts keeps its listen sites. */
const signalCache = new WeakMap<ModuleBindings, SignalFacts>();

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
  // Effect's `NodeRuntime.runMain(program)` (also `program.pipe(NodeRuntime.runMain)`) listens for SIGINT and SIGTERM
  // and interrupts the main fiber, so the program's finalizers close its servers (https://effect.website/docs/platform/runtime/).
  { module: /^@effect\/platform-node(?:\/NodeRuntime)?$/, exports: [['NodeRuntime', 'runMain'], ['runMain']] },
  // Bun's runtime of the same platform packages does the same (`BunRuntime.runMain`).
  { module: /^@effect\/platform-bun(?:\/BunRuntime)?$/, exports: [['BunRuntime', 'runMain'], ['runMain']] },
];

function installsHandler(resolved: ModulePath | undefined): boolean {
  return resolved !== undefined && SIGTERM_LIBRARIES.some((l) => l.exports.some((path) => isExport(resolved, l.module, path)));
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
 * Does this module handle SIGTERM? `process.on/once/addListener/prependListener('SIGTERM', …)` (Deno's
 * `Deno.addSignalListener('SIGTERM', …)`), also with
 * signal names from arrays, loops, constants or object keys (a `process.on(sig, …)` in a file that names
 * SIGTERM), and the libraries that install the handler: terminus, lightship, close-with-grace,
 * http-graceful-shutdown, Effect's `runMain`, Nest's `enableShutdownHooks()`. stoppable and http-terminator close servers but
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
      if (callee && /^(?:process\.(?:on|once|addListener|prependListener|prependOnceListener)|Deno\.addSignalListener)$/.test(callee)) {
        const first = node.arguments[0] && unwrap(node.arguments[0]);
        if (first && ts.isStringLiteralLike(first)) listens = first.text === 'SIGTERM' ? 'SIGTERM' : 'other';
        else if (first) listens = 'named';
      }
      if (installsHandler(bindings.resolve(node.expression))) installs = true;
      // `program.pipe(NodeRuntime.runMain)`: a pipe calls the functions it is given.
      const pipe = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : callee;
      if (pipe === 'pipe' && node.arguments.some((a) => installsHandler(bindings.resolve(a)))) installs = true;
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'enableShutdownHooks') installs = true;
    }
    if (ts.isNewExpression(node) && installsHandler(bindings.resolve(node.expression))) installs = true;
    if (listens !== undefined || installs) found.push({ listens, installs });
  }
  return found;
});
