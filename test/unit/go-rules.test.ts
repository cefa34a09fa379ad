import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { GO_SERVER_STARTS } from '../../core/src/rules/disposability/missing-sigterm-handler-go';
import { GO_LOG_SHAPES } from '../../core/src/rules/logs/file-logging-go';
import { GO_SESSION_STORES } from '../../core/src/rules/processes/in-memory-session-go';
import { fixGo, goFindings, goMain, goParses, loadGo } from './go-helpers';

// Logging, session and shutdown checks on Go files: each table row's true and false example, then the shapes
// the Go audit set (audit/repos-go.tsv) taught, each written as a minimal module of its own.
const LOGS = 'logs/file-logging';
const SIGTERM = 'disposability/missing-sigterm-handler';
const SESSIONS = 'processes/in-memory-session';
const LOG_IMPORTS = ['io', 'log', 'log/slog', 'os', 'github.com/rs/zerolog', 'github.com/sirupsen/logrus', 'go.uber.org/zap', 'gopkg.in/natefinch/lumberjack.v2'];
const logs = (body: string, imports = LOG_IMPORTS) => goFindings(LOGS, '/ws/cmd/app/main.go', goMain(imports, body));
const ids = (list: Array<{ messageId?: string }>) => list.map((f) => f.messageId);

before(loadGo);

describe('logs/file-logging in Go', () => {
  for (const row of GO_LOG_SHAPES) {
    test(`${row.shape}: the true example is reported`, () => assert.deepEqual(ids(logs(row.tp)), [row.messageId]));
    test(`${row.shape}: the false example is clean`, () => assert.deepEqual(ids(logs(row.fp)), []));
  }

  test('a file opened with a call in its arguments (os.OpenFile(filepath.Join(…))) is still the file', () => {
    const body = 'f, _ := os.OpenFile(filepath.Join(os.TempDir(), "app.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\tlog.SetOutput(f)';
    assert.deepEqual(ids(logs(body, ['log', 'os', 'path/filepath'])), ['goSetOutputFile']);
  });

  test('a lumberjack logger handed to SetOutput is reported once, at the call the fix rewrites', () => {
    assert.deepEqual(ids(logs('log.SetOutput(&lumberjack.Logger{Filename: "/var/log/app.log"})')), ['goSetOutputFile']);
  });

  test('a list of writers grown with append and handed to zerolog.MultiLevelWriter(list...) holds the file', () => {
    const body = 'var writers []io.Writer\n\twriters = append(writers, os.Stdout)\n\tif true {\n\t\tf, _ := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\t\twriters = append(writers, f)\n\t}\n\tif len(writers) == 0 {\n\t\twriters = append(writers, os.Stderr)\n\t}\n\tmulti := zerolog.MultiLevelWriter(writers...)\n\tlogger := zerolog.New(multi)\n\t_ = logger';
    assert.deepEqual(ids(logs(body)), ['goZerologFile']);
    assert.deepEqual(ids(logs('var writers []io.Writer\n\twriters = append(writers, os.Stdout)\n\tlogger := zerolog.New(zerolog.MultiLevelWriter(writers...))\n\t_ = logger')), []);
  });

  test('a package *os.File set by a helper of the module is a file; one set to a standard stream is not', () => {
    const code = (value: string) => `package logging\n\nimport (\n\t"log"\n\t"os"\n\n\t"example.com/app/pkg/file"\n)\n\nvar F *os.File\n\nfunc Setup() {\n\tF, _ = ${value}\n\tlogger := log.New(F, "", log.LstdFlags)\n\t_ = logger\n}\n`;
    assert.deepEqual(ids(goFindings(LOGS, '/ws/pkg/logging/log.go', code('file.MustOpen("app.log", "runtime/logs/")'))), ['goSetOutputFile']);
    assert.deepEqual(ids(goFindings(LOGS, '/ws/pkg/logging/log.go', code('os.Stdout, error(nil)'))), []);
  });

  test('logrus Out set to a MultiWriter over a file opened only when the config names one is reported', () => {
    const body = 'logger := logrus.New()\n\tif name := os.Getenv("LOG_FILE"); name != "" {\n\t\tf, _ := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)\n\t\tmw := io.MultiWriter(os.Stderr, f)\n\t\tlogger.Out = mw\n\t}';
    assert.deepEqual(ids(logs(body)), ['goSetOutputFile']);
    // Out is logrus' field: without logrus, an `Out` field is someone else's.
    assert.deepEqual(ids(logs('f, _ := os.Create("report.txt")\n\tvar p struct{ Out io.Writer }\n\tp.Out = f', ['io', 'os'])), []);
  });

  test('fixes: log.New and logrus Out write to os.Stdout, and the file still parses', () => {
    const newCode = goMain(['log', 'os'], 'f, _ := os.Create("app.log")\n\tlogger := log.New(f, "", log.LstdFlags)\n\t_ = logger');
    const fixedNew = fixGo(LOGS, '/ws/main.go', newCode).source;
    assert.match(fixedNew, /logger := log\.New\(os\.Stdout, "", log\.LstdFlags\)/);
    assert.ok(goParses(fixedNew));
    const outCode = goMain(['io', 'os', 'github.com/sirupsen/logrus'], 'logger := logrus.New()\n\tf, _ := os.Create("app.log")\n\tlogger.Out = io.MultiWriter(os.Stderr, f)');
    const fixedOut = fixGo(LOGS, '/ws/main.go', outCode).source;
    assert.match(fixedOut, /logger\.Out = os\.Stdout\n/);
    assert.ok(goParses(fixedOut));
  });
});

