// Stop 27 (issue 10): a one-off web installer's session (NodeBB's install/web.js), started before the app exists and
// stopped after one setup, is not the app's session state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { rule } from '../../../../core/src/rules/processes/in-memory-session';

const RULE = 'processes/in-memory-session';
const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\nconst web = module.exports;\n";
const found = (file: string, body: string) => analyze(new FileContext(file, HEAD + body), { config: defaultConfig(), rules: [rule] }).findings.map((f) => f.messageId);
const INSTALL = "web.install = async function (port) {\n  app.use(session({ secret: 'x', resave: false }));\n  app.listen(port);\n};\n";

test(`${RULE}: a session set up in the installer function of an install/ folder is not reported`, () => {
  assert.deepEqual(found('/ws/install/web.js', INSTALL), []);
  assert.deepEqual(found('/ws/src/installer/server.js', "function runInstaller() {\n  app.use(session({ secret: 'x' }));\n}\n"), []);
});

test(`${RULE}: the same session in the app, or outside the install function, is reported`, () => {
  assert.deepEqual(found('/ws/src/web.js', INSTALL), ['defaultMemoryStore']);
  assert.deepEqual(found('/ws/install/web.js', "web.start = function () {\n  app.use(session({ secret: 'x' }));\n};\n"), ['defaultMemoryStore']);
});
