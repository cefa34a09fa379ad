import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type * as ts from 'typescript';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { findEnvReads } from '../../core/src/env/reads';
import { BoundStatementMemo } from '../../core/src/js/boundMemo';
import { keepLastTrees, LastTree } from '../../core/src/js/lastTree';
import { tuneHeapForScan } from '../../core/src/cli/memory';
import { ModuleBindings } from '../../core/src/js/modules';
import { StatementMemo } from '../../core/src/js/statements';
import { resolvedCallees } from '../../core/src/js/callees';
import { usesIdentifier } from '../../core/src/js/names';
import { listenSites } from '../../core/src/js/servers';
import { jsVerdicts, rule as hardcodedSecret } from '../../core/src/rules/config/hardcoded-secret';
import { signalFacts } from '../../core/src/js/signals';
import type { KeywordSource } from '../../core/src/keywords';
import type { Rule } from '../../core/src/rules/types';
import { Suppressions } from '../../core/src/suppressions';
import { LineIndex } from '../../core/src/lineIndex';
import { changedRegion } from '../../server/src/analysis';
import { params, runs, show } from '../fixtures/fuzz/arbitraries';

// What a keystroke derives from the previous version instead of computing again (issue 13), checked against
// a fresh computation of the same text after every edit of random edit sequences:
// - the keywords present (`FileContext.keywordsPresent`): counted around the edit only;
// - the environment reads (`findEnvReads`): walked again only in the top-level statement the edit touched,
//   with the aliases declared before it (`const e = process.env`) as the statement's key;
// - the module bindings (`ModuleBindings`): a reused statement's recorded bindings are replayed when the names
//   it looked up are bound as they were; the same for the signal facts (`signalFacts`), whose calls are kept per
//   statement with the names they resolved (BoundStatementMemo);
// - the identifiers a fix's new declaration must not clash with (`usesIdentifier`): collected per statement;
// - what each call's callee resolves to (`resolvedCallees`), per statement while its names resolve as before;
// - the secret rule's verdict on each literal the tree finds (`jsVerdicts`), kept by kind, name and value;
// - the disable comments (`FileContext.suppressions`): none, after an edit that wrote no marker into a text without one.
// The server's whole keystroke path is checked the same way in incremental-server.test.ts.

type Edit = { at: number; remove: number; insert: string };

/** Applies an edit whose offsets are taken modulo the text, and returns the change `withText` is given. */
function apply(text: string, edit: Edit): { text: string; change: { start: number; end: number; newLength: number } } {
  const start = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.remove);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), change: { start, end, newLength: edit.insert.length } };
}

const source = (keywords: string[], summaryKeywords?: string[]): KeywordSource => ({ meta: { keywords, summaryKeywords } });
// `serve` starts `server` and `server:`: one place holds all three. `İ` lower-cases to two characters.
const RULES: KeywordSource[] = [source(['serve', 'listen']), source(['server', '.listen(']), source([], ['server:', 'process.env', '= process'])];
const PIECES = ['serve', 'server', 'server:', 'listen', '.listen(', 'process', '.env', 'process.env', '= ', ' ', 'r', ':', '(', '.', 'SERVER', 'İ', '\n'];

const edit = (pieces: string[]) => fc.record({ at: fc.nat({ max: 1 << 16 }), remove: fc.nat({ max: 6 }), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((p) => p.join('')) });

