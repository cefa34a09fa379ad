// Layer 2: inputs an editor really sends (huge bundles, binary files, pathological nesting, half-typed code):
// the server answers every request, stays alive, and never lets a secret out in a notification or log.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { SetTraceNotification } from 'vscode-languageserver-protocol/node';
import { rangeOf, waitFor, within, withSession, type Session } from './client';
import { ALL_SECRETS, DB_PASSWORD, PAY_TS, STRIPE_KEY, TWO_SECRETS_TS } from './fixtures';


/** The server is alive and still finds the Stripe key in an ordinary file. */
async function stillWorks(s: Session, rel = 'src/after.ts'): Promise<void> {
  const uri = await s.open(rel, PAY_TS);
  const items = await s.diagnostics(uri);
  assert.deepEqual(items.map((d) => [d.code, d.range]), [['config/hardcoded-secret', rangeOf(PAY_TS, STRIPE_KEY)]]);
}

test('a 10 MB single-line minified bundle: nothing reported, skip logged once and in the status', async () => {
  // The key inside the bundle must not be reported: the file is skipped before any rule reads it.
  const line = `var a=${JSON.stringify(STRIPE_KEY)};` + 'function f(n){return n*2+1};'.repeat(360_000);
  assert.ok(line.length > 10_000_000 && !line.includes('\n'));
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('dist/vendor.js', line);
    // Skipped before any rule reads it (how fast that is, is bench/budgets.mjs's business): nothing reported.
    assert.deepEqual(await s.pullOnce(uri), []);
    await waitFor(() => s.statuses.some((st) => st.uri === uri), 'status notification');
    const status = s.statuses.find((st) => st.uri === uri)!;
    assert.equal(status.findings, 0);
    assert.match(status.skipped ?? '', /larger than/);
    await waitFor(() => s.logs.some((l) => /Skipped .*vendor\.js.*larger than/.test(l.message)), 'skip log message');

    assert.deepEqual(await s.pullOnce(uri), []);
    assert.equal(s.logs.filter((l) => /vendor\.js/.test(l.message)).length, 1, 'the skip is logged once per document');
    await stillWorks(s);
  });
});

test('a minified bundle under the size limit is passed over as minified, but for provider-format keys', async () => {
  const line = `var k=${JSON.stringify(STRIPE_KEY)};var password="hunter22x";` + 'x=1;'.repeat(50_000);
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('public/app.js', line);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => [d.code, d.range]), [['config/hardcoded-secret', rangeOf(line, STRIPE_KEY)]]);
    await waitFor(() => s.statuses.some((st) => st.uri === uri && st.skipped === 'minified'), 'minified status');
  });
});

test('a file with NUL bytes is skipped as binary, and the server answers', async () => {
  const text = `\u0000\u0001\u0002PNG\u0000const password = '${DB_PASSWORD}';\n\u0000`;
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('assets/blob.js', text);
    assert.deepEqual(await s.diagnostics(uri), []);
    await waitFor(() => s.statuses.some((st) => st.uri === uri && st.skipped === 'binary'), 'binary status');
    await stillWorks(s);
  });
});

test('50,000 nested parentheses, brackets and braces: the server answers, survives, and still works afterwards', async () => {
  // One bracket per line, so the file is not passed over as minified and really reaches the parsers.
  const depth = 50_000;
  const nest = (open: string, close: string, middle: string) => `${open}\n`.repeat(depth) + middle + `\n${close}`.repeat(depth);
  const cases: Array<[string, string]> = [
    ['src/parens.js', `const password = '${DB_PASSWORD}';\nconst x = ${nest('(', ')', '1')};\n`],
    ['src/brackets.ts', `const token = '${DB_PASSWORD}';\nconst y = ${nest('[', ']', '')};\n`],
    ['src/unclosed.js', `const password = '${DB_PASSWORD}';\nconst z = ${'{a:\n'.repeat(depth)}\n`],
    ['config/deep.json', `{"password": "${DB_PASSWORD}", "x": ${nest('[', ']', '')}}\n`],
    ['config/deep.yaml', `password: ${DB_PASSWORD}\nx: ${nest('[', ']', '')}\n`],
  ];
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    for (const [rel, text] of cases) {
      const uri = await s.open(rel, text);
      const items = await s.diagnostics(uri);
      const found = items.filter((d) => d.code === 'config/hardcoded-secret');
      const skipNotes = items.filter((d) => d.code === undefined && /could not fully analyse this file/.test(d.message));
      assert.equal(found.length + skipNotes.length, items.length, `${rel}: nothing else is reported`);
      for (const d of found) assert.deepEqual(d.range, rangeOf(text, DB_PASSWORD), `${rel}: a finding is on the secret`);
      await waitFor(() => s.statuses.some((st) => st.uri === uri), `status of ${rel}`);
      const status = s.statuses.filter((st) => st.uri === uri).at(-1)!;
      assert.equal(status.findings, found.length, rel);
      // Skipped or found, never silently clean (issue 11): the named secret is reported, or the file says it
      // could not be fully analysed, with the reason, in its diagnostics and in the status.
      assert.ok(found.length > 0 || (skipNotes.length === 1 && /^not fully analysed|^rule /.test(status.skipped ?? '')),
        `${rel} is neither reported nor marked skipped: ${JSON.stringify(status)}`);
      const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      assert.ok(Array.isArray(await within(s.codeActions(uri, range, items), `code actions of ${rel}`)));
      assert.equal(s.child.exitCode, null, `server died on ${rel}: ${s.stderr.slice(0, 300)}`);
    }
    await stillWorks(s);
  });
});

