import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { diskWriteRefusal, readForFacts } from '../../../core/src/safeFs';
import { prepareFor } from '../../../core/src/treesitter/prepare';
import { DocumentAnalyses } from '../analysis';
import { codeActions } from '../codeActions';
import { WorkspaceFolders, type ServerContext } from '../context';

const fsPathOf = WorkspaceFolders.fsPathOf;

/**
 * `textDocument/codeAction`: the finding is re-found in the analysis of the document's current version
 * (shared with the diagnostics), and its fixes planned from the files as they are now. In an untrusted
 * workspace only actions that edit the document itself are offered.
 */
export function registerCodeActions(ctx: ServerContext): void {
  const { connection, documents, settings, analyses, folders } = ctx;
  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return [];
    const filePath = DocumentAnalyses.pathOf(uri, document.languageId, fsPathOf(uri));
    const folder = folders.folderOf(fsPathOf(uri));
    await prepareFor(filePath, document.getText());
    const current = await settings.get(uri, folder);
    const latest = documents.get(uri);
    if (!current.enable || !latest) return [];
    const analysis = analyses.get(latest, filePath, folder, current);
    const actions = codeActions(params, latest, filePath, folder, analysis, {
      // A fix writes these files: it plans from what is there now (the open document, else the disk), never
      // from the folder-facts cache, which a watcher event not yet arrived would leave a step behind.
      readText: (p) => documents.get(URI.file(p).toString())?.getText() ?? readForFacts(folder ?? path.dirname(filePath), p),
      versionOf: (u) => documents.get(u)?.version ?? null,
      writeRefusal: (p) => diskWriteRefusal(folder ?? path.dirname(filePath), p),
    });
    return ctx.client.trusted ? actions : actions.filter((a) => editsOnly(a, uri));
  });
}

/** True when the action changes nothing but the document it was asked for (what an untrusted workspace allows). */
export function editsOnly(action: CodeAction, uri: string): boolean {
  const edit = action.edit;
  if (!edit) return true;
  const changes = edit.documentChanges ?? [];
  if (changes.some((c) => !('textDocument' in c) || c.textDocument.uri !== uri)) return false;
  return Object.keys(edit.changes ?? {}).every((u) => u === uri);
}
