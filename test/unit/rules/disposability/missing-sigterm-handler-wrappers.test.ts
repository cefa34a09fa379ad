import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { SERVER_STARTERS, SERVER_WRAPPERS } from '../../../../core/src/js/servers';
import { SIGTERM_LIBRARIES } from '../../../../core/src/js/signals';
import { RuleTester } from '../ruleTester';
import { FIXED } from './missing-sigterm-handler/outputs';

function labels(file: string, text: string): string[] {
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule], relativePath: file }).findings.map((f) => String(f.data.label));
}

// Every row of the wrapper table: a server made through it is one (true example), the same export used as
// something else, or a look-alike module, is not (false example). The receiver names are chosen so the
// name-based guess cannot decide.
const WRAPPERS: Array<{ module: string; tp: string; fp: string }> = [
  { module: 'express', tp: "import express from 'express';\nconst web = express();\nweb.listen(8080);\n", fp: "import express from 'express';\nconst router = express.Router();\nrouter.listen(8080);\n" },
  { module: 'koa', tp: "const Koa = require('koa');\nconst web = new Koa();\nweb.listen(8080);\n", fp: "const Router = require('koa-router');\nconst web = new Router();\nweb.listen(8080);\n" },
  { module: 'http', tp: "const http = require('node:http');\nconst web = http.createServer(handler);\nweb.listen(8080);\n", fp: "const http = require('node:http');\nconst web = http.request(url);\nweb.listen(8080);\n" },
  { module: 'micro', tp: "const micro = require('micro');\nconst web = micro(handler);\nweb.listen(8080);\n", fp: "const { send } = require('micro');\nconst web = send(res, 200);\nweb.listen(8080);\n" },
  { module: 'restify', tp: "const restify = require('restify');\nconst web = restify.createServer();\nweb.listen(8080);\n", fp: "const restify = require('restify');\nconst web = restify.plugins.bodyParser();\nweb.listen(8080);\n" },
  { module: 'polka', tp: "import polka from 'polka';\nconst web = polka();\nweb.listen(8080);\n", fp: "import polka from 'polka-logger';\nconst web = polka();\nweb.listen(8080);\n" },
  { module: 'glue', tp: "const Glue = require('@hapi/glue');\nconst web = await Glue.compose(manifest);\nawait web.start();\n", fp: "const Glue = require('@hapi/glue');\nconst web = await Glue.other(manifest);\nawait web.start();\n" },
  { module: 'fastify', tp: "import Fastify from 'fastify';\nconst web = Fastify();\nawait web.listen({ port: 8080 });\n", fp: "import cors from '@fastify/cors';\nconst web = cors();\nawait web.listen({ port: 8080 });\n" },
  { module: '@nestjs/core', tp: "import { NestFactory } from '@nestjs/core';\nconst web = await NestFactory.create(AppModule);\nawait web.listen(8080);\n", fp: "import { Reflector } from '@nestjs/core';\nconst web = new Reflector();\nawait web.listen(8080);\n" },
  { module: '@hapi/hapi', tp: "const Hapi = require('@hapi/hapi');\nconst web = Hapi.server({ port: 8080 });\nawait web.start();\n", fp: "const Boom = require('@hapi/boom');\nconst web = Boom.badRequest();\nawait web.start();\n" },
];

describe('missing-sigterm-handler: well-known server wrappers are one table', () => {
  test('every row of SERVER_WRAPPERS has examples here', () => {
    assert.equal(WRAPPERS.length, SERVER_WRAPPERS.length);
  });
  for (const { module, tp, fp } of WRAPPERS) {
    test(`${module}: a server made through it is one`, () => assert.equal(labels('src/main.ts', tp).length, 1, tp));
    test(`${module}: a look-alike is not`, () => assert.deepEqual(labels('src/main.ts', fp), [], fp));
  }
});

// Every row of the starter table (a call that makes a server and starts it listening, held-out 5: Hono's Node
// adapter in a document-signing app): the call is a server, another export of the module or a look-alike is not.
const STARTERS: Array<{ module: string; tp: string; fp: string }> = [
  {
    module: '@hono/node-server',
    tp: "import { serve } from '@hono/node-server';\nserve({ fetch: app.fetch, port: 3000 });\n",
    fp: "import { serveStatic } from '@hono/node-server/serve-static';\nimport { serve } from './local';\nserve({ fetch: app.fetch, port: 3000 });\napp.use(serveStatic({ root: 'public' }));\n",
  },
];

