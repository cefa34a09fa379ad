import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { withoutTextGates } from '../../core/src/keywords';
import { summarize } from '../../core/src/program';
import { rulesById } from '../../core/src/rules';
import { scanPaths, scanPathsPrepared, type ScanOutput } from '../../core/src/scan';

// The text pre-filters (a rule's `keywords` and `gate`, a program rule's `summaryKeywords` and `summaryGate`) decide
// only which files get a syntax tree and a walk: the full path, where every rule checks and summarises every file of
// its kinds (`withoutTextGates`), must report the same. The shared rule tester checks it for every valid and
// invalid case of every rule (test/unit/rules/ruleTester.ts); here, whole folders through the CLI's scan, with the
// program phase, and the work the gates save.

const REPO = path.resolve(__dirname, '../../..');
const FOLDERS = [
  'examples',
  'test/fixtures/workspace/app',
  'test/fixtures/workspace/flask-app',
  'test/fixtures/workspace/go-service',
  'test/fixtures/env/project',
  'test/fixtures/polyglot',
  'test/fixtures/in-memory-session',
  'test/fixtures/scaffold',
  'test/fixtures/fuzz',
];

function shape(out: ScanOutput): string[] {
  const findings = out.files.flatMap((f) => [...f.findings, ...f.suppressed]).map((f) => `${path.relative(REPO, f.file)} ${f.ruleId} ${f.severity} ${f.start}-${f.end} ${f.messageId}: ${f.message}`);
  const skipped = out.skipped.map((s) => `skipped ${path.relative(REPO, s.file)}: ${s.reason}`);
  return [...findings, ...skipped, `files ${out.filesScanned}`].sort();
}

describe('text gates only save work', () => {
  for (const folder of FOLDERS) {
    test(`${folder}: the scan without text gates reports the same`, async () => {
      const root = path.join(REPO, folder);
      assert.ok(fs.existsSync(root), `${root} exists`);
      const gated = await scanPathsPrepared(() => scanPaths(['.'], { root, gitignore: false }));
      const full = await scanPathsPrepared(() => withoutTextGates(() => scanPaths(['.'], { root, gitignore: false })));
      assert.ok(gated.filesScanned > 0);
      assert.deepEqual(shape(full), shape(gated));
    });
  }
});

describe('missing-sigterm-handler: the summary gate on hapi and Glue', () => {
  const rule = rulesById.get('disposability/missing-sigterm-handler');
  assert.ok(rule);
  const summaryOf = (text: string, gates = true) => {
    const context = new FileContext('/p/src/m.js', text);
    const summary = gates ? summarize(context, [rule]) : withoutTextGates(() => summarize(context, [rule]));
    return { facts: summary.facts, parsed: context.hasSourceFile };
  };

  test('`hapi` and `glue` inside other words: no tree, and the full path finds no fact either', () => {
    for (const text of [
      "import { CustomAuthApiError } from './error/CustomAuthApiError.js';\nthrow new CustomAuthApiError('x');\n",
      "const glueCode = require('./glue-code');\nmodule.exports = glueCode;\n",
      "// Built with hapi in mind\nconst hapiLike = 1;\n",
    ]) {
      assert.deepEqual(summaryOf(text), { facts: [], parsed: false }, text);
      assert.deepEqual(summaryOf(text, false), { facts: [], parsed: true }, text);
    }
  });

  test('a module that imports hapi or Glue is still summarised', () => {
    for (const text of [
      "const Hapi = require('@hapi/hapi');\n",
      "import Hapi from 'hapi';\n",
      "const Glue = require(\"@hapi/glue\");\n",
      "import Glue from 'glue';\n",
      "const { Server } = require('@hapi/hapi/lib/server');\n",
      // An escape in the specifier: the cooked text is `hapi`, so the gate leaves it to the tree.
      "const Hapi = require('\\x68api');\n",
    ]) {
      assert.deepEqual(summaryOf(text), { facts: ['uses-hapi'], parsed: true }, text);
    }
  });

  test('another summary keyword beside them: summarised as before', () => {
    const text = "const e = new CustomAuthApiError();\nprocess.on('SIGTERM', () => process.exit(0));\n";
    assert.deepEqual(summaryOf(text), { facts: ['handles-sigterm'], parsed: true });
  });
});
