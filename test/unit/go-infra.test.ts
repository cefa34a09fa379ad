import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { fileKindOf, isTestFile } from '../../core/src/fileKinds';
import { hasGoTree } from '../../core/src/go';
import { goHandlesSigterm, goImportsInText, goModReplaces, goModulePath, goPackageOf } from '../../core/src/go/program';
import { scanHost } from '../../core/src/cli/scanHost';
import { scanPaths, scanPathsPrepared } from '../../core/src/scan';
import { treeLanguageFor, unpreparedLanguage } from '../../core/src/treesitter/prepare';
import { prepareLanguage, resetTreeSitterForTests, wasmDirectory } from '../../core/src/treesitter/runtime';
import { loadGo } from './go-helpers';

describe('Go files', () => {
  before(loadGo);

  test('.go is Go; _test.go and testdata/ are test code; the gate lets through only files a check could read', () => {
    assert.equal(fileKindOf('cmd/api/main.go'), 'go');
    assert.ok(isTestFile('server/server_test.go'));
    assert.ok(isTestFile('pkg/testdata/main.go'));
    assert.equal(isTestFile('server/server.go'), false);
    assert.equal(treeLanguageFor('a.go', 'package util\n\nfunc Add(a, b int) int { return a + b }\n'), undefined);
    assert.equal(treeLanguageFor('a.go', 'package main\n\nconst apiToken = "x"\n'), 'go');
  });

  test('facts: imports resolved, bindings with paths, keyed literals, calls, env reads with an if-empty default', () => {
    const code = [
      'package main',
      '',
      'import (',
      '\t"net/http"',
      '\t"os"',
      '\tlj "gopkg.in/natefinch/lumberjack.v2"',
      ')',
      '',
      'const apiKey = "k"',
      '',
      'func main() {',
      '\tv := os.Getenv("DB_PASSWORD")',
      '\tif v == "" {',
      '\t\tv = "fallback"',
      '\t}',
      '\tcfg := Config{Password: "p"}',
      '\tcfg.Token = `raw`',
      '\tl := &lj.Logger{Filename: "a.log"}',
      '\tlog.Fatal(http.ListenAndServe(":8080", nil))',
      '}',
      '',
    ].join('\n');
    const facts = new FileContext('main.go', code).go;
    assert.ok(facts);
    assert.equal(facts.packageName, 'main');
    assert.equal(facts.imports.get('http'), 'net/http');
    assert.equal(facts.imports.get('lj'), 'gopkg.in/natefinch/lumberjack.v2');
    assert.deepEqual(facts.bindings.map((b) => [b.path.join('.'), b.kind]), [['apiKey', 'const'], ['v', 'short'], ['v', 'assign'], ['cfg', 'short'], ['cfg.Token', 'assign'], ['l', 'short']]);
    assert.deepEqual(facts.keyed.map((k) => [k.key, k.owner]), [['Password', 'Config'], ['Filename', 'gopkg.in/natefinch/lumberjack.v2.Logger']]);
    assert.deepEqual(facts.envReads.map((r) => [r.name, r.variable, r.fallback?.string.value]), [['DB_PASSWORD', 'v', 'fallback']]);
    const serve = facts.calls.find((c) => c.method === 'ListenAndServe');
    assert.equal(serve?.callee, 'net/http.ListenAndServe');
    assert.equal(serve?.inFunction, 'main');
    assert.equal(code.slice(serve?.statement?.start, serve?.statement?.end), 'log.Fatal(http.ListenAndServe(":8080", nil))');
  });

  test('the text summary the program index reads: package, imports, module path, SIGTERM registration', () => {
    const code = 'package main // the entry\n\nimport "fmt"\nimport (\n\t"example.com/app/internal/server"\n\tx "os/signal"\n)\n';
    assert.equal(goPackageOf(code), 'main');
    assert.deepEqual(goImportsInText(code), ['fmt', 'example.com/app/internal/server', 'os/signal']);
    assert.equal(goModulePath('// c\nmodule example.com/app\n\ngo 1.22\n'), 'example.com/app');
    assert.ok(goHandlesSigterm('signal.Notify(c, os.Interrupt, syscall.SIGTERM)'));
    assert.ok(goHandlesSigterm('ctx, stop := signal.NotifyContext(context.Background())'), 'no signal named: every signal');
    assert.equal(goHandlesSigterm('signal.Notify(c, os.Interrupt)'), false);
    assert.equal(goHandlesSigterm('// signal.Notify(c, syscall.SIGTERM)\n'), false);
    // A `/*` in a raw string or a `//` in a string opens no comment (held-out 10: a regular expression hid the call).
    assert.ok(goHandlesSigterm('var re = regexp.MustCompile(`^\\/*(.*?)\\/*$`)\nfunc main() { signal.Notify(c, syscall.SIGTERM) }'));
    assert.ok(goHandlesSigterm('var u = "http://x/*"\nvar r = \'"\'\nfunc main() { signal.Notify(c, syscall.SIGTERM) }'));
    assert.equal(goHandlesSigterm('/* signal.Notify(c, syscall.SIGTERM) */\n'), false);
    // NotifyContext with signals named after a context made by a call lists those signals only.
    assert.equal(goHandlesSigterm('ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT)'), false);
    assert.ok(goHandlesSigterm('ctx, stop := signal.NotifyContext(ctx)'), 'a context variable, no signal named');
  });

  test("go.mod's replace directives to local folders (one line or a block, with or without a version)", () => {
    const mod = 'module example.com/app/svc\n\nreplace example.com/app/common => ../common/\nreplace (\n\texample.com/lib v1.2.0 => ./third_party/lib\n\tgolang.org/x/net => golang.org/x/net v0.1.0\n)\n';
    assert.deepEqual(goModReplaces(mod), [{ path: 'example.com/app/common', dir: '../common/' }, { path: 'example.com/lib', dir: './third_party/lib' }]);
  });

  test('a server started in a local module that a main package reaches through go.mod replace is judged with that program', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tf-go-'));
    try {
      mkdirSync(path.join(root, 'common/server'), { recursive: true });
      mkdirSync(path.join(root, 'svc'));
      writeFileSync(path.join(root, 'common/go.mod'), 'module example.com/app/common\n\ngo 1.22\n');
      writeFileSync(path.join(root, 'common/server/http.go'), 'package server\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc Run(h http.Handler) {\n\t_ = http.ListenAndServe(os.Getenv("ADDR"), h)\n}\n');
      writeFileSync(path.join(root, 'svc/go.mod'), 'module example.com/app/svc\n\ngo 1.22\n\nreplace example.com/app/common => ../common/\n');
      writeFileSync(path.join(root, 'svc/main.go'), 'package main\n\nimport "example.com/app/common/server"\n\nfunc main() {\n\tserver.Run(nil)\n}\n');
      const findings = async () => (await scanPathsPrepared(() => scanPaths(['.'], { root, host: scanHost(root) }))).files.flatMap((f) => f.findings.map((x) => `${path.relative(root, f.file)} ${x.ruleId}`));
      assert.deepEqual(await findings(), ['common/server/http.go disposability/missing-sigterm-handler']);
      writeFileSync(path.join(root, 'svc/signals.go'), 'package main\n\nimport (\n\t"os"\n\t"os/signal"\n\t"syscall"\n)\n\nfunc init() {\n\tsignal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)\n}\n');
      assert.deepEqual(await findings(), [], 'the program handles SIGTERM in its main package');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("a command package's root context from a package's SignalContext (pocket-id, held-out 9) handles SIGTERM for the program", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tf-go-'));
    try {
      mkdirSync(path.join(root, 'internal/cmds'), { recursive: true });
      mkdirSync(path.join(root, 'internal/server'), { recursive: true });
      writeFileSync(path.join(root, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
      writeFileSync(path.join(root, 'main.go'), 'package main\n\nimport "example.com/app/internal/cmds"\n\nfunc main() {\n\tcmds.Execute()\n}\n');
      writeFileSync(path.join(root, 'internal/server/http.go'), 'package server\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nfunc Run(ctx context.Context) {\n\tsrv := &http.Server{Addr: ":1411"}\n\tgo func() {\n\t\t<-ctx.Done()\n\t\t_ = srv.Shutdown(context.Background())\n\t}()\n\t_ = srv.ListenAndServe()\n}\n');
      const rootCommand = (made: string) => `package cmds\n\nimport (\n\t"context"\n\n\t"example.com/app/internal/server"\n\t"github.com/italypaleale/go-kit/signals"\n)\n\nfunc Execute() {\n\tctx := ${made}\n\tserver.Run(ctx)\n}\n`;
      writeFileSync(path.join(root, 'internal/cmds/root.go'), rootCommand('signals.SignalContext(context.Background())'));
      const findings = async () => (await scanPathsPrepared(() => scanPaths(['.'], { root, host: scanHost(root) }))).files
        .flatMap((f) => f.findings.filter((x) => x.ruleId === 'disposability/missing-sigterm-handler').map((x) => `${path.relative(root, f.file)} ${x.ruleId}`));
      assert.deepEqual(await findings(), []);
      writeFileSync(path.join(root, 'internal/cmds/root.go'), rootCommand('context.Background()'));
      assert.deepEqual(await findings(), ['internal/server/http.go disposability/missing-sigterm-handler']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the text summary stays linear on hostile text (each of these took seconds to minutes with `^\\s*` under the m flag)', () => {
    const blank = '\n'.repeat(200_000);
    assert.equal(goModulePath(`${blank}module example.com/app\n`), 'example.com/app');
    assert.equal(goModulePath(blank), undefined);
    assert.equal(goPackageOf(`${blank}package api\n`), 'api');
    assert.deepEqual(goImportsInText('import (\n'.repeat(50_000)), [], 'blocks that never close');
    assert.deepEqual(goImportsInText(`import (${blank}\t"fmt"\n)\n${'/*'.repeat(50_000)}`), ['fmt'], 'an unclosed comment runs to the end');
    assert.deepEqual(goImportsInText('/* import "x" */ import "y"\n'), ['y'], 'a comment is not code; what follows it is');
  });

  test('an edit reparses from the previous tree, and the facts follow the new text', () => {
    const first = new FileContext('/w/a.go', 'package main\n\nvar apiToken = "one"\n', { keepSyntaxTree: true });
    assert.equal(first.go?.bindings[0].value.string?.value, 'one');
    assert.ok(hasGoTree(first));
    const text = 'package main\n\nvar apiToken = "two-longer"\n';
    const next = first.withText(text, { start: 29, end: 32, newLength: 10 });
    assert.equal(hasGoTree(first), false, 'the tree moved on to the next version');
    assert.equal(next.go?.bindings[0].value.string?.value, 'two-longer');
    assert.ok(hasGoTree(next));
  });

  test('offsets are string offsets (UTF-16), also after non-ASCII text', () => {
    const code = 'package main\n\n// é ü 日本\nvar dbPassword = "hK8s9dJ2mQ7xZ4pL"\n';
    const [finding] = analyze(new FileContext('s.go', code)).findings;
    assert.equal(code.slice(finding.start, finding.end), 'hK8s9dJ2mQ7xZ4pL');
  });

  test('a file too deeply nested is reported as not fully analysed, never clean', () => {
    const code = `package main\n\nvar secret = ${'('.repeat(1000)}1${')'.repeat(1000)}\n`;
    assert.match(analyze(new FileContext('deep.go', code)).skipped ?? '', /not fully analysed/);
  });

  test('the CLI scan loads the grammar when it meets the first Go file that needs it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tf-go-'));
    try {
      writeFileSync(path.join(root, 'config.go'), 'package main\n\nvar dbPassword = "hK8s9dJ2mQ7xZ4pL"\n');
      writeFileSync(path.join(root, 'util.go'), 'package main\n\nfunc add(a, b int) int { return a + b }\n');
      const out = await scanPathsPrepared(() => scanPaths(['.'], { root }));
      assert.equal(out.needsLanguage, undefined);
      assert.deepEqual(out.files.map((f) => [path.basename(f.file), f.findings.map((x) => x.ruleId)]), [['config.go', ['config/hardcoded-secret']]]);
      assert.equal(out.filesScanned, 2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a Go grammar that fails to load', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tf-ts-go-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('costs Go only: Go files are skipped as not fully analysed, Python and JavaScript are analysed', async () => {
    const real = wasmDirectory();
    mkdirSync(dir, { recursive: true });
    for (const f of ['tree-sitter.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(path.join(real, f), path.join(dir, f));
    resetTreeSitterForTests(dir);
    try {
      assert.equal(await prepareLanguage('go'), false);
      assert.equal(await prepareLanguage('python'), true);
      assert.equal(unpreparedLanguage('a.go', 'package main\nvar apiToken = "x"'), undefined, 'settled: nothing more to wait for');
      const go = analyze(new FileContext('a.go', 'package main\n\nvar dbPassword = "hK8s9dJ2mQ7xZ4pL"\n'));
      assert.match(go.skipped ?? '', /^not fully analysed: the go grammar could not be loaded/);
      const py = analyze(new FileContext('a.py', "DB_PASSWORD = 'hK8s9dJ2mQ7xZ4pL'\n"));
      assert.equal(py.findings.length, 1);
      assert.equal(py.skipped, undefined);
      const js = analyze(new FileContext('a.js', "const dbPassword = 'hK8s9dJ2mQ7xZ4pL';\n"));
      assert.equal(js.findings.length, 1);
    } finally {
      resetTreeSitterForTests();
    }
    assert.equal(await prepareLanguage('go'), true, 'back to the shipped grammar');
  });
});
