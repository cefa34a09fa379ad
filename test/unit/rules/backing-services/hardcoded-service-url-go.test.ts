// backing-services/hardcoded-service-url on Go: the client table's rows, the JavaScript rule's policy
// (localhost and compose-service defaults, env fallbacks, test files, format strings), and the
// `os.Getenv("NAME")` fix, whose output must parse with the Go grammar.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { GO_CLIENTS } from '../../../../core/src/rules/backing-services/hardcoded-service-url-go';
import { fake } from '../../helpers';
import { fixGo, goFindings, goMain, goParses, loadGo } from '../../go-helpers';

const RULE = 'backing-services/hardcoded-service-url';
const IMPORTS = ['database/sql', 'flag', 'fmt', 'log', 'net/smtp', 'os', 'github.com/redis/go-redis/v9', 'github.com/go-sql-driver/mysql', 'gopkg.in/gomail.v2'];

before(loadGo);

const found = (body: string, imports = IMPORTS, path = '/ws/main.go') => goFindings(RULE, path, goMain(imports, body)).map((f) => [f.messageId, f.data?.host]);

describe('backing-services/hardcoded-service-url in Go: the client table', () => {
  for (const row of GO_CLIENTS) {
    const imports = row.name.startsWith('redigo') ? ['os', 'github.com/gomodule/redigo/redis'] : IMPORTS;
    test(`${row.name}: true example reported`, () => assert.deepEqual(found(row.tp, imports).map((f) => f[0]), ['goHost']));
    test(`${row.name}: false example clean`, () => assert.deepEqual(found(row.fp, imports), []));
  }
});

describe('judgement', () => {
  test('sql.Open with a URL', () => assert.deepEqual(found('db, _ := sql.Open("postgres", "postgres://app@db.internal:5432/app")\n\t_ = db'), [['goUrl', 'db.internal']]));
  test('mongo ApplyURI and amqp.Dial', () => {
    const body = 'o := options.Client().ApplyURI("mongodb+srv://cluster0.ab1cd.mongodb.net/shop")\n\t_ = o\n\tc, _ := amqp.Dial("amqp://guest@rabbit.internal:5672/")\n\t_ = c';
    assert.deepEqual(found(body, ['go.mongodb.org/mongo-driver/mongo/options', 'github.com/rabbitmq/amqp091-go']), [['goUrl', 'cluster0.ab1cd.mongodb.net'], ['goUrl', 'rabbit.internal']]);
  });
  test('a localhost URL in a program is reported, as in JavaScript', () => assert.deepEqual(found('db, _ := sql.Open("postgres", "postgres://localhost/app")\n\t_ = db'), [['goUrl', 'localhost']]));
  test('a test file is not reported by default', () => assert.deepEqual(found('db, _ := sql.Open("postgres", "postgres://db.staging.internal/app")\n\t_ = db', IMPORTS, '/ws/db_test.go'), []));
  test('the Getenv idiom with a local default is valid; a remote default is a fallback', () => {
    const body = (host: string) => `dsn := os.Getenv("DATABASE_URL")\n\tif dsn == "" {\n\t\tdsn = "postgres://${host}/app"\n\t}\n\t_ = dsn`;
    assert.deepEqual(found(body('localhost')), []);
    assert.deepEqual(found(body('db')), []);
    assert.deepEqual(found(body('db.prod.internal')), [['goFallback', 'db.prod.internal']]);
  });
  test('a variable later set from the environment holds a default: local is valid, remote is a fallback', () => {
    const body = (host: string) => `url := "redis://${host}:6379"\n\tif v := os.Getenv("REDIS_URL"); v != "" {\n\t\turl = v\n\t}\n\t_ = url`;
    assert.deepEqual(found(body('localhost')), []);
    assert.deepEqual(found(body('cache.prod.internal')), [['goFallback', 'cache.prod.internal']]);
  });
  test('`if v := os.Getenv(…); v == "" { v = … }`: the default of the read', () => {
    assert.deepEqual(found('if v := os.Getenv("REDIS_URL"); v == "" {\n\t\tv = "redis://localhost:6379"\n\t}'), []);
  });
  test('a helper reading the variable with a default, and a flag default', () => {
    assert.deepEqual(found('_ = getEnv("REDIS_URL", "redis://localhost:6379")\n\t_ = flag.String("db", "postgres://localhost/dev", "database URL")'), []);
    assert.deepEqual(found('_ = getEnv("REDIS_URL", "redis://cache.prod.internal:6379")'), [['goFallback', 'cache.prod.internal']]);
  });
  test('a format string whose host is a verb is not reported; one with the host written down is', () => {
    assert.deepEqual(found('_ = fmt.Sprintf("postgres://%s:%s@%s:%d/%s", u, p, h, port, name)'), []);
    assert.deepEqual(found('_ = fmt.Sprintf("postgres://%s:%s@db.internal:5432/app", u, p)'), [['goUrl', 'db.internal']]);
  });
  test('log lines, placeholders, a scheme alone and a URL with a password are not reported', () => {
    const body = `log.Printf("connecting to redis://cache.internal:6379")\n\t_ = "postgres://user@host:5432/db"\n\t_ = strings.HasPrefix(u, "postgres://")\n\t_ = "postgres://app:${fake('Zq8', 'vLm2', 'Rt5')}@db.internal/app"`;
    assert.deepEqual(found(body), []);
  });
  test('a half-typed line', () => assert.deepEqual(found('db, _ := sql.Open("postgres", "postgres://app@db.internal/app"\n'), [['goUrl', 'db.internal']]));
  test('a list of Redis addresses is reported once, without a fix', () => {
    const text = goMain(IMPORTS, 'rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"r1.internal:6379", "r2.internal:6379"}})\n\t_ = rdb');
    assert.deepEqual(goFindings(RULE, '/ws/main.go', text).map((f) => f.data?.host), ['r1.internal']);
    assert.equal(fixGo(RULE, '/ws/main.go', text).source, text);
  });
});

