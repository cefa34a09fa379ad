// logs/file-logging on Go (the shape table's rows run in go-rules.test.ts): the stdout fix, whose output
// must parse and must not leave a file variable declared and unused (Go would not compile it).
import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fixGo, goFindings, goMain, goParses, loadGo } from './go-helpers';

const RULE = 'logs/file-logging';

before(loadGo);

describe('Log to stdout (os.Stdout)', () => {
  const fix = (body: string) => {
    const { source } = fixGo(RULE, '/ws/main.go', goMain(['log', 'os'], body));
    assert.ok(goParses(source), source);
    return source.slice(source.indexOf('func main() {\n\t') + 'func main() {\n\t'.length, source.lastIndexOf('\n}'));
  };

  test('a file variable only the writer read is blanked, so the program still compiles', () => {
    assert.equal(fix('f, err := os.OpenFile("app.log", os.O_CREATE|os.O_WRONLY, 0o644)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.SetOutput(f)'),
      '_, err := os.OpenFile("app.log", os.O_CREATE|os.O_WRONLY, 0o644)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.SetOutput(os.Stdout)');
  });
  test('`f, _ :=` with nothing new to declare becomes an assignment', () => {
    assert.equal(fix('f, _ := os.Create("app.log")\n\tlog.SetOutput(f)'), '_, _ = os.Create("app.log")\n\tlog.SetOutput(os.Stdout)');
  });
  test('a variable read elsewhere (defer f.Close()) is kept', () => {
    const body = 'f, err := os.Create("app.log")\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tdefer f.Close()\n\tlog.SetOutput(f)';
    assert.equal(fix(body), body.replace('log.SetOutput(f)', 'log.SetOutput(os.Stdout)'));
  });
  test('a name that only contains the variable\'s (fx, f.Name) does not count as a read', () => {
    assert.equal(fix('f, err := os.Create("app.log")\n\tfx := 1\n\t_ = fx\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.SetOutput(f)'),
      '_, err := os.Create("app.log")\n\tfx := 1\n\t_ = fx\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.SetOutput(os.Stdout)');
  });
});

describe('nested calls', () => {
  test('a writer built by a call inside the SetOutput call is followed (calls keep their indices in source order)', () => {
    const text = goMain(['io', 'log', 'os'], 'f, _ := os.Create("app.log")\n\tlog.SetOutput(io.MultiWriter(os.Stdout, f))\n\tlog.Print(f.Name())');
    const [finding] = goFindings(RULE, '/ws/main.go', text);
    assert.equal(finding?.messageId, 'goSetOutputFile');
    assert.equal(finding.range.start.line, 10);
    const { source } = fixGo(RULE, '/ws/main.go', text);
    assert.ok(goParses(source));
    assert.match(source, /log\.SetOutput\(os\.Stdout\)\n\tlog\.Print\(f\.Name\(\)\)/);
  });
});

// Held-out 4 (ntfy's `--log-file`, navidrome's `LogFile`): a file opened only when a log-file setting is given.
describe('opt-in log files', () => {
  const findings = (body: string) => goFindings(RULE, '/ws/main.go', goMain(['log', 'os'], body));
  test('SetOutput under `if logFile != ""` is the operator\'s choice, not reported', () => {
    assert.equal(findings('logFile := os.Args[1]\n\tif logFile != "" {\n\t\tw, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)\n\t\tif err != nil {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t\tlog.SetOutput(w)\n\t}').length, 0);
  });
  test('a struct setting (`} else if Server.LogFile != "" {`) too', () => {
    assert.equal(findings('var Server struct{ LogFile string }\n\tif len(os.Args) > 2 {\n\t\treturn\n\t} else if Server.LogFile != "" {\n\t\tout, _ := os.OpenFile(Server.LogFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n\t\tlog.SetOutput(out)\n\t}').length, 0);
  });
  // Stop 27 (issue 10): transfer.sh's `server.LogFile(logger, path)` option, applied only when `--log` is given.
  const option = (header: string) => goFindings(RULE, '/ws/server/options.go',
    `package server\n\nimport (\n\t"log"\n\t"os"\n)\n\ntype Server struct{ logger *log.Logger }\ntype OptionFn func(*Server)\n\n${header} {\n\treturn func(srv *Server) {\n\t\tf, _ := os.OpenFile(s, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o666)\n\t\tlogger.SetOutput(f)\n\t\tsrv.logger = logger\n\t}\n}\n`);
  test('a functional option named for file logging is the operator\'s choice, not reported', () => {
    assert.equal(option('func LogFile(logger *log.Logger, s string) OptionFn').length, 0);
    assert.equal(option('func WithLogFile(logger *log.Logger, s string) OptionFn').length, 0);
  });
  test('an option named otherwise, or a setup function named for the log file, is reported', () => {
    assert.equal(option('func Storage(logger *log.Logger, s string) OptionFn').length, 1);
    assert.equal(option('func setupLogFile(logger *log.Logger, s string) func(*Server)').length, 1);
  });
  test('a file opened when the setting is empty, or under another condition, is reported', () => {
    assert.equal(findings('logFile := ""\n\tif logFile == "" {\n\t\tw, _ := os.Create("app.log")\n\t\tlog.SetOutput(w)\n\t}').length, 1);
    assert.equal(findings('if len(os.Args) > 1 {\n\t\tw, _ := os.Create("app.log")\n\t\tlog.SetOutput(w)\n\t}').length, 1);
  });
  // Held-out 12 (oauth2-proxy's `logging_filename`): the block is entered only when the path the file opens is given.
  test('a lumberjack writer under `if len(o.File.Filename) > 0` (or `!= ""`) is the operator\'s choice, not reported', () => {
    const body = (header: string) => `var o struct{ File struct{ Filename string } }\n\t${header} {\n\t\tw := &lumberjack.Logger{Filename: o.File.Filename, MaxSize: 100}\n\t\tlog.SetOutput(w)\n\t}`;
    const run = (header: string) => goFindings(RULE, '/ws/main.go', goMain(['log', 'gopkg.in/natefinch/lumberjack.v2'], body(header)));
    assert.equal(run('if len(o.File.Filename) > 0').length, 0);
    assert.equal(run('if o.File.Filename != "" && len(os.Args) > 0').length, 0);
    // Another path, a test that may enter without the path, or the empty case are still reported.
    assert.equal(run('if len(o.File.Other) > 0').length, 1);
    assert.equal(run('if o.File.Filename != "" || len(os.Args) > 0').length, 1);
    assert.equal(run('if len(o.File.Filename) == 0').length, 1);
  });
});
