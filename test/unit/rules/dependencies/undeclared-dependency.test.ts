import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FRAMEWORK_PROVIDED, rule } from '../../core/src/rules/dependencies/undeclared-dependency';
import { summary } from '../fixtures/workspace/harness';

// Cases from the audit set (audit/verdicts.tsv): each was a false positive on a real application.
const manifest = (deps: Record<string, string>) => ({ '/ws/package.json': JSON.stringify({ name: 'app', dependencies: deps }) });
const names = (file: string, code: string, files: Record<string, string>) => summary(rule, file, code, { files }).map((s) => s[2]);

describe('undeclared-dependency: imports TypeScript erases are no dependency (audit: Nest controllers)', () => {
  const files = manifest({ '@nestjs/common': '^10.0.0' });
  test('valid: names used only as types', () => {
    const code = [
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
    assert.deepEqual(names('/ws/src/a.controller.ts', code, files), []);
  });
  test('invalid: the same import used as a value, a base class, a JSX tag or a side effect', () => {
    const code = [
      "import { Router } from 'express';",
      "import { Base } from 'base-lib';",
      "import { Widget } from 'widgets';",
      "import 'reflect-metadata';",
      'export const r = Router();',
      'export class B extends Base<string> {}',
      'export const w = <Widget />;',
      '',
    ].join('\n');
    assert.deepEqual(names('/ws/src/b.tsx', code, files), ["'express'", "'base-lib'", "'widgets'", "'reflect-metadata'"]);
  });
  test('invalid: in JavaScript an import always loads', () => {
    assert.deepEqual(names('/ws/src/c.js', "import { Request } from 'express';\nexport default 1;\n", files), ["'express'"]);
  });
});

describe('undeclared-dependency: packages a framework provides are one table (audit: wg-easy on Nuxt)', () => {
  const rows: Array<{ framework: string; provided: string; notProvided: string }> = [
    { framework: 'nuxt', provided: 'h3', notProvided: 'express' },
    { framework: '@nuxtjs/i18n', provided: '@intlify/h3', notProvided: '@formatjs/intl' },
  ];
  test('every row of FRAMEWORK_PROVIDED has examples here', () => assert.equal(rows.length, FRAMEWORK_PROVIDED.length));
  for (const { framework, provided, notProvided } of rows) {
    const code = `import { a } from '${provided}';\nimport { b } from '${notProvided}';\nexport default [a, b];\n`;
    test(`${framework}: provides ${provided}, not ${notProvided}`, () => {
      assert.deepEqual(names('/ws/server/api/x.js', code, manifest({ [framework]: '^3.0.0' })), [`'${notProvided}'`]);
    });
    test(`${framework}: without the framework, ${provided} is undeclared`, () => {
      assert.deepEqual(names('/ws/server/api/x.js', code, manifest({})), [`'${provided}'`, `'${notProvided}'`]);
    });
  }
});

describe('undeclared-dependency: code the project keeps but did not write', () => {
  const files = manifest({});
  const umd = "(function (root, factory) {\n  if (typeof define === 'function' && define.amd) define(['jquery'], factory);\n  else if (typeof exports === 'object') module.exports = factory(require('jquery'));\n})(this, function ($) {});\n";
  test('valid: vendored folders, Yarn bundles, UMD libraries copied in', () => {
    assert.deepEqual(names('/ws/public/js/vendor/cm/merge.js', "require('diff_match_patch');\n", files), []);
    assert.deepEqual(names('/ws/.yarn/plugins/dedupe.cjs', "require('@yarnpkg/shell');\n", files), []);
    assert.deepEqual(names('/ws/public/js/dropzone.js', umd, files), []);
    const browserify = '(function e(t,n,r){function s(o,u){if(!n[o]){var a=typeof require=="function"&&require;}}})({1:[function(require,module,exports){\nvar split = require(\'browser-split\');\n}]});\n';
    assert.deepEqual(names('/ws/www/common/hyperscript.js', browserify, files), []);
  });
  test('invalid: the app\'s own browser code still counts', () => {
    assert.deepEqual(names('/ws/media/js/util/message.js', "if (typeof exports !== 'undefined') { var _ = require('underscore'); }\n", files), ["'underscore'"]);
  });
});

describe('undeclared-dependency: the project\'s own folders and aliases', () => {
  test('valid: a baseUrl folder holding index.d.ts (taxonomy: `from "types"`)', () => {
    const files = { ...manifest({}), '/ws/tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }', '/ws/types/index.d.ts': 'export type A = 1;\n' };
    assert.deepEqual(names('/ws/components/nav.tsx', "import { A } from 'types';\nexport const a: A = 1; console.log(A);\n", files), []);
  });
  test('valid: a Vite alias written as a regular expression (zwave-js-ui: `/^@server\\/(.+)/`)', () => {
    const files = { ...manifest({}), '/ws/vite.config.mjs': "export default { resolve: { alias: [{ find: /^@server\\/(.+)/, replacement: 'api/$1' }] } };\n" };
    assert.deepEqual(names('/ws/src/mixins/x.js', "import { a } from '@server/lib';\nexport default a;\n", files), []);
  });
  test('invalid: a path that merely contains the name is no alias', () => {
    const files = { ...manifest({}), '/ws/vite.config.mjs': "export default { resolve: { alias: { '@': '/src/lodash/' } } };\n" };
    assert.deepEqual(names('/ws/src/x.js', "import merge from 'lodash';\nexport default merge;\n", files), ["'lodash'"]);
  });
});

describe('undeclared-dependency: an import TypeScript drops because nothing uses it (audit: nestjs-realworld)', () => {
  const files = manifest({ '@nestjs/common': '^10.0.0' });
  const code = "import { Controller } from '@nestjs/common';\nimport { Request } from 'express';\n@Controller()\nexport class A {}\n";
  test('valid: a named import never used is erased by tsc', () => {
    assert.deepEqual(names('/ws/src/a.controller.ts', code, files), []);
  });
  test('invalid: a tsconfig that keeps imports as written (verbatimModuleSyntax, importsNotUsedAsValues: preserve) loads it', () => {
    for (const options of [{ verbatimModuleSyntax: true }, { importsNotUsedAsValues: 'preserve' }, { preserveValueImports: true }]) {
      const kept = { ...files, '/ws/tsconfig.json': JSON.stringify({ compilerOptions: options }) };
      assert.deepEqual(names('/ws/src/a.controller.ts', code, kept), ["'express'"], JSON.stringify(options));
    }
  });
});

describe('undeclared-dependency: aliases in a config the build scripts name (audit: wiki, `webpack --config dev/webpack/…`)', () => {
  const webpack = "module.exports = { resolve: { alias: { 'gql': path.join(process.cwd(), 'client/graph'), 'modernizr$': path.resolve('client/.modernizrrc.js') } } };\n";
  const code = "import a from 'gql/admin/x.gql';\nimport 'modernizr';\nexport default a;\n";
  test('valid: the config passed with --config holds the aliases', () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'app', scripts: { build: 'cross-env X=1 webpack --profile --config dev/webpack/webpack.prod.js' }, dependencies: {} }),
      '/ws/dev/webpack/webpack.prod.js': webpack,
    };
    assert.deepEqual(names('/ws/client/index-app.js', code, files), []);
  });
  test('invalid: the same config that no script names declares nothing', () => {
    const files = { '/ws/package.json': JSON.stringify({ name: 'app', scripts: { build: 'webpack' }, dependencies: {} }), '/ws/dev/webpack/webpack.prod.js': webpack };
    assert.deepEqual(names('/ws/client/index-app.js', code, files), ["'gql/admin/x.gql'", "'modernizr'"]);
  });
});

