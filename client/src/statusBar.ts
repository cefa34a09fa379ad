import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/customMessages';

/** The status bar item: server state, and for the active file its finding count or why it was skipped. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('twelveFactor.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private state: 'starting' | 'running' = 'starting';

  constructor() {
    this.item.name = 'Twelve-Factor';
    this.item.command = 'twelveFactor.restartServer';
    this.render(undefined);
    this.item.show();
  }

  setState(state: 'starting' | 'running'): void {
    this.state = state;
    this.render(undefined);
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
  }

  showFor(uri: string | undefined): void {
    this.render(uri ? this.byUri.get(uri) : undefined);
  }

  private render(status: StatusParams | undefined): void {
    if (this.state === 'starting') {
      this.item.text = '$(sync~spin) 12F';
      this.item.tooltip = 'Twelve-Factor: starting the language server…';
      return;
    }
    if (status?.skipped) {
      this.item.text = '$(circle-slash) 12F';
      this.item.tooltip = `Twelve-Factor: this file was not analysed (${status.skipped}). Click to restart the server.`;
    } else if (status && status.findings > 0) {
      this.item.text = `$(warning) 12F ${status.findings}`;
      this.item.tooltip = `Twelve-Factor: ${status.findings} finding(s) in this file. Click to restart the server.`;
    } else {
      this.item.text = '$(check) 12F';
      this.item.tooltip = 'Twelve-Factor is running. Click to restart the language server.';
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
