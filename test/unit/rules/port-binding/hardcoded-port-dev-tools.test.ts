import { rule } from '../../../../core/src/rules/port-binding/hardcoded-port';
import { RuleTester } from '../ruleTester';
import { USAGE_SAMPLE_LIB as LIB, usageSample as SAMPLE } from '../usage-sample';

// Servers of tools a person runs on their own machine (audit/README.md, "Held-out 5, the false positives left"):
// a documentation viewer started with `--open` on a port of its own, a bundler's development server.
const DOCS = (load: string) => `const express = require('express');\n${load}\nconst app = express();\napp.use(express.static('docs'));\napp.listen(3001, () => {\n  if (process.argv.includes('--open')) open('http://localhost:3001');\n});\n`;
const BUNDLER = (load: string) => `const webpack = require('webpack');\n${load}\n\nconst server = new DevServer(webpack(config), {});\nserver.listen(8080, '0.0.0.0');\n`;

new RuleTester({ filename: '/ws/packages/docs/scripts/serve-docs.js' }).run(rule, {
  valid: [
    { name: 'a documentation viewer that opens the browser', code: DOCS("const open = require('open');") },
    { name: "a bundler's development server", filename: '/ws/frontend/scripts/dev.js', code: BUNDLER("const DevServer = require('webpack-dev-server');") },
  ],
  invalid: [
    {
      name: 'a browser opener loaded only in one mode',
      code: DOCS("if (process.env.LOCAL) require('open');"),
      errors: [{ messageId: 'literal', line: 5 }],
      output: DOCS("if (process.env.LOCAL) require('open');").replace('app.listen(3001,', 'app.listen(process.env.PORT ?? 3001,'),
    },
    {
      name: "a bundler's middleware inside the app's own server",
      filename: '/ws/frontend/scripts/dev.js',
      code: BUNDLER("const DevServer = require('webpack-dev-middleware');"),
      errors: [{ messageId: 'literal', line: 5 }],
      output: BUNDLER("const DevServer = require('webpack-dev-middleware');").replace('server.listen(8080,', "server.listen(Number(process.env.PORT ?? 8080),"),
    },
  ],
});

// A usage sample of a library: it loads the library by its published name, as a user's app would.
new RuleTester({ filename: '/ws/packages/uploader/sample.js', files: LIB }).run(rule, {
  valid: [{ name: 'a sample loading its own package by name', code: SAMPLE('uploader') }],
  invalid: [
    {
      name: 'a server loading a module of the package by a subpath',
      code: SAMPLE('uploader/lib/local'),
      errors: [{ messageId: 'literal', line: 6 }],
      output: SAMPLE('uploader/lib/local').replace('app.listen(3000);', 'app.listen(process.env.PORT ?? 3000);'),
    },
  ],
});

// Held-out 8: a server in a `scripts/` folder only a developer's command starts (a Makefile target) has no platform.
const PORTAL = "const http = require('http');\nconst server = http.createServer(handler);\nserver.listen(9900);\n";
new RuleTester({ filename: '/ws/scripts/dev-portal/server.js' }).run(rule, {
  valid: [{ name: 'a dev portal a Makefile target starts', code: PORTAL, files: { '/ws/Makefile': 'dev-portal:\n\tnode scripts/dev-portal/server.js\n' } }],
  invalid: [
    {
      name: 'the same server the root Dockerfile starts',
      code: PORTAL,
      files: { '/ws/Makefile': 'dev-portal:\n\tnode scripts/dev-portal/server.js\n', '/ws/Dockerfile': 'FROM node:20\nCMD ["node", "scripts/dev-portal/server.js"]\n' },
      errors: [{ messageId: 'literal', line: 3 }],
      output: PORTAL.replace('listen(9900)', 'listen(process.env.PORT ?? 9900)'),
    },
  ],
});

// Held-out 4 (Flowise's `packages/api-documentation`): a Swagger UI viewer no deployment reaches.
const SWAGGER = (extra = '') => `import express from 'express';\nimport swaggerUi from 'swagger-ui-express';\n\nconst app = express();\napp.use('/api-docs', swaggerUi.serve, swaggerUi.setup(spec));\n${extra}app.listen(6655);\n`;
new RuleTester({ filename: '/ws/packages/api-docs/src/index.ts' }).run(rule, {
  valid: [{ name: 'a Swagger UI viewer no deployment reaches', code: SWAGGER(), files: { '/ws/packages/api-docs/package.json': '{"name":"acme-api-docs"}' } }],
  invalid: [
    {
      name: 'the same viewer with a route of the API',
      code: SWAGGER("app.post('/api/items', create);\n"),
      files: { '/ws/packages/api-docs/package.json': '{"name":"acme-api-docs"}' },
      errors: [{ messageId: 'literal', line: 7 }],
      output: SWAGGER("app.post('/api/items', create);\n").replace('listen(6655)', 'listen(process.env.PORT ?? 6655)'),
    },
    {
      name: "a viewer the root's Procfile starts",
      code: SWAGGER(),
      files: { '/ws/packages/api-docs/package.json': '{"name":"acme-api-docs"}', '/ws/Procfile': 'web: node packages/api-docs/dist/index.js\n' },
      errors: [{ messageId: 'literal', line: 6 }],
      output: SWAGGER().replace('listen(6655)', 'listen(process.env.PORT ?? 6655)'),
    },
  ],
});

// Held-out 15 (send's `server/bin/dev.js`): a hook the webpack configuration loads for its development server.
new RuleTester({ filename: '/ws/server/bin/dev.js' }).run(rule, {
  valid: [{ name: "a development server's hook the webpack configuration loads", code: PORTAL, files: { '/ws/webpack.config.js': "module.exports = { devServer: { before: require('./server/bin/dev') } };\n" } }],
  invalid: [
    {
      name: 'the same module a start script runs',
      code: PORTAL,
      files: { '/ws/webpack.config.js': "module.exports = { devServer: { before: require('./server/bin/dev') } };\n", '/ws/Procfile': 'web: node server/bin/dev.js\n' },
      errors: [{ messageId: 'literal', line: 3 }],
      output: PORTAL.replace('listen(9900)', 'listen(process.env.PORT ?? 9900)'),
    },
  ],
});
