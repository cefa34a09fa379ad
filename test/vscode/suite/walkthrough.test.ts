// The first-run walkthrough: contributed, its pages shipped with the extension, and it opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, waitFor } from './helpers';

interface Walkthrough { id: string; steps: Array<{ id: string; media: { markdown?: string }; description: string }> }

suite('walkthrough', () => {
  suiteTeardown(closeAllEditors);

  test('Get started with Twelve-Factor: every step has a shipped page and a command link; it opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const [walkthrough] = (extension.packageJSON as { contributes: { walkthroughs: Walkthrough[] } }).contributes.walkthroughs;
    assert.equal(walkthrough.id, 'gettingStarted');
    const commands = await vscode.commands.getCommands(true);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, `${step.id} has a markdown page`);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      const command = /\(command:([\w.]+)\)/.exec(step.description)?.[1];
      assert.ok(command && commands.includes(command), `${step.id} links a registered command (${command})`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    await waitFor(() => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /Welcome|Walkthrough|Twelve-Factor/i.test(t.label))), 'the walkthrough tab');
  });
});
