import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import { ComplianceChangedNotification, ComplianceRequest, ExportReportRequest, ScanWorkspaceRequest } from '../../../server/src/customMessages';
import { ComplianceTree, type ComplianceNode } from './tree';

export interface ExportArgs {
  format?: 'markdown' | 'sarif';
  uri?: vscode.Uri;
}

/** The compliance view, its commands and the score in the status bar; data comes from the language server. */
export function registerCompliance(context: vscode.ExtensionContext, client: LanguageClient, ready: Thenable<void>): ComplianceTree {
  const tree = new ComplianceTree();
  const view = vscode.window.createTreeView('twelveFactor.compliance', { treeDataProvider: tree, showCollapseAll: true });
  const score = vscode.window.createStatusBarItem('twelveFactor.score', vscode.StatusBarAlignment.Left, 10);
  score.name = 'Twelve-Factor score';
  score.command = 'twelveFactor.showCompliancePanel';

  const show = (reports: ComplianceReport[]) => {
    tree.setReports(reports);
    view.description = tree.score;
    const text = tree.score;
    if (text) {
      score.text = `$(checklist) 12F ${text}`;
      score.tooltip = 'Twelve-Factor compliance: factors that pass. Click to open the panel.';
      score.show();
    } else score.hide();
  };
  let loaded: Thenable<void> | undefined;
  // Requests wait for the server: the view can become visible while it is still starting.
  const load = () => (loaded ??= ready.then(() => client.sendRequest(ComplianceRequest)).then(show));

  context.subscriptions.push(
    view, score,
    client.onNotification(ComplianceChangedNotification, (params) => show(params.reports)),
    // The first look at the panel starts the scan; nobody pays for it who never opens the view.
    view.onDidChangeVisibility((e) => { if (e.visible) void load(); }),
    vscode.commands.registerCommand('twelveFactor.scanWorkspace', async () => {
      await ready;
      const reports = await client.sendRequest(ScanWorkspaceRequest);
      show(reports);
      loaded = Promise.resolve();
      return reports;
    }),
    vscode.commands.registerCommand('twelveFactor.showCompliancePanel', async () => {
      await vscode.commands.executeCommand('twelveFactor.compliance.focus');
      await load();
      return tree.all;
    }),
    vscode.commands.registerCommand('twelveFactor.exportReport', (args?: ExportArgs) => exportReport(client, args)),
    vscode.commands.registerCommand('twelveFactor.filterFolder', async () => {
      const all = { label: '$(list-flat) All folders', folder: undefined as string | undefined };
      const picks = [all, ...tree.all.map((r) => ({ label: vscode.workspace.asRelativePath(r.folder), folder: r.folder }))];
      const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'Show the compliance of one folder' });
      if (!pick) return;
      tree.setFilter(pick.folder);
      view.description = tree.score;
    }),
    vscode.commands.registerCommand('twelveFactor.applyFix', (node: ComplianceNode) => runFindingAction(node, (a) => !/^(Ignore|Disable|Show documentation)/.test(a.title))),
    vscode.commands.registerCommand('twelveFactor.ignoreFinding', (node: ComplianceNode) => runFindingAction(node, (a) => /^(Ignore|Disable)/.test(a.title))),
  );
  return tree;
}

async function exportReport(client: LanguageClient, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const format = args.format ?? (await vscode.window.showQuickPick(
    [{ label: 'Markdown', description: 'factor table and findings', format: 'markdown' as const },
     { label: 'SARIF', description: 'for code scanning', format: 'sarif' as const }],
    { placeHolder: 'Export the compliance report as' }))?.format;
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = format === 'markdown' ? 'twelve-factor-report.md' : 'twelve-factor.sarif';
  const uri = args.uri ?? (await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'markdown' ? { Markdown: ['md'] } : { SARIF: ['sarif', 'json'] },
  }));
  if (!uri) return undefined;
  const content = await client.sendRequest(ExportReportRequest, { format });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  if (!args.uri) void vscode.window.showInformationMessage(`Twelve-Factor report written to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}

/** Opens the finding's file and runs the first code action the server offers for it that `choose` accepts. */
async function runFindingAction(node: ComplianceNode | undefined, choose: (a: vscode.CodeAction) => boolean): Promise<boolean> {
  if (!node || node.type !== 'finding') return false;
  const f = node.finding;
  const uri = vscode.Uri.file(f.file);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const ours = actions.filter((a) => a.diagnostics?.some((d) => d.source === 'twelve-factor' && codeOf(d) === f.ruleId));
  const action = ours.find((a) => a.isPreferred && choose(a)) ?? ours.find(choose);
  if (!action) {
    void vscode.window.showInformationMessage(`No quick fix is available for this ${f.ruleId} finding.`);
    return false;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
