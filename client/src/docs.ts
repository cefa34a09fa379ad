import * as vscode from 'vscode';
import { docsPathSegments, RULE_ID, ruleIdOfDocsLink } from '../../core/src/compliance/docs';

export const OPEN_DOCS_COMMAND = 'twelveFactor.openRuleDocs';

/** A rule's page in the docs the extension ships (docs/rules/<factor>/<name>.md), whatever the host (desktop, remote, web). */
export function docsFile(extensionUri: vscode.Uri, ruleId: string): vscode.Uri | undefined {
  const segments = docsPathSegments(ruleId);
  return segments && vscode.Uri.joinPath(extensionUri, ...segments);
}

/**
 * The link a diagnostic's code carries inside VS Code: a command that opens the shipped page, offline. The
 * server keeps the web address in `codeDescription.href` for other editors; the CLI and SARIF use it too.
 */
export function docsCommandLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/** Our diagnostics, with their code's link pointing at the offline page. */
export function withOfflineDocs(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== 'twelve-factor' || typeof d.code !== 'object' || d.code === null) continue;
    const ruleId = String(d.code.value);
    if (RULE_ID.test(ruleId)) d.code = { value: ruleId, target: docsCommandLink(ruleId) };
  }
  return diagnostics;
}

/** What the command may be given: a rule id, a docs web link (the code action's), a panel node, or nothing. */
function ruleIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return RULE_ID.test(arg) ? arg : ruleIdOfDocsLink(arg);
  if (arg && typeof arg === 'object') {
    const node = arg as { ruleId?: unknown; finding?: { ruleId?: unknown } };
    if (typeof node.ruleId === 'string') return node.ruleId;
    if (typeof node.finding?.ruleId === 'string') return node.finding.ruleId;
  }
  return undefined;
}

/** Rule ids of our diagnostics under the cursor, then the rest of the active file's. */
function ruleIdsInEditor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'twelve-factor');
  const at = ours.filter((d) => d.range.contains(editor.selection.active));
  const ids = [...at, ...ours].map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '')));
  return [...new Set(ids.filter((id) => RULE_ID.test(id)))];
}

/**
 * Opens a rule's documentation in VS Code's Markdown preview, from the extension's own files: it works
 * offline and shows the docs of the version installed. Returns the file opened (tests read it).
 */
export async function openRuleDocs(extensionUri: vscode.Uri, arg?: unknown): Promise<vscode.Uri | undefined> {
  let ruleId = ruleIdOf(arg);
  if (!ruleId) {
    const ids = ruleIdsInEditor();
    ruleId = ids.length === 1 ? ids[0] : await vscode.window.showQuickPick(ids.length > 0 ? ids : await allRuleIds(extensionUri), { placeHolder: 'Open the documentation of a Twelve-Factor rule' });
  }
  if (!ruleId) return undefined;
  const file = docsFile(extensionUri, ruleId);
  try {
    if (!file) throw new Error(`not a rule id: ${ruleId}`);
    await vscode.workspace.fs.stat(file);
  } catch {
    // An unknown id, or a build without docs: the web page is the best we can do.
    if (typeof arg === 'string' && /^https:\/\//.test(arg)) await vscode.env.openExternal(vscode.Uri.parse(arg));
    else void vscode.window.showWarningMessage(`Twelve-Factor has no documentation for "${ruleId}".`);
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', file);
  return file;
}

async function allRuleIds(extensionUri: vscode.Uri): Promise<string[]> {
  const root = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const ids: string[] = [];
  for (const [factor, type] of await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as Array<[string, vscode.FileType]>)) {
    if (type !== vscode.FileType.Directory) continue;
    for (const [name] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, factor))) {
      if (name.endsWith('.md')) ids.push(`${factor}/${name.slice(0, -3)}`);
    }
  }
  return ids.sort();
}