describe('missing-sigterm-handler: calls that start a server are one table', () => {
  test('every row of SERVER_STARTERS has examples here', () => {
    assert.equal(STARTERS.length, SERVER_STARTERS.length);
  });
  for (const { module, tp, fp } of STARTERS) {
    test(`${module}: the call starts a server`, () => assert.deepEqual(labels('src/main.ts', tp), ['serve'], tp));
    test(`${module}: a look-alike does not`, () => assert.deepEqual(labels('src/main.ts', fp), [], fp));
  }
});

// Every row of the handler-library table: calling it is handling SIGTERM (true example: no finding); the
// module imported but not called, or a sibling package that installs no handler, is not (one finding).
const LIBRARIES: Array<{ module: string; handled: string; notHandled: string }> = [
  { module: '@godaddy/terminus', handled: "import { createTerminus } from '@godaddy/terminus';\nconst server = app.listen(8080);\ncreateTerminus(server, { onSignal });\n", notHandled: "import type { TerminusOptions } from '@godaddy/terminus';\nconst server = app.listen(8080);\n" },
  { module: 'lightship', handled: "import { createLightship } from 'lightship';\nconst lightship = await createLightship();\nconst server = app.listen(8080);\n", notHandled: "import { createLightship } from 'lightship-mock';\nconst lightship = await createLightship();\nconst server = app.listen(8080);\n" },
  { module: 'close-with-grace', handled: "const closeWithGrace = require('close-with-grace');\nconst server = app.listen(8080);\ncloseWithGrace(async () => server.close());\n", notHandled: "const stoppable = require('stoppable');\nconst server = stoppable(app.listen(8080));\n" },
  { module: 'http-graceful-shutdown', handled: "const gracefulShutdown = require('http-graceful-shutdown');\nconst server = app.listen(8080);\ngracefulShutdown(server);\n", notHandled: "const { createHttpTerminator } = require('http-terminator');\nconst server = app.listen(8080);\ncreateHttpTerminator({ server });\n" },
  { module: 'apollo-server', handled: "const { ApolloServer } = require('apollo-server');\nconst server = new ApolloServer({ typeDefs, resolvers });\nserver.listen().then(() => {});\n", notHandled: "const { ApolloServer } = require('apollo-server-express');\nconst apollo = new ApolloServer({ typeDefs, resolvers });\nconst server = app.listen(8080);\n" },
  { module: '@apollo/server/standalone', handled: "import { ApolloServer } from '@apollo/server';\nimport { startStandaloneServer } from '@apollo/server/standalone';\nconst apollo = new ApolloServer({ typeDefs });\nawait startStandaloneServer(apollo);\nhttpServer.listen(8080);\n", notHandled: "import { ApolloServer } from '@apollo/server';\nimport { expressMiddleware } from '@apollo/server/express4';\nconst apollo = new ApolloServer({ typeDefs });\nhttpServer.listen(8080);\n" },
  { module: '@effect/platform-node', handled: "import { NodeRuntime } from '@effect/platform-node';\nconst server = app.listen(8080);\nNodeRuntime.runMain(main());\n", notHandled: "import { NodeRuntime } from '@effect/platform-node';\nimport { Effect } from 'effect';\nconst server = app.listen(8080);\nEffect.runPromise(main());\n" },
  { module: '@effect/platform-bun', handled: "import * as BunRuntime from '@effect/platform-bun/BunRuntime';\nconst server = app.listen(8080);\nmain().pipe(BunRuntime.runMain);\n", notHandled: "import * as BunRuntime from '@effect/platform-bun/BunContext';\nconst server = app.listen(8080);\nmain().pipe(BunRuntime.runMain);\n" },
];

describe('missing-sigterm-handler: libraries that install their own SIGTERM handler are one table', () => {
  test('every row of SIGTERM_LIBRARIES has examples here', () => {
    assert.equal(LIBRARIES.length, SIGTERM_LIBRARIES.length);
  });
  for (const { module, handled, notHandled } of LIBRARIES) {
    test(`${module}: handles SIGTERM`, () => assert.deepEqual(labels('src/main.ts', handled), [], handled));
    test(`${module}: a sibling or an unused import does not`, () => assert.equal(labels('src/main.ts', notHandled).length, 1, notHandled));
  }
});

