import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedUnasked } from '../../core/src/fixes/eligible';
import { appendKeepsEnv, applyEdits, gitIgnoresEnv, planFixes, quoteEnvValue, envEntries } from '../../core/src/fixes/plan';
import { isPreferred } from '../../core/src/fixes/types';
import type { Finding } from '../../core/src/types';
import { fake, fixAll, run, syntaxErrors } from './helpers';

/** Before → after of the source file, and the line `.env` must gain. */
const cases: Array<{ name: string; file?: string; before: string; after: string; env: string }> = [
  { name: 'variable', before: "const dbPassword = 's3cr3t-Pa55';\n", after: 'const dbPassword = process.env.DB_PASSWORD;\n', env: 'DB_PASSWORD=s3cr3t-Pa55\n' },
  { name: 'generic name takes its owner', before: "const pool = new Pool({ password: 'pg-pass-1234' });\n", after: 'const pool = new Pool({ password: process.env.POOL_PASSWORD });\n', env: 'POOL_PASSWORD=pg-pass-1234\n' },
  { name: '|| fallback is dropped', before: "const s = process.env.JWT_SECRET || 'dev-jwt-secret-123';\n", after: 'const s = process.env.JWT_SECRET;\n', env: 'JWT_SECRET=dev-jwt-secret-123\n' },
  { name: 'ternary fallback is dropped', before: "const s = process.env.SECRET ? process.env.SECRET : 'hardcoded-99';\n", after: 'const s = process.env.SECRET;\n', env: 'SECRET=hardcoded-99\n' },
  { name: 'destructuring default is dropped', before: "const { SESSION_SECRET = 'keyboard-cat-42', PORT } = process.env;\n", after: 'const { SESSION_SECRET, PORT } = process.env;\n', env: 'SESSION_SECRET=keyboard-cat-42\n' },
  { name: 'sink', before: "import jwt from 'jsonwebtoken';\njwt.sign(p, 'my-signing-key-1');\n", after: "import jwt from 'jsonwebtoken';\njwt.sign(p, process.env.JWT_SECRET);\n", env: 'JWT_SECRET=my-signing-key-1\n' },
  { name: 'part of a literal becomes a template', before: "fetch(u, { headers: { Authorization: 'Bearer abcdef1234567890' } });\n", after: 'fetch(u, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });\n', env: 'API_TOKEN=abcdef1234567890\n' },
  { name: 'JSX attribute gets braces', file: 'src/App.tsx', before: 'export const A = () => <Map apiKey="m4pK3y-77123abc" />;\n', after: 'export const A = () => <Map apiKey={process.env.MAP_API_KEY} />;\n', env: 'MAP_API_KEY=m4pK3y-77123abc\n' },
  { name: 'value with a space and $ is single-quoted', before: "const password = 'pa$$-w0rd!';\n", after: 'const password = process.env.PASSWORD;\n', env: "PASSWORD='pa$$-w0rd!'\n" },
];

