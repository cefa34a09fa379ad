import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule as migrations } from '../../core/src/rules/admin-processes/migrations-at-startup';
import { rule as sigterm } from '../../core/src/rules/disposability/missing-sigterm-handler';
import { rule as port } from '../../core/src/rules/port-binding/hardcoded-port';
import type { Rule } from '../../core/src/rules/types';
import { findings } from '../fixtures/workspace/harness';

// Audit cases (audit/verdicts.tsv): code the project keeps but never runs as one of its programs. Each class
// has a valid case (not reported) and the same code where it runs (reported).
const ids = (rule: Rule, file: string, code: string, files: Record<string, string> = {}) =>
  findings(rule, file, code, { files }).map((f) => f.ruleId);

const SERVER = "import express from 'express';\nimport { sequelize } from './models';\nconst app = express();\nsequelize.sync().then(() => {\n  app.listen(3000);\n});\n";
const RULES: Array<[string, Rule]> = [['missing-sigterm-handler', sigterm], ['migrations-at-startup', migrations], ['hardcoded-port', port]];

describe('process rules: snippets shown or served, never run (audit: juice-shop data/static/codefixes)', () => {
  for (const [name, rule] of RULES) {
    test(`${name}: valid under static/ and snippets/`, () => {
      assert.deepEqual(ids(rule, '/ws/data/static/codefixes/challenge_1.ts', SERVER), []);
      assert.deepEqual(ids(rule, '/ws/snippets/ping.js', SERVER), []);
    });
    test(`${name}: invalid in the program's own data/ module`, () => {
      assert.equal(ids(rule, '/ws/data/server.ts', SERVER).length, 1);
    });
  }
});

describe('process rules: committed build output is judged at its source (audit: nestjs-realworld dist/main.js)', () => {
  const nest = "const core_1 = require('@nestjs/core');\nasync function bootstrap() {\n  const app = await core_1.NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n";
  for (const [name, rule] of RULES.filter(([n]) => n !== 'migrations-at-startup')) {
    test(`${name}: valid in dist/main.js beside src/main.ts`, () => {
      assert.deepEqual(ids(rule, '/ws/dist/main.js', nest, { '/ws/src/main.ts': 'bootstrap();\n' }), []);
    });
    test(`${name}: invalid in dist/main.js when no source is kept (it is the program)`, () => {
      assert.equal(ids(rule, '/ws/dist/main.js', nest).length, 1);
    });
  }
});

describe('process rules: modules of a package under node_modules/ run inside the program that loads them (audit: node-red)', () => {
  const tcp = "const net = require('net');\nmodule.exports = function (RED) {\n  const server = net.createServer(handle);\n  server.listen(RED.settings.port);\n};\n";
  const pkg = { '/ws/packages/node_modules/@x/nodes/package.json': JSON.stringify({ name: '@x/nodes' }) };
  test('valid: a node the runtime loads', () => {
    assert.deepEqual(ids(sigterm, '/ws/packages/node_modules/@x/nodes/core/tcpin.js', tcp, pkg), []);
  });
  test("invalid: the package's bin is a program", () => {
    const bin = { '/ws/packages/node_modules/@x/nodes/package.json': JSON.stringify({ name: '@x/nodes', bin: { nodes: 'core/tcpin.js' } }) };
    assert.deepEqual(ids(sigterm, '/ws/packages/node_modules/@x/nodes/core/tcpin.js', tcp, bin), ['disposability/missing-sigterm-handler']);
  });
});

describe('process rules: vendored copies', () => {
  test('valid: a server in a vendored library; invalid: the same in the app', () => {
    const code = "const http = require('http');\nhttp.createServer(handler).listen(process.env.PORT);\n";
    assert.deepEqual(ids(sigterm, '/ws/vendor/devserver/index.js', code), []);
    assert.deepEqual(ids(sigterm, '/ws/server/index.js', code), ['disposability/missing-sigterm-handler']);
  });
});

describe("process rules: scripts in a package's examples folder (audit held-out 3: anything-llm aibitat/example/websocket)", () => {
  const files = { '/ws/server/package.json': '{"name":"server"}' };
  for (const [name, rule] of RULES) {
    test(`${name}: valid under server/…/example/`, () => {
      assert.deepEqual(ids(rule, '/ws/server/agents/example/websocket/chat.js', SERVER, files), []);
    });
    test(`${name}: invalid when the example folder is a service of its own (a Dockerfile)`, () => {
      assert.equal(ids(rule, '/ws/server/agents/example/websocket/chat.js', SERVER, { ...files, '/ws/server/agents/example/websocket/Dockerfile': 'FROM node' }).length, 1);
    });
  }
});

describe("process rules: the repository's developer tooling (held-out 7: a hand-run forwarder under dev/)", () => {
  for (const [name, rule] of RULES) {
    test(`${name}: valid under the root's dev/ and tools/`, () => {
      assert.deepEqual(ids(rule, '/ws/dev/forwarder.ts', SERVER), []);
      assert.deepEqual(ids(rule, '/ws/tools/mock-api/server.ts', SERVER), []);
    });
    test(`${name}: invalid where the Dockerfile starts it`, () => {
      assert.equal(ids(rule, '/ws/dev/forwarder.ts', SERVER, { '/ws/Dockerfile': 'FROM node:22\nCMD ["node", "dev/forwarder.js"]\n' }).length, 1);
    });
  }
});
