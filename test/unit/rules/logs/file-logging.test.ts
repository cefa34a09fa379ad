import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { isCandidate, rule } from '../../../../core/src/rules/logs/file-logging';
import { FRAMEWORK_LOGS } from '../../../../core/src/rules/logs/file-logging-frameworks';
import { ROTATING_STREAMS } from '../../../../core/src/rules/logs/file-logging-streams';
import { analysis, findings } from '../../../fixtures/workspace/harness';
import { RuleTester } from '../ruleTester';
import { AUDIT_INVALID, AUDIT_VALID, INVALID, VALID, W } from './file-logging/detection';
import { AUDIT_FIXES, FIXES, NO_FIX } from './file-logging/fixes';
import { OTHER_INVALID, OTHER_VALID, ROWS } from './file-logging/others';

// Logs written to local files. The cases live beside this file by theme (./file-logging/): what is flagged,
// the quick fix "Log to stdout" (fix-all applies it: each case states the fixed file), and configuration held
// as data, rotating-file libraries and temporary captures.
const RULE = rule.meta.id;
const ALL_INVALID = [...INVALID, ...AUDIT_INVALID, ...FIXES, ...AUDIT_FIXES, ...NO_FIX, ...OTHER_INVALID];

new RuleTester({ filename: '/ws/src/app.ts' }).run(rule, {
  valid: [
    ...VALID,
    ...AUDIT_VALID,
    ...OTHER_VALID,
    { name: 'suppression comment', code: `${W}// twelve-factor-disable-next-line ${RULE} -- the audit log must stay on disk\nconst t = new winston.transports.File({ filename: 'audit.log' });` },
    { name: 'test code is not reported by default', filename: '/ws/test/logger.test.ts', code: `${W}const t = new winston.transports.File({ filename: 'x.log' });` },
  ],
  invalid: ALL_INVALID,
});

test(`${RULE}: testFiles.severity reports test code at that level`, () => {
  const config = { ...defaultConfig(), testFiles: { severity: 'info' as const } };
  const found = analyze(new FileContext('/ws/test/logger.test.ts', `${W}const t = new winston.transports.File({ filename: 'x.log' });`), { rules: [rule], config }).findings;
  assert.deepEqual(found.map((f) => f.severity), ['info']);
});

test(`${RULE}: every fix is "Log to stdout"`, () => {
  for (const c of ALL_INVALID) {
    const result = analysis(rule, c.filename ?? '/ws/src/app.ts', c.code, c);
    for (const fix of [...result.fixes.values()].flat()) {
      assert.equal(fix.kind === 'edit' && fix.id, 'log-to-stdout', c.name);
      assert.match(fix.kind === 'edit' ? fix.title : '', /^Log to stdout/, c.name);
    }
  }
  const pretty = OTHER_INVALID.find((c) => c.name.startsWith('pino-pretty to a file'));
  assert.ok(pretty);
  const result = analysis(rule, '/ws/src/app.ts', pretty.code);
  const fix = result.fixes.get(result.findings[1])?.[0];
  assert.equal(fix?.kind === 'edit' && fix.title, 'Log to stdout: destination 1');
});

test(`${RULE}: every row of ROTATING_STREAMS has examples here`, () => assert.equal(ROWS.length, ROTATING_STREAMS.length));

test(`${RULE}: JSON that does not parse gives at most one finding`, () => {
  assert.ok(findings(rule, '/ws/config/bad.json', '{ "appenders": { "a": { "type": "file", "filename": "a.log" ').length <= 1);
});

test(`${RULE}: cost: a file without logging keywords is not parsed`, () => {
  const context = new FileContext('/ws/src/server.ts', "import express from 'express';\nconst app = express();\nconsole.log('listening');\napp.listen(3000);\n");
  assert.deepEqual(analyze(context, { rules: [rule] }).findings, []);
  assert.equal(context.hasSourceFile, false);
});

test(`${RULE}: cost: a keyword inside another word is not enough to parse (spinoff ⊃ pino)`, () => {
  const context = new FileContext('/ws/src/jobs.ts', 'export function spinoff(job: Job) { return job.spinOff(); }\n');
  analyze(context, { rules: [rule] });
  assert.equal(context.hasSourceFile, false);
});

test(`${RULE}: cost: writeFile without an append flag is not parsed`, () => {
  const context = new FileContext('/ws/scripts/build.ts', "import { writeFileSync } from 'fs';\nwriteFileSync('dist/out.json', data);\n");
  analyze(context, { rules: [rule] });
  assert.equal(context.hasSourceFile, false);
  assert.equal(isCandidate("fs.writeFileSync('a.log', d, { flag: 'a' })"), true);
});

// A file stream or an append of `fs` is found only through an import of `fs` (or fs-extra, graceful-fs): a bundle
// whose `fs` is a polyfill object (mocha.js, 700 KB) is not parsed for it. The RuleTester runs every case both ways.
test(`${RULE}: cost: createWriteStream or appendFile without an import of fs is not parsed; with one, it is`, () => {
  const polyfill = "var fs = {};\nReporter.prototype.open = function (output) {\n  this.fileStream = fs.createWriteStream(output);\n  fs.appendFileSync('logs/app.log', line);\n};\n";
  const bundle = new FileContext('/ws/lib/mocha.js', polyfill);
  assert.deepEqual(analyze(bundle, { rules: [rule] }).findings, []);
  assert.equal(bundle.hasSourceFile, false);
  for (const load of ["const fs = require('fs');\n", "import fs from 'node:fs';\n", "import * as fs from 'fs/promises';\n", 'const fs = require(`fs-extra`);\n', "const fs = require('graceful-fs');\n"]) {
    const context = new FileContext('/ws/src/app.js', `${load}fs.appendFileSync('logs/app.log', line);\n`);
    assert.equal(analyze(context, { rules: [rule] }).findings.length, 1, load);
  }
});

test(`${RULE}: cost: a file with a logger is parsed`, () => {
  const context = new FileContext('/ws/src/log.ts', `${W}export default winston.createLogger({});\n`);
  analyze(context, { rules: [rule] });
  assert.equal(context.hasSourceFile, true);
});

test(`${RULE}: every keyword is lower-case (the engine tests them on lower-cased text)`, () => {
  for (const k of rule.meta.keywords) assert.equal(k, k.toLowerCase());
});

// Stop 27 (issue 10): frameworks whose logger writes files by default (Cronicle's pixl-server `log_dir`, lin-cms-koa's
// lin-mizar `log.file`), judged only in a project that declares the framework. Each row's examples run here.
for (const row of FRAMEWORK_LOGS) {
  const json = row.tp.trimStart().startsWith('{');
  const filename = json ? '/ws/conf/config.json' : '/ws/app/config/log.js';
  const declared = { '/ws/package.json': JSON.stringify({ name: 'app', dependencies: { [row.package]: '^1.0.0' } }) };
  new RuleTester({ filename, files: declared }).run(rule, {
    valid: [
      { name: `${row.package}: the false example`, code: row.fp },
      { name: `${row.package}: the true example in a project that does not declare it`, code: row.tp, files: { '/ws/package.json': '{"name":"app","dependencies":{"express":"^4"}}' } },
    ],
    invalid: [
      { name: `${row.package}: the true example`, code: row.tp, errors: [{ messageId: 'frameworkFile', data: { framework: row.package, target: 'logs' } }] },
    ],
  });
}
