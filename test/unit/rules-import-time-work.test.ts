import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rule } from '../../core/src/rules/disposability/import-time-work';
import { findings, summary } from '../fixtures/workspace/harness';

const RULE = 'disposability/import-time-work';
const FILE = '/ws/src/server.ts';

const invalid: Array<[string, string, Array<[string, number, string]>]> = [
  ['execSync at module level', "import { execSync } from 'child_process';\nconst commit = execSync('git rev-parse HEAD').toString().trim();\n", [['syncCommand', 2, 'execSync']]],
  ['spawnSync inside a top-level block', "const cp = require('child_process');\nif (process.env.WARM) {\n  cp.spawnSync('python', ['warm.py']);\n}\n", [['syncCommand', 3, 'spawnSync']]],
  ['execFileSync', "import { execFileSync } from 'node:child_process';\nexport const version = execFileSync('node', ['--version'], { encoding: 'utf8' });\n", [['syncCommand', 2, 'execFileSync']]],
  ['top-level await fetch in a server module', "import express from 'express';\nconst flags = await fetch('https://flags.internal/all').then((r) => r.json());\nconst app = express();\napp.listen(process.env.PORT);\n", [['awaitNetwork', 2, 'fetch']]],
  ['top-level await axios in a server module', "import axios from 'axios';\nimport express from 'express';\nconst { data } = await axios.get('https://config.internal');\nexpress().listen(process.env.PORT);\n", [['awaitNetwork', 3, 'axios.get']]],
];

const valid: Array<[string, string]> = [
  ['inside a function', "import { execSync } from 'child_process';\nexport function commit() {\n  return execSync('git rev-parse HEAD').toString();\n}\n"],
  ['inside a handler', "import { execSync } from 'child_process';\napp.get('/v', (req, res) => res.send(execSync('git describe')));\n"],
  ['asynchronous exec at module level', "import { exec } from 'child_process';\nexec('git rev-parse HEAD', (e, out) => {});\n"],
  ['top-level await outside a server module (a script or a library)', "const res = await fetch('https://example.org');\nexport const data = await res.json();\n"],
  ['awaiting a database connection is start-up, not network fetching', "import express from 'express';\nawait db.connect();\nexpress().listen(process.env.PORT);\n"],
  ['class bodies', "import { execSync } from 'child_process';\nclass Git {\n  head = execSync('git rev-parse HEAD');\n}\n"],
];

describe(`${RULE}`, () => {
  for (const [name, code, expected] of invalid) test(`invalid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), expected));
  for (const [name, code] of valid) test(`valid: ${name}`, () => assert.deepEqual(summary(rule, FILE, code), []));
  test('valid: build configuration of static-site and app frameworks runs at build time', () => {
    const code = "const { execSync } = require('child_process');\nconst commit = execSync('git rev-parse --short HEAD').toString();\nmodule.exports = { siteMetadata: { commit } };\n";
    for (const file of ['/ws/gatsby-config.js', '/ws/gatsby-node.ts', '/ws/.eleventy.js', '/ws/quasar.conf.js', '/ws/nuxt.config.ts']) assert.deepEqual(summary(rule, file, code), [], file);
    assert.deepEqual(summary(rule, '/ws/src/app-config.js', code).length, 1, 'an app module named like a config is still the app');
  });
  test('findings are informational', () => {
    assert.equal(findings(rule, FILE, "import { execSync } from 'child_process';\nexecSync('make');\n")[0].severity, 'info');
  });
  test('scripts, build config, CLIs and tests are left alone', () => {
    const code = "import { execSync } from 'child_process';\nexecSync('git rev-parse HEAD');\n";
    for (const file of ['/ws/scripts/release.ts', '/ws/next.config.js', '/ws/test/x.test.ts']) assert.deepEqual(summary(rule, file, code), [], file);
    assert.deepEqual(summary(rule, FILE, `#!/usr/bin/env node\n${code}`), []);
  });
});
