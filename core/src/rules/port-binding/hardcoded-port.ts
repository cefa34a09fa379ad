import ts = require('typescript');
import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { BoundStatementMemo } from '../../js/boundMemo';
import { declaredOnce } from '../../js/constants';
import { dottedName, ModuleBindings, propertyValue, unwrap, type ModulePath } from '../../js/modules';
import { listenSites, type ListenSite } from '../../js/servers';
import { closesItself, servesOnlyDocs, servesOnlyProbes } from '../../js/serverUse';
import { isUsageSample, roleOfContext, runsAsProgram } from '../../workspace/roles';
import { developerToolOf } from '../../workspace/devOnly';
import { isHandRunScript, loadedByBundlerConfig, reachedByDeployment } from '../../workspace/handRunScripts';
import type { Report, Rule, RuleMeta } from '../types';
import { lineLocalTest } from '../../lineChunks';
import { checkPortGo, GO_PORT_GATE, GO_PORT_KEYWORDS, GO_PORT_MESSAGES } from './hardcoded-port-go';
import { checkPortPython, PYTHON_PORT_GATE, PYTHON_PORT_KEYWORDS, PYTHON_PORT_MESSAGES } from './hardcoded-port-python';

export const meta: RuleMeta = {
  id: 'port-binding/hardcoded-port',
  defaultSeverity: 'warning',
  description: 'A web process binds to the port the environment gives it (`PORT`), not to one written in the code.',
  messages: {
    literal: '`{label}` binds to port {port}, written in the code. Read it from `process.env.PORT` so the platform can choose.',
    constant: '`{name}` ({port}) is the port `{label}` binds to, written in the code. Read it from `process.env.PORT` so the platform can choose.',
    ...PYTHON_PORT_MESSAGES,
    ...GO_PORT_MESSAGES,
  },
  fixable: true,
  kinds: ['js', 'python', 'go'],
  keywords: ['listen', 'serve', 'hapi', ...PYTHON_PORT_KEYWORDS, ...GO_PORT_KEYWORDS],
  gate: (text, kind, context) => kind === 'python' ? PYTHON_PORT_GATE.test(text) : kind === 'go' ? GO_PORT_GATE.test(text) : context.lineLocal(PORT_GATE_JS),
};