// Servers reached through members (decision 6), and a hapi server composed in another module (audit miss: aqua,
// Glue in ./index): each finding's label, and the file after fix-all where a fix is offered.
const MEMBERS: Array<[string, string, string]> = [
  ['this.servers.http.listen()', "class Main {\n  start() {\n    this.servers.http.listen(8080);\n  }\n}\n", 'this.servers.http.listen'],
  ['this.#httpServer = this.expressApp.listen()', "class Main {\n  #httpServer;\n  start() {\n    this.#httpServer = this.expressApp.listen(8080);\n  }\n}\n", 'this.expressApp.listen'],
  ['listen inside new Promise', "export function start(server) {\n  return new Promise((resolve) => server.listen(8080, resolve));\n}\n", 'server.listen'],
  ['a local factory handed the app', "function create(app) { return https.createServer(options, app); }\nconst server = create(app).listen(8080);\n", 'create(app).listen'],
  ['util.promisify(server.listen).bind(server)', "const server = http.createServer(app.callback());\nconst listen = util.promisify(server.listen).bind(server);\nawait listen(8080);\n", 'promisify(server.listen)'],
  // Audit miss: cloudcmd server/server.js (a SIGINT handler alone does not answer SIGTERM).
  ['promisifySelf(server.listen, server)', "const server = http.createServer(app);\nconst listen = promisifySelf(server.listen, server);\nawait listen(port, ip);\nprocess.on('SIGINT', close);\n", 'promisify(server.listen)'],
];
const COMPOSED = "const Composer = require('./index');\nComposer((err, server) => {\n  server.start(() => console.log('started'));\n});\n";
const hapi = (name: string, index: string) => ({ name: `hapi composed in another module: ${name}`, filename: '/ws/server.js', code: COMPOSED, files: { '/ws/index.js': index } });

new RuleTester({ filename: '/ws/src/main.js' }).run(rule, {
  valid: [
    { name: 'through members: names that only look like servers are not (listen)', code: 'observer.listen(onChange);\nemitter.listen(8080);\n' },
    { name: 'through members: names that only look like servers are not (promisifyAll)', code: 'const on = promisifyAll(emitter.listen);\nbus.on(server.listen);\n' },
    hapi('the composing module handles SIGTERM', "const Glue = require('glue');\nprocess.on('SIGTERM', stop);\nmodule.exports = Glue.compose.bind(Glue, manifest, options);\n"),
    hapi('server.start() where no module of the program uses hapi is something else', 'module.exports = (cb) => cb(null, new Scheduler());\n'),
  ],
  invalid: [
    ...MEMBERS.map(([name, code, label]) => ({
      name: `through members: ${name}`, code, errors: [{ messageId: 'missing', data: { label } }], output: FIXED[`through members: ${name}`] ?? null,
    })),
    {
      ...hapi('server.start() on what ./index composes with Glue', "const Glue = require('glue');\nmodule.exports = Glue.compose.bind(Glue, manifest, options);\n"),
      errors: [{ messageId: 'missing', data: { label: 'server.start' } }],
      output: FIXED['hapi composed in another module: server.start() on what ./index composes with Glue'] ?? null,
    },
  ],
});

// The fix binds the server `serve` returns (a Node `http.Server`) and closes it on SIGTERM.
new RuleTester({ filename: '/ws/server/main.js' }).run(rule, {
  valid: [
    { name: 'serve with a SIGTERM handler', code: "import { serve } from '@hono/node-server';\nconst server = serve({ fetch: app.fetch, port });\nprocess.on('SIGTERM', () => server.close());\n" },
  ],
  invalid: [
    {
      name: "Hono's Node adapter started without a SIGTERM handler",
      code: "import { serve } from '@hono/node-server';\n\nserve({ fetch: handler.fetch, port });\n",
      errors: [{ messageId: 'missing', data: { label: 'serve' } }],
      output: [
        "import { serve } from '@hono/node-server';",
        '',
        'const server = serve({ fetch: handler.fetch, port });',
        '',
        '// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.',
        'const shutdown = (signal) => {',
        '  console.info(`${signal} received: closing the server`);',
        '  server.close((error) => {',
        '    if (error) console.error(error);',
        '    process.exitCode = error ? 1 : 0;',
        '  });',
        '  // Keep-alive connections must not hold the process past the grace period.',
        '  setTimeout(() => process.exit(1), 10_000).unref();',
        '};',
        "process.once('SIGTERM', shutdown);",
        "process.once('SIGINT', shutdown);",
        '',
      ].join('\n'),
    },
  ],
});
