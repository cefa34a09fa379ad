// Layer 2: the bundled language server, over stdio: initialize, pull diagnostics, document changes.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { rangeOf, waitFor, withSession } from './client';
import { ALL_SECRETS, PAY_TS, PAY_TS_CLEAN, STRIPE_KEY } from './fixtures';

const RULE = 'config/hardcoded-secret';

function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  return diagnostics[0];
}

test('initialize: pull diagnostics, quick fixes and fix-all, named twelve-factor', async () => {
  await withSession({}, async (s) => {
    const { capabilities, serverInfo } = s.initializeResult;
    assert.equal(serverInfo?.name, 'twelve-factor');
    assert.match(serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    assert.ok(capabilities.diagnosticProvider, 'diagnosticProvider');
    const provider = capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object', 'codeActionProvider with options');
    assert.deepEqual([...(provider.codeActionKinds ?? [])].sort(), ['quickfix', 'source.fixAll.twelveFactor']);
    assert.equal(typeof capabilities.textDocumentSync === 'object' ? capabilities.textDocumentSync.change : capabilities.textDocumentSync, 2);
  });
});

test('a Stripe key in src/pay.ts: one error on exactly the key, redacted message, documentation link', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    const d = only(await s.diagnostics(uri));
    assert.equal(d.code, RULE);
    assert.equal(d.source, 'twelve-factor');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/.+hardcoded-secret/);
    assert.deepEqual(d.range, rangeOf(PAY_TS, STRIPE_KEY));
    assert.deepEqual(d.range.start, { line: 2, character: "const stripe = new Stripe('".length });
    assert.ok(!d.message.includes(STRIPE_KEY), 'message must not hold the secret');
    assert.ok(d.message.includes(STRIPE_KEY.slice(0, 4)), `message shows the first 4 characters: ${d.message}`);
    assert.match(d.message, new RegExp(`\\b${STRIPE_KEY.length}\\b`));
    assert.ok(!JSON.stringify(d).includes(STRIPE_KEY.slice(8)), 'no part of the key beyond its prefix in the diagnostic');
    await waitFor(() => s.statuses.some((st) => st.uri === uri && st.findings === 1), 'status notification');
  });
});

test('didChange, incremental and full: removing the secret clears the diagnostic, re-adding brings it back', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(uri)).length, 1);

    // Incremental: the literal (quotes included) becomes an environment read.
    await s.change(uri, [{ range: rangeOf(PAY_TS, `'${STRIPE_KEY}'`), text: 'process.env.STRIPE_API_KEY' }]);
    assert.match(s.text(uri), /new Stripe\(process\.env\.STRIPE_API_KEY\)/);
    assert.deepEqual(await s.pullOnce(uri), []);

    // Full: the original text again.
    await s.replaceText(uri, PAY_TS);
    assert.deepEqual(only(await s.pullOnce(uri)).range, rangeOf(PAY_TS, STRIPE_KEY));

    // Several incremental changes in one notification, applied in order: a line above, then the key removed.
    await s.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// billing\n' },
      { range: rangeOf(`// billing\n${PAY_TS}`, STRIPE_KEY), text: '' },
    ]);
    assert.equal(s.text(uri), `// billing\n${PAY_TS.replace(STRIPE_KEY, '')}`);
    assert.deepEqual(await s.pullOnce(uri), []);

    // Typing the key back in, one incremental insert at the cursor.
    const at = rangeOf(s.text(uri), "Stripe('").end;
    await s.change(uri, [{ range: { start: at, end: at }, text: STRIPE_KEY }]);
    const d = only(await s.pullOnce(uri));
    assert.deepEqual(d.range, { start: at, end: { line: at.line, character: at.character + STRIPE_KEY.length } });
    assert.equal(s.version(uri), 5);

    await s.replaceText(uri, PAY_TS_CLEAN);
    assert.deepEqual(await s.pullOnce(uri), []);
  });
});

test('a pull sent right after a change answers for the new text', async () => {
  await withSession({}, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS_CLEAN);
    assert.deepEqual(await s.diagnostics(uri), []);
    // No await between the change and the request: the server must see them in order.
    void s.replaceText(uri, PAY_TS);
    assert.equal((await s.pullOnce(uri)).length, 1);
    void s.replaceText(uri, PAY_TS_CLEAN);
    assert.deepEqual(await s.pullOnce(uri), []);
  });
});

test('a change while the server waits for settings: the pull answers for the new text, never for the old', async () => {
  await withSession({}, async (s) => {
    let release = (): void => undefined;
    s.configurationGate = new Promise<void>((resolve) => { release = resolve; });
    const uri = await s.open('src/pay.ts', PAY_TS);
    const pending = s.pullOnce(uri).then((items) => ({ items }), (error: unknown) => ({ error }));
    await waitFor(() => s.configurationRequests > 0, 'the workspace/configuration request');
    await s.replaceText(uri, PAY_TS_CLEAN);
    release();
    const outcome = await pending;
    if ('error' in outcome) assert.fail(`the pull failed instead of answering for the current text: ${String(outcome.error)}`);
    assert.deepEqual(outcome.items, [], 'answered for the text that was current when the answer was made');
    assert.deepEqual(await s.pullOnce(uri), []);
  });
});

