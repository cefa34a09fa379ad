// editor.codeActionsOnSave { "source.fixAll.twelveFactor": "explicit" } moves every secret of a file when it is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, currentText, openEditor, readDisk, SESSION_SECRET, setWorkspaceSetting, STRIPE_KEY, waitFor, waitForDiagnostics } from './helpers';

// A configuration module: a phrase under a secret's name is an error there, which fix-all moves (in an ordinary
// module a secret found by its name alone is information, which fix-all leaves).
const FILE = 'fixall/src/config.ts';

suite('fix-all on save', () => {
  suiteTeardown(async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  test('saving with source.fixAll.twelveFactor moves both secrets to .env', async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.twelveFactor': 'explicit' });
    await waitFor(() => {
      const value = vscode.workspace.getConfiguration('editor').get<Record<string, string>>('codeActionsOnSave');
      return value?.['source.fixAll.twelveFactor'] === 'explicit';
    }, 'the codeActionsOnSave setting to apply');
    const editor = await openEditor(FILE);
    const { document } = editor;
    await waitForDiagnostics(document.uri, 2);

    // A save only runs save participants for a dirty file: make an unrelated edit first.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// checkout\n')));
    const edited = document.getText();
    await vscode.commands.executeCommand('workbench.action.files.save');

    // A generous guard (a loaded 2-core CI box runs the server, the extension host and the workbench at once);
    // when it runs out, the state says which half failed: the fix (key still there) or the save (still dirty).
    const text = await waitFor(() => !document.isDirty && !document.getText().includes(STRIPE_KEY) && document.getText(),
      'the save to move the secrets and write the file', 60000).catch((error: unknown) => {
      throw new Error(`${String(error)}; dirty: ${document.isDirty}, key still in the text: ${document.getText().includes(STRIPE_KEY)}`);
    });
    const m = /^\/\/ checkout\nimport Stripe from 'stripe';\n\nexport const stripe = new Stripe\(process\.env\.([A-Z_][A-Z0-9_]*)\);\nexport const sessionSecret = process\.env\.([A-Z_][A-Z0-9_]*);\n$/.exec(text);
    assert.ok(m, `unexpected text after the save:\n${text}`);
    const [, stripeName, sessionName] = m;
    assert.notEqual(stripeName, sessionName);
    assert.equal(text, edited.replace(`'${STRIPE_KEY}'`, `process.env.${stripeName}`).replace(`'${SESSION_SECRET}'`, `process.env.${sessionName}`));
    assert.equal(await readDisk(FILE), text, 'the fixed text is what was saved');
    assert.equal(await currentText('fixall/.env'), `${stripeName}=${STRIPE_KEY}\n${sessionName}=${SESSION_SECRET}\n`);
    assert.equal(await currentText('fixall/.gitignore'), 'node_modules/\n.env\n');
    await waitForDiagnostics(document.uri, 0);
  });
});