describe('keyword counts after an edit', () => {
  test('at every version, the keywords present are those of a fresh count of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.array(edit(PIECES), { minLength: 1, maxLength: 10 }), (parts, edits) => {
        let context = new FileContext('/ws/a.js', parts.join(''));
        context.keywordsPresent(RULES);
        for (const e of edits) {
          const next = apply(context.text, e);
          context = context.withText(next.text, next.change);
          const incremental = [...context.keywordsPresent(RULES)].sort();
          const fresh = [...new FileContext('/ws/a.js', next.text).keywordsPresent(RULES)].sort();
          const truth = [...new Set(RULES.flatMap((r) => [...r.meta.keywords, ...(r.meta.summaryKeywords ?? [])]))].filter((k) => next.text.toLowerCase().includes(k)).sort();
          assert.deepEqual(fresh, truth, `fresh count of ${show(next.text)}`);
          assert.deepEqual(incremental, fresh, `after edits, ${show(next.text)}`);
        }
      }),
      params(runs(200)),
    );
  });

  test('the lower-cased text, derived from the previous version\'s around the edit, is the text lower-cased', () => {
    const pieces = ['a', 'B', 'Σ', 'σ', 'İ', 'ς', ' ', '.', 'ΑΣ', 'ß', 'Ǆ', '\n', "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(edit(pieces), { minLength: 1, maxLength: 10 }), (parts, edits) => {
        let context = new FileContext('/ws/a.js', parts.join(''));
        void context.lowerText;
        for (const e of edits) {
          const next = apply(context.text, e);
          context = context.withText(next.text, next.change);
          assert.equal(context.lowerText, next.text.toLowerCase(), show(next.text));
        }
      }),
      params(runs(500)),
    );
  });

  test('a keyword that starts a longer one at the same place is present (`serve` in `server`)', () => {
    const ran: string[] = [];
    const rule = (id: string, keywords: string[]): Rule => ({
      meta: { id, defaultSeverity: 'warning', description: id, messages: { m: id }, fixable: false, kinds: ['js'], keywords },
      check: () => { ran.push(id); },
    });
    analyze(new FileContext('/ws/a.js', 'const server = 1;\n'), { rules: [rule('a/serve', ['serve']), rule('a/server', ['server'])] });
    assert.deepEqual(ran.sort(), ['a/serve', 'a/server']);
  });
});

const STATEMENTS = [
  'const port = process.env.PORT;', 'const e = process.env;', 'const { env } = process;', "import { env as ev } from 'node:process';",
  'const key = e.API_KEY;', 'const { DB_URL, TOKEN: t } = env;', 'const url = ev.DATABASE_URL;', "const mode = process.env['NODE_ENV'];",
  'process.env.DEBUG = "1";', 'run({ ...process.env });', 'function f() { return e.INNER; }', 'let e2 = e;', 'const x = 1;',
];
const ENV_PIECES = ['e', 'env', 'process', '.', '=', ';', '\n', ' ', 'X', '{', '}', 'const ', 'e.KEY', 'process.env', '// '];

/** After each edit of random edit sequences over programs made of `statements`, `fact` of the edited tree is that of a fresh one. */
function incrementalEqualsFresh<T>(file: string, statements: string[], pieces: string[], fact: (sf: ts.SourceFile) => T): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...statements), { minLength: 1, maxLength: 12 }), fc.array(edit(pieces), { minLength: 1, maxLength: 8 }), (lines, edits) => {
      let context = new FileContext(file, lines.join('\n'));
      fact(context.sourceFile);
      edits.forEach((e, i) => {
        const next = apply(context.text, e);
        context = context.withText(next.text, next.change);
        // Fresh first on every other edit: the memos copy facts from the tree they gathered last, which must then
        // be the previous version (the runs of statements both share) as often as an unrelated tree.
        const fresh = i % 2 === 0 ? fact(new FileContext(file, next.text).sourceFile) : undefined;
        const incremental = fact(context.sourceFile);
        assert.deepEqual(incremental, fresh ?? fact(new FileContext(file, next.text).sourceFile), `after edits, ${show(next.text)}`);
      });
    }),
    params(runs(150)),
  );
}

const MODULE_STATEMENTS = [
  "const express = require('express');", 'const app = express();', "const { Pool, types: { builtins } } = require('pg');", "import winston from 'winston';",
  'const t = winston.transports;', 'const F = t.File;', "require('dotenv/config');", "import 'reflect-metadata';", "const a = require('a'), b = a.b;",
  "function f() { const p = require('pino'); return p; }", 'let y = app;', "import * as ns from 'ns';", "import z = require('z');", 'const w = ns.deep.w;',
];
// Statements with no node that can bind a name (an edit inside one keeps the previous version's bindings).
const PLAIN_STATEMENTS = ['function g() { return a.b + 1; }', 'x = 2;', 'console.log(app, ns);', 'if (a) { b(); }', 'class K { m() { return y; } }'];
const MODULE_PIECES = ['a', 'app', 'x', '.', '=', ';', '\n', ' ', '(', ')', "require('q')", 'const ', 'import ', "'", '// '];

