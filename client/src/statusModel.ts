/**
 * What the one status item shows, as plain data (tested without VS Code): like vscode-eslint's item, the
 * server's state, the workspace score and the active file's findings; clicking opens a menu.
 */
export interface StatusState {
  server: 'starting' | 'running';
  /** "9/12" once the panel has a report. */
  score?: string;
  /** "3 files skipped (1 not fully analysed)" when the workspace scan passed files over. */
  skipped?: string;
  /** The active file: its findings, or why it was not analysed. */
  file?: { findings: number; skipped?: string };
}

export interface StatusView {
  text: string;
  tooltip: string;
}

export const STATUS_MENU_COMMAND = 'twelveFactor.showStatusMenu';

/** The menu the item opens: never a restart on a plain click, only when picked. */
export const STATUS_MENU: ReadonlyArray<{ label: string; description: string; command: string }> = [
  { label: '$(checklist) Show Compliance Panel', description: 'all twelve factors', command: 'twelveFactor.showCompliancePanel' },
  { label: '$(refresh) Scan Workspace', description: 'scan every file again', command: 'twelveFactor.scanWorkspace' },
  { label: '$(output) Show Output', description: 'the language server log', command: 'twelveFactor.showOutput' },
  { label: '$(debug-restart) Restart Language Server', description: '', command: 'twelveFactor.restartServer' },
];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function statusView(state: StatusState): StatusView {
  if (state.server === 'starting') return { text: '$(sync~spin) 12F', tooltip: 'Twelve-Factor: starting the language server…' };
  const score = state.score ? ` ${state.score}` : '';
  const lines = [state.score ? `Twelve-Factor: ${state.score} factors pass in this workspace.` : 'Twelve-Factor is running.'];
  // A workspace file that could not be analysed is never counted clean: said here, listed in the panel.
  if (state.skipped) lines.push(`${state.skipped}: see Skipped in the compliance panel.`);
  let icon = '$(check)';
  let count = '';
  if (state.file?.skipped) {
    icon = '$(circle-slash)';
    lines.push(`This file was not analysed (${state.file.skipped}).`);
  } else if (state.file && state.file.findings > 0) {
    icon = '$(warning)';
    count = ` · ${state.file.findings}`;
    lines.push(`${plural(state.file.findings, 'finding')} in this file.`);
  } else if (state.file) lines.push('No findings in this file.');
  lines.push('Click for the panel, a scan, the output or a restart.');
  return { text: `${icon} 12F${score}${count}`, tooltip: lines.join('\n') };
}
