import * as path from 'node:path';
import {
  CodeActionKind, DiagnosticRefreshRequest, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  TextDocuments, TextDocumentSyncKind, type CodeAction, type Connection, type Diagnostic, type DocumentDiagnosticReport, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze, isAnalysisFailure } from '../../core/src/engine';
import { prepareFor } from '../../core/src/treesitter/prepare';
import { onLanguageFailure } from '../../core/src/treesitter/runtime';
import { fileKindOf } from '../../core/src/fileKinds';
import { scanLargeEnv } from '../../core/src/largeEnv';
import { DiskCache } from '../../core/src/diskCache';
import { isGitIgnored } from '../../core/src/gitignore';
import { isGitTracked } from '../../core/src/git/tracked';
import { diskWriteRefusal, readForFacts, staysInside } from '../../core/src/safeFs';
import type { FileHost } from '../../core/src/host';
import { diskWorkspaceHost } from '../../core/src/workspace/disk';
import { workspaceFacts, type WorkspaceFact } from '../../core/src/workspace/facts';
import { VERSION } from '../../core/src/version';
import { DocumentAnalyses, processStats } from './analysis';
import { FolderFactsVersion } from './folderFacts';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { ServerStatsRequest, StatusNotification, WorkspaceTrustedNotification } from './customMessages';
import { skippedDiagnostic, toDiagnostic } from './convert';
import { PullCoordinator } from './pulls';
import { WorkspaceProgram } from './program';
import { registerCompliance } from './compliance';
import { isEnvDeclarationFile, registerEnvFeatures } from './envFeatures';
import { SettingsStore } from './settings';

/** Source files whose changes on disk the program index follows. */

