import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../../core/src/engine';
import { changedRegion, DocumentAnalyses } from '../../server/src/analysis';
import { WorkspaceProgram } from '../../server/src/program';
import { textsHashed } from '../../core/src/program/index';
import type { Settings } from '../../server/src/settings';
import { CONFIGS, DEFAULT_WORKSPACE, hostOf, JS_NAMES, jsProgram, mutate, mutation, params, runs, show } from '../fixtures/fuzz/arbitraries';

// The server's keystroke path (server/src/analysis.ts): each new version of an open document is analysed from
// the previous one — TypeScript's incremental re-parse of the changed region, per-tree facts cached for that
// version, the program index told the new text first. Whatever the typing history, the diagnostics must be
// those of a fresh analysis of the same text: a difference is a squiggle that comes and goes with the history.
// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> node --test out/test/unit/incremental-server.test.js

const FOLDER = '/ws';
const settings: Settings = { enable: true, config: CONFIGS.all, configProblems: [] };

/** What a client is shown, and what code actions and reports read: findings, silenced findings, fixes, skip reason. */
function shown(result: AnalysisResult): string {
  const finding = (f: AnalysisResult['findings'][number]) => [f.ruleId, f.messageId, f.severity, f.start, f.end, f.message, f.fingerprint, f.suppression?.line];
  return JSON.stringify({
    skipped: result.skipped,
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map(finding),
    fixes: [...result.fixes.values()].map((fx) => fx.map((x) => (x.kind === 'edit' ? x.edits : [x.start, x.end, x.replacement('N')]))),
  });
}

/**
 * An editor's positions never fall between the `\r` and `\n` of a line break: a region that does is widened by
 * the break's other half (which both texts share, being outside the change).
 */
function lineBreakSafe(before: string, region: { start: number; end: number; newLength: number }): { start: number; end: number; insertEnd: number } {
  let { start, end } = region;
  let insertEnd = region.start + region.newLength;
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
  if (end > 0 && before[end - 1] === '\r' && before[end] === '\n') {
    end++;
    insertEnd++;
  }
  return { start, end, insertEnd };
}

/** A server's document analyses with their own program index, as one editor session has. */
function session(): DocumentAnalyses {
  return new DocumentAnalyses(new WorkspaceProgram(() => undefined, () => undefined, () => FOLDER), hostOf(DEFAULT_WORKSPACE));
}

/** Typing: one character inserted or deleted, or a short word, at a place in the text. */
const keystroke = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), a: fc.nat({ max: 1 << 20 }), b: fc.constant(0), s: fc.constantFrom(...'aeoz_.(\'"`;\n {}0:'.split(''), 'listen', 'env', 'SIGTERM', 'secret') }),
  fc.record({ op: fc.constant('delete' as const), a: fc.nat({ max: 1 << 20 }), b: fc.integer({ min: 1, max: 3 }) }),
);

describe('incremental analysis in the server', () => {
  test('any sequence of edits gives, at every version, the diagnostics of a fresh analysis of that text', () => {
    const edits = fc.array(fc.oneof(keystroke, keystroke, mutation), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(jsProgram, edits, fc.constantFrom(...JS_NAMES), (text, steps, name) => {
        const file = `${FOLDER}/${name}`;
        const uri = `file://${file}`;
        const editor = session();
        let document = TextDocument.create(uri, name.endsWith('.js') ? 'javascript' : 'typescript', 1, text);
        editor.get(document, file, FOLDER, settings);
        for (const step of steps) {
          const before = document.getText();
          const after = mutate(before, [step]);
          // Sent as the client sends it: the changed range of the previous version and its new text.
          const { start, end, insertEnd } = lineBreakSafe(before, changedRegion(before, after));
          const range = { start: document.positionAt(start), end: document.positionAt(end) };
          document = TextDocument.update(document, [{ range, text: after.slice(start, insertEnd) }], document.version + 1);
          assert.equal(document.getText(), after);
          // A fresh analysis first on every other version: the per-statement memos copy facts from the tree they
          // gathered last, which must then be the previous version as often as an unrelated one.
          const freshFirst = document.version % 2 === 0 ? shown(session().get(TextDocument.create(uri, document.languageId, 1, after), file, FOLDER, settings)) : undefined;
          const incremental = shown(editor.get(document, file, FOLDER, settings));
          const fresh = freshFirst ?? shown(session().get(TextDocument.create(uri, document.languageId, 1, after), file, FOLDER, settings));
          if (incremental !== fresh) {
            throw new Error(`version ${document.version} differs from a fresh analysis\n  incremental ${incremental.slice(0, 800)}\n  fresh       ${fresh.slice(0, 800)}\nfirst: ${show(text)}\nnow: ${show(after)}`);
          }
        }
      }),
      params(runs(120)),
    );
  });

  test('a version analysed once is answered from the cache, and an edit is analysed again', () => {
    const editor = session();
    const uri = 'file:///ws/src/a.js';
    const text = "const app = require('express')();\napp.listen(3000);\n";
    const first = TextDocument.create(uri, 'javascript', 1, text);
    const result = editor.get(first, '/ws/src/a.js', FOLDER, settings);
    assert.equal(editor.get(first, '/ws/src/a.js', FOLDER, settings), result);
    assert.equal(editor.runs, 1);
    const second = TextDocument.update(first, [{ range: { start: first.positionAt(text.indexOf('3000')), end: first.positionAt(text.indexOf('3000') + 4) }, text: '3001' }], 2);
    const next = editor.get(second, '/ws/src/a.js', FOLDER, settings);
    assert.equal(editor.runs, 2);
    assert.deepEqual(next.findings.map((f) => [f.ruleId, f.start]), result.findings.map((f) => [f.ruleId, f.start]));
  });

  test("an open document's new version is not hashed for the program index, and the same text is not summarised again", () => {
    let changed = 0;
    const program = new WorkspaceProgram(() => changed++, () => undefined, () => FOLDER);
    const editor = new DocumentAnalyses(program, hostOf(DEFAULT_WORKSPACE));
    const uri = 'file:///ws/src/a.js';
    const text = "const app = require('express')();\napp.listen(3000);\n";
    const hashed = textsHashed();
    let document = TextDocument.create(uri, 'javascript', 1, text);
    editor.get(document, '/ws/src/a.js', FOLDER, settings);
    assert.equal(changed, 1, 'a new module');
    document = TextDocument.update(document, [{ range: { start: document.positionAt(0), end: document.positionAt(0) }, text: "require('./b');\n" }], 2);
    editor.get(document, '/ws/src/a.js', FOLDER, settings);
    assert.equal(changed, 2, 'it now imports ./b');
    // Settings changed: the same text is analysed again, and the index keeps its summary.
    editor.clear();
    editor.get(document, '/ws/src/a.js', FOLDER, settings);
    assert.equal(changed, 2);
    assert.equal(textsHashed() - hashed, 0, 'texts hashed');
  });
});

