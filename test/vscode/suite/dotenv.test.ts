import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, currentText, openEditor, ours, waitFor } from './helpers';

suite('.env files', () => {
  suiteTeardown(closeAllEditors);

  test('the dotenv language, and diagnostics against the schema', async () => {
    const { document } = await openEditor('dotenv/.env');
    assert.equal(document.languageId, 'dotenv');
    const codes = await waitFor(() => {
      const c = ours(document.uri).map((d) => String(codeOf(d)));
      return c.includes('env/missing-required') && c.includes('env/invalid-value') ? c : undefined;
    }, 'missing-required and invalid-value on .env');
    assert.ok(codes.length >= 2);
    const invalid = ours(document.uri).find((d) => codeOf(d) === 'env/invalid-value');
    assert.equal(invalid?.range.start.line, 0, 'PORT=80800 is on the first line');
  });

  test('completion offers the schema keys the file lacks, with their type', async () => {
    const editor = await openEditor('dotenv/.env');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, end.character === 0 ? 'L' : '\nL'));
    const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      return l?.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'DATABASE_URL') ? l : undefined;
    }, 'completion items');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(!labels.includes('LOG_LEVEL'), 'a key already set is not offered again');
    assert.match(list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'DATABASE_URL')?.detail ?? '', /^url/);
    await vscode.commands.executeCommand('undo');
    await waitFor(async () => !/\nL$|^L$/m.test((await currentText('dotenv/.env')) ?? ''), 'the typed letter undone');
  });

  test('quick fix "Add missing keys" appends DATABASE_URL and the diagnostic goes away', async () => {
    const { document } = await openEditor('dotenv/.env');
    const missing = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'env/missing-required'), 'the missing-required diagnostic');
    const actions = await waitFor(async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      return all.find((a) => /missing/i.test(a.title) && a.edit) ? all : undefined;
    }, 'an add-missing-keys action');
    const add = actions.find((a) => /missing/i.test(a.title) && a.edit) as vscode.CodeAction;
    assert.ok(await vscode.workspace.applyEdit(add.edit as vscode.WorkspaceEdit));
    assert.match((await currentText('dotenv/.env')) ?? '', /^DATABASE_URL=/m);
    await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === 'env/missing-required'), 'missing-required gone');
  });

  test('hover on process.env.PORT shows its schema entry', async () => {
    const { document } = await openEditor('dotenv/src/config.ts');
    const position = document.positionAt(document.getText().indexOf('PORT') + 1);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const text = (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /PORT/.test(text) && /port/.test(text) ? text : undefined;
    }, 'a hover with the schema entry');
    assert.match(hovers, /HTTP port/);
  });
});

