import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fixGo, goFindings, goMain, goParses, loadGo } from './go-helpers';

const RULE = 'processes/in-memory-session';
const fix = (text: string) => fixGo(RULE, 'main.go', text, { id: 'session-store-redis' }).source;
const SCS = 'github.com/alexedwards/scs/v2';
const POOL = '&redis.Pool{MaxIdle: 10, Dial: func() (redis.Conn, error) { return redis.DialURL(os.Getenv("REDIS_URL")) }}';
const pinged = (indent: string, pool = POOL, r = 'redis') => [`func() *${r}.Pool {`, `\tpool := ${pool}`, '\tconn := pool.Get()', '\tdefer conn.Close()',
  '\tif _, err := conn.Do("PING"); err != nil {', '\t\tlog.Fatalf("session store: %v", err)', '\t}', '\treturn pool', '}()'].join(`\n${indent}`);

/** The fixed file parses, the finding is gone, and the fix was offered at all. */
function fixed(before: string): string {
  assert.equal(goFindings(RULE, 'main.go', before).length, 1, before);
  const after = fix(before);
  assert.notEqual(after, before, 'a fix was offered');
  assert.ok(goParses(after), after);
  assert.deepEqual(goFindings(RULE, 'main.go', after), [], after);
  return after;
}

describe('Go: scs sessions move to Redis (scs redisstore over a redigo pool that answered a PING)', () => {
  before(loadGo);

  test('`sm.Store = memstore.New()`: redisstore in its place, the memstore import swapped for redisstore in place', () => {
    const after = fixed(`package main\n\nimport (\n\t"net/http"\n\n\t"${SCS}"\n\t"${SCS}/memstore"\n)\n\nfunc main() {\n\tsm := scs.New()\n\tsm.Store = memstore.New()\n\t_ = http.ListenAndServe(":80", sm.LoadAndSave(nil))\n}\n`);
    assert.equal(after, `package main\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n\n\t"${SCS}"\n\t"github.com/alexedwards/scs/redisstore"\n\t"github.com/gomodule/redigo/redis"\n)\n\n`
      + `func main() {\n\tsm := scs.New()\n\tsm.Store = redisstore.New(${pinged('\t')})\n\t_ = http.ListenAndServe(":80", sm.LoadAndSave(nil))\n}\n`);
  });

  test('`scs.New()` keeping its default memstore: `sm.Store = redisstore.New(…)` on the next line; a package-level manager assigned in main too', () => {
    const after = fixed(goMain(['net/http', 'time', SCS], 'sm := scs.New()\n\tsm.Lifetime = time.Hour\n\t_ = http.ListenAndServe(":80", sm.LoadAndSave(nil))'));
    assert.ok(after.includes(`\tsm := scs.New()\n\tsm.Store = redisstore.New(${pinged('\t')})\n\tsm.Lifetime = time.Hour\n`), after);
    assert.match(after, /"github\.com\/alexedwards\/scs\/redisstore"/);
    const pkg = `package main\n\nimport "${SCS}"\n\nvar sessionManager *scs.SessionManager\n\nfunc main() {\n\tsessionManager = scs.New()\n}\n`;
    assert.ok(fixed(pkg).includes(`\tsessionManager = scs.New()\n\tsessionManager.Store = redisstore.New(`), fix(pkg));
  });

  test('redigo already imported under another name is used by that name; log from logrus gives panic(err)', () => {
    const before = goMain(['os', SCS, `${SCS}/memstore`], 'sm := scs.New()\n\tsm.Store = memstore.New()\n\t_ = os.Args')
      .replace(`\t"os"\n`, `\t"os"\n\tredigo "github.com/gomodule/redigo/redis"\n\tlog "github.com/sirupsen/logrus"\n`).replace('_ = os.Args', '_, _ = os.Args, redigo.ErrNil\n\tlog.Info("up")');
    const after = fixed(before);
    assert.ok(after.includes('redisstore.New(func() *redigo.Pool {'), after);
    assert.ok(after.includes('\t\t\tpanic(err)\n'), after);
    assert.doesNotMatch(after, /\t"log"\n/);
  });

  test('no fix where it might not compile: a package-level `scs.New()` (no statement to add), `redisstore` taken by another import', () => {
    for (const text of [
      `package main\n\nimport "${SCS}"\n\nvar sm = scs.New()\n`,
      goMain([SCS, `${SCS}/memstore`, 'github.com/rbcervilla/redisstore/v9'], 'sm := scs.New()\n\tsm.Store = memstore.New()\n\t_ = redisstore.NewRedisStore'),
    ]) {
      assert.equal(goFindings(RULE, 'main.go', text).length, 1, text);
      assert.equal(fix(text), text);
    }
  });
});

