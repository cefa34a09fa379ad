import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { runCli } from '../../core/src/cli/cli';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { fileKindOfText, isTestFile } from '../../core/src/fileKinds';
import { rule as sigterm } from '../../core/src/rules/disposability/missing-sigterm-handler';
import { rule as port } from '../../core/src/rules/port-binding/hardcoded-port';
import { WorkspaceProgram } from '../../server/src/program';

const SERVER = "const express = require('express');\nconst app = express();\napp.listen(3000);\n";

/** A folder on disk with these files, under `parent` (a folder named like a test folder, on purpose). */
function workspace(parent: string, files: Record<string, string>): string {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-paths-')));
  const dir = path.join(base, parent);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function scanJson(cwd: string): Promise<Array<{ ruleId: string; file: string; severity: string }>> {
  let out = '';
  const sink = (write: (s: string) => void) => new Writable({ write(chunk, _enc, done) { write(String(chunk)); done(); } });
  await runCli(['scan', '--format', 'json'], { stdout: sink((s) => { out += s; }), stderr: sink(() => undefined), cwd, env: {} });
  const report = JSON.parse(out) as { findings: Array<{ ruleId: string; file: string; severity: string }> };
  return report.findings;
}

describe('test files: judged on the path inside the project', () => {
  const cases: Array<[string, boolean]> = [
    ['src/latest_server.js', false],
    ['src/contest_api.ts', false],
    ['src/test_server.js', true],
    ['spec_helpers.ts', true],
    ['test/server.js', true],
    ['src/server.test.ts', true],
    // Cypress component and end-to-end tests (cypress-realworld-app's src/components/AlertBar.cy.tsx).
    ['src/components/AlertBar.cy.tsx', true],
    ['src/policy.ts', false],
    ['vitest.setup.ts', true],
    ['jest.setup.js', true],
    ['jest.global-setup.ts', true],
    ['vitest.globalSetup.ts', true],
    ['playwright/global-setup.ts', true],
    ['global-teardown.js', true],
    ['src/setupTests.ts', true],
    // Held-out 6: a set-up file in camel case (formbricks' apps/web/vitestSetup.ts), not a config of the same tools.
    ['apps/web/vitestSetup.ts', true],
    ['jestSetup.js', true],
    ['src/vitestConfig.ts', false],
    // A folder whose hyphenated name holds the word (saltcorn's infosec-scan/oauth2-test-server/,
    // deploy/docker-compose-tests/); not one whose word only ends in those letters.
    ['infosec-scan/oauth2-test-server/app.js', true],
    ['deploy/docker-compose-tests/pytest/docker-compose.yml', true],
    ['services/contest-server/app.js', false],
    // Held-out 13: an end-to-end harness named with the word (authorizer's e2e-playground/mocks/*/server.ts, the mock
    // OAuth and SAML servers its Playwright tests run against; Nx's apps/web-e2e/); not a word that only ends in it.
    ['e2e-playground/mocks/mock-oauth/server.ts', true],
    ['apps/web-e2e/src/app.cy.ts', true],
    ['apps/web-e2e/src/support/commands.ts', true],
    ['src/chee2e-server/app.js', false],
    // A smoke test's folder (dnote's host/smoketest/setup.sh, the throwaway database its smoke test starts).
    ['host/smoketest/setup.sh', true],
    ['smoke_tests/test_health.py', true],
    ['src/smoker/app.js', false],
    // Held-out 7: a test package named with an underscore (karakeep's packages/e2e_tests/), Python's tests/unit_tests/;
    // a singular `_test` folder may be a plugin of the app (a `dispatch_test` plugin).
    ['packages/e2e_tests/utils/trpc.ts', true],
    ['tests/integration_tests/test_api.py', true],
    ['src/plugins/dispatch_test/plugin.py', false],
    ['src/latest_tests.ts', false],
    ['src/attest-server/x.js', false],
    ['src/setup.ts', false],
    ['src/server.ts', false],
    // A test file named after what it is, beside the app (koajs/examples: `404/app.js` and `404/test.js`).
    ['404/test.js', true],
    ['tests.ts', true],
    ['src/spec.mjs', true],
    ['src/latest.js', false],
    ['src/testing.js', false],
    // A hand-run test script among the tools (growthbook's `scripts/test-rest-api.ts`), not the app's `test-id.ts`.
    ['packages/back-end/src/scripts/test-rest-api.ts', true],
    ['extra/test-docker.ts', true],
    ['src/utils/test-id.ts', false],
    ['scripts/testimonials.js', false],
    // Benchmarks run by hand and Playwright's test folder (held-out 4: nocobase's benchmark/koa-database/index.js,
    // dub's apps/web/playwright/assert-local-database.ts); a name that only contains the word is code.
    ['benchmark/koa-database/index.js', true],
    ['packages/db/benchmarks/insert.ts', true],
    ['apps/web/playwright/assert-local-database.ts', true],
    ['src/benchmarking.ts', false],
    ['src/benchmark-results.ts', false],
    // Dredd's API-test hooks and the compose stack they run against (held-out 8: semaphore's .dredd/hooks/main.go).
    ['.dredd/hooks/main.go', true],
    ['deployment/compose/dredd/base.yml', true],
    ['src/dredd-report.ts', false],
    ['api/dreddful/main.go', false],
    // The test environment's configuration is configuration (node-config's config/test.js, NodeGoat's).
    ['config/test.js', false],
    ['config/env/test.js', false],
    // Other languages' conventions, for the secret rule's reading of them.
    ['src/main/java/com/acme/UserServiceTest.java', true],
    ['src/main/java/com/acme/OrdersIT.java', true],
    ['src/main/java/com/acme/Latest.java', false],
    ['Api.Tests/SettingsTests.cs', true],
    ['src/Api.Tests/Fixtures.cs', true],
    ['src/Api/Contest.cs', false],
    ['app/models/user_spec.rb', true],
    ['lib/user_test.rb', true],
    ['lib/latest.rb', false],
    ['src/UserTest.php', true],
    // pytest loads conftest.py for tests only, wherever it sits; Django's startapp writes each app's tests.py.
    ['conftest.py', true],
    ['app/conftest.py', true],
    ['blog/tests.py', true],
    ['app/contest.py', false],
    ['app/latest_tests_view.py', false],
  ];
  for (const [file, expected] of cases) test(`${file}: ${expected ? 'test' : 'not test'}`, () => assert.equal(isTestFile(file), expected));

  test('the engine judges the relative path, not the folders above the project', () => {
    const run = (file: string, relativePath: string) =>
      analyze(new FileContext(file, SERVER), { config: defaultConfig(), rules: [sigterm, port], relativePath }).findings.map((f) => [f.ruleId, f.severity]);
    const expected = [['port-binding/hardcoded-port', 'warning'], ['disposability/missing-sigterm-handler', 'warning']].sort();
    assert.deepEqual(run('/home/me/test/proj/src/server.js', 'src/server.js').sort(), expected);
    assert.deepEqual(run('/home/me/e2e/proj/src/server.js', 'src/server.js').sort(), expected);
    assert.deepEqual(run('/home/me/proj/test/server.js', 'test/server.js'), []);
  });

  test('the context keeps its relative path across versions', () => {
    const context = new FileContext('/home/me/spec/proj/src/a.ts', 'x', { relativePath: 'src/a.ts' });
    assert.equal(context.isTestFile, false);
    assert.equal(context.withText('y').isTestFile, false);
  });

  test('the CLI scanning a project inside a folder named test reports at full severity', async () => {
    const dir = workspace('test/proj', { 'src/server.js': SERVER, 'test/server.test.js': SERVER });
    const findings = await scanJson(dir);
    // The report's paths are relative to the scanned root.
    const byFile = findings.map((f) => [f.file.replace(/\\/g, '/'), f.severity]);
    assert.deepEqual(byFile, [['src/server.js', 'warning'], ['src/server.js', 'warning']]);
  });

  test('the server index judges modules inside the workspace folder', async () => {
    const dir = workspace('test/proj', {
      'src/server.js': SERVER,
      'src/index.js': "require('./server');\nprocess.on('SIGTERM', () => process.exit(0));\n",
    });
    const program = new WorkspaceProgram(() => undefined, () => undefined, () => dir);
    await program.indexFolders([dir]);
    const modules = program.view(path.join(dir, 'src/server.js')).programModules().map((m) => path.relative(dir, m.file)).sort();
    assert.deepEqual(modules, [path.join('src', 'index.js'), path.join('src', 'server.js')]);
  });
});

describe('extension-less Node scripts (bin/www)', () => {
  const WWW = "#!/usr/bin/env node\nvar app = require('../app');\nvar http = require('http');\nvar server = http.createServer(app);\nserver.listen(process.env.PORT || '3000');\n";

  test('a node shebang makes a file with no extension JavaScript', () => {
    assert.equal(fileKindOfText('bin/www', WWW), 'js');
    assert.equal(fileKindOfText('bin/www', '#!/usr/local/bin/node --harmony\n'), 'js');
    assert.equal(fileKindOfText('bin/run', '#!/usr/bin/env -S node --no-warnings\n'), 'js');
    assert.equal(fileKindOfText('bin/deploy', '#!/bin/sh\nnode server.js\n'), 'text');
    assert.equal(fileKindOfText('notes.txt', '#!/usr/bin/env node\n'), 'text');
    assert.equal(new FileContext('/p/bin/www', WWW).kind, 'js');
  });

  test('bin/www is analysed', () => {
    const found = analyze(new FileContext('/p/bin/www', WWW), { config: defaultConfig(), rules: [sigterm], relativePath: 'bin/www' }).findings;
    assert.deepEqual(found.map((f) => f.data.label), ['server.listen']);
  });

  test('the CLI reports bin/www', async () => {
    const dir = workspace('proj', { 'bin/www': WWW, 'app.js': "module.exports = require('express')();\n" });
    const findings = await scanJson(dir);
    assert.deepEqual(findings.map((f) => [f.file.replace(/\\/g, '/'), f.ruleId]), [['bin/www', 'disposability/missing-sigterm-handler']]);
  });

  test('the server index follows bin/www: its SIGTERM handler counts for app.js', async () => {
    const dir = workspace('proj', {
      'bin/www': "#!/usr/bin/env node\nconst app = require('../app');\napp.listen(process.env.PORT);\nprocess.on('SIGTERM', () => process.exit(0));\n",
      'app.js': "const express = require('express');\nconst app = express();\nmodule.exports = app;\nexports.start = () => app.listen(process.env.PORT);\n",
      'README': 'not a script\n',
    });
    const program = new WorkspaceProgram(() => undefined, () => undefined, () => dir);
    await program.indexFolders([dir]);
    const file = path.join(dir, 'app.js');
    const found = analyze(new FileContext(file, fs.readFileSync(file, 'utf8')), { config: defaultConfig(), rules: [sigterm], relativePath: 'app.js', program: program.view(file) }).findings;
    assert.deepEqual(found, []);
  });
});
