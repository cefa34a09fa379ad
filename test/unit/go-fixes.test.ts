import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { goImportEdits } from '../../core/src/go/edits';
import type { GoFacts } from '../../core/src/go/types';
import { fixGo, goFindings, goMain, goParses, goShopModule, loadGo } from './go-helpers';

const spec = (text: string, path: string) => ({ path, start: text.indexOf(`"${path}"`), end: text.indexOf(`"${path}"`) + path.length + 2 });

function add(text: string, paths: string[], have: string[]): string {
  const open = text.indexOf('(') + 1;
  const facts = { imports: new Map(have.map((p) => [p.split('/').pop() ?? p, p])), importAt: { at: open, style: 'block', specs: have.map((p) => spec(text, p)) } } as unknown as GoFacts;
  // Applied from the end, so earlier offsets stay true.
  return goImportEdits(facts, paths).reverse().reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

describe('Go import edits keep gofmt order', () => {
  test('a std-lib path goes in sorted place among the std-lib imports', () => {
    const text = 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/gorilla/mux"\n)\n';
    assert.equal(add(text, ['os'], ['fmt', 'net/http', 'github.com/gorilla/mux']), 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n\n\t"github.com/gorilla/mux"\n)\n');
    assert.equal(add(text, ['log'], ['fmt', 'net/http', 'github.com/gorilla/mux']), 'package main\n\nimport (\n\t"fmt"\n\t"log"\n\t"net/http"\n\n\t"github.com/gorilla/mux"\n)\n');
  });
  test('a module path goes in sorted place among the others; a block of the standard library only gains a group', () => {
    const text = 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/gorilla/mux"\n\t"github.com/gorilla/sessions"\n)\n';
    assert.equal(add(text, ['github.com/boj/redistore'], ['fmt', 'github.com/gorilla/mux', 'github.com/gorilla/sessions']),
      'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/boj/redistore"\n\t"github.com/gorilla/mux"\n\t"github.com/gorilla/sessions"\n)\n');
    const stdOnly = 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n';
    assert.equal(add(stdOnly, ['github.com/boj/redistore'], ['fmt', 'os']), 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/boj/redistore"\n)\n');
    const modulesOnly = 'package main\n\nimport (\n\t"github.com/gorilla/mux"\n)\n';
    assert.equal(add(modulesOnly, ['os'], ['github.com/gorilla/mux']), 'package main\n\nimport (\n\t"os"\n\n\t"github.com/gorilla/mux"\n)\n');
  });
  test('paths that sort apart go to their places, in one fix (the graceful-shutdown imports)', () => {
    const text = 'package main\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n)\n';
    assert.equal(add(text, ['context', 'errors', 'os/signal', 'syscall', 'time'], ['log', 'net/http', 'os']),
      'package main\n\nimport (\n\t"context"\n\t"errors"\n\t"log"\n\t"net/http"\n\t"os"\n\t"os/signal"\n\t"syscall"\n\t"time"\n)\n');
    const mixed = 'package main\n\nimport (\n\t"github.com/gorilla/mux"\n)\n';
    assert.equal(add(mixed, ['os', 'github.com/boj/redistore'], ['github.com/gorilla/mux']), 'package main\n\nimport (\n\t"os"\n\n\t"github.com/boj/redistore"\n\t"github.com/gorilla/mux"\n)\n');
  });
  test('a path already imported is not added again', () => {
    const text = 'package main\n\nimport (\n\t"os"\n)\n';
    assert.equal(add(text, ['os'], ['os']), text);
  });
  // A file's only `import "x"` becomes a block, as gofmt and goimports write one (it gave a second block).
  test("a file's only single import becomes a block holding the new paths in gofmt order", async () => {
    await loadGo();
    const apply = (text: string, paths: string[]) => goImportEdits(new FileContext('/ws/db.go', text).go as GoFacts, paths).reverse().reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
    const one = 'package db\n\nimport "database/sql"\n\nfunc Open() { sql.Open("pg", "postgres://db/shop") }\n';
    assert.equal(apply(one, ['os']), 'package db\n\nimport (\n\t"database/sql"\n\t"os"\n)\n\nfunc Open() { sql.Open("pg", "postgres://db/shop") }\n');
    const aliased = 'package db\n\nimport pg "github.com/lib/pq"\n\nvar token = pg.Driver{}\n';
    const after = apply(aliased, ['os', 'log']);
    assert.equal(after, 'package db\n\nimport (\n\t"log"\n\t"os"\n\n\tpg "github.com/lib/pq"\n)\n\nvar token = pg.Driver{}\n');
    assert.ok(goParses(after), after);
    // Two single imports stay as they are: a new declaration follows the last.
    const two = 'package db\n\nimport "fmt"\nimport "strings"\n\nvar token = fmt.Sprint(strings.ToUpper(""))\n';
    assert.equal(apply(two, ['os']), 'package db\n\nimport "fmt"\nimport "strings"\nimport (\n\t"os"\n)\n\nvar token = fmt.Sprint(strings.ToUpper(""))\n');
  });
});

describe('Go: a gorilla file session store moves to Redis (redistore over a redigo pool: its API in every version)', () => {
  before(loadGo);
  const RULE = 'processes/in-memory-session';
  const KEY = 'store := sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))';
  const handler = '\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {\n\t\ts, _ := store.Get(r, "app")\n\t\t_ = s.Save(r, w)\n\t})';
  const fix = (text: string) => fixGo(RULE, 'main.go', text, { id: 'session-store-redis' }).source;
  const made = (indent: string, fatal = 'log.Fatalf("session store: %v", err)') => [
    'func() *redistore.RediStore {',
    '\ts, err := redistore.NewRediStoreWithPool(&redis.Pool{MaxIdle: 10, Dial: func() (redis.Conn, error) { return redis.DialURL(os.Getenv("REDIS_URL")) }}, []byte(os.Getenv("SESSION_KEY")))',
    '\tif err != nil {', `\t\t${fatal}`, '\t}', '\treturn s', '}()',
  ].join(`\n${indent}`);

  test('in a function: the store, its keys kept, Redis from the environment, a start-up error; the unused sessions import becomes redistore', () => {
    const before = goMain(['net/http', 'os', 'github.com/gorilla/sessions'], KEY + handler);
    const after = fix(before);
    assert.equal(after, [
      'package main', '', 'import (', '\t"log"', '\t"net/http"', '\t"os"', '\t"github.com/boj/redistore"', '\t"github.com/gomodule/redigo/redis"', ')', '', 'func main() {',
      `\tstore := ${made('\t')}`,
      '\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {', '\t\ts, _ := store.Get(r, "app")', '\t\t_ = s.Save(r, w)', '\t})', '}', '',
    ].join('\n'));
    assert.ok(goParses(after), after);
    assert.deepEqual(goFindings(RULE, 'main.go', after), [], 'fixed: nothing reported');
  });

  test('a package-level var (the shop module): the same, at the top level', () => {
    const before = goShopModule('x')['main.go'];
    const after = fix(before);
    assert.ok(after.includes(`var store = ${made('')}\n`), after);
    assert.match(after, /\t"os"\n\n\t"github\.com\/boj\/redistore"\n\t"github\.com\/gomodule\/redigo\/redis"\n\)/);
    assert.doesNotMatch(after, /gorilla\/sessions/);
    assert.ok(goParses(after), after);
    assert.deepEqual(goFindings(RULE, 'main.go', after), []);
  });

  test('sessions still used elsewhere keeps its import; log from logrus gives panic(err)', () => {
    const before = goMain(['os', 'github.com/gorilla/sessions', 'github.com/sirupsen/logrus'], `${KEY}\n\tstore.Options = &sessions.Options{MaxAge: 3600}\n\tlogrus.Info("up")`)
      .replace('"github.com/sirupsen/logrus"', 'log "github.com/sirupsen/logrus"').replace('logrus.Info', 'log.Info');
    const after = fix(before);
    assert.match(after, /"github\.com\/gorilla\/sessions"/);
    assert.ok(after.includes(made('\t', 'panic(err)')), after);
    assert.doesNotMatch(after, /\t"log"\n/);
    assert.ok(goParses(after), after);
  });

  test('no fix where the result might not compile: FilesystemStore-only methods, a written type, two names', () => {
    for (const text of [
      goMain(['os', 'github.com/gorilla/sessions'], `${KEY}\n\tstore.MaxLength(8192)`),
      'package main\n\nimport (\n\t"os"\n\n\t"github.com/gorilla/sessions"\n)\n\nvar store *sessions.FilesystemStore = sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))\n',
      goMain(['os', 'github.com/gorilla/sessions'], 'a, b := sessions.NewFilesystemStore("", []byte(os.Getenv("K"))), 1\n\t_, _ = a, b'),
    ]) {
      assert.equal(goFindings(RULE, 'main.go', text).length, 1, text);
      assert.equal(fix(text), text, text);
    }
  });
});
