import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze, type AnalysisResult } from '../../core/src/engine';
import { fixIdOf } from '../../core/src/fixes/types';
import { ModuleBindings } from '../../core/src/js/modules';
import { identifierStatementsWalked } from '../../core/src/js/names';
import { statementFactsComputed } from '../../core/src/js/statements';
import { jsVerdicts } from '../../core/src/rules/config/hardcoded-secret';
import { VerdictMemo } from '../../core/src/rules/config/hardcoded-secret-verdicts';
import { Suppressions } from '../../core/src/suppressions';

// A keystroke re-walks only the top-level statement it touched: the per-file facts (module bindings, servers,
// signal handlers, constants, secret literals, service URLs) are kept per statement across versions of the
// tree (core/src/js/statements.ts). Asserted by counting the statements whose facts are computed, never by time.

const STATEMENTS = 200;

function module(): string {
  const parts = [
    "const express = require('express');",
    "const { Pool } = require('pg');",
    'const app = express();',
    "const sessionSecret = 'k3Jx9QwL2mVb7TzR4nYp';",
    "const pool = new Pool({ connectionString: 'postgres://db.internal.example.com:5432/shop' });",
  ];
  for (let i = 0; parts.length < STATEMENTS - 1; i++) parts.push(`app.get('/r${i}', (req, res) => { const total${i} = ${i} + Number(req.query.n); res.json({ total${i} }); });`);
  parts.push('app.listen(3000);');
  return `${parts.join('\n')}\n`;
}

const shown = (r: AnalysisResult) => JSON.stringify(r.findings.map((f) => [f.ruleId, f.messageId, f.start, f.end, f.message, f.fingerprint]));

/** The module analysed once, and its text with a letter typed into an identifier in the middle. */
function letterTyped() {
  const config = defaultConfig();
  const file = '/ws/src/app.js';
  const text = module();
  const first = new FileContext(file, text);
  const before = analyze(first, { config });
  const at = text.indexOf('total100') + 'total100'.length;
  return { config, file, first, before, at, edited: `${text.slice(0, at)}x${text.slice(at)}` };
}