/** Wires LSP requests to the core engine. Everything that decides anything lives in core/. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const program = new WorkspaceProgram(() => {
    compliance.programChanged();
    invalidate(false);
  }, (m) => connection.console.log(m), (file) => folderOf(file), { readFile: (p) => host.readFile(p), rootOf: (p) => folderOf(p) });
  // How rules read other files (a schema, .env.example, package.json): the editor's text when open, else the disk.
  // The disk is listed and read once per folder and file until the watcher reports a change (folderFacts.ts).
  // On the disk, a file inside a folder is not followed outside it (a schema linked to /etc reads as absent).
  const disk = new DiskCache(undefined, (p) => staysInside(folderOf(p), p));
  const facts = new FolderFactsVersion(disk);
  const host: FileHost & { readonly version: number } = {
    readFile: (p) => documents.get(URI.file(p).toString())?.getText() ?? disk.readFile(p),
    rootOf: (p) => folderOf(p),
    get version() {
      return facts.version;
    },
  };
  const analyses = new DocumentAnalyses(program, host);
  // Editors without pull diagnostics (Neovim 0.7, older clients) are sent them instead.
  let pushDiagnostics = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let folders: WorkspaceFolder[] = [];
  let hasConfigurationCapability = false;
  let trusted = true;
  let hasDiagnosticRefresh = false;
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  const settings = new SettingsStore(connection, () => hasConfigurationCapability);
  // One message per grammar that fails to load: that language's files are reported as not fully analysed.
  onLanguageFailure((language, message) => {
    connection.console.error(`Twelve-Factor: ${message}`);
    connection.window.showWarningMessage(`Twelve-Factor: ${message}. ${language} files are not analysed.`);
  });
  const reportedSkips = new Set<string>();
  const pulls = new PullCoordinator();
  // Counts for tests and troubleshooting: analyses run, and what is held per document (zero once all are closed).
  connection.onRequest(ServerStatsRequest, () => ({ analysesRun: analyses.runs, cachedAnalyses: analyses.size, trackedPulls: pulls.documents, ...processStats() }));

  const fsPathOf = (uri: string): string | undefined => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  };
  const folderOf = (filePath: string | undefined): string | undefined => {
    if (!filePath) return folders[0] ? fsPathOf(folders[0].uri) : undefined;
    let best: string | undefined;
    for (const f of folders) {
      const p = fsPathOf(f.uri);
      if (p && isInside(p, filePath) && (!best || p.length > best.length)) best = p;
    }
    return best;
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    // Untrusted workspace: analysis only; no fix may write a file other than the one being edited.
    trusted = (params.initializationOptions as { workspaceTrusted?: boolean } | undefined)?.workspaceTrusted !== false;
    hasConfigurationCapability = caps.workspace?.configuration === true;
    hasDiagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canRegisterWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    pushDiagnostics = caps.textDocument?.diagnostic === undefined;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Inter-file: whether a server handles SIGTERM can depend on another module.
        diagnosticProvider: { identifier: 'twelve-factor', interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: ['.'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'twelve-factor', version: VERSION },
    };
  });

  // A request the client may refuse: a refusal is logged, never left as an unhandled rejection (which ends Node).
  const optional = (what: string, request: Promise<unknown>) => {
    request.catch((error: unknown) => connection.console.log(`${what} refused by the client: ${error instanceof Error ? error.message : String(error)}`));
  };

  connection.onInitialized(() => {
    // Only what the client said it can take: registering regardless is a protocol error for other editors.
    if (hasConfigurationCapability && canRegisterConfiguration) {
      optional('Registration of workspace/didChangeConfiguration', connection.client.register(DidChangeConfigurationNotification.type, { section: 'twelveFactor' }));
    }
    // VS Code's client watches these files itself (synchronize.fileEvents); other editors watch what the server asks for.
    if (canRegisterWatchers) {
      optional('Registration of workspace/didChangeWatchedFiles', connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*' }],
      }));
    }
    const indexAll = () => {
      const paths = folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined);
      program.indexFolders(paths).catch((error: unknown) => connection.console.error(`Indexing failed: ${String(error)}`));
    };
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders = folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)).concat(event.added);
      invalidate(true);
      indexAll();
    });
    indexAll();
  });

  const factsCache = new Map<string, { at: number; facts: WorkspaceFact[] }>();
  const compliance = registerCompliance(connection, {
    folders: () => folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined),
    folderOf: (file) => folderOf(file),
    openText: (file) => documents.get(URI.file(file).toString())?.getText(),
    analyze: async (file, text, folder) => {
      const current = await settings.get(URI.file(folder).toString(), folder);
      if (!current.enable) return { findings: [] };
      const gitIgnored = fileKindOf(file) === 'env' && isGitIgnored(file, undefined, folder);
      const gitTracked = fileKindOf(file) === 'env' && isGitTracked(file);
      const relativePath = path.relative(folder, file).split(path.sep).join('/');
      await prepareFor(file, text);
      // With the findings inline comments silenced (marked `suppression`): the panel counts them per factor.
      const result = analyze(new FileContext(file, text, { gitIgnored, gitTracked }), { config: current.config, relativePath, program: program.view(file), host });
      return { findings: [...result.findings, ...result.suppressed], skipped: result.skipped };
    },
    largeEnv: async (file, folder) => {
      const current = await settings.get(URI.file(folder).toString(), folder);
      if (!current.enable) return [];
      const relativePath = path.relative(folder, file).split(path.sep).join('/');
      return scanLargeEnv(file, { config: current.config, relativePath, gitIgnored: isGitIgnored(file, undefined, folder) });
    },
    excludes: async (folder) => {
      if (!hasConfigurationCapability) return [];
      try {
        const exclude = (await connection.workspace.getConfiguration({ scopeUri: URI.file(folder).toString(), section: 'files.exclude' })) as Record<string, boolean> | null;
        return Object.entries(exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob.replace(/^\*\*\//, '**/'));
      } catch {
        return [];
      }
    },
    // Bounded (a few hundred files for the health endpoint) and cached briefly: a burst of edits reads them once.
    facts: (folder) => {
      const cached = factsCache.get(folder);
      if (cached && Date.now() - cached.at < 5000) return cached.facts;
      const facts = workspaceFacts(folder, diskWorkspaceHost(folder, (p) => host.readFile(p)));
      factsCache.set(folder, { at: Date.now(), facts });
      return facts;
    },
    workspaceDiagnostics: async () => {
      if (!hasConfigurationCapability) return false;
      try {
        return (await connection.workspace.getConfiguration('twelveFactor.workspaceDiagnostics')) === true;
      } catch {
        return false;
      }
    },
  });
  documents.onDidOpen(() => compliance.openedOrClosed());
  // Trust granted while running: fixes that write .env, .gitignore or .env.example become available.
  connection.onNotification(WorkspaceTrustedNotification, () => {
    trusted = true;
  });

  /** Drops cached results (and settings, when they may have changed) and has the client ask again. */
  const invalidate = (settingsChanged: boolean) => {
    if (settingsChanged) {
      settings.clear();
      compliance.settingsChanged();
    }
    analyses.clear();
    if (pushDiagnostics) for (const d of documents.all()) schedulePush(d.uri);
    else if (hasDiagnosticRefresh) optional('workspace/diagnostic/refresh', connection.sendRequest(DiagnosticRefreshRequest.type));
  };
  connection.onDidChangeConfiguration(() => invalidate(true));
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`) || /\/\.gitignore$/.test(c.uri))) invalidate(true);
    // A schema, .env.example or .env changed: every .env and every env read is judged against it.
    else if (params.changes.some((c) => isEnvDeclarationFile(URI.parse(c.uri).fsPath))) invalidate(false);
    for (const c of params.changes) {
      const p = fsPathOf(c.uri);
      if (!p) continue;
      disk.forget(p);
      program.fileChanged(p);
      compliance.fileChanged(p);
    }
  });

  /**
   * The diagnostics of a document's current text, or undefined when it is closed. `stillWanted` runs after
   * the settings round trip, before the analysis: it throws when a newer pull superseded this one.
   */
  const diagnosticsOf = async (uri: string, stillWanted?: () => void): Promise<Diagnostic[] | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const filePath = DocumentAnalyses.pathOf(uri, document.languageId, fsPathOf(uri));
    const folder = folderOf(fsPathOf(uri));
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
    items.push(...pulls.diagnosticsOf(result, () => result.findings.map(toDiagnostic)));
    // A failed analysis may hide findings: said on the file itself, never shown as clean (issue 11). Files
    // passed over on purpose (minified, binary, too large) are only in the status bar and the log.
    if (result.skipped && isAnalysisFailure(result.skipped)) items.push(skippedDiagnostic(result.skipped));
    if (result.skipped && !reportedSkips.has(uri)) {
      reportedSkips.add(uri);
      connection.console.info(`Skipped ${filePath}: ${result.skipped}.`);
    }
    // Fails only when the connection is closing: not worth an unhandled rejection, which would end the process.
    connection.sendNotification(StatusNotification, { uri, findings: result.findings.length, skipped: result.skipped })
      .catch(() => undefined);
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
  let envEdit: NodeJS.Timeout | undefined;
  documents.onDidChangeContent((event) => {
    if (pushDiagnostics) schedulePush(event.document.uri);
    // Typing in a schema or .env.example re-judges the other open files (after a pause, not per keystroke).
    if (isEnvDeclarationFile(URI.parse(event.document.uri).fsPath)) {
      clearTimeout(envEdit);
      envEdit = setTimeout(() => invalidate(false), 400);
    }
    const p = fsPathOf(event.document.uri);
    if (p) facts.documentChanged(p);
    if (p) compliance.fileChanged(p);
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return [];
    const filePath = DocumentAnalyses.pathOf(uri, document.languageId, fsPathOf(uri));
    const folder = folderOf(fsPathOf(uri));
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
    return trusted ? actions : actions.filter((a) => editsOnly(a, uri));
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    analyses.delete(uri);
    pulls.forget(uri);
    settings.delete(uri);
    reportedSkips.delete(uri);
    const p = fsPathOf(uri);
    // A closed document's unsaved text gives way to the disk's.
    if (p) facts.documentChanged(p);
    if (p) program.closeDocument(p);
    compliance.openedOrClosed();
    if (pushDiagnostics) {
      clearTimeout(pushTimers.get(uri));
      pushTimers.delete(uri);
      connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  });

  registerEnvFeatures(connection, documents, host, async (uri) => (await settings.get(uri, folderOf(fsPathOf(uri)))).enable);

  documents.listen(connection);
  connection.listen();
}

/** True when the action changes nothing but the document it was asked for (what an untrusted workspace allows). */
function editsOnly(action: CodeAction, uri: string): boolean {
  const edit = action.edit;
  if (!edit) return true;
  const changes = edit.documentChanges ?? [];
  if (changes.some((c) => !('textDocument' in c) || c.textDocument.uri !== uri)) return false;
  return Object.keys(edit.changes ?? {}).every((u) => u === uri);
}

/** Whether the file is the folder or inside it, with the platform's separators (`\\` on Windows, not only `/`). */
function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
