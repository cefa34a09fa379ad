import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { defaultConfig } from '../../core/src/config';
import { envRootFor } from '../../core/src/envRoot';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { applyEdits, planFixes } from '../../core/src/fixes/plan';
import type { EditFix } from '../../core/src/fixes/types';
import { mapHost } from '../../core/src/host';
import { syntaxErrors } from './helpers';

// "Store sessions in Redis/Postgres" declares what its code needs, so the fixed project has no new finding.
const APP = [
  "import express from 'express';",
  "import session from 'express-session';",
  '',
  'const app = express();',
  "app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));",
  '',
].join('\n');
const FILE = '/p/src/app.ts';

/** Applies one session fix in a project of these files; returns every file afterwards. */
function applySessionFix(id: string, files: Record<string, string>): Record<string, string> {
  const host = mapHost({ ...files, [FILE]: APP }, '/p');
  const result = analyze(new FileContext(FILE, APP), { config: defaultConfig(), host, relativePath: 'src/app.ts' });
  const finding = result.findings.find((f) => f.ruleId === 'processes/in-memory-session');
  assert.ok(finding);
  const fix = result.fixes.get(finding)?.find((f) => f.kind === 'edit' && f.id === id) as EditFix;
  // The folder the editor and `--fix` write to: the nearest package's, as they find it.
  const root = envRootFor(FILE, '/p', (f) => f in files, (f) => files[f]);
  const at = (name: string) => files[`${root}/${name}`];
  const plan = planFixes({ path: FILE, text: APP }, [fix], {
    root, env: at('.env'), example: at('.env.example'), gitignore: at('.gitignore'), packageJson: at('package.json'), schema: at('.env.schema.yaml'),
  }, fix.title);
  const out: Record<string, string> = { ...files, [FILE]: APP };
  for (const c of plan.changes) out[c.path] = applyEdits(c.create ? '' : out[c.path] ?? '', c.edits);
  return out;
}