describe('disposability/missing-sigterm-handler in Go', () => {
  const sigterm = (imports: string[], body: string) => goFindings(SIGTERM, '/ws/main.go', goMain(imports, body));

  for (const row of GO_SERVER_STARTS) {
    const imports = row.import ? [row.import] : [];
    test(`${row.what} (${row.tp.split('\n').pop()?.trim()}): the true example is reported`, () => assert.deepEqual(ids(sigterm(imports, row.tp)), ['goMissing']));
    test(`${row.what} (${row.fp.split('\n').pop()?.trim()}): the false example is clean`, () => assert.deepEqual(ids(sigterm(imports, row.fp)), []));
  }

  test('http.Server.Serve on a listener (a unix socket behind a proxy) starts a server', () => {
    const body = 'srv := &http.Server{Handler: nil}\n\tl, _ := net.Listen("unix", "/run/app.sock")\n\tif err := srv.Serve(l); err != nil {\n\t\tpanic(err)\n\t}';
    assert.deepEqual(ids(sigterm(['net', 'net/http'], body)), ['goMissing']);
    assert.deepEqual(ids(sigterm(['net', 'net/http', 'os/signal', 'syscall'], `signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)\n\t${body}`)), []);
  });

  test('a server on a loopback address written in the call (pprof) gets no deploy traffic: not reported', () => {
    assert.deepEqual(ids(sigterm(['net/http'], 'go func() {\n\t\t_ = http.ListenAndServe("127.0.0.1:6060", nil)\n\t}()')), []);
    assert.deepEqual(ids(sigterm(['net/http'], '_ = http.ListenAndServe("localhost:6060", nil)')), []);
    assert.deepEqual(ids(sigterm(['net/http'], 'go func() {\n\t\t_ = http.ListenAndServe("127.0.0.1:6060", nil)\n\t}()\n\t_ = http.ListenAndServe(":8080", nil)')), ['goMissing']);
  });

  test('os.Interrupt alone is not SIGTERM', () => {
    const body = 'c := make(chan os.Signal, 1)\n\tsignal.Notify(c, os.Interrupt)\n\tgo http.ListenAndServe(":8080", nil)\n\t<-c';
    assert.deepEqual(ids(sigterm(['net/http', 'os', 'os/signal'], body)), ['goMissing']);
  });
});

describe('processes/in-memory-session in Go', () => {
  // The imports each row's examples name (the table's rows, in order).
  const scs = ['time', 'github.com/alexedwards/scs/v2', 'github.com/alexedwards/scs/v2/memstore', 'github.com/alexedwards/scs/redisstore'];
  const gin = ['os', 'github.com/gin-contrib/sessions/memstore', 'github.com/gin-contrib/sessions/cookie'];
  const rowImports = [
    ['os', 'github.com/gorilla/sessions'], scs, scs, gin, ['github.com/gofiber/fiber/v2/middleware/session'], ['os', 'github.com/quasoft/memstore', 'github.com/gorilla/sessions'],
  ];
  const sessions = (imports: string[], body: string) => ids(goFindings(SESSIONS, '/ws/main.go', goMain(imports, `${body}\n\t_ = store`)));

  test('every row has its imports here', () => assert.equal(rowImports.length, GO_SESSION_STORES.length));
  GO_SESSION_STORES.forEach((row, i) => {
    const imports = rowImports[i] ?? [];
    const store = (body: string) => (body.includes('store :=') ? body : body.replace(/^sm :=/, 'store :=').replace(/sm\./g, 'store.'));
    test(`${row.store}: the true example is reported`, () => assert.deepEqual(sessions(imports, store(row.tp)), [row.messageId]));
    test(`${row.store}: the false example is clean`, () => assert.deepEqual(sessions(imports, store(row.fp)), []));
  });

  test('a gorilla cookie store keeps the session in the client: clean', () => {
    assert.deepEqual(sessions(['os', 'github.com/gorilla/sessions'], 'store := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))'), []);
  });
});
