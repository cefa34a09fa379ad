import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ComplianceReport, FactorReport, FactorStatus, WorkspaceFact } from '../../../core/src/compliance/model';
import type { Finding } from '../../../core/src/types';

type Node =
  | { type: 'folder'; report: ComplianceReport }
  | { type: 'factor'; report: ComplianceReport; factor: FactorReport }
  | { type: 'finding'; finding: Finding }
  | { type: 'fact'; fact: WorkspaceFact };

const ICONS: Record<FactorStatus, [string, string | undefined]> = {
  pass: ['pass', 'testing.iconPassed'],
  warnings: ['warning', 'list.warningForeground'],
  failing: ['error', 'list.errorForeground'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
};

/**
 * The compliance view: twelve factors per workspace folder (one subtree per folder in a multi-root
 * workspace), each with its status, reason and count; under each, the findings (click to open) and the
 * workspace facts that decided the status.
 */
export class ComplianceTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
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

  getChildren(node?: Node): Node[] {
    if (!node) {
      const visible = this.visible;
      if (visible.length === 1) return visible[0].factors.map((factor) => ({ type: 'factor', report: visible[0], factor }));
      return visible.map((report) => ({ type: 'folder', report }));
    }
    if (node.type === 'folder') return node.report.factors.map((factor) => ({ type: 'factor', report: node.report, factor }));
    if (node.type === 'factor') {
      const facts: Node[] = node.factor.facts.filter((f) => f.status !== 'pass' || node.factor.findings.length === 0)
        .map((fact) => ({ type: 'fact', fact }));
      return [...facts, ...node.factor.findings.map((finding): Node => ({ type: 'finding', finding }))];
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(path.basename(node.report.folder), vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.report.score}/12`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'folder';
        return item;
      }
      case 'factor': {
        const f = node.factor;
        const hasChildren = f.findings.length > 0 || f.facts.length > 0;
        const item = new vscode.TreeItem(`${f.roman}. ${f.name}`, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const [icon, color] = ICONS[f.status];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.description = f.findings.length > 0 ? `${f.findings.length} · ${f.reason}` : f.reason;
        item.tooltip = new vscode.MarkdownString(`**${f.roman}. ${f.name}**: ${f.status.replace('-', ' ')}\n\n${f.reason}`);
        item.contextValue = `factor.${f.status}`;
        item.id = `${node.report.folder}#${f.factor}`;
        return item;
      }
      case 'finding': {
        const f = node.finding;
        const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
        const uri = vscode.Uri.file(f.file);
        item.description = `${vscode.workspace.asRelativePath(uri)}:${f.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
        item.tooltip = `${f.ruleId}: ${f.message}`;
        item.contextValue = 'finding';
        const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case 'fact': {
        const f = node.fact;
        const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(f.status === 'pass' ? 'pass' : f.status === 'fail' ? 'error' : f.status === 'warning' ? 'warning' : 'info');
        item.contextValue = 'fact';
        if (f.file) item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(f.file)] };
        return item;
      }
    }
  }
}

export type { Node as ComplianceNode };
