import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { applyEdits, planFixes } from '../../../../core/src/fixes/plan';
import { ProgramIndex } from '../../../../core/src/program';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import type { Finding } from '../../../../core/src/types';
import { syntaxErrors } from '../../helpers';
import { RuleTester } from '../ruleTester';
import { FIXED } from './missing-sigterm-handler/outputs';

const RULE = 'disposability/missing-sigterm-handler';

function findings(file: string, text: string, index?: ProgramIndex): Finding[] {
  const context = new FileContext(file, text);
  return analyze(context, { config: defaultConfig(), rules: [rule], program: index?.view(file) }).findings;
}

/** A program of several files: every file indexed, then one analysed against the index. */
function program(files: Record<string, string>, tests: string[] = []): { index: ProgramIndex; check: (file: string) => Finding[] } {
  const index = new ProgramIndex([rule]);
  for (const [file, text] of Object.entries(files)) index.update(file, text, tests.includes(file));
  return { index, check: (file) => findings(file, files[file], index) };
}

const invalid: Array<[string, string, string]> = [
  ['express app.listen', "import express from 'express';\nconst app = express();\napp.listen(3000);\n", 'app.listen'],
  ['express via require', "const express = require('express');\nconst app = express();\napp.listen(process.env.PORT, () => {});\n", 'app.listen'],
  ['http.createServer(app).listen', "import http from 'node:http';\nhttp.createServer(app).listen(8080);\n", 'http.createServer(app).listen'],
  ['server variable', "import { createServer } from 'http';\nconst server = createServer(handler);\nserver.listen(8080);\n", 'server.listen'],
  ['net server', "const net = require('net');\nconst srv = net.createServer(onConn);\nsrv.listen(9000);\n", 'srv.listen'],
  ['fastify', "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: 3000 });\n", 'fastify.listen'],
  ['koa', "import Koa from 'koa';\nconst app = new Koa();\napp.listen(3000);\n", 'app.listen'],
  ['nest', "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n", 'app.listen'],
  ['hapi', "import Hapi from '@hapi/hapi';\nconst server = Hapi.server({ port: 3000 });\nawait server.start();\n", 'server.start'],
  ['imported app (name heuristic)', "import app from './app';\napp.listen(3000);\n", 'app.listen'],
  ['promisify(server.listen)', "import { promisify } from 'util';\nconst listen = promisify(server.listen.bind(server));\nawait listen(3000);\n", 'promisify(server.listen)'],
  ['bullmq worker', "import { Worker } from 'bullmq';\nconst worker = new Worker('emails', processJob, { connection });\n", 'new Worker'],
  // A bot holds its gateway connection until killed (guidebot, held-out 3), as discord.py's clients do in Python.
  ['discord.js bot', "const { Client } = require('discord.js');\nconst client = new Client({ intents });\nclient.login(process.env.TOKEN);\n", 'new Client'],
  ['SIGINT only is not enough', "const app = require('express')();\napp.listen(3000);\nprocess.on('SIGINT', () => process.exit(0));\n", 'app.listen'],
  ['stoppable is not enough', "import stoppable from 'stoppable';\nconst server = stoppable(http.createServer(app));\nserver.listen(3000);\n", 'server.listen'],
  ['a port other than 0, even on loopback', "import { createServer } from 'http';\nconst server = createServer(handler);\nserver.listen(8080, '127.0.0.1');\n", 'server.listen'],
];

