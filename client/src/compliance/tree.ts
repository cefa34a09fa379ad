import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import { factorDescription, formatCounts, panelChildren, scoreMessage, skippedDescription, skippedSummary, type PanelNode, type Worst } from '../../../core/src/compliance/panel';
import type { Finding } from '../../../core/src/types';

const ICONS: Record<Worst, [string, string | undefined]> = {
  pass: ['pass', 'testing.iconPassed'],
  info: ['info', 'list.deemphasizedForeground'],
  warning: ['warning', 'list.warningForeground'],
  error: ['error', 'list.errorForeground'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
};

const icon = (worst: Worst) => new vscode.ThemeIcon(ICONS[worst][0], ICONS[worst][1] ? new vscode.ThemeColor(ICONS[worst][1]) : undefined);

/**
 * The compliance view: twelve factors per workspace folder (one subtree per folder in a multi-root
 * workspace); under each factor the facts that decided it, the files it could not fully analyse, then its
 * files, errors first, each with its findings (a rule's repeated findings in one file folded into one node);
 * after the factors, "Skipped (N)": every file passed over or not fully analysed, with its reason. The grouping lives in
 * core/src/compliance/panel.ts; this class only turns its nodes into tree items.
 */
export class ComplianceTree implements vscode.TreeDataProvider<PanelNode> {
  private readonly changed = new vscode.EventEmitter<PanelNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private reports: ComplianceReport[] = [];
  private folderFilter: string | undefined;

  setReports(reports: ComplianceReport[]): void {
    this.reports = reports;
    this.changed.fire(undefined);
  }

  get all(): readonly ComplianceReport[] {
    return this.reports;
  }

  /** Shows one folder only (multi-root), or all again with undefined. */
  setFilter(folder: string | undefined): void {
    this.folderFilter = folder;
    this.changed.fire(undefined);
  }

  private get visible(): ComplianceReport[] {
    return this.folderFilter ? this.reports.filter((r) => r.folder === this.folderFilter) : this.reports;
  }

  /** "9/12", or "9/12 · 11/12" for several folders. */
  get score(): string | undefined {
    if (this.visible.length === 0) return undefined;
    return this.visible.map((r) => `${r.score}/12`).join(' · ');
  }

  /** "3 files skipped (1 not fully analysed)" for the status item, or undefined. */
  get skipped(): string | undefined {
    return skippedSummary(this.visible);
  }

  /** The line shown at the top of the view: the score, how many factors need a look, how many files were skipped. */
  get message(): string | undefined {
    return scoreMessage(this.visible);
  }

  getChildren(node?: PanelNode): PanelNode[] {
    return panelChildren(this.visible, node);
  }

  getTreeItem(node: PanelNode): vscode.TreeItem {
    const item = this.makeItem(node);
    item.id = node.id;
    return item;
  }

  private makeItem(node: PanelNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(path.basename(node.report.folder), Expanded);
        item.description = `${node.report.score}/12`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'folder';
        return item;
      }
      case 'factor': {
        const f = node.factor;
        const item = new vscode.TreeItem(`${f.roman}. ${f.name}`, f.findings.length > 0 || f.facts.length > 0 || f.notAnalysed.length > 0 ? Collapsed : None);
        item.iconPath = icon(node.worst);
        item.description = factorDescription(f);
        item.tooltip = new vscode.MarkdownString(`**${f.roman}. ${f.name}**: ${f.status.replace('-', ' ')}\n\n${f.reason}`);
        item.contextValue = `factor.${f.status}`;
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.relative, Collapsed);
        item.resourceUri = vscode.Uri.file(node.file);
        item.iconPath = icon(node.worst);
        item.description = formatCounts(node.counts);
        item.tooltip = `${node.relative}: ${formatCounts(node.counts) ?? ''}`;
        item.contextValue = 'file';
        return item;
      }
      case 'rule': {
        const first = node.findings[0];
        const item = new vscode.TreeItem(`${node.ruleId} ×${node.findings.length}`, Collapsed);
        item.iconPath = icon(node.worst);
        item.description = first.message;
        item.tooltip = `${node.findings.length} ${node.ruleId} findings in this file: ${formatCounts(node.counts) ?? ''}`;
        item.contextValue = 'rule';
        return item;
      }
      case 'finding':
        return findingItem(node.finding, None);
      case 'skipped': {
        const item = new vscode.TreeItem(`Skipped (${node.report.skipped.length})`, Collapsed);
        item.iconPath = node.failed > 0 ? icon('warning') : new vscode.ThemeIcon('circle-slash');
        item.description = skippedDescription(node);
        item.tooltip = 'Files the scan passed over (binary, minified, too large, unreadable) or could not fully analyse: '
          + 'they may hide findings and are never counted clean.';
        item.contextValue = 'skipped';
        return item;
      }
      case 'skippedFile': {
        const item = new vscode.TreeItem(node.relative, None);
        const uri = vscode.Uri.file(node.file);
        item.resourceUri = uri;
        item.iconPath = node.failed ? icon('warning') : new vscode.ThemeIcon('circle-slash');
        item.description = node.reason;
        item.tooltip = `${node.relative}: ${node.failed ? 'not fully analysed' : 'skipped'} (${node.reason})`;
        item.contextValue = 'skippedFile';
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        return item;
      }
      case 'fact': {
        const f = node.fact;
        const item = new vscode.TreeItem(f.message, None);
        item.iconPath = new vscode.ThemeIcon(f.status === 'pass' ? 'pass' : f.status === 'fail' ? 'error' : f.status === 'warning' ? 'warning' : 'info');
        item.contextValue = 'fact';
        if (f.file) item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(f.file)] };
        return item;
      }
    }
  }
}

function findingItem(f: Finding, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(f.message, state);
  const uri = vscode.Uri.file(f.file);
  item.description = `${f.ruleId} · Ln ${f.range.start.line + 1}`;
  item.iconPath = icon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
  item.tooltip = `${f.ruleId}: ${f.message}`;
  item.contextValue = 'finding';
  const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
  item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

export type { PanelNode as ComplianceNode };
