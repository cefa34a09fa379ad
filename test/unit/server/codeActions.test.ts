// The code-action registration against a fake connection: the fix planned from the current text and the
// files as they are now; in an untrusted workspace only actions that edit the document itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentContentChangeEvent, TextDocumentEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ServerContext } from '../../../server/src/context';
import { editsOnly, registerCodeActions } from '../../../server/src/features/codeActions';
import { registerDocuments } from '../../../server/src/features/documents';
import { PAY_TS, STRIPE_KEY } from '../../lsp/fixtures';
import { disableDirective } from '../../../server/src/codeActions';
import { goParses, loadGo } from '../go-helpers';
import { fake, secrets, syntaxErrors } from '../helpers';
import { loadPython, pythonParses } from '../python-helpers';
import { FakeConnection } from './fakeConnection';

const MOVE = /^Move to environment variable [A-Z_]+$/;

/**
 * The actions for the file's one diagnostic. `typedSince` is typed after the diagnostics were pulled and before
 * the actions are asked for: the request then carries a diagnostic a keystroke old, as VS Code's often does.
 */
async function actionsFor(trusted: boolean, files: Record<string, string> = {}, text = PAY_TS, typedSince: TextDocumentContentChangeEvent[] = []):
  Promise<{ uri: string; envUri: string; actions: CodeAction[]; diagnostic: Diagnostic }> {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-actions-unit-')));
  try {
    for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, rel), text);
    const fake = new FakeConnection();
    const ctx = new ServerContext(fake.connection);
    ctx.client.trusted = trusted;
    ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
    registerDocuments(ctx);
    registerCodeActions(ctx);
    ctx.documents.listen(fake.connection);
    const uri = URI.file(path.join(folder, 'pay.ts')).toString();
    await fake.open(uri, text);
    const report = await fake.call<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const diagnostics: Diagnostic[] = report.kind === 'full' ? report.items : [];
    assert.equal(diagnostics.length, 1);
    if (typedSince.length > 0) await fake.change(uri, typedSince);
    const actions = await fake.call<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    return { uri, envUri: URI.file(path.join(folder, '.env')).toString(), actions, diagnostic: diagnostics[0] };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('trusted: moving the secret to .env is offered, preferred, and edits the source and .env; the secret is never in a title', async () => {
  const { uri, envUri, actions } = await actionsFor(true, { '.gitignore': '.env\n' });
  const move = actions.find((a) => MOVE.test(a.title));
  assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(move.isPreferred, true);
  const touched = (move.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : 'uri' in c ? c.uri : ''));
  assert.ok(touched.includes(uri) && touched.includes(envUri), JSON.stringify(touched));
  assert.ok(actions.some((a) => a.title === 'Ignore this secret'));
  assert.ok(!JSON.stringify(actions.map((a) => a.title)).includes(STRIPE_KEY));
});

test('the diagnostic carries the finding and its fix by id, never the secret or its offsets', async () => {
  const { diagnostic } = await actionsFor(true, { '.gitignore': '.env\n' });
  assert.deepEqual(Object.keys(diagnostic.data as object).sort(), ['fingerprint', 'fixId', 'ruleId']);
  assert.deepEqual({ ...(diagnostic.data as object), fingerprint: undefined }, { ruleId: 'config/hardcoded-secret', fixId: 'move-to-env', fingerprint: undefined });
  assert.ok(!JSON.stringify(diagnostic).includes(STRIPE_KEY));
});

test('a diagnostic a keystroke old (lines typed above it) still gets its fix, computed from the text as it is now', async () => {
  const typed = '// payments\n// more\n';
  const { uri, actions } = await actionsFor(true, { '.gitignore': '.env\n' }, PAY_TS, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: typed }]);
  const move = actions.find((a) => MOVE.test(a.title));
  assert.ok(move?.edit, JSON.stringify(actions.map((a) => a.title)));
  const source = (move.edit.documentChanges ?? []).find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  assert.equal(source?.textDocument.version, 2, 'the edit is for the document as it is now');
  const keyLine = (typed + PAY_TS).split('\n').findIndex((l) => l.includes(STRIPE_KEY));
  assert.equal(source?.edits[0].range.start.line, keyLine);
});