/** Error and warning findings of every file of the project, by rule. */
function problems(files: Record<string, string>): string[] {
  const host = mapHost(files, '/p');
  return Object.entries(files).flatMap(([file, text]) => analyze(new FileContext(file, text), { config: defaultConfig(), host, relativePath: file.slice(3) })
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${file.slice(3)} ${f.ruleId}`));
}

const manifest = (deps: Record<string, string>) => `${JSON.stringify({ name: 'app', dependencies: deps }, null, 2)}\n`;

describe('session store fixes declare their packages and variables', () => {
  test('Redis: package.json in caret style, REDIS_URL in .env.example and the existing .env; no new finding', () => {
    const files = {
      '/p/package.json': manifest({ express: '^4.21.2', 'express-session': '^1.18.1' }),
      '/p/.env.example': 'SESSION_SECRET=\n', '/p/.env': 'SESSION_SECRET=local-dev-secret-value-0123456789\n', '/p/.gitignore': '.env\n',
    };
    const before = problems({ ...files, [FILE]: APP });
    const after = applySessionFix('session-store-redis', files);
    const deps = (JSON.parse(after['/p/package.json']) as { dependencies: Record<string, string> }).dependencies;
    assert.deepEqual(deps, { express: '^4.21.2', 'express-session': '^1.18.1', 'connect-redis': '^9.0.0', redis: '^5.0.0' });
    assert.match(after['/p/package.json'], /^ {4}"redis": "\^5\.0\.0"$/m, 'indented as the manifest is');
    assert.equal(after['/p/.env.example'], 'SESSION_SECRET=\nREDIS_URL=\n');
    assert.equal(after['/p/.env'], 'SESSION_SECRET=local-dev-secret-value-0123456789\nREDIS_URL=redis://localhost:6379\n');
    assert.deepEqual(syntaxErrors(FILE, after[FILE]), []);
    assert.deepEqual(problems(after).filter((p) => !before.includes(p)), []);
    assert.ok(before.includes('src/app.ts processes/in-memory-session') && !problems(after).includes('src/app.ts processes/in-memory-session'));
  });
  test('Postgres: exact pins stay exact, tildes stay tildes; a package already declared is not added twice', () => {
    const exact = applySessionFix('session-store-postgres', { '/p/package.json': manifest({ express: '4.21.2', 'connect-pg-simple': '9.0.1' }) });
    assert.deepEqual(JSON.parse(exact['/p/package.json']).dependencies, { express: '4.21.2', 'connect-pg-simple': '9.0.1' });
    const tilde = applySessionFix('session-store-postgres', { '/p/package.json': manifest({ express: '~4.21.2', pg: '~8.13.0' }) });
    assert.equal(JSON.parse(tilde['/p/package.json']).dependencies['connect-pg-simple'], '~10.0.0');
    const pinned = applySessionFix('session-store-postgres', { '/p/package.json': manifest({ express: '4.21.2', pg: '8.13.0' }) });
    assert.equal(JSON.parse(pinned['/p/package.json']).dependencies['connect-pg-simple'], '10.0.0');
  });
  test('a schema and no .env.example: the variable joins the schema\'s variables (valid YAML), not required', () => {
    const schema = 'allowUnknown: false\nvariables:\n  SESSION_SECRET: { type: string, secret: true }\n';
    const after = applySessionFix('session-store-redis', { '/p/package.json': manifest({ express: '^4.21.2', 'express-session': '^1.18.1' }), '/p/.env.schema.yaml': schema });
    assert.equal(after['/p/.env.schema.yaml'], `${schema}  REDIS_URL: { type: url }\n`);
    assert.equal(parseDocument(after['/p/.env.schema.yaml']).errors.length, 0);
    assert.deepEqual(problems(after).filter((p) => /undeclared/.test(p)), []);
  });
  test('a `{ "type": "module" }` marker in src/ is no package: the root\'s package.json declares, src/ imports stay declared', () => {
    const files = {
      '/p/package.json': manifest({ express: '^4.21.2', 'express-session': '^1.18.1' }), '/p/src/package.json': '{ "type": "module" }\n',
      '/p/.env.example': 'SESSION_SECRET=\n', '/p/.gitignore': '.env\n',
    };
    const before = problems({ ...files, [FILE]: APP });
    const after = applySessionFix('session-store-redis', files);
    assert.equal(after['/p/src/package.json'], '{ "type": "module" }\n');
    assert.ok(JSON.parse(after['/p/package.json']).dependencies['connect-redis']);
    assert.equal(after['/p/.env.example'], 'SESSION_SECRET=\nREDIS_URL=\n');
    assert.deepEqual(problems(after).filter((p) => !before.includes(p)), []);
  });
  test('the env root: the nearest package, never a marker (type/sideEffects only); `{}` or an unreadable manifest counts as a package', () => {
    const files: Record<string, string> = { '/p/package.json': '{"name":"app"}', '/p/api/package.json': '{"name":"api","dependencies":{}}', '/p/src/package.json': '{"type":"module"}', '/p/odd/package.json': '{ not json', '/p/bare/package.json': '{}', '/p/lib/package.json': '{ "sideEffects": false, "type": "commonjs" }' };
    const root = (file: string) => envRootFor(file, '/p', (f) => f in files, (f) => files[f]);
    assert.equal(root('/p/api/src/server.ts'), '/p/api');
    assert.equal(root('/p/src/server.ts'), '/p');
    assert.equal(root('/p/odd/x.ts'), '/p/odd');
    assert.equal(root('/p/other/x.ts'), '/p');
    assert.equal(root('/p/bare/x.ts'), '/p/bare');
    assert.equal(root('/p/lib/x.ts'), '/p');
  });
  test('no package.json, no declaration files: only the source changes', () => {
    const after = applySessionFix('session-store-redis', {});
    assert.deepEqual(Object.keys(after), [FILE]);
  });
});
