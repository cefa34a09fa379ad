// undeclared-dependency (its audit cases and the tester's tables: test/unit/rules/dependencies/); missing-lockfile's
// own cases are test/unit/rules/dependencies/missing-lockfile.test.ts.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { rule as lockfileRule } from '../../core/src/rules/dependencies/missing-lockfile';
import ts = require('typescript');
import { packageOf, rule, runtimeSpecifiers, textSpecifiers } from '../../core/src/rules/dependencies/undeclared-dependency';
import { findings, summary } from '../fixtures/workspace/harness';

const RULE = 'dependencies/undeclared-dependency';

const pkg = (o: object) => JSON.stringify(o, null, 2);
const APP = { '/ws/package.json': pkg({ name: 'shop', dependencies: { express: '^4', lodash: '^4', '@aws-sdk/client-s3': '^3' }, devDependencies: { vitest: '^1' }, peerDependencies: { react: '*' }, optionalDependencies: { fsevents: '*' } }) };

describe(`${RULE}: package names`, () => {
  const cases: Array<[string, string | undefined]> = [
    ['lodash', 'lodash'], ['lodash/merge', 'lodash'], ['@scope/pkg', '@scope/pkg'], ['@scope/pkg/sub/path', '@scope/pkg'],
    ['./local', undefined], ['../up', undefined], ['/abs', undefined], ['node:fs', undefined], ['fs', undefined], ['fs/promises', undefined],
    ['#internal/x', undefined], ['virtual:pwa-register', undefined], ['bun:test', undefined], ['bun', undefined], ['~/components/x', undefined],
    ['@/lib/db', undefined], ['$lib/x', undefined], ['@theme/Layout', undefined], ['pkg/file.svg?raw', 'pkg'], ['JSONStream', 'JSONStream'],
  ];
  for (const [specifier, expected] of cases) test(`${specifier} → ${expected}`, () => assert.equal(packageOf(specifier), expected));
});

