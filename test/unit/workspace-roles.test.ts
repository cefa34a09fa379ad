import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isUsageSample, roleOfContext, roleOfFile, roleOfPath, runsAsProgram, sourceOfOutput, type FileRole } from '../../core/src/workspace/roles';

const host = (files: Record<string, string>) => ({ readFile: (f: string) => files[f] });

describe('roles: what the path says', () => {
  const cases: Array<[string, FileRole]> = [
    ['server.js', 'source'],
    ['src/main.ts', 'source'],
    ['lib/app.js', 'source'],
    ['data/datacreator.ts', 'source'],
    ['lib/data/dataloader.js', 'source'],
    ['app/templates/feed.js', 'source'],
    ['koa/examples/hello-world/app.js', 'source'],
    ['test/server.test.ts', 'test'],
    ['404/test.js', 'test'],
    ['data/static/codefixes/exposedMetricsChallenge_1.ts', 'snippet'],
    ['snippets/pingNodes.js', 'snippet'],
    ['bin/plugins/lib/eslintrc.cjs', 'snippet'],
    ['template/babelrc.js', 'snippet'],
    ['.eslintrc.cjs', 'source'],
    ['src/eslintrc-loader.js', 'source'],
    ['public/js/vendor/jshint/jshint.js', 'vendored'],
    ['www/lib/pdfjs/modern/web/debugger.mjs', 'vendored'],
    ['public/libs/markdownit.js', 'vendored'],
    ['public/plugins/pdfjs-5.2.133/build/pdf.mjs', 'vendored'],
    ['public/plugins/pdfjs-5.2.133/web/debugger.mjs', 'vendored'],
    ['www/js/jquery-ui-1.13/jquery-ui.js', 'vendored'],
    ['public/app-v2/main.js', 'source'],
    ['public/js/app-2024.js', 'source'],
    ['src/pdfjs-5.2.133/viewer.js', 'source'],
    ['public/plugins/pdfjs/viewer.js', 'source'],
    ['third_party/foo/index.js', 'vendored'],
    ['.yarn/plugins/plugin.cjs', 'vendored'],
    ['packages/node_modules/@node-red/nodes/core/network/31-tcpin.js', 'package-module'],
    ['.next/server/pages/api/hello.js', 'build-output'],
    ['book/9-begin/api/server/server.ts', 'snippet'],
    ['book/10-end-functional/app/server/server.ts', 'snippet'],
    ['course/01-start/index.js', 'snippet'],
    ['saas/api/server/server.ts', 'source'],
    ['src/2-factor/end.js', 'source'],
    ['migrations/20240101-start-jobs/run.js', 'source'],
  ];
  for (const [file, role] of cases) test(`${file} → ${role}`, () => assert.equal(roleOfPath(file).role, role));

  test('a browser library wrapper marks a vendored copy; plain code is source', () => {
    const umd = "(function (f) { if (typeof define === 'function' && define.amd) define([], f); else module.exports = f(require('x')); })(function () {});";
    assert.equal(roleOfPath('www/common/hyperscript.js', umd).role, 'vendored');
    assert.equal(roleOfPath('www/common/app.js', "const x = require('x');\n").role, 'source');
  });

  test('only source runs as a program', () => {
    assert.equal(runsAsProgram('source'), true);
    for (const role of ['test', 'snippet', 'vendored', 'package-module', 'build-output', 'tool'] as const) assert.equal(runsAsProgram(role), false);
  });
});

