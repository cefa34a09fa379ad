// A planted secret in a TypeScript file becomes one diagnostic: our source, the rule's code with its
// documentation link, exactly the key's range, and a message that never holds the secret.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, NEGATIVE_CONTROL, openEditor, ours, rangeIn, RULE, SOURCE, STRIPE_KEY, waitForDiagnostics } from './helpers';

suite('diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('a Stripe key in src/pay.ts: one error on exactly the key, redacted message', async () => {
    const { document } = await openEditor('diagnostics/src/pay.ts');
    const [d] = await waitForDiagnostics(document.uri, 1);
    assert.equal(ours(document.uri).length, 1, 'nothing else is reported on this file');
    assert.equal(d.source, SOURCE);
    // The negative control (TWELVE_FACTOR_TEST_NEGATIVE_CONTROL=1) expects a rule that does not exist.
    assert.equal(codeOf(d), NEGATIVE_CONTROL ? 'config/negative-control' : RULE);
    // In VS Code the link opens the documentation shipped with the extension (statusAndDocs.test.ts).
    assert.ok(typeof d.code === 'object' && /^command:twelveFactor\.openRuleDocs\?.*hardcoded-secret/.test(d.code.target.toString(true)), 'code links to the rule documentation');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.range.isEqual(rangeIn(document, STRIPE_KEY)), `range ${JSON.stringify(d.range)} is exactly the key`);
    assert.deepEqual([d.range.start.line, d.range.start.character], [2, "const stripe = new Stripe('".length]);
    assert.ok(!d.message.includes(STRIPE_KEY), 'the message must not hold the secret');
    assert.ok(!d.message.includes(STRIPE_KEY.slice(8)), 'no part of the key beyond its prefix');
    assert.ok(d.message.includes(STRIPE_KEY.slice(0, 4)), `the message shows the first characters: ${d.message}`);
    assert.match(d.message, new RegExp(`\\b${STRIPE_KEY.length}\\b`), 'the message gives the length');
  });

  test('editing the key away clears the diagnostic; undo brings it back', async () => {
    const editor = await openEditor('diagnostics/src/pay.ts');
    const { document } = editor;
    await waitForDiagnostics(document.uri, 1);
    assert.ok(await editor.edit((e) => e.replace(rangeIn(document, `'${STRIPE_KEY}'`), 'process.env.STRIPE_SECRET_KEY')));
    await waitForDiagnostics(document.uri, 0);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, 1);
    assert.ok(document.getText().includes(STRIPE_KEY));
  });
});
