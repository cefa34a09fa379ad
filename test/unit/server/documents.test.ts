// The documents/diagnostics registration against a fake connection: pulls, supersession, push mode, close.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { LSPErrorCodes, ResponseError, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ServerContext } from '../../../server/src/context';
import { ServerStatsRequest, StatusNotification, type ServerStats, type StatusParams } from '../../../server/src/customMessages';
import { registerDocuments } from '../../../server/src/features/documents';
import { PAY_TS, PAY_TS_CLEAN } from '../../lsp/fixtures';
import { FakeConnection, until } from './fakeConnection';

const SECRET = 'config/hardcoded-secret';

function setup() {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-server-unit-')));
  const fake = new FakeConnection();
  const ctx = new ServerContext(fake.connection);
  Object.assign(ctx.client, { configuration: true, diagnosticRefresh: true });
  ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
  registerDocuments(ctx);
  ctx.documents.listen(fake.connection);
  const uri = (rel: string) => URI.file(path.join(folder, rel)).toString();
  const pull = async (u: string): Promise<Diagnostic[]> => {
    const report = await fake.call<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: u } });
    return report.kind === 'full' ? report.items : [];
  };
  const stats = () => fake.call<ServerStats>(ServerStatsRequest.method);
  return { folder, fake, ctx, uri, pull, stats, done: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

test('a pull answers with the diagnostics of the current text, and the status says how many', async () => {
  const s = setup();
  try {
    const uri = s.uri('src/pay.ts');
    await s.fake.open(uri, PAY_TS);
    assert.deepEqual((await s.pull(uri)).map((d) => d.code), [SECRET]);
    assert.deepEqual((s.fake.sent(StatusNotification.method) as StatusParams[]).map((p) => p.findings), [1]);
    await s.fake.change(uri, [{ text: PAY_TS_CLEAN }]);
    assert.deepEqual(await s.pull(uri), []);
    assert.equal((await s.stats()).analysesRun, 2, 'one analysis per version');
    await s.fake.change(uri, [{ text: `${PAY_TS_CLEAN}\n` }]);
    assert.deepEqual(await s.pull(uri), []);
    assert.equal((await s.stats()).analysesRun, 3);
    assert.deepEqual((s.fake.sent(StatusNotification.method) as StatusParams[]).map((p) => p.findings), [1, 0], 'a status only when the count changes');
  } finally {
    s.done();
  }
});

test('a newer pull supersedes an older one still waiting for settings: one analysis, the older answered ServerCancelled', async () => {
  const s = setup();
  try {
    const uri = s.uri('src/pay.ts');
    await s.fake.open(uri, PAY_TS);
    let release = (): void => undefined;
    s.fake.gate = new Promise<void>((resolve) => { release = resolve; });
    const older = s.pull(uri).then(() => undefined, (error: unknown) => error);
    const newer = s.pull(uri);
    release();
    const error = await older;
    assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled, String(error));
    assert.deepEqual((await newer).map((d) => d.code), [SECRET]);
    assert.equal((await s.stats()).analysesRun, 1);
  } finally {
    s.done();
  }
});

test('closing a document drops its analysis, its pull bookkeeping and its settings', async () => {
  const s = setup();
  try {
    const uri = s.uri('src/pay.ts');
    await s.fake.open(uri, PAY_TS);
    await s.pull(uri);
    assert.equal((await s.stats()).cachedAnalyses, 1);
    await s.fake.close(uri);
    const after = await s.stats();
    assert.deepEqual([after.cachedAnalyses, after.trackedPulls], [0, 0]);
    // Closed: nothing to report, and nothing analysed for it.
    assert.deepEqual(await s.pull(uri), []);
    assert.equal((await s.stats()).analysesRun, 1);
  } finally {
    s.done();
  }
});

test('twelveFactor.enable false: no diagnostics', async () => {
  const s = setup();
  try {
    s.fake.configuration = { twelveFactor: { enable: false } };
    const uri = s.uri('src/pay.ts');
    await s.fake.open(uri, PAY_TS);
    assert.deepEqual(await s.pull(uri), []);
  } finally {
    s.done();
  }
});

test('invalidation: a pull client is asked to pull again, a push client is sent the diagnostics of the latest version', async () => {
  const s = setup();
  try {
    s.ctx.invalidate(false);
    assert.equal(s.fake.sent('workspace/diagnostic/refresh').length, 1);

    s.ctx.client.pushDiagnostics = true;
    const uri = s.uri('src/pay.ts');
    await s.fake.open(uri, PAY_TS);
    await s.fake.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a comment\n' }]);
    await until(() => s.fake.diagnostics.length > 0, 'pushed diagnostics');
    // The burst (open, then a change) is pushed once, for the latest version.
    assert.deepEqual(s.fake.diagnostics.map((d) => [d.version, (d.diagnostics as Diagnostic[]).map((x) => x.code)]), [[2, [SECRET]]]);
    await s.fake.close(uri);
    assert.deepEqual(s.fake.diagnostics.at(-1), { uri, diagnostics: [] }, 'a closed document is cleared');
  } finally {
    s.done();
  }
});
