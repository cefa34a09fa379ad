import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/port-binding/hardcoded-port';
import { fixAll, summary } from '../fixtures/workspace/harness';
import { syntaxErrors } from './helpers';

const RULE = 'port-binding/hardcoded-port';
const FILE = '/ws/src/server.ts';

// [name, code, expected [messageId, line, covered]]
const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['express listen(3000)', "import express from 'express';\nconst app = express();\napp.listen(3000);\n", [['literal', 3, '3000']]],
  ['listen with a callback', "const app = require('express')();\napp.listen(8080, () => console.log('up'));\n", [['literal', 2, '8080']]],
  ['string port', "const app = require('express')();\napp.listen('3000');\n", [['literal', 2, "'3000'"]]],
  ['constant', "import express from 'express';\nconst PORT = 3000;\nconst app = express();\napp.listen(PORT, () => {});\n", [['constant', 2, '3000']]],
  ['fastify options object', "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: 3000, host: '0.0.0.0' });\n", [['literal', 3, '3000']]],
  ['options in a constant', "import Fastify from 'fastify';\nconst app = Fastify();\nconst opts = { port: 4000 };\nawait app.listen(opts);\n", [['literal', 3, '4000']]],
  ['local config object', "const config = { port: 5000, name: 'api' };\nconst app = require('express')();\napp.listen(config.port);\n", [['constant', 1, '5000']]],
  ['http.createServer().listen', "import http from 'node:http';\nhttp.createServer(handler).listen(8000, '0.0.0.0');\n", [['literal', 2, '8000']]],
  ['nest', "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n", [['literal', 4, '3000']]],
  ['hapi server options', "import Hapi from '@hapi/hapi';\nconst server = Hapi.server({ port: 3000, host: 'localhost' });\nawait server.start();\n", [['literal', 2, '3000']]],
  ['hono node-server', "import { serve } from '@hono/node-server';\nserve({ fetch: app.fetch, port: 8787 });\n", [['literal', 2, '8787']]],
  ['Bun.serve', "Bun.serve({ port: 3000, fetch(req) { return new Response('ok'); } });\n", [['literal', 1, '3000']]],
  ['a constant in the function, beside a parameter of another name', "const port = 1;\nfunction start(other) {\n  app.listen(port);\n}\n", [['constant', 1, '1']]],
  ['one constant, two servers: reported once', "const PORT = 3000;\nconst app = require('express')();\napp.listen(PORT);\nserver.listen(PORT);\n", [['constant', 1, '3000']]],
];

const valid: Array<[string, string]> = [
  ['process.env.PORT || 3000', "const app = require('express')();\napp.listen(process.env.PORT || 3000);\n"],
  ['process.env.PORT ?? 3000 in a constant', "const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n"],
  ['express-generator normalizePort', "var port = normalizePort(process.env.PORT || '3000');\napp.set('port', port);\nserver.listen(port);\n"],
  ['config module read from env', "import { config } from './config';\napp.listen(config.port);\n"],
  ['envalid env object', "const env = cleanEnv(process.env, { PORT: port({ default: 3000 }) });\napp.listen(env.PORT);\n"],
  ['reassigned let', "let port = 3000;\nif (process.env.PORT) port = Number(process.env.PORT);\napp.listen(port);\n"],
  ['listen(0): a free port', "const server = app.listen(0);\n"],
  ['parameter', "export function start(port: number) {\n  return app.listen(port);\n}\n"],
  ['not a server', "bus.listen(3000);\nconst job = { port: 3000 };\n"],
  ['metrics server on a known port', "const metricsApp = express();\nmetricsApp.listen(9464);\n"],
  ['promisified listen', "const listen = promisify(server.listen.bind(server));\nawait listen(3000);\n"],
  ['a parameter shadows an outer constant', "const port = 5432;\nfunction start(port) {\n  app.listen(port);\n}\n"],
  ['a destructured parameter shadows an outer constant', "const port = 5432;\nconst start = ({ port }) => app.listen(port);\n"],
  ['a destructured name elsewhere makes the name ambiguous', "const port = 5432;\nfunction start(options) {\n  const { port } = options;\n  app.listen(port);\n}\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) {
    test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  }
  for (const [name, code] of valid) {
    test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
  }
  test('test files are left alone', () => {
    assert.deepEqual(summary(rule, '/ws/test/server.test.ts', "const app = require('express')();\napp.listen(3000);\n"), []);
  });
});

describe(`${RULE}: fix`, () => {
  const cases: Array<[string, string, string]> = [
    ['plain argument keeps any type', "app.listen(3000);\n", "app.listen(process.env.PORT ?? 3000);\n"],
    ['argument with callback', "app.listen(3000, () => {});\n", "app.listen(process.env.PORT ?? 3000, () => {});\n"],
    ['argument beside a host needs a number', "server.listen(8000, '0.0.0.0');\n", "server.listen(Number(process.env.PORT ?? 8000), '0.0.0.0');\n"],
    ['constant becomes a number', "const PORT = 3000;\napp.listen(PORT);\n", "const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n"],
    ['options object', "await fastify.listen({ port: 3000 });\n", "await fastify.listen({ port: Number(process.env.PORT ?? 3000) });\n"],
    ['string port stays a string', "app.listen('3000');\n", "app.listen(process.env.PORT ?? '3000');\n"],
  ];
  for (const [name, before, after] of cases) {
    test(name, () => {
      const out = fixAll(rule, FILE, before);
      assert.equal(out.source, after);
      assert.deepEqual(syntaxErrors(FILE, out.source), []);
      assert.deepEqual(summary(rule, FILE, out.source), [], 'the fixed file is clean');
    });
  }
});