describe('roles: what the disk says', () => {
  test('dist/main.js beside src/main.ts is build output; without the source it is the project\'s code', () => {
    const files = { '/p/src/main.ts': 'x' };
    assert.equal(sourceOfOutput('/p/dist/main.js', host(files)), '/p/src/main.ts');
    assert.deepEqual(roleOfFile('/p/dist/main.js', 'dist/main.js', host(files)).role, 'build-output');
    assert.deepEqual(roleOfFile('/p/dist/main.js', 'dist/main.js', host({})).role, 'source');
  });

  test('TypeScript compiled with rootDir "." (build/server.js from server.ts), and Babel\'s lib/ from src/', () => {
    assert.equal(sourceOfOutput('/p/build/server.js', host({ '/p/server.ts': 'x' })), '/p/server.ts');
    assert.equal(sourceOfOutput('/p/lib/index.js', host({ '/p/src/index.js': 'x' })), '/p/src/index.js');
    // Two JavaScript files side by side are two programs, and `lib/` is source in many projects.
    assert.equal(sourceOfOutput('/p/build/server.js', host({ '/p/server.js': 'x' })), undefined);
    assert.equal(sourceOfOutput('/p/lib/app.js', host({ '/p/app.ts': 'x' })), undefined);
  });

  test('where the project sits on disk does not matter (a folder named build above it)', () => {
    assert.equal(sourceOfOutput('/home/me/build/app/dist/main.js', host({ '/home/me/build/app/src/main.ts': 'x' })), '/home/me/build/app/src/main.ts');
  });

  test('a nested package whose manifest calls it an example is a snippet; the project itself never is', () => {
    const example = { '/p/webhook/package.json': '{"description":"MiroTalk WebHook endpoint example"}' };
    assert.equal(roleOfFile('/p/webhook/server.js', 'webhook/server.js', host(example)).role, 'snippet');
    const app = { '/p/webhook/package.json': '{"description":"Webhook relay"}', '/p/package.json': '{"description":"Example app"}' };
    assert.equal(roleOfFile('/p/webhook/server.js', 'webhook/server.js', host(app)).role, 'source');
    assert.equal(roleOfFile('/p/server.js', 'server.js', host({ '/p/package.json': '{"description":"A RealWorld example app"}' })).role, 'source');
    // A sample with a Dockerfile beside it is built and deployed (kubernetes-engine-samples' quickstarts).
    const deployed = { '/p/hello/package.json': '{"description":"GKE hello world sample in Node"}', '/p/hello/Dockerfile': 'FROM node:20\n' };
    assert.equal(roleOfFile('/p/hello/index.js', 'hello/index.js', host(deployed)).role, 'source');
  });

  test("the Dagger module dagger.json names by its source folder is CI tooling; other folders and a root source are not", () => {
    const dagger = (source: string) => ({ '/p/dagger.json': JSON.stringify({ name: 'app', sdk: { source: 'go' }, source }) });
    assert.equal(roleOfFile('/p/build/internal/cmd/discover/main.go', 'build/internal/cmd/discover/main.go', host(dagger('build'))).role, 'tool');
    assert.equal(roleOfFile('/p/build/main.go', 'build/main.go', host(dagger('./build/'))).role, 'tool');
    assert.equal(roleOfFile('/p/cmd/server/main.go', 'cmd/server/main.go', host(dagger('build'))).role, 'source');
    assert.equal(roleOfFile('/p/cmd/server/main.go', 'cmd/server/main.go', host(dagger('.'))).role, 'source');
    assert.equal(roleOfFile('/p/build/main.go', 'build/main.go', host({})).role, 'source');
  });

  test('a project at the file system root: the walk up for an example package ends (it looped on `/`)', () => {
    assert.equal(roleOfFile('/app.py', 'app.py', host({})).role, 'source');
    assert.equal(roleOfFile('/src/app.js', 'src/app.js', host({ '/src/package.json': '{"description":"an example"}' })).role, 'snippet');
  });

  test("a package's bin under node_modules is a program; its other modules are not", () => {
    const files = { '/p/packages/node_modules/node-red/package.json': JSON.stringify({ name: 'node-red', bin: { 'node-red': './red.js' } }) };
    assert.equal(roleOfFile('/p/packages/node_modules/node-red/red.js', 'packages/node_modules/node-red/red.js', host(files)).role, 'source');
    assert.equal(roleOfFile('/p/packages/node_modules/node-red/lib/x.js', 'packages/node_modules/node-red/lib/x.js', host(files)).role, 'package-module');
    assert.equal(roleOfFile('/p/packages/node_modules/node-red/red.js', 'packages/node_modules/node-red/red.js', host({ '/p/packages/node_modules/node-red/package.json': '{' })).role, 'package-module');
  });
});

test("a monorepo app's lib/ (apps/web/lib) is source, not a web root's copied library", () => {
  assert.equal(roleOfPath('apps/web/lib/auth.ts').role, 'source');
  assert.equal(roleOfPath('assets/lib/helpers.js').role, 'source');
});

