// Scaffolds that compose with what the project has: the shutdown module wired into the server entry (so
// the SIGTERM finding goes away), modules that take the language of the file already there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { appliedPlan, planFor, sigtermFindings as findingsIn } from './scaffold-fixtures';

const plan = planFor;
const applied = appliedPlan;
const sigtermFindings = (files: Record<string, string>, file: string) => findingsIn(files, file, (f) => /\.[cm]?[jt]s$/.test(f));

const PKG = JSON.stringify({ name: 'app', dependencies: { express: '^4.0.0' } });

describe('graceful shutdown is wired into the server entry', () => {
  const shapes: Array<[string, string, RegExp]> = [
    ['a bare app.listen() gets a name', "import express from 'express';\n\nconst app = express();\napp.listen(3000);\n", /const server = app\.listen\(3000\);\ngracefulShutdown\(server\);/],
    ['const server = app.listen()', "import express from 'express';\nconst app = express();\nconst server = app.listen(3000, () => {});\n", /\}\);\ngracefulShutdown\(server\);/],
    ['inside a function, indented', "import express from 'express';\nexport function start() {\n  const app = express();\n  const srv = app.listen(3000);\n  return srv;\n}\n", /\n  const srv = app\.listen\(3000\);\n  gracefulShutdown\(srv\);\n/],
  ];
  for (const [name, server, expected] of shapes) {
    test(name, async () => {
      const files = { 'package.json': PKG, 'tsconfig.json': '{}', 'src/server.ts': server };
      assert.equal(sigtermFindings(files, 'src/server.ts'), 1, 'the finding the scaffold answers');
      const p = await plan('gracefulShutdown', files);
      assert.equal(p.edits?.length, 1, 'one edit, to the server file');
      const after = applied(files, p);
      assert.match(after['src/server.ts'], /^import express from 'express';\nimport \{ gracefulShutdown \} from '\.\/shutdown';\n/);
      assert.match(after['src/server.ts'], expected);
      assert.equal(sigtermFindings(after, 'src/server.ts'), 0, 'the finding goes away');
      assert.match(p.notes[0], /^Wired into src\/server\.ts/);
    });
  }
  test('CommonJS JavaScript: a require line after the requires', async () => {
    const files = { 'package.json': PKG, 'index.js': "'use strict';\nconst express = require('express');\nconst app = express();\napp.listen(process.env.PORT);\n" };
    const after = applied(files, await plan('gracefulShutdown', files));
    assert.match(after['index.js'], /require\('express'\);\nconst \{ gracefulShutdown \} = require\('\.\/shutdown'\);\n/);
    assert.equal(sigtermFindings(after, 'index.js'), 0);
  });
  test('a shape it cannot name (http.createServer(app).listen()) is left to the note', async () => {
    const files = { 'package.json': PKG, 'server.js': "const http = require('http');\nhttp.createServer(app).listen(8080);\n" };
    const p = await plan('gracefulShutdown', files);
    assert.equal(p.edits, undefined);
    assert.match(p.notes[0], /^Wire it/);
  });
});

