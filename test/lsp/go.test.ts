// Layer 2: a Go module opened in the bundled language server: the Go checks' diagnostics on a .go document,
// judged across the package's files on disk, and their quick fixes applied as an editor applies them.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { goParses, goShopModule, loadGo } from '../unit/go-helpers';
import { rangeOf, withSession, type Session } from './client';

// Assembled at run time, so no secret scanner reads this file as holding one.
const TOKEN = ['tok', '9fK2xLq7', 'WmZ4pR8s'].join('-');
const MODULE = goShopModule(TOKEN);
const CONFIG_GO = MODULE['config.go'];
const MAIN_GO = MODULE['main.go'];
const FILES = { 'go.mod': MODULE['go.mod'], 'config.go': CONFIG_GO };

const byRule = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);

async function actionTitles(s: Session, uri: string, d: Diagnostic): Promise<string[]> {
  return (await s.codeActions(uri, d.range, [d])).map((a) => a.title);
}

test('a .go document: session, file-logging and SIGTERM diagnostics at their ranges; a secret in the package beside it', async () => {
  await withSession({ files: FILES, secrets: [TOKEN] }, async (s) => {
    const uri = await s.open('main.go', MAIN_GO, 'go');
    const diagnostics = await s.diagnostics(uri);
    assert.deepEqual(byRule(diagnostics), [
      ['processes/in-memory-session', 2, 10],
      ['logs/file-logging', 2, 17],
      ['disposability/missing-sigterm-handler', 2, 22],
      ['port-binding/hardcoded-port', 2, 22],
    ]);
    assert.deepEqual(diagnostics[1].range, rangeOf(MAIN_GO, 'log.SetOutput(f)'));
    assert.deepEqual(diagnostics[2].range, rangeOf(MAIN_GO, 'http.ListenAndServe(":8080", nil)'));
    for (const d of diagnostics) assert.equal(d.source, 'twelve-factor');

    const config = await s.open('config.go', CONFIG_GO, 'go');
    const secret = await s.diagnostics(config);
    assert.deepEqual(byRule(secret), [['config/hardcoded-secret', 1, 2]]);
    assert.deepEqual(secret[0].range, rangeOf(CONFIG_GO, TOKEN));
    assert.ok(!secret[0].message.includes(TOKEN), 'the message holds the secret');
  });
});

test('quick fixes on .go documents: log to stdout, shut down gracefully, move the secret to .env', async () => {
  await withSession({ files: FILES, secrets: [TOKEN] }, async (s) => {
    const uri = await s.open('main.go', MAIN_GO, 'go');
    const logging = (await s.diagnostics(uri)).find((d) => d.code === 'logs/file-logging');
    assert.ok(logging);
    const logFix = (await s.codeActions(uri, logging.range, [logging])).find((a) => a.title === 'Log to stdout (os.Stdout)');
    assert.ok(logFix?.edit, JSON.stringify(await actionTitles(s, uri, logging)));
    assert.equal(logFix.isPreferred, true);
    await s.apply(logFix.edit);
    // `f` has no other reader: it becomes `_`, or Go would not compile the file (declared and not used).
    assert.equal(s.text(uri), MAIN_GO.replace('log.SetOutput(f)', 'log.SetOutput(os.Stdout)').replace('\tf, err := os.OpenFile', '\t_, err := os.OpenFile'));
    assert.deepEqual(byRule(await s.diagnostics(uri)).map(([rule]) => rule), ['processes/in-memory-session', 'disposability/missing-sigterm-handler', 'port-binding/hardcoded-port']);

    const sigterm = (await s.diagnostics(uri)).find((d) => d.code === 'disposability/missing-sigterm-handler');
    assert.ok(sigterm);
    const shutdown = (await s.codeActions(uri, sigterm.range, [sigterm])).find((a) => /^Shut down gracefully on SIGTERM/.test(a.title));
    assert.ok(shutdown?.edit, JSON.stringify(await actionTitles(s, uri, sigterm)));
    await s.apply(shutdown.edit);
    assert.match(s.text(uri), /signal\.NotifyContext\(context\.Background\(\), os\.Interrupt, syscall\.SIGTERM\)/);
    assert.deepEqual(byRule(await s.diagnostics(uri)).map(([rule]) => rule), ['processes/in-memory-session', 'port-binding/hardcoded-port']);

    // The graceful server keeps the literal address: the port fix reads PORT with it as the fallback.
    const port = (await s.diagnostics(uri)).find((d) => d.code === 'port-binding/hardcoded-port');
    assert.ok(port);
    const portFix = (await s.codeActions(uri, port.range, [port])).find((a) => a.title === 'Read the port from os.Getenv("PORT")');
    assert.ok(portFix?.edit, JSON.stringify(await actionTitles(s, uri, port)));
    await s.apply(portFix.edit);
    assert.match(s.text(uri), /port := os\.Getenv\("PORT"\)\n\tif port == "" \{\n\t\tport = "8080"\n\t\}/);
    await loadGo();
    assert.ok(goParses(s.text(uri)), 'the fixed file parses');
    assert.deepEqual(byRule(await s.diagnostics(uri)).map(([rule]) => rule), ['processes/in-memory-session']);

    const config = await s.open('config.go', CONFIG_GO, 'go');
    const secret = (await s.diagnostics(config))[0];
    const move = (await s.codeActions(config, secret.range, [secret])).find((a) => /^Move to environment variable API_TOKEN$/.test(a.title));
    assert.ok(move?.edit, JSON.stringify(await actionTitles(s, config, secret)));
    await s.apply(move.edit);
    assert.equal(s.text(config), 'package main\n\nimport (\n\t"os"\n)\n\nvar apiToken = os.Getenv("API_TOKEN")\n');
    assert.equal(s.read('.env'), `API_TOKEN=${TOKEN}\n`);
    assert.deepEqual(await s.diagnostics(config), []);
  });
});