const valid: Array<[string, string]> = [
  ['process.on SIGTERM', "const app = require('express')();\napp.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n"],
  ['process.once SIGTERM', "app.listen(3000);\nprocess.once('SIGTERM', shutdown);\n"],
  ['prependListener', "app.listen(3000);\nprocess.prependListener('SIGTERM', shutdown);\n"],
  ['signals from an array', "app.listen(3000);\n['SIGINT', 'SIGTERM'].forEach((sig) => process.on(sig, shutdown));\n"],
  ['signals from a constant in a loop', "const SIGNALS = ['SIGTERM', 'SIGINT'] as const;\napp.listen(3000);\nfor (const s of SIGNALS) process.on(s, shutdown);\n"],
  ['terminus', "import { createTerminus } from '@godaddy/terminus';\nconst server = http.createServer(app);\ncreateTerminus(server, { onSignal });\nserver.listen(3000);\n"],
  ['lightship', "import { createLightship } from 'lightship';\nconst lightship = await createLightship();\napp.listen(3000);\n"],
  ['close-with-grace', "import closeWithGrace from 'close-with-grace';\ncloseWithGrace(async () => { await app.close(); });\nawait app.listen({ port: 3000 });\n"],
  ['http-graceful-shutdown', "const gracefulShutdown = require('http-graceful-shutdown');\nconst server = app.listen(3000);\ngracefulShutdown(server);\n"],
  ['nest enableShutdownHooks', "const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks();\nawait app.listen(3000);\n"],
  ['not a server: emitter.listen', "bus.listen('order.created', onOrder);\n"],
  // Audit, held-out set: linkwarden's worker starts a loopback proxy on an ephemeral port for its own fetches.
  ['an ephemeral port serves only this process', "import { createServer } from 'http';\nconst server = createServer(handler);\nserver.listen(0, '127.0.0.1', () => resolve(server.address().port));\n"],
  ['an ephemeral port as an option', "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: 0 });\n"],
  ['not a server: job.start()', "const job = new CronJob('* * * * *', tick);\njob.start();\n"],
];

new RuleTester({ filename: '/ws/src/server.ts' }).run(rule, {
  valid: valid.map(([name, code]) => ({ name, code })),
  invalid: invalid.map(([name, code, label]) => ({ name, code, errors: [{ messageId: 'missing', data: { label } }], output: FIXED[name] })),
});

describe('disposability/missing-sigterm-handler: one file', () => {
  test('a test file starting a server is left alone', () => {
    assert.deepEqual(findings('test/server.test.ts', "const app = require('express')();\napp.listen(0);\n"), []);
  });
  test('a file with no listen keyword is not parsed', () => {
    const context = new FileContext('src/util.ts', 'export const add = (a: number, b: number) => a + b;\n');
    analyze(context, { config: defaultConfig(), rules: [rule] });
    assert.equal(context.hasSourceFile, false);
  });
});

// The program, not the file: other modules of the workspace (`files`) are indexed, then the server module is judged.
const SERVER = "import express from 'express';\nexport const app = express();\nexport function start() {\n  return app.listen(3000);\n}\n";
const STILL_MISSING = [{ messageId: 'missing', data: { label: 'app.listen' } }];
new RuleTester({ filename: '/ws/src/server.ts' }).run(rule, {
  valid: [
    {
      name: 'program: handler in the entry point that imports the server module',
      code: SERVER,
      files: { '/ws/src/index.ts': "import { start } from './server';\nimport './shutdown';\nstart();\n", '/ws/src/shutdown.ts': "process.on('SIGTERM', () => process.exit(0));\n" },
    },
    {
      name: 'program: handler in a module the server module imports (.js specifier of a .ts file)',
      code: `import { installShutdown } from './lifecycle/shutdown.js';\n${SERVER}`,
      files: { '/ws/src/lifecycle/shutdown.ts': "export function installShutdown() { process.once('SIGTERM', () => {}); }\n" },
    },
  ],
  // A server started inside a function it returns from offers no fix (nothing to bind at top level).
  invalid: [
    {
      name: 'program: handler only in test code does not count',
      code: SERVER,
      files: { '/ws/test/server.test.ts': "import { start } from '../src/server';\nprocess.on('SIGTERM', () => {});\nstart();\n" },
      testFiles: ['/ws/test/server.test.ts'],
      errors: STILL_MISSING,
      output: null,
    },
    { name: 'program: handler in an unrelated program of the same folder does not count', code: SERVER, files: { '/ws/scripts/worker.ts': "process.on('SIGTERM', () => {});\n" }, errors: STILL_MISSING, output: null },
    {
      name: 'program: SIGINT only in another module is not enough',
      filename: '/ws/src/index.ts',
      code: `import './signals';\n${SERVER}`,
      files: { '/ws/src/signals.ts': "process.on('SIGINT', () => process.exit(0));\n" },
      errors: STILL_MISSING,
      output: null,
    },
  ],
});

