// Layer 2: standard LSP with editors less capable than VS Code (the promise of a language server), and the
// lifecycle: a client that refuses optional requests must not bring the server down.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitNotification, type ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { waitFor, within, withSession, Session } from './client';
import { PAY_TS } from './fixtures';


test('a client without workspace/configuration: defaults apply and the server never asks', async () => {
  await withSession({ capabilities: (c) => ({ ...c, workspace: { ...c.workspace, configuration: false } }) }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [1]);
    assert.equal(s.configurationRequests, 0);
  });
});

test('a client that refuses client/registerCapability: the server stays up and answers', async () => {
  await withSession({ failRequests: ['client/registerCapability'] }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(uri)).length, 1);
    await s.setSettings({ rules: { 'config/hardcoded-secret': 'warning' } });
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [2]);
    assert.equal(s.child.exitCode, null, `server died: ${s.stderr.slice(0, 300)}`);
  });
});

test('a client that refuses workspace/diagnostic/refresh: the server stays up after a settings change', async () => {
  await withSession({ failRequests: ['workspace/diagnostic/refresh'] }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(uri)).length, 1);
    await s.setSettings({ enable: false });
    await waitFor(() => s.refreshRequests > 0, 'the refresh request');
    assert.deepEqual(await s.diagnostics(uri), []);
    assert.equal(s.child.exitCode, null, `server died: ${s.stderr.slice(0, 300)}`);
  });
});

test('a client that answers workspace/configuration with an error: defaults apply', async () => {
  await withSession({ failRequests: ['workspace/configuration'] }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [1]);
  });
});

test('registrations follow the client capabilities: none the client cannot take', async () => {
  const noDynamic = (c: ClientCapabilities): ClientCapabilities =>
    ({ ...c, workspace: { ...c.workspace, didChangeConfiguration: {}, didChangeWatchedFiles: {} } });
  await withSession({ capabilities: noDynamic }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(uri)).length, 1);
    assert.deepEqual(s.registrations, [], 'nothing registered dynamically without dynamicRegistration');
  });
  await withSession({}, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.equal((await s.diagnostics(uri)).length, 1);
    await waitFor(() => s.registrations.length >= 2, 'dynamic registrations');
    assert.ok(s.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    // Editors other than VS Code watch only what the server asks for: every file (the config file, .gitignore,
    // modules, and what the compliance scan reads; the server leaves out what the scan leaves out).
    const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/*' }] });
  });
});

test('lifecycle: exit without shutdown ends the server with code 1 (shutdown + exit gives 0, checked by every test)', async () => {
  const s = await Session.start();
  try {
    await s.connection.sendNotification(ExitNotification.type);
    await within(s.exited, 'exit');
    assert.equal(s.exitCode, 1);
  } finally {
    await s.close();
  }
});