describe("roles: a generator's project skeleton under templates/ (held-out 5)", () => {
  const root = '/ws';
  const at = (rel: string, files: Record<string, string> = {}) => roleOfFile(`${root}/${rel}`, rel, host({ [`${root}/packages/cli/package.json`]: '{}', ...files })).role;
  const init = 'packages/cli/src/commands/init/templates/app/ts';
  test("a CLI's init template with its own tsconfig and no package.json is a snippet", () => {
    assert.equal(at(`${init}/app/page.tsx`, { [`/ws/${init}/tsconfig.json`]: '{}' }), 'snippet');
    // The templates folder's own package.json is the generator script's (sync-preset.js), not the skeleton's.
    assert.equal(at('packages/connectors/templates/preset/vitest.config.ts', { '/ws/packages/connectors/templates/preset/tsconfig.json': '{}', '/ws/packages/connectors/templates/package.json': '{}' }), 'snippet');
  });
  test('templates kept beside the code, or a template that is a package, are code', () => {
    assert.equal(at('packages/email/templates/welcome.tsx', { '/ws/packages/email/package.json': '{}', '/ws/packages/email/tsconfig.json': '{}' }), 'source');
    assert.equal(at(`${init}/app/page.tsx`), 'source');
    assert.equal(at(`${init}/app/page.tsx`, { [`/ws/${init}/tsconfig.json`]: '{}', [`/ws/${init}/package.json`]: '{}' }), 'source');
  });
});

describe('roles: an examples folder inside the project (held-out 3)', () => {
  const root = '/ws';
  const at = (rel: string, files: Record<string, string> = {}) => roleOfFile(`${root}/${rel}`, rel, host({ [`${root}/server/package.json`]: '{}', ...files })).role;
  test("scripts under example/ of a package's source are snippets (anything-llm's aibitat/example/websocket)", () => {
    assert.equal(at('server/utils/agents/aibitat/example/websocket/websock-branding-collab.js'), 'snippet');
    assert.equal(at('sample/notify.js'), 'snippet');
    assert.equal(at('server/examples/basic.ts'), 'snippet');
  });
  test('an example that is a package or a service of its own is judged as such', () => {
    assert.equal(at('examples/api/server.js', { '/ws/examples/api/Dockerfile': 'FROM node' }), 'source');
    assert.equal(at('examples/api/src/server.js', { '/ws/examples/api/package.json': '{"description":"the API"}' }), 'source');
    assert.equal(at('examples/api/main.go', { '/ws/examples/api/go.mod': 'module x' }), 'source');
  });
  test("a package named as an example is one (hanko's frontend/examples/express, held-out 6)", () => {
    assert.equal(at('frontend/examples/express/src/server.js', { '/ws/frontend/examples/express/package.json': '{"name":"example-express","private":true}' }), 'snippet');
    assert.equal(at('apps/express-sample/index.js', { '/ws/apps/express-sample/package.json': '{"name":"@acme/express-sample"}' }), 'snippet');
    assert.equal(at('apps/api/index.js', { '/ws/apps/api/package.json': '{"name":"examplecorp-api"}' }), 'source');
    assert.equal(at('packages/stripe-app/src/index.ts', { '/ws/packages/stripe-app/package.json': '{"name":"com.example.dub"}' }), 'source');
    assert.equal(at('frontend/examples/express/src/server.js', { '/ws/frontend/examples/express/package.json': '{"name":"example-express"}', '/ws/frontend/examples/express/Dockerfile': 'FROM node' }), 'source');
  });
  test('a folder merely named like one is not an examples folder', () => {
    assert.equal(at('server/example-store/index.js'), 'source');
    assert.equal(at('server/examples.js'), 'source');
  });
  test('a library under wwwroot/lib is vendored (libman)', () => {
    assert.equal(roleOfPath('src/Web/wwwroot/lib/bootstrap/dist/js/bootstrap.esm.js').role, 'vendored');
  });
});

