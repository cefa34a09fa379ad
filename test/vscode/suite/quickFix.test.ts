// "Move to environment variable …": offered by the code-action provider, applied as one workspace edit
// (the source, a new .env, .gitignore), and undone with the editor's undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, currentText, MOVE_TITLE, openEditor, STRIPE_KEY, waitFor, waitForDiagnostics } from './helpers';

const FILE = 'quickfix/src/pay.ts';

suite('quick fix: move to environment variable', () => {
  suiteTeardown(closeAllEditors);

  test('the fix replaces the literal, creates .env with the secret and ignores it in .gitignore; undo restores the text', async () => {
    const editor = await openEditor(FILE);
    const { document } = editor;
    const original = document.getText();
    const gitignoreBefore = await currentText('quickfix/.gitignore');
    assert.equal(gitignoreBefore, 'node_modules/\n');
    assert.equal(await currentText('quickfix/.env'), undefined, 'no .env before the fix');
    const [diagnostic] = await waitForDiagnostics(document.uri, 1);

    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
    const titles = actions.map((a) => a.title);
    const move = actions.find((a) => MOVE_TITLE.test(a.title));
    assert.ok(move?.edit, `no "Move to environment variable" action with an edit in ${JSON.stringify(titles)}`);
    assert.equal(move.isPreferred, true, 'the move is the preferred fix');
    assert.ok(move.kind && vscode.CodeActionKind.QuickFix.contains(move.kind));
    assert.ok(titles.includes('Ignore this secret'), `"Ignore this secret" offered too: ${JSON.stringify(titles)}`);
    const name = MOVE_TITLE.exec(move.title)![1];

    assert.equal(await vscode.workspace.applyEdit(move.edit), true, 'the edit applies');
    const expected = original.replace(`'${STRIPE_KEY}'`, `process.env.${name}`);
    assert.notEqual(expected, original);
    assert.equal(document.getText(), expected);
    assert.equal(await currentText('quickfix/.env'), `${name}=${STRIPE_KEY}\n`);
    assert.equal(await currentText('quickfix/.gitignore'), 'node_modules/\n.env\n');
    assert.equal(await currentText('.env'), undefined, 'the .env goes next to the nearest package.json, not the workspace root');
    await waitForDiagnostics(document.uri, 0);

    // Undo acts on the active editor: the whole fix is one undo step.
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 'undo to restore the original text');
    await waitForDiagnostics(document.uri, 1);
    assert.equal(await currentText('quickfix/.gitignore'), gitignoreBefore, 'undo restores .gitignore too');
    const env = await currentText('quickfix/.env');
    assert.ok(!env?.includes(STRIPE_KEY), 'undo takes the secret out of .env again');
  });
});
