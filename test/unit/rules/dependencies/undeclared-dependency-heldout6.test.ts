import { rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester } from '../ruleTester';

// Sixth held-out audit set (audit/README.md, "Stop 25"). An Nx workspace (nx.json at the root) keeps its
// development tools in the root package.json; a library's own package.json describes the package it publishes.
// Nx runs the library's vite/jest/eslint tasks from the root install, so their configs may import what the root
// declares. The library's source files may not: the published package would lack it.
const LIBRARY = {
  '/ws/package.json': JSON.stringify({ name: 'ws', private: true, devDependencies: { '@nx/vite': '^19.0.0', vite: '^5.0.0', '@nx/jest': '^19.0.0', zod: '^3.0.0' } }),
  '/ws/libs/dto/package.json': JSON.stringify({ name: '@acme/dto', version: '0.0.1', dependencies: { 'nestjs-zod': '^3.0.0' } }),
  '/ws/libs/dto/project.json': JSON.stringify({ name: 'dto', targets: { test: { executor: '@nx/vite:test' } } }),
};
const NX = { ...LIBRARY, '/ws/nx.json': JSON.stringify({ targetDefaults: {} }) };
const VITE_CONFIG = "import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';\nimport { defineConfig } from 'vite';\nexport default defineConfig({ plugins: [nxViteTsPaths()] });\n";

new RuleTester({ filename: '/ws/libs/dto/vite.config.ts', files: NX }).run(rule, {
  valid: [
    { name: "an Nx library's vite config imports the tools the root declares", code: VITE_CONFIG },
    { name: "an Nx library's jest config", filename: '/ws/libs/dto/jest.config.ts', code: "import { getJestProjectsAsync } from '@nx/jest';\nexport default getJestProjectsAsync;\n" },
  ],
  invalid: [
    {
      name: 'without nx.json the root is no task runner: hoisting',
      code: VITE_CONFIG,
      files: LIBRARY,
      errors: [['undeclared', 1, "'@nx/vite/plugins/nx-tsconfig-paths.plugin'"], ['undeclared', 2, "'vite'"]],
    },
    {
      name: "a library's source file imports only what its own package.json declares",
      filename: '/ws/libs/dto/src/index.ts',
      code: "import { z } from 'zod';\nexport const s = z.string();\n",
      errors: [['undeclared', 1, "'zod'"]],
    },
    {
      name: 'a config importing what the root does not declare either',
      code: "import { defineConfig } from 'vite';\nimport dts from 'vite-plugin-dts';\nexport default defineConfig({ plugins: [dts()] });\n",
      errors: [['undeclared', 2, "'vite-plugin-dts'"]],
    },
  ],
});

// Held-out 13 (audit/README.md, "Held-out 13, Python and Go"): a Python app's browser client bundled by webpack, whose
// config (named by the root's `webpack --config isso/js/webpack.config.js`) searches its own folder for modules as it
// searches node_modules (`resolve.modules: [path.resolve(__dirname), 'node_modules']`): `require('app/config')` is the
// client's `app/config.js`.
const CLIENT = (modules: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'isso', scripts: { 'build-prod': 'webpack --config isso/js/webpack.config.js' }, devDependencies: { webpack: '^5.0.0' } }),
  '/ws/isso/js/webpack.config.js': `const path = require('path');\nmodule.exports = { entry: { embed: path.resolve(__dirname, 'embed.js') }, resolve: { modules: [${modules}] } };\n`,
  '/ws/isso/js/app/config.js': 'module.exports = {};\n',
  '/ws/isso/js/src/lib/dom.js': 'module.exports = {};\n',
});
const EMBED = "var config = require('app/config');\nvar missing = require('leftpad');\n";

new RuleTester({ filename: '/ws/isso/js/embed.js' }).run(rule, {
  valid: [
    { name: "the config's folder is searched (path.resolve(__dirname))", code: "var config = require('app/config');\n", files: CLIENT("path.resolve(__dirname), 'node_modules'") },
    { name: 'a folder below it (path.join(__dirname, "src"))', code: "var dom = require('lib/dom');\n", files: CLIENT("path.join(__dirname, 'src'), 'node_modules'") },
    { name: "a relative folder ('./src')", code: "var dom = require('lib/dom');\n", files: CLIENT("'./src', 'node_modules'") },
  ],
  invalid: [
    { name: 'a package in none of those folders', code: EMBED, files: CLIENT("path.resolve(__dirname), 'node_modules'"), errors: [['undeclared', 2, "'leftpad'"]] },
    { name: 'only node_modules is searched', code: EMBED, files: CLIENT("'node_modules'"), errors: [['undeclared', 1, "'app/config'"], ['undeclared', 2, "'leftpad'"]] },
  ],
});

