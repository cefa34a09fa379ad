import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/admin-processes/migrations-at-startup';
import { summary } from '../fixtures/workspace/harness';

const RULE = 'admin-processes/migrations-at-startup';
const FILE = '/ws/src/server.js';
const LISTEN = "\napp.listen(process.env.PORT);\n";

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['sequelize.sync before listen', `const app = require('express')();\nconst db = require('./models');\ndb.sequelize.sync({ alter: true }).then(() => {${LISTEN}});\n`, [['startup', 3, 'sync']]],
  ['new Sequelize instance', `import { Sequelize } from 'sequelize';\nconst orm = new Sequelize(process.env.DATABASE_URL);\nawait orm.sync();${LISTEN}`, [['startup', 3, 'sync']]],
  ['Model.sync({ force: true })', `await User.sync({ force: true });${LISTEN}`, [['startup', 1, 'sync']]],
  ['knex.migrate.latest', `import knex from './db';\nawait knex.migrate.latest();${LISTEN}`, [['startup', 2, 'latest']]],
  ['umzug', `import { Umzug } from 'umzug';\nconst umzug = new Umzug({ migrations: { glob: 'migrations/*.js' } });\nawait umzug.up();${LISTEN}`, [['startup', 3, 'up']]],
  ['migrator.up() imported', `import { migrator } from './db/umzug';\nawait migrator.up();${LISTEN}`, [['startup', 2, 'up']]],
  ['drizzle migrate', `import { migrate } from 'drizzle-orm/node-postgres/migrator';\n(async () => {\n  await migrate(db, { migrationsFolder: 'drizzle' });${LISTEN}})();\n`, [['startup', 3, 'migrate']]],
  ['TypeORM runMigrations', `await AppDataSource.initialize();\nawait AppDataSource.runMigrations();${LISTEN}`, [['startup', 2, 'runMigrations']]],
  ['MikroORM migrator', `const orm = await MikroORM.init();\nawait orm.getMigrator().up();${LISTEN}`, [['startup', 2, 'up']]],
  ['prisma migrate deploy via execSync', `const { execSync } = require('child_process');\nexecSync('npx prisma migrate deploy', { stdio: 'inherit' });${LISTEN}`, [['startup', 2, 'execSync']]],
];

const valid: Array<[string, string]> = [
  ['the same calls in a migration script (no server)', "await knex.migrate.latest();\nawait sequelize.sync();\nawait umzug.up();\nprocess.exit(0);\n"],
  ['other sync and up calls in a server', `await cache.sync();\nawait service.up();\nfs.writeFileSync('x', 'y');${LISTEN}`],
  ['prisma generate is a build step', `const { execSync } = require('child_process');\nexecSync('npx prisma generate');${LISTEN}`],
  ['TypeORM synchronize only outside production', "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres', synchronize: process.env.NODE_ENV !== 'production' });\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  for (const [name, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
  test('TypeORM synchronize / migrationsRun in a data source, even without a server in the file', () => {
    const code = "import { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({\n  type: 'postgres',\n  synchronize: true,\n  migrationsRun: true,\n});\n";
    assert.deepEqual(summary(rule, '/ws/src/data-source.ts', code), [['synchronize', 4, 'synchronize: true'], ['synchronize', 5, 'migrationsRun: true']]);
    const nest = "import { TypeOrmModule } from '@nestjs/typeorm';\n@Module({ imports: [TypeOrmModule.forRoot({ type: 'postgres', synchronize: true })] })\nexport class AppModule {}\n";
    assert.deepEqual(summary(rule, '/ws/src/app.module.ts', nest), [['synchronize', 2, 'synchronize: true']]);
  });
  test('ormconfig.json', () => {
    const json = '{\n  "type": "postgres",\n  "synchronize": true\n}\n';
    assert.deepEqual(summary(rule, '/ws/ormconfig.json', json), [['synchronize', 3, '"synchronize": true']]);
    assert.deepEqual(summary(rule, '/ws/config.json', json), []);
  });
  test('test files are left alone', () => {
    assert.deepEqual(summary(rule, '/ws/test/app.test.js', `await sequelize.sync({ force: true });${LISTEN}`), []);
  });
});