const bindingsOf = (sf: ts.SourceFile) => {
  const b = ModuleBindings.of(sf);
  return { names: [...b.names].map(([name, target]) => [name, target.module, ...target.path]), sideEffects: [...b.sideEffectImports] };
};

const SIGNAL_STATEMENTS = [
  "const terminus = require('@godaddy/terminus');", "const { createTerminus } = require('@godaddy/terminus');", 'terminus(server);', 'createTerminus(server, {});',
  "process.on('SIGTERM', stop);", "process.once('SIGINT', stop);", 'process.on(sig, stop);', "const SIGNALS = ['SIGTERM'];", 'app.enableShutdownHooks();',
  "const server = require('http').createServer();", 'server.listen(3000);', "import closeWithGrace from 'close-with-grace';", 'closeWithGrace({}, stop);',
];
const LISTEN_STATEMENTS = [
  "const express = require('express');", 'const app = express();', "const http = require('http');", 'const server = http.createServer(app);',
  'server.listen(3000);', 'app.listen(3000);', "const { setupServer } = require('msw/node');", 'const mock = setupServer();', 'mock.listen();',
  "const { Worker } = require('bullmq');", "new Worker('q', run);", "const Hapi = require('@hapi/hapi');", 'const srv = Hapi.server();', 'srv.start();',
  "const stoppable = require('stoppable');", 'const s2 = stoppable(http.createServer(app));', 's2.listen(1);', 'promisify(server.listen)(3000);',
  'function f() { const server = express(); server.listen(1); }',
];
const LISTEN_PIECES = ['app', 'server', 'mock', 'x', '.', '=', ';', '\n', ' ', '(', ')', '.listen(', 'const ', '// ', 'express()', "require('http')", '{ }'];
const sitesOf = (sf: ts.SourceFile) => listenSites(sf).map((s) => [s.kind, s.label, s.call.getStart(sf), s.anchor.getStart(sf), s.server ?? '', s.promisified ?? false]);

const calleesOf = (sf: ts.SourceFile) => [...resolvedCallees(sf, ModuleBindings.of(sf))].map(([node, target]) => [node.getStart(sf), node.getText(sf), target.module, ...target.path]);
const NAMES = ['server', 'server2', 'shutdown', 'app', 'appx', 'x', 'listen', 'mock', 'http', 'express', 'f', 'stoppable'];
const identifiersUsed = (sf: ts.SourceFile) => NAMES.filter((name) => usesIdentifier(sf, name));

const SIGNAL_PIECES = ['terminus', 'createTerminus', 'x', '.', '=', ';', '\n', ' ', '(', ')', "'SIGTERM'", 'process.on(', 'const ', '// ', '{ }'];

