import * as path from 'node:path';
import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { pythonImportEdit } from '../../python/edits';
import { launchCommands, servedByAppServer, servedByWsgiScript } from '../../python/launch';
import type { PyCall, PyExpr, PythonFacts } from '../../python/types';
import { roleOfContext, runsAsProgram } from '../../workspace/roles';
import type { Report } from '../types';

const FROM_ENV = 'Read it from `os.environ["PORT"]` so the platform can choose.';

export const PYTHON_PORT_MESSAGES: Record<string, string> = {
  pyLiteral: `\`{label}\` binds to port {port}, written in the code. ${FROM_ENV}`,
  pyConstant: `\`{name}\` ({port}) is the port \`{label}\` binds to, written in the code. ${FROM_ENV}`,
};

/** Lower-case keywords the engine tests before the gate (`port` is in every `import`: the gate decides). */
export const PYTHON_PORT_KEYWORDS = ['port', 'server', '.run', '.bind', 'bind'];

/** The raw-text test for a Python file: a call that could start a server, or gunicorn's `bind` setting. */
export const PYTHON_PORT_GATE = /\bport\s*=|\.run(?:_app)?\s*\(|Server\s*\(|\.bind\s*\(|make_server|start_server|create_server|TCPSite|\.listen\s*\(|add_(?:insecure|secure)_port|^bind\s*=/m;

/** Where a server call takes its port. */
interface PortSlot {
  keyword?: string;
  /** The positional argument that is the port. */
  index?: number;
  /** The positional argument after a host string (`app.run('0.0.0.0', 5000)`, `socketio.run(app, '0.0.0.0', 5000)`). */
  afterHost?: boolean;
  /** The positional argument that is an address tuple `(host, port)`. */
  address?: number;
  /** The positional argument that is a `'host:port'` string. */
  hostPort?: number;
}

/**
 * Calls that start a server on a port, each with a true and a false example (checked by the tests). `run`
 * rows are frameworks' own servers (Flask, Sanic, socketio, uvicorn, bottle, aiohttp's `run_app`).
 */
export const PORT_SERVERS: Array<{ name: string; test: (call: PyCall, facts: PythonFacts) => boolean; slot: PortSlot; tp: string; fp: string }> = [
  {
    name: 'app.run', test: (c) => /^run(?:_app)?$/.test(c.method) && !NOT_SERVERS.test(c.callee), slot: { keyword: 'port', afterHost: true },
    tp: "app.run(host='0.0.0.0', port=5000)", fp: "app.run(host='0.0.0.0', port=int(os.environ.get('PORT', 5000)))",
  },
  { name: 'uvicorn.run', test: (c) => c.callee === 'uvicorn.run', slot: { keyword: 'port', afterHost: true }, tp: "uvicorn.run(app, host='0.0.0.0', port=8000)", fp: "uvicorn.run(app, host='0.0.0.0', port=settings.port)" },
  { name: 'waitress.serve', test: (c) => c.method === 'serve', slot: { keyword: 'port' }, tp: "serve(app, host='0.0.0.0', port=8080)", fp: 'serve(app, port=port)' },
  {
    name: 'HTTPServer', test: (c) => ADDRESS_SERVERS.test(c.method), slot: { address: 0, keyword: 'server_address' },
    tp: "HTTPServer(('', 8000), Handler)", fp: "HTTPServer(('', port), Handler)",
  },
  { name: 'socket.bind', test: (c) => c.method === 'bind' && c.args.length === 1, slot: { address: 0 }, tp: "sock.bind(('0.0.0.0', 9000))", fp: "sock.bind(('0.0.0.0', 0))" },
  { name: 'make_server', test: (c) => c.method === 'make_server', slot: { index: 1, keyword: 'port' }, tp: "make_server('', 8000, app)", fp: "make_server('', PORT_FROM_ENV, app)" },
  {
    name: 'asyncio.start_server', test: (c) => /^(?:start_server|create_server|TCPSite)$/.test(c.method), slot: { index: 2, keyword: 'port' },
    tp: "await asyncio.start_server(handle, '0.0.0.0', 8888)", fp: "await asyncio.start_server(handle, '0.0.0.0', config.port)",
  },
  { name: 'tornado listen', test: (c, f) => c.method === 'listen' && [...f.modules].some((m) => /^tornado\b/.test(m)), slot: { index: 0, keyword: 'port' }, tp: 'import tornado.web\napp.listen(8888)', fp: 'sock.listen(5)' },
  { name: 'grpc add_insecure_port', test: (c) => /^add_(?:insecure|secure)_port$/.test(c.method), slot: { hostPort: 0 }, tp: "server.add_insecure_port('[::]:50051')", fp: "server.add_insecure_port(f'[::]:{port}')" },
];

/** `asyncio.run(main())`, `subprocess.run([...])` and their kin run no server of their own. */
const NOT_SERVERS = /^(?:asyncio|trio|anyio|subprocess|unittest|pytest|multiprocessing|uvicorn|invoke|typer|click|fire)\./;
const ADDRESS_SERVERS = /^(?:HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|ForkingTCPServer|UDPServer|ThreadingUDPServer|WSGIServer|StreamServer|SimpleXMLRPCServer)$/;
/** Servers whose fixed port is by design: metrics scraped, probes and debuggers on a known port beside the app's. */
const AUXILIARY = /metric|prom|health|probe|debug|inspect|admin/i;

interface Found {
  literal: PyExpr;
  port: string;
  /** A constant holding the port (`PORT = 8000`). */
  name?: string;
  /** `'0.0.0.0:8000'`: the port is the tail of a string. */
  hostPort?: { host: string };
}

export function checkPortPython(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  const facts = context.python;
  if (!facts || !runsAsProgram(roleOfContext(context).role)) return;
  const constants = constantsOf(facts);
  let commands: string | undefined;
  let wsgi: boolean | undefined;
  const seen = new Set<number>();
  const emit = (found: Found | undefined, label: string): void => {
    if (!found || seen.has(found.literal.start)) return;
    seen.add(found.literal.start);
    report({
      messageId: found.name ? 'pyConstant' : 'pyLiteral',
      data: { label, port: found.port, ...(found.name ? { name: found.name } : {}) },
      start: found.literal.start,
      end: found.literal.end,
      identity: `port:${found.port}`,
      fixes: [fixOf(facts, found)],
    });
  };
  for (const call of facts.calls) {
    const row = PORT_SERVERS.find((r) => r.test(call, facts));
    const label = short(call.written || call.method);
    if (!row || AUXILIARY.test(label)) continue;
    // `if __name__ == '__main__': app.run(port=5000)` beside a Procfile that runs gunicorn is the developer's
    // server: the app server binds the port the platform gives it.
    // So is a module a mod_wsgi script (`*.wsgi`) imports: Apache serves it.
    if (row.slot.afterHost && call.inMainGuard && (servedByAppServer(commands ??= launchCommands(context)) || (wsgi ??= servedByWsgiScript(context)))) continue;
    emit(portIn(call, row.slot, constants), label);
  }
  if (/gunicorn/i.test(path.basename(context.path)) && !developmentGunicorn(context.path, context.text, facts)) {
    // gunicorn binds `$PORT` by itself unless its config names an address.
    for (const a of facts.assignments) {
      if (a.scope !== 'module' || a.path.length !== 1 || a.path[0] !== 'bind') continue;
      const value = a.value.elements?.length === 1 ? a.value.elements[0] : a.value;
      emit(hostPortOf(value), 'bind');
    }
  }
}

// A config file whose name says development (`gunicorn-dev.conf.py`, `gunicorn_development.py`, `local.gunicorn.py`).
const DEVELOPMENT_NAME = /(?:^|[._-])(?:dev|development|local)(?:[._-]|$)/i;

/**
 * A gunicorn config for the developer's machine: its name says development, or it sets `reload = True`, which
 * gunicorn documents as "intended for development" (https://docs.gunicorn.org/en/stable/settings.html#reload).
 * Its `bind` is the developer's address; the config the image runs is judged on its own.
 */
function developmentGunicorn(file: string, text: string, facts: PythonFacts): boolean {
  if (DEVELOPMENT_NAME.test(path.basename(file).replace(/\.py$/i, ''))) return true;
  // Only an unconditional `reload = True` (a statement at the start of its line): a config that turns reload on
  // under `if env.bool("DEBUG")` is the production config with a development switch (audit: bookwyrm).
  const atLineStart = (offset: number) => offset === 0 || text[offset - 1] === '\n';
  return facts.assignments.some((a) => a.scope === 'module' && a.path.length === 1 && a.path[0] === 'reload' && a.value.text === 'True' && atLineStart(a.start));
}

function portIn(call: PyCall, slot: PortSlot, constants: Map<string, PyExpr>): Found | undefined {
  if (slot.keyword && call.kwargs[slot.keyword]) {
    const value = call.kwargs[slot.keyword];
    return slot.keyword === 'server_address' ? addressPort(value, constants) : literalPort(value, constants);
  }
  if (slot.index !== undefined) return literalPort(call.args[slot.index], constants);
  if (slot.address !== undefined) return addressPort(call.args[slot.address], constants);
  if (slot.hostPort !== undefined) return hostPortOf(call.args[slot.hostPort]);
  if (slot.afterHost) {
    for (let i = 1; i < call.args.length; i++) if (call.args[i - 1].string) return literalPort(call.args[i], constants);
  }
  return undefined;
}

/** `('', 8000)` (or a constant holding one): its port. */
function addressPort(value: PyExpr | undefined, constants: Map<string, PyExpr>): Found | undefined {
  const tuple = value?.type === 'identifier' ? constants.get(value.text) : value;
  return tuple?.elements?.length === 2 ? literalPort(tuple.elements[1], constants) : undefined;
}

/** A port number, a string of one, or a module constant holding one; 0 asks the system for a free port. */
function literalPort(value: PyExpr | undefined, constants: Map<string, PyExpr>): Found | undefined {
  if (!value) return undefined;
  if (value.type === 'identifier') {
    const held = constants.get(value.text);
    const found = held && literalPort(held, new Map());
    return found && { ...found, name: value.text };
  }
  const text = value.type === 'integer' ? value.text : value.string && !value.string.interpolated ? value.string.value : undefined;
  return text !== undefined && isPort(text) ? { literal: value, port: text } : undefined;
}

/** `'0.0.0.0:8000'`, `'[::]:50051'`: an address string with a port. */
function hostPortOf(value: PyExpr | undefined): Found | undefined {
  const s = value?.string;
  const m = s && !s.interpolated ? /^(.*):(\d{1,5})$/.exec(s.value) : undefined;
  return value && m && isPort(m[2]) && !/^unix:/.test(m[1]) ? { literal: value, port: m[2], hostPort: { host: m[1] } } : undefined;
}

function isPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const n = Number(text);
  return n > 0 && n < 65536;
}

/**
 * Module-level names assigned once: `PORT = 8000` is followed, `PORT = 8000` then `PORT = 9000` (configuration
 * at run time) is not.
 */
function constantsOf(facts: PythonFacts): Map<string, PyExpr> {
  const out = new Map<string, PyExpr>();
  const twice = new Set<string>();
  for (const a of facts.assignments) {
    if (a.path.length !== 1) continue;
    const name = a.path[0];
    if (out.has(name) || a.scope !== 'module') twice.add(name);
    else out.set(name, a.value);
  }
  for (const name of twice) out.delete(name);
  return out;
}

/**
 * `int(os.environ.get("PORT", "5000"))` in place of the number; `"0.0.0.0:" + os.environ.get("PORT", "8000")`
 * in place of an address string. The default stays, so the developer's machine runs as before.
 */
function fixOf(facts: PythonFacts, found: Found): EditFix {
  const read = `os.environ.get("PORT", "${found.port}")`;
  const text = found.hostPort ? `${JSON.stringify(`${found.hostPort.host}:`)} + ${read}` : `int(${read})`;
  const imports = pythonImportEdit(facts, 'os');
  return {
    kind: 'edit',
    id: 'port-from-env',
    title: 'Read the port from os.environ["PORT"]',
    edits: [...(imports ? [imports] : []), { start: found.literal.start, end: found.literal.end, text }],
    preferred: true,
  };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