// Searched per run of lines (`FileContext.lineLocal`); `\s*(` at the end of a run passes too (the parenthesis may
// open on the next line), so it is never narrower than searching the whole text.
const PORT_GATE_JS = lineLocalTest(/\.listen\s*(?:\(|(?![\s\S]))|\bserve\s*(?:\(|(?![\s\S]))|[Hh]api\b/);

/** Servers whose fixed port is by design: metrics scraped, probes and debuggers on a known port beside the app's. */
const AUXILIARY = /metric|prom|health|probe|debug|inspect|admin/i;

/** How the literal is used: decides whether the fix needs a number. */
type Role = 'argument' | 'argument-typed' | 'property' | 'constant';

interface Found {
  literal: ts.NumericLiteral | ts.StringLiteralLike;
  role: Role;
  name?: string;
}

export function check(context: FileContext, reportFinding: (r: Report) => void): void {
  if (context.kind === 'python') return checkPortPython(context, reportFinding);
  if (context.kind === 'go') return checkPortGo(context, reportFinding);
  // Tests bind fixed or random ports on purpose; the platform never runs them.
  if (context.isTestFile) return;
  // Snippets, vendored copies, package modules and build output (reported at its source) run no process of ours.
  let runs: boolean | undefined;
  const report = (r: Report): void => {
    // A tool run by a person at their own machine (it opens their browser, takes a free port, is a bundler's
    // development server) has no platform to give it a port.
    // A usage sample of a library (it loads the library by its published name) is run beside an installed copy,
    // and a server in a `scripts/` folder that only a developer's command starts, or a hook a bundler's development
    // server loads from its configuration, has no platform either.
    if ((runs ??= runsAsProgram(roleOfContext(context).role) && developerToolOf(context.sourceFile, context.host, (search) => context.lineLocal(search)) === undefined
      && !(context.host && isUsageSample(context.path, context.text, context.host)) && !isHandRunScript(context)
      && !(loadedByBundlerConfig(context) && !reachedByDeployment(context)))) reportFinding(r);
  };
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  const constants = declaredOnce(sf);
  const seen = new Set<ts.Node>();
  const emit = (found: Found | undefined, label: string): void => {
    if (!found || seen.has(found.literal)) return;
    seen.add(found.literal);
    const port = found.literal.text;
    report({
      messageId: found.name ? 'constant' : 'literal',
      data: { label, port, ...(found.name ? { name: found.name } : {}) },
      start: found.literal.getStart(sf),
      end: found.literal.getEnd(),
      identity: `port:${port}`,
      fixes: [fix(sf, found)],
    });
  };

  for (const site of listenSites(sf, bindings)) {
    if (site.kind === 'worker' || site.kind === 'hapi' || !ts.isCallExpression(site.call)) continue;
    if (isAuxiliary(site)) continue;
    // A listener that only answers probes, or that closes itself once it has served (a command-line tool's
    // OAuth redirect listener, whose port is the redirect URI's): its port is fixed by design.
    if (servesOnlyProbes(sf, site) || closesItself(sf, site)) continue;
    // A documentation viewer (Swagger UI, ReDoc) that no deployment reaches: a developer opens it on their machine.
    if (servesOnlyDocs(sf, site, bindings, (search) => context.lineLocal(search)) && !reachedByDeployment(context)) continue;
    // `promisify(server.listen)` returns a function: its port is given where that is called, out of sight here.
    if (!ts.isPropertyAccessExpression(unwrap(site.call.expression))) continue;
    const args = site.call.arguments;
    const typed = args.slice(1).some((a) => !isFunction(a));
    emit(portOf(args[0], typed ? 'argument-typed' : 'argument', constants), site.label);
  }
  // Servers configured with their port up front: hapi, @hono/node-server, Bun.serve (calls whose callee
  // resolves or is a dotted name, in the order of a walk of the tree).
  for (const [node, label] of configuredServers.of(sf, bindings)) {
    const options = node.arguments?.[0];
    if (options) emit(portOf(options, 'argument', constants, true), label);
  }
}

/** The calls that configure a server with its options, per top-level statement (a keystroke judges only the one it touched). */
const configuredServers = new BoundStatementMemo<readonly [ts.CallExpression | ts.NewExpression, string]>(({ calls }, bindings) => {
  const out: Array<readonly [ts.CallExpression | ts.NewExpression, string]> = [];
  for (const node of calls) {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) continue;
    const label = configuredServer(node, bindings.resolve(node.expression));
    if (label) out.push([node, label]);
  }
  return out;
});

function isAuxiliary(site: ListenSite): boolean {
  return AUXILIARY.test(site.label);
}

function isFunction(node: ts.Expression): boolean {
  const e = unwrap(node);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isIdentifier(e) && /^(on|cb|callback|done|listening|ready|started)/i.test(e.text);
}

function configuredServer(node: ts.CallExpression | ts.NewExpression, callee: ModulePath | undefined): string | undefined {
  if (callee && /^(@hapi\/hapi|hapi)$/.test(callee.module) && /^(server|Server)$/.test(callee.path[0] ?? '') && callee.path.length === 1) return dottedName(node.expression) ?? 'Hapi.server';
  if (callee && callee.module === '@hono/node-server' && callee.path[0] === 'serve') return 'serve';
  // Only `X.serve(…)` can be `Bun.serve`: the dotted name is not built for every call.
  const e = unwrap(node.expression);
  const name = ts.isPropertyAccessExpression(e) && e.name.text === 'serve' ? dottedName(e) : undefined;
  if (name === 'Bun.serve' || name === 'Deno.serve') return name;
  return undefined;
}

/**
 * The literal port an argument comes to: `3000`, `'3000'`, `{ port: 3000 }`, a constant holding one
 * (`const PORT = 3000`), the same through `Number(…)` or `parseInt(…)`, or a property of a local config object (`config.port` of `const config = { port: 3000 }`).
 * Anything else — `process.env.PORT || 3000`, a parameter, an imported config — comes from elsewhere.
 */
function portOf(arg: ts.Expression | undefined, role: Role, constants: Map<string, ts.Expression>, objectOnly = false): Found | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  if (ts.isObjectLiteralExpression(e)) {
    const port = propertyValue(e, 'port');
    return port ? portOf(port, 'property', constants) : undefined;
  }
  if (objectOnly) {
    const init = ts.isIdentifier(e) ? constantOf(e, constants) : undefined;
    return init ? portOf(init, role, constants, true) : undefined;
  }
  if (isPortLiteral(e)) return { literal: e, role };
  // `Number(port)`, `parseInt(PORT, 10)`: a conversion binds the port it is given (peppermint's Fastify
  // `listen({ port: Number(port) })` of `const port = 5003`).
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && CONVERSION.test(e.expression.text) && e.arguments.length >= 1) {
    return portOf(e.arguments[0], role, constants);
  }
  if (ts.isIdentifier(e)) {
    const found = constantOf(e, constants);
    const init = found && unwrap(found);
    if (init && isPortLiteral(init)) return { literal: init, role: 'constant', name: e.text };
    if (init && ts.isObjectLiteralExpression(init)) return portOf(init, role, constants);
    return undefined;
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && /^port$/i.test(e.name.text)) {
    const found = constantOf(e.expression, constants);
    const init = found && unwrap(found);
    if (!init || !ts.isObjectLiteralExpression(init)) return undefined;
    const value = propertyValue(init, e.name.text);
    const v = value && unwrap(value);
    return v && isPortLiteral(v) ? { literal: v, role: 'property', name: `${e.expression.text}.${e.name.text}` } : undefined;
  }
  return undefined;
}

