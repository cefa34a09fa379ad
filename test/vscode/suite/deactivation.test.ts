// deactivate() stops the client cleanly: it resolves, the server process exits, our diagnostics are withdrawn.
// Runs last: afterwards the extension has no language server.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openEditor, ours, processAlive, serverPids, waitFor, waitForDiagnostics } from './helpers';

suite('deactivation', () => {
  test('deactivate() stops the language server and withdraws its diagnostics', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    const { document } = await openEditor('settings/src/pay.ts');
    await waitForDiagnostics(document.uri, 1);
    const pids = serverPids();
    // The extension host loaded dist/client.js with Node's require: the same module instance is returned here.
    const main = require(path.join(extension.extensionPath, 'dist', 'client.js')) as { deactivate(): Promise<void> };
    const started = Date.now();
    await main.deactivate();
    assert.ok(Date.now() - started < 10000, 'deactivate resolves promptly');
    await waitFor(() => ours(document.uri).length === 0, 'the diagnostics to be withdrawn');
    for (const pid of pids) await waitFor(() => !processAlive(pid), `the server (pid ${pid}) to exit`);
    assert.deepEqual(serverPids(), []);
    await main.deactivate(); // a second call (the host's own, at shutdown) is harmless
  });
});
