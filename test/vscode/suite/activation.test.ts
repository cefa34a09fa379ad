// The extension is found under its publisher.name id, activates, and contributes its commands and settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, serverPids, waitFor } from './helpers';

suite('activation', () => {
  test('twelve-factor.twelve-factor activates and starts its language server', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(extension.packageJSON.main, './dist/client.js');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('twelveFactor.restartServer'), 'twelveFactor.restartServer is registered');
    assert.ok(commands.includes('twelveFactor.openRuleDocs'), 'twelveFactor.openRuleDocs is registered');
    if (process.platform !== 'win32') await waitFor(() => serverPids().length === 1, 'one dist/server.js child of the extension host');
  });

  test('its settings are contributed with their defaults', () => {
    const config = vscode.workspace.getConfiguration('twelveFactor');
    assert.equal(config.get('enable'), true);
    assert.deepEqual(config.get('rules'), {});
    assert.equal(config.get('testFiles.severity'), 'off');
    assert.equal(config.get('secrets.reportInTests'), false);
    assert.equal(config.get('secrets.reportByNameAlone'), false);
  });
});