// CORE BUG (see the report): for an unterminated literal the rule assumes a closing quote and ends the range one
// character early. The assertions on the range state the correct behaviour and fail until core/ is fixed.
test('half-typed code: an unterminated string is answered; a long enough value is reported on exactly its characters', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const short = await s.open('src/typing.ts', "const password = 'abc");
    assert.deepEqual(await s.diagnostics(short), [], "'abc' is too short to be a password");

    // Typing on: the literal is still unterminated, at the end of the file and then mid-file.
    const typed = `const password = '${DB_PASSWORD}`;
    await s.replaceText(short, typed);
    const atEnd = await s.diagnostics(short);
    assert.equal(atEnd.length, 1);
    assert.deepEqual(atEnd[0].range, rangeOf(typed, DB_PASSWORD), 'the range covers every typed character');

    const midFile = `${typed}\nexport const next = 1;\n`;
    await s.replaceText(short, midFile);
    const mid = await s.diagnostics(short);
    assert.equal(mid.length, 1);
    assert.deepEqual(mid[0].range, rangeOf(midFile, DB_PASSWORD));

    const broken = await s.open('src/broken.ts', 'export function (((( { const = ; } ]]] `${');
    assert.ok(Array.isArray(await s.diagnostics(broken)));
    await stillWorks(s);
  });
});

test('files of every kind the server reads: answered, secrets found where expected', async () => {
  const yaml = `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n`;
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const compose = await s.open('docker-compose.yml', yaml);
    assert.deepEqual((await s.diagnostics(compose)).map((d) => d.range), [rangeOf(yaml, DB_PASSWORD)]);
    const json = await s.open('config/local.json', `{ "db": { "password": "${DB_PASSWORD}" } }`);
    assert.equal((await s.diagnostics(json)).length, 1);
    const untitled = 'untitled:Untitled-1';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'typescript', version: 1, text: PAY_TS } });
    assert.equal((await s.diagnostics(untitled)).length, 1, 'an unsaved buffer is analysed by its language');
    const empty = await s.open('src/empty.ts', '');
    assert.deepEqual(await s.diagnostics(empty), []);
  });
});

test('redaction: no secret appears in any notification or log during a full session (with trace on)', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    await s.connection.sendNotification(SetTraceNotification.type, { value: 'verbose' });
    const uri = await s.open('src/app.ts', TWO_SECRETS_TS);
    const diagnostics = await s.diagnostics(uri);
    assert.equal(diagnostics.length, 2);
    const env = await s.open('.env', `DB_PASSWORD=${DB_PASSWORD}\n`);
    assert.equal((await s.diagnostics(env)).length, 1);
    const actions = await s.codeActions(uri, diagnostics[0].range, diagnostics);
    const move = actions.find((a) => a.isPreferred);
    assert.ok(move?.edit);
    await s.apply(move.edit);
    await s.diagnostics(uri);
    await s.open('dist/huge.js', `var k='${STRIPE_KEY}';` + 'y=2;'.repeat(600_000));
    await s.diagnostics(s.uri('dist/huge.js'));
    await s.setSettings({ rules: { 'config/hardcoded-secret': 'warning' } });
    await s.diagnostics(uri);
    // A status per change of a document's count: app.ts (2, then 1 after the move), .env, huge.js; the settings change keeps app.ts at 1.
    await waitFor(() => s.logs.length > 0 && s.statuses.length >= 4, 'logs and status notifications');

    // The check withSession makes at the end, made here too so this test fails on its own.
    const seen = s.sideChannel;
    for (const secret of ALL_SECRETS) assert.ok(!seen.includes(secret), 'a secret leaked');
    assert.ok(s.logs.some((l) => /huge\.js/.test(l.message)), 'the skip of huge.js was logged');
    assert.ok(s.statuses.some((st) => st.uri === uri && st.findings === 2), 'status of app.ts with its two findings');
  });
});
