import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { goRequires } from '../../core/src/workspace/gomod';
import { facts, ROOT } from './workspace-helpers';

const at = (id: string, files: Record<string, string>) => facts(files).get(id);
const fact = (id: string, files: Record<string, string>) => at(id, files)?.status;

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n\tgithub.com/jackc/pgx/v5 v5.5.5 // indirect\n)\n';
const MAIN = 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})\n\thttp.ListenAndServe(":"+port(), nil)\n}\n';

const SERVICE = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'go.mod': GO_MOD,
  'go.sum': 'github.com/go-chi/chi/v5 v5.0.12 h1:x=\n',
  'cmd/api/main.go': MAIN,
  'cmd/migrate/main.go': 'package main\n\nfunc main() {}\n',
  'internal/store/store.go': 'package store\n',
  'migrations/0001_init.up.sql': '',
};

describe('workspace facts: Go', () => {
  test('a Go service passes every fact it speaks to, in go.mod\'s words', () => {
    const m = facts(SERVICE);
    for (const id of ['codebase.one-app', 'dependencies.lockfile', 'build.scripts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations', 'admin.scripts']) {
      assert.equal(m.get(id)?.status, 'pass', `${id}: ${m.get(id)?.message}`);
    }
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /go\.sum/);
    assert.match(m.get('port-binding.web-server')?.message ?? '', /github\.com\/go-chi\/chi\/v5/);
    assert.match(m.get('build.scripts')?.message ?? '', /go build.*cmd\/api\//);
    assert.match(m.get('admin.migrations')?.message ?? '', /cmd\/migrate/);
    assert.equal(m.get('disposability.health')?.file, path.join(ROOT, 'cmd/api/main.go'));
    assert.ok(![...m.values()].some((f) => /package\.json/.test(f.message)), 'no fact speaks of package.json');
  });

  test('dependencies.lockfile: go.sum, vendor/, nothing to lock, a missing go.sum', () => {
    assert.equal(fact('dependencies.lockfile', { 'go.mod': GO_MOD }), 'fail');
    assert.match(at('dependencies.lockfile', { 'go.mod': GO_MOD })?.message ?? '', /go\.sum is missing.*go mod tidy/);
    assert.equal(fact('dependencies.lockfile', { 'go.mod': GO_MOD, 'vendor/modules.txt': '# x\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'go.mod': 'module x\n\ngo 1.22\n' }), 'pass');
    assert.equal(fact('dependencies.lockfile', { 'go.mod': 'module x\nrequire github.com/pkg/errors v0.9.1\n' }), 'fail');
  });

  test('port-binding.web-server: frameworks, a main package on net/http, the caller\'s listen sites', () => {
    for (const req of ['github.com/gin-gonic/gin v1.9.1', 'github.com/labstack/echo/v4 v4.11.4', 'github.com/gofiber/fiber/v2 v2.52.0', 'github.com/gorilla/mux v1.8.1', 'github.com/go-chi/chi v1.5.5']) {
      assert.equal(fact('port-binding.web-server', { 'go.mod': `module x\nrequire ${req}\n` }), 'pass', req);
    }
    assert.equal(fact('port-binding.web-server', { 'go.mod': 'module x\n', 'main.go': MAIN }), 'pass');
    assert.match(at('port-binding.web-server', { 'go.mod': 'module x\n', 'main.go': MAIN })?.message ?? '', /net\/http/);
    // A library that mentions ListenAndServe outside a main package, a CLI tool: not web processes.
    assert.equal(fact('port-binding.web-server', { 'go.mod': 'module x\n', 'server.go': 'package x\n\nfunc S() { http.ListenAndServe(":80", nil) }\n' }), 'info');
    assert.equal(fact('port-binding.web-server', { 'go.mod': 'module x\nrequire github.com/spf13/cobra v1.8.0\n', 'main.go': 'package main\n\nfunc main() {}\n' }), 'info');
    const entries = { serverEntries: [path.join(ROOT, 'internal/server/server.go')] };
    assert.equal(facts({ 'go.mod': 'module x\n', 'main.go': 'package main\n' }, entries).get('port-binding.web-server')?.status, 'pass');
  });

  test('processes.procfile and build.scripts: binaries, libraries, go run', () => {
    assert.equal(fact('processes.procfile', { 'go.mod': 'module x\n', 'main.go': 'package main\n' }), 'pass');
    assert.equal(fact('build.scripts', { 'go.mod': 'module x\n', 'main.go': 'package main\n' }), 'pass');
    assert.match(at('build.scripts', { 'go.mod': 'module x\n', 'main.go': 'package main\n', Makefile: 'build:\n\tgo build -o bin/app .\n' })?.message ?? '', /make build/);
    assert.equal(fact('processes.procfile', { 'go.mod': 'module x\n', 'lib.go': 'package x\n' }), 'info');
    assert.equal(fact('build.scripts', { 'go.mod': 'module x\n', 'lib.go': 'package x\n' }), 'info');
    assert.equal(fact('processes.procfile', { 'go.mod': 'module x\n', 'main.go': 'package main\n', Procfile: 'web: go run .\n' }), 'warning');
    assert.equal(fact('processes.procfile', { 'go.mod': 'module x\n', 'main.go': 'package main\n', Procfile: 'web: bin/app\n' }), 'pass');
    // A top-level folder holding a main.go is a binary too.
    assert.match(at('processes.procfile', { 'go.mod': 'module x\n', 'server/main.go': 'package main\n' })?.message ?? '', /server\//);
  });

  test('admin.migrations: golang-migrate, goose, atlas, a make target; a folder nothing runs', () => {
    const dir = { 'go.mod': 'module x\n', 'migrations/0001.sql': '' };
    assert.equal(fact('admin.migrations', dir), 'warning');
    assert.match(at('admin.migrations', dir)?.message ?? '', /golang-migrate, goose or atlas/);
    assert.equal(fact('admin.migrations', { ...dir, 'go.mod': 'module x\nrequire github.com/pressly/goose/v3 v3.18.0\n' }), 'pass');
    assert.equal(fact('admin.migrations', { ...dir, 'go.mod': 'module x\nrequire github.com/golang-migrate/migrate/v4 v4.17.0\n' }), 'pass');
    assert.equal(fact('admin.migrations', { ...dir, 'atlas.hcl': 'env "local" {}\n' }), 'pass');
    assert.equal(fact('admin.migrations', { ...dir, Makefile: 'db-up:\n\tmigrate -path migrations -database $$DATABASE_URL up\n' }), 'pass');
    // gorm migrates from code as the app starts: not a one-off process.
    assert.equal(fact('admin.migrations', { 'go.mod': 'module x\nrequire gorm.io/gorm v1.25.0\n' }), 'info');
    assert.equal(fact('admin.migrations', { ...dir, 'go.mod': 'module x\nrequire gorm.io/gorm v1.25.0\n' }), 'warning');
  });

  test('admin.scripts: binaries beside the server\'s', () => {
    assert.equal(fact('admin.scripts', { 'go.mod': 'module x\n', 'cmd/api/main.go': MAIN }), 'info');
    assert.equal(fact('admin.scripts', { 'go.mod': 'module x\n', 'cmd/web/main.go': 'package main\n', 'cmd/worker/main.go': 'package main\n' }), 'info');
    assert.match(at('admin.scripts', { 'go.mod': 'module x\n', 'cmd/api/main.go': MAIN, 'cmd/seed/main.go': 'package main\n' })?.message ?? '', /\(cmd\/seed\)/);
  });

  test('codebase.one-app: go.mod, go.work', () => {
    assert.match(at('codebase.one-app', { 'go.mod': 'module x\n' })?.message ?? '', /go\.mod/);
    assert.match(at('codebase.one-app', { 'go.work': 'go 1.22\nuse ./api\n' })?.message ?? '', /go\.work/);
  });

  test('go.mod requires: blocks, single lines, comments, quoted paths', () => {
    assert.deepEqual([...goRequires('require "a.io/b" v1.0.0\nrequire (\n  c.io/d v0.1.0 // indirect\n  // e.io/f v1\n)\nreplace g.io/h => ../h\n')], ['a.io/b', 'c.io/d']);
  });

  test('a Node front end beside a Go API', () => {
    const m = facts({ ...SERVICE, 'web/package.json': '{}', 'package.json': JSON.stringify({ name: 'tools', devDependencies: { prettier: '^3' } }), 'package-lock.json': '{}' });
    assert.equal(m.get('processes.procfile')?.status, 'pass');
    assert.equal(m.get('build.scripts')?.status, 'pass');
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /Node\.js: .*package-lock\.json.*Go: .*go\.sum/);
  });
});