describe('a generated module takes the language of the module already there', () => {
  test('never src/config.js beside src/config.ts: the plan targets src/config.ts, in TypeScript', async () => {
    // More JavaScript than TypeScript and no tsconfig: a JavaScript project by count.
    const files = { 'package.json': PKG, 'src/a.js': 'process.env.A;\n', 'src/b.js': 'process.env.B;\n', 'src/config.ts': 'export const config = {};\n' };
    const p = await plan('configModule', files);
    assert.deepEqual(p.files.map((f) => f.path), ['src/config.ts']);
    assert.match(p.files[0].content, /export interface Config \{/);
  });
  test('and a JavaScript one in a TypeScript project stays JavaScript', async () => {
    const files = { 'package.json': PKG, 'tsconfig.json': '{}', 'src/a.ts': 'process.env.A;\n', 'src/logger.js': 'module.exports = {};\n' };
    const p = await plan('logger', files);
    assert.deepEqual(p.files.map((f) => f.path), ['src/logger.js']);
    assert.doesNotMatch(p.files[0].content, /: string/);
  });
});

import * as vm from 'node:vm';
import { rules as allRules } from '../../core/src/rules';
import type { FileHost } from '../../core/src/host';

/** The env rules on one file of the project, reading the other files from the same map. */
function envFindings(files: Record<string, string>, file: string): string[] {
  const host: FileHost = { readFile: (p) => files[p.replace(/^\/p\//, '')], rootOf: () => '/p' };
  const envRules = allRules.filter((r) => r.meta.id.startsWith('env/'));
  return analyze(new FileContext(`/p/${file}`, files[file]), { config: defaultConfig(), rules: envRules, host, relativePath: file }).findings
    .map((f) => `${f.ruleId}:${f.messageId}:${f.range.start.line + 1}`);
}

const CODE = [
  "const port = Number(process.env.PORT || '70000');",
  "const level = process.env.LOG_LEVEL || 'verbose';",
  'const db = process.env.DATABASE_URL;',
  'const secret = process.env.SESSION_SECRET;',
  'const feature = process.env.NEW_FLAG;',
  'export { port, level, db, secret, feature };',
].join('\n');
const SCHEMA = [
  'allowUnknown: false',
  'variables:',
  '  PORT: { type: port, default: 3000 }',
  '  LOG_LEVEL: { type: enum, values: [debug, info, warn, error], default: info }',
  '  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres, postgresql] }',
  '  SESSION_SECRET: { type: string, minLength: 32, secret: true }',
  '  REGION: { type: string, default: eu-west-1 }',
  '',
].join('\n');

describe('the env scaffolds compose with the files already there', () => {
  test('.env.example from code validates against an existing .env.schema.yaml', async () => {
    const files: Record<string, string> = { 'package.json': PKG, 'src/app.js': CODE, '.env.schema.yaml': SCHEMA };
    const p = await plan('envExample', files);
    const example = p.files[0].content;
    assert.match(example, /^PORT=3000$/m, 'the schema\'s default, not the code\'s out-of-range fallback');
    assert.match(example, /^LOG_LEVEL=info$/m);
    assert.match(example, /^REGION=eu-west-1$/m, 'a variable the schema declares and the code does not read yet');
    assert.match(example, /^# NEW_FLAG=$/m, 'an undeclared variable only as a comment');
    assert.match(p.notes.join(' '), /Declare NEW_FLAG in \.env\.schema\.yaml/);
    assert.deepEqual(envFindings({ ...files, '.env.example': example }, '.env.example'), []);
    // Copied to .env and filled in where it is empty, it passes as well.
    const env = example.replace(/^(DATABASE_URL)=$/m, '$1=postgres://db/app').replace(/^(SESSION_SECRET)=$/m, `$1=${'x'.repeat(32)}`);
    assert.deepEqual(envFindings({ ...files, '.env.example': example, '.env': env }, '.env'), []);
  });

  test('the schema from code validates an existing .env.example (copied to .env)', async () => {
    const example = 'PORT=8080\nLOG_LEVEL=verbose\nDATABASE_URL=mysql://localhost/app\nSESSION_SECRET=\nNEW_FLAG=on\nLEGACY_KEY=abc\n';
    const files: Record<string, string> = { 'package.json': PKG, 'src/app.js': CODE, '.env.example': example };
    const schema = (await plan('envSchema', files)).files[0].content;
    assert.match(schema, /LEGACY_KEY: +\{ type: string \}/, 'the example\'s other keys are declared');
    const withSchema = { ...files, '.env.schema.yaml': schema, '.env': example.replace('SESSION_SECRET=', 'SESSION_SECRET=s3cr3t-value') };
    assert.deepEqual(envFindings(withSchema, '.env').filter((f) => !f.startsWith('env/unordered-key')), []);
  });

  test('the config module checks what the schema says: minLength, enum values, URL protocols', async () => {
    const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'app' }), 'src/app.js': CODE, '.env.schema.yaml': SCHEMA };
    const p = await plan('configModule', files);
    const code = p.files[0].content;
    assert.match(code, /textOf\(\{ minLength: 32 \}\)/);
    assert.match(code, /oneOf\(\['debug', 'info', 'warn', 'error'\]\)/);
    assert.match(code, /url\(\['postgres', 'postgresql'\]\)/);
    const load = (env: Record<string, string>) => {
      const mod = { exports: {} as Record<string, unknown> };
      vm.runInNewContext(code, { module: mod, exports: mod.exports, require, process: { env }, URL, console }, { filename: 'config.js' });
      return mod.exports;
    };
    const good = { DATABASE_URL: 'postgres://db/app', SESSION_SECRET: 'x'.repeat(32), NEW_FLAG: 'yes' };
    assert.ok(load(good).config);
    assert.throws(() => load({ ...good, SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32 characters long\n|SESSION_SECRET: must be at least 32 characters long$/);
    assert.throws(() => load({ ...good, LOG_LEVEL: 'verbose' }), /LOG_LEVEL: must be one of debug, info, warn, error/);
    assert.throws(() => load({ ...good, DATABASE_URL: 'mysql://db/app' }), /DATABASE_URL: must be a postgres or postgresql URL/);
    assert.ok(!/short/.test(String((() => { try { load({ ...good, SESSION_SECRET: 'short' }); } catch (e) { return e; } })())), 'a secret is never echoed');
  });
});
