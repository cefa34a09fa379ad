import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/backing-services/hardcoded-service-url';
import { rule as secretRule } from '../../core/src/rules/config/hardcoded-secret';
import { findings, fixAll, summary } from '../fixtures/workspace/harness';
import { fake, syntaxErrors } from './helpers';

const RULE = 'backing-services/hardcoded-service-url';
const FILE = '/ws/src/db.ts';

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['a template with the credentials from variables and the host written down', "await mongoose.connect(`mongodb+srv://${user}:${pass}@cluster0.ab1cd.mongodb.net/shop`);\n", [['url', 1, '`mongodb+srv://${user}:${pass}@cluster0.ab1cd.mongodb.net/shop`']]],
  ['a remote default when the variable is unset is still a fallback to a real service', "let url = process.env.REDIS_URL;\nif (url === undefined) url = 'redis://cache.prod.internal:6379';\n", [['fallback', 2, "'redis://cache.prod.internal:6379'"]]],
  ['mongoose.connect to localhost', "import mongoose from 'mongoose';\nmongoose.connect('mongodb://127.0.0.1:27017/shop');\n", [['url', 2, "'mongodb://127.0.0.1:27017/shop'"]]],
  ['mongodb+srv', "const client = new MongoClient('mongodb+srv://cluster0.ab1cd.mongodb.net/app?retryWrites=true');\n", [['url', 1, "'mongodb+srv://cluster0.ab1cd.mongodb.net/app?retryWrites=true'"]]],
  ['postgres URL in a constant', "const databaseUrl = 'postgres://app@db.internal:5432/app';\n", [['url', 1, "'postgres://app@db.internal:5432/app'"]]],
  ['redis URL', "import { createClient } from 'redis';\nconst client = createClient({ url: 'redis://cache.prod.internal:6379' });\n", [['url', 2, "'redis://cache.prod.internal:6379'"]]],
  ['amqp', "const conn = await amqp.connect('amqp://rabbitmq');\n", [['url', 1, "'amqp://rabbitmq'"]]],
  ['smtp URL', "const transport = nodemailer.createTransport('smtps://smtp.mailgun.org:465');\n", [['url', 1, "'smtps://smtp.mailgun.org:465'"]]],
  ['nats', "const nc = await connect({ servers: 'nats://nats.internal:4222' });\n", [['url', 1, "'nats://nats.internal:4222'"]]],
  ['ioredis host option', "import Redis from 'ioredis';\nconst redis = new Redis({ host: 'cache.internal', port: 6379 });\n", [['host', 2, "'cache.internal'"]]],
  ['ioredis (port, host)', "const Redis = require('ioredis');\nconst redis = new Redis(6379, 'redis.prod');\n", [['host', 2, "'redis.prod'"]]],
  ['node-redis v4 socket.host', "import { createClient } from 'redis';\ncreateClient({ socket: { host: 'cache.internal', port: 6379 } });\n", [['host', 2, "'cache.internal'"]]],
  ['pg Pool host', "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db.prod', database: 'app' });\n", [['host', 2, "'db.prod'"]]],
  ['mysql2 createPool', "const mysql = require('mysql2/promise');\nconst pool = mysql.createPool({ host: 'localhost', user: 'root', database: 'test' });\n", [['host', 2, "'localhost'"]]],
  ['sequelize options', "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize('db', 'user', process.env.DB_PASS, { host: 'mysql.internal', dialect: 'mysql' });\n", [['host', 2, "'mysql.internal'"]]],
  ['knex connection', "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { host: '10.0.0.12', database: 'app' } });\n", [['host', 2, "'10.0.0.12'"]]],
  ['nodemailer host', "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.sendgrid.net', port: 587 });\n", [['host', 2, "'smtp.sendgrid.net'"]]],
  ['kafkajs brokers', "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'app', brokers: ['kafka-1.internal:9092', 'kafka-2.internal:9092'] });\n", [['host', 2, "'kafka-1.internal:9092'"]]],
  ['elasticsearch node', "import { Client } from '@elastic/elasticsearch';\nconst es = new Client({ node: 'http://search.internal:9200' });\n", [['url', 2, "'http://search.internal:9200'"]]],
  ['memcached', "const Memcached = require('memcached');\nconst cache = new Memcached('memcached.internal:11211');\n", [['host', 2, "'memcached.internal:11211'"]]],
  ['cluster-internal host', "import Redis from 'ioredis';\nconst r = new Redis({ host: 'redis-master.prod.svc.cluster.local' });\n", [['host', 2, "'redis-master.prod.svc.cluster.local'"]]],
  ['production branch of a NODE_ENV conditional', "const url = process.env.NODE_ENV === 'production' ? 'redis://cache.prod.internal' : 'redis://localhost';\n", [['url', 1, "'redis://cache.prod.internal'"]]],
  ['fallback to a production host', "const url = process.env.REDIS_URL || 'redis://cache.prod.example.io:6379';\n", [['fallback', 1, "'redis://cache.prod.example.io:6379'"]]],
];

