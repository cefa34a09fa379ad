// twelveFactor.restartServer replaces the language server process and the diagnostics are published again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, processAlive, secretDiagnostics, serverPids, waitFor, waitForDiagnostics } from './helpers';

suite('restart', () => {
  suiteTeardown(closeAllEditors);

  test('twelveFactor.restartServer: a new server process, diagnostics come back', async () => {
    const { document } = await openEditor('settings/src/pay.ts');
    await waitForDiagnostics(document.uri, 1);
    const before = serverPids();
    if (process.platform !== 'win32') assert.equal(before.length, 1, `one server process before the restart: ${JSON.stringify(before)}`);

    let republished = false;
    let started = false;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (started && e.uris.some((u) => u.toString() === document.uri.toString()) && secretDiagnostics(document.uri).length === 1) republished = true;
    });
    try {
      started = true;
      await vscode.commands.executeCommand('twelveFactor.restartServer');
      await waitFor(() => republished, 'the diagnostics to be published again after the restart');
    } finally {
      listener.dispose();
    }
    await waitForDiagnostics(document.uri, 1);
    if (process.platform !== 'win32') {
      await waitFor(() => !processAlive(before[0]), `the old server (pid ${before[0]}) to exit`);
      const after = await waitFor(() => serverPids().length === 1 && serverPids(), 'exactly one server process after the restart');
      assert.notEqual(after[0], before[0], 'a new server process');
    }
  });
});

suite('crash recovery', () => {
  suiteTeardown(closeAllEditors);

  test('the server killed mid-session is restarted by the client and diagnostics come back', async () => {
    assert.notEqual(process.platform, 'win32', 'this test finds the server process with ps');
    const { document } = await openEditor('settings/src/pay.ts');
    await waitForDiagnostics(document.uri, 1);
    const [pid] = await waitFor(() => serverPids().length === 1 && serverPids(), 'one server process');
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !processAlive(pid), `the killed server (pid ${pid}) to be gone`);
    const [next] = await waitFor(() => serverPids().length === 1 && serverPids()[0] !== pid && serverPids(), 'a new server process', 30000);
    assert.notEqual(next, pid);
    // Diagnostics of the open document are pulled again from the new process.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(document.uri, 1);
  });
});
