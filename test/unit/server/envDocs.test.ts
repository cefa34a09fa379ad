// Documentation as declaration in the server: a Markdown page that lists a setting declares it
// (core/src/env/docDeclared.ts), so changing the page, on disk or in the editor, re-judges open env reads
// although the server keeps what the documentation declares until its folder facts move.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FileChangeType, type DocumentDiagnosticReport, type Hover, type Location } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ServerContext } from '../../../server/src/context';
import { registerDocuments } from '../../../server/src/features/documents';
import { registerEnvFeatures } from '../../../server/src/features/envFeatures';
import { registerSettings } from '../../../server/src/features/settings';
import { FakeConnection, until } from './fakeConnection';

const RULE = 'env/undeclared-usage';
const UNDOCUMENTED = '# Settings\n\nSee the code.\n';
const DOCUMENTED = '# Settings\n\n- **API_TOKEN** - the token the API expects\n';

function setup() {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-envdocs-unit-')));
  fs.writeFileSync(path.join(folder, '.env.example'), 'DATABASE_URL=\n');
  fs.mkdirSync(path.join(folder, 'docs'));
  fs.writeFileSync(path.join(folder, 'docs', 'env.md'), UNDOCUMENTED);
  const fake = new FakeConnection();
  const ctx = new ServerContext(fake.connection);
  Object.assign(ctx.client, { configuration: true, diagnosticRefresh: true });
  ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
  registerSettings(ctx);
  registerDocuments(ctx);
  registerEnvFeatures(ctx);
  ctx.documents.listen(fake.connection);
  const uri = (rel: string) => URI.file(path.join(folder, rel)).toString();
  const codes = async (u: string) => {
    const report = await fake.call<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: u } });
    return report.kind === 'full' ? report.items.map((d) => d.code) : [];
  };
  return { folder, fake, uri, codes, done: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

test('a docs page changed on disk re-judges the open file', async () => {
  const s = setup();
  try {
    const app = s.uri('src/app.ts');
    await s.fake.open(app, 'const t = process.env.API_TOKEN;\n');
    assert.deepEqual(await s.codes(app), [RULE]);
    fs.writeFileSync(path.join(s.folder, 'docs', 'env.md'), DOCUMENTED);
    await s.fake.call('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('docs/env.md'), type: FileChangeType.Changed }] });
    assert.deepEqual(await s.codes(app), []);
  } finally {
    s.done();
  }
});

test('a docs page edited in the editor re-judges the open file, and undoing the edit brings the finding back', async () => {
  const s = setup();
  try {
    const app = s.uri('src/app.ts');
    await s.fake.open(app, 'const t = process.env.API_TOKEN;\n');
    assert.deepEqual(await s.codes(app), [RULE]);
    const page = s.uri('docs/env.md');
    await s.fake.open(page, UNDOCUMENTED, 'markdown');
    const refreshes = () => s.fake.sent('workspace/diagnostic/refresh').length;
    const before = refreshes();
    await s.fake.change(page, [{ text: DOCUMENTED }]);
    await until(() => refreshes() > before, 'a refresh after the edit');
    assert.deepEqual(await s.codes(app), []);
    const again = refreshes();
    await s.fake.change(page, [{ text: UNDOCUMENTED }]);
    await until(() => refreshes() > again, 'a refresh after the undo');
    assert.deepEqual(await s.codes(app), [RULE]);
  } finally {
    s.done();
  }
});

test('hover and go-to-definition of a read the docs declare lead to the page line', async () => {
  const s = setup();
  try {
    fs.writeFileSync(path.join(s.folder, 'docs', 'env.md'), DOCUMENTED);
    const app = s.uri('src/app.ts');
    await s.fake.open(app, 'const t = process.env.API_TOKEN;\n');
    const at = { textDocument: { uri: app }, position: { line: 0, character: 25 } };
    const hover = await s.fake.call<Hover>('textDocument/hover', at);
    assert.match((hover.contents as { value: string }).value, /Documented in `env\.md` \(line 3\)/);
    const targets = await s.fake.call<Location[]>('textDocument/definition', at);
    assert.deepEqual(targets, [{ uri: s.uri('docs/env.md'), range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } } }]);
  } finally {
    s.done();
  }
});
