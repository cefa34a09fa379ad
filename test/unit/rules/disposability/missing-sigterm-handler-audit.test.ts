import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { applyEdits, planFixes } from '../../../../core/src/fixes/plan';
import { isPreferred } from '../../../../core/src/fixes/types';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { rule as port } from '../../../../core/src/rules/port-binding/hardcoded-port';
import type { Finding } from '../../../../core/src/types';
import { syntaxErrors } from '../../helpers';
import { RuleTester } from '../ruleTester';
import { FIXED } from './missing-sigterm-handler/outputs';

function findings(file: string, text: string, rules = [rule]): Finding[] {
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules, relativePath: file }).findings;
}

/** Fix-all of the rule over one file (every finding's preferred fix at once), as the editor and `--fix` do. */
function fixAll(file: string, before: string): string {
  const result = analyze(new FileContext(file, before), { config: defaultConfig(), rules: [rule], relativePath: file });
  const fixes = result.findings.flatMap((f) => (result.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
  assert.ok(fixes.length > 0, 'there is a fix');
  const after = applyEdits(before, planFixes({ path: file, text: before }, fixes, { root: '/ws' }, 'fix all').changes[0].edits);
  assert.deepEqual(syntaxErrors(file, after), [], after);
  assert.deepEqual(findings(file, after), [], 'the fixed file is compliant');
  return after;
}

const MSW_SETUP = "import { server } from './src/mocks/node';\nbeforeAll(() => server.listen());\nafterAll(() => server.close());\n";

describe('missing-sigterm-handler and hardcoded-port: test set-up is not a server', () => {
  const setups: Array<[string, string]> = [
    ['vitest.setup.ts', MSW_SETUP],
    ['src/setupTests.ts', MSW_SETUP],
    ['jest.global-setup.ts', "import { app } from './src/app';\nexport default async () => {\n  app.listen(4001);\n};\n"],
    ['playwright/global-setup.ts', "import { createServer } from 'node:http';\nexport default async function globalSetup() {\n  createServer(handler).listen(5555);\n}\n"],
  ];
  for (const [file, code] of setups) {
    test(file, () => assert.deepEqual(findings(file, code, [rule, port]).map((f) => f.ruleId), []));
  }
  test('msw setupServer(...).listen() is no server, wherever it is', () => {
    const local = "import { setupServer } from 'msw/node';\nimport { handlers } from './handlers';\nexport const server = setupServer(...handlers);\nserver.listen({ onUnhandledRequest: 'bypass' });\n";
    assert.deepEqual(findings('src/mocks/dev.ts', local), []);
    assert.deepEqual(findings('src/dev.ts', "import { server } from './mocks/node';\nserver.listen();\n"), []);
    assert.deepEqual(findings('src/dev.ts', "import { setupServer } from 'msw/node';\nsetupServer(...handlers).listen();\n"), []);
  });
  test('a real server beside msw is still one', () => {
    const code = "import express from 'express';\nimport { server } from './mocks/node';\nserver.listen();\nconst app = express();\napp.listen(process.env.PORT);\n";
    assert.deepEqual(findings('src/dev.ts', code).map((f) => f.data.label), ['app.listen']);
  });
});

// Signal names as keys: a handler installed for every key of a table, here or in another module of the program.
const keysCase = (name: string, code: string, files?: Record<string, string>, filename = '/ws/src/server.ts') => ({ name: `signal names as keys: ${name}`, filename, code, files });
const notHandled = (line: number, name: string) => ({ errors: [{ messageId: 'missing', line, data: { label: 'app.listen' } }], output: FIXED[`signal names as keys: ${name}`] ?? null });
new RuleTester({ filename: '/ws/src/server.ts' }).run(rule, {
  valid: [
    keysCase('unquoted keys walked by Object.keys', "app.listen(3000);\nconst signals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };\nObject.keys(signals).forEach((s) => process.on(s, shutdown));\n"),
    keysCase('quoted keys', "app.listen(3000);\nconst signals = { 'SIGINT': 2, 'SIGTERM': 15 };\nfor (const s of Object.keys(signals)) process.on(s, shutdown);\n"),
    keysCase('from another module, listened to here', "import { SIGNALS } from './signals';\napp.listen(3000);\nfor (const s of Object.keys(SIGNALS)) process.on(s, shutdown);\n",
      { '/ws/src/signals.ts': 'export const SIGNALS = { SIGINT: 2, SIGTERM: 15 };\n' }),
    keysCase('names and their listener both in other modules of the program', "import { onSignals } from './lifecycle';\nimport { app } from './app';\nonSignals(() => {});\napp.listen(3000);\n", {
      '/ws/src/signals.ts': "export const SIGNALS = ['SIGINT', 'SIGTERM'];\n",
      '/ws/src/lifecycle.ts': "import { SIGNALS } from './signals';\nexport const onSignals = (stop) => SIGNALS.forEach((s) => process.once(s, stop));\n",
    }, '/ws/src/index.ts'),
  ],
  invalid: [
    { ...keysCase('a SIGTERM key without a process.on(variable) is no handler', 'app.listen(3000);\nconst codes = { SIGTERM: 15 };\n'), ...notHandled(1, 'a SIGTERM key without a process.on(variable) is no handler') },
    { ...keysCase('in a module outside the program do not count', 'app.listen(3000);\nfor (const s of SIGNALS) process.on(s, stop);\n', { '/ws/scripts/signals.ts': "export const SIGNALS = ['SIGTERM'];\n" }, '/ws/src/index.ts'),
      ...notHandled(1, 'in a module outside the program do not count') },
  ],
});

/** The handler the graceful-shutdown fix writes for a Node server, line by line (TypeScript gets annotations). */
function handlerLines(server: string, shutdown = 'shutdown', typed = false): string[] {
  return [
    '// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.',
    `const ${shutdown} = (${typed ? 'signal: NodeJS.Signals' : 'signal'}) => {`,
    '  console.info(`${signal} received: closing the server`);',
    `  ${server}.close((${typed ? 'error?: Error' : 'error'}) => {`,
    '    if (error) console.error(error);',
    '    process.exitCode = error ? 1 : 0;',
    '  });',
    '  // Keep-alive connections must not hold the process past the grace period.',
    '  setTimeout(() => process.exit(1), 10_000).unref();',
    '};',
    `process.once('SIGTERM', ${shutdown});`,
    `process.once('SIGINT', ${shutdown});`,
  ];
}

describe('missing-sigterm-handler: fix-all parses', () => {
  test('two servers in one file get distinct names', () => {
    const before = "const app = require('express')();\nconst admin = require('express')();\napp.listen(process.env.PORT);\nadmin.listen(process.env.ADMIN_PORT);\n";
    const after = fixAll('src/server.js', before);
    assert.equal(after, [
      "const app = require('express')();",
      "const admin = require('express')();",
      'const server = app.listen(process.env.PORT);',
      '',
      ...handlerLines('server'),
      'const server2 = admin.listen(process.env.ADMIN_PORT);',
      '',
      ...handlerLines('server2', 'shutdown2'),
      '',
    ].join('\n'));
  });
  test('two fastify apps: two handlers with distinct names', () => {
    const before = "import Fastify from 'fastify';\nconst app = Fastify();\nconst metrics = Fastify();\nawait app.listen({ port: 3000 });\nawait metrics.listen({ port: 9100 });\n";
    const after = fixAll('src/server.ts', before);
    assert.match(after, /^const shutdown = \(signal: NodeJS\.Signals\) => \{$/m);
    assert.match(after, /^const shutdown2 = \(signal: NodeJS\.Signals\) => \{$/m);
    assert.match(after, /^ {2}metrics\.close\(\)\.then\($/m);
  });
  test('fastify from a factory: closes the app, not what listen resolves to', () => {
    const before = "import type { FastifyInstance } from 'fastify';\nimport { buildApp } from './app';\nconst app = await buildApp();\nawait app.listen({ port: Number(process.env.PORT) });\n";
    const after = fixAll('src/server.ts', before);
    assert.equal(after, [
      "import type { FastifyInstance } from 'fastify';",
      "import { buildApp } from './app';",
      'const app = await buildApp();',
      'await app.listen({ port: Number(process.env.PORT) });',
      '',
      '// Graceful shutdown: stop taking work, finish what is in flight, then exit.',
      'const shutdown = (signal: NodeJS.Signals) => {',
      '  console.info(`${signal} received: shutting down`);',
      '  app.close().then(',
      '    () => { process.exitCode = 0; },',
      '    (error: unknown) => { console.error(error); process.exitCode = 1; },',
      '  );',
      '  setTimeout(() => process.exit(1), 10_000).unref();',
      '};',
      "process.once('SIGTERM', shutdown);",
      "process.once('SIGINT', shutdown);",
      '',
    ].join('\n'));
  });
  test('fastify(): an awaited listen bound to a name still closes the app', () => {
    const before = "const fastify = require('fastify');\nconst app = fastify({ logger: true });\nconst address = await app.listen({ port: Number(process.env.PORT) });\n";
    const after = fixAll('src/server.ts', before);
    assert.match(after, /^ {2}app\.close\(\)\.then\($/m);
    assert.doesNotMatch(after, /address\.close/);
  });
  test('nest app from a factory: enables its shutdown hooks', () => {
    const before = "import { NestFactory } from '@nestjs/core';\nimport { createApp } from './app';\nasync function bootstrap() {\n  const app = await createApp();\n  await app.listen(process.env.PORT);\n}\n";
    const after = fixAll('src/main.ts', before);
    assert.match(after, /^ {2}app\.enableShutdownHooks\(\);\n {2}await app\.listen\(process\.env\.PORT\);$/m);
  });
  test('hapi server from a factory: server.start() is found and stopped', () => {
    const before = "import Hapi from '@hapi/hapi';\nimport { init } from './app';\nconst server = await init();\nawait server.start();\n";
    assert.deepEqual(findings('src/index.ts', before).map((f) => f.data.label), ['server.start']);
    assert.match(fixAll('src/index.ts', before), /^ {2}server\.stop\(\{ timeout: 10_000 \}\)\.then\($/m);
  });
});

describe('missing-sigterm-handler: servers made in the ways real apps make them', () => {
  const cases: Array<[string, string, string]> = [
    ["socket.io's require('http').Server(app)", "const app = require('express')();\nconst http = require('http').Server(app);\nconst io = require('socket.io')(http);\nhttp.listen(process.env.PORT);\n", 'http.listen'],
    ['new http.Server(app)', "import http from 'node:http';\nconst server = new http.Server(app);\nserver.listen(process.env.PORT);\n", 'server.listen'],
    ['util.promisify(server.listen.bind(server))', "const util = require('util');\nconst server = require('http').createServer(h);\nconst listen = util.promisify(server.listen.bind(server));\nlisten(process.env.PORT);\n", 'promisify(server.listen)'],
    ['stoppable(…) chained', "const stoppable = require('stoppable');\nconst http = require('http');\nstoppable(http.createServer(h)).listen(process.env.PORT);\n", 'stoppable(http.createServer(h)).listen'],
    ['a long receiver is shortened with an ellipsis', "const stoppable = require('stoppable');\nstoppable(require('node:http').createServer(handler)).listen(process.env.PORT);\n", "stoppable(require('node:http').createSe….listen"],
    ['hapi Glue.compose', "const Glue = require('@hapi/glue');\nconst start = async () => {\n  const server = await Glue.compose(manifest);\n  await server.start();\n};\nstart();\n", 'server.start'],
  ];
  for (const [name, code, label] of cases) {
    test(name, () => {
      const found = findings('src/server.js', code);
      assert.deepEqual(found.map((f) => f.data.label), [label]);
      fixAll('src/server.js', code);
    });
  }
});

// Development tools (audit: uptime-kuma's extra/simple-dns-server.js and simple-mqtt-server.js, run by hand
// on devDependencies): a production install omits what they load, so no deployed process runs them.
const withPackages = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) =>
  ({ '/ws/package.json': JSON.stringify({ name: 'app', dependencies, devDependencies }) });
const APP_DEPS = withPackages({ express: '^4.0.0' }, { aedes: '^0.51.0', dns2: '^2.1.0', errorhandler: '^1.5.0', 'webpack-dev-middleware': '^7.0.0' });
const MQTT = "const aedes = require('aedes')();\nconst server = require('net').createServer(aedes.handle);\nserver.listen(1883);\n";
const DNS = "const dns2 = require('dns2');\nconst server = dns2.createServer({ udp: true });\nserver.listen({ udp: 5300 });\n";
const WITH_DEV_MISTAKE = "const express = require('express');\nconst errorhandler = require('errorhandler');\nconst app = express();\napp.use(errorhandler());\napp.listen(process.env.PORT);\n";
const DEV_BRANCH = "const http = require('http');\nif (process.env.DEV) require('webpack-dev-middleware');\nhttp.createServer(handler).listen(process.env.PORT);\n";
// A server entry that loads only a misfiled dotenv and the app's own modules is the app.
const DOTENV_ENTRY = "require('dotenv').config();\nconst http = require('http');\nconst app = require('./app');\nhttp.createServer(app).listen(process.env.PORT);\n";
const DOTENV_DEV = withPackages({ express: '^4.0.0' }, { dotenv: '^16.0.0' });
const missing = (line: number, text: string): [string, number, string] => ['missing', line, text];
/** The graceful-shutdown fix's handler closing `server`, appended after the listen statement. */
const closesServer = (code: string) => code + ['', ...handlerLines('server'), ''].join('\n');
const bound = (code: string, listen: string) => closesServer(code.replace(listen, `const server = ${listen}`));

new RuleTester({ filename: '/ws/extra/simple-mqtt-server.js', files: APP_DEPS }).run(rule, {
  valid: [
    { name: 'a local MQTT broker on a devDependency', code: MQTT },
    { name: 'a mock DNS server on a devDependency', filename: '/ws/extra/simple-dns-server.js', code: DNS },
  ],
  invalid: [
    // `server.listen()` on a Node server: the fix closes `server` itself, with no second binding.
    { name: 'the same broker on a runtime dependency', code: MQTT, files: withPackages({ aedes: '^0.51.0' }), errors: [missing(3, 'listen')], output: closesServer(MQTT) },
    { name: 'an app that also loads a devDependency by mistake', filename: '/ws/app.js', code: WITH_DEV_MISTAKE, errors: [missing(5, 'listen')], output: bound(WITH_DEV_MISTAKE, 'app.listen') },
    { name: 'a devDependency loaded only in development', filename: '/ws/server.js', code: DEV_BRANCH, errors: [missing(3, 'listen')], output: bound(DEV_BRANCH, 'http.createServer') },
    { name: 'dotenv in devDependencies says nothing', filename: '/ws/server.js', code: DOTENV_ENTRY, files: DOTENV_DEV, errors: [missing(4, 'listen')], output: bound(DOTENV_ENTRY, 'http.createServer') },
    { name: 'a manifest with no runtime dependencies says nothing', filename: '/ws/server.js', code: DNS, files: withPackages({}, { dns2: '^2.1.0' }), errors: [missing(3, 'listen')], output: closesServer(DNS) },
  ],
});

// `promisify(server.listen.bind(server))`: the fix closes the server, never the promisified function.
const PROMISIFIED = [
  "import http from 'node:http';",
  "import { promisify } from 'node:util';",
  'const server = http.createServer(handler);',
  'const listen = promisify(server.listen.bind(server));',
  'export async function main(port: number) {',
  '  await listen(port);',
  '}',
  '',
].join('\n');
const PROMISIFIED_IMPORT = "import { promisify } from 'node:util';\nimport { server } from './app';\nconst listen = promisify(server.listen.bind(server));\nlisten(process.env.PORT);\n";
const PROMISIFIED_APP = "import express from 'express';\nimport { promisify } from 'node:util';\nconst app = express();\nconst listen = promisify(app.listen.bind(app));\nlisten(process.env.PORT);\n";
/** The TypeScript handler the fix appends after the statement ending at `after`. */
const typedClose = (code: string, after: string) => code.replace(after, after + ['', '', ...handlerLines('server', 'shutdown', true)].join('\n'));

new RuleTester({ filename: '/ws/src/server.ts', files: withPackages({ express: '^4.0.0' }) }).run(rule, {
  valid: [],
  invalid: [
    {
      name: 'promisify(server.listen.bind(server)) of http.createServer',
      code: PROMISIFIED,
      errors: [missing(4, 'listen')],
      output: typedClose(PROMISIFIED, 'promisify(server.listen.bind(server));'),
    },
    {
      name: 'promisify(server.listen.bind(server)) of an imported server',
      code: PROMISIFIED_IMPORT,
      errors: [missing(3, 'listen')],
      output: typedClose(PROMISIFIED_IMPORT, 'promisify(server.listen.bind(server));'),
    },
    // A promisified app `listen` resolves to nothing: no handle on the server, so no fix rather than a wrong one.
    { name: 'promisify(app.listen.bind(app)) offers no fix', code: PROMISIFIED_APP, errors: [missing(4, 'listen')], output: null },
  ],
});
