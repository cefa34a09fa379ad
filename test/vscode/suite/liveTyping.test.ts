// Typing fast at the end of a long file: the last keystroke's secret gets its squiggle, and the file's final
// diagnostics are exactly what the CLI reports for the same text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, ours, SESSION_SECRET, STRIPE_KEY, uriOf, waitFor, workspaceFolder } from './helpers';

const FILE = 'typing/src/long.ts';
const LINES = 2000;

interface CliFinding { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }

const SEVERITY = ['error', 'warning', 'info', 'hint'];
const key = (x: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }) =>
  `${x.ruleId} ${x.severity} ${x.line}:${x.column}-${x.endLine}:${x.endColumn}`;

suite('live diagnostics while typing', () => {
  suiteTeardown(closeAllEditors);

  test('a burst of edits ending with a secret at the end of a 2,000-line file: squiggle, and the CLI\'s diagnostics', async function () {
    // Typing goes through the workbench (a round trip per keystroke chunk); on a loaded machine that takes a while.
    this.timeout(180000);
    const body = Array.from({ length: LINES }, (_, i) => `export const value${i} = ${i} * 2; // line ${i + 1}`).join('\n');
    await vscode.workspace.fs.writeFile(uriOf(FILE), new TextEncoder().encode(`${body}\n`));
    const document = await vscode.workspace.openTextDocument(uriOf(FILE));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // The file is clean before typing: whatever is reported later comes from the keystrokes.
    await waitFor(() => ours(document.uri).length === 0, 'the long file analysed, clean');

    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    // A burst: keystrokes as the editor types them (in chunks of a few characters, as a fast typist's arrive),
    // without waiting for any diagnostics between them. A name that says secret, a value typed and corrected,
    // then a Stripe key on the last line.
    const started = Date.now();
    const keys = [`\nexport const sessionSecret = '${SESSION_SECRET}x';`, '\u0008\u0008\u0008\';', `\nconst stripe = '${STRIPE_KEY}';`].join('');
    for (const part of keys.split(/(\u0008)/)) {
      if (part === '\u0008') await vscode.commands.executeCommand('deleteLeft');
      else for (let i = 0; i < part.length; i += 4) await vscode.commands.executeCommand('type', { text: part.slice(i, i + 4) });
    }
    const lastKeystroke = Date.now();
    console.log(`    typed ${keys.length} characters in ${lastKeystroke - started} ms`);
    const lastLine = document.lineCount - 1;
    assert.match(document.lineAt(lastLine).text, /^const stripe = 'sk_/);
    // The squiggle of the final text: on the whole key of the last line, not on a prefix typed earlier.
    const keyEnd = document.lineAt(lastLine).text.lastIndexOf("'");
    await waitFor(() => ours(document.uri).some((d) => d.range.start.line === lastLine && d.range.end.character === keyEnd && d.severity === vscode.DiagnosticSeverity.Error),
      `the squiggle on the last line's key (now: ${JSON.stringify(ours(document.uri).map((d) => [d.range.start.line, d.range.end.character]))})`, 20000);
    console.log(`    squiggle ${Date.now() - lastKeystroke} ms after the last keystroke`);

    // The same text through the CLI: saved, then scanned from the workspace folder.
    await document.save();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const folder = workspaceFolder().uri.fsPath;
    const run = spawnSync(process.execPath, [path.join(extension.extensionPath, 'dist', 'cli.js'), 'scan', FILE, '--format', 'json'],
      { cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    // Exit 1: error-level findings, which is what this text has.
    assert.equal(run.status, 1, run.stderr);
    const cli = (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings.map(key).sort();
    // The editor settles on the saved text: compare once nothing is pending.
    await waitFor(() => {
      const editorFindings = ours(document.uri).map((d) => key({
        ruleId: String(typeof d.code === 'object' ? d.code.value : d.code), severity: SEVERITY[d.severity],
        line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      })).sort();
      return JSON.stringify(editorFindings) === JSON.stringify(cli) || undefined;
    }, `the editor's diagnostics to equal the CLI's: ${JSON.stringify(cli)} (editor: ${JSON.stringify(ours(document.uri).map((d) => [d.code, d.range.start.line]))})`, 20000);
    assert.ok(cli.some((k) => k.startsWith('config/hardcoded-secret error')), 'the CLI reports the secret too');
  });
});
