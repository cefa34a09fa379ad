import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAMEWORK_PROVIDED, rule } from '../../../../core/src/rules/dependencies/undeclared-dependency';
import { RuleTester, type InvalidCase } from '../ruleTester';

// Cases from the audit set (audit/verdicts.tsv): each was a false positive on a real application.
const manifest = (deps: Record<string, string>) => ({ '/ws/package.json': JSON.stringify({ name: 'app', dependencies: deps }) });
/** The finding on the quoted specifier of `line`. */
const undeclared = (line: number, specifier: string): [string, number, string] => ['undeclared', line, `'${specifier}'`];

// Imports TypeScript erases are no dependency (audit: Nest controllers).
const NEST = manifest({ '@nestjs/common': '^10.0.0' });
const TYPES_ONLY = [
  "import { Controller, Get, Req, Res } from '@nestjs/common';",
  "import { Request, Response } from 'express';",
  "import type { FastifyReply } from 'fastify';",
  "import { Db } from 'mongodb';",
  '@Controller()',
  'export class A implements Partial<Response> {',
  '  @Get() get(@Req() req: Request, @Res() res: Response): Promise<Db> | undefined { return undefined; }',
  '}',
  '',
].join('\n');
const AS_VALUES = [
  "import { Router } from 'express';",
  "import { Base } from 'base-lib';",
  "import { Widget } from 'widgets';",
  "import 'reflect-metadata';",
  'export const r = Router();',
  'export class B extends Base<string> {}',
  'export const w = <Widget />;',
  '',
].join('\n');

// Packages a framework provides are one table (audit: wg-easy on Nuxt); every row has its examples here.
const ROWS: Array<{ framework: string; provided: string; notProvided: string }> = [
  { framework: 'nuxt', provided: 'h3', notProvided: 'express' },
  { framework: '@nuxtjs/i18n', provided: '@intlify/h3', notProvided: '@formatjs/intl' },
  // audit (held-out): rallly's landing app imports 'server-only' without declaring it.
  { framework: 'next', provided: 'server-only', notProvided: 'sharp' },
  // Held-out 4: hoppscotch imports unplugin-fonts' virtual stylesheet; UnoCSS and Windi CSS name theirs the same way.
  { framework: 'unplugin-fonts', provided: 'unfonts.css', notProvided: 'fonts.css' },
  { framework: 'unocss', provided: 'uno.css', notProvided: 'unocss-preset.css' },
  { framework: 'vite-plugin-windicss', provided: 'windi-utilities.css', notProvided: 'windi-extra.css' },
  // Held-out 6: joplin's documentation site imports Docusaurus's client API.
  { framework: '@docusaurus/core', provided: '@docusaurus/useDocusaurusContext', notProvided: '@docusaurus/plugin-ideal-image' },
];
const frameworkCases = ROWS.flatMap(({ framework, provided, notProvided }): InvalidCase[] => {
  const code = `import { a } from '${provided}';\nimport { b } from '${notProvided}';\nexport default [a, b];\n`;
  return [
    { name: `${framework}: provides ${provided}, not ${notProvided}`, filename: '/ws/server/api/x.js', code, files: manifest({ [framework]: '^3.0.0' }), errors: [undeclared(2, notProvided)] },
    { name: `${framework}: without the framework, ${provided} is undeclared`, filename: '/ws/server/api/x.js', code, files: manifest({}), errors: [undeclared(1, provided), undeclared(2, notProvided)] },
  ];
});

// Code the project keeps but did not write.
const UMD = "(function (root, factory) {\n  if (typeof define === 'function' && define.amd) define(['jquery'], factory);\n  else if (typeof exports === 'object') module.exports = factory(require('jquery'));\n})(this, function ($) {});\n";
const BROWSERIFY = '(function e(t,n,r){function s(o,u){if(!n[o]){var a=typeof require=="function"&&require;}}})({1:[function(require,module,exports){\nvar split = require(\'browser-split\');\n}]});\n';

// An import TypeScript drops because nothing uses it (audit: nestjs-realworld).
const UNUSED_IMPORT = "import { Controller } from '@nestjs/common';\nimport { Request } from 'express';\n@Controller()\nexport class A {}\n";
const keptImports = [{ verbatimModuleSyntax: true }, { importsNotUsedAsValues: 'preserve' }, { preserveValueImports: true }].map((options): InvalidCase => ({
  name: `a tsconfig that keeps imports as written loads it: ${JSON.stringify(options)}`,
  filename: '/ws/src/a.controller.ts',
  code: UNUSED_IMPORT,
  files: { ...NEST, '/ws/tsconfig.json': JSON.stringify({ compilerOptions: options }) },
  errors: [undeclared(2, 'express')],
}));