describe(`${RULE}: one package of a monorepo scanned alone`, () => {
  test("the workspace root's manifest above the scan root still declares (hoisted devDependencies, siblings)", () => {
    const files = {
      '/repo/.git/HEAD': 'ref: refs/heads/main\n',
      '/repo/package.json': pkg({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5' } }),
      '/repo/packages/api/package.json': pkg({ name: '@acme/api', dependencies: { express: '^4' } }),
      '/repo/packages/utils/package.json': pkg({ name: '@acme/utils' }),
    };
    const code = "import ts from 'typescript';\nimport express from 'express';\nimport { x } from '@acme/utils';\nimport axios from 'axios';\n";
    assert.deepEqual(summary(rule, '/repo/packages/api/src/a.js', code, { files, root: '/repo/packages/api' }).map(([id, line]) => [id, line]), [['undeclared', 4]]);
  });
});

describe(`${RULE}: the text pass that spares the parse finds every specifier the tree does`, () => {
  const code = [
    "import a from 'pkg-a'; import * as b from \"pkg-b\";",
    "import {\n  c,\n} from\n  'pkg-c';",
    "export * from 'pkg-d'; export { e } from 'pkg-e/sub';",
    "import f = require('pkg-f');",
    "const g = require ( 'pkg-g' ); const h = require.resolve('pkg-h');",
    "const i = await import(/* webpackChunkName: 'i' */ 'pkg-i'); const j = require(`pkg-j`);",
    "import 'pkg-k';",
    '}from"pkg-l"',
  ].join('\n');
  test('a superset of runtimeSpecifiers', () => {
    const tree = runtimeSpecifiers(ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest, true), true).map((s) => packageOf(s.text));
    const text = new Set(textSpecifiers(code).map(([name]) => name));
    assert.ok(tree.length >= 11, `the tree finds them: ${tree.join(', ')}`);
    for (const name of tree) assert.ok(text.has(name as string), `${name} found by the text pass`);
  });
});

describe(`${RULE}`, () => {
  const FILE = '/ws/src/app.js';
  test('invalid: undeclared import, require, dynamic import, re-export, subpath', () => {
    const code = [
      "import express from 'express';",
      "import axios from 'axios';",
      "const dayjs = require('dayjs');",
      "const { z } = await import('zod');",
      "export { thing } from 'left-pad';",
      "import merge from 'lodash/merge';",
      "import '@sentry/node/init';",
      '',
    ].join('\n');
    assert.deepEqual(summary(rule, FILE, code, { files: APP }), [
      ['undeclared', 2, "'axios'"],
      ['undeclared', 3, "'dayjs'"],
      ['undeclared', 4, "'zod'"],
      ['undeclared', 5, "'left-pad'"],
      ['undeclared', 7, "'@sentry/node/init'"],
    ]);
    assert.equal(findings(rule, FILE, code, { files: APP })[0].data.manifest, 'package.json');
  });
  test('valid: every dependency field, the package itself, builtins, relative and type-only imports', () => {
    const code = [
      "import express from 'express';",
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { describe } from 'vitest';",
      "import React from 'react';",
      "import shop from 'shop/utils';",
      "import fs from 'node:fs';",
      "import path from 'path';",
      "import { local } from './local';",
      "import type { Options } from 'some-types-only';",
      "import { type A, type B } from 'also-types';",
      "export type { C } from 'more-types';",
      "let f; try { f = require('optional-native'); } catch { f = null; }",
      "const maybe = import('maybe-there').catch(() => null);",
      "declare module 'ambient-module' { export const x: number; }",
      "import '#internal/setup';",
      '',
    ].join('\n');
    assert.deepEqual(summary(rule, '/ws/src/app.ts', code, { files: APP }), []);
  });
  test('nothing to judge without a host or without a package.json', () => {
    assert.deepEqual(summary(rule, FILE, "import axios from 'axios';\n", { noHost: true }), []);
    assert.deepEqual(summary(rule, FILE, "import axios from 'axios';\n", { files: {} }), []);
  });
  test('fixtures are sample projects; a project inside a folder named examples is still judged', () => {
    assert.deepEqual(summary(rule, '/ws/test/fixtures/app/src/a.ts', "import axios from 'axios';\n", { files: APP }), []);
    const files = { '/home/examples/shop/package.json': APP['/ws/package.json'] };
    assert.equal(summary(rule, '/home/examples/shop/src/a.js', "import axios from 'axios';\n", { files, root: '/home/examples/shop' }).length, 1);
    assert.equal(summary(lockfileRule, '/home/examples/shop/package.json', APP['/ws/package.json'], { files, root: '/home/examples/shop' }).length, 1);
  });
  test('an unsaved buffer (a relative name) reads nothing from the process\'s folder', () => {
    const files = { [path.join(process.cwd(), 'package.json')]: pkg({ name: 'elsewhere', dependencies: {} }) };
    assert.deepEqual(summary(rule, 'Untitled-1.ts', "import Stripe from 'stripe';\n", { files }), []);
    assert.deepEqual(summary(lockfileRule, 'package.json', pkg({ name: 'x', dependencies: { a: '1' } }), { files }), []);
  });
  test('declaration files are skipped', () => {
    assert.deepEqual(summary(rule, '/ws/src/types.d.ts', "import { X } from 'axios';\n", { files: APP }), []);
  });
  test('a `{ "type": "module" }` marker is not the manifest', () => {
    const files = { ...APP, '/ws/src/package.json': pkg({ type: 'module' }) };
    assert.deepEqual(summary(rule, FILE, "import express from 'express';\nimport axios from 'axios';\n", { files }), [['undeclared', 2, "'axios'"]]);
  });
  test('tsconfig paths (through extends) and baseUrl', () => {
    const files = {
      ...APP,
      '/ws/tsconfig.json': '{\n  // comments are allowed\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "baseUrl": "src", },\n}\n',
      '/ws/tsconfig.base.json': pkg({ compilerOptions: { paths: { '@app/*': ['src/*'], config: ['src/config/index.ts'] } } }),
      '/ws/src/services/mail.ts': 'export const send = () => {};\n',
    };
    const code = "import { db } from '@app/db';\nimport config from 'config';\nimport { send } from 'services/mail';\nimport nope from 'nope';\n";
    assert.deepEqual(summary(rule, FILE, code, { files }), [['undeclared', 4, "'nope'"]]);
  });
  test('tsconfig references (solution-style configs)', () => {
    const files = {
      ...APP,
      '/ws/tsconfig.json': pkg({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
      '/ws/tsconfig.app.json': pkg({ compilerOptions: { paths: { 'components/*': ['./src/components/*'] } } }),
    };
    assert.deepEqual(summary(rule, FILE, "import Button from 'components/Button';\nimport nope from 'nope';\n", { files }), [['undeclared', 2, "'nope'"]]);
  });
  test('bundler and jest aliases', () => {
    const files = {
      ...APP,
      '/ws/vite.config.ts': "export default { resolve: { alias: { components: '/src/components', '@shared': '/shared' } } };\n",
      '/ws/jest.config.js': "module.exports = { moduleNameMapper: { '^utils/(.*)$': '<rootDir>/src/utils/$1' } };\n",
    };
    const code = "import Button from 'components/Button';\nimport x from '@shared/x';\nimport u from 'utils/format';\nimport nope from 'nope';\n";
    assert.deepEqual(summary(rule, FILE, code, { files }), [['undeclared', 4, "'nope'"]]);
  });
  test("aliases in the base config that a script-named config merges in (easy-mock's build/webpack.base.config.js)", () => {
    const files = {
      '/ws/package.json': pkg({ name: 'app', dependencies: { express: '^4' }, scripts: { build: 'webpack --config build/webpack.client.config.js' } }),
      '/ws/build/webpack.client.config.js': "const merge = require('webpack-merge');\nconst base = require('./webpack.base.config');\nmodule.exports = merge(base, {});\n",
      '/ws/build/webpack.base.config.js': "module.exports = { resolve: { alias: { pages: resolve('../views/pages') } } };\n",
    };
    assert.deepEqual(summary(rule, '/ws/views/router.js', "import Home from 'pages/home';\nimport nope from 'nope';\n", { files }), [['undeclared', 2, "'nope'"]]);
  });
  test('vscode is provided to extensions', () => {
    const files = { '/ws/package.json': pkg({ name: 'ext', engines: { vscode: '^1.90.0' }, devDependencies: { '@types/vscode': '1.90.0' } }) };
    assert.deepEqual(summary(rule, FILE, "import * as vscode from 'vscode';\n", { files }), []);
  });

  describe('monorepo workspaces', () => {
    const files = {
      '/ws/package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5', vitest: '^1' } }),
      '/ws/packages/api/package.json': pkg({ name: '@acme/api', dependencies: { fastify: '^4' } }),
      '/ws/packages/ui-kit/package.json': pkg({ name: 'ui-kit' }),
      '/ws/packages/shared/package.json': pkg({ name: '@acme/shared' }),
    };
    const FILE_API = '/ws/packages/api/src/index.js';
    test('root devDependencies, sibling packages by name and by scope count', () => {
      const code = "import Fastify from 'fastify';\nimport { x } from '@acme/shared';\nimport kit from 'ui-kit';\nimport { it } from 'vitest';\nimport axios from 'axios';\n";
      assert.deepEqual(summary(rule, FILE_API, code, { files }), [['undeclared', 5, "'axios'"]]);
      const found = findings(rule, FILE_API, code, { files });
      assert.equal(found[0].data.manifest, 'packages/api/package.json');
    });
    test('a nested package outside the workspaces does not inherit the root\'s dependencies', () => {
      const f = { ...files, '/ws/functions/package.json': pkg({ name: 'functions', dependencies: { 'firebase-functions': '^4' } }) };
      assert.deepEqual(summary(rule, '/ws/functions/index.js', "const functions = require('firebase-functions');\nconst { it } = require('vitest');\n", { files: f }),
        [['undeclared', 2, "'vitest'"]]);
    });
    // Held-out 9 (nodecg): the monorepo's root entry point imports its workspace member by name.
    test('the root imports its own members by name under npm and Yarn node-modules, not under pnpm or Plug\'n\'Play', () => {
      const code = "import kit from 'ui-kit';\nimport { x } from '@acme/shared';\n";
      const both = [['undeclared', 1, "'ui-kit'"], ['undeclared', 2, "'@acme/shared'"]];
      assert.deepEqual(summary(rule, '/ws/index.js', code, { files }), []);
      assert.deepEqual(summary(rule, '/ws/index.js', code, { files: { ...files, '/ws/.yarnrc.yml': 'nodeLinker: node-modules\n' } }), []);
      assert.deepEqual(summary(rule, '/ws/index.js', code, { files: { ...files, '/ws/.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.js\n' } }), both);
      assert.deepEqual(summary(rule, '/ws/index.js', code, { files: { ...files, '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" } }), both);
    });
    // Held-out 9 (Tiledesk): a nested package's files are required by path from the app around it.
    test('a nested package the outer app loads by path resolves what the outer app declares', () => {
      const app = {
        '/ws/package.json': pkg({ name: 'server', dependencies: { express: '^4', mongoose: '^8' } }),
        '/ws/channels/chat/package.json': pkg({ name: '@acme/chat-app', dependencies: { winston: '^3' } }),
        '/ws/channels/chat/lib/util.js': "module.exports = 1;\n",
        '/ws/channels/manager.js': "const hook = require('../channels/chat/hook');\nmodule.exports = hook;\n",
      };
      const code = "const express = require('express');\nconst winston = require('winston');\nconst axios = require('axios');\nconst u = require('./lib/util');\n";
      assert.deepEqual(summary(rule, '/ws/channels/chat/hook.js', code, { files: app }), [['undeclared', 3, "'axios'"]]);
      const unloaded = { ...app, '/ws/channels/manager.js': "module.exports = require('./other');\n" };
      assert.deepEqual(summary(rule, '/ws/channels/chat/hook.js', code, { files: unloaded }),
        [['undeclared', 1, "'express'"], ['undeclared', 3, "'axios'"]]);
    });
    test('pnpm-workspace.yaml', () => {
      const f = { ...files, '/ws/package.json': pkg({ name: 'root', private: true, devDependencies: { vitest: '^1' } }), '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" };
      assert.deepEqual(summary(rule, FILE_API, "import { it } from 'vitest';\nimport kit from 'ui-kit';\n", { files: f }), []);
    });
  });
});
