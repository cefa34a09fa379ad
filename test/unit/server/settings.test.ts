// The settings registration against a fake connection: what is registered at `initialized`, and which
// changes drop settings, drop analyses and ask the client to pull again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FileChangeType, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ServerContext } from '../../../server/src/context';
import { WorkspaceTrustedNotification } from '../../../server/src/customMessages';
import { registerDocuments } from '../../../server/src/features/documents';
import { registerSettings } from '../../../server/src/features/settings';
import { PAY_TS } from '../../lsp/fixtures';
import { FakeConnection } from './fakeConnection';

function setup(folders = true) {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-settings-unit-')));
  const fake = new FakeConnection();
  const ctx = new ServerContext(fake.connection);
  Object.assign(ctx.client, { configuration: true, diagnosticRefresh: true });
  if (folders) ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
  registerSettings(ctx);
  registerDocuments(ctx);
  ctx.documents.listen(fake.connection);
  const uri = (rel: string) => URI.file(path.join(folder, rel)).toString();
  const codes = async (u: string) => {
    const report = await fake.call<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: u } });
    return report.kind === 'full' ? report.items.map((d) => d.code) : [];
  };
  return { folder, fake, ctx, uri, codes, done: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

test('initialized registers only what the client can register dynamically', async () => {
  const none = setup(false);
  await none.fake.call('initialized', {});
  assert.deepEqual(none.fake.registrations, []);
  none.done();
  const all = setup(false);
  Object.assign(all.ctx.client, { registerConfiguration: true, registerWatchers: true });
  await all.fake.call('initialized', {});
  assert.deepEqual(all.fake.registrations, ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  all.done();
});

test('a settings change is asked for again, applied to the next pull, and the client is asked to pull', async () => {
  const s = setup();
  try {
    const uri = s.uri('pay.ts');
    await s.fake.open(uri, PAY_TS);
    assert.deepEqual(await s.codes(uri), ['config/hardcoded-secret']);
    assert.deepEqual(await s.codes(uri), ['config/hardcoded-secret']);
    const asked = s.fake.configurationRequests;
    const refreshes = s.fake.sent('workspace/diagnostic/refresh').length;
    s.fake.configuration = { twelveFactor: { rules: { 'config/hardcoded-secret': 'off' } } };
    await s.fake.call('workspace/didChangeConfiguration', { settings: null });
    assert.equal(s.fake.sent('workspace/diagnostic/refresh').length, refreshes + 1);
    assert.deepEqual(await s.codes(uri), []);
    assert.deepEqual(s.fake.configurationAsked.slice(asked), ['twelveFactor'], 'the settings were asked again, once');
  } finally {
    s.done();
  }
});

test('.twelve-factor.yaml changed on disk: its settings apply without an editor settings change', async () => {
  const s = setup();
  try {
    const uri = s.uri('pay.ts');
    await s.fake.open(uri, PAY_TS);
    assert.deepEqual(await s.codes(uri), ['config/hardcoded-secret']);
    fs.writeFileSync(path.join(s.folder, '.twelve-factor.yaml'), 'rules:\n  config/hardcoded-secret: off\n');
    await s.fake.call('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('.twelve-factor.yaml'), type: FileChangeType.Created }] });
    assert.deepEqual(await s.codes(uri), []);
  } finally {
    s.done();
  }
});

test('trust granted while running makes fixes that write other files available', async () => {
  const s = setup();
  s.ctx.client.trusted = false;
  await s.fake.call(WorkspaceTrustedNotification.method);
  assert.equal(s.ctx.client.trusted, true);
  s.done();
});
