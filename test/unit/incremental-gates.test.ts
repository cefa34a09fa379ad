import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { looksMinified } from '../../core/src/fileKinds';
import { fixIdOf } from '../../core/src/fixes/types';
import { identifierLookups } from '../../core/src/js/names';
import { lineChunkWork, rechunk, lineChunks } from '../../core/src/lineChunks';
import { listenSites } from '../../core/src/js/servers';
import { ModuleBindings } from '../../core/src/js/modules';
import { closesItself, servesOnlyDocs, servesOnlyProbes } from '../../core/src/js/serverUse';
import { statementFactsComputed } from '../../core/src/js/statements';
import { rulesById } from '../../core/src/rules';
import { findSqlPasswords, SQL_CANDIDATE, SQL_CANDIDATE_LINES } from '../../core/src/secrets/sql';
import { roleOfContext, roleOfPath } from '../../core/src/workspace/roles';

// The rules' text gates and the minified check are kept per version and derived around each keystroke
// (core/src/lineChunks.ts, `FileContext.lineLocal`, `minifiedAfterEdit`): whatever the edits, the answer must be
// that of the whole new text, and a keystroke in a long file searches only the lines it touched.

const GATED = ['dev-prod-parity/database-engine-mismatch', 'disposability/missing-sigterm-handler', 'port-binding/hardcoded-port', 'build-release-run/runtime-install'];
const gateOf = (id: string) => {
  const gate = rulesById.get(id)?.meta.gate;
  assert.ok(gate, `${id} has a gate`);
  return gate;
};

