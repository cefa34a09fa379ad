import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { goImportEdits } from '../../go/edits';
import { muxRoutes, servesOnlyNotice } from '../../go/muxRoutes';
import type { GoExpr, GoFacts } from '../../go/types';
import { roleOfContext, runsAsProgram } from '../../workspace/roles';
import type { Report } from '../types';

const FROM_ENV = 'Read it from `os.Getenv("PORT")` so the platform can choose.';

export const GO_PORT_MESSAGES: Record<string, string> = {
  goLiteral: `\`{label}\` binds to port {port}, written in the code. ${FROM_ENV}`,
  goConstant: `\`{name}\` ({port}) is the address \`{label}\` binds to, written in the code. ${FROM_ENV}`,
};

/** Lower-case words one of the Go shapes needs (the keywords are shared with the other languages). */
export const GO_PORT_KEYWORDS = ['listen', '.run(', '.start', 'addr'];

/** The raw-text test for a Go file: a call that starts a server, or a server's `Addr`. */
export const GO_PORT_GATE = /ListenAndServe|\.Run\s*\(|\.Start(?:TLS)?\s*\(|\.Listen(?:TLS)?\s*\(|\bAddr\s*:/;

/**
 * Calls that bind an address given as a string, each with a true and a false example (the test adds the
 * imports). `index` is the argument holding the address; `imports` the package the receiver must come from.
 */
export const GO_PORT_SERVERS: Array<{ name: string; test: (callee: string, facts: GoFacts) => boolean; index: number; tp: string; fp: string }> = [
  { name: 'http.ListenAndServe', test: (c) => /^net\/http\.ListenAndServe(?:TLS)?$/.test(c), index: 0, tp: 'http.ListenAndServe(":8080", nil)', fp: 'http.ListenAndServe(":"+os.Getenv("PORT"), nil)' },
  { name: 'net.Listen', test: (c) => c === 'net.Listen', index: 1, tp: 'lis, _ := net.Listen("tcp", ":50051")\n\t_ = lis', fp: 'lis, _ := net.Listen("tcp", "127.0.0.1:0")\n\t_ = lis' },
  { name: 'gin Run', test: (c, f) => /\.Run$/.test(c) && imports(f, /^github\.com\/gin-gonic\/gin$/), index: 0, tp: 'r := gin.Default()\n\tr.Run(":8080")', fp: 'r := gin.Default()\n\tr.Run()' },
  { name: 'echo Start', test: (c, f) => /\.Start(?:TLS)?$/.test(c) && imports(f, /^github\.com\/labstack\/echo(?:\/v\d+)?$/), index: 0, tp: 'e := echo.New()\n\te.Start(":1323")', fp: 'e := echo.New()\n\te.Start(addr)' },
  { name: 'fiber Listen', test: (c, f) => /\.Listen(?:TLS)?$/.test(c) && imports(f, /^github\.com\/gofiber\/fiber(?:\/v\d+)?$/), index: 0, tp: 'app := fiber.New()\n\tapp.Listen(":3000")', fp: 'app := fiber.New()\n\tapp.Listen(":" + port)' },
];

function imports(facts: GoFacts, path: RegExp): boolean {
  return [...facts.imports.values()].some((p) => path.test(p));
}

/** Servers whose fixed port is by design: metrics scraped, probes, profilers and debuggers beside the app's port. */
/** Also ACME's HTTP-01 responder (`autocert.Manager.HTTPHandler`), which must answer on port 80 beside the app's own port. */
const AUXILIARY = /metric|prom|pprof|health|probe|debug|admin|HTTPHandler|autocert|redirect/i;
/** Variables that tell the program reads its port from the environment (the literal is then a fallback). */
const PORT_ENV = /^(?:(?:HTTP|APP|SERVER|LISTEN|WEB|GRPC)_)?(?:PORT|ADDR|ADDRESS|LISTEN_ADDR)$/;

interface Found {
  literal: GoExpr;
  port: string;
  host: string;
  /** The variable the address was followed from. */
  name?: string;
  /** The literal is a call's argument (gofmt writes `":"+port` there, `":" + port` elsewhere). */
  argument: boolean;
}

export function checkPortGo(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile) return;
  const facts = context.go;
  if (!facts || !runsAsProgram(roleOfContext(context).role)) return;
  if (facts.envReads.some((r) => r.name !== undefined && PORT_ENV.test(r.name))) return;
  const once = boundOnce(facts);
  const seen = new Set<number>();
  let fixed = false;
  const emit = (found: Found | undefined, label: string, statementAt: number | undefined): void => {
    if (!found || seen.has(found.literal.start)) return;
    seen.add(found.literal.start);
    // One fix per file: two would declare the same variable twice.
    const fix = !fixed && !found.name ? fixOf(context.text, facts, found, statementAt) : undefined;
    if (fix) fixed = true;
    report({
      messageId: found.name ? 'goConstant' : 'goLiteral',
      data: { label, port: found.port, ...(found.name ? { name: found.name } : {}) },
      start: found.literal.start,
      end: found.literal.end,
      identity: `port:${found.port}`,
      fixes: fix ? [fix] : undefined,
    });
  };
  for (const call of facts.calls) {
    const row = GO_PORT_SERVERS.find((r) => r.test(call.callee, facts));
    if (!row || AUXILIARY.test(call.written) || call.args.some((a) => AUXILIARY.test(a.text) || auxiliaryMux(context.text, facts, a, call.start))) continue;
    if (row.name === 'http.ListenAndServe' && servesBlankPprof(context.text, facts, call.args[1])) continue;
    const arg = call.args[row.index];
    if (!arg) continue;
    const found = addressOf(arg, once, true);
    const binding = found && facts.bindings.find((b) => b.inFunction && b.kind !== 'const' && b.start <= call.start && b.end >= call.end);
    emit(found, call.written, call.statement?.start ?? binding?.start);
  }
  // `srv := &http.Server{Addr: ":8080"}`: the server is configured with its address up front.
  for (const b of facts.bindings) {
    const v = b.value;
    if (!/^\*?net\/http\.Server$/.test(v.literalType ?? '') || AUXILIARY.test(b.path.join('.'))) continue;
    const addr = v.keyed?.find((k) => k.key === 'Addr');
    if (!addr || v.keyed?.some((k) => k.key === 'Handler' && (AUXILIARY.test(k.value.text) || servesOnlyNotice(context.text, facts, k.value, b.start)))) continue;
    emit(addressOf(addr.value, once, false), 'http.Server', b.inFunction && b.kind !== 'const' ? b.start : undefined);
  }
}

/**
 * A mux whose every route is a profiler's or a debugger's (`r.HandleFunc("/debug/pprof/", pprof.Index)` …) handed
 * to the server: a pprof listener beside the app's port, as `http.ListenAndServe(":6060", pprofMux)` would say.
 * A mux serving `/metrics` is not one of them: the audit labels a metrics port written in the code a finding.
 */
function auxiliaryMux(text: string, facts: GoFacts, arg: GoExpr, at: number): boolean {
  const routes = muxRoutes(text, facts, arg, at);
  if (routes && routes.length > 0 && routes.every((c) => /^\/debug\//.test(c.args[0]?.string?.value ?? '') || /\bpprof\./.test(c.args[1]?.text ?? ''))) return true;
  // A notice page every route of which answers 503 (or serves its static files): not the app's server.
  return servesOnlyNotice(text, facts, arg, at);
}

/**
 * net/http/pprof's documented idiom: `import _ "net/http/pprof"` registers the profiler on the default mux, and
 * `http.ListenAndServe(":6060", nil)` serves it beside the app's own router (https://pkg.go.dev/net/http/pprof).
 * Only while the file registers none of its own routes on the default mux (`http.HandleFunc("/", …)`): then the
 * nil handler is the app's server.
 */
function servesBlankPprof(text: string, facts: GoFacts, handler: GoExpr | undefined): boolean {
  if (!handler || !/^(?:nil|http\.DefaultServeMux)$/.test(handler.text.trim())) return false;
  if (!/(?:^|[\s(])_[ \t]+"net\/http\/pprof"/m.test(text)) return false;
  return !facts.calls.some((c) => c.callee === 'net/http.HandleFunc' || c.callee === 'net/http.Handle');
}

/** `":8080"`, `"0.0.0.0:8080"`, or a variable bound once to one. Loopback binds serve no platform traffic; port 0 is any port. */
function addressOf(e: GoExpr, once: Map<string, GoExpr>, argument: boolean): Found | undefined {
  if (e.ident && !e.string) {
    const held = once.get(e.ident);
    const found = held && addressOf(held, new Map(), argument);
    return found && { ...found, name: e.ident };
  }
  const m = e.string && /^(\[[^\]]*\]|[\w.-]*):(\d{1,5})$/.exec(e.string.value);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (n <= 0 || n > 65535 || /^(?:localhost|127\.[\d.]+|\[::1\])$/i.test(m[1])) return undefined;
  return { literal: e, port: m[2], host: m[1], argument };
}

/** Names assigned exactly once in the file (`addr := ":8080"` is followed; assigned again, it is configuration). */
function boundOnce(facts: GoFacts): Map<string, GoExpr> {
  const out = new Map<string, GoExpr>();
  const twice = new Set<string>();
  for (const b of facts.bindings) {
    if (b.path.length !== 1) continue;
    if (out.has(b.path[0])) twice.add(b.path[0]);
    else out.set(b.path[0], b.value);
  }
  for (const name of twice) out.delete(name);
  return out;
}

/**
 * Go's idiom, before the statement that binds: `port := os.Getenv("PORT")` with `if port == "" { port = "8080" }`,
 * and the address built from it (`":"+port`). The default stays, so the developer's machine runs as before.
 */
function fixOf(text: string, facts: GoFacts, found: Found, statementAt: number | undefined): EditFix | undefined {
  if (statementAt === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', statementAt - 1) + 1;
  const indent = text.slice(lineStart, statementAt);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const name = ['port', 'httpPort', 'listenPort', 'envPort'].find((n) => !new RegExp(`\\b${n}\\b`).test(text));
  if (!name) return undefined;
  const read = `${name} := os.Getenv("PORT")\n${indent}if ${name} == "" {\n${indent}\t${name} = "${found.port}"\n${indent}}\n${indent}`;
  const join = found.argument ? '+' : ' + ';
  const imports = goImportEdits(facts, ['os']);
  return {
    kind: 'edit',
    id: 'port-from-env',
    title: 'Read the port from os.Getenv("PORT")',
    edits: [...imports, { start: statementAt, end: statementAt, text: read }, { start: found.literal.start, end: found.literal.end, text: `"${found.host}:"${join}${name}` }],
    preferred: true,
  };
}