describe('the fix', () => {
  const fix = (imports: string[], body: string, pre = '') => {
    const text = goMain(imports, body).replace('func main', `${pre}func main`);
    const out = fixGo(RULE, '/ws/main.go', text);
    assert.ok(goParses(out.source), out.source);
    assert.deepEqual(goFindings(RULE, '/ws/main.go', out.source), []);
    return out;
  };
  test('a URL argument becomes os.Getenv, and the os import is added', () => {
    const out = fix(['database/sql'], 'db, _ := sql.Open("postgres", "postgres://app@db.internal:5432/app")\n\t_ = db');
    assert.match(out.source, /import \([^)]*"os"[^)]*\)/);
    assert.match(out.source, /sql\.Open\("postgres", os\.Getenv\("DATABASE_URL"\)\)/);
    assert.equal(out.env, 'DATABASE_URL=postgres://app@db.internal:5432/app\n');
  });
  test('a sole const becomes a var named after it', () => {
    const out = fix(['database/sql', 'os'], 'db, _ := sql.Open("postgres", databaseURL)\n\t_ = db', 'const databaseURL = "postgres://app@db.internal:5432/app"\n\n');
    assert.match(out.source, /var databaseURL = os\.Getenv\("DATABASE_URL"\)/);
  });
  test('a redis.Options address', () => {
    const out = fix(['github.com/redis/go-redis/v9'], 'rdb := redis.NewClient(&redis.Options{Addr: "cache.internal:6379"})\n\t_ = rdb');
    assert.match(out.source, /Addr: os\.Getenv\("REDIS_ADDR"\)/);
  });
  test('a remote fallback: the default goes, an unset variable stops the program', () => {
    const out = fix(['os'], 'dsn := os.Getenv("DATABASE_URL")\n\tif dsn == "" {\n\t\tdsn = "postgres://db.prod.internal/app"\n\t}\n\t_ = dsn');
    assert.match(out.source, /if dsn == "" \{\n\t\tpanic\("DATABASE_URL is not set"\)\n\t\}/);
  });
});