describe('disposability/missing-sigterm-handler: the program index', () => {
  const server = SERVER;
  test('when the handler module changes, the index says so', () => {
    const p = program({ '/p/src/index.ts': `import './signals';\n${server}`, '/p/src/signals.ts': '' });
    assert.equal(p.check('/p/src/index.ts').length, 1);
    assert.equal(p.index.update('/p/src/signals.ts', "process.on('SIGTERM', () => {});\n", false), true);
    assert.equal(findings('/p/src/index.ts', `import './signals';\n${server}`, p.index).length, 0);
    assert.equal(p.index.update('/p/src/signals.ts', "process.on('SIGTERM', () => {});\n", false), false, 'same text: nothing changed');
  });

  // Held-out 6 (screwdriver): a hapi server whose plugins are loaded by name, one of which handles SIGTERM.
  const LOADER = "export const register = (server, names) => names.map((name) => server.register({ plugin: require(`../plugins/${name}`) }));\n";
  const SERVER_JS = "import Hapi from '@hapi/hapi';\nimport { register } from './registerPlugins';\nconst server = Hapi.server({ port: 3000 });\nregister(server, ['auth', 'shutdown']);\nawait server.start();\n";
  test('a template require of a folder loads its modules: a plugin there handles SIGTERM', () => {
    const p = program({
      '/p/lib/server.js': SERVER_JS,
      '/p/lib/registerPlugins.js': LOADER,
      '/p/plugins/auth.js': 'export const plugin = {};\n',
      '/p/plugins/shutdown/index.js': "process.on('SIGTERM', onSigterm);\n",
    });
    assert.equal(p.check('/p/lib/server.js').length, 0);
  });
  test('the template reaches only its folder: a handler elsewhere, or in a test, is not loaded', () => {
    const p = program(
      {
        '/p/lib/server.js': SERVER_JS,
        '/p/lib/registerPlugins.js': LOADER,
        '/p/plugins/auth.js': 'export const plugin = {};\n',
        '/p/plugins/shutdown.test.js': "process.on('SIGTERM', onSigterm);\n",
        '/p/tools/shutdown.js': "process.on('SIGTERM', onSigterm);\n",
      },
      ['/p/plugins/shutdown.test.js'],
    );
    assert.equal(p.check('/p/lib/server.js').length, 1);
  });

  // Held-out 11 (emailengine): the main thread starts each `workers/<type>.js` as a worker thread and handles
  // SIGTERM for all of them; Node delivers signals to the main thread only.
  const HAPI_WORKER = "const Hapi = require('@hapi/hapi');\nconst { parentPort } = require('worker_threads');\nconst server = Hapi.server({ port: 3000 });\nserver.start();\n";
  const MAIN = (start: string, handler = "process.on('SIGTERM', () => closeWorkers());\n") =>
    `const pathlib = require('path');\nconst { Worker: WorkerThread } = require('worker_threads');\n${start}\n${handler}`;
  const TEMPLATE_START = "const w = new WorkerThread(pathlib.join(__dirname, 'workers', `${type.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}.js`), {});";
  test('a worker thread belongs to the program of the thread that starts it: its handler counts', () => {
    for (const start of [
      TEMPLATE_START,
      "new WorkerThread(pathlib.join(__dirname, 'workers/api.js'));",
      "new WorkerThread(new URL('./workers/api.js', import.meta.url));",
    ]) {
      const p = program({ '/p/server.js': MAIN(start), '/p/workers/api.js': HAPI_WORKER });
      assert.equal(p.check('/p/workers/api.js').length, 0, start);
    }
  });
  test('a worker thread whose starter handles no SIGTERM, or that nothing starts, is still reported', () => {
    assert.equal(program({ '/p/server.js': MAIN(TEMPLATE_START, ''), '/p/workers/api.js': HAPI_WORKER }).check('/p/workers/api.js').length, 1);
    const other = program({ '/p/server.js': MAIN("new WorkerThread(pathlib.join(__dirname, 'workers/other.js'));"), '/p/workers/api.js': HAPI_WORKER });
    assert.equal(other.check('/p/workers/api.js').length, 1);
    // A bare relative string is resolved against the working directory, which the code does not tell.
    const cwd = program({ '/p/lib/server.js': MAIN("new WorkerThread('./workers/api.js');"), '/p/lib/workers/api.js': HAPI_WORKER });
    assert.equal(cwd.check('/p/lib/workers/api.js').length, 1);
    // Only a file that loads worker_threads starts worker threads (a BullMQ Worker's first argument names a queue).
    const bull = program({
      '/p/server.js': "const { Worker } = require('bullmq');\nnew Worker('./emails', run);\nprocess.on('SIGTERM', stop);\n",
      '/p/emails.js': HAPI_WORKER,
    });
    assert.equal(bull.check('/p/emails.js').length, 1);
  });
});

