// Layer 2: `twelveFactor.*` settings, asked of the client with workspace/configuration and dropped on
// workspace/didChangeConfiguration.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitFor, withSession } from './client';
import { ALL_SECRETS, PAY_TS } from './fixtures';

const RULE = 'config/hardcoded-secret';

test('rules: warning applies once the settings cache is invalidated by didChangeConfiguration', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    const before = await s.diagnostics(uri);
    assert.deepEqual(before.map((d) => [d.code, d.severity]), [[RULE, 1]]);
    const asked = s.configurationRequests;
    assert.ok(asked >= 1, 'the server asked the client for its settings');

    await s.setSettings({ rules: { [RULE]: 'warning' } });
    await waitFor(() => s.refreshRequests > 0, 'workspace/diagnostic/refresh after the settings change');
    const after = await s.diagnostics(uri);
    assert.deepEqual(after.map((d) => [d.code, d.severity]), [[RULE, 2]]);
    assert.ok(s.configurationRequests > asked, 'settings asked again after the change');

    await s.setSettings({ rules: { [RULE]: 'hint' } });
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [4]);
    await s.setSettings({ rules: { [RULE]: 'off' } });
    assert.deepEqual(await s.diagnostics(uri), []);
  });
});

test('settings given at start apply to the first pull', async () => {
  await withSession({ settings: { rules: { [RULE]: 'info' } } }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [3]);
  });
});

test('enable: false → no diagnostics and no code actions; enable again → back', async () => {
  await withSession({ settings: { enable: false } }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual(await s.diagnostics(uri), []);
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 80 } };
    assert.deepEqual(await s.codeActions(uri, range, [], ['source.fixAll']), []);
    await s.setSettings({ enable: true });
    assert.equal((await s.diagnostics(uri)).length, 1);
  });
});

test('test code: a provider key keeps the rule severity; name-based secrets are off by default, testFiles.severity and secrets.reportInTests bring them back', async () => {
  const NAMED = "export const db = { password: 'hunter2x-9f8e-Qz7LkP' };\n";
  await withSession({}, async (s) => {
    const keyInTest = await s.open('test/pay.ts', PAY_TS);
    const namedInTest = await s.open('src/db.test.ts', NAMED);
    const source = await s.open('src/db.ts', NAMED);
    assert.deepEqual((await s.diagnostics(keyInTest)).map((d) => [d.code, d.severity]), [[RULE, 1]], 'a live key in a test is a leak');
    assert.deepEqual(await s.diagnostics(namedInTest), []);
    assert.deepEqual((await s.diagnostics(source)).map((d) => d.severity), [1], 'ordinary source keeps the rule severity');

    await s.setSettings({ testFiles: { severity: 'warning' } });
    assert.deepEqual((await s.diagnostics(namedInTest)).map((d) => d.severity), [2]);
    await s.setSettings({ secrets: { reportInTests: true } });
    assert.deepEqual((await s.diagnostics(namedInTest)).map((d) => d.severity), [1]);
    // Test code is never reported above the rule's own severity.
    await s.setSettings({ rules: { [RULE]: 'hint' }, testFiles: { severity: 'error' } });
    assert.deepEqual((await s.diagnostics(namedInTest)).map((d) => d.severity), [4]);
  });
});

test('a secret found by its name alone is information; secrets.reportByNameAlone makes it an error', async () => {
  await withSession({}, async (s) => {
    const uri = await s.open('src/admin.ts', "export const adminPassword = 'lnbits42';\n");
    assert.deepEqual((await s.diagnostics(uri)).map((d) => [d.code, d.severity]), [[RULE, 3]]);
    await s.setSettings({ secrets: { reportByNameAlone: true } });
    assert.deepEqual((await s.diagnostics(uri)).map((d) => [d.code, d.severity]), [[RULE, 1]]);
  });
});

test('exclude globs are relative to the workspace folder', async () => {
  await withSession({ settings: { exclude: ['legacy/**'] } }, async (s) => {
    const excluded = await s.open('legacy/pay.ts', PAY_TS);
    const kept = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual(await s.diagnostics(excluded), []);
    assert.equal((await s.diagnostics(kept)).length, 1);
  });
});

test('malformed settings from the client fall back to defaults instead of failing', async () => {
  // Hand-written settings.json can hold anything: wrong types must not break analysis.
  const settings = { rules: { [RULE]: 'loud' }, exclude: 'src/**', testFiles: { severity: 7 } } as unknown as Parameters<typeof withSession>[0]['settings'];
  await withSession({ settings }, async (s) => {
    const uri = await s.open('src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [1]);
    assert.equal(s.stderr, '');
  });
});
