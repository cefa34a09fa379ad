import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/dev-prod-parity/database-engine-mismatch';
import { findings, summary } from '../fixtures/workspace/harness';

const RULE = 'dev-prod-parity/database-engine-mismatch';

describe(`${RULE}`, () => {
  test('invalid: knexfile with sqlite3 in development and pg in production', () => {
    const code = [
      'module.exports = {',
      "  development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' }, useNullAsDefault: true },",
      "  test: { client: 'sqlite3', connection: ':memory:' },",
      "  production: { client: 'pg', connection: process.env.DATABASE_URL },",
      '};',
      '',
    ].join('\n');
    assert.deepEqual(summary(rule, '/ws/knexfile.js', code), [['mismatch', 2, "'sqlite3'"]]);
    assert.deepEqual(findings(rule, '/ws/knexfile.js', code)[0].data, { env: 'development', engine: 'SQLite', prodEnv: 'production', prodEngine: 'PostgreSQL' });
  });
  test('invalid: sequelize config/config.json', () => {
    const json = '{\n  "development": { "dialect": "sqlite", "storage": "./db.sqlite" },\n  "test": { "dialect": "sqlite" },\n  "production": { "use_env_variable": "DATABASE_URL", "dialect": "postgres" }\n}\n';
    assert.deepEqual(summary(rule, '/ws/config/config.json', json), [['mismatch', 2, '"sqlite"']]);
  });
  test('invalid: Rails-style YAML with anchors', () => {
    const yaml = 'default: &default\n  adapter: postgresql\ndevelopment:\n  adapter: sqlite3\n  database: db/dev.sqlite3\nproduction:\n  <<: *default\n  database: app\n';
    assert.deepEqual(summary(rule, '/ws/config/database.yml', yaml), [['mismatch', 4, 'sqlite3']]);
  });
  test('invalid: nested engine key, staging as the reference', () => {
    const code = "export default {\n  dev: { database: { type: 'better-sqlite3' } },\n  staging: { database: { type: 'mysql' } },\n};\n";
    assert.deepEqual(summary(rule, '/ws/src/config.ts', code), [['mismatch', 2, "'better-sqlite3'"]]);
  });
  test('invalid: engine chosen by NODE_ENV', () => {
    const code = "new DataSource({\n  type: process.env.NODE_ENV === 'production' ? 'postgres' : 'sqlite',\n  database: 'app',\n});\n";
    assert.deepEqual(summary(rule, '/ws/src/data-source.ts', code), [['conditional', 2, "'sqlite'"]]);
    const negated = "const config = isDev ? { client: 'sqlite3' } : { client: 'pg' };\n";
    assert.deepEqual(summary(rule, '/ws/src/db.ts', negated), [['conditional', 1, "'sqlite3'"]]);
  });

  test('several databases per environment: each compared with its namesake, not with the first', () => {
    const same = "export default {\n  development: { analytics: { client: 'sqlite3' }, main: { client: 'pg' } },\n  production: { main: { client: 'pg' }, analytics: { client: 'sqlite3' } },\n};\n";
    assert.deepEqual(summary(rule, '/ws/src/db.ts', same), []);
    const differs = "export default {\n  development: { analytics: { client: 'sqlite3' }, main: { client: 'sqlite3' } },\n  production: { main: { client: 'pg' }, analytics: { client: 'sqlite3' } },\n};\n";
    assert.deepEqual(summary(rule, '/ws/src/db.ts', differs), [['mismatch', 2, "'sqlite3'"]]);
    assert.equal(findings(rule, '/ws/src/db.ts', differs)[0].start, differs.indexOf("'sqlite3'", differs.indexOf('main:')));
  });
  test('valid: the same engine everywhere (mysql and mysql2 are one engine)', () => {
    const code = "module.exports = {\n  development: { client: 'mysql' },\n  production: { client: 'mysql2' },\n};\n";
    assert.deepEqual(summary(rule, '/ws/knexfile.js', code), []);
  });
  test('valid: only the test environment differs', () => {
    const code = "module.exports = {\n  development: { client: 'pg' },\n  test: { client: 'sqlite3' },\n  production: { client: 'pg' },\n};\n";
    assert.deepEqual(summary(rule, '/ws/knexfile.js', code), []);
    assert.deepEqual(summary(rule, '/ws/src/db.ts', "const client = process.env.NODE_ENV === 'test' ? 'sqlite3' : 'pg';\nknex({ client });\n"), []);
  });
  test('valid: unknown engines, non-engine keys, no production', () => {
    assert.deepEqual(summary(rule, '/ws/a.ts', "export default { development: { type: 'memory' }, production: { type: 'redis' } };\n"), []);
    assert.deepEqual(summary(rule, '/ws/a.ts', "export default { development: { name: 'sqlite' }, production: { name: 'pg' } };\n"), []);
    assert.deepEqual(summary(rule, '/ws/a.ts', "export default { development: { client: 'sqlite3' }, test: { client: 'pg' } };\nconst prod = 1;\n"), []);
    assert.deepEqual(summary(rule, '/ws/a.ts', "const label = isProd ? 'postgres' : 'sqlite';\n"), []);
  });
});
