// port-binding/hardcoded-port on Go: the server table's rows, the judgement, and the `os.Getenv("PORT")` fix,
// whose output must parse with the Go grammar.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { GO_PORT_SERVERS } from '../../core/src/rules/port-binding/hardcoded-port-go';
import { fixGo, goFindings, goMain, goParses, loadGo } from './go-helpers';

const RULE = 'port-binding/hardcoded-port';
const IMPORTS = ['net', 'net/http', 'os', 'github.com/gin-gonic/gin', 'github.com/labstack/echo/v4', 'github.com/gofiber/fiber/v2'];

before(loadGo);

const ids = (text: string, path = '/ws/main.go') => goFindings(RULE, path, text).map((f) => f.messageId);

describe('port-binding/hardcoded-port in Go: the server table', () => {
  for (const row of GO_PORT_SERVERS) {
    test(`${row.name}: true example reported`, () => assert.deepEqual(ids(goMain(IMPORTS, row.tp)), ['goLiteral']));
    test(`${row.name}: false example clean`, () => assert.deepEqual(ids(goMain(IMPORTS, row.fp)), []));
  }
});

describe('judgement', () => {
  test('the PORT idiom with a fallback is valid', () => {
    assert.deepEqual(ids(goMain(['log', 'net/http', 'os'], 'port := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\tlog.Fatal(http.ListenAndServe(":"+port, nil))')), []);
  });
  test('http.Server{Addr} is reported', () => {
    assert.deepEqual(ids(goMain(['net/http'], 'srv := &http.Server{Addr: ":8080"}\n\t_ = srv.ListenAndServe()')), ['goLiteral']);
  });
  test('a variable bound once is followed', () => {
    assert.deepEqual(ids(goMain(['net/http'], 'addr := ":8080"\n\thttp.ListenAndServe(addr, nil)')), ['goConstant']);
  });
  test('test files are not reported', () => {
    assert.deepEqual(ids(goMain(['net/http'], 'http.ListenAndServe(":8080", nil)'), '/ws/main_test.go'), []);
  });
  test('a loopback bind, port 0 and a pprof server are not reported', () => {
    assert.deepEqual(ids(goMain(['net/http', 'net'], 'http.ListenAndServe("localhost:6060", nil)\n\tnet.Listen("tcp", ":0")\n\thttp.ListenAndServe(":9090", promhttp.Handler())')), []);
  });
  test('audit (writefreely): the autocert HTTP-01 redirect server on :80 beside the app is by design', () => {
    assert.deepEqual(ids(goMain(['net/http'], 'go func() {\n\t\t_ = http.ListenAndServe(":80", m.HTTPHandler(nil))\n\t}()')), []);
  });
  test('held-out 5: a mux whose every route is a profiler\'s (pprof) is a debug listener; a mux with an app route is not', () => {
    const mux = (routes: string) => `r := http.NewServeMux()\n${routes}\thttp.ListenAndServe(":9090", r)`;
    const pprofRoutes = '\tr.HandleFunc("/debug/pprof/", pprof.Index)\n\tr.HandleFunc("/debug/pprof/profile", pprof.Profile)\n';
    assert.deepEqual(ids(goMain(['net/http', 'net/http/pprof'], mux(pprofRoutes))), []);
    assert.deepEqual(ids(goMain(['net/http', 'net/http/pprof'], mux(`${pprofRoutes}\tr.HandleFunc("/api/items", items)\n`))), ['goLiteral']);
    assert.deepEqual(ids(goMain(['net/http'], mux(''))), ['goLiteral'], 'a mux with no route the file registers is judged as any handler');
    assert.deepEqual(ids(goMain(['net/http'], mux('\tr.Handle("/metrics", promhttp.Handler())\n'))), ['goLiteral'], 'a metrics mux is judged as any handler');
    const appRouter = 'r := http.NewServeMux()\n\tr.HandleFunc("/api/items", items)\n\tgo func() {\n\t\t' + mux(pprofRoutes).replace(/\n/g, '\n\t') + '\n\t}()\n\thttp.ListenAndServe(":8080", r)';
    assert.deepEqual(ids(goMain(['net/http', 'net/http/pprof'], appRouter)), ['goLiteral'], 'the app router of the same name outside the closure is still reported');
  });
  test('held-out 7: pprof\'s blank import served on the default mux (`ListenAndServe(":6060", nil)`) is a profiler listener', () => {
    const file = (body: string, pprof = true) => `package main\n\nimport (\n\t"net/http"\n${pprof ? '\t_ "net/http/pprof"\n' : ''})\n\nfunc main() {\n\t${body}\n}\n`;
    const profiler = 'go func() {\n\t\t_ = http.ListenAndServe(":6060", nil)\n\t}()';
    assert.deepEqual(ids(file(profiler)), []);
    assert.deepEqual(ids(file('_ = http.ListenAndServe(":6060", http.DefaultServeMux)')), []);
    assert.deepEqual(ids(file(profiler, false)), ['goLiteral'], 'without the pprof import the default mux is the app\'s');
    assert.deepEqual(ids(file(`http.HandleFunc("/api/items", items)\n\t${profiler}`)), ['goLiteral'], 'routes of the app on the default mux make it the app\'s server');
    assert.deepEqual(ids(file('_ = http.ListenAndServe(":8080", router)')), ['goLiteral'], 'a router of its own is the app\'s server');
  });
  test('a file that reads PORT elsewhere is not reported', () => {
    assert.deepEqual(ids(goMain(['net/http', 'os'], 'if p := os.Getenv("PORT"); p != "" {\n\t\t_ = p\n\t}\n\thttp.ListenAndServe(":8080", nil)')), []);
  });
});