test('a document closed while the server waits for settings gets an empty report', async () => {
  await withSession({}, async (s) => {
    let release = (): void => undefined;
    s.configurationGate = new Promise<void>((resolve) => { release = resolve; });
    const uri = await s.open('src/pay.ts', PAY_TS);
    const pending = s.pullOnce(uri);
    await waitFor(() => s.configurationRequests > 0, 'the workspace/configuration request');
    await s.closeDocument(uri);
    release();
    assert.deepEqual(await pending, []);
  });
});

test('a document that is not open gets an empty report, not an error', async () => {
  await withSession({}, async (s) => {
    s.write('src/pay.ts', PAY_TS);
    assert.deepEqual(await s.pullOnce(s.uri('src/pay.ts')), []);
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.pullOnce(uri)).length, 1);
    await s.closeDocument(uri);
    assert.deepEqual(await s.pullOnce(uri), []);
  });
});

test('.env: git-ignored → nothing; not ignored → the DB_PASSWORD value; a .gitignore change is picked up', async () => {
  const password = ALL_SECRETS[1];
  const env = `PORT=3000\nDB_PASSWORD=${password}\n`;
  await withSession({ secrets: ALL_SECRETS, files: { '.gitignore': 'node_modules/\n.env\n' } }, async (s) => {
    const uri = await s.open('.env', env);
    assert.deepEqual(await s.diagnostics(uri), []);
  });
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('.env', env);
    const d = only(await s.diagnostics(uri));
    assert.equal(d.code, RULE);
    assert.deepEqual(d.range, rangeOf(env, password));
    assert.match(d.message, /DB_PASSWORD/);
    assert.ok(!d.message.includes(password));

    s.write('.gitignore', '.env\n');
    await s.fileChanged('.gitignore');
    assert.deepEqual(await s.diagnostics(uri), []);
  });
});

test('.twelve-factor.yaml with invalid YAML: a diagnostic on that file; other files analysed with the defaults', async () => {
  const broken = 'rules:\n  config/hardcoded-secret: [warning\nignore: "unclosed\n';
  await withSession({ files: { '.twelve-factor.yaml': broken } }, async (s) => {
    const config = await s.open('.twelve-factor.yaml', broken);
    const problems = await s.diagnostics(config);
    assert.ok(problems.length >= 1, 'at least one problem');
    for (const p of problems) {
      assert.equal(p.source, 'twelve-factor');
      assert.equal(p.severity, 1);
      assert.match(p.message, /^Invalid YAML/);
      assert.ok(p.range.start.line >= 0 && p.range.start.line <= 3, `range inside the file: ${JSON.stringify(p.range)}`);
    }
    const uri = await s.open('src/pay.ts', PAY_TS);
    const d = only(await s.diagnostics(uri));
    assert.equal(d.severity, 1, 'default severity: the broken file set nothing');
    assert.ok(!s.logs.some((l) => l.type === 1), `no error logged: ${JSON.stringify(s.logs)}`);
    assert.equal(s.stderr, '');
  });
});

test('.twelve-factor.yaml: valid settings apply; fixing the file (watched-file event) clears its problems', async () => {
  const unknown = 'rules:\n  config/hardcoded-secret: warning\ncolour: blue\n';
  await withSession({ files: { '.twelve-factor.yaml': unknown } }, async (s) => {
    const config = await s.open('.twelve-factor.yaml', unknown);
    // Only the configuration problems (no `code`); rule findings on this file are the next test's business.
    const problem = only((await s.diagnostics(config)).filter((d) => d.code === undefined));
    assert.match(problem.message, /colour/);
    assert.deepEqual(problem.range, rangeOf(unknown, 'colour'));
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal(only(await s.diagnostics(uri)).severity, 2, 'the valid part of the file still applies');

    s.write('.twelve-factor.yaml', 'rules:\n  config/hardcoded-secret: "off"\n');
    await s.fileChanged('.twelve-factor.yaml');
    await waitFor(() => s.refreshRequests > 0, 'workspace/diagnostic/refresh');
    assert.deepEqual(await s.diagnostics(uri), []);
    assert.deepEqual((await s.diagnostics(config)).filter((d) => d.code === undefined), []);
  });
});

// CORE BUG (see the report): the secret rule reads `config/hardcoded-secret: warning` as a secret kept under a
// key that says "secret", so the project's own configuration, and the VS Code setting the README documents, are
// flagged. This test asserts the correct behaviour and fails until core/ is fixed.
test('severities of the secret rule in .twelve-factor.yaml and settings.json are not reported as secrets', async () => {
  const yaml = 'rules:\n  config/hardcoded-secret: warning\n';
  const json = '{\n  "twelveFactor.rules": { "config/hardcoded-secret": "warning" }\n}\n';
  await withSession({ files: { '.twelve-factor.yaml': yaml } }, async (s) => {
    const config = await s.open('.twelve-factor.yaml', yaml);
    assert.deepEqual((await s.diagnostics(config)).map((d) => d.message), []);
    const settings = await s.open('.vscode/settings.json', json);
    assert.deepEqual((await s.diagnostics(settings)).map((d) => d.message), []);
  });
});
