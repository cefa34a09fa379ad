// The tests' workspace-edit applier, as an editor applies an edit: resource operations and text edits in order;
// text edits to an open document go to its buffer (version-checked, sent to the server as a change), text edits
// to other files go to disk. The text arithmetic is core's own `applyEdits`, shared with `cli --fix`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { applyEdits } from '../../core/src/fixes/plan';

export interface EditTarget {
  /** The editor's buffer of an open document, or undefined when the document is not open. */
  open(uri: string): { text: string; version: number } | undefined;
  replaceText(uri: string, text: string): Promise<void>;
}

export async function applyWorkspaceEdit(edit: WorkspaceEdit, target: EditTarget): Promise<void> {
  for (const change of edit.documentChanges ?? []) {
    if (!('kind' in change)) {
      await applyTextEdits(target, change.textDocument.uri, change.textDocument.version, change.edits);
      continue;
    }
    // The client advertised resourceOperations ['create'] only.
    assert.equal(change.kind, 'create', `unexpected resource operation ${change.kind}`);
    if (change.kind !== 'create') continue;
    const file = URI.parse(change.uri).fsPath;
    const exists = fs.existsSync(file);
    if (exists && change.options?.ignoreIfExists) continue;
    assert.ok(!exists || change.options?.overwrite, `create of existing ${file} without overwrite`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) await applyTextEdits(target, uri, null, edits);
}

async function applyTextEdits(target: EditTarget, uri: string, version: number | null, edits: Array<TextEdit | AnnotatedTextEdit>): Promise<void> {
  const open = target.open(uri);
  if (open) {
    // A versioned edit made for another version of the document is refused, as VS Code refuses it.
    if (version !== null) assert.equal(version, open.version, `stale edit for ${uri}`);
    await target.replaceText(uri, applyEdits(open.text, edits));
    return;
  }
  const file = URI.parse(uri).fsPath;
  assert.ok(fs.existsSync(file), `edit to missing file ${file}`);
  fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), edits));
}