// Names that read a local of the same name, never the import (audit, held-out 9: laudspeaker's Nest services).
const SHADOWED = [
  "import e, { query } from 'express';",
  "import client from '@sendgrid/client';",
  'export class S {',
  '  run(query: string) { try { return query; } catch (e) { console.log(e); } }',
  '  make() { const client = { send() {} }; client.send(); for (const e of [1]) console.log(e); }',
  '  each() { return [1].map(function client() { return 1; }); }',
  '}',
  '',
].join('\n');
// The same names read outside every shadowing scope are uses: the import is loaded.
const SHADOWED_NOT_ALL = SHADOWED.replace('export class S {', 'export const used = [e, client.send];\nexport class S {');

// An Astro integration whose entry point hands Vite aliases for the config it generates (held-out 5: apostrophe-astro).
const INTEGRATION = [
  "import path from 'node:path';",
  "import lodash from 'lodash';",
  'export default function integration() {',
  "  return { hooks: { 'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { resolve: { alias: {",
  "    'acme-astro-config/config': path.join(dir, 'config.js'), [computed]: 'x',",
  "  }, dedupe: [lodash.name] } } }) } };",
  '}',
  '',
].join('\n');
const INTEGRATION_FILES = { '/ws/package.json': JSON.stringify({ name: '@acme/astro', main: 'index.js', dependencies: {} }), '/ws/index.js': INTEGRATION };

// Aliases in a config the build scripts name (audit: wiki, `webpack --config dev/webpack/…`).
const WEBPACK = "module.exports = { resolve: { alias: { 'gql': path.join(process.cwd(), 'client/graph'), 'modernizr$': path.resolve('client/.modernizrrc.js') } } };\n";
const ALIASED = "import a from 'gql/admin/x.gql';\nimport 'modernizr';\nexport default a;\n";

// The entry point puts its own folder on NODE_PATH (audit, held-out: yapi's server/app.js), and a script
// that sets NODE_PATH on its command line.
// Held-out 12: the program teaches `require` short names at run time (MagicMirror's js/alias-resolver.js patches
// Module._resolveFilename; module-alias reads the manifest's `_moduleAliases` and `_moduleDirectories`).
const RESOLVER = [
  "const path = require('node:path');",
  "const Module = require('node:module');",
  "const ALIASES = { logger: 'js/logger.js', node_helper: 'js/node_helper.js' };",
  "const resolved = Object.fromEntries(Object.entries(ALIASES).map(([k, rel]) => [k, path.join(__dirname, '..', rel)]));",
  'const orig = Module._resolveFilename;',
  'Module._resolveFilename = function (request, ...rest) { return resolved[request] ?? orig.call(this, request, ...rest); };',
  '',
].join('\n');
const PATCHED_PROGRAM = {
  '/ws/package.json': JSON.stringify({ name: 'mirror', main: 'js/electron.js', scripts: { server: 'node ./serveronly' }, dependencies: {} }),
  '/ws/js/electron.js': "const core = require('./app');\ncore.start();\n",
  '/ws/js/app.js': "require('./alias-resolver');\nmodule.exports = { start() {} };\n",
  '/ws/js/alias-resolver.js': RESOLVER,
};
const USES_ALIASES = "const Log = require('logger');\nconst NodeHelper = require('node_helper');\nconst _ = require('lodash');\nmodule.exports = NodeHelper.create({ Log, _ });\n";
const MODULE_ALIAS = {
  '/ws/package.json': JSON.stringify({ name: 'api', main: 'index.js', dependencies: { 'module-alias': '^2.2.3' }, _moduleAliases: { '@root': '.', '@models': 'src/models' }, _moduleDirectories: ['src/shared'] }),
  '/ws/src/shared/format.js': 'module.exports = {};\n',
};
const NODE_PATH_ENTRY = "process.env.NODE_PATH = __dirname;\nrequire('module').Module._initPaths();\nrequire('./router.js');\n";
const OWN_MODULES = "const base = require('controllers/base.js');\nconst yapi = require('yapi.js');\nmodule.exports = [base, yapi];\n";
const SERVER_FOLDER = { '/ws/server/controllers/base.js': 'module.exports = 1;\n', '/ws/server/yapi.js': 'module.exports = 2;\n' };
// Aliases kept in a file the webpack configs share (yapi's webpack.alias.js) or assigned one by one.
const SHARED_ALIASES = "const path = require('path');\nmodule.exports = { resolve: { alias: { 'common': path.resolve(__dirname, 'common') } } };\n";
const ONE_BY_ONE = "module.exports = (config) => { config.resolve.alias.client = '/client'; return config; };\n";