describe('roles: a package under a playground folder (held-out 5)', () => {
  const root = '/ws';
  const at = (rel: string, files: Record<string, string>) => roleOfFile(`${root}/${rel}`, rel, host(files)).role;
  const nest = { '/ws/package.json': '{"name":"sdk"}', '/ws/playground/nestjs/package.json': '{"name":"nestjs","description":""}' };
  test("a throwaway app where the project's developers try its code is a snippet", () => {
    assert.equal(at('playground/nestjs/src/main.ts', nest), 'snippet');
    assert.equal(at('playgrounds/app/server.js', { '/ws/playgrounds/app/package.json': '{}' }), 'snippet');
  });
  test('one a Dockerfile deploys, or a package merely named playground, is code', () => {
    assert.equal(at('playground/nestjs/src/main.ts', { ...nest, '/ws/playground/nestjs/Dockerfile': 'FROM node' }), 'source');
    // The same forms a deployed package takes for the developer-tool check (`deploysItself`).
    assert.equal(at('playground/nestjs/src/main.ts', { ...nest, '/ws/playground/nestjs/docker/Dockerfile': 'FROM node' }), 'source');
    assert.equal(at('playground/nestjs/src/main.ts', { ...nest, '/ws/playground/nestjs/Procfile': 'web: node dist/main.js' }), 'source');
    assert.equal(at('packages/playground/src/main.ts', { '/ws/packages/playground/package.json': '{"name":"playground"}' }), 'source');
    assert.equal(at('apps/api/src/main.ts', { '/ws/apps/api/package.json': '{"name":"api","description":""}' }), 'source');
  });
});

describe('roles: a package under a folder of demos (held-out 11)', () => {
  const root = '/ws';
  const at = (rel: string, files: Record<string, string>) => roleOfFile(`${root}/${rel}`, rel, host(files)).role;
  const demo = { '/ws/package.json': '{"name":"sfu","scripts":{"start":"node app/src/Server.js"}}', '/ws/rtmp/demo/axios/server/package.json': '{"name":"rtmp-streamer-server","description":"RTMP Streamer Server"}' };
  test('a package kept under a demo folder is a snippet, whatever it calls itself', () => {
    assert.equal(at('rtmp/demo/axios/server/server.js', demo), 'snippet');
    assert.equal(at('demos/chat/src/index.js', { '/ws/demos/chat/package.json': '{"name":"chat"}' }), 'snippet');
  });
  test('one something a deployment runs reaches is code', () => {
    assert.equal(at('rtmp/demo/axios/server/server.js', { ...demo, '/ws/rtmp/demo/axios/server/Dockerfile': 'FROM node' }), 'source');
    assert.equal(at('rtmp/demo/axios/server/server.js', { ...demo, '/ws/docker-compose.yml': 'services:\n  rtmp:\n    build: ./rtmp/demo\n' }), 'source');
    assert.equal(at('rtmp/demo/axios/server/server.js', { ...demo, '/ws/package.json': '{"scripts":{"start":"node rtmp-streamer-server"}}' }), 'source');
    // The folder must be above the package: a package's own `demos/` folder is its code's.
    assert.equal(at('packages/client/demos/server.js', { '/ws/packages/client/package.json': '{"name":"client"}' }), 'source');
    assert.equal(at('apps/demo-api/src/main.ts', { '/ws/apps/demo-api/package.json': '{"name":"demo-api"}' }), 'source');
  });
});

