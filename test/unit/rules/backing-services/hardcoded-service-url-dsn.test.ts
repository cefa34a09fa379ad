// backing-services/hardcoded-service-url: connection strings that are no whole URL literal. Go's libpq
// key=value DSNs and the MySQL driver's `user@tcp(host:port)/db`, whole or as a `fmt.Sprintf` format; Python's
// `%`-formatted and `.format()` URLs and DSNs whose written part names the host. The same policy as the URL
// shapes: a placeholder or a hole is no host, localhost passes in test code, a fallback only when remote.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { rule } from '../../../../core/src/rules/backing-services/hardcoded-service-url';
import { dsnHostOf } from '../../../../core/src/rules/backing-services/hardcoded-service-url-shapes';
import { fake } from '../../helpers';
import { fixGo, goFindings, goMain, goParses, loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

const RULE = 'backing-services/hardcoded-service-url';
const PW = fake('Qx7', 'mR4v', 'Tz9');

before(loadGo);
before(loadPython);

describe('DSN shapes', () => {
  test('libpq key=value: two known keys, one of them host; quoted values; a unix socket is no host', () => {
    assert.equal(dsnHostOf('host=db.internal user=app dbname=shop sslmode=disable'), 'db.internal');
    assert.equal(dsnHostOf("host='db-1.internal,db-2.internal' port=5432 dbname=shop"), 'db-1.internal');
    assert.equal(dsnHostOf('host=/var/run/postgresql dbname=shop'), undefined);
    assert.equal(dsnHostOf('host=db.internal'), undefined, 'one key says too little');
    assert.equal(dsnHostOf('set host=db.internal and user=app then'), undefined, 'prose between the pairs');
  });
  test('MySQL driver: user[:password]@tcp(host:port)/db[?params]', () => {
    assert.equal(dsnHostOf('app@tcp(mysql.internal:3306)/shop?parseTime=true'), 'mysql.internal');
    assert.equal(dsnHostOf(`app:${PW}@tcp(10.0.3.7)/shop`), '10.0.3.7');
    assert.equal(dsnHostOf('app@unix(/tmp/mysql.sock)/shop'), undefined);
  });
});

describe('Go DSNs', () => {
  const found = (body: string, path = '/ws/main.go') => goFindings(RULE, path, goMain(['database/sql', 'fmt', 'os'], body)).map((f) => [f.messageId, f.data?.host, f.data?.env]);
  // Held-out 12 (fixed with held-out 13, audit/README.md "Held-out 13, Python and Go"): a database adapter's
  // `defaultDSN`, used when the config file gives none, is a default as an env read's is: local passes, remote counts.
  test("a constant named as the default: a local host passes, a remote one is reported as a fallback", () => {
    const adapter = (value: string) => `package mysql\n\nconst (\n\tdefaultDSN = "${value}"\n\tdefaultDatabase = "tinode"\n)\n\nfunc dsn(configured string) string {\n\tif configured != "" {\n\t\treturn configured\n\t}\n\treturn defaultDSN\n}\n`;
    const at = (value: string) => goFindings(RULE, '/ws/server/db/mysql/adapter.go', adapter(value)).map((f) => [f.messageId, f.data?.host]);
    assert.deepEqual(at('root:@tcp(localhost:3306)/tinode?parseTime=true'), []);
    assert.deepEqual(at('root@tcp(mysql.internal:3306)/tinode'), [['goFallback', 'mysql.internal']]);
    assert.deepEqual(found('mysqlDSN := "app@tcp(localhost:3306)/shop"\n\t_ = mysqlDSN'), [['goUrl', 'localhost', 'MYSQL_DSN']], 'a name that says nothing of a default');
  });
  test('key=value and MySQL DSNs with the host written down are reported, the address in DATABASE_DSN or the name it is kept under', () => {
    assert.deepEqual(found('db, _ := sql.Open("postgres", "host=db.internal user=app dbname=shop sslmode=disable")\n\t_ = db'), [['goUrl', 'db.internal', 'DATABASE_DSN']]);
    assert.deepEqual(found('mysqlDSN := "app@tcp(mysql.internal:3306)/shop?parseTime=true"\n\t_ = mysqlDSN'), [['goUrl', 'mysql.internal', 'MYSQL_DSN']]);
    assert.deepEqual(found('dsn := "host=localhost user=app dbname=shop"\n\t_ = dsn'), [['goUrl', 'localhost', 'DATABASE_DSN']]);
  });
  test('a written password does not hide the address: the secret rule has no DSN shape, the fix moves the DSN whole', () => {
    assert.deepEqual(found(`dsn := "host=db.prod.acme.io user=app password=${PW} dbname=shop"\n\t_ = dsn`), [['goUrl', 'db.prod.acme.io', 'DATABASE_DSN']]);
    const fixed = fixGo(RULE, 'main.go', goMain(['database/sql', 'fmt', 'os'], `dsn := "app:${PW}@tcp(db.prod.acme.io:3306)/shop"\n\tdb, _ := sql.Open("mysql", dsn)\n\t_, _ = db, fmt.Sprint()`));
    assert.ok(fixed.source.includes('dsn := os.Getenv("DATABASE_DSN")'), fixed.source);
    assert.ok(goParses(fixed.source));
    assert.equal(fixed.env, `DATABASE_DSN='app:${PW}@tcp(db.prod.acme.io:3306)/shop'\n`, 'quoted: the value holds parentheses');
  });
  test('fmt.Sprintf formats: reported when the host is written, not when it is a verb', () => {
    assert.deepEqual(found(`dsn := fmt.Sprintf("host=db.internal user=%s password=%s dbname=%s", os.Getenv("U"), os.Getenv("P"), "shop")\n\t_ = dsn`), [['goUrl', 'db.internal', 'DATABASE_DSN']]);
    assert.deepEqual(found('dsn := fmt.Sprintf("%s:%s@tcp(mysql.internal:3306)/%s", u, p, db)\n\t_ = dsn'), [['goUrl', 'mysql.internal', 'DATABASE_DSN']]);
    assert.deepEqual(found('dsn := fmt.Sprintf("host=%s user=%s password=%s dbname=%s port=%d", h, u, p, db, port)\n\t_ = dsn'), []);
    assert.deepEqual(found('dsn := fmt.Sprintf("%s:%s@tcp(%s:%d)/%s?parseTime=true", u, p, h, port, db)\n\t_ = dsn'), []);
    assert.deepEqual(found('dsn := fmt.Sprintf("host=localhost user=%s dbname=%s", u, db)\n\t_ = dsn'), [], 'a local host in a format, as for URLs');
  });
  test('left alone: placeholders, a unix socket, test files, a DSN that is prose', () => {
    assert.deepEqual(found('dsn := "host=db.example.com user=app dbname=shop"\n\t_ = dsn'), []);
    assert.deepEqual(found('dsn := "host=/var/run/postgresql user=app dbname=shop"\n\t_ = dsn'), []);
    assert.deepEqual(found('dsn := "host=localhost user=app dbname=shop_test"\n\t_ = dsn', '/ws/db_test.go'), []);
    assert.deepEqual(found('log.Printf("connect with host=db.internal user=app dbname=shop")'.replace('log.', 'fmt.')), []);
  });
});

new RuleTester({ filename: '/ws/app.py' }).run(rule, {
  valid: [
    { name: 'py: a %-formatted URL whose host is a hole', code: "url = 'postgresql://%s:%s@%s/%s' % (user, password, host, name)\n" },
    { name: 'py: a .format() URL whose host is a field', code: "url = 'redis://{}:{}/0'.format(host, port)\nurl2 = 'mysql://{user}@{host}/app'.format(user=u, host=h)\n" },
    { name: 'py: a %-formatted URL to localhost', code: "url = 'postgresql://%s@localhost/app' % user\n" },
    { name: 'py: a %-formatted URL with a written password beside the host is the secret rule\'s', code: `url = 'postgresql://%s:${PW}@db.internal/app' % user\n` },
    { name: 'py: a DSN on a unix socket', code: "import psycopg2\nconn = psycopg2.connect('host=/var/run/postgresql dbname=shop')\n" },
    { name: 'py: formatting that is no URL', code: "msg = 'connecting to %s' % url\nline = '{}://{}'.format(scheme, host)\n" },
  ],
  invalid: [
    { name: 'py: a %-formatted URL with the host written down', code: "url = 'postgresql://%s:%s@db.internal:5432/app' % (user, password)\n",
      errors: [{ messageId: 'pyUrl', line: 1, data: { host: 'db.internal', env: 'DATABASE_URL' } }] },
    { name: 'py: a %(name)s-formatted URL', code: "BROKER_URL = 'amqp://%(user)s@mq.internal//' % {'user': u}\n",
      errors: [{ messageId: 'pyUrl', line: 1, data: { host: 'mq.internal', env: 'BROKER_URL' } }] },
    { name: 'py: a .format() URL with the host written down', code: "REDIS_URL = 'redis://:{}@cache.internal:6379/{}'.format(password, db)\n",
      errors: [{ messageId: 'pyUrl', line: 1, data: { host: 'cache.internal', env: 'REDIS_URL' } }] },
    { name: 'py: a libpq DSN passed to psycopg2.connect', code: "import os\nimport psycopg2\nconn = psycopg2.connect('host=db.internal dbname=shop user=app')\n",
      errors: [{ messageId: 'pyUrl', line: 3, data: { host: 'db.internal', env: 'DATABASE_DSN' } }],
      output: "import os\nimport psycopg2\nconn = psycopg2.connect(os.environ[\"DATABASE_DSN\"])\n", envOutput: "DATABASE_DSN='host=db.internal dbname=shop user=app'\n" },
    { name: 'py: a %-formatted DSN with the host written down', code: "dsn = 'host=db.internal user=%s password=%s dbname=shop' % (user, pw)\n",
      errors: [{ messageId: 'pyUrl', line: 1, data: { host: 'db.internal', env: 'DATABASE_DSN' } }] },
  ],
});
