import type { FileContext } from '../../context';
import type { EditFix } from '../../fixes/types';
import { goImportEdits } from '../../go/edits';
import { goFxAppConstructors, goHandlesSigterm, goNamesSigterm, goNotifiesSpreadSignals, goPackageOf, goRunsResultOf } from '../../go/program';
import { servesOnlyNotice } from '../../go/muxRoutes';
import type { GoCall, GoFacts } from '../../go/types';
import type { ModuleFacts, Report } from '../types';

export const GO_SIGTERM_MESSAGES: Record<string, string> = {
  goMissing: '`{label}` starts a {what}, but no file of this program calls `signal.Notify` or `signal.NotifyContext` for SIGTERM: requests in flight die on every deploy.',
};

/** The raw-text test before the rule runs on a Go file. */
export const GO_SIGTERM_GATE = /ListenAndServe|\.Serve(?:TLS)?\(|\.Run\(|\.Start(?:TLS)?\(|\.Listen(?:er|TLS|MutualTLS)?\(/;

/** Keywords the engine tests (lower case); `listen` and `.run(` are the rule's already. */
export const GO_SIGTERM_KEYWORDS = ['.serve', '.start'];

/** Facts a Go file tells the program index (read from its text: the index loads no grammar). */
export const GO_MAIN = 'go-main';
const GO_HANDLES_SIGTERM = 'go-handles-sigterm';
/**
 * The two halves of athens' `signal.NotifyContext(ctx, shutdown.GetSignals()...)` in `main.go` and
 * `func GetSignals() []os.Signal { return []os.Signal{os.Interrupt, syscall.SIGTERM} }` in another package of the
 * program: judged as one file doing both is (JS's `names-sigterm` and `listens-to-signals`).
 */
const GO_NOTIFIES_SPREAD = 'go-notifies-spread';
const GO_NAMES_SIGTERM = 'go-names-sigterm';

/** The program registers for SIGTERM: one file does, or one registers for a spread list another file names SIGTERM in. */
function programHandlesSigterm(program: ReadonlyArray<{ facts: readonly string[] }>): boolean {
  const has = (fact: string) => program.some((m) => m.facts.includes(fact));
  return has(GO_HANDLES_SIGTERM) || (has(GO_NOTIFIES_SPREAD) && has(GO_NAMES_SIGTERM));
}

/**
 * What starts a server that runs until the process is stopped. Echo's `Start` takes the address: a `Start()`
 * with none, in a file that also imports echo, is a scheduler's or a session's (listmonk's cron and importer). Each row: how to tell the call, what it
 * starts, and a true and a false example (checked by the tests, with the row's import).
 */
export const GO_SERVER_STARTS: Array<{ what: string; import?: string; match: (c: GoCall, imports: Set<string>) => boolean; tp: string; fp: string }> = [
  { what: 'HTTP server', import: 'net/http', match: (c) => /^net\/http\.(?:ListenAndServe|ListenAndServeTLS|Serve|ServeTLS)$/.test(c.callee), tp: 'http.ListenAndServe(":8080", nil)', fp: 'http.HandleFunc("/", nil)' },
  { what: 'HTTP server', import: 'net/http', match: (c) => isMethod(c) && /^ListenAndServe(?:TLS)?$/.test(c.method), tp: 'srv := &http.Server{Addr: ":8080"}\n\tsrv.ListenAndServe()', fp: 'srv := &http.Server{Addr: ":8080"}\n\t_ = srv' },
  { what: 'gRPC server', import: 'google.golang.org/grpc', match: (c, i) => isMethod(c) && i.has('google.golang.org/grpc') && /^Serve$/.test(c.method), tp: 's := grpc.NewServer()\n\ts.Serve(lis)', fp: 's := grpc.NewServer()\n\ts.Stop()' },
  { what: 'gin server', import: 'github.com/gin-gonic/gin', match: (c, i) => isMethod(c) && i.has('github.com/gin-gonic/gin') && /^Run(?:TLS)?$/.test(c.method), tp: 'r := gin.Default()\n\tr.Run(":8080")', fp: 'r := gin.Default()\n\t_ = r' },
  { what: 'echo server', import: 'github.com/labstack/echo/v4', match: (c, i) => isMethod(c) && (i.has('github.com/labstack/echo/v4') || i.has('github.com/labstack/echo')) && /^Start(?:TLS)?$/.test(c.method) && c.args.length >= 1, tp: 'e := echo.New()\n\te.Start(":8080")', fp: 'c := cron.New()\n\tc.Start()' },
  { what: 'fiber server', import: 'github.com/gofiber/fiber/v2', match: (c, i) => isMethod(c) && (i.has('github.com/gofiber/fiber/v2') || i.has('github.com/gofiber/fiber')) && /^Listen(?:TLS|MutualTLS)?$/.test(c.method), tp: 'app := fiber.New()\n\tapp.Listen(":3000")', fp: 'app := fiber.New()\n\t_ = app' },
  // Fiber's `Listener` serves on a listener the program opened (`net.Listen("tcp", addr)`, itself no server).
  { what: 'fiber server', import: 'github.com/gofiber/fiber/v2', match: (c, i) => isMethod(c) && (i.has('github.com/gofiber/fiber/v2') || i.has('github.com/gofiber/fiber')) && c.method === 'Listener' && c.args.length >= 1, tp: 'app := fiber.New()\n\tapp.Listener(ln)', fp: 'app := fiber.New()\n\t_ = app.Config()' },
  { what: 'HTTP server', import: 'net/http', match: (c, i) => isMethod(c) && i.has('net/http') && /^Serve(?:TLS)?$/.test(c.method) && c.args.length >= 1, tp: 'srv := &http.Server{}\n\tsrv.Serve(lis)', fp: 'srv := &http.Server{}\n\tsrv.Close()' },
];

/**
 * A server on a loopback address written in the call (`http.ListenAndServe("127.0.0.1:6060", nil)`, pprof's
 * usual shape): no deploy traffic reaches it from outside the machine, so a SIGTERM cuts no user's request.
 */
function isLoopback(c: GoCall): boolean {
  const address = c.args[0]?.string?.value;
  return address !== undefined && /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]):\d*$/.test(address);
}

/**
 * A server whose mux only answers 503 or serves its static files (`servesOnlyNotice`): a notice page shown while
 * the program cannot run, with nothing in flight. The mux is the call's handler (`http.ListenAndServe(":8080",
 * mux)`) or the `Handler` of the `http.Server` literal the receiver was bound to (`server.ListenAndServe()`).
 */
function noticeServer(text: string, facts: GoFacts, c: GoCall): boolean {
  if (c.callee === 'net/http.ListenAndServe' && c.args[1]) return servesOnlyNotice(text, facts, c.args[1], c.start);
  if (!isMethod(c) || !/^\w+$/.test(c.receiver)) return false;
  const bound = facts.bindings.filter((b) => b.path.length === 1 && b.path[0] === c.receiver && b.start < c.start).pop();
  if (!bound || !/^\*?net\/http\.Server$/.test(bound.value.literalType ?? '')) return false;
  const handler = bound.value.keyed?.find((k) => k.key === 'Handler');
  return handler !== undefined && servesOnlyNotice(text, facts, handler.value, bound.start);
}

/**
 * A server a function starts in a goroutine and stops, deferred, when it returns (`go func() { _ = server.Serve(l) }()`
 * … `defer server.Shutdown(ctx)`), in a function other than `main`: its life is one call of that function (a CLI's
 * OAuth loopback listener, shut down once the login flow returns), not the process's.
 */
function servesForTheCall(text: string, facts: GoFacts, c: GoCall): boolean {
  if (!isMethod(c) || !/^\w+$/.test(c.receiver) || !c.inFunction || c.inFunction === 'main') return false;
  const lineStart = text.lastIndexOf('\n', c.start) + 1;
  if (!/^\s*go\b/.test(text.slice(lineStart, c.start))) return false;
  return facts.calls.some((d) => d.inFunction === c.inFunction && d.receiver === c.receiver && /^(?:Shutdown|Close)$/.test(d.method) && isMethod(d) && deferred(text, d.start));
}

/** The call at `at` runs when its function returns: its statement is `defer …`, or it sits in a deferred closure. */
function deferred(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  if (/^\s*defer\b/.test(text.slice(lineStart, at))) return true;
  const before = text.slice(Math.max(0, at - 2000), at);
  const open = [...before.matchAll(/\bdefer\s+func\s*\([^)]*\)\s*\{/g)].pop();
  if (!open) return false;
  let depth = 0;
  for (const ch of before.slice(open.index + open[0].length - 1)) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
  return depth > 0;
}

/** A method on a value (`srv.ListenAndServe`), not a package's function. */
function isMethod(c: GoCall): boolean {
  return c.receiver !== '' && !c.callee.includes('/') && c.callee === c.written;
}

export function summarizeGo(text: string): ModuleFacts {
  const facts: string[] = [];
  if (goPackageOf(text) === 'main') facts.push(GO_MAIN);
  if (goHandlesSigterm(text)) facts.push(GO_HANDLES_SIGTERM);
  else {
    if (goNotifiesSpreadSignals(text)) facts.push(GO_NOTIFIES_SPREAD);
    if (goNamesSigterm(text)) facts.push(GO_NAMES_SIGTERM);
  }
  for (const name of goFxAppConstructors(text)) facts.push(`${GO_FX_APP}${name}`);
  for (const name of new Set(goRunsResultOf(text))) facts.push(`${GO_RUNS}${name}`);
  return { facts };
}

const GO_FX_APP = 'go-fx-app:';
const GO_RUNS = 'go-runs:';

/** A module of the program runs (`.Run()`) the result of a function another declares to make an fx app. */
function runsFxApp(program: ReadonlyArray<{ facts: readonly string[] }>): boolean {
  const makers = new Set(program.flatMap((m) => m.facts.filter((f) => f.startsWith(GO_FX_APP)).map((f) => f.slice(GO_FX_APP.length))));
  return makers.size > 0 && program.some((m) => m.facts.some((f) => f.startsWith(GO_RUNS) && makers.has(f.slice(GO_RUNS.length))));
}

/**
 * A server started in a Go program (`package main`, or a package of the module a `main` package imports)
 * none of whose files registers for SIGTERM. Judged across the program when an index knows it; alone, the
 * file speaks for its own package only when that is `main`.
 */
export function checkSigtermGo(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile || goHandlesSigterm(context.text)) return;
  const facts = context.go;
  if (!facts) return;
  const imports = new Set(facts.imports.values());
  // A function of an imported package whose path is its name (`net.Listen`: resolved, it reads as written) is no
  // method of a server value.
  const sites = facts.calls.filter((c) => c.inFunction !== undefined && !(facts.imports.has(c.receiver) && c.callee === c.written) && !isLoopback(c) && GO_SERVER_STARTS.some((r) => r.match(c, imports)) && !noticeServer(context.text, facts, c) && !servesForTheCall(context.text, facts, c));
  if (sites.length === 0) return;
  const program = context.program?.programModules() ?? [];
  if (programHandlesSigterm(program) || runsFxApp(program)) return;
  const isProgram = facts.packageName === 'main' || program.some((m) => m.facts.includes(GO_MAIN));
  if (!isProgram) return;
  for (const site of sites) {
    const row = GO_SERVER_STARTS.find((r) => r.match(site, imports));
    const fix = shutdownFix(facts, site);
    report({
      messageId: 'goMissing', data: { label: `${site.written}(…)`, what: row?.what ?? 'server' }, start: site.start, end: site.end,
      identity: `goMissing:${site.written}`, fixes: fix ? [fix] : undefined,
    });
  }
}

const FIX_IMPORTS: Record<string, string> = { context: 'context', errors: 'errors', log: 'log', http: 'net/http', os: 'os', signal: 'os/signal', syscall: 'syscall', time: 'time' };
const FIX_NAMES = ['ctx', 'stop', 'shutdownCtx', 'cancel', 'srv'];

/**
 * "Shut down gracefully": the server runs in a goroutine, the function waits for SIGTERM or SIGINT
 * (`signal.NotifyContext`), then `Shutdown` lets requests in flight finish within ten seconds. Only for the
 * two `net/http` shapes whose server the fix can name, as a statement (or the argument of `log.Fatal`) in a
 * function, where the names it declares are free.
 */
function shutdownFix(facts: GoFacts, call: GoCall): EditFix | undefined {
  const statement = call.statement;
  if (!statement) return undefined;
  for (const [local, path] of Object.entries(FIX_IMPORTS)) {
    const bound = facts.imports.get(local);
    if (bound !== undefined && bound !== path) return undefined;
  }
  const taken = new Set(facts.bindings.filter((b) => b.path.length === 1).map((b) => b.path[0]));
  if (FIX_NAMES.some((n) => taken.has(n))) {
    // `srv` is the server of the method shape: only the new names must be free.
    if (!(call.receiver === 'srv' && FIX_NAMES.filter((n) => n !== 'srv').every((n) => !taken.has(n)))) return undefined;
  }
  const i = statement.indent;
  let server: string;
  let serve: string;
  let head = '';
  if (call.callee === 'net/http.ListenAndServe' && call.args.length === 2) {
    server = 'srv';
    head = `srv := &http.Server{Addr: ${call.args[0].text}, Handler: ${call.args[1].text}}\n${i}`;
    serve = 'srv.ListenAndServe()';
  } else if (/^ListenAndServe(?:TLS)?$/.test(call.method) && /^\w+$/.test(call.receiver) && isMethod(call)) {
    server = call.receiver;
    serve = call.written + `(${call.args.map((a) => a.text).join(', ')})`;
  } else {
    return undefined;
  }
  const text = `${head}ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
${i}defer stop()
${i}go func() {
${i}\tif err := ${serve}; err != nil && !errors.Is(err, http.ErrServerClosed) {
${i}\t\tlog.Fatal(err)
${i}\t}
${i}}()
${i}<-ctx.Done()
${i}shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
${i}defer cancel()
${i}if err := ${server}.Shutdown(shutdownCtx); err != nil {
${i}\tlog.Print(err)
${i}}`;
  const edits = [{ start: statement.start, end: statement.end, text }];
  edits.unshift(...goImportEdits(facts, Object.values(FIX_IMPORTS)));
  return { kind: 'edit', id: 'add-graceful-shutdown', title: 'Shut down gracefully on SIGTERM (signal.NotifyContext + Shutdown)', edits, preferred: true };
}
