// Shared by the integration tests that run inside a VS Code extension host. Stateless: each test file is bundled
// on its own, so nothing here may rely on module state being shared between files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'twelve-factor.twelve-factor';
export const RULE = 'config/hardcoded-secret';
export const SOURCE = 'twelve-factor';
export const MOVE_TITLE = /^Move to environment variable ([A-Z_][A-Z0-9_]*)$/;

/** A Stripe live secret key (Stripe's public documentation key with the live prefix), assembled at run time. */
export const STRIPE_KEY = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r';
/** A session secret kept under a telling name. */
export const SESSION_SECRET = ['c0rrect', 'h0rse', 'Battery', 'st4ple'].join('_');
/** `%%NAME%%` tokens in the fixture workspace and the values that replace them in the temporary copy. */
export const SECRETS: Record<string, string> = { STRIPE_KEY, SESSION_SECRET };

/** Set by the runners to make one assertion fail on purpose: proves a failing test gives a failing exit code. */
export const NEGATIVE_CONTROL = process.env.TWELVE_FACTOR_TEST_NEGATIVE_CONTROL === '1';

/** Polls until `probe` returns something other than undefined/false, failing after `timeoutMs`: never a fixed sleep. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (the runners open a copy of test/vscode/fixtures/workspace)');
  return folder;
}

export function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** A file's text on disk (through workspace.fs, so it works for remote and web hosts too); undefined if missing. */
export async function readDisk(relative: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(relative)));
  } catch {
    return undefined;
  }
}

/** The text VS Code holds for a file: the open model's (saved or not), else the disk's. */
export async function currentText(relative: string): Promise<string | undefined> {
  const uri = uriOf(relative);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readDisk(relative);
}

export async function openEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The rule id of a diagnostic: `code` is a string, or `{ value, target }` when the rule has a documentation link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}

/** This extension's diagnostics on a file. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Our config/hardcoded-secret diagnostics on a file (other rules may report on the fixtures as they are added). */
export function secretDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === RULE);
}

/** Waits until the file has exactly `count` hardcoded-secret diagnostics (and, if given, `check` holds for them). */
export function waitForDiagnostics(uri: vscode.Uri, count: number, check: (d: vscode.Diagnostic[]) => boolean = () => true,
  timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = secretDiagnostics(uri);
    return d.length === count && check(d) ? d : undefined;
  }, `${count} ${RULE} diagnostic(s) on ${vscode.workspace.asRelativePath(uri)} (now: ${JSON.stringify(ours(uri).map((x) => x.message))})`, timeoutMs);
}

/** The range of `needle` in a document. */
export function rangeIn(document: vscode.TextDocument, needle: string): vscode.Range {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle.slice(0, 6)}… not found in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/**
 * `vscode.executeCodeActionProvider`. VS Code cancels the request when another extension registers a code-action
 * provider meanwhile (the built-in TypeScript extension does, shortly after a .ts file opens): ask again then.
 */
export function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') return undefined;
      throw error;
    }
  }, `code actions of kind ${kind.value}`);
}

/** Updates a setting in the workspace (the temporary copy's .vscode/settings.json); undefined removes it. */
export async function setWorkspaceSetting(section: string, key: string, value: unknown, scope?: vscode.Uri): Promise<void> {
  await vscode.workspace.getConfiguration(section, scope).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Closes every editor without saving: reverts first, so no "save changes?" dialog can block the run. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Process ids of language servers (`dist/server.js`) that are children of this extension host. */
export function serverPids(): number[] {
  if (process.platform === 'win32') return [];
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m && Number(m[2]) === process.pid && /dist[\\/]server\.js/.test(m[3])) pids.push(Number(m[1]));
  }
  return pids;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
