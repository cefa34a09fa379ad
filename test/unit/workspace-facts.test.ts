import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { diskWorkspaceHost, readBoundedText } from '../../core/src/workspace/disk';
import { FACT_IDS, workspaceFacts, type WorkspaceHost } from '../../core/src/workspace/facts';
import { facts, host, ROOT, status } from './workspace-helpers';

const pkg = (o: object) => JSON.stringify(o);

const GOOD = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.gitignore': 'node_modules\n.env\ndist/\n',
  'package.json': pkg({ name: 'shop', scripts: { build: 'tsc', start: 'node dist/server.js', 'db:migrate': 'knex migrate:latest' }, dependencies: { express: '^4' }, devDependencies: { typescript: '^5' } }),
  'package-lock.json': '{}',
  'tsconfig.json': '{}',
  '.env': 'PORT=3000\n',
  '.env.example': 'PORT=\n',
  Dockerfile: 'FROM node:20\n',
  Procfile: 'web: npm start\n',
  'dist/server.js': '',
  'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.listen(process.env.PORT);\n",
  'scripts/seed.ts': '',
  'migrations/001_init.js': '',
};

describe('workspace facts', () => {
  test('one fact per id, in panel order, factors 1–12', () => {
    const list = workspaceFacts(ROOT, host(GOOD));
    assert.deepEqual(list.map((f) => f.id), [...FACT_IDS]);
    for (const f of list) assert.ok(f.factor >= 1 && f.factor <= 12 && f.message.length > 0, f.id);
  });

  test('a twelve-factor workspace passes everything', () => {
    const m = facts(GOOD, { serverEntries: [path.join(ROOT, 'src/server.ts')] });
    assert.deepEqual(status(m), Object.fromEntries(FACT_IDS.map((id) => [id, 'pass'])));
    assert.equal(m.get('dependencies.lockfile')?.file, path.join(ROOT, 'package-lock.json'));
    assert.equal(m.get('disposability.health')?.file, path.join(ROOT, 'src/server.ts'));
    assert.equal(m.get('config.env-example')?.file, path.join(ROOT, '.env.example'));
  });

  test('an empty folder', () => {
    assert.deepEqual(status(facts({})), {
      'codebase.git': 'warning', 'codebase.one-app': 'info', 'dependencies.lockfile': 'info', 'config.env-example': 'warning',
      'config.env-ignored': 'warning', 'build.dockerfile': 'info', 'build.scripts': 'info', 'build.artefacts': 'pass',
      'processes.procfile': 'warning', 'port-binding.web-server': 'info', 'disposability.health': 'warning', 'admin.migrations': 'info',
      'admin.scripts': 'info',
    });
  });

  test('codebase.git: a worktree file or a repository above the root', () => {
    assert.equal(facts({ '.git': 'gitdir: /elsewhere/.git/worktrees/ws\n' }).get('codebase.git')?.status, 'pass');
    const above: WorkspaceHost = { readFile: (p) => (p === '/.git/HEAD' ? 'ref: x' : undefined), rootOf: () => ROOT };
    const fact = workspaceFacts(ROOT, above).find((f) => f.id === 'codebase.git');
    assert.equal(fact?.status, 'pass');
    assert.match(fact?.message ?? '', /at \//);
  });

  test('codebase.one-app: servers of separate apps in one package.json', () => {
    const files = { 'package.json': pkg({ name: 'x', dependencies: { express: '^4' } }) };
    const entries = (...rels: string[]) => ({ serverEntries: rels.map((r) => path.join(ROOT, r)) });
    assert.equal(facts(files, entries('api/server.js', 'admin/server.js')).get('codebase.one-app')?.status, 'warning');
    // A web and a worker process of one app, scripts and nested packages are fine.
    assert.equal(facts(files, entries('src/web.js', 'src/worker.js', 'scripts/dev-server.js')).get('codebase.one-app')?.status, 'pass');
    assert.equal(facts({ ...files, 'admin/package.json': pkg({ name: 'admin' }) }, entries('api/server.js', 'admin/server.js')).get('codebase.one-app')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'r', workspaces: ['apps/*'] }) }, entries('apps/a/s.js', 'apps/b/s.js')).get('codebase.one-app')?.status, 'pass');
    assert.equal(facts(files).get('codebase.one-app')?.status, 'info');
  });

  test('dependencies.lockfile', () => {
    const files = { 'package.json': pkg({ name: 'x', dependencies: { express: '^4' } }) };
    assert.equal(facts(files).get('dependencies.lockfile')?.status, 'fail');
    assert.equal(facts({ ...files, 'yarn.lock': '' }).get('dependencies.lockfile')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'x' }) }).get('dependencies.lockfile')?.status, 'pass');
  });

  test('config.env-ignored', () => {
    assert.equal(facts({ '.git/HEAD': 'x', '.env': 'A=1\n' }).get('config.env-ignored')?.status, 'fail');
    assert.equal(facts({ '.git/HEAD': 'x', '.env': 'A=1\n', '.gitignore': '.env*\n!.env.example\n' }).get('config.env-ignored')?.status, 'pass');
    assert.equal(facts({ '.gitignore': '.env\n' }).get('config.env-ignored')?.status, 'pass');
    assert.equal(facts({ '.env': 'A=1\n', '.gitignore': 'node_modules\n' }).get('config.env-ignored')?.status, 'fail');
  });

  test('config.env-example: a schema counts', () => {
    assert.equal(facts({ '.env.schema.yaml': 'variables: {}\n' }).get('config.env-example')?.status, 'pass');
  });

  test('build.scripts: TypeScript needs a build step; a Procfile declares the start', () => {
    const ts = (scripts: object) => ({ 'package.json': pkg({ name: 'x', scripts, devDependencies: { typescript: '^5' } }) });
    assert.equal(facts(ts({ start: 'node dist/index.js' })).get('build.scripts')?.status, 'warning');
    assert.match(facts(ts({ start: 'node dist/index.js' })).get('build.scripts')?.message ?? '', /`build`/);
    assert.equal(facts(ts({ build: 'tsc' })).get('build.scripts')?.status, 'warning');
    assert.equal(facts({ ...ts({ build: 'tsc' }), Procfile: 'web: node dist/index.js\n' }).get('build.scripts')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { start: 'node index.js' } }) }).get('build.scripts')?.status, 'pass');
  });

  test('build.artefacts: output folders that git does not ignore', () => {
    assert.equal(facts({ 'dist/index.js': '' }).get('build.artefacts')?.status, 'warning');
    assert.equal(facts({ 'dist/index.js': '', '.gitignore': 'dist\n' }).get('build.artefacts')?.status, 'pass');
    assert.equal(facts({ 'build/index.html': '', 'build/static/js/main.js': '' }).get('build.artefacts')?.status, 'warning');
    // Older projects keep build scripts in build/.
    assert.equal(facts({ 'build/webpack.base.conf.js': '' }).get('build.artefacts')?.status, 'pass');
    assert.equal(facts({ 'dist/index.js': '' }, {}, false).get('build.artefacts')?.status, 'info');
  });

  test('processes.procfile: a start script stands in', () => {
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { start: 'node .' } }) }).get('processes.procfile')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { dev: 'nodemon' } }) }).get('processes.procfile')?.status, 'warning');
  });

  test('disposability.health: found by scanning, given by the caller, or not looked for', () => {
    const files = { 'src/routes/health.ts': "router.get('/health', (req, res) => res.json({ ok: true }));\n" };
    assert.equal(facts(files).get('disposability.health')?.file, path.join(ROOT, 'src/routes/health.ts'));
    assert.equal(facts({ 'src/app.ts': "import { TerminusModule } from '@nestjs/terminus';\n" }).get('disposability.health')?.status, 'pass');
    assert.equal(facts({ 'test/health.test.ts': "get('/health')" }).get('disposability.health')?.status, 'warning');
    assert.equal(facts({}, { healthEndpoint: '/ws/src/x.ts' }).get('disposability.health')?.status, 'pass');
    assert.equal(facts(files, { healthEndpoint: false }).get('disposability.health')?.status, 'warning');
    assert.equal(facts(files, {}, false).get('disposability.health')?.status, 'info');
  });

  test('admin.migrations: scripts by name or by command; folders without a script', () => {
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { 'migrate:up': 'node-pg-migrate up' } }) }).get('admin.migrations')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { release: 'prisma migrate deploy' } }) }).get('admin.migrations')?.status, 'pass');
    assert.equal(facts({ 'prisma/migrations/001/migration.sql': '' }).get('admin.migrations')?.status, 'warning');
  });

  test('admin.scripts', () => {
    assert.equal(facts({ 'bin/console.js': '' }).get('admin.scripts')?.status, 'pass');
    assert.equal(facts({ 'package.json': pkg({ name: 'x', scripts: { seed: 'node seed.js' } }) }).get('admin.scripts')?.status, 'pass');
  });

  test('port-binding.web-server', () => {
    assert.equal(facts({ 'package.json': pkg({ name: 'x', dependencies: { fastify: '^4' } }) }).get('port-binding.web-server')?.status, 'pass');
  });
});