/**
 * The initializer of the constant a name refers to, unless a function between the use and the constant
 * binds the same name as a parameter: in `const port = 5432; function start(port) { app.listen(port) }`
 * the port is the caller's, not 5432.
 */
function constantOf(use: ts.Identifier, constants: Map<string, ts.Expression>): ts.Expression | undefined {
  const init = constants.get(use.text);
  if (!init) return undefined;
  const declaration = init.parent;
  for (let n: ts.Node | undefined = use.parent; n; n = n.parent) {
    // The constant is declared inside this function: it is the nearer binding.
    if (declaration.pos >= n.pos && declaration.end <= n.end) return init;
    if (ts.isFunctionLike(n) && n.parameters.some((p) => bindsName(p.name, use.text))) return undefined;
  }
  return init;
}

function bindsName(name: ts.BindingName, wanted: string): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, wanted));
}

const CONVERSION = /^(?:Number|parseInt|parseFloat)$/;

/** A port number, or a string of one; 0 asks the system for a free port and is never a problem. */
function isPortLiteral(e: ts.Expression): e is ts.NumericLiteral | ts.StringLiteralLike {
  if (!ts.isNumericLiteral(e) && !ts.isStringLiteralLike(e)) return false;
  if (!/^\d{1,5}$/.test(e.text)) return false;
  const n = Number(e.text);
  return n > 0 && n < 65536;
}

/**
 * `process.env.PORT ?? 3000` where any type will do (`listen(port, callback)` accepts a string); in an
 * options object, a constant, or beside a host argument the API wants a number: `Number(process.env.PORT ?? 3000)`.
 */
function fix(sf: ts.SourceFile, found: Found): EditFix {
  const literalText = found.literal.getText(sf);
  const numeric = ts.isNumericLiteral(found.literal);
  const plain = `process.env.PORT ?? ${literalText}`;
  const text = !numeric || found.role === 'argument' ? plain : `Number(${plain})`;
  return {
    kind: 'edit',
    id: 'port-from-env',
    title: 'Read the port from process.env.PORT',
    edits: [{ start: found.literal.getStart(sf), end: found.literal.getEnd(), text }],
    preferred: true,
  };
}

export const rule: Rule = { meta, check };