test('a secret no .env line can hold exactly: the move is shown disabled with why, never an action that does nothing', async () => {
  const { actions } = await actionsFor(true, { '.gitignore': '.env\n' }, "const pool = new Pool({ privateKey: ` 0\"-0\".ZZ'#=Y#\\`c9#\\`-` });\n");
  const move = actions.find((a) => MOVE.test(a.title));
  assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(move.edit, undefined);
  assert.match(move.disabled?.reason ?? '', /^Not applied: no \.env line reads this value back exactly/);
  assert.ok(actions.some((a) => a.title === 'Ignore this secret' && a.edit), 'the other actions stay');
});

test('untrusted: only actions that edit the document itself (ignore comment, docs), never one writing .env', async () => {
  const { uri, actions } = await actionsFor(false, { '.gitignore': '.env\n' });
  assert.ok(actions.length > 0);
  assert.ok(!actions.some((a) => MOVE.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
  assert.ok(actions.every((a) => editsOnly(a, uri)));
  assert.ok(actions.some((a) => a.title === 'Ignore this secret'));
});

test('a document that is not open has no actions', async () => {
  const fake = new FakeConnection();
  const ctx = new ServerContext(fake.connection);
  registerCodeActions(ctx);
  ctx.documents.listen(fake.connection);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assert.deepEqual(await fake.call('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/a.ts' }, range, context: { diagnostics: [] } }), []);
});

// "Ignore this secret" writes `-- <reason>` in the file's own comment syntax: the result parses and the
// directive silences the finding. A `#` line in Go or Java would not compile; XML comments may not hold `--`.
describe('the disable comment, in every comment syntax', () => {
  before(async () => {
    await loadGo();
    await loadPython();
  });
  const key = fake('hK8s9dJ2', 'mQ7xZ4pL', 'w3Rt6yU1');
  const cases: Array<{ file: string; languageId: string; code: string; line: number; parses: (text: string) => boolean }> = [
    { file: 'src/pay.ts', languageId: 'typescript', code: `const apiToken = '${key}';\n`, line: 0, parses: (t) => syntaxErrors('src/pay.ts', t).length === 0 },
    { file: 'internal/config/config.go', languageId: 'go', code: `package config\n\nfunc Load() {\n\tapiToken := "${key}"\n\t_ = apiToken\n}\n`, line: 3, parses: goParses },
    { file: 'app/settings.py', languageId: 'python', code: `API_TOKEN = "${key}"\n`, line: 0, parses: pythonParses },
  ];
  for (const c of cases) {
    test(`${c.languageId}: parses, and the finding is silenced`, () => {
      const before = secrets(c.file, c.code);
      assert.equal(before.length, 1, c.file);
      const comment = disableDirective(c.languageId, `file:///ws/${c.file}`, before[0].ruleId) as string;
      const lines = c.code.split('\n');
      const indent = /^\s*/.exec(lines[c.line])?.[0] ?? '';
      lines.splice(c.line, 0, `${indent}${comment}`);
      const after = lines.join('\n');
      assert.match(after, / -- <reason>/);
      assert.ok(c.parses(after), after);
      assert.deepEqual(secrets(c.file, after), [], after);
    });
  }
  test('Java, Kotlin, C# and PHP use //; YAML, .env, shell and Dockerfiles use #; Markdown an HTML comment', () => {
    const id = 'config/hardcoded-secret';
    for (const file of ['A.java', 'b.kt', 'C.cs', 'd.php']) assert.match(disableDirective('plaintext', `file:///ws/${file}`, id) ?? '', /^\/\/ twelve-factor-disable-next-line/, file);
    for (const file of ['a.yaml', '.env', 'run.sh', 'Dockerfile', 'main.tf']) assert.match(disableDirective('plaintext', `file:///ws/${file}`, id) ?? '', /^# twelve-factor-disable-next-line/, file);
    assert.equal(disableDirective('markdown', 'file:///ws/README.md', id), `<!-- twelve-factor-disable-next-line ${id} -- <reason> -->`);
  });
  test('JSON and XML get no disable comment', () => {
    for (const file of ['a.json', 'web.config', 'App.csproj', 'settings.xml']) assert.equal(disableDirective('plaintext', `file:///ws/${file}`, 'config/hardcoded-secret'), undefined, file);
  });
});