describe('keystroke: work proportional to the edit', () => {
  test('an edit inside one statement recomputes the facts of that statement only', () => {
    const config = defaultConfig();
    const file = '/ws/src/app.js';
    const text = module();
    const first = new FileContext(file, text);
    const before = analyze(first, { config });
    assert.ok(before.findings.length >= 3, shown(before));
    // Type a letter into an identifier in the middle of the file.
    const at = text.indexOf('total100') + 'total100'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const counted = statementFactsComputed();
    const next = first.withText(edited, { start: at, end: at, newLength: 1 });
    const after = analyze(next, { config });
    const work = statementFactsComputed() - counted;
    assert.equal(shown(after), shown(analyze(new FileContext(file, edited), { config })), 'the same findings as a fresh analysis');
    // A fresh analysis computes every statement for every kind of fact: hundreds.
    assert.ok(work > 0 && work <= 20, `${work} statement computations for one keystroke`);
  });

  test("the fixes a pull describes (the SIGTERM fix names a free identifier) walk only the edited statement's identifiers", () => {
    const config = defaultConfig();
    const file = '/ws/src/app.js';
    const text = module();
    const fixIds = (r: AnalysisResult) => r.findings.map((f) => (r.fixes.get(f) ?? []).map((x) => (x.kind === 'edit' ? `${x.id} ${JSON.stringify(x.edits)}` : fixIdOf(x))).join('|'));
    const first = new FileContext(file, text);
    const before = fixIds(analyze(first, { config }));
    assert.ok(before.some((t) => /add-graceful-shutdown/.test(t)), before.join(', '));
    const at = text.indexOf('total100') + 'total100'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const counted = identifierStatementsWalked();
    const after = fixIds(analyze(first.withText(edited, { start: at, end: at, newLength: 1 }), { config }));
    const work = identifierStatementsWalked() - counted;
    assert.deepEqual(after, fixIds(analyze(new FileContext(file, edited), { config })), 'the same fixes as a fresh analysis');
    assert.ok(work > 0 && work <= 2, `${work} statements' identifiers collected for one keystroke`);
  });

  test("a keystroke that binds nothing re-checks almost none of the statements' recorded lookups (the bindings' signature is unchanged)", () => {
    const config = defaultConfig();
    const file = '/ws/src/app.js';
    const text = module();
    let checked = 0;
    const original = ModuleBindings.prototype.resolvesAsBefore;
    ModuleBindings.prototype.resolvesAsBefore = function (this: ModuleBindings, reads) {
      checked += reads.length;
      return original.call(this, reads);
    };
    try {
      const first = new FileContext(file, text);
      analyze(first, { config });
      const at = text.indexOf('total100') + 'total100'.length;
      const edited = `${text.slice(0, at)}x${text.slice(at)}`;
      checked = 0;
      const after = analyze(first.withText(edited, { start: at, end: at, newLength: 1 }), { config });
      assert.equal(shown(after), shown(analyze(new FileContext(file, edited), { config })), 'the same findings as a fresh analysis');
      // Without the signature: every statement's lookups (req, res, app…) for each of three per-statement facts, hundreds.
      assert.ok(checked <= 10, `${checked} recorded lookups checked for one keystroke`);
    } finally {
      ModuleBindings.prototype.resolvesAsBefore = original;
    }
  });

  test('a keystroke that changes no literal judges no secret candidate again, nor reads the text for disable comments', () => {
    const { config, file, first, at, edited, before } = letterTyped();
    assert.ok(before.findings.some((f) => f.ruleId === 'config/hardcoded-secret'), shown(before));
    const judged = jsVerdicts.judged;
    const read = Suppressions.textsRead;
    // The whole text is not lower-cased again for the keyword counts either: the edited characters are.
    let lowered = 0;
    const toLowerCase = String.prototype.toLowerCase;
    String.prototype.toLowerCase = function (this: string) {
      if (this.length > 1000) lowered++;
      return toLowerCase.call(this);
    };
    let after: AnalysisResult;
    try {
      after = analyze(first.withText(edited, { start: at, end: at, newLength: 1 }), { config });
    } finally {
      String.prototype.toLowerCase = toLowerCase;
    }
    assert.equal(lowered, 0, 'long texts lower-cased');
    assert.equal(jsVerdicts.judged - judged, 0, 'verdicts judged again');
    assert.equal(Suppressions.textsRead - read, 0, 'texts read for disable comments (the file has none, the edit wrote none)');
    assert.equal(shown(after), shown(analyze(new FileContext(file, edited), { config })), 'the same findings as a fresh analysis');
  });
});

describe('secret verdicts kept by kind, name and value', () => {
  test('a verdict that read the product names is judged again every time; the others once', () => {
    let calls = 0;
    const memo = new VerdictMemo<{ kind: string; name: string; value: string }>((s, product) => {
      calls++;
      return s.kind === 'sink' ? !product().has(s.value) : s.value.length > 3;
    });
    const product = () => new Set(['acme']);
    assert.equal(memo.accepts({ kind: 'named', name: 'k', value: 'abcd' }, product), true);
    assert.equal(memo.accepts({ kind: 'named', name: 'k', value: 'abcd' }, product), true);
    assert.equal(memo.accepts({ kind: 'named', name: 'j', value: 'abcd' }, product), true);
    assert.equal(calls, 2);
    assert.equal(memo.accepts({ kind: 'sink', name: 'k', value: 'acme' }, product), false);
    assert.equal(memo.accepts({ kind: 'sink', name: 'k', value: 'acme' }, () => new Set()), true, 'the product names changed');
    assert.equal(calls, 4);
    assert.equal(memo.judged, 4);
  });
});
