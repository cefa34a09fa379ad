// Python and Go in the editor (issue 12): a Flask app and a Go service each show their squiggles, and each
// quick fix applies as a workspace edit that clears its own diagnostic; the moved secret lands in the `.env`
// beside the service's own project file (requirements.txt, go.mod), not the workspace root's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, codeOf, currentText, MOVE_TITLE, openEditor, ours, SESSION_SECRET, STRIPE_KEY, waitFor } from './helpers';

const SECRET = 'config/hardcoded-secret';
const LOGS = 'logs/file-logging';
const SESSION = 'processes/in-memory-session';
const SIGTERM = 'disposability/missing-sigterm-handler';
const PORT = 'port-binding/hardcoded-port';

const codes = (uri: vscode.Uri) => ours(uri).map((d) => String(codeOf(d))).sort();

/** Waits for exactly these rules' diagnostics (one each) on the file. */
function waitForRules(uri: vscode.Uri, rules: string[]): Promise<vscode.Diagnostic[]> {
  const wanted = [...rules].sort();
  return waitFor(() => JSON.stringify(codes(uri)) === JSON.stringify(wanted) && ours(uri),
    `diagnostics ${JSON.stringify(wanted)} on ${vscode.workspace.asRelativePath(uri)} (now: ${JSON.stringify(codes(uri))})`);
}

/** Applies the quick fix of `rule`'s diagnostic whose title matches `title`, and waits for that diagnostic to go. */
async function fix(document: vscode.TextDocument, rule: string, title: RegExp): Promise<string> {
  // The previous fix's edit is re-analysed as a whole: the diagnostic shown may still be the old version's, whose
  // range the edit moved (a fix that adds `import os` shifts every line below it), and code actions asked at that
  // range find nothing. Poll until this rule's diagnostic, read afresh each time, offers the fix.
  let titles: string[] = [];
  const action = await waitFor(async () => {
    const diagnostic = ours(document.uri).find((d) => codeOf(d) === rule);
    if (!diagnostic) return undefined;
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
    titles = actions.map((a) => a.title);
    return actions.find((a) => title.test(a.title) && a.edit);
  }, `a quick fix ${title} for ${rule}`);
  assert.ok(action.edit, `no quick fix ${title} for ${rule} in ${JSON.stringify(titles)}`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `${action.title} applies`);
  await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === rule), `${rule} to clear after "${action.title}"`);
  return action.title;
}

suite('Python and Go files', () => {
  suiteTeardown(closeAllEditors);

  test('a Flask app: secret, file handler and filesystem sessions reported; each fix applies and clears its squiggle', async () => {
    const { document } = await openEditor('polyglot/python/app.py');
    await waitForRules(document.uri, [SECRET, LOGS, SESSION]);
    assert.ok(!JSON.stringify(ours(document.uri).map((d) => d.message)).includes(SESSION_SECRET), 'messages redact the secret');

    await fix(document, LOGS, /^Log to stdout \(StreamHandler\(sys\.stdout\)\)$/);
    const move = await fix(document, SECRET, MOVE_TITLE);
    assert.equal(MOVE_TITLE.exec(move)![1], 'SECRET_KEY');
    await fix(document, SESSION, /^Keep sessions in Redis/);
    assert.deepEqual(codes(document.uri), []);
    assert.equal(document.getText(), [
      'import logging', '', 'from flask import Flask', 'import sys', 'import os', '', 'app = Flask(__name__)',
      'app.config[\'SECRET_KEY\'] = os.environ["SECRET_KEY"]', "app.config['SESSION_TYPE'] = 'redis'", '',
      'handler = logging.StreamHandler(sys.stdout)', 'app.logger.addHandler(handler)', '', '', "@app.route('/')",
      'def index():', "    return 'ok'", '',
    ].join('\n'));
    assert.equal(await currentText('polyglot/python/.env'), `SECRET_KEY=${SESSION_SECRET}\n`);
    assert.equal(await currentText('polyglot/python/.gitignore'), '.env\n');
    assert.equal(await currentText('.env'), undefined, 'not the workspace root');
  });

  test('a Python worker: a literal port and a server without SIGTERM reported; both fixes apply and clear their squiggles', async () => {
    const { document } = await openEditor('polyglot/python/worker.py');
    await waitForRules(document.uri, [PORT, SIGTERM]);
    await fix(document, PORT, /^Read the port from os\.environ\["PORT"\]$/);
    await fix(document, SIGTERM, /^Handle SIGTERM/);
    assert.deepEqual(codes(document.uri), []);
    const text = document.getText();
    for (const line of ['import os', 'import signal', 'HTTPServer(("", int(os.environ.get("PORT", "8000"))), Handler)', 'signal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\nclass Handler']) {
      assert.ok(text.includes(line), `${line} in the fixed file:\n${text}`);
    }
  });

  test('a Go service: secret, log file, file sessions, a server without SIGTERM and a literal port reported; each fix applies and clears its squiggle', async () => {
    const { document } = await openEditor('polyglot/go/main.go');
    await waitForRules(document.uri, [SECRET, LOGS, SESSION, PORT, SIGTERM]);
    assert.ok(!JSON.stringify(ours(document.uri).map((d) => d.message)).includes(STRIPE_KEY), 'messages redact the secret');

    const move = await fix(document, SECRET, MOVE_TITLE);
    const name = MOVE_TITLE.exec(move)![1];
    await fix(document, LOGS, /^Log to stdout \(os\.Stdout\)$/);
    await fix(document, SIGTERM, /^Shut down gracefully on SIGTERM/);
    await fix(document, PORT, /^Read the port from os\.Getenv\("PORT"\)$/);
    await fix(document, SESSION, /^Keep sessions in Redis \(redistore/);
    assert.deepEqual(codes(document.uri), []);
    const text = document.getText();
    assert.ok(!text.includes(STRIPE_KEY), 'the key left the source');
    for (const line of [`var stripeKey = os.Getenv("${name}")`, 'log.SetOutput(os.Stdout)', 'defer logFile.Close()',
      'signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)', 'srv.Shutdown(shutdownCtx)', '"os/signal"', 'port := os.Getenv("PORT")',
      'redistore.NewRediStoreWithPool(&redis.Pool{', 'redis.DialURL(os.Getenv("REDIS_URL"))', '"github.com/boj/redistore"']) {
      assert.ok(text.includes(line), `${line} in the fixed file:\n${text}`);
    }
    assert.ok(!text.includes('gorilla/sessions'), 'the unused sessions import is gone');
    assert.equal(await currentText('polyglot/go/.env'), `${name}=${STRIPE_KEY}\n`);
  });
});