describe('workspace facts over the disk', () => {
  test('the fixture app', () => {
    // The fixture lives inside this repository, so git is found above it.
    const root = path.resolve(__dirname, '../../../test/fixtures/workspace/app');
    const m = new Map(workspaceFacts(root, diskWorkspaceHost(root)).map((f) => [f.id, f]));
    assert.equal(m.get('dependencies.lockfile')?.status, 'pass');
    assert.equal(m.get('config.env-example')?.status, 'pass');
    assert.equal(m.get('config.env-ignored')?.status, 'pass');
    assert.equal(m.get('processes.procfile')?.status, 'pass');
    assert.equal(m.get('port-binding.web-server')?.status, 'pass');
    assert.equal(m.get('disposability.health')?.file, path.join(root, 'src/routes/health.js'));
    assert.equal(m.get('admin.migrations')?.status, 'pass');
    assert.equal(m.get('build.dockerfile')?.status, 'info');
    assert.equal(m.get('build.artefacts')?.status, 'pass');
  });
  test('memory: a lockfile is not read to learn it exists; a source file larger than the scan analyses is not read', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-facts-'));
    try {
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'a', dependencies: { express: '^4' } }));
      fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
      fs.writeFileSync(path.join(root, 'bundle.js'), `${'x'.repeat(200)}\napp.get('/healthz', ok);\n`);
      const read: string[] = [];
      const bounded = (p: string) => {
        read.push(path.relative(root, p));
        return readBoundedText(p, 100);
      };
      const m = new Map(workspaceFacts(root, diskWorkspaceHost(root, bounded)).map((f) => [f.id, f]));
      assert.equal(m.get('dependencies.lockfile')?.status, 'pass');
      assert.ok(!read.includes('package-lock.json'), read.join(', '));
      assert.equal(readBoundedText(path.join(root, 'bundle.js'), 100), undefined);
      assert.match(readBoundedText(path.join(root, 'bundle.js')) ?? '', /healthz/, 'within the default bound it reads');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
