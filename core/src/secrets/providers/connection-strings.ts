import type { SecretProvider } from '../provider';
import { isEnvVarName } from '../placeholder';
import { ALNUM, B64URL, notSequential, rnd } from './util';

/**
 * What may follow the `@`: any host except documentation domains (`example.com/.org/.net`), where
 * tutorials and templates put their samples. The developer's own machine (`localhost`, `127.0.0.1`) is
 * matched: a literal password there is a warning (see `isLocalUrlHost`), not nothing. A host interpolated
 * in a template (`@${process.env.DB_HOST}`) still leaves the password literal.
 */
export const HOST = '(?![\\w.-]{0,100}\\bexample\\.(?:com|org|net)\\b)(?:[\\w\\[-]|\\$\\{)';

/** The host after a URL's `@` is the developer's own machine. */
export function isLocalUrlHost(textAfterAt: string): boolean {
  return /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?![\w.-])/.test(textAfterAt);
}

/**
 * `scheme://user:password@host`, the password being the secret. The user part cannot hold `:`, `@`
 * or `/` and the password cannot hold `@` or `/`, so neither can backtrack into the other; the
 * lookahead `(?!(?:\k<user>){1,2}@)` drops `postgres:postgres@` style logins where the password is the user
 * name, or the user name twice (`admin:adminadmin@`, a self-hosted tool's documented first login): a default
 * made of the account's name, not a secret.
 */
export function urlCredentials(schemes: string): RegExp {
  return new RegExp(
    `(?<![\\w+.-])(?:jdbc:)?(?:${schemes})(?:\\+[a-z0-9]+)?:\\/\\/(?<user>[^:@/\\s'"\`<>]{0,128}):(?!(?:\\k<user>){1,2}@)(?<secret>[^@/\\s'"\`]{1,256})@${HOST}`,
    'g',
  );
}

// Defaults of local containers and tutorials (`user:postgres@localhost`), never production secrets.
const DEV_DEFAULTS = new Set(['postgres', 'postgresql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rabbit', 'rabbitmq', 'docker', 'dev', 'local', 'localhost', 'example']);

