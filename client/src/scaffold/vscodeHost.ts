import * as vscode from 'vscode';
import type { FileChange, FolderRef, ScaffoldHost } from './host';

const decoder = new TextDecoder('utf-8');

function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

/** Line and character of an offset, counted the way VS Code counts (a `\r\n` ends a line, like `\n`). */
function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const character = offset - lineStart - (offset > lineStart && text[offset - 1] === '\r' ? 1 : 0);
  return new vscode.Position(line, character);
}

/**
 * Builds the single workspace edit: new files are created then filled, so one undo removes them again.
 *
 * The refactor preview opens when any entry has `needsConfirmation`, but VS Code also leaves every such entry
 * UNCHECKED in the preview (bulkEditPreview: `updateChecked(edit, !edit.metadata?.needsConfirmation)`), so
 * marking the real changes would make "Apply" write nothing until the user ticks them. The real changes are
 * therefore labelled but pre-checked, and one empty insertion in the same group carries `needsConfirmation`:
 * it opens the preview and changes nothing whether it is ticked or not.
 */
function workspaceEdit(changes: FileChange[], preview: boolean, label: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const uri = vscode.Uri.parse(change.uri);
    const metadata: vscode.WorkspaceEditEntryMetadata | undefined = preview ? { needsConfirmation: false, label, description: change.path } : undefined;
    if (change.kind === 'create') {
      edit.createFile(uri, { overwrite: false, ignoreIfExists: true }, metadata);
      edit.insert(uri, new vscode.Position(0, 0), change.content, metadata);
    } else if (change.kind === 'replace') {
      edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), positionAt(change.existing, change.existing.length)), change.content, metadata);
    } else {
      for (const e of change.edits) {
        edit.replace(uri, new vscode.Range(positionAt(change.existing, e.start), positionAt(change.existing, e.end)), e.text, metadata);
      }
    }
  }
  if (preview && changes.length > 0) {
    edit.insert(vscode.Uri.parse(changes[0].uri), new vscode.Position(0, 0), '', { needsConfirmation: true, label, description: 'review the changes, then Apply' });
  }
  return edit;
}

/** The scaffold commands' view of VS Code. Files are read through `workspace.fs`, so remote folders work. */
export function createVscodeHost(): ScaffoldHost {
  return {
    workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri.toString(), name: f.name })),
    async pickFolder(folders: FolderRef[], title: string) {
      const picked = await vscode.window.showQuickPick(
        folders.map((f) => ({ label: f.name, description: vscode.Uri.parse(f.uri).fsPath, folder: f })),
        { title, placeHolder: 'Folder of the project to scaffold' },
      );
      return picked?.folder;
    },
    async readFile(uri) {
      const open = openDocument(uri);
      if (open) return open.getText();
      try {
        // A link or a special file is not read for facts (it could lead outside the folder, or block).
        if ((await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).type !== vscode.FileType.File) return undefined;
        return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return undefined;
      }
    },
    async readDirectory(uri) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
        return entries
          .filter(([, type]) => (type & vscode.FileType.SymbolicLink) === 0 && (type === vscode.FileType.File || type === vscode.FileType.Directory))
          .map(([name, type]) => ({ name, directory: type === vscode.FileType.Directory }));
      } catch {
        return [];
      }
    },
    async entryKind(uri) {
      try {
        const { type } = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
        if (type & vscode.FileType.SymbolicLink) return 'symlink';
        return type === vscode.FileType.Directory ? 'directory' : type === vscode.FileType.File ? 'file' : 'other';
      } catch (error) {
        return error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'missing' : 'unreadable';
      }
    },
    async confirmOverwrite(paths, title) {
      const list = paths.length === 1 ? paths[0] : `${paths.length} files`;
      const answer = await vscode.window.showWarningMessage(
        `${list} already ${paths.length === 1 ? 'exists' : 'exist'}. Overwrite?`,
        { modal: true, detail: `${title}\n\n${paths.join('\n')}\n\nKeep Existing writes only the files that do not exist yet.` },
        'Overwrite',
        'Keep Existing',
      );
      return answer === 'Overwrite' ? 'overwrite' : answer === 'Keep Existing' ? 'keep' : 'cancel';
    },
    async applyChanges(changes, options) {
      return vscode.workspace.applyEdit(workspaceEdit(changes, options.preview, options.label), { isRefactoring: true });
    },
    async documentText(uri) {
      try {
        return (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText();
      } catch {
        return undefined;
      }
    },
    async saveFiles(uris) {
      for (const uri of uris) {
        const doc = openDocument(uri);
        if (doc?.isDirty) await doc.save();
      }
    },
    async openFile(uri) {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
    },
    async showMessage(kind, message, ...actions) {
      const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      return show(message, ...actions);
    },
    async copyToClipboard(text) {
      await vscode.env.clipboard.writeText(text);
    },
    withProgress(title, task) {
      return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task));
    },
  };
}