describe('per-statement facts after an edit: at every version, those of a fresh tree', () => {
  test('environment reads: names, offsets, writes, dynamic use', () => incrementalEqualsFresh('/ws/a.js', STATEMENTS, ENV_PIECES, findEnvReads));
  test('module bindings: the names bound, in order, and the side-effect imports', () => incrementalEqualsFresh('/ws/a.ts', MODULE_STATEMENTS, MODULE_PIECES, bindingsOf));
  test('module bindings, with statements that bind nothing between those that do', () =>
    incrementalEqualsFresh('/ws/a.js', [...MODULE_STATEMENTS.filter((s) => !s.startsWith('import')), ...PLAIN_STATEMENTS], [...MODULE_PIECES, 'a = ', 'const w = ', 'ns'], bindingsOf));
  test('signal facts: what the module does about SIGTERM', () => incrementalEqualsFresh('/ws/a.js', SIGNAL_STATEMENTS, SIGNAL_PIECES, (sf) => signalFacts(sf)));
  test('listen sites: the servers and workers started, where, and what they are', () => incrementalEqualsFresh('/ws/a.js', LISTEN_STATEMENTS, LISTEN_PIECES, sitesOf));
  test('the module paths callees resolve to, by call', () => incrementalEqualsFresh('/ws/a.ts', [...MODULE_STATEMENTS, ...LISTEN_STATEMENTS], [...MODULE_PIECES, ...LISTEN_PIECES], calleesOf));
  test('identifiers a new declaration would clash with', () => incrementalEqualsFresh('/ws/a.js', LISTEN_STATEMENTS, [...LISTEN_PIECES, 'shutdown', 'server2', '2'], identifiersUsed));
  // The memos themselves, with facts that name every node they keep by its text and place: a statement's facts
  // copied from the previous version's must be those of a statement both versions share, at its new place.
  test('a StatementMemo of offsets, and a BoundStatementMemo of nodes', () => {
    const calls = new StatementMemo<{ at: number; text: string }>(
      (statement) => statement.getText().split(/(?=\()/).map((text, k) => ({ at: statement.getStart() + k, text })),
      (item, delta) => ({ at: item.at + delta, text: item.text }),
    );
    const bound = new BoundStatementMemo<ts.Node>(({ calls: nodes }) => [...nodes]);
    const both = (sf: ts.SourceFile) => ({
      offsets: [...calls.of(sf)],
      nodes: bound.of(sf, ModuleBindings.of(sf)).map((node) => [node.getStart(sf), node.getText(sf), node.getSourceFile() === sf]),
    });
    incrementalEqualsFresh('/ws/a.js', [...MODULE_STATEMENTS.filter((s) => !s.startsWith('import')), ...LISTEN_STATEMENTS], [...MODULE_PIECES, ...LISTEN_PIECES], both);
  });
});

const SECRET_STATEMENTS = [
  "const sessionSecret = 'q8ZrT3vLx2WmN7cKp4YhB9sFd6GjA1eU';", "const apiKey = process.env.API_KEY || 'k3Jx9QwL2mVb7TzR4nYp';", "const token = 'expired';",
  "app.use(session({ secret: 'keyboard cat' }));", "const password = 'changeme';", "const dbPassword = 'Xy7#pL9q';", "jwt.sign(payload, 'shhhhh');",
  "const { JWT_SECRET = 'dev-secret-123' } = process.env;", "const auth = { user: 'admin', pass: 'p4ssw0rd!' };", "const stripe = new Stripe('sk_test_abc');",
];
const SECRET_PIECES = ["'", 'x', '7', 'Q', 'secret', 'password', 'token', ' ', '=', ';', '\n', '|| ', "'changeme'", 'const ', '// '];

describe('the last tree a memo saw, in a CLI scan', () => {
  // A WeakRef keeps its target alive to the end of the current job, and a CLI scan is one job: held there, every
  // tree a memo saw stayed alive to the end of the scan (bench/README.md, sixteenth round).
  test('is not kept once the scan has set its memory up; with it on, it is', () => {
    const a = new FileContext('/ws/a.js', 'const a = 1;\n').sourceFile;
    const last = new LastTree();
    try {
      last.set(a);
      assert.equal(last.get(), a);
      tuneHeapForScan();
      last.set(a);
      assert.equal(last.get(), undefined);
    } finally {
      keepLastTrees(true);
    }
  });
  test('without it, the facts after each edit are still those of a fresh tree', () => {
    keepLastTrees(false);
    try {
      incrementalEqualsFresh('/ws/a.js', STATEMENTS, ENV_PIECES, findEnvReads);
      incrementalEqualsFresh('/ws/a.ts', MODULE_STATEMENTS, MODULE_PIECES, bindingsOf);
    } finally {
      keepLastTrees(true);
    }
  });
});

describe("the secret rule's verdicts after an edit", () => {
  test('kept by kind, name and value, they are those of a fresh judgement at every version', () => {
    const findings = (context: FileContext) => JSON.stringify(analyze(context, { rules: [hardcodedSecret] }).findings.map((f) => [f.messageId, f.start, f.end, f.message, f.severity]));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SECRET_STATEMENTS), { minLength: 1, maxLength: 10 }), fc.array(edit(SECRET_PIECES), { minLength: 1, maxLength: 8 }), (lines, edits) => {
        let context = new FileContext('/ws/src/a.js', lines.join('\n'));
        analyze(context, { rules: [hardcodedSecret] });
        for (const e of edits) {
          const next = apply(context.text, e);
          context = context.withText(next.text, next.change);
          // With the verdicts of every earlier version kept…
          const incremental = findings(context);
          // …and judged afresh, as a new process would.
          jsVerdicts.clear();
          assert.equal(incremental, findings(new FileContext('/ws/src/a.js', next.text)), `after edits, ${show(next.text)}`);
        }
      }),
      params(runs(150)),
    );
  });
});