// Template holes of other languages and tools: printf (`%s`, `%(pw)s`), format (`{}`, `{0}`,
// `{password}`), Ruby (`#{pw}`), positional (`$1`), symbols (`:password`), build-tool tokens (`@PW@`, `__PW__`).
const TEMPLATE = /^(?:%[-+ #0-9.]*[a-z]|%\([^)]*\)[a-z]|\{[\w.]*\}|#\{[^}]*\}|\$\d+|:\w+|@\w+@|__\w+__)$/i;

// The word "password" in the languages an app's translations are written in, where a URL's password goes: a German
// locale's `http://benutzer:passwort@host:port` shows the shape of a proxy URL as `user:pass` does (audit: fredy).
const PASSWORD_WORD = new RegExp(
  '^(?:passwort|kennwort|wachtwoord|mot[-_]?de[-_]?passe|contrase(?:ñ|n)a|senha|(?:ş|s)ifre|parola|has(?:ł|l)o|l(?:ö|o)senord|passord|' +
    'adgangskode|salasana|heslo|jelsz(?:ó|o)|пароль|密码|密碼|パスワード|비밀번호)$',
  'iu',
);

/**
 * The password is a real value: not an env var name, a template hole, a stock default, a keyboard run,
 * the front of a bracketed stand-in cut at its inner `@` (`<YourStrong@Passw0rd>` in the SQL Server docs),
 * a value that spells out "password" (`randompassword`, `mysecretpassword` from the Prisma and Docker
 * docs) or abbreviates it (`user:pw@host:port/db`, a format hint; `us:pa@ex.co`, a URL parser's test vector), or an interpolation cut short by the value's end (`Password=${getPw('db')}`: the `'` ends the match).
 */
export function realPassword(secret: string): boolean {
  return (
    !isEnvVarName(secret) &&
    !TEMPLATE.test(secret) &&
    !/^[<[{]|[>\]}]$|\$\{|\{\{|\$\(/.test(secret) &&
    !DEV_DEFAULTS.has(secret.toLowerCase()) &&
    !/passw(?:or)?d|passw0rd|p4ssw0rd|^(?:pw|pwd|pa)$/i.test(secret) &&
    !PASSWORD_WORD.test(secret) &&
    notSequential(secret)
  );
}

const pw = (seed: string) => rnd(ALNUM, 18, seed);

/** A connection-string provider: the URL pattern of its schemes, and the password check every scheme shares. */
function connection(schemes: string, provider: Omit<SecretProvider, 'pattern' | 'validate'>): SecretProvider {
  return { ...provider, pattern: urlCredentials(schemes), validate: realPassword, movesWholeValue: true, shape: 'generic', inUrl: true };
}

export const connectionStrings: readonly SecretProvider[] = [
  connection('postgres(?:ql)?', {
    id: 'postgres-connection-string',
    name: 'PostgreSQL connection string password',
    envName: 'DATABASE_URL',
    keywords: ['postgres'],
    tps: [
      `DATABASE_URL=postgres://billing:${pw('pg-1')}@db.internal:5432/billing`,
      `const pool = new Pool({ connectionString: 'postgresql://app_rw:${pw('pg-2')}@10.0.3.7/app?sslmode=require' });`,
      `SQLALCHEMY_DATABASE_URI = "postgresql+asyncpg://svc:${pw('pg-3')}%21@pg.prod.acme.io/orders"`,
      `jdbc:postgresql://reports:${pw('pg-4')}@analytics:5432/warehouse`,
      `const url = \`postgres://admin:${pw('pg-6')}@\${process.env.DB_HOST}:5432/app\`;`,
      // A password to the developer's own machine is reported too (as a warning, by the rule).
      `DATABASE_URL=postgres://app:${pw('pg-5')}@127.0.0.1:5432/app`,
    ],
    fps: [
      'DATABASE_URL=postgres://user@localhost/db',
      'DATABASE_URL=postgres://user:${DB_PASSWORD}@db:5432/app',
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/postgres',
      'DATABASE_URL=postgresql://USER:PASSWORD@HOST:PORT/DATABASE',
      'const url = `postgres://${user}:${password}@${host}/${db}`;',
      'dsn = "postgres://%s:%s@%s/%s" % (user, pw, host, db)',
      'DATABASE_URL=postgres://app:DB_PASSWORD@db/app',
      'DATABASE_URL=postgres://db.internal:5432/app',
      'DATABASE_URL="postgresql://johndoe:randompassword@localhost:5432/mydb?schema=public"',
    ],
  }),
  connection('mysqlx?|mysql2|mariadb', {
    id: 'mysql-connection-string',
    name: 'MySQL / MariaDB connection string password',
    envName: 'DATABASE_URL',
    keywords: ['mysql', 'mariadb'],
    tps: [`DATABASE_URL="mysql://shop:${pw('my-1')}@mysql.prod:3306/shop"`, `const conn = await mysql.createConnection('mariadb://etl:${pw('my-2')}@10.1.0.4/dw');`],
    fps: ['DATABASE_URL="mysql://root:root@127.0.0.1:3306/app"', 'DATABASE_URL="mysql://app:<password>@db/app"', 'url: mysql://app:{password}@db/app'],
  }),
  connection('mongodb', {
    id: 'mongodb-connection-string',
    name: 'MongoDB connection string password',
    envName: 'MONGODB_URI',
    keywords: ['mongodb'],
    tps: [
      `MONGODB_URI=mongodb+srv://api:${pw('mg-1')}@cluster0.x7k2p.mongodb.net/prod?retryWrites=true&w=majority`,
      `mongoose.connect("mongodb://reporting:${pw('mg-2')}@mongo-0.mongo,mongo-1.mongo:27017/reports?replicaSet=rs0");`,
    ],
    fps: [
      'MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.abcde.mongodb.net/',
      'MONGODB_URI=mongodb://localhost:27017/test',
      'MONGODB_URI=mongodb://mongo:mongo@localhost:27017',
    ],
  }),
  connection('rediss?', {
    id: 'redis-connection-string',
    name: 'Redis connection string password',
    envName: 'REDIS_URL',
    keywords: ['redis'],
    tps: [`REDIS_URL=rediss://default:${pw('rd-1')}@eu1-fine-koala-3104.upstash.io:6379`, `const client = createClient({ url: 'redis://:${pw('rd-2')}@cache.internal:6379/0' });`],
    fps: ["message: 'Enter your Redis URL (format: redis://user:pw@host:port/db):'", 'REDIS_URL=redis://localhost:6379', 'REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379', 'REDIS_URL=redis://default:redis@localhost:6379'],
  }),
  connection('amqps?', {
    id: 'amqp-connection-string',
    name: 'AMQP (RabbitMQ) connection string password',
    envName: 'AMQP_URL',
    keywords: ['amqp'],
    tps: [`AMQP_URL=amqps://orders:${pw('mq-1')}@b-3f1c.mq.eu-west-1.amazonaws.com:5671`, `const conn = await amqp.connect('amqp://worker:${pw('mq-2')}@rabbit.internal/vhost');`],
    fps: ['AMQP_URL=amqp://guest:guest@localhost:5672', 'AMQP_URL=amqp://localhost', 'AMQP_URL=amqp://app:$RABBIT_PASSWORD@rabbit/'],
  }),
  connection('mssql|sqlserver', {
    id: 'mssql-connection-string',
    name: 'SQL Server connection string password',
    envName: 'DATABASE_URL',
    keywords: ['mssql', 'sqlserver'],
    tps: [`DATABASE_URL=mssql://sa_app:${pw('ms-1')}@sql01.corp.local:1433/erp`, `url: "sqlserver://etl:${pw('ms-2')}@10.2.0.9:1433"`],
    fps: ['DATABASE_URL=mssql://sa:<YourStrong@Passw0rd>@localhost:1433', 'DATABASE_URL=sqlserver://localhost:1433;databaseName=erp'],
  }),
  connection('smtps?', {
    id: 'smtp-connection-string',
    name: 'SMTP URL password',
    envName: 'SMTP_URL',
    keywords: ['smtp'],
    tps: [`SMTP_URL=smtps://apikey:${'SG.' + rnd(B64URL, 8, 'sm-1')}${pw('sm-2')}@smtp.sendgrid.net:465`, `const transport = nodemailer.createTransport('smtp://mailer%40acme.io:${pw('sm-3')}@smtp.gmail.com:587');`],
    fps: ['SMTP_URL=smtp://localhost:1025', 'SMTP_URL=smtps://user:pass@smtp.example.com:465', 'SMTP_URL=smtp://${SMTP_USER}:${SMTP_PASS}@smtp.mailgun.org:587'],
  }),
  // Other databases and brokers that take `user:password@host` in their URLs.
  connection('cockroachdb|clickhouse|neo4j(?:\\+s(?:sc)?)?|bolt|kafka|couchbases?|cassandra|memcached|influxdb|arangodb|cratedb', {
    id: 'database-connection-string',
    name: 'database or broker connection string password',
    envName: 'DATABASE_URL',
    keywords: ['cockroachdb', 'clickhouse', 'neo4j', 'bolt:', 'kafka', 'couchbase', 'cassandra', 'memcached', 'influxdb', 'arangodb', 'cratedb'],
    tps: [
      `DATABASE_URL=cockroachdb://app:${pw('cr-1')}@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb`,
      `const client = createClient({ url: 'clickhouse://analytics:${pw('ch-1')}@ch.internal:8123/events' });`,
      `NEO4J_URI=neo4j+s://neo4j:${pw('nj-1')}@a1b2c3d4.databases.neo4j.io`,
      `KAFKA_URL=kafka://svc:${pw('kf-1')}@broker-1.kafka.prod:9092`,
    ],
    fps: ['NEO4J_URI=neo4j://localhost:7687', 'KAFKA_URL=kafka://${KAFKA_USER}:${KAFKA_PASSWORD}@broker:9092', 'CLICKHOUSE_URL=clickhouse://default:@localhost:8123'],
  }),
  {
    id: 'ado-connection-string',
    name: 'ADO.NET / ODBC connection string password',
    envName: 'CONNECTION_STRING',
    keywords: ['password=', 'pwd='],
    // `Server=…;User Id=…;Password=…;` (SQL Server, Npgsql, MySQL Connector): a server/host key,
    // a few more `key=value;` pairs, then Password or Pwd.
    pattern: /(?<![\w])(?:Server|Data Source|Host|Address|Addr)=[^;"'\n]{1,200};(?:[^;"'\n]{1,100};){0,8}?\s{0,2}(?:Password|Pwd)=(?<secret>[^;"'\s]{1,128})/gi,
    validate: realPassword,
    shape: 'generic',
    tps: [
      `"DefaultConnection": "Server=sql01.corp.local;Database=Erp;User Id=erp_app;Password=${pw('ado-1')};TrustServerCertificate=True"`,
      `var cs = "Host=pg.internal;Port=5432;Database=orders;Username=svc;Pwd=${pw('ado-2')}";`,
    ],
    fps: [
      '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=Erp;Trusted_Connection=True"',
      '"DefaultConnection": "Server=db;Database=Erp;User Id=sa;Password=${SA_PASSWORD}"',
      '"DefaultConnection": "Server=db;Database=Erp;User Id=sa;Password={0}"',
    ],
  },
];
