import { rule } from '../../../../core/src/rules/dev-prod-parity/database-engine-mismatch';
import { RuleTester } from '../ruleTester';

const knexfile = [
  'module.exports = {',
  "  development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' }, useNullAsDefault: true },",
  "  test: { client: 'sqlite3', connection: ':memory:' },",
  "  production: { client: 'pg', connection: process.env.DATABASE_URL },",
  '};',
  '',
].join('\n');

new RuleTester({ filename: '/ws/src/db.ts' }).run(rule, {
  valid: [
    { name: 'several databases per environment, each with the engine of its namesake', code: "export default {\n  development: { analytics: { client: 'sqlite3' }, main: { client: 'pg' } },\n  production: { main: { client: 'pg' }, analytics: { client: 'sqlite3' } },\n};\n" },
    { name: 'the same engine everywhere (mysql and mysql2 are one engine)', filename: '/ws/knexfile.js', code: "module.exports = {\n  development: { client: 'mysql' },\n  production: { client: 'mysql2' },\n};\n" },
    { name: 'only the test environment differs', filename: '/ws/knexfile.js', code: "module.exports = {\n  development: { client: 'pg' },\n  test: { client: 'sqlite3' },\n  production: { client: 'pg' },\n};\n" },
    { name: 'an engine chosen for the test environment only', code: "const client = process.env.NODE_ENV === 'test' ? 'sqlite3' : 'pg';\nknex({ client });\n" },
    { name: 'unknown engines', code: "export default { development: { type: 'memory' }, production: { type: 'redis' } };\n" },
    { name: 'keys that do not name an engine', code: "export default { development: { name: 'sqlite' }, production: { name: 'pg' } };\n" },
    { name: 'no production environment', code: "export default { development: { client: 'sqlite3' }, test: { client: 'pg' } };\nconst prod = 1;\n" },
    { name: 'a conditional that picks no database', code: "const label = isProd ? 'postgres' : 'sqlite';\n" },
  ],
  invalid: [
    {
      name: 'knexfile with sqlite3 in development and pg in production',
      filename: '/ws/knexfile.js',
      code: knexfile,
      errors: [{ messageId: 'mismatch', line: 2, text: "'sqlite3'", data: { env: 'development', engine: 'SQLite', prodEnv: 'production', prodEngine: 'PostgreSQL' } }],
    },
    {
      name: 'sequelize config/config.json',
      filename: '/ws/config/config.json',
      code: '{\n  "development": { "dialect": "sqlite", "storage": "./db.sqlite" },\n  "test": { "dialect": "sqlite" },\n  "production": { "use_env_variable": "DATABASE_URL", "dialect": "postgres" }\n}\n',
      errors: [['mismatch', 2, '"sqlite"']],
    },
    {
      name: 'Rails-style YAML with anchors',
      filename: '/ws/config/database.yml',
      code: 'default: &default\n  adapter: postgresql\ndevelopment:\n  adapter: sqlite3\n  database: db/dev.sqlite3\nproduction:\n  <<: *default\n  database: app\n',
      errors: [['mismatch', 4, 'sqlite3']],
    },
    { name: 'nested engine key, staging as the reference', code: "export default {\n  dev: { database: { type: 'better-sqlite3' } },\n  staging: { database: { type: 'mysql' } },\n};\n", errors: [['mismatch', 2, "'better-sqlite3'"]] },
    {
      name: 'engine chosen by NODE_ENV',
      filename: '/ws/src/data-source.ts',
      code: "new DataSource({\n  type: process.env.NODE_ENV === 'production' ? 'postgres' : 'sqlite',\n  database: 'app',\n});\n",
      errors: [['conditional', 2, "'sqlite'"]],
    },
    { name: 'engine chosen by a development flag', code: "const config = isDev ? { client: 'sqlite3' } : { client: 'pg' };\n", errors: [['conditional', 1, "'sqlite3'"]] },
    {
      // The finding is on the `main` database, the one whose engine differs from production's `main`.
      name: 'several databases per environment: each compared with its namesake, not with the first',
      code: "export default {\n  development: { analytics: { client: 'sqlite3' }, main: { client: 'sqlite3' } },\n  production: { main: { client: 'pg' }, analytics: { client: 'sqlite3' } },\n};\n",
      errors: [{ messageId: 'mismatch', line: 2, column: 68, text: "'sqlite3'" }],
    },
  ],
});
