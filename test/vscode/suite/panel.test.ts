// The compliance panel as a user sees it: files under each factor (errors first, counts, folds), the score
// in the view, skipped files, live updates on settings and .twelve-factor.yaml changes, and a cancellable scan.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/testApi';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import type { PanelNode } from '../../../core/src/compliance/panel';
import { EXTENSION_ID, RULE, setWorkspaceSetting, uriOf, waitFor } from './helpers';

async function api(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** Findings of a rule in the panel's current reports (what the tree shows, not a fresh scan). */
async function shown(ruleId: string): Promise<number> {
  const reports = (await api()).panel().tree.all;
  return reports.flatMap((r) => r.factors.flatMap((f) => f.findings)).filter((f) => f.ruleId === ruleId).length;
}

function configFactor(tree: vscode.TreeDataProvider<PanelNode>): Extract<PanelNode, { type: 'factor' }> {
  const roots = tree.getChildren() as PanelNode[];
  const factor = roots.find((n): n is Extract<PanelNode, { type: 'factor' }> => n.type === 'factor' && n.factor.roman === 'III');
  assert.ok(factor, 'factor III in the panel');
  return factor;
}

suite('compliance panel: grouping, score, live updates', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand<ComplianceReport[]>('twelveFactor.scanWorkspace');
  });
  teardown(async () => {
    await setWorkspaceSetting('twelveFactor', 'rules', undefined);
    await vscode.workspace.fs.delete(uriOf('.twelve-factor.yaml')).then(undefined, () => undefined);
  });

  test('findings are grouped by file, errors first, relative paths; repeated findings of a rule fold into one node', async () => {
    const { tree } = (await api()).panel();
    const factor = configFactor(tree);
    const files = tree.getChildren(factor) as PanelNode[];
    const groups = files.filter((n): n is Extract<PanelNode, { type: 'file' }> => n.type === 'file');
    assert.ok(groups.length >= 2, `several files under factor III: ${groups.map((g) => g.relative).join(', ')}`);
    for (let i = 1; i < groups.length; i++) {
      const [a, b] = [groups[i - 1].counts, groups[i].counts];
      assert.ok(a.errors > b.errors || (a.errors === b.errors && a.warnings >= b.warnings), `errors first: ${groups[i - 1].relative} before ${groups[i].relative}`);
    }
    const keys = groups.find((g) => g.relative === 'panel/src/keys.ts');
    assert.ok(keys, `panel/src/keys.ts shown by its relative path: ${groups.map((g) => g.relative).join(', ')}`);
    assert.equal(keys.counts.errors, 2);
    const item = tree.getTreeItem(keys) as vscode.TreeItem;
    assert.equal(item.label, 'panel/src/keys.ts');
    assert.equal(item.description, '2 errors');
    const [fold] = tree.getChildren(keys) as PanelNode[];
    assert.ok(fold.type === 'rule' && fold.ruleId === RULE && fold.findings.length === 2, 'the two secrets are one folded node');
    const factorItem = tree.getTreeItem(factor) as vscode.TreeItem;
    assert.ok(factorItem.iconPath instanceof vscode.ThemeIcon && factorItem.iconPath.id === 'error');
  });

  test('the score is shown in the view itself', async () => {
    const { message, description } = (await api()).panel();
    assert.match(message ?? '', /^Score \d+\/12 factors pass/);
    assert.match(description ?? '', /^\d+\/12$/);
  });

  test('a rule turned off in the settings leaves the panel without a rescan, and comes back', async () => {
    await waitFor(async () => (await shown(RULE)) > 0, `${RULE} findings in the panel`);
    await setWorkspaceSetting('twelveFactor', 'rules', { [RULE]: 'off' });
    await waitFor(async () => (await shown(RULE)) === 0, `${RULE} findings to leave the panel`, 30000);
    await setWorkspaceSetting('twelveFactor', 'rules', undefined);
    await waitFor(async () => (await shown(RULE)) > 0, `${RULE} findings to come back`, 30000);
  });

  test('a rule turned off in .twelve-factor.yaml leaves the panel without a rescan', async () => {
    await waitFor(async () => (await shown(RULE)) > 0, `${RULE} findings in the panel`);
    await vscode.workspace.fs.writeFile(uriOf('.twelve-factor.yaml'), new TextEncoder().encode(`rules:\n  ${RULE}: off\n`));
    await waitFor(async () => (await shown(RULE)) === 0, `${RULE} findings to leave the panel`, 30000);
    await vscode.workspace.fs.delete(uriOf('.twelve-factor.yaml'));
    await waitFor(async () => (await shown(RULE)) > 0, `${RULE} findings to come back`, 30000);
  });

  test('a file that cannot be fully analysed is listed under Skipped with its reason, opens on click, and is in the status item', async () => {
    const file = 'panel/src/deep.ts';
    // 10,000, not 800: once V8 has optimized TypeScript's parser (a server that has parsed for a while) its frames
    // are smaller, and 800 levels no longer overflow the stack (measured: 800 and 1,500 parse, 3,000 overflow). One
    // parenthesis a line: a 20,000-character line would make the file "minified", skipped for another reason.
    const depth = 10_000;
    // The TypeScript parser overflows its stack on this nesting; the rules reading the tree cannot judge the file.
    const text = `import express from 'express';\nexport const x = ${'(\n'.repeat(depth)}1${'\n)'.repeat(depth)};\nexpress().listen(3000);\n`;
    await vscode.workspace.fs.writeFile(uriOf(file), new TextEncoder().encode(text));
    try {
      const { tree } = (await api()).panel();
      const skippedNode = () => (tree.getChildren() as PanelNode[]).find((n): n is Extract<PanelNode, { type: 'skipped' }> => n.type === 'skipped');
      const entry = await waitFor(() => {
        const group = skippedNode();
        return group && (tree.getChildren(group) as PanelNode[]).find((n): n is Extract<PanelNode, { type: 'skippedFile' }> => n.type === 'skippedFile' && n.relative === file);
      }, `${file} under Skipped`, 30000);
      const group = skippedNode();
      assert.ok(group);
      const groupItem = tree.getTreeItem(group) as vscode.TreeItem;
      assert.match(String(groupItem.label), /^Skipped \(\d+\)$/);
      assert.match(String(groupItem.description), /\d+ not fully analysed/);
      assert.ok(entry.failed);
      const item = tree.getTreeItem(entry) as vscode.TreeItem;
      assert.equal(item.label, file);
      assert.match(String(item.description), /failed|not fully analysed/);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'warning');
      // Config does not pass while one of its files could not be read, and lists it.
      const factor = configFactor(tree);
      assert.notEqual(factor.factor.status, 'pass');
      assert.ok((tree.getChildren(factor) as PanelNode[]).some((n) => n.type === 'skippedFile' && n.relative === file));
      const { message, status } = { message: (await api()).panel().message, status: (await api()).status() };
      assert.match(message ?? '', /\d+ files? skipped \(\d+ not fully analysed\)/);
      assert.match(status.tooltip, /skipped \(\d+ not fully analysed\): see Skipped/);
      // The click opens the file.
      assert.ok(item.command);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(file), `${file} open in an editor`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uriOf(file)).then(undefined, () => undefined);
    }
    const { tree } = (await api()).panel();
    await waitFor(() => !tree.all.some((r) => r.skipped.some((s) => s.file.endsWith('deep.ts'))), `${file} to leave the panel once deleted`, 30000);
  });

  test('Scan Workspace is cancellable: a cancelled scan resolves to undefined and the panel keeps its reports', async () => {
    const before = (await api()).panel().tree.all.length;
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const result = await vscode.commands.executeCommand<ComplianceReport[] | undefined>('twelveFactor.scanWorkspace', { token: source.token });
    assert.equal(result, undefined);
    assert.equal((await api()).panel().tree.all.length, before);
    const again = await vscode.commands.executeCommand<ComplianceReport[] | undefined>('twelveFactor.scanWorkspace');
    assert.equal(again?.length, 1);
  });
});
