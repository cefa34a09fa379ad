// One status item (score and this file's findings) whose click opens a menu, a restart that logs no error,
// and rule documentation opened offline from the extension's own files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/testApi';
import { closeAllEditors, EXTENSION_ID, openEditor, RULE, secretDiagnostics, serverPids, waitFor, waitForDiagnostics } from './helpers';

async function api(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /hardcoded-secret/.test(t.label));
}

suite('status item', () => {
  suiteTeardown(closeAllEditors);

  test('one item: the score and this file\'s findings; a click opens a menu and never restarts the server', async () => {
    await vscode.commands.executeCommand('twelveFactor.scanWorkspace');
    const { document } = await openEditor('settings/src/pay.ts');
    await waitForDiagnostics(document.uri, 1);
    const status = await waitFor(async () => {
      const s = (await api()).status();
      return /12F \d+\/12 · 1$/.test(s.text) && s;
    }, 'the status item to show the score and this file\'s finding');
    assert.equal(status.command, 'twelveFactor.showStatusMenu');
    const pids = serverPids();
    // The menu waits for a choice: dismiss it as a user would.
    const menu = vscode.commands.executeCommand('twelveFactor.showStatusMenu');
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return Promise.race([menu.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 200))]);
    }, 'the status menu to open and be dismissed');
    assert.deepEqual(serverPids(), pids, 'the same server process: a click is not a restart');
  });

  test('restarting the server writes no error to the output', async () => {
    const { document } = await openEditor('settings/src/pay.ts');
    await waitForDiagnostics(document.uri, 1);
    const before = (await api()).outputErrors().length;
    await vscode.commands.executeCommand('twelveFactor.restartServer');
    await waitFor(() => secretDiagnostics(document.uri).length === 1, 'diagnostics after the restart');
    await vscode.commands.executeCommand('twelveFactor.scanWorkspace');
    assert.deepEqual((await api()).outputErrors().slice(before), []);
  });
});

suite('rule documentation, offline', () => {
  suiteTeardown(closeAllEditors);

  test('the diagnostic code links to the command that opens the shipped page', async () => {
    const { document } = await openEditor('diagnostics/src/pay.ts');
    const [d] = await waitForDiagnostics(document.uri, 1);
    assert.ok(typeof d.code === 'object');
    assert.equal(d.code.target.scheme, 'command');
    assert.equal(d.code.target.path, 'twelveFactor.openRuleDocs');
    assert.deepEqual(JSON.parse(decodeURIComponent(d.code.target.query)), [RULE]);
  });

  test('Open Rule Documentation previews docs/rules/<id>.md from the extension, also when given the web link', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('twelveFactor.openRuleDocs', RULE);
    assert.equal(opened?.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'config', 'hardcoded-secret.md').toString());
    await waitFor(() => previewTabs().length > 0, 'a Markdown preview of hardcoded-secret.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const web = 'https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/config/hardcoded-secret.md';
    const fromLink = await vscode.commands.executeCommand<vscode.Uri>('twelveFactor.openRuleDocs', web);
    assert.equal(fromLink?.toString(), opened?.toString(), 'the code action\'s web link opens the local page');
    // The link in a hover or the Problems view is this command URI: open it as they do.
    const { document } = await openEditor('diagnostics/src/pay.ts');
    const [d] = await waitForDiagnostics(document.uri, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok(typeof d.code === 'object');
    const args = JSON.parse(decodeURIComponent(d.code.target.query)) as unknown[];
    await vscode.commands.executeCommand(d.code.target.path, ...args);
    await waitFor(() => previewTabs().length > 0, 'the preview opened from the diagnostic\'s link');
  });
});