// Held-out 13 (WebODM): each plugin's bundle is built with a webpack config the app writes into the plugin's folder
// from a template it keeps (`app/plugins/templates/webpack.config.js.tmpl`): its alias (`webodm/…`), its externals
// (`jquery`, a page global) and the root install its NODE_PATH points at resolve the plugin's imports.
const TEMPLATE = [
  "process.env.NODE_PATH = '../../../' + 'node_modules';",
  "require('module').Module._initPaths();",
  "module.exports = { entry: ${entry_json}, resolve: { alias: { webodm: path.resolve(__dirname, '../../../app/static/app/js') } }, externals: { jquery: 'jQuery' } };",
].join('\n');
const PLUGINS = (template: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'app', dependencies: { react: '^16.0.0', webpack: '^5.0.0' } }),
  '/ws/webpack.config.js': "module.exports = { entry: './app/static/app/js/main.jsx' };\n",
  [`/ws/app/plugins/templates/${template}`]: TEMPLATE,
  '/ws/coreplugins/measure/public/package.json': JSON.stringify({ name: 'measure', dependencies: { 'leaflet-measure-ex': '^3.0.0' } }),
});
const PLUGIN_CODE = "import React from 'react';\nimport $ from 'jquery';\nimport Utils from 'webodm/classes/Utils';\nimport PropTypes from 'prop-types';\n";

new RuleTester({ filename: '/ws/coreplugins/measure/public/app.jsx', files: PLUGINS('webpack.config.js.tmpl') }).run(rule, {
  valid: [
    { name: "a plugin's imports of the template's alias, externals and NODE_PATH install", code: "import React from 'react';\nimport $ from 'jquery';\nimport Utils from 'webodm/classes/Utils';\n" },
    { name: 'a plugin without a manifest of its own', filename: '/ws/coreplugins/contours/public/app.jsx', code: "import Utils from 'webodm/classes/Utils';\n" },
  ],
  invalid: [
    {
      name: 'what neither the template nor any manifest names',
      code: PLUGIN_CODE,
      errors: [['undeclared', 4, "'prop-types'"]],
    },
    {
      name: 'a folder with a committed webpack config of its own builds with that one',
      files: { ...PLUGINS('webpack.config.js.tmpl'), '/ws/coreplugins/measure/public/webpack.config.js': 'module.exports = {};\n' },
      code: PLUGIN_CODE,
      errors: [['undeclared', 1, "'react'"], ['undeclared', 2, "'jquery'"], ['undeclared', 3, "'webodm/classes/Utils'"], ['undeclared', 4, "'prop-types'"]],
    },
    {
      name: 'a file that is no bundler config template',
      files: PLUGINS('webpack.notes.txt'),
      code: PLUGIN_CODE,
      errors: [['undeclared', 1, "'react'"], ['undeclared', 2, "'jquery'"], ['undeclared', 3, "'webodm/classes/Utils'"], ['undeclared', 4, "'prop-types'"]],
    },
  ],
});

// Held-out 4 (haste-server): an optional store's client, which the package's README tells the operator to install
// (`npm install memcached`) when they choose that store. A global install puts a command on the PATH; it does not
// make `require` resolve.
const STORE = {
  '/ws/package.json': JSON.stringify({ name: 'paste', dependencies: { redis: '^4.0.0' } }),
  '/ws/README.md': '## Storage\n\nTo use memcached, `npm install memcached` and set `type` to `memcached`.\n\n```\nyarn add @google-cloud/datastore@7\n```\n\nInstall the CLI with `npm install -g paste-cli`.\n',
};
new RuleTester({ filename: '/ws/lib/document_stores/memcached.js', files: STORE }).run(rule, {
  valid: [
    { name: "the README's npm install", code: "const memcached = require('memcached');\n" },
    { name: "the README's yarn add, with a version", filename: '/ws/lib/document_stores/google-datastore.js', code: "const { Datastore } = require('@google-cloud/datastore');\n" },
  ],
  invalid: [
    { name: 'a package the README does not name', code: "const mongo = require('mongodb');\n", errors: [['undeclared', 1, "'mongodb'"]] },
    { name: 'a global install', code: "const cli = require('paste-cli');\n", errors: [['undeclared', 1, "'paste-cli'"]] },
    {
      name: "another package's README",
      filename: '/ws/client/src/api.js',
      files: { ...STORE, '/ws/client/package.json': JSON.stringify({ name: 'client', dependencies: { react: '^18.0.0' } }) },
      code: "import memcached from 'memcached';\n",
      errors: [['undeclared', 1, "'memcached'"]],
    },
  ],
});