const valid: Array<[string, string]> = [
  ['a template whose host is a variable', "const url = `postgres://${user}:${pass}@${host}:5432/app`;\n"],
  ['a template pointing at the local machine', "const url = `redis://localhost:6379/${db}`;\n"],
  ['a string literal type', "type CacheConfig = { url: 'redis://cache.internal:6379' };\n"],
  ['the variable\'s own default when unset', "let url = process.env.DATABASE_URL;\nif (!url) url = 'postgres://db:5432/app';\n"],
  ['a commander option default', "import { program } from 'commander';\nprogram.option('--db <url>', 'database URL', 'postgres://localhost/app');\n"],
  ['localhost fallback', "mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/app');\n"],
  ['?? fallback to a compose service', "const url = process.env.REDIS_URL ?? 'redis://redis:6379';\n"],
  ['envalid default', "const env = cleanEnv(process.env, { DATABASE_URL: url({ default: 'postgres://localhost/dev' }) });\n"],
  ['zod default', "const schema = z.object({ REDIS_URL: z.string().default('redis://localhost:6379') });\n"],
  ['host from env with local default', "new Pool({ host: process.env.PGHOST || 'localhost' });\n"],
  ['host from env', "import Redis from 'ioredis';\nnew Redis({ host: process.env.REDIS_HOST, port: 6379 });\n"],
  ['URL with a password is the secret rule\'s', `const url = 'postgres://app:${fake('Zq8', 'vLm2', 'Rt5')}@db.internal:5432/app';\n`],
  ['placeholder host', "// e.g.\nconst example = 'postgres://user@host:5432/db';\n"],
  ['template with holes', "const url = `postgres://${user}@${host}:5432/${db}`;\n"],
  ['scheme only', "if (url.startsWith('redis://')) parse(url);\n"],
  ['a container description (a compose template)', "const services = { redis: { image: 'redis:7', url: 'redis://redis:6379' } };\n"],
  ['fragments', "const a = 'postgres://a:';\nconst b = 'mongodb+srv://u:p@';\nconst c = 'redis://@';\n"],
  ['log message', "console.log('connecting to redis://cache.internal:6379');\nlogger.info('redis://cache.internal:6379');\n"],
  ['placeholder in JSX', "const input = <input placeholder=\"postgres://db.internal/app\" />;\n"],
  ['development section of a config object', "module.exports = {\n  development: { url: 'postgres://localhost/dev' },\n  production: { url: process.env.DATABASE_URL },\n};\n"],
  ['http URLs are not services', "fetch('http://api.internal:8080/orders');\n"],
  ['host key of an unrelated call', "server.listen({ host: '0.0.0.0', port });\nsetCookie({ domain: 'app.internal' });\n"],
  ['a host outside any client call', "const cfg = { host: 'db.prod' };\n"],
  ['default chosen in an if on the environment', "if (!process.env.REDIS_URL) {\n  process.env.REDIS_URL = 'redis://localhost:6379';\n}\n"],
  ['local branch of a NODE_ENV conditional', "const url = process.env.NODE_ENV === 'production' ? prodUrl : 'mongodb://localhost/dev';\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) {
    test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, name.includes('JSX') ? '/ws/src/a.tsx' : FILE, code), expected));
  }
  for (const [name, code] of valid) {
    test(`valid: ${name}`, () => assert.deepEqual(summary(rule, name.includes('JSX') ? '/ws/src/a.tsx' : FILE, code), []));
  }
  test('test files are not reported by default (testFiles.severity: off), localhost or not', () => {
    assert.deepEqual(summary(rule, '/ws/test/db.test.ts', "mongoose.connect('mongodb://localhost/test');\n"), []);
    assert.deepEqual(findings(rule, '/ws/test/db.test.ts', "mongoose.connect('mongodb://mongo.staging.internal/test');\n"), []);
  });
  test('a development config file may name localhost', () => {
    assert.deepEqual(summary(rule, '/ws/config/development.js', "module.exports = { redis: 'redis://localhost:6379' };\n"), []);
  });
  test('never reported by both this rule and config/hardcoded-secret', () => {
    const code = `const a = 'mysql://root:${fake('Hq2', 'pX9w', 'Lk4')}@mysql.internal/app';\nconst b = 'mysql://mysql.internal/app';\n`;
    const secret = findings(secretRule, FILE, code).map((f) => f.range.start.line);
    const here = findings(rule, FILE, code).map((f) => f.range.start.line);
    assert.deepEqual(secret, [0]);
    assert.deepEqual(here, [1]);
  });
});