describe('Go: gin-contrib memstore moves to gin-contrib/sessions redis', () => {
  before(loadGo);
  const GIN = ['github.com/gin-contrib/sessions', 'github.com/gin-contrib/sessions/memstore', 'github.com/gin-gonic/gin'];

  test('`memstore.NewStore(keys…)` → `redis.NewStoreWithPool(pool, keys…)` (a sessions.Store), redigo named redigo beside it', () => {
    const after = fixed(goMain(GIN, 'r := gin.Default()\n\tstore := memstore.NewStore([]byte("k1"), []byte("k2"))\n\tr.Use(sessions.Sessions("s", store))'));
    assert.ok(after.includes([
      'store := func() redis.Store {',
      `\t\ts, err := redis.NewStoreWithPool(${POOL.replace(/redis\./g, 'redigo.')}, []byte("k1"), []byte("k2"))`,
      '\t\tif err != nil {', '\t\t\tlog.Fatalf("session store: %v", err)', '\t\t}', '\t\treturn s', '\t}()',
    ].join('\n')), after);
    assert.ok(after.includes('\t"github.com/gin-contrib/sessions/redis"\n\t"github.com/gin-gonic/gin"\n\tredigo "github.com/gomodule/redigo/redis"\n'), after);
    assert.doesNotMatch(after, /memstore/);
  });

  test('no fix when `redis` is another package (go-redis)', () => {
    const text = goMain([...GIN, 'github.com/redis/go-redis/v9'], 'r := gin.Default()\n\tstore := memstore.NewStore([]byte("k"))\n\tr.Use(sessions.Sessions("s", store))\n\t_ = redis.Nil');
    assert.equal(fix(text), text);
  });
});

describe('Go: fiber session.New gets gofiber/storage redis as its Storage', () => {
  before(loadGo);
  const SESSION = 'github.com/gofiber/fiber/v2/middleware/session';
  const storage = (indent: string, unset = 'log.Fatal("session store: REDIS_URL is not set")') => [
    'Storage: func() *redis.Storage {', '\turl := os.Getenv("REDIS_URL")', '\tif url == "" {', `\t\t${unset}`, '\t}', '\treturn redis.New(redis.Config{URL: url})', '}()',
  ].join(`\n${indent}`);

  test('`session.New()` → a Config with Storage from REDIS_URL, a start-up error when unset', () => {
    const after = fixed(goMain([SESSION], 'store := session.New()\n\t_ = store'));
    assert.equal(after, `package main\n\nimport (\n\t"log"\n\t"os"\n\n\t"${SESSION}"\n\t"github.com/gofiber/storage/redis/v3"\n)\n\nfunc main() {\n\tstore := session.New(session.Config{${storage('\t')}})\n\t_ = store\n}\n`);
  });

  test('a Config literal keeps its fields: Storage on its own line when the literal spans lines, first in line otherwise', () => {
    const multi = fixed(goMain(['time', SESSION], 'store := session.New(session.Config{\n\t\tExpiration: time.Hour,\n\t})\n\t_ = store'));
    assert.ok(multi.includes(`session.New(session.Config{\n\t\t${storage('\t\t')},\n\t\tExpiration: time.Hour,\n\t})`), multi);
    const inline = fixed(goMain(['time', SESSION], 'store := session.New(session.Config{Expiration: time.Hour})\n\t_ = store'));
    assert.ok(inline.includes(`session.New(session.Config{${storage('\t')}, Expiration: time.Hour})`), inline);
  });

  test('no fix for a config built elsewhere or `redis` taken by go-redis', () => {
    for (const text of [
      goMain([SESSION], 'cfg := session.ConfigDefault\n\tstore := session.New(cfg)\n\t_ = store'),
      goMain([SESSION, 'github.com/redis/go-redis/v9'], 'store := session.New()\n\t_, _ = store, redis.Nil'),
    ]) {
      assert.equal(goFindings(RULE, 'main.go', text).length, 1, text);
      assert.equal(fix(text), text);
    }
  });
});