describe('fix: move to environment variable', () => {
  for (const c of cases) {
    test(c.name, () => {
      const file = c.file ?? 'src/app.ts';
      const out = fixAll(file, c.before);
      assert.equal(out.source, c.after);
      assert.equal(out.env, c.env);
      assert.deepEqual(syntaxErrors(file, out.source), []);
    });
  }
  test('provider key takes the provider name', () => {
    const key = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
    const out = fixAll('src/pay.ts', `const stripe = new Stripe('${key}');\n`);
    assert.match(out.source, /^const stripe = new Stripe\(process\.env\.STRIPE_[A-Z_]+\);\n$/);
    assert.match(out.env ?? '', new RegExp(`^STRIPE_[A-Z_]+=${key}\\n$`));
  });
  test('a connection string moves whole, as the URL variable', () => {
    const out = fixAll('src/db.ts', "const pool = new Pool({ connectionString: 'postgres://app:Sup3rS3cret@db:5432/app' });\n");
    assert.equal(out.source, 'const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n');
    assert.equal(out.env, 'DATABASE_URL=postgres://app:Sup3rS3cret@db:5432/app\n');
    assert.equal(fixAll('src/cache.ts', "const redisUrl = 'redis://:R3dis-Pa55w0rd@cache.internal:6379';\n").source, 'const redisUrl = process.env.REDIS_URL;\n');
  });
  test('a provider key inside a longer literal: only the key moves', () => {
    const key = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
    const out = fixAll('src/pay.ts', `const header = 'Bearer ${key}';\n`);
    assert.match(out.source, /^const header = `Bearer \$\{process\.env\.STRIPE_[A-Z_]+\}`;\n$/);
  });
  test('compose value becomes ${NAME}', () => {
    const out = fixAll('docker-compose.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Zq8vN2xLp4Rt7Wy1Kd9F\n');
    assert.equal(out.source, 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"\n');
    assert.equal(out.env, 'POSTGRES_PASSWORD=Zq8vN2xLp4Rt7Wy1Kd9F\n');
  });
  test('fix-all: every secret in the file, distinct names, one .env append', () => {
    const out = fixAll('src/a.ts', "const dbPassword = 'pw-one-111';\nconst apiToken = 'tok-two-222';\n");
    assert.equal(out.source, 'const dbPassword = process.env.DB_PASSWORD;\nconst apiToken = process.env.API_TOKEN;\n');
    assert.equal(out.env, 'DB_PASSWORD=pw-one-111\nAPI_TOKEN=tok-two-222\n');
  });
});

describe('fix: .env, .gitignore and .env.example are appended to, never overwritten', () => {
  const code = "const dbPassword = 's3cr3t-Pa55';\n";
  test('existing .env without a final newline keeps every byte', () => {
    const out = fixAll('src/a.ts', code, { env: 'PORT=3000\r\nLOG_LEVEL=info', gitignore: 'node_modules\n.env\n' });
    assert.equal(out.env, 'PORT=3000\r\nLOG_LEVEL=info\r\nDB_PASSWORD=s3cr3t-Pa55\r\n');
    assert.equal(out.gitignore, 'node_modules\n.env\n');
  });
  test('same key, same value: reused, nothing appended', () => {
    const out = fixAll('src/a.ts', code, { env: 'DB_PASSWORD=s3cr3t-Pa55\n', gitignore: '.env*\n' });
    assert.equal(out.source, 'const dbPassword = process.env.DB_PASSWORD;\n');
    assert.equal(out.env, 'DB_PASSWORD=s3cr3t-Pa55\n');
  });
  test('same key, other value: a new name, the old line untouched', () => {
    const out = fixAll('src/a.ts', code, { env: 'DB_PASSWORD=other\nDB_PASSWORD_2=another\n', gitignore: '.env\n' });
    assert.equal(out.source, 'const dbPassword = process.env.DB_PASSWORD_3;\n');
    assert.equal(out.env, 'DB_PASSWORD=other\nDB_PASSWORD_2=another\nDB_PASSWORD_3=s3cr3t-Pa55\n');
  });
  test('a dropped default keeps the name the code reads: never `process.env.X || process.env.X_2`', () => {
    const fallback = "const s = process.env.JWT_SECRET || 'dev-jwt-secret-123';\n";
    const out = fixAll('src/a.ts', fallback, { env: 'JWT_SECRET=other\n', gitignore: '.env\n', example: 'JWT_SECRET=\n' });
    assert.equal(out.source, 'const s = process.env.JWT_SECRET;\n');
    assert.equal(out.env, 'JWT_SECRET=other\n', '.env already sets it: kept, nothing appended');
    assert.equal(out.example, 'JWT_SECRET=\n');
    const reused = fixAll('src/a.ts', fallback, { env: 'OTHER=dev-jwt-secret-123\n', gitignore: '.env\n' });
    assert.equal(reused.source, 'const s = process.env.JWT_SECRET;\n');
    assert.equal(reused.env, 'OTHER=dev-jwt-secret-123\nJWT_SECRET=dev-jwt-secret-123\n', 'not another key holding the same value');
  });
  test('a provider-format connection string as the default of an env read: the default goes, the whole URL moves', () => {
    const url = ['postgres://admin:', 'Xk29dLq8vPz3', '@db.prod-host.com/app'].join('');
    for (const [before, name] of [[`const a = process.env.DATABASE_URL || '${url}';\n`, 'DATABASE_URL'], [`const { MONGO = '${url}' } = process.env;\n`, 'MONGO'],
      [`const a = process.env.DB ? process.env.DB : '${url}';\n`, 'DB']]) {
      const out = fixAll('src/a.ts', before, { env: `${name}=x\n`, gitignore: '.env\n' });
      assert.doesNotMatch(out.source, /_2|\|\||\?/, out.source);
      assert.ok(!out.source.includes('Xk29dLq8vPz3'), out.source);
      assert.equal(out.env, `${name}=x\n`);
      assert.equal(fixAll('src/a.ts', before, { gitignore: '.env\n' }).env, `${name}=${url}\n`);
    }
  });
  // fuzz-fixes, seed 4: a provider key moved first took STRIPE_SECRET_KEY, then the destructured default of that
  // very variable was dropped as "already set": the code read the key where it had its own default.
  test('a new name never takes one a dropped default keeps: each read gets its own literal back', () => {
    const key = ['sk', '_live_', '5R8HPzPhqoa4spQXh9xuNbJ6S'].join('');
    const before = `const handler = "Bearer ${key}";\nconst { STRIPE_SECRET_KEY = 'x9-Qr7!vT2pL', SESSION_SECRET } = process.env;\n`;
    const out = fixAll('src/a.ts', before, { gitignore: '.env\n' });
    assert.equal(out.source, 'const handler = `Bearer ${process.env.STRIPE_SECRET_KEY_2}`;\nconst { STRIPE_SECRET_KEY, SESSION_SECRET } = process.env;\n');
    assert.equal(out.env, `STRIPE_SECRET_KEY_2=${key}\nSTRIPE_SECRET_KEY='x9-Qr7!vT2pL'\n`);
    assert.deepEqual(syntaxErrors('src/a.ts', out.source), []);
  });
  test('two defaults of one variable in one file: the first moves, the second waits for the next run', () => {
    const before = "const a = process.env.JWT_SECRET || 'first-Qr7vT2pL9';\nconst b = process.env.JWT_SECRET || 'second-Xk29dLq8';\n";
    const out = fixAll('src/a.ts', before, { gitignore: '.env\n' });
    assert.equal(out.source, "const a = process.env.JWT_SECRET;\nconst b = process.env.JWT_SECRET || 'second-Xk29dLq8';\n");
    assert.equal(out.env, 'JWT_SECRET=first-Qr7vT2pL9\n');
  });
  test('a value no .env line reads back exactly stays where it is (fix-all applies nothing to it)', () => {
    const before = "const pool = new Pool({ privateKey: ` 0\"-0\".ZZ'#=Y#\\`c9#\\`-` });\n";
    assert.equal(quoteEnvValue(' 0"-0".ZZ\'#=Y#`c9#`-'), undefined);
    assert.equal(run('src/a.ts', before).findings.length, 1, 'reported, with its move offered');
    const out = fixAll('src/a.ts', before, { gitignore: '.env\n' });
    assert.equal(out.source, before);
    assert.equal(out.env, undefined, 'no .env written');
  });
  // fuzz-fixes, seed 12: after `LOG_LEVEL: 'unterminated`, the appended `API_KEY='\u2028ghp_… '` ended that quote
  // (U+2028 ends a line for dotenv's pattern): LOG_LEVEL swallowed the lines after it and API_KEY was lost.
  test('a line that would end a quote left open in .env is not appended: the move is refused with why', () => {
    const open = "LOG_LEVEL: 'unterminated \nA=1\n";
    const value = `\u2028${['ghp', '_OysaiKfpkujhavTzYG2BArD02IUp5VJ42RbK'].join('')} `;
    assert.equal(appendKeepsEnv(open, `API_KEY='${value}'`, 'API_KEY', value), false);
    assert.equal(appendKeepsEnv(open, 'API_KEY=plain-value', 'API_KEY', 'plain-value'), true, 'a line without the quote is safe');
    assert.equal(appendKeepsEnv("LOG_LEVEL='info'", `API_KEY='${value}'`, 'API_KEY', value), true);
    const text = `const apiKey = '${value}';\n`;
    const fix = { kind: 'move-to-env' as const, start: 15, end: 15 + value.length + 2, replacement: (n: string) => `process.env.${n}`, name: 'API_KEY', value };
    const plan = planFixes({ path: 'src/a.ts', text }, [fix], { root: '/ws', env: open }, 'x');
    assert.equal(plan.applied, 0);
    assert.deepEqual(plan.changes.flatMap((c) => c.edits), [], 'nothing changes');
    assert.match(plan.refused ?? '', /quote that never closes/);
    assert.equal(planFixes({ path: 'src/a.ts', text }, [fix], { root: '/ws', env: 'A=1\n' }, 'x').applied, 1);
  });
  test('a new .env starts as .env.example does, without the moved key: the fixed project lacks no required key', () => {
    const out = fixAll('src/a.ts', code, { gitignore: '.env\n', example: '# db\nDB_HOST=localhost\nDB_PASSWORD=\n' });
    assert.equal(out.env, '# db\nDB_HOST=localhost\nDB_PASSWORD=s3cr3t-Pa55\n');
    assert.equal(out.example, '# db\nDB_HOST=localhost\nDB_PASSWORD=\n');
    assert.equal(fixAll('src/a.ts', code, { gitignore: '.env\n' }).env, 'DB_PASSWORD=s3cr3t-Pa55\n', 'no example: the moved key alone');
  });
  test('same value under another key: that key is reused', () => {
    const out = fixAll('src/a.ts', code, { env: 'PG_PASS=s3cr3t-Pa55\n', gitignore: '.env\n' });
    assert.equal(out.source, 'const dbPassword = process.env.PG_PASS;\n');
  });
  test('.gitignore gains .env when it does not ignore it; created when missing', () => {
    assert.equal(fixAll('src/a.ts', code, { gitignore: 'node_modules' }).gitignore, 'node_modules\n.env\n');
    assert.equal(fixAll('src/a.ts', code).gitignore, '.env\n');
    assert.equal(gitIgnoresEnv('*.env\n'), true);
    assert.equal(gitIgnoresEnv('.env\n!.env\n'), false);
  });
  test('.env.example gains NAME= when it exists and lacks the key', () => {
    assert.equal(fixAll('src/a.ts', code, { example: 'PORT=3000\n' }).example, 'PORT=3000\nDB_PASSWORD=\n');
    assert.equal(fixAll('src/a.ts', code, { example: 'DB_PASSWORD=\n' }).example, 'DB_PASSWORD=\n');
    assert.equal(fixAll('src/a.ts', code).example, undefined);
  });
  // audit:fix on wagtail/bakerydemo: its `.env.example` only documents the CSP switches (`# CSP_*=`), so
  // `env/undeclared-usage` does not judge the app's other reads against it; a `SECRET_KEY=` appended there made it
  // the app's contract, and 29 reads that had not been reported were.
  // audit:fix on linkding: its example is `.env.sample`; the moved key was not declared there and the new `.env`
  // lacked the sample's keys (env/missing-required).
  test('a .env.sample is the example when there is no .env.example', () => {
    const sample = 'LD_SUPERUSER_NAME=\nLD_DB_ENGINE=sqlite\n';
    const result = run('src/a.ts', code);
    const fixes = result.findings.flatMap((f) => (result.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
    const plan = planFixes({ path: 'src/a.ts', text: code }, fixes, { root: '/ws', example: sample, exampleName: '.env.sample', gitignore: '.env\n' }, 'fix all');
    const byPath = new Map(plan.changes.map((c) => [c.path, applyEdits(c.create ? '' : c.path === '/ws/.env.sample' ? sample : '', c.edits)]));
    assert.equal(byPath.get('/ws/.env.sample'), `${sample}DB_PASSWORD=\n`);
    assert.equal(byPath.has('/ws/.env.example'), false);
    assert.deepEqual([...envEntries(byPath.get('/ws/.env')).keys()], ['LD_SUPERUSER_NAME', 'LD_DB_ENGINE', 'DB_PASSWORD']);
  });
  test('.env.example that only documents an optional feature gains nothing', () => {
    const csp = "# CSP_DEFAULT_SRC=\"'self'\"\n# CSP_SCRIPT_SRC=\"'self'\"\n";
    const out = fixAll('src/a.ts', code, { example: csp, gitignore: '.env\n' });
    assert.equal(out.example, csp);
    assert.equal(envEntries(out.env).get('DB_PASSWORD'), 's3cr3t-Pa55');
  });
  test('values round-trip through the .env reader', () => {
    for (const v of ['plain-1', 'with space', 'pa$$', "it's", 'multi\nline', 'back\\slash "q"']) {
      assert.equal(envEntries(`K=${quoteEnvValue(v)}\n`).get('K'), v, v);
    }
  });
});

// The one gate of fix-all on save and `cli --fix` (issue 10: "apply only error/warning findings outside test code").
describe('fix: what fix-all changes unasked', () => {
  const finding = (severity: Finding['severity']): Finding => ({
    ruleId: 'config/hardcoded-secret', messageId: 'named', message: '', severity, file: '/ws/src/db.ts',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, start: 0, end: 1, data: {}, fingerprint: '',
  });
  test('errors and warnings, never info or hints', () => {
    assert.deepEqual((['error', 'warning', 'info', 'hint'] as const).map((s) => fixedUnasked(finding(s), '/ws/src/db.ts', '/ws')), [true, true, false, false]);
  });
  test('never test code, judged inside the project (a project kept under ~/test/ is not test code)', () => {
    for (const file of ['/ws/src/__tests__/db.ts', '/ws/test/db.ts', '/ws/src/db.spec.ts', '/ws/vitest.setup.ts', '/ws/conftest.py', '/ws/blog/tests.py', '/ws/pkg/db_test.go']) assert.equal(fixedUnasked(finding('error'), file, '/ws'), false, file);
    assert.equal(fixedUnasked(finding('error'), '/home/me/test/app/src/db.ts', '/home/me/test/app'), true);
  });
});
