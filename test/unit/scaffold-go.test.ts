import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { detectProject, mapScaffoldFs, scaffoldById } from '../../core/src/scaffold';
import type { ProjectInfo, ScaffoldId, ScaffoldPlan } from '../../core/src/scaffold/types';
import { goParses, loadGo } from './go-helpers';

const NETHTTP: Record<string, string> = {
  'go.mod': 'module example.com/shop\n\ngo 1.22.3\n',
  'go.sum': '',
  'main.go': 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tdb := os.Getenv("DATABASE_URL")\n\t_ = db\n\tif v, ok := os.LookupEnv("DEBUG"); ok {\n\t\t_ = v\n\t}\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)\n}\n',
};
const GIN: Record<string, string> = {
  'go.mod': 'module github.com/acme/api\n\ngo 1.21\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
  'cmd/api/main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tr.Run()\n}\n',
  'internal/store/store.go': 'package store\n\nimport "os"\n\nvar URL = os.Getenv("REDIS_URL")\n',
  '.env.example': 'API_KEY=\n',
};

async function detect(files: Record<string, string>): Promise<ProjectInfo> {
  return detectProject(mapScaffoldFs(files));
}

async function gen(id: ScaffoldId, files: Record<string, string>): Promise<ScaffoldPlan> {
  return (scaffoldById(id) as NonNullable<ReturnType<typeof scaffoldById>>).generate(await detect(files));
}

function file(plan: ScaffoldPlan, p: string): string {
  const f = plan.files.find((x) => x.path === p);
  assert.ok(f, `${p} generated (got ${plan.files.map((x) => x.path).join(', ')})`);
  return f.content;
}

describe('scaffold: Go projects', () => {
  before(loadGo);

  test('detection: version, module, main package, framework, env reads', async () => {
    const std = await detect(NETHTTP);
    assert.equal(std.language, 'go');
    assert.equal(std.go?.version, '1.22');
    assert.equal(std.go?.mainDir, '.');
    assert.equal(std.go?.framework, 'net/http');
    assert.deepEqual(std.go?.envReads, [{ name: 'DATABASE_URL', required: true }, { name: 'DEBUG', required: false }, { name: 'PORT', required: true }]);
    const gin = await detect(GIN);
    assert.equal(gin.go?.framework, 'gin');
    assert.equal(gin.go?.mainDir, 'cmd/api');
    assert.equal(gin.go?.module, 'github.com/acme/api');
  });

  test('Dockerfile: golang:<go.mod> builder, mod download layer, static build, distroless non-root', async () => {
    const l = file(await gen('dockerfile', GIN), 'Dockerfile').split('\n');
    assert.ok(l.includes('ARG GO_VERSION=1.21'));
    assert.ok(l.includes('FROM golang:${GO_VERSION} AS build'));
    assert.ok(l.includes('COPY go.mod ./'));
    assert.ok(l.indexOf('RUN go mod download') < l.indexOf('COPY . .'));
    assert.ok(l.some((x) => x.startsWith('RUN CGO_ENABLED=0 go build') && x.endsWith(' ./cmd/api')));
    assert.ok(l.includes('FROM gcr.io/distroless/static-debian12:nonroot'));
    assert.ok(l.includes('USER nonroot:nonroot'));
    assert.ok(file(await gen('dockerfile', NETHTTP), 'Dockerfile').includes('COPY go.mod go.sum ./'));
    assert.ok(file(await gen('dockerfile', NETHTTP), '.dockerignore').split('\n').includes('.env'));
  });

  test('Procfile runs the binary', async () => {
    assert.equal(file(await gen('procfile', GIN), 'Procfile'), 'web: bin/api\n');
    assert.equal(file(await gen('procfile', NETHTTP), 'Procfile'), 'web: bin/shop\n');
    const v2 = { ...NETHTTP, 'go.mod': 'module github.com/acme/server/v2\n\ngo 1.22\n' };
    assert.equal(file(await gen('procfile', v2), 'Procfile'), 'web: bin/server\n');
  });

  test('config/config.go: required from reads and .env.example, one error listing them', async () => {
    const text = file(await gen('configModule', GIN), 'config/config.go');
    assert.ok(text.includes('ApiKey: require("API_KEY"),'));
    assert.ok(text.includes('RedisUrl: require("REDIS_URL"),'));
    assert.ok(text.includes('missing required environment variables: %s'));
    assert.ok(goParses(text));
    // PORT, read in main.go, is the one Port field with its default, not a required variable.
    const std = file(await gen('configModule', NETHTTP), 'config/config.go');
    assert.equal(std.match(/^\tPort\s+string$/gm)?.length, 1);
    assert.ok(!std.includes('require("PORT")'));
    assert.ok(std.includes('DatabaseUrl: require("DATABASE_URL"),'));
    assert.ok(std.includes('Debug: os.Getenv("DEBUG"),'));
  });

  test('every Go file each scaffold generates parses', async () => {
    for (const fixture of [NETHTTP, GIN]) {
      for (const id of ['configModule', 'gracefulShutdown', 'logger', 'healthCheck'] as ScaffoldId[]) {
        const plan = await gen(id, fixture);
        assert.ok(plan.files.length > 0, id);
        for (const f of plan.files) assert.ok(goParses(f.content), `${id} ${f.path}`);
      }
    }
  });

  test('shutdown: NotifyContext on SIGTERM, Shutdown with a timeout; logger: slog JSON on stdout', async () => {
    const text = file(await gen('gracefulShutdown', NETHTTP), 'shutdown/shutdown.go');
    assert.ok(text.includes('signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)'));
    assert.ok(text.includes('srv.Shutdown(shutdownCtx)'));
    assert.ok(file(await gen('logger', NETHTTP), 'logging/logging.go').includes('slog.NewJSONHandler(os.Stdout'));
  });
});