describe('the fix', () => {
  const fix = (imports: string[], body: string) => {
    const { source } = fixGo(RULE, '/ws/main.go', goMain(imports, body));
    assert.ok(goParses(source), source);
    return source;
  };
  test('ListenAndServe: PORT with the literal as the default, and the os import', () => {
    // The import's place within the block is edits.ts's (gofmt-sorted there); here only that it is added.
    const out = fix(['log', 'net/http'], 'log.Fatal(http.ListenAndServe(":8080", nil))');
    assert.match(out, /import \([^)]*\t"os"\n[^)]*\)/);
    assert.ok(out.endsWith('func main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\tlog.Fatal(http.ListenAndServe(":"+port, nil))\n}\n'), out);
  });
  test('http.Server{Addr}: the host is kept, gofmt spacing in a keyed element', () => {
    const out = fix(['net/http', 'os'], 'srv := &http.Server{\n\t\tAddr: "0.0.0.0:8080",\n\t}\n\t_ = srv.ListenAndServe()');
    assert.match(out, /\tport := os\.Getenv\("PORT"\)\n\tif port == "" \{\n\t\tport = "8080"\n\t\}\n\tsrv := &http\.Server\{\n\t\tAddr: "0\.0\.0\.0:" \+ port,/);
    assert.deepEqual(goFindings(RULE, '/ws/main.go', out), []);
  });
  test('an `if err := …; err != nil` statement is reported without a fix (no statement to put the read before)', () => {
    const text = goMain(['github.com/gin-gonic/gin'], 'r := gin.Default()\n\tif err := r.Run(":8080"); err != nil {\n\t\tpanic(err)\n\t}');
    assert.deepEqual(ids(text), ['goLiteral']);
    assert.equal(fixGo(RULE, '/ws/main.go', text).source, text);
  });
  test('a name already used picks another', () => {
    const out = fix(['net'], 'port := 1\n\t_ = port\n\tl, _ := net.Listen("tcp", ":50051")\n\t_ = l');
    assert.match(out, /httpPort := os\.Getenv\("PORT"\)/);
  });
});