// A library copied under a web root, and build output (audit: cryptpad www/lib/pdfjs).
const WITH_SOURCE = { ...manifest({}), '/ws/src/main.ts': "import axios from 'axios';\naxios();\n" };

const ESLINTRC = "require('eslint-config-etherpad/patch/modern-module-resolution');\nmodule.exports = { root: true, extends: 'etherpad/plugin' };\n";

new RuleTester({ filename: '/ws/src/a.ts', files: manifest({}) }).run(rule, {
  valid: [
    { name: 'names used only as types', filename: '/ws/src/a.controller.ts', code: TYPES_ONLY, files: NEST },
    { name: 'a vendored folder', filename: '/ws/public/js/vendor/cm/merge.js', code: "require('diff_match_patch');\n" },
    { name: 'a Yarn bundle', filename: '/ws/.yarn/plugins/dedupe.cjs', code: "require('@yarnpkg/shell');\n" },
    { name: 'a UMD library copied in', filename: '/ws/public/js/dropzone.js', code: UMD },
    { name: 'a browserify bundle copied in', filename: '/ws/www/common/hyperscript.js', code: BROWSERIFY },
    {
      name: 'a baseUrl folder holding index.d.ts (taxonomy: `from "types"`)',
      filename: '/ws/components/nav.tsx',
      code: "import { A } from 'types';\nexport const a: A = 1; console.log(A);\n",
      files: { ...manifest({}), '/ws/tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }', '/ws/types/index.d.ts': 'export type A = 1;\n' },
    },
    {
      name: 'a Vite alias written as a regular expression (zwave-js-ui: `/^@server\\/(.+)/`)',
      filename: '/ws/src/mixins/x.js',
      code: "import { a } from '@server/lib';\nexport default a;\n",
      files: { ...manifest({}), '/ws/vite.config.mjs': "export default { resolve: { alias: [{ find: /^@server\\/(.+)/, replacement: 'api/$1' }] } };\n" },
    },
    { name: 'a named import never used is erased by tsc', filename: '/ws/src/a.controller.ts', code: UNUSED_IMPORT, files: NEST },
    { name: "an alias the package's entry point registers with its host's bundler", filename: '/ws/lib/fetch.js', code: "import config from 'acme-astro-config/config';\nexport default config;\n", files: INTEGRATION_FILES },
    // Held-out 9 (laudspeaker): the import's binding is declared again by every scope that reads the name.
    { name: 'an import only shadowed by locals (catch, const, parameter, loop) is erased by tsc', filename: '/ws/src/a.service.ts', code: SHADOWED, files: NEST },
    // Held-out 6 (saltcorn): a visitor's method and a property share the imported type's name; neither reads it.
    {
      name: 'a property named like a type-only import is no use of it',
      filename: '/ws/src/expression.ts',
      code: "import { Identifier } from 'estree';\nimport { traverse } from 'estraverse';\nconst seen: Identifier[] = [];\ntraverse(ast, { Identifier({ name }: { name: string }) { seen.push(node.Identifier); } });\nexport const kinds = { Identifier: 1 };\n",
      files: manifest({ estraverse: '^5.0.0', '@types/estree': '^1.0.0' }),
    },
    {
      name: 'the config passed with --config holds the aliases',
      filename: '/ws/client/index-app.js',
      code: ALIASED,
      files: {
        '/ws/package.json': JSON.stringify({ name: 'app', scripts: { build: 'cross-env X=1 webpack --profile --config dev/webpack/webpack.prod.js' }, dependencies: {} }),
        '/ws/dev/webpack/webpack.prod.js': WEBPACK,
      },
    },
    { name: 'www/lib/… is a vendored copy', filename: '/ws/www/lib/pdfjs/web/debugger.mjs', code: "import { x } from 'pdfjs-lib';\nx();\n" },
    { name: 'public/libs/… is a vendored copy', filename: '/ws/public/libs/markdownit.js', code: "require('punycode');\n" },
    // Held-out 8: a pdf.js release unpacked under the web root (gogs' public/plugins/pdfjs-5.2.133/).
    { name: "a library's release folder under a web root is a vendored copy", filename: '/ws/public/plugins/pdfjs-5.2.133/build/pdf.mjs', code: "const { createCanvas } = await import('@napi-rs/canvas');\ncreateCanvas();\n" },
    {
      name: 'the main entry sets NODE_PATH to its folder and re-reads the paths (yapi)',
      filename: '/ws/exts/plugin/controller.js',
      code: OWN_MODULES,
      files: { '/ws/package.json': JSON.stringify({ name: 'app', main: 'server/app.js', dependencies: {} }), '/ws/server/app.js': NODE_PATH_ENTRY, ...SERVER_FOLDER },
    },
    {
      name: 'a start script sets NODE_PATH',
      filename: '/ws/exts/plugin/controller.js',
      code: OWN_MODULES,
      files: { '/ws/package.json': JSON.stringify({ name: 'app', scripts: { start: 'NODE_PATH=server node server/app.js' }, dependencies: {} }), ...SERVER_FOLDER },
    },
    {
      name: 'webpack.alias.js holds aliases, and a config may assign them one by one',
      filename: '/ws/client/a.js',
      code: "import { a } from 'common/utils.js';\nimport { b } from 'client/x';\nexport default [a, b];\n",
      files: { ...manifest({}), '/ws/webpack.alias.js': SHARED_ALIASES, '/ws/webpack.config.js': ONE_BY_ONE },
    },
    { name: 'a module the entry points load patches Module._resolveFilename with a table of short names', filename: '/ws/defaultmodules/weather/node_helper.js', code: "const Log = require('logger');\nconst NodeHelper = require('node_helper');\nmodule.exports = NodeHelper.create({ Log });\n", files: PATCHED_PROGRAM },
    { name: 'module-alias: the manifest\'s _moduleAliases and _moduleDirectories', filename: '/ws/src/routes/users.js', code: "const User = require('@models/user');\nconst cfg = require('@root/config');\nconst format = require('format');\nmodule.exports = [User, cfg, format];\n", files: MODULE_ALIAS },
    {
      name: 'module-alias: names the entry point registers with addAlias and addAliases',
      filename: '/ws/src/jobs/send.js',
      code: "const mailer = require('@mailer');\nconst q = require('@queue/redis');\nmodule.exports = [mailer, q];\n",
      files: {
        '/ws/package.json': JSON.stringify({ name: 'jobs', scripts: { start: 'node src/index.js' }, dependencies: { 'module-alias': '^2.2.3' } }),
        '/ws/src/index.js': "const moduleAlias = require('module-alias');\nmoduleAlias.addAlias('@mailer', __dirname + '/mailer');\nmoduleAlias.addAliases({ '@queue': __dirname + '/queue' });\nrequire('./jobs/send');\n",
      },
    },
    { name: 'dist/main.js beside src/main.ts is judged at its source', filename: '/ws/dist/main.js', code: "const axios = require('axios');\naxios();\n", files: WITH_SOURCE },
    // A tool reads only `.eslintrc.cjs`: the undotted copy is a template written into plugins (audit: etherpad).
    { name: 'a dotfile config kept without its dot is a template', filename: '/ws/bin/plugins/lib/eslintrc.cjs', code: ESLINTRC },
    { name: 'an undotted prettier config template', filename: '/ws/templates/app/prettierrc.js', code: "module.exports = require('@acme/prettier-config');\n" },
  ],
  invalid: [
    {
      name: 'an import read outside the scopes that shadow it is loaded',
      filename: '/ws/src/a.service.ts',
      code: SHADOWED_NOT_ALL,
      files: NEST,
      errors: [undeclared(1, 'express'), undeclared(2, '@sendgrid/client')],
    },
    {
      name: "a package the entry point only loads is no alias, nor is an alias the entry does not register",
      filename: '/ws/lib/fetch.js',
      code: "import l from 'lodash';\nimport c from 'other-config/config';\nexport default [l, c];\n",
      files: INTEGRATION_FILES,
      errors: [undeclared(1, 'lodash'), undeclared(2, 'other-config/config')],
    },
    { name: 'a folder under a web root with no version in its name is judged', filename: '/ws/public/plugins/viewer/main.mjs', code: "import { x } from 'pdfjs-lib';\nx();\n", errors: [{ messageId: 'undeclared' }] },
    { name: 'the same import used as a value, a base class, a JSX tag or a side effect', filename: '/ws/src/b.tsx', code: AS_VALUES, files: NEST, errors: [undeclared(1, 'express'), undeclared(2, 'base-lib'), undeclared(3, 'widgets'), undeclared(4, 'reflect-metadata')] },
    { name: 'in JavaScript an import always loads', filename: '/ws/src/c.js', code: "import { Request } from 'express';\nexport default 1;\n", files: NEST, errors: [undeclared(1, 'express')] },
    ...frameworkCases,
    {
      name: 'a shorthand property or a spread reads the imported binding',
      filename: '/ws/src/expression.ts',
      code: "import { Identifier } from 'estree';\nimport { Literal } from 'estree-walker';\nexport const kinds = { Identifier };\nexport const more = { ...Literal };\n",
      files: manifest({}),
      errors: [undeclared(1, 'estree'), undeclared(2, 'estree-walker')],
    },
    { name: 'the app\'s own browser code still counts', filename: '/ws/media/js/util/message.js', code: "if (typeof exports !== 'undefined') { var _ = require('underscore'); }\n", errors: [undeclared(1, 'underscore')] },
    {
      name: 'a path that merely contains the name is no alias',
      filename: '/ws/src/x.js',
      code: "import merge from 'lodash';\nexport default merge;\n",
      files: { ...manifest({}), '/ws/vite.config.mjs': "export default { resolve: { alias: { '@': '/src/lodash/' } } };\n" },
      errors: [undeclared(1, 'lodash')],
    },
    ...keptImports,
    {
      name: 'the same config that no script names declares nothing',
      filename: '/ws/client/index-app.js',
      code: ALIASED,
      files: { '/ws/package.json': JSON.stringify({ name: 'app', scripts: { build: 'webpack' }, dependencies: {} }), '/ws/dev/webpack/webpack.prod.js': WEBPACK },
      errors: [undeclared(1, 'gql/admin/x.gql'), undeclared(2, 'modernizr')],
    },
    {
      name: 'NODE_PATH set without re-reading the paths changes nothing, and only its folder\'s files resolve',
      filename: '/ws/exts/plugin/controller.js',
      code: OWN_MODULES + "require('lodash');\n",
      files: { '/ws/package.json': JSON.stringify({ name: 'app', main: 'server/app.js', dependencies: {} }), '/ws/server/app.js': 'process.env.NODE_PATH = __dirname;\n', ...SERVER_FOLDER },
      errors: [undeclared(1, 'controllers/base.js'), undeclared(2, 'yapi.js'), undeclared(4, 'lodash')],
    },
    {
      name: 'with NODE_PATH set, a package that is no file of that folder is still undeclared',
      filename: '/ws/exts/plugin/controller.js',
      code: "require('extend');\n",
      files: { '/ws/package.json': JSON.stringify({ name: 'app', main: 'server/app.js', dependencies: {} }), '/ws/server/app.js': NODE_PATH_ENTRY, ...SERVER_FOLDER },
      errors: [undeclared(1, 'extend')],
    },
    { name: 'with the resolver loaded, a package outside its table is still undeclared', filename: '/ws/defaultmodules/weather/node_helper.js', code: USES_ALIASES, files: PATCHED_PROGRAM, errors: [undeclared(3, 'lodash')] },
    {
      name: 'the same table in a module that patches nothing, or a resolver no entry point loads, registers nothing',
      filename: '/ws/defaultmodules/weather/node_helper.js',
      code: USES_ALIASES,
      files: { ...PATCHED_PROGRAM, '/ws/js/app.js': "const ALIASES = { logger: 'js/logger.js', node_helper: 'js/node_helper.js' };\nmodule.exports = { ALIASES };\n" },
      errors: [undeclared(1, 'logger'), undeclared(2, 'node_helper'), undeclared(3, 'lodash')],
    },
    { name: 'module-alias: a name beside an alias is still undeclared', filename: '/ws/src/routes/users.js', code: "const m = require('@modelsx/user');\nconst r = require('rootless');\nmodule.exports = [m, r];\n", files: MODULE_ALIAS, errors: [undeclared(1, '@modelsx/user'), undeclared(2, 'rootless')] },
    { name: 'the source beside dist/ is judged', filename: '/ws/src/main.ts', code: "import axios from 'axios';\naxios();\n", files: WITH_SOURCE, errors: [undeclared(1, 'axios')] },
    { name: 'a web app\'s own lib folder outside a web root is judged', filename: '/ws/apps/web/lib/x.js', code: "require('left-pad');\n", errors: [undeclared(1, 'left-pad')] },
    { name: 'dist/ with no source is judged', filename: '/ws/dist/main.js', code: "require('axios');\n", errors: [undeclared(1, 'axios')] },
    { name: 'the dotted config the tool reads is judged', filename: '/ws/.eslintrc.cjs', code: ESLINTRC, errors: [undeclared(1, 'eslint-config-etherpad/patch/modern-module-resolution')] },
    { name: 'a module whose name only contains a config name is judged', filename: '/ws/src/loadEslintrc.js', code: ESLINTRC, errors: [undeclared(1, 'eslint-config-etherpad/patch/modern-module-resolution')] },
  ],
});

test('every row of FRAMEWORK_PROVIDED has examples here', () => assert.equal(ROWS.length, FRAMEWORK_PROVIDED.length));
