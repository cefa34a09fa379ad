// Settings reach the running server without a reload: a severity override and twelveFactor.enable.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openEditor, ours, RULE, setWorkspaceSetting, waitFor, waitForDiagnostics } from './helpers';

const FILE = 'settings/src/pay.ts';
const severityIs = (severity: vscode.DiagnosticSeverity) => (d: vscode.Diagnostic[]) => d[0].severity === severity;

suite('settings', () => {
  teardown(async () => {
    await setWorkspaceSetting('twelveFactor', 'rules', undefined);
    await setWorkspaceSetting('twelveFactor', 'enable', undefined);
  });
  suiteTeardown(closeAllEditors);

  test('twelveFactor.rules { "config/hardcoded-secret": "warning" } turns the error into a warning, and back', async () => {
    const { document } = await openEditor(FILE);
    await waitForDiagnostics(document.uri, 1, severityIs(vscode.DiagnosticSeverity.Error));
    await setWorkspaceSetting('twelveFactor', 'rules', { [RULE]: 'warning' }, document.uri);
    const [d] = await waitForDiagnostics(document.uri, 1, severityIs(vscode.DiagnosticSeverity.Warning));
    assert.equal(codeOf(d), RULE);
    await setWorkspaceSetting('twelveFactor', 'rules', undefined, document.uri);
    await waitForDiagnostics(document.uri, 1, severityIs(vscode.DiagnosticSeverity.Error));
  });

  test('twelveFactor.rules "off" reports nothing', async () => {
    const { document } = await openEditor(FILE);
    await waitForDiagnostics(document.uri, 1);
    await setWorkspaceSetting('twelveFactor', 'rules', { [RULE]: 'off' }, document.uri);
    await waitForDiagnostics(document.uri, 0);
  });

  test('twelveFactor.enable false clears the diagnostics; true brings them back', async () => {
    const { document } = await openEditor(FILE);
    await waitForDiagnostics(document.uri, 1);
    await setWorkspaceSetting('twelveFactor', 'enable', false, document.uri);
    await waitFor(() => ours(document.uri).length === 0, 'every twelve-factor diagnostic to be cleared');
    await setWorkspaceSetting('twelveFactor', 'enable', true, document.uri);
    await waitForDiagnostics(document.uri, 1);
  });
});
