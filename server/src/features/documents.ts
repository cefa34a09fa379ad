import {
  DiagnosticRefreshRequest, DiagnosticSeverity, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Diagnostic, type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isAnalysisFailure } from '../../../core/src/engine';
import { prepareFor } from '../../../core/src/treesitter/prepare';
import { DocumentAnalyses, processStats } from '../analysis';
import { WorkspaceFolders, type ServerContext } from '../context';
import { ServerStatsRequest, StatusNotification } from '../customMessages';
import { skippedDiagnostic, toDiagnostic } from '../convert';
import { isEnvDeclarationFile } from './envFeatures';
import { PullCoordinator } from '../pulls';

const fsPathOf = WorkspaceFolders.fsPathOf;

/**
 * Open documents and their diagnostics: pulled (`textDocument/diagnostic`, a newer pull superseding older
 * ones) or, for clients without pull diagnostics, pushed after a pause; the status notification per document;
 * per-document state dropped on close; `twelveFactor/serverStats` for tests and troubleshooting.
 */
export function registerDocuments(ctx: ServerContext): void {
  const { connection, documents, analyses, settings, folders } = ctx;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  const reportedSkips = new Set<string>();
  // The status last sent per document: a keystroke that changes no count sends nothing (one message fewer per edit).
  const sentStatus = new Map<string, string>();
  const pulls = new PullCoordinator();
  // Counts for tests and troubleshooting: analyses run, and what is held per document (zero once all are closed).
  connection.onRequest(ServerStatsRequest, () => ({ analysesRun: analyses.runs, cachedAnalyses: analyses.size, trackedPulls: pulls.documents, ...processStats() }));

  /**
   * The diagnostics of a document's current text, or undefined when it is closed. `stillWanted` runs after
   * the settings round trip, before the analysis: it throws when a newer pull superseded this one.
   */
  const diagnosticsOf = async (uri: string, stillWanted?: () => void): Promise<Diagnostic[] | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const filePath = DocumentAnalyses.pathOf(uri, document.languageId, fsPathOf(uri));
    const folder = folders.folderOf(fsPathOf(uri));
    // A Python file's grammar loads (once) before the synchronous analysis needs it.
    await prepareFor(filePath, document.getText());
    const current = await settings.get(uri, folder);
    stillWanted?.();
    // The settings may have taken a round trip to the client. The document may have changed meanwhile (the
    // report is made for its text now, which is what the client shows) or been closed (nothing to report).
    const latest = documents.get(uri);
    if (!latest) return undefined;
    if (!current.enable) return [];
    const items: Diagnostic[] = [];
    if (current.configFile && filePath === current.configFile) {
      items.push(...current.configProblems.map((p) => ({ range: p.range, message: p.message, severity: DiagnosticSeverity.Error, source: 'twelve-factor' })));
    }
    const result = analyses.get(latest, filePath, folder, current);
    items.push(...pulls.diagnosticsOf(result, () => result.findings.map((f) => toDiagnostic(f, result.fixes.get(f)))));
    // A failed analysis may hide findings: said on the file itself, never shown as clean (issue 11). Files
    // passed over on purpose (minified, binary, too large) are only in the status bar and the log.
    if (result.skipped && isAnalysisFailure(result.skipped)) items.push(skippedDiagnostic(result.skipped));
    if (result.skipped && !reportedSkips.has(uri)) {
      reportedSkips.add(uri);
      connection.console.info(`Skipped ${filePath}: ${result.skipped}.`);
    }
    // Fails only when the connection is closing: not worth an unhandled rejection, which would end the process.
    const status = { uri, findings: result.findings.length, skipped: result.skipped };
    const key = `${status.findings}|${status.skipped ?? ''}`;
    if (sentStatus.get(uri) !== key) {
      sentStatus.set(uri, key);
      connection.sendNotification(StatusNotification, status).catch(() => undefined);
    }
    return items;
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const ticket = pulls.begin(uri);
    let items: Diagnostic[] | undefined;
    try {
      items = await diagnosticsOf(uri, () => pulls.checkCurrent(uri, ticket));
    } finally {
      pulls.done(uri, ticket);
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
  });

  // Push mode: a short debounce, so a burst of keystrokes costs one analysis.
  const schedulePush = (uri: string) => {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(uri, setTimeout(() => {
      pushTimers.delete(uri);
      const version = documents.get(uri)?.version;
      diagnosticsOf(uri).then((diagnostics) => {
        if (diagnostics === undefined || documents.get(uri)?.version !== version) return;
        return connection.sendDiagnostics({ uri, version, diagnostics });
      }).catch((error: unknown) => connection.console.error(`Diagnostics for ${uri} failed: ${String(error)}`));
    }, 150));
  };

  // Cached results were dropped: the client asks again (pull), or is sent them again (push).
  ctx.onInvalidated(() => {
    if (ctx.client.pushDiagnostics) for (const d of documents.all()) schedulePush(d.uri);
    else if (ctx.client.diagnosticRefresh) ctx.optional('workspace/diagnostic/refresh', connection.sendRequest(DiagnosticRefreshRequest.type));
  });

  documents.onDidOpen(() => ctx.openedOrClosed());
  let envEdit: NodeJS.Timeout | undefined;
  documents.onDidChangeContent((event) => {
    if (ctx.client.pushDiagnostics) schedulePush(event.document.uri);
    // Typing in a schema or .env.example re-judges the other open files (after a pause, not per keystroke).
    if (isEnvDeclarationFile(URI.parse(event.document.uri).fsPath)) {
      clearTimeout(envEdit);
      envEdit = setTimeout(() => ctx.invalidate(false), 400);
    }
    const p = fsPathOf(event.document.uri);
    if (p) ctx.facts.documentChanged(p);
    if (p) ctx.fileChanged(p);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    analyses.delete(uri);
    pulls.forget(uri);
    settings.delete(uri);
    reportedSkips.delete(uri);
    sentStatus.delete(uri);
    const p = fsPathOf(uri);
    // A closed document's unsaved text gives way to the disk's.
    if (p) ctx.facts.documentChanged(p);
    if (p) ctx.program.closeDocument(p);
    ctx.openedOrClosed();
    if (ctx.client.pushDiagnostics) {
      clearTimeout(pushTimers.get(uri));
      pushTimers.delete(uri);
      connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  });
}