describe(`${RULE}: fix (move to .env)`, () => {
  const cases: Array<[string, string, string, string]> = [
    ['URL named by its variable', "const redisUrl = 'redis://cache.internal:6379';\n", 'const redisUrl = process.env.REDIS_URL;\n', 'REDIS_URL=redis://cache.internal:6379\n'],
    ['URL in a call gets the service variable', "mongoose.connect('mongodb://127.0.0.1:27017/shop');\n", 'mongoose.connect(process.env.MONGODB_URI);\n', 'MONGODB_URI=mongodb://127.0.0.1:27017/shop\n'],
    ['client host', "import { Pool } from 'pg';\nnew Pool({ host: 'db.prod' });\n", "import { Pool } from 'pg';\nnew Pool({ host: process.env.DB_HOST });\n", 'DB_HOST=db.prod\n'],
    ['fallback drops the default', "const url = process.env.REDIS_URL || 'redis://cache.prod.example.io:6379';\n", 'const url = process.env.REDIS_URL;\n', 'REDIS_URL=redis://cache.prod.example.io:6379\n'],
    ['kafka brokers become a list variable', "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: ['k1.internal:9092', 'k2.internal:9092'] });\n",
      "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });\n", 'KAFKA_BROKERS=k1.internal:9092,k2.internal:9092\n'],
  ];
  for (const [name, before, after, env] of cases) {
    test(name, () => {
      const out = fixAll(rule, FILE, before);
      assert.equal(out.source, after);
      assert.equal(out.env, env);
      assert.deepEqual(syntaxErrors(FILE, out.source), []);
      assert.deepEqual(summary(rule, FILE, out.source), []);
    });
  }
});

describe(`${RULE}: local development defaults seen in the audit set`, () => {
  test('valid: confidence `$default` beside a production value read from the environment (jedireza/aqua)', () => {
    const code = "module.exports = { mongodb: { uri: { $filter: 'env', production: process.env.MONGODB_URI, $default: 'mongodb://localhost:27017/aqua' } } };\n";
    assert.deepEqual(findings(rule, '/ws/config.js', code), []);
  });
  test('invalid: the same localhost address outside a development branch is reported', () => {
    const code = "module.exports = { mongodb: { uri: 'mongodb://localhost:27017/aqua' } };\n";
    assert.equal(findings(rule, '/ws/config.js', code).length, 1);
  });
  test('valid: a localhost database in the config template users copy (cnodejs/nodeclub config.default.js)', () => {
    assert.deepEqual(findings(rule, '/ws/config.default.js', "module.exports = { db: 'mongodb://127.0.0.1/node_club_dev' };\n"), []);
  });
  test('invalid: the same line in the config the app reads', () => {
    assert.equal(findings(rule, '/ws/config.js', "module.exports = { db: 'mongodb://127.0.0.1/node_club_dev' };\n").length, 1);
  });
});
