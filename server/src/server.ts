import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { onLanguageFailure } from '../../core/src/treesitter/runtime';
import { VERSION } from '../../core/src/version';
import { FIX_ALL_KIND } from './codeActions';
import { ServerContext } from './context';
import { registerCodeActions } from './features/codeActions';
import { registerComplianceFeature } from './features/compliance';
import { registerDocuments } from './features/documents';
import { registerEnvFeatures } from './features/envFeatures';
import { registerSettings } from './features/settings';

/**
 * Wires LSP requests to the core engine: one registration per concern, each in its own module and tested
 * against a fake connection (test/unit/server). Everything that decides anything lives in core/.
 */
export function startServer(connection: Connection): ServerContext {
  const ctx = new ServerContext(connection);
  // One message per grammar that fails to load: that language's files are reported as not fully analysed.
  onLanguageFailure((language, message) => {
    connection.console.error(`Twelve-Factor: ${message}`);
    connection.window.showWarningMessage(`Twelve-Factor: ${message}. ${language} files are not analysed.`);
  });
  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    // Untrusted workspace: analysis only; no fix may write a file other than the one being edited.
    ctx.client.trusted = (params.initializationOptions as { workspaceTrusted?: boolean } | undefined)?.workspaceTrusted !== false;
    ctx.client.configuration = caps.workspace?.configuration === true;
    ctx.client.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    ctx.client.registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ctx.client.registerWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    ctx.client.pushDiagnostics = caps.textDocument?.diagnostic === undefined;
    ctx.folders.list = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Inter-file: whether a server handles SIGTERM can depend on another module.
        diagnosticProvider: { identifier: 'twelve-factor', interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        // `.` after `process.env`; a quote opens the name in `os.getenv('`, `os.environ["`, `os.Getenv("`.
        completionProvider: { triggerCharacters: ['.', '"', "'", '`'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'twelve-factor', version: VERSION },
    };
  });

  registerSettings(ctx);
  registerComplianceFeature(ctx);
  registerDocuments(ctx);
  registerCodeActions(ctx);
  registerEnvFeatures(ctx);

  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
