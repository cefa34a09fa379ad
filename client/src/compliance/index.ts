import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import { ComplianceChangedNotification, ComplianceRequest, ExportReportRequest, ScanWorkspaceRequest } from '../../../server/src/customMessages';
import { ComplianceTree, type ComplianceNode } from './tree';

export interface ExportArgs {
  format?: 'markdown' | 'sarif';
  uri?: vscode.Uri;
}

/** What the panel shows now, for the status item and the test API. */
export interface CompliancePanel {
  tree: ComplianceTree;
  view: vscode.TreeView<ComplianceNode>;
}

/**
 * The compliance view and its commands; data comes from the language server. `onScore` hears the score
 * and the skipped-files summary each time a report arrives (the status item shows them).
 */
export function registerCompliance(context: vscode.ExtensionContext, client: LanguageClient, ready: Thenable<void>,
  onScore: (score: string | undefined, skipped: string | undefined) => void): CompliancePanel {
  const tree = new ComplianceTree();
  const view = vscode.window.createTreeView('twelveFactor.compliance', { treeDataProvider: tree, showCollapseAll: true });

  const refreshTitle = () => {
    view.description = tree.score;
    // In the view itself, above the factors: the score is not only in the status bar.
    view.message = tree.message;
  };
  const show = (reports: ComplianceReport[]) => {
    tree.setReports(reports);
    refreshTitle();
    onScore(tree.score, tree.skipped);
  };
  let loaded: Thenable<void> | undefined;
  // Requests wait for the server: the view can become visible while it is still starting.
  const load = () => (loaded ??= ready.then(() => client.sendRequest(ComplianceRequest)).then(show));
  let scans = 0;

  context.subscriptions.push(
    view,
    client.onNotification(ComplianceChangedNotification, (params) => show(params.reports)),
    // The first look at the panel starts the scan; nobody pays for it who never opens the view.
    view.onDidChangeVisibility((e) => { if (e.visible) void load(); }),
    // Resolves to the reports, or undefined when the scan was cancelled (the notification's button, or `args.token`).
    vscode.commands.registerCommand('twelveFactor.scanWorkspace', async (args?: { token?: vscode.CancellationToken }) => {
      await ready;
      const reports = await vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification, title: 'Twelve-Factor: scanning the workspace', cancellable: true,
      }, async (progress, shownToken) => {
        const cancel = new vscode.CancellationTokenSource();
        const links = [shownToken, args?.token].filter((t) => t !== undefined).map((t) => t.onCancellationRequested(() => cancel.cancel()));
        if (shownToken.isCancellationRequested || args?.token?.isCancellationRequested) cancel.cancel();
        const token = cancel.token;
        // Client-initiated work-done progress: the server reports on this token, cancellation travels with the request.
        const workDoneToken = `twelveFactor/scan/${++scans}`;
        let shown = 0;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind !== 'report') return;
          const percentage = value.percentage ?? shown;
          progress.report({ increment: Math.max(0, percentage - shown), message: value.message });
          shown = Math.max(shown, percentage);
        });
        try {
          const result = await client.sendRequest(ScanWorkspaceRequest, { workDoneToken }, token);
          return token.isCancellationRequested ? undefined : result;
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          listening.dispose();
          for (const l of links) l.dispose();
          cancel.dispose();
        }
      });
      if (!reports) return undefined;
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
      refreshTitle();
    }),
    vscode.commands.registerCommand('twelveFactor.applyFix', (node: ComplianceNode) => runFindingAction(node, (a) => !/^(Ignore|Disable|Show documentation)/.test(a.title))),
    vscode.commands.registerCommand('twelveFactor.ignoreFinding', (node: ComplianceNode) => runFindingAction(node, (a) => /^(Ignore|Disable)/.test(a.title))),
  );
  return { tree, view };
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
