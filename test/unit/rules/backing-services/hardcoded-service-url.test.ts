import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../../core/src/rules/backing-services/hardcoded-service-url';
import { rule as secretRule } from '../../../../core/src/rules/config/hardcoded-secret';
import { findings } from '../../../fixtures/workspace/harness';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

const STRANDED = "const mongoose = require('mongoose');\nconst Request = require('./models/request');\nconst User = require('./models/user');\nmongoose.connect('mongodb://localhost:27017/app');\n";

new RuleTester({ filename: '/ws/src/db.ts' }).run(rule, {
  valid: [
    // Held-out 6 (puter): ioredis-mock's cluster takes node addresses it never connects to.
    { name: 'a local address handed to an in-process mock client', code: "import MockRedis from 'ioredis-mock';\nconst cluster = new MockRedis.Cluster(['redis://localhost:7001']);\nconst single = new MockRedis({ url: 'redis://127.0.0.1:6379' });\n" },
    { name: 'a template whose host is a variable', code: "const url = `postgres://${user}:${pass}@${host}:5432/app`;\n" },
    // Held-out 5: a CLI offers its default database URL when it prompts; a config reader starts from its defaults.
    { name: 'a local URL under a name that says default', code: "export const defaultDatabaseUrl = 'postgresql://localhost:5432/shop';\nexport const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';\n" },
    { name: 'a local URL in an object named defaults', code: "const configDefaults = { db: { url: 'mongodb://localhost:27017/shop' } };\nexport default configDefaults;\n" },
    { name: 'a template pointing at the local machine', code: "const url = `redis://localhost:6379/${db}`;\n" },
    { name: 'a string literal type', code: "type CacheConfig = { url: 'redis://cache.internal:6379' };\n" },
    { name: 'the variable\'s own default when unset', code: "let url = process.env.DATABASE_URL;\nif (!url) url = 'postgres://db:5432/app';\n" },
    { name: 'a commander option default', code: "import { program } from 'commander';\nprogram.option('--db <url>', 'database URL', 'postgres://localhost/app');\n" },
    { name: 'localhost fallback', code: "mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/app');\n" },
    { name: '?? fallback to a compose service', code: "const url = process.env.REDIS_URL ?? 'redis://redis:6379';\n" },
    { name: 'envalid default', code: "const env = cleanEnv(process.env, { DATABASE_URL: url({ default: 'postgres://localhost/dev' }) });\n" },
    { name: 'zod default', code: "const schema = z.object({ REDIS_URL: z.string().default('redis://localhost:6379') });\n" },
    { name: 'host from env with local default', code: "new Pool({ host: process.env.PGHOST || 'localhost' });\n" },
    { name: 'host from env', code: "import Redis from 'ioredis';\nnew Redis({ host: process.env.REDIS_HOST, port: 6379 });\n" },
    { name: 'URL with a password is the secret rule\'s', code: `const url = 'postgres://app:${fake('Zq8', 'vLm2', 'Rt5')}@db.internal:5432/app';\n` },
    { name: 'placeholder host', code: "// e.g.\nconst example = 'postgres://user@host:5432/db';\n" },
    { name: 'template with holes', code: "const url = `postgres://${user}@${host}:5432/${db}`;\n" },
    { name: 'scheme only', code: "if (url.startsWith('redis://')) parse(url);\n" },
    { name: 'a container description (a compose template)', code: "const services = { redis: { image: 'redis:7', url: 'redis://redis:6379' } };\n" },
    { name: 'fragments', code: "const a = 'postgres://a:';\nconst b = 'mongodb+srv://u:p@';\nconst c = 'redis://@';\n" },
    { name: 'log message', code: "console.log('connecting to redis://cache.internal:6379');\nlogger.info('redis://cache.internal:6379');\n" },
    { name: 'placeholder in JSX', code: "const input = <input placeholder=\"postgres://db.internal/app\" />;\n", filename: '/ws/src/a.tsx' },
    { name: 'development section of a config object', code: "module.exports = {\n  development: { url: 'postgres://localhost/dev' },\n  production: { url: process.env.DATABASE_URL },\n};\n" },
    { name: 'http URLs are not services', code: "fetch('http://api.internal:8080/orders');\n" },
    { name: 'host key of an unrelated call', code: "server.listen({ host: '0.0.0.0', port });\nsetCookie({ domain: 'app.internal' });\n" },
    { name: 'a host outside any client call', code: "const cfg = { host: 'db.prod' };\n" },
    { name: 'default chosen in an if on the environment', code: "if (!process.env.REDIS_URL) {\n  process.env.REDIS_URL = 'redis://localhost:6379';\n}\n" },
    { name: 'local branch of a NODE_ENV conditional', code: "const url = process.env.NODE_ENV === 'production' ? prodUrl : 'mongodb://localhost/dev';\n" },
    { name: 'test files are not reported by default (testFiles.severity: off): localhost', filename: '/ws/test/db.test.ts', code: "mongoose.connect('mongodb://localhost/test');\n" },
    { name: 'test files are not reported by default (testFiles.severity: off): a remote host', filename: '/ws/test/db.test.ts', code: "mongoose.connect('mongodb://mongo.staging.internal/test');\n" },
    { name: 'a development config file may name localhost', filename: '/ws/config/development.js', code: "module.exports = { redis: 'redis://localhost:6379' };\n" },
    // Local development defaults seen in the audit set.
    { name: 'confidence `$default` beside a production value read from the environment (jedireza/aqua)', filename: '/ws/config.js', code: "module.exports = { mongodb: { uri: { $filter: 'env', production: process.env.MONGODB_URI, $default: 'mongodb://localhost:27017/aqua' } } };\n" },
    // Held-out 11 (emailengine): the settings used when the configuration file names none; REDIS_URL overrides them.
    { name: 'a local URL in the default object of a configuration value', code: "config.dbs = config.dbs || {\n  redis: 'redis://127.0.0.1:6379/8'\n};\nconst cache = settings.cache ?? { redis: { url: 'redis://localhost:6379' } };\nopts.db ||= { url: 'mongodb://localhost/app' };\n" },
    // Held-out 9 (Tiledesk utils/commons/q1.js): a query script copied out of the root, whose requires now throw.
    {
      name: 'a script whose every relative module is missing beside it and found above',
      filename: '/ws/utils/commons/q1.js',
      code: STRANDED,
      files: { '/ws/models/request.js': 'module.exports = {};\n', '/ws/models/user.js': 'module.exports = {};\n' },
    },
    // Held-out 11 (inbox-zero's setup CLI): the compose services' addresses in the .env it generates.
    {
      name: 'a compose service URL in an environment the code composes',
      code: "const env: EnvConfig = {\n  DATABASE_URL: `postgresql://postgres:${password}@db:5432/app`,\n  REDIS_URL: 'redis://redis:6379',\n};\nenv.DIRECT_URL = `postgresql://${user}:${password}@db:5432/app`;\nchild.env['CACHE_URL'] = 'redis://localhost:6379';\n",
    },
    {
      name: 'a host beside nothing that names a database or a cache',
      filename: '/ws/config/index.js',
      code: "module.exports = {\n  server: { host: '0.0.0.0', port: 3000 },\n  api: { host: 'api.internal', port: 8080 },\n  mail: { host: 'smtp.internal', port: 587 },\n};\n",
    },
    // Held-out 4 (nocobase docs): a demo's data handed to a component, not settings the module keeps.
    // Held-out 12 (vpdb): the distributed settings template and the end-to-end test runs' settings.
    { name: 'a local cache in the settings template users copy', filename: '/ws/config/settings.dist.js', code: "module.exports = { redis: { host: '127.0.0.1', port: 6379 } };\n" },
    { name: 'a local cache in the settings of an end-to-end test run', filename: '/ws/config/settings.protractor.js', code: "module.exports = { redis: { host: '127.0.0.1', port: 6379 } };\n" },
    // repos (FreeFeed): node-config replaces these from the environment (custom-environment-variables.json).
    {
      name: 'settings node-config maps to environment variables',
      filename: '/ws/config/default.js',
      code: "const config = {};\nconfig.redis = { host: 'localhost', port: 6379 };\nmodule.exports = { postgres: { connection: { host: 'localhost', port: 5432 } } };\n",
      files: { '/ws/config/custom-environment-variables.json': '{ "redis": { "host": "APP_REDIS_HOST" }, "postgres": { "connection": { "host": { "__name": "APP_PG_HOST" } } } }' },
    },
    // repos (growthbook): which connection parameters are public, per database type.
    { name: 'a table about the settings', code: "export const PARAMS = { mysql: { user: 'public', host: 'public', port: 'public' } };\n" },
    { name: 'a local cache in the unit tests\' config', filename: '/ws/config/config.unittest.ts', code: "export default { redis: { client: { host: '127.0.0.1', port: 6379 } } };\n" },
    { name: 'database settings handed to a call', code: "ctx.defineProperty('system', { value: { database: { host: 'localhost', port: 5432 } } });\n" },
    { name: 'database settings of the development section', filename: '/ws/config/index.js', code: "module.exports = {\n  development: { db: { host: 'localhost', dialect: 'mysql' } },\n};\n" },
    { name: 'a local database in the example config the operator copies, the word before `config` (held-out 13, bitcore bws.example.config.js)', filename: '/ws/packages/wallet-service/bws.example.config.js', code: "module.exports = { storageOpts: { mongoDb: { uri: 'mongodb://0.0.0.0:27017/bws' } } };\n" },
    { name: 'a local default in the else of the caller\'s value (held-out 13, bitcore-client wallet storage)', code: "export class Mongo {\n  constructor({ path }) {\n    if (path) {\n      this.path = path;\n    } else {\n      this.path = 'mongodb://localhost/bitcoreWallet';\n    }\n  }\n}\n" },
    { name: 'a localhost database in the config template users copy (cnodejs/nodeclub config.default.js)', filename: '/ws/config.default.js', code: "module.exports = { db: 'mongodb://127.0.0.1/node_club_dev' };\n" },
  ],
  invalid: [
    { name: 'a template with the credentials from variables and the host written down', code: "await mongoose.connect(`mongodb+srv://${user}:${pass}@cluster0.ab1cd.mongodb.net/shop`);\n", errors: [['url', 1, '`mongodb+srv://${user}:${pass}@cluster0.ab1cd.mongodb.net/shop`']] },
    { name: 'a remote default when the variable is unset is still a fallback to a real service', code: "let url = process.env.REDIS_URL;\nif (url === undefined) url = 'redis://cache.prod.internal:6379';\n", errors: [['fallback', 2, "'redis://cache.prod.internal:6379'"]] },
    { name: 'the same local database in the config the service loads (not an example) is reported', filename: '/ws/packages/wallet-service/bws.config.js', code: "module.exports = { storageOpts: { mongoDb: { uri: 'mongodb://0.0.0.0:27017/bws' } } };\n", errors: [['url', 1, "'mongodb://0.0.0.0:27017/bws'"]], output: "module.exports = { storageOpts: { mongoDb: { uri: process.env.MONGODB_URI } } };\n", envOutput: 'MONGODB_URI=mongodb://0.0.0.0:27017/bws\n' },
    { name: 'the same else branch with a remote host is reported', code: "export class Mongo {\n  constructor({ path }) {\n    if (path) {\n      this.path = path;\n    } else {\n      this.path = 'mongodb://mongo.prod.internal/bitcoreWallet';\n    }\n  }\n}\n", errors: [['fallback', 6, "'mongodb://mongo.prod.internal/bitcoreWallet'"]], output: null },
    { name: 'a local address in an else that is no default of a tested value is reported', code: "export class Mongo {\n  constructor({ cache }) {\n    if (cache) {\n      this.path = cache.url;\n    } else {\n      this.path = 'mongodb://localhost/bitcoreWallet';\n    }\n  }\n}\n", errors: [['url', 6, "'mongodb://localhost/bitcoreWallet'"]], output: "export class Mongo {\n  constructor({ cache }) {\n    if (cache) {\n      this.path = cache.url;\n    } else {\n      this.path = process.env.MONGODB_URI;\n    }\n  }\n}\n", envOutput: 'MONGODB_URI=mongodb://localhost/bitcoreWallet\n' },
    { name: 'mongoose.connect to localhost', code: "import mongoose from 'mongoose';\nmongoose.connect('mongodb://127.0.0.1:27017/shop');\n", errors: [['url', 2, "'mongodb://127.0.0.1:27017/shop'"]], output: "import mongoose from 'mongoose';\nmongoose.connect(process.env.MONGODB_URI);\n", envOutput: 'MONGODB_URI=mongodb://127.0.0.1:27017/shop\n' },
    {
      name: 'the same address handed to the real client',
      code: "import Redis from 'ioredis';\nconst cluster = new Redis.Cluster(['redis://localhost:7001']);\n",
      errors: [['url', 2, "'redis://localhost:7001'"]],
      output: "import Redis from 'ioredis';\nconst cluster = new Redis.Cluster([process.env.REDIS_URL]);\n",
      envOutput: 'REDIS_URL=redis://localhost:7001\n',
    },
    {
      name: 'a remote address handed to the mock is still written in the code',
      code: "import MockRedis from 'ioredis-mock';\nconst mock = new MockRedis.Cluster(['redis://cache.prod.internal:7001']);\n",
      errors: [['url', 2, "'redis://cache.prod.internal:7001'"]],
      output: "import MockRedis from 'ioredis-mock';\nconst mock = new MockRedis.Cluster([process.env.REDIS_URL]);\n",
      envOutput: 'REDIS_URL=redis://cache.prod.internal:7001\n',
    },
    { name: 'mongodb+srv', code: "const client = new MongoClient('mongodb+srv://cluster0.ab1cd.mongodb.net/app?retryWrites=true');\n", errors: [['url', 1, "'mongodb+srv://cluster0.ab1cd.mongodb.net/app?retryWrites=true'"]], output: 'const client = new MongoClient(process.env.MONGODB_URI);\n', envOutput: "MONGODB_URI='mongodb+srv://cluster0.ab1cd.mongodb.net/app?retryWrites=true'\n" },
    { name: 'postgres URL in a constant', code: "const databaseUrl = 'postgres://app@db.internal:5432/app';\n", errors: [['url', 1, "'postgres://app@db.internal:5432/app'"]], output: 'const databaseUrl = process.env.DATABASE_URL;\n', envOutput: 'DATABASE_URL=postgres://app@db.internal:5432/app\n' },
    { name: 'redis URL', code: "import { createClient } from 'redis';\nconst client = createClient({ url: 'redis://cache.prod.internal:6379' });\n", errors: [['url', 2, "'redis://cache.prod.internal:6379'"]], output: "import { createClient } from 'redis';\nconst client = createClient({ url: process.env.REDIS_URL });\n", envOutput: 'REDIS_URL=redis://cache.prod.internal:6379\n' },
    { name: 'amqp', code: "const conn = await amqp.connect('amqp://rabbitmq');\n", errors: [['url', 1, "'amqp://rabbitmq'"]], output: 'const conn = await amqp.connect(process.env.AMQP_URL);\n', envOutput: 'AMQP_URL=amqp://rabbitmq\n' },
    { name: 'smtp URL', code: "const transport = nodemailer.createTransport('smtps://smtp.mailgun.org:465');\n", errors: [['url', 1, "'smtps://smtp.mailgun.org:465'"]], output: 'const transport = nodemailer.createTransport(process.env.SMTP_URL);\n', envOutput: 'SMTP_URL=smtps://smtp.mailgun.org:465\n' },
    { name: 'nats', code: "const nc = await connect({ servers: 'nats://nats.internal:4222' });\n", errors: [['url', 1, "'nats://nats.internal:4222'"]], output: 'const nc = await connect({ servers: process.env.NATS_URL });\n', envOutput: 'NATS_URL=nats://nats.internal:4222\n' },
    { name: 'ioredis host option', code: "import Redis from 'ioredis';\nconst redis = new Redis({ host: 'cache.internal', port: 6379 });\n", errors: [['host', 2, "'cache.internal'"]], output: "import Redis from 'ioredis';\nconst redis = new Redis({ host: process.env.REDIS_HOST, port: 6379 });\n", envOutput: 'REDIS_HOST=cache.internal\n' },
    { name: 'ioredis (port, host)', code: "const Redis = require('ioredis');\nconst redis = new Redis(6379, 'redis.prod');\n", errors: [['host', 2, "'redis.prod'"]], output: "const Redis = require('ioredis');\nconst redis = new Redis(6379, process.env.REDIS_HOST);\n", envOutput: 'REDIS_HOST=redis.prod\n' },
    { name: 'node-redis v4 socket.host', code: "import { createClient } from 'redis';\ncreateClient({ socket: { host: 'cache.internal', port: 6379 } });\n", errors: [['host', 2, "'cache.internal'"]], output: "import { createClient } from 'redis';\ncreateClient({ socket: { host: process.env.REDIS_HOST, port: 6379 } });\n", envOutput: 'REDIS_HOST=cache.internal\n' },
    { name: 'pg Pool host', code: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db.prod', database: 'app' });\n", errors: [['host', 2, "'db.prod'"]], output: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: process.env.DB_HOST, database: 'app' });\n", envOutput: 'DB_HOST=db.prod\n' },
    { name: 'mysql2 createPool', code: "const mysql = require('mysql2/promise');\nconst pool = mysql.createPool({ host: 'localhost', user: 'root', database: 'test' });\n", errors: [['host', 2, "'localhost'"]], output: "const mysql = require('mysql2/promise');\nconst pool = mysql.createPool({ host: process.env.DB_HOST, user: 'root', database: 'test' });\n", envOutput: 'DB_HOST=localhost\n' },
    { name: 'sequelize options', code: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize('db', 'user', process.env.DB_PASS, { host: 'mysql.internal', dialect: 'mysql' });\n", errors: [['host', 2, "'mysql.internal'"]], output: "const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize('db', 'user', process.env.DB_PASS, { host: process.env.DB_HOST, dialect: 'mysql' });\n", envOutput: 'DB_HOST=mysql.internal\n' },
    { name: 'knex connection', code: "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { host: '10.0.0.12', database: 'app' } });\n", errors: [['host', 2, "'10.0.0.12'"]], output: "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { host: process.env.DB_HOST, database: 'app' } });\n", envOutput: 'DB_HOST=10.0.0.12\n' },
    { name: 'nodemailer host', code: "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.sendgrid.net', port: 587 });\n", errors: [['host', 2, "'smtp.sendgrid.net'"]], output: "import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });\n", envOutput: 'SMTP_HOST=smtp.sendgrid.net\n' },
    { name: 'kafkajs brokers', code: "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'app', brokers: ['kafka-1.internal:9092', 'kafka-2.internal:9092'] });\n", errors: [['host', 2, "'kafka-1.internal:9092'"]], output: "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'app', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });\n", envOutput: 'KAFKA_BROKERS=kafka-1.internal:9092,kafka-2.internal:9092\n' },
    { name: 'elasticsearch node', code: "import { Client } from '@elastic/elasticsearch';\nconst es = new Client({ node: 'http://search.internal:9200' });\n", errors: [['url', 2, "'http://search.internal:9200'"]], output: "import { Client } from '@elastic/elasticsearch';\nconst es = new Client({ node: process.env.ELASTICSEARCH_URL });\n", envOutput: 'ELASTICSEARCH_URL=http://search.internal:9200\n' },
    { name: 'memcached', code: "const Memcached = require('memcached');\nconst cache = new Memcached('memcached.internal:11211');\n", errors: [['host', 2, "'memcached.internal:11211'"]], output: "const Memcached = require('memcached');\nconst cache = new Memcached(process.env.MEMCACHED_SERVERS);\n", envOutput: 'MEMCACHED_SERVERS=memcached.internal:11211\n' },
    { name: 'cluster-internal host', code: "import Redis from 'ioredis';\nconst r = new Redis({ host: 'redis-master.prod.svc.cluster.local' });\n", errors: [['host', 2, "'redis-master.prod.svc.cluster.local'"]], output: "import Redis from 'ioredis';\nconst r = new Redis({ host: process.env.REDIS_HOST });\n", envOutput: 'REDIS_HOST=redis-master.prod.svc.cluster.local\n' },
    { name: 'production branch of a NODE_ENV conditional', code: "const url = process.env.NODE_ENV === 'production' ? 'redis://cache.prod.internal' : 'redis://localhost';\n", errors: [['url', 1, "'redis://cache.prod.internal'"]], output: "const url = process.env.NODE_ENV === 'production' ? process.env.REDIS_URL : 'redis://localhost';\n", envOutput: 'REDIS_URL=redis://cache.prod.internal\n' },
    { name: 'fallback to a production host', code: "const url = process.env.REDIS_URL || 'redis://cache.prod.example.io:6379';\n", errors: [['fallback', 1, "'redis://cache.prod.example.io:6379'"]], output: 'const url = process.env.REDIS_URL;\n', envOutput: 'REDIS_URL=redis://cache.prod.example.io:6379\n' },
    { name: 'fix: URL named by its variable', code: "const redisUrl = 'redis://cache.internal:6379';\n", errors: [['url', 1, "'redis://cache.internal:6379'"]], output: 'const redisUrl = process.env.REDIS_URL;\n', envOutput: 'REDIS_URL=redis://cache.internal:6379\n' },
    { name: 'fix: URL in a call gets the service variable', code: "mongoose.connect('mongodb://127.0.0.1:27017/shop');\n", errors: [['url', 1, "'mongodb://127.0.0.1:27017/shop'"]], output: 'mongoose.connect(process.env.MONGODB_URI);\n', envOutput: 'MONGODB_URI=mongodb://127.0.0.1:27017/shop\n' },
    { name: 'fix: client host', code: "import { Pool } from 'pg';\nnew Pool({ host: 'db.prod' });\n", errors: [['host', 2, "'db.prod'"]], output: "import { Pool } from 'pg';\nnew Pool({ host: process.env.DB_HOST });\n", envOutput: 'DB_HOST=db.prod\n' },
    { name: 'fix: kafka brokers become a list variable', code: "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: ['k1.internal:9092', 'k2.internal:9092'] });\n", errors: [['host', 2, "'k1.internal:9092'"]], output: "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });\n", envOutput: 'KAFKA_BROKERS=k1.internal:9092,k2.internal:9092\n' },
    {
      name: 'a remote URL under a name that says default is still an address in the code',
      code: "export const defaultDatabaseUrl = 'postgresql://db.prod.internal:5432/shop';\n",
      errors: [['url', 1, "'postgresql://db.prod.internal:5432/shop'"]],
      output: 'export const defaultDatabaseUrl = process.env.DEFAULT_DATABASE_URL;\n',
      envOutput: 'DEFAULT_DATABASE_URL=postgresql://db.prod.internal:5432/shop\n',
    },
    {
      name: 'a name that only contains default is no default',
      code: "export const notDefaultedUrl = 'mongodb://localhost:27017/shop';\n",
      errors: [['url', 1, "'mongodb://localhost:27017/shop'"]],
      output: 'export const notDefaultedUrl = process.env.NOT_DEFAULTED_URL;\n',
      envOutput: 'NOT_DEFAULTED_URL=mongodb://localhost:27017/shop\n',
    },
    { name: 'the same localhost address outside a development branch is reported', filename: '/ws/config.js', code: "module.exports = { mongodb: { uri: 'mongodb://localhost:27017/aqua' } };\n", errors: [['url', 1, "'mongodb://localhost:27017/aqua'"]], output: "module.exports = { mongodb: { uri: process.env.MONGODB_URI } };\n", envOutput: 'MONGODB_URI=mongodb://localhost:27017/aqua\n' },
    { name: 'the same object assigned without a fallback is the configuration itself', code: "config.dbs = {\n  redis: 'redis://127.0.0.1:6379/8'\n};\n", errors: [['url', 2, "'redis://127.0.0.1:6379/8'"]], output: "config.dbs = {\n  redis: process.env.REDIS_URL\n};\n", envOutput: 'REDIS_URL=redis://127.0.0.1:6379/8\n' },
    { name: 'a remote host in a default object is still a fallback to a real service', code: "config.dbs = config.dbs || { redis: 'redis://cache.prod.internal:6379' };\n", errors: [['fallback', 1, "'redis://cache.prod.internal:6379'"]] },
    {
      name: 'the same script beside the modules it loads runs',
      filename: '/ws/q1.js',
      code: STRANDED,
      files: { '/ws/models/request.js': 'module.exports = {};\n', '/ws/models/user.js': 'module.exports = {};\n' },
      errors: [['url', 4, "'mongodb://localhost:27017/app'"]],
      output: STRANDED.replace("'mongodb://localhost:27017/app'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://localhost:27017/app\n',
    },
    {
      name: 'a script whose modules are missing everywhere (generated at build time) is reported',
      filename: '/ws/utils/commons/q1.js',
      code: STRANDED,
      errors: [['url', 4, "'mongodb://localhost:27017/app'"]],
      output: STRANDED.replace("'mongodb://localhost:27017/app'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://localhost:27017/app\n',
    },
    {
      name: 'one of its modules found beside it: the script runs',
      filename: '/ws/utils/commons/q1.js',
      code: STRANDED,
      files: { '/ws/models/request.js': 'module.exports = {};\n', '/ws/models/user.js': 'module.exports = {};\n', '/ws/utils/commons/models/user.js': 'module.exports = {};\n' },
      errors: [['url', 4, "'mongodb://localhost:27017/app'"]],
      output: STRANDED.replace("'mongodb://localhost:27017/app'", 'process.env.MONGODB_URI'),
      envOutput: 'MONGODB_URI=mongodb://localhost:27017/app\n',
    },
    {
      name: 'a compose service URL under an environment name outside an environment is the configuration',
      code: "const config = {\n  REDIS_URL: 'redis://redis:6379',\n};\nprocess.env.CACHE_URL = 'redis://redis:6379';\nsettings.DATABASE_URL = `postgresql://${user}@db:5432/app`;\n",
      errors: [['url', 2, "'redis://redis:6379'"], ['url', 4, "'redis://redis:6379'"], ['url', 5, '`postgresql://${user}@db:5432/app`']],
      output: "const config = {\n  REDIS_URL: process.env.REDIS_URL,\n};\nprocess.env.CACHE_URL = process.env.REDIS_URL;\nsettings.DATABASE_URL = `postgresql://${user}@db:5432/app`;\n",
      envOutput: 'REDIS_URL=redis://redis:6379\n',
    },
    {
      name: 'a remote host in a composed environment is still an address in the code',
      code: "const env = { DATABASE_URL: 'postgres://db.prod.internal:5432/app' };\n",
      errors: [['url', 1, "'postgres://db.prod.internal:5432/app'"]],
      output: 'const env = { DATABASE_URL: process.env.DATABASE_URL };\n',
      envOutput: 'DATABASE_URL=postgres://db.prod.internal:5432/app\n',
    },
    // Misses of the audit (lin-cms-koa, cnpmjs.org, zone-mta): the app's configuration module names the database's host.
    {
      name: 'database and cache settings in a configuration module',
      filename: '/ws/config/default.js',
      code: "module.exports = {\n  db: { database: 'app', host: 'localhost', port: 3306 },\n  cache: { host: '127.0.0.1', port: 6379 },\n  store: { dialect: 'postgres', host: 'pg.internal' },\n};\n",
      errors: [['settings', 2, "'localhost'"], ['settings', 3, "'127.0.0.1'"], ['settings', 4, "'pg.internal'"]],
      output: "module.exports = {\n  db: { database: 'app', host: process.env.DB_HOST, port: 3306 },\n  cache: { host: process.env.REDIS_HOST, port: 6379 },\n  store: { dialect: 'postgres', host: process.env.DB_HOST_2 },\n};\n",
      envOutput: 'DB_HOST=localhost\nREDIS_HOST=127.0.0.1\nDB_HOST_2=pg.internal\n',
    },
    {
      name: 'the same cache in the settings the app reads',
      filename: '/ws/config/settings.js',
      code: "module.exports = { redis: { host: '127.0.0.1', port: 6379 } };\n",
      errors: [['settings', 1, "'127.0.0.1'"]],
      output: 'module.exports = { redis: { host: process.env.REDIS_HOST, port: 6379 } };\n',
      envOutput: 'REDIS_HOST=127.0.0.1\n',
    },
    {
      name: 'settings node-config maps elsewhere are the settings',
      filename: '/ws/config/default.js',
      code: "const config = {};\nconfig.redis = { host: 'localhost', port: 6379 };\n",
      files: { '/ws/config/custom-environment-variables.json': '{ "postgres": { "connection": { "host": "APP_PG_HOST" } } }' },
      errors: [['settings', 2, "'localhost'"]],
      output: "const config = {};\nconfig.redis = { host: process.env.REDIS_HOST, port: 6379 };\n",
      envOutput: 'REDIS_HOST=localhost\n',
    },
    { name: 'the nodeclub line in the config the app reads', filename: '/ws/config.js', code: "module.exports = { db: 'mongodb://127.0.0.1/node_club_dev' };\n", errors: [['url', 1, "'mongodb://127.0.0.1/node_club_dev'"]], output: "module.exports = { db: process.env.MONGODB_URI };\n", envOutput: 'MONGODB_URI=mongodb://127.0.0.1/node_club_dev\n' },
  ],
});

test('never reported by both this rule and config/hardcoded-secret', () => {
  const code = `const a = 'mysql://root:${fake('Hq2', 'pX9w', 'Lk4')}@mysql.internal/app';\nconst b = 'mysql://mysql.internal/app';\n`;
  assert.deepEqual(findings(secretRule, '/ws/src/db.ts', code).map((f) => f.range.start.line), [0]);
  assert.deepEqual(findings(rule, '/ws/src/db.ts', code).map((f) => f.range.start.line), [1]);
});