describe('undeclared-dependency: a library copied under a web root, and build output (audit: cryptpad www/lib/pdfjs)', () => {
  const files = manifest({});
  test('valid: www/lib/… and public/libs/… are vendored copies', () => {
    assert.deepEqual(names('/ws/www/lib/pdfjs/web/debugger.mjs', "import { x } from 'pdfjs-lib';\nx();\n", files), []);
    assert.deepEqual(names('/ws/public/libs/markdownit.js', "require('punycode');\n", files), []);
  });
  test('valid: dist/main.js beside src/main.ts is judged at its source', () => {
    const withSource = { ...files, '/ws/src/main.ts': "import axios from 'axios';\naxios();\n" };
    assert.deepEqual(names('/ws/dist/main.js', "const axios = require('axios');\naxios();\n", withSource), []);
    assert.deepEqual(names('/ws/src/main.ts', "import axios from 'axios';\naxios();\n", withSource), ["'axios'"]);
  });
  test('invalid: a web app\'s own lib folder outside a web root, and dist/ with no source, are judged', () => {
    assert.deepEqual(names('/ws/apps/web/lib/x.js', "require('left-pad');\n", files), ["'left-pad'"]);
    assert.deepEqual(names('/ws/dist/main.js', "require('axios');\n", files), ["'axios'"]);
  });
});