describe('roles: what the text says (held-out 5)', () => {
  const hostOf = (files: Record<string, string>) => ({ readFile: (f: string) => files[f], rootOf: () => '/ws' });
  const roleOf = (rel: string, text: string, files: Record<string, string>) => roleOfContext({ path: `/ws/${rel}`, relativePath: rel, text, host: hostOf(files) }).role;
  const lib = { '/ws/packages/uploader/package.json': '{"name":"uploader","main":"uploader.js"}' };
  const sample = "const express = require('express');\nconst uploader = require('uploader')();\nexpress().listen(3000);\n";
  const sampleOf = (rel: string, text: string) => isUsageSample(`/ws/${rel}`, text, hostOf(lib));
  test('a script that loads its own package by name is a usage sample (asked by the process rules, no role)', () => {
    assert.equal(sampleOf('packages/uploader/sample.js', sample), true);
    assert.equal(sampleOf('packages/uploader/demo.mjs', sample.replace("require('uploader')()", "(await import('uploader')).default()")), true);
    assert.equal(roleOf('packages/uploader/sample.js', sample, lib), 'source', "the package's own code for the other rules");
  });
  test("a subpath of its own name, or another package's name, is not", () => {
    assert.equal(sampleOf('packages/uploader/server.js', sample.replace("require('uploader')", "require('uploader/lib/local')")), false);
    assert.equal(sampleOf('packages/uploader/server.js', sample.replace("require('uploader')", "require('uploader-s3')")), false);
  });
  const project = { '/ws/pyproject.toml': '[project]\nname = "pkgindex"\n' };
  const framework = "__author__ = 'A. Author'\n__license__ = 'MIT'\n\ndef run(app): ...\n";
  test('a Python module with its own author and licence, under a name the project does not give itself, is vendored', () => {
    assert.equal(roleOf('pkgindex/wrapper/tinyweb.py', framework, project), 'vendored');
  });
  test("the project's own module, a package's __init__, or a project that names itself nowhere: the project's code", () => {
    assert.equal(roleOf('pkgindex/pkgindex_core.py', framework, project), 'source');
    assert.equal(roleOf('pkgindex/wrapper/__init__.py', framework, project), 'source');
    assert.equal(roleOf('pkgindex/wrapper/tinyweb.py', framework, {}), 'source');
    assert.equal(roleOf('pkgindex/wrapper/tinyweb.py', "__author__ = 'A. Author'\n", project), 'source');
  });
});

describe("roles: the repository's developer tooling folder (held-out 7)", () => {
  const role = (rel: string, files: Record<string, string> = {}) => roleOfFile(`/p/${rel}`, rel, host({ [`/p/${rel}`]: 'x', ...files })).role;
  const seed = { '/p/tools/seed/package.json': '{"name":"@app/seed","scripts":{"snapshot":"tsx src/index.ts"}}' };

  test('a package under tools/, a script under dev/ or tooling/: tools', () => {
    assert.equal(role('tools/seed/src/index.ts', seed), 'tool');
    assert.equal(role('dev/uploader.ts'), 'tool');
    assert.equal(role('tooling/scripts/gen.mjs'), 'tool');
    assert.equal(role('tools/i18n-ai-tool.py'), 'tool');
    // Run by a workspace script that is not the app's install, build or start.
    assert.equal(role('tools/seed/src/index.ts', { ...seed, '/p/package.json': '{"scripts":{"seed:snapshot":"pnpm --filter @app/seed run snapshot"}}' }), 'tool');
    // A Dockerfile that copies the whole folder for a workspace install does not run it.
    assert.equal(role('tools/seed/src/index.ts', { ...seed, '/p/Dockerfile': 'COPY tools ./tools\nRUN pnpm install\nCMD ["node", "apps/web/server.js"]\n' }), 'tool');
  });

  test('only at the root: the same names deeper are the code of a package', () => {
    assert.equal(role('packages/server/src/tools/docs.ts'), 'source');
    assert.equal(role('packages/core/dev/plugin-server.js'), 'source');
    assert.equal(role('devtools/common.js'), 'source');
  });

  test('migrations and seeders kept with the tools are admin processes', () => {
    assert.equal(role('tools/migrations/20240524_add_index.mjs'), 'source');
    assert.equal(role('tools/db/seeders/users.js'), 'source');
  });

  test('reached by a deployment: its own Dockerfile or Procfile, the root\'s deployment files, the install/build/start scripts', () => {
    assert.equal(role('tools/seed/src/index.ts', { ...seed, '/p/tools/seed/Dockerfile': 'FROM node:22\n' }), 'source');
    assert.equal(role('dev/server.js', { '/p/Dockerfile': 'FROM node:22\nCMD ["node", "dev/server.js"]\n' }), 'source');
    assert.equal(role('dev/server.js', { '/p/Procfile': 'web: node ./dev/server.js\n' }), 'source');
    assert.equal(role('tools/worker/index.js', { '/p/docker-compose.yml': 'services:\n  w:\n    command: node /app/tools/worker/index.js\n' }), 'source');
    assert.equal(role('tools/seed/src/index.ts', { ...seed, '/p/package.json': '{"scripts":{"start":"pnpm --filter @app/seed snapshot && next start"}}' }), 'source');
    assert.equal(role('tools/gen/index.mjs', { '/p/package.json': '{"scripts":{"prebuild":"node tools/gen/index.mjs"}}' }), 'source');
    // A longer name that starts the same is another tool.
    assert.equal(role('tools/seed/src/index.ts', { ...seed, '/p/Procfile': 'release: node tools/seeder/run.js\n' }), 'tool');
  });

  // Held-out 9 (typebot's `packages/scripts`): a workspace package of maintenance commands is the developers' tooling.
  const scripts = { '/p/packages/scripts/package.json': '{"name":"@app/scripts","scripts":{"billing":"tsx src/billing.ts"}}' };

  test('a workspace package named scripts, tools or tooling: tools', () => {
    assert.equal(role('packages/scripts/src/billing.ts', scripts), 'tool');
    assert.equal(role('frontend/packages/tools/src/dev.ts', { '/p/frontend/packages/tools/package.json': '{"name":"tools"}' }), 'tool');
    assert.equal(role('scripts/gen.ts', { '/p/scripts/package.json': '{"name":"scripts"}' }), 'tool');
  });

  test("a scripts folder that is no package of its own holds the app's admin processes", () => {
    assert.equal(role('packages/db/scripts/check-sessions.ts', { '/p/packages/db/package.json': '{"name":"@app/db"}' }), 'source');
    assert.equal(role('scripts/seed-events.mjs'), 'source');
    assert.equal(role('server/scripts/backfill.ts'), 'source');
    // Deeper than a workspace keeps its packages: an app's own folder.
    assert.equal(role('apps/api/src/scripts/run.ts', { '/p/apps/api/src/scripts/package.json': '{}' }), 'source');
  });

  test('a package of scripts the deployment runs is no tool', () => {
    assert.equal(role('packages/scripts/src/billing.ts', { ...scripts, '/p/package.json': '{"scripts":{"start":"pnpm --filter @app/scripts billing && next start"}}' }), 'source');
    assert.equal(role('packages/scripts/src/billing.ts', { ...scripts, '/p/Dockerfile': 'FROM node:22\nCMD ["npx", "tsx", "packages/scripts/src/billing.ts"]\n' }), 'source');
    assert.equal(role('packages/scripts/src/billing.ts', { ...scripts, '/p/packages/scripts/Dockerfile': 'FROM node:22\n' }), 'source');
    assert.equal(role('packages/scripts/migrations/001.ts', scripts), 'source');
  });
});

