import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/customMessages';
import { STATUS_MENU, STATUS_MENU_COMMAND, statusView, type StatusState } from './statusModel';

/** The one status item: server state, workspace score, the active file's findings. A click opens a menu. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('twelveFactor.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly state: StatusState = { server: 'starting' };
  private active: string | undefined;

  constructor() {
    this.item.name = 'Twelve-Factor';
    this.item.command = STATUS_MENU_COMMAND;
    this.render();
    this.item.show();
  }

  setState(server: StatusState['server']): void {
    this.state.server = server;
    this.render();
  }

  setScore(score: string | undefined, skipped?: string): void {
    this.state.score = score;
    this.state.skipped = skipped;
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    if (params.uri === this.active) this.showFor(params.uri);
  }

  showFor(uri: string | undefined): void {
    this.active = uri;
    const status = uri ? this.byUri.get(uri) : undefined;
    this.state.file = status ? { findings: status.findings, skipped: status.skipped } : undefined;
    this.render();
  }

  /** What the item shows now (the test API reads it). */
  get view(): { text: string; tooltip: string; command: string } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command: STATUS_MENU_COMMAND };
  }

  private render(): void {
    const view = statusView(this.state);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The click: a quick pick of what one usually wants from the status item. */
export async function showStatusMenu(): Promise<void> {
  const pick = await vscode.window.showQuickPick(STATUS_MENU.map((m) => ({ ...m })), { placeHolder: 'Twelve-Factor' });
  if (pick) await vscode.commands.executeCommand(pick.command);
}
