// Layer 2: several workspace folders, each with its own `.twelve-factor.yaml`, and folders added at run time.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol/node';
import { withSession } from './client';
import { PAY_TS, STRIPE_KEY } from './fixtures';

const WARN = "rules:\n  config/hardcoded-secret: 'warning'\n";

test('each file gets the settings of its own folder; a sibling whose name starts the same is another folder', async () => {
  const files = { 'app/.twelve-factor.yaml': WARN, 'app/packages/api/.twelve-factor.yaml': 'testFiles:\n  severity: error\n' };
  await withSession({ files, workspaceFolders: ['app', 'app2', 'app/packages/api'] }, async (s) => {
    const inApp = await s.open('app/src/pay.ts', PAY_TS);
    const inApp2 = await s.open('app2/src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(inApp)).map((d) => d.severity), [2], "app's configuration");
    assert.deepEqual((await s.diagnostics(inApp2)).map((d) => d.severity), [1], 'app2 is not inside app');
    // The innermost folder wins: its file sets only the test severity, the rule keeps its default there.
    const nested = await s.open('app/packages/api/test/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(nested)).map((d) => d.severity), [1]);
  });
});

test('exclude globs and the .env of a fix are relative to the folder of the file', async () => {
  await withSession({ workspaceFolders: ['web', 'api'], settings: { exclude: ['generated/**'] } }, async (s) => {
    const excluded = await s.open('api/generated/pay.ts', PAY_TS);
    assert.deepEqual(await s.diagnostics(excluded), []);
    const uri = await s.open('api/src/pay.ts', PAY_TS);
    const [d] = await s.diagnostics(uri);
    const move = (await s.codeActions(uri, d.range, [d])).find((a) => a.isPreferred);
    assert.ok(move?.edit);
    await s.apply(move.edit);
    assert.match(s.read('api/.env') ?? '', new RegExp(`^[A-Z_]+=${STRIPE_KEY}\\n$`));
    assert.equal(s.read('.env'), undefined);
    assert.equal(s.read('web/.env'), undefined);
  });
});

test('a folder added at run time (didChangeWorkspaceFolders) brings its configuration', async () => {
  await withSession({ files: { 'b/.twelve-factor.yaml': WARN }, workspaceFolders: ['a'] }, async (s) => {
    const uri = await s.open('b/src/pay.ts', PAY_TS);
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [1], 'outside every folder: defaults');
    await s.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [s.workspaceFolder('b')], removed: [] },
    });
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [2]);
    await s.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [s.workspaceFolder('b')] },
    });
    assert.deepEqual((await s.diagnostics(uri)).map((d) => d.severity), [1]);
  });
});