describe("roles: the repository's folder of retired code (held-out 6 and 9)", () => {
  const role = (rel: string, files: Record<string, string> = {}) => roleOfFile(`/p/${rel}`, rel, host({ [`/p/${rel}`]: 'x', ...files })).role;

  test('old/, legacy/, attic/, deprecated/ at the root, reached by no deployment: retired', () => {
    // ArchiveBox's old/ gist; maxun's legacy/server/ workers.
    assert.equal(role('old/archivebox.ts'), 'retired');
    assert.equal(role('legacy/server/worker.ts', { '/p/Dockerfile': 'FROM node:22\nCMD ["node", "server/dist/index.js"]\n' }), 'retired');
    assert.equal(role('attic/app.py'), 'retired');
    assert.equal(role('Deprecated/main.go'), 'retired');
  });

  test('deeper, under another name, or started by a deployment: source', () => {
    assert.equal(role('src/legacy/routes.ts'), 'source');
    assert.equal(role('packages/api/old/handler.js'), 'source');
    assert.equal(role('older/app.js'), 'source');
    assert.equal(role('legacy/server.js', { '/p/Procfile': 'web: node legacy/server.js\n' }), 'source');
    assert.equal(role('legacy/api/index.js', { '/p/docker-compose.yml': 'services:\n  api:\n    command: node /app/legacy/api/index.js\n' }), 'source');
    assert.equal(role('legacy/migrations/001_init.js'), 'source');
  });

  test('retired code runs as no program', () => {
    assert.equal(runsAsProgram('retired'), false);
  });
});