// What each gate answered when it searched the whole text with one regular expression (before this change).
const WHOLE_TEXT: Record<string, (text: string) => boolean> = {
  'dev-prod-parity/database-engine-mismatch': (text) => {
    const named = new Set<string>();
    for (const m of text.matchAll(/(?<![\w-])(sqlite3?|better-sqlite3|sqljs|libsql|pg|postgres(?:ql)?|pg-native|cockroachdb|mysql2?|mariadb|mssql|tedious|sqlserver|oracledb|oracle|mongodb|mongo)(?![\w-])/gi)) {
      named.add(m[1].toLowerCase().replace(/^(better-sqlite3|sqlite3?|sqljs|libsql)$/, 'sqlite').replace(/^(pg|postgres(?:ql)?|pg-native|cockroachdb)$/, 'pg'));
    }
    return named.size > 1;
  },
  'disposability/missing-sigterm-handler': (text) =>
    /\.listen\b|\bbullmq\b|[Hh]api\b|\bserver\.start\s*\(/.test(text) ||
    // The texts here are JS files (`app.js`): of Python's shapes only `discord` (discord.js's client) lets one in.
    /\bdiscord\b/.test(text) ||
    /ListenAndServe|\.Serve(?:TLS)?\(|\.Run\(|\.Start(?:TLS)?\(|\.Listen(?:TLS)?\(/.test(text),
  'port-binding/hardcoded-port': (text) => /\.listen\s*\(|\bserve\s*\(|[Hh]api\b/.test(text),
  // As before, where a quote before `yarn` is followed by a line break only in a template literal (no other JS
  // string holds one).
  'build-release-run/runtime-install': (text) =>
    /\b(?:npm|npx|yarn|pnpm|pip3?|git|bun)\b['"`]?\s*(?:,\s*\[?\s*['"`])?(?:install|i|add|ci|pull|clone|fetch|update|upgrade|checkout|reset)\b|(?:['"][ \t\f\v]*|`\s*)yarn\s*['"`]/.test(text),
};

// runtime-install's command shape, searched in the whole text: what its gate answers, per run of lines or not.
const COMMAND_WHOLE_TEXT = /\b(?:npm|npx|yarn|pnpm|pip3?|git|bun)\b['"`]?\s*(?:,\s*\[?\s*['"`])?(?:install|i|add|ci|pull|clone|fetch|update|upgrade|checkout|reset)\b|['"`]\s*yarn\s*['"`]/;

const piece = fc.constantFrom(
  'pg', 'mysql', 'sqlite3', 'mongo', '-', '_', 'x', ' ', '\n', '\r\n', '(', "'", '"', 'app.listen', 'server.start', ' serve', 'hapi', 'bullmq',
  'PASSWORD', 'IDENTIFIED ', 'CREATE USER u ', 'envalid', 'while', ' True:', '.Run(', 'ListenAndServe', '\t',
  'npm', 'yarn', 'install', ',', '[', '`', 'git', 'typeof define', '===', 'define.amd', '&&', "'function'",
);
const text = fc.array(piece, { maxLength: 300 }).map((parts) => parts.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

function applyEdit(current: string, e: { at: number; remove: number; insert: string }) {
  const start = current.length === 0 ? 0 : e.at % (current.length + 1);
  const end = Math.min(current.length, start + e.remove);
  return { next: current.slice(0, start) + e.insert + current.slice(end), change: { start, end, newLength: e.insert.length } };
}

describe('text gates after an edit', () => {
  test('are never narrower than one search of the whole new text (exact where no shape spans lines), for any sequence of edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (first, edits) => {
        let context = new FileContext('/ws/src/app.js', first);
        for (const id of GATED) gateOf(id)(context.text, context.kind, context);
        for (const e of edits) {
          const { next, change } = applyEdit(context.text, e);
          context = context.withText(next, change);
          const fresh = new FileContext('/ws/src/app.js', next);
          for (const id of GATED) {
            const derived = gateOf(id)(next, 'js', context);
            // Never narrower than the whole-text search, derived or afresh. A gate that lets a shape continue on the
            // next line passes at the end of a run of lines, so where runs end (which the edits decide) may make it
            // pass more often, never less: it is a prefilter, and the rule's check decides.
            if (WHOLE_TEXT[id](next)) {
              assert.equal(derived, true, `${id}: passes whenever the whole-text search did`);
              assert.equal(gateOf(id)(next, 'js', fresh), true, `${id}: afresh too`);
            }
            // Exact where every match lies within a line, or where a shape that may go on is settled on the whole text.
            if (id === 'build-release-run/runtime-install') {
              assert.equal(derived, COMMAND_WHOLE_TEXT.test(next), id);
              assert.equal(gateOf(id)(next, 'js', fresh), derived, `${id}: afresh too`);
            }
            if (id === 'dev-prod-parity/database-engine-mismatch') {
              assert.equal(derived, WHOLE_TEXT[id](next), id);
              assert.equal(derived, gateOf(id)(next, 'js', fresh), `${id}: derived as searched afresh`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a keystroke in a 2,000-line file searches the one run of lines it touched, per gate', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `const value${i} = compute(${i}); // row ${i}`);
    lines[10] = "const { Pool } = require('pg');";
    lines[1990] = "if (process.env.NODE_ENV === 'dev') useSqlite(require('sqlite3'));";
    lines[1998] = "execSync('npm install');";
    lines[1999] = 'app.listen(port);';
    const before = `${lines.join('\n')}\n`;
    const first = new FileContext('/ws/src/app.js', before);
    for (const id of GATED) assert.equal(gateOf(id)(first.text, first.kind, first), true, id);
    const at = before.indexOf('value1000') + 5;
    const next = first.withText(`${before.slice(0, at)}x${before.slice(at)}`, { start: at, end: at, newLength: 1 });
    const runs = lineChunkWork.runs;
    for (const id of GATED) assert.equal(gateOf(id)(next.text, next.kind, next), true, id);
    assert.ok(lineChunkWork.runs - runs <= 2 * GATED.length, `${lineChunkWork.runs - runs} runs searched`);
  });

  test('runtime-install: a run of lines ending in a template literal lets a file in only when a command follows', () => {
    const gate = gateOf('build-release-run/runtime-install');
    // A run ends at the first line break 1 KB or more into it: here, just after the template literal opens.
    const filler = `// ${'a'.repeat(1010)}`;
    const plain = `${filler}\nconst message = \`\nnpm is the package manager\`;\n`;
    assert.equal(gate(plain, 'js', new FileContext('/ws/src/app.js', plain)), false);
    const runs = `${filler}\nconst child = execSync(\`\nyarn\`);\n`;
    assert.equal(gate(runs, 'js', new FileContext('/ws/src/app.js', runs)), true);
  });

  test('missing-sigterm-handler: Python\'s shapes let no JS file in; discord.js still does', () => {
    const gate = gateOf('disposability/missing-sigterm-handler');
    const js = 'const runner = new Runner();\nrunner.run(tests);\nwhile (true) step();\n';
    assert.equal(gate(js, 'js', new FileContext('/ws/src/cli.js', js)), false);
    const bot = "const { Client } = require('discord.js');\nconst client = new Client({ intents: [] });\nclient.login(token);\n";
    assert.equal(gate(bot, 'js', new FileContext('/ws/src/bot.js', bot)), true);
    const py = 'app = make_app()\napp.run(host="0.0.0.0")\n';
    assert.equal(gate(py, 'python', new FileContext('/ws/app.py', py)), true);
  });

  test('the SQL password test per run of lines is never narrower than the whole-text one', () => {
    fc.assert(
      fc.property(text, (t) => {
        const context = new FileContext('/ws/db/setup.js', t);
        let perRun = false;
        findSqlPasswords(t, () => (perRun = context.lineLocal(SQL_CANDIDATE_LINES)));
        if (SQL_CANDIDATE.test(t)) assert.equal(perRun, true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a file's role", () => {
  test('is the same whether the bundle wrapper test reads the whole text or only runs where one may be', () => {
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(roleOfContext(new FileContext('/ws/src/lib.js', t, { relativePath: 'src/lib.js' })), roleOfPath('src/lib.js', t));
      }),
      { numRuns: 500 },
    );
    const umd = "(function (root, factory) {\n  if (typeof define === 'function' && define.amd) define([], factory);\n})(this, function () {});\n";
    assert.equal(roleOfContext(new FileContext('/ws/src/lib.js', umd, { relativePath: 'src/lib.js' })).role, 'vendored');
    const split = "if (typeof\n  define === 'function' && define.amd) {}\n";
    assert.equal(roleOfContext(new FileContext('/ws/src/lib.js', split, { relativePath: 'src/lib.js' })).role, 'vendored');
  });
});

describe('minified after an edit', () => {
  const chunk = fc.constantFrom('\n', 'x', 'abcdefghij', 'y'.repeat(300), 'z'.repeat(1999), ';');
  const longText = fc.array(chunk, { minLength: 20, maxLength: 400 }).map((parts) => parts.join(''));
  const longEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3000 }), insert: fc.array(chunk, { maxLength: 3 }).map((p) => p.join('')) });

  test('equals looksMinified of the whole new text, for any sequence of edits', () => {
    fc.assert(
      fc.property(longText, fc.array(longEdit, { minLength: 1, maxLength: 8 }), (first, edits) => {
        let context = new FileContext('/ws/src/bundle.js', first);
        assert.equal(context.minified, looksMinified('/ws/src/bundle.js', first));
        for (const e of edits) {
          const { next, change } = applyEdit(context.text, e);
          context = context.withText(next, change);
          assert.equal(context.minified, looksMinified('/ws/src/bundle.js', next));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a line past the head moves into it when text before it is removed', () => {
    // Lines of 1,900 characters (not minified: none is over 2,000), then one of 5,000 that the head cuts at 868.
    const before = `${Array.from({ length: 34 }, () => 'a'.repeat(1900)).join('\n')}\n${'w'.repeat(5000)}\n`;
    const first = new FileContext('/ws/src/app.js', before);
    assert.equal(first.minified, false);
    // Removing 1,500 characters of the first line pulls 1,500 more of the long one into the head: now minified.
    const next = first.withText(before.slice(0, 100) + before.slice(1600), { start: 100, end: 1600, newLength: 0 });
    assert.equal(looksMinified('/ws/src/app.js', next.text), true);
    assert.equal(next.minified, true);
  });

  test('holds across the 64 KiB head: a file a little longer than the head, edited before and after it', () => {
    const lines = Array.from({ length: 2100 }, (_, i) => `const v${i} = ${i}; // ${'-'.repeat(i % 40)}`);
    let context = new FileContext('/ws/src/app.js', `${lines.join('\n')}\n`);
    assert.ok(context.text.length > 65536 && !context.minified);
    for (const at of [10, 65530, 65536, 70000, 3]) {
      const next = `${context.text.slice(0, at)}q${context.text.slice(at)}`;
      context = context.withText(next, { start: at, end: at, newLength: 1 });
      assert.equal(context.minified, looksMinified('/ws/src/app.js', next));
    }
  });
});

describe('a diagnostic pull does not compute the graceful-shutdown fix', () => {
  test("reading the fix's id picks no free name; reading its edits does, and the edits are those of before", () => {
    const text = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n";
    const result = analyze(new FileContext('/ws/src/server.js', text), { config: defaultConfig() });
    const finding = result.findings.find((f) => f.ruleId === 'disposability/missing-sigterm-handler');
    assert.ok(finding);
    const lookups = identifierLookups();
    const fix = result.fixes.get(finding)?.[0];
    assert.ok(fix && fix.kind === 'edit');
    assert.equal(fixIdOf(fix), 'add-graceful-shutdown');
    assert.equal(fix.title, 'Add graceful shutdown (SIGTERM, SIGINT)');
    assert.equal(identifierLookups(), lookups, 'no name looked up for the id');
    assert.equal(fix.edits.length, 2);
    assert.ok(identifierLookups() > lookups, 'the edits pick free names');
    assert.equal(fix.edits[0].text, 'const server = ');
    assert.match(fix.edits[1].text, /const shutdown = \(signal\) => \{/);
  });
});

// A listener that only answers probes, or that closes itself once it has served, is judged per top-level statement
// (core/src/js/serverUse.ts): after any edits the answer is that of a fresh parse, and a keystroke walks one statement.
describe('servers that only answer probes or close themselves, after an edit', () => {
  const statement = fc.constantFrom(
    "const express = require('express');\n", "const http = require('http');\n", 'const app = express();\n', 'const health = express();\n',
    "app.get('/healthz', (req, res) => res.send('ok'));\n", "app.get('/users', list);\n", "health.get('/readyz', ok);\n", 'app.use(auth);\n',
    "app.set('x', 1);\n", 'module.exports = app;\n', 'app.listen(8080);\n', 'health.listen(9000);\n',
    'const server = http.createServer((req, res) => { res.end(); server.close(); });\n', 'const server = http.createServer(handler);\n',
    'server.listen(4000);\n', 'function f() { const app = 1; return app; }\n', 'class A { m() { app.post("/x", h); } }\n',
    "const swaggerUi = require('swagger-ui-express');\n", "const redoc = require('redoc-express');\n", "app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec));\n",
    "app.get('/', (req, res) => res.redirect('/docs'));\n", "app.get('/docs', redoc({ specUrl: '/spec.json' }));\n",
  );
  const source = fc.array(statement, { maxLength: 30 }).map((parts) => parts.join(''));
  const change = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.oneof(statement, fc.constantFrom('x', ' ', '(', '}', '\n', 'app', 'server')) });
  const answers = (sf: ReturnType<FileContext['withText']>['sourceFile']) => listenSites(sf).map((site) => [site.label, servesOnlyProbes(sf, site), closesItself(sf, site)]);
  // A documentation viewer's text gate is searched per run of lines and derived around each edit (`FileContext.lineLocal`).
  const docs = (context: FileContext, lineLocal: boolean) =>
    listenSites(context.sourceFile).map((site) => servesOnlyDocs(context.sourceFile, site, ModuleBindings.of(context.sourceFile), lineLocal ? (search) => context.lineLocal(search) : undefined));

  test('are judged as a fresh parse judges them, for any sequence of edits', () => {
    fc.assert(
      fc.property(source, fc.array(change, { minLength: 1, maxLength: 6 }), (first, edits) => {
        let context = new FileContext('/ws/src/server.js', first);
        answers(context.sourceFile);
        docs(context, true);
        for (const e of edits) {
          const { next, change: c } = applyEdit(context.text, e);
          context = context.withText(next, c);
          const fresh = new FileContext('/ws/src/server.js', next);
          assert.deepEqual(answers(context.sourceFile), answers(fresh.sourceFile));
          assert.deepEqual(docs(context, true), docs(fresh, false), 'documentation viewers, derived as judged afresh');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a keystroke in a 2,000-line file walks only the statement it touched', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `function handler${i}(req, res) { return res.send(${i}); }`);
    lines[0] = "const http = require('http');\nconst health = require('express')();\nconst server = http.createServer((req, res) => server.close());";
    lines[1998] = "health.get('/healthz', handler1);\nhealth.listen(9000);";
    lines[1999] = 'server.listen(4000);';
    const before = `${lines.join('\n')}\n`;
    const first = new FileContext('/ws/src/server.js', before);
    assert.deepEqual(answers(first.sourceFile), [['health.listen', true, false], ['server.listen', false, true]]);
    const at = before.indexOf('handler1000') + 7;
    const next = first.withText(`${before.slice(0, at)}x${before.slice(at)}`, { start: at, end: at, newLength: 1 });
    const sites = listenSites(next.sourceFile);
    const computed = statementFactsComputed();
    const judged = sites.map((site) => [servesOnlyProbes(next.sourceFile, site), closesItself(next.sourceFile, site)]);
    assert.deepEqual(judged, [[true, false], [false, true]]);
    // Three questions (`health` and `server` as probe-only apps, `server` as closing itself), each about the
    // statements the incremental parser made anew: the one edited and at most its neighbour. Not 2,000.
    assert.ok(statementFactsComputed() - computed <= 3 * 2, `${statementFactsComputed() - computed} statements walked`);
  });
});

describe('a line-local search after an edit', () => {
  test('keeps its merged answer only when the runs searched again found what the runs they replace had found', () => {
    const words = fc.constantFrom('pg', 'mysql', 'mongo', 'x', ' ', '\n', 'a'.repeat(700), '\n'.repeat(3));
    const long = fc.array(words, { maxLength: 60 }).map((parts) => parts.join(''));
    const per = (run: string) => [...new Set(run.match(/pg|mysql|mongo/g) ?? [])];
    fc.assert(
      fc.property(long, fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: words }), { minLength: 1, maxLength: 5 }), (first, edits) => {
        let text = first;
        let chunks = lineChunks(text, per);
        for (const e of edits) {
          const { next, change: c } = applyEdit(text, e);
          const derived = rechunk(chunks, text, next, c, per);
          const fresh = lineChunks(next, per);
          // Where runs end depends on the edits made; what the runs found, together, does not.
          assert.deepEqual([...new Set(derived.chunks.flatMap((k) => k.value))].sort(), [...new Set(fresh.flatMap((k) => k.value))].sort());
          if (derived.same) assert.deepEqual(derived.chunks.map((k) => k.value), chunks.map((k) => k.value), 'the same values, run for run');
          text = next;
          chunks = derived.chunks;
        }
      }),
      { numRuns: 300 },
    );
  });
});
