import { rule } from '../../../../core/src/rules/port-binding/hardcoded-port';
import { RuleTester } from '../ruleTester';

// The fix reads the port from the environment with the literal as its default: `Number(…)` where the
// value must be a number (a constant, an options object, beside a host), the bare default otherwise.
new RuleTester({ filename: '/ws/src/server.ts' }).run(rule, {
  valid: [
    { name: 'process.env.PORT || 3000', code: "const app = require('express')();\napp.listen(process.env.PORT || 3000);\n" },
    { name: 'process.env.PORT ?? 3000 in a constant', code: 'const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n' },
    { name: 'express-generator normalizePort', code: "var port = normalizePort(process.env.PORT || '3000');\napp.set('port', port);\nserver.listen(port);\n" },
    { name: 'config module read from env', code: "import { config } from './config';\napp.listen(config.port);\n" },
    { name: 'envalid env object', code: 'const env = cleanEnv(process.env, { PORT: port({ default: 3000 }) });\napp.listen(env.PORT);\n' },
    { name: 'reassigned let', code: 'let port = 3000;\nif (process.env.PORT) port = Number(process.env.PORT);\napp.listen(port);\n' },
    { name: 'listen(0): a free port', code: 'const server = app.listen(0);\n' },
    { name: 'parameter', code: 'export function start(port: number) {\n  return app.listen(port);\n}\n' },
    { name: 'not a server', code: 'bus.listen(3000);\nconst job = { port: 3000 };\n' },
    { name: 'metrics server on a known port', code: 'const metricsApp = express();\nmetricsApp.listen(9464);\n' },
    { name: 'promisified listen', code: 'const listen = promisify(server.listen.bind(server));\nawait listen(3000);\n' },
    { name: 'a parameter shadows an outer constant', code: 'const port = 5432;\nfunction start(port) {\n  app.listen(port);\n}\n' },
    { name: 'a destructured parameter shadows an outer constant', code: 'const port = 5432;\nconst start = ({ port }) => app.listen(port);\n' },
    { name: 'a destructured name elsewhere makes the name ambiguous', code: 'const port = 5432;\nfunction start(options) {\n  const { port } = options;\n  app.listen(port);\n}\n' },
    { name: 'test files are left alone', filename: '/ws/test/server.test.ts', code: "const app = require('express')();\napp.listen(3000);\n" },
  ],
  invalid: [
    {
      name: 'express listen(3000)',
      code: "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      errors: [['literal', 3, '3000']],
      output: "import express from 'express';\nconst app = express();\napp.listen(process.env.PORT ?? 3000);\n",
    },
    {
      name: 'listen with a callback',
      code: "const app = require('express')();\napp.listen(8080, () => console.log('up'));\n",
      errors: [['literal', 2, '8080']],
      output: "const app = require('express')();\napp.listen(process.env.PORT ?? 8080, () => console.log('up'));\n",
    },
    {
      name: 'string port',
      code: "const app = require('express')();\napp.listen('3000');\n",
      errors: [['literal', 2, "'3000'"]],
      output: "const app = require('express')();\napp.listen(process.env.PORT ?? '3000');\n",
    },
    {
      name: 'constant',
      code: "import express from 'express';\nconst PORT = 3000;\nconst app = express();\napp.listen(PORT, () => {});\n",
      errors: [['constant', 2, '3000']],
      output: "import express from 'express';\nconst PORT = Number(process.env.PORT ?? 3000);\nconst app = express();\napp.listen(PORT, () => {});\n",
    },
    // Held-out 7 (peppermint): the constant converted in Fastify's options object.
    {
      name: 'a constant converted with Number() in an options object',
      code: "import Fastify from 'fastify';\nconst server = Fastify();\nconst start = async () => {\n  const port = 5003;\n  server.listen({ port: Number(port), host: '0.0.0.0' });\n};\n",
      errors: [['constant', 4, '5003']],
      output: "import Fastify from 'fastify';\nconst server = Fastify();\nconst start = async () => {\n  const port = Number(process.env.PORT ?? 5003);\n  server.listen({ port: Number(port), host: '0.0.0.0' });\n};\n",
    },
    {
      name: 'a literal converted with parseInt()',
      code: "const app = require('express')();\napp.listen(parseInt('8080', 10));\n",
      errors: [['literal', 2, "'8080'"]],
      output: "const app = require('express')();\napp.listen(parseInt(process.env.PORT ?? '8080', 10));\n",
    },
    {
      name: 'fastify options object',
      code: "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: 3000, host: '0.0.0.0' });\n",
      errors: [['literal', 3, '3000']],
      output: "import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });\n",
    },
    {
      name: 'options in a constant',
      code: "import Fastify from 'fastify';\nconst app = Fastify();\nconst opts = { port: 4000 };\nawait app.listen(opts);\n",
      errors: [['literal', 3, '4000']],
      output: "import Fastify from 'fastify';\nconst app = Fastify();\nconst opts = { port: Number(process.env.PORT ?? 4000) };\nawait app.listen(opts);\n",
    },
    {
      name: 'local config object',
      code: "const config = { port: 5000, name: 'api' };\nconst app = require('express')();\napp.listen(config.port);\n",
      errors: [['constant', 1, '5000']],
      output: "const config = { port: Number(process.env.PORT ?? 5000), name: 'api' };\nconst app = require('express')();\napp.listen(config.port);\n",
    },
    {
      name: 'http.createServer().listen',
      code: "import http from 'node:http';\nhttp.createServer(handler).listen(8000, '0.0.0.0');\n",
      errors: [['literal', 2, '8000']],
      output: "import http from 'node:http';\nhttp.createServer(handler).listen(Number(process.env.PORT ?? 8000), '0.0.0.0');\n",
    },
    {
      name: 'nest',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n",
      errors: [['literal', 4, '3000']],
      output: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(process.env.PORT ?? 3000);\n}\n",
    },
    {
      name: 'hapi server options',
      code: "import Hapi from '@hapi/hapi';\nconst server = Hapi.server({ port: 3000, host: 'localhost' });\nawait server.start();\n",
      errors: [['literal', 2, '3000']],
      output: "import Hapi from '@hapi/hapi';\nconst server = Hapi.server({ port: Number(process.env.PORT ?? 3000), host: 'localhost' });\nawait server.start();\n",
    },
    {
      name: 'hono node-server',
      code: "import { serve } from '@hono/node-server';\nserve({ fetch: app.fetch, port: 8787 });\n",
      errors: [['literal', 2, '8787']],
      output: "import { serve } from '@hono/node-server';\nserve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) });\n",
    },
    {
      name: 'Bun.serve',
      code: "Bun.serve({ port: 3000, fetch(req) { return new Response('ok'); } });\n",
      errors: [['literal', 1, '3000']],
      output: "Bun.serve({ port: Number(process.env.PORT ?? 3000), fetch(req) { return new Response('ok'); } });\n",
    },
    {
      name: 'a constant in the function, beside a parameter of another name',
      code: 'const port = 1;\nfunction start(other) {\n  app.listen(port);\n}\n',
      errors: [['constant', 1, '1']],
      output: 'const port = Number(process.env.PORT ?? 1);\nfunction start(other) {\n  app.listen(port);\n}\n',
    },
    {
      name: 'one constant, two servers: reported once',
      code: "const PORT = 3000;\nconst app = require('express')();\napp.listen(PORT);\nserver.listen(PORT);\n",
      errors: [['constant', 1, '3000']],
      output: "const PORT = Number(process.env.PORT ?? 3000);\nconst app = require('express')();\napp.listen(PORT);\nserver.listen(PORT);\n",
    },
    { name: 'fix: plain argument keeps any type', code: 'app.listen(3000);\n', errors: [{ messageId: 'literal' }], output: 'app.listen(process.env.PORT ?? 3000);\n' },
    { name: 'fix: argument with callback', code: 'app.listen(3000, () => {});\n', errors: [{ messageId: 'literal' }], output: 'app.listen(process.env.PORT ?? 3000, () => {});\n' },
    { name: 'fix: argument beside a host needs a number', code: "server.listen(8000, '0.0.0.0');\n", errors: [{ messageId: 'literal' }], output: "server.listen(Number(process.env.PORT ?? 8000), '0.0.0.0');\n" },
    { name: 'fix: constant becomes a number', code: 'const PORT = 3000;\napp.listen(PORT);\n', errors: [{ messageId: 'constant' }], output: 'const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT);\n' },
    { name: 'fix: options object', code: 'await fastify.listen({ port: 3000 });\n', errors: [{ messageId: 'literal' }], output: 'await fastify.listen({ port: Number(process.env.PORT ?? 3000) });\n' },
    { name: 'fix: string port stays a string', code: "app.listen('3000');\n", errors: [{ messageId: 'literal' }], output: "app.listen(process.env.PORT ?? '3000');\n" },
  ],
});
