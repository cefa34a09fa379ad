import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { goFindings, goParses, loadGo } from './go-helpers';
import { appliedPlan as applied, planFor } from './scaffold-fixtures';

const plan = (files: Record<string, string>) => planFor('gracefulShutdown', files);

const MOD = 'module example.com/shop\n\ngo 1.22\n';
const SIGTERM = 'disposability/missing-sigterm-handler';

describe('scaffold: Go graceful shutdown is wired into the main file', () => {
  before(loadGo);

  test('http.ListenAndServe(addr, handler) inside log.Fatal: the server runs through shutdown.ListenAndServe; imports in gofmt order', async () => {
    const main = 'package main\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n\tlog.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), withLogging(mux, "x,y")))\n}\n';
    const files = { 'go.mod': MOD, 'main.go': main };
    const p = await plan(files);
    assert.match(p.notes[0], /^Wired into main\.go/);
    const after = applied(files, p)['main.go'];
    assert.equal(after, 'package main\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n\t"time"\n\n\t"example.com/shop/shutdown"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n'
      + '\tlog.Fatal(shutdown.ListenAndServe(&http.Server{Addr: ":"+os.Getenv("PORT"), Handler: withLogging(mux, "x,y")}, 10*time.Second))\n}\n');
    assert.ok(goParses(after), after);
    assert.equal(goFindings(SIGTERM, '/ws/main.go', main).length, 1, 'reported before');
  });

  test('srv.ListenAndServe() on a &http.Server: shutdown.ListenAndServe(srv, …); a single import becomes a block', async () => {
    const main = 'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tif err := srv.ListenAndServe(); err != nil {\n\t\tpanic(err)\n\t}\n}\n';
    const after = applied({ 'go.mod': MOD, 'main.go': main }, await plan({ 'go.mod': MOD, 'main.go': main }))['main.go'];
    assert.ok(after.includes('\tif err := shutdown.ListenAndServe(srv, 10*time.Second); err != nil {\n'), after);
    assert.ok(after.includes('import (\n\t"net/http"\n\t"time"\n\n\t"example.com/shop/shutdown"\n)'), after);
    assert.ok(goParses(after), after);
  });

  test('left to the note: signals already handled, no module path, a shutdown of its own, a framework\'s Run', async () => {
    const base = 'package main\n\nimport (\n\t"net/http"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n';
    const cases: Array<Record<string, string>> = [
      { 'go.mod': MOD, 'main.go': base.replace('func main() {\n', 'func main() {\n\tsignal.Notify(ch, syscall.SIGTERM)\n') },
      { 'go.mod': 'go 1.22\n', 'main.go': base },
      { 'go.mod': MOD, 'main.go': `${base}\nfunc shutdown() {}\n` },
      { 'go.mod': MOD, 'main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tr.Run()\n}\n' },
    ];
    for (const files of cases) {
      const p = await plan(files);
      assert.equal(p.edits, undefined, files['main.go']);
      assert.match(p.notes[0], /^Replace http\.ListenAndServe/);
    }
  });
});