describe('disposability/missing-sigterm-handler: fix', () => {
  const fix = (file: string, before: string) => {
    const result = analyze(new FileContext(file, before), { config: defaultConfig(), rules: [rule] });
    const fixes = result.findings.flatMap((f) => result.fixes.get(f) ?? []);
    assert.equal(fixes.length, 1);
    const plan = planFixes({ path: file, text: before }, fixes, { root: '/ws' }, 'fix');
    assert.equal(plan.changes.length, 1, 'the fix touches only the file');
    const after = applyEdits(before, plan.changes[0].edits);
    assert.deepEqual(syntaxErrors(file, after), []);
    assert.deepEqual(findings(file, after), [], 'the fixed file is compliant');
    return after;
  };
  test('express: binds the discarded server and adds the handler (TypeScript)', () => {
    const after = fix('src/server.ts', "import express from 'express';\nconst app = express();\napp.listen(3000, () => console.log('up'));\n");
    assert.match(after, /^const server = app\.listen\(3000, \(\) => console\.log\('up'\)\);$/m);
    assert.match(after, /const shutdown = \(signal: NodeJS\.Signals\) => \{/);
    assert.match(after, /server\.close\(\(error\?: Error\) => \{/);
    assert.match(after, /process\.exitCode = error \? 1 : 0;/);
    assert.match(after, /setTimeout\(\(\) => process\.exit\(1\), 10_000\)\.unref\(\);/);
    assert.match(after, /process\.once\('SIGTERM', shutdown\);\nprocess\.once\('SIGINT', shutdown\);\n$/);
  });
  test('an existing binding is reused; JavaScript gets no type annotations; indentation kept', () => {
    const after = fix('src/main.js', "async function main() {\n  const httpServer = app.listen(port);\n}\n");
    assert.match(after, /^ {2}const httpServer = app\.listen\(port\);$/m);
    assert.match(after, /^ {2}const shutdown = \(signal\) => \{$/m);
    assert.match(after, /^ {4}httpServer\.close\(\(error\) => \{$/m);
  });
  test('a name already taken is not reused', () => {
    const after = fix('src/server.ts', "const server = 'x';\nconst app = require('express')();\napp.listen(3000);\n");
    assert.match(after, /^const server2 = app\.listen\(3000\);$/m);
  });
  test('the variable is `server` when no binding takes the name (a comment, a message or a property does not)', () => {
    const code = "// start the server\nconst app = require('express')();\nconst config = { server: { port: 3000 } };\n" +
      "app.listen(config.server.port, () => console.log('server up'));\n";
    const after = fix('src/server.js', code);
    assert.match(after, /^const server = app\.listen\(config\.server\.port/m);
    assert.match(after, /^ {2}server\.close\(/m);
    assert.deepEqual(syntaxErrors('src/server.js', after), []);
  });
  test('fastify closes through its promise', () => {
    const after = fix('src/app.ts', "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: 3000 });\n");
    assert.match(after, /fastify\.close\(\)\.then\(/);
  });
  test('nest enables its shutdown hooks', () => {
    const after = fix('src/main.ts', "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n");
    assert.match(after, /^ {2}app\.enableShutdownHooks\(\);\n {2}await app\.listen\(3000\);$/m);
  });
  test('a discord.js client is destroyed', () => {
    const after = fix('src/bot.js', "const Discord = require('discord.js');\nconst client = new Discord.Client({ intents });\nclient.login(process.env.TOKEN);\n");
    assert.match(after, /Promise\.resolve\(client\.destroy\(\)\)\.then\(/);
  });
  test('bullmq worker closes', () => {
    const after = fix('src/worker.ts', "import { Worker } from 'bullmq';\nnew Worker('emails', processJob);\n");
    assert.match(after, /^const worker = new Worker\('emails', processJob\);$/m);
    assert.match(after, /worker\.close\(\)\.then\(/);
  });
});