const MARKER_PIECES = ['twelve-factor-', 'disable-line', '// ', '# ', 'nosec', 'gitleaks:allow', 'allow', 'list', 'secretlint-', 'twelve', '-factor-', 'x', '\n', 'pragma: ', ' '];

describe('disable comments after an edit', () => {
  test('at every version, those a fresh parse of the text finds', () => {
    const parsed = (s: Suppressions, lines: number) => JSON.stringify(Array.from({ length: lines + 1 }, (_, line) => s.suppressionOf('config/hardcoded-secret', line, true) ?? null));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKER_PIECES, 'const a = 1;'), { maxLength: 20 }), fc.array(edit(MARKER_PIECES), { minLength: 1, maxLength: 10 }), (parts, edits) => {
        let context = new FileContext('/ws/a.js', parts.join(''));
        void context.suppressions;
        for (const e of edits) {
          const next = apply(context.text, e);
          context = context.withText(next.text, next.change);
          const lines = new LineIndex(next.text).lineCount;
          const fresh = Suppressions.parse(next.text, new LineIndex(next.text));
          assert.equal(parsed(context.suppressions, lines), parsed(fresh, lines), `after edits, ${show(next.text)}`);
          assert.equal(context.suppressions === Suppressions.none, fresh === Suppressions.none);
        }
      }),
      params(runs(300)),
    );
  });
});

/** The common prefix and suffix, one character at a time: what `changedRegion` computes by blocks. */
function naiveRegion(before: string, after: string): { start: number; end: number; newLength: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  let suffix = 0;
  while (suffix < max - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start, end: before.length - suffix, newLength: after.length - suffix - start };
}

describe('the changed region of a keystroke', () => {
  test('is the common prefix and suffix, for texts longer and shorter than its comparison blocks', () => {
    // Up to 5,000 characters (fast-check's arrays are short): a random pattern repeated to a random length.
    const text = fc.tuple(fc.nat({ max: 5000 }), fc.array(fc.constantFrom('a', 'b', '\n'), { minLength: 1, maxLength: 64 }))
      .map(([length, pattern]) => pattern.join('').repeat(Math.ceil(length / pattern.length)).slice(0, length));
    // Edits anywhere, and edits next to a block boundary counted from either end.
    const near = fc.record({ block: fc.nat({ max: 4 }), d: fc.integer({ min: -2, max: 2 }), fromEnd: fc.boolean() });
    fc.assert(
      fc.property(text, edit(['a', 'b', 'ab', '\n', '']), fc.option(near), (before, e, boundary) => {
        const at = boundary ? Math.max(0, boundary.fromEnd ? before.length - boundary.block * 1024 - boundary.d : boundary.block * 1024 + boundary.d) : e.at;
        const after = apply(before, { ...e, at, insert: e.insert || (e.remove === 0 ? 'x' : '') }).text;
        assert.deepEqual(changedRegion(before, after), naiveRegion(before, after));
      }),
      params(runs(300)),
    );
  });
});
