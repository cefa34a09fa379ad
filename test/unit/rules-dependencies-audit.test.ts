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
