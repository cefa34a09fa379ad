import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCompliance } from './compliance';
import { OPEN_DOCS_COMMAND, openRuleDocs, withOfflineDocs } from './docs';
import { recordingOutput } from './output';
import { registerScaffoldCommands } from './scaffold';
import { StatusNotification, WorkspaceTrustedNotification } from '../../server/src/customMessages';
import { showStatusMenu, StatusBar } from './statusBar';
import { STATUS_MENU_COMMAND } from './statusModel';
import type { TestApi } from './testApi';

let client: LanguageClient | undefined;

/** Starts the language server and wires the few things that live on the editor's side. */
export async function activate(context: vscode.ExtensionContext): Promise<TestApi> {
  const output = recordingOutput(vscode.window.createOutputChannel('Twelve-Factor', { log: true }));
  const statusBar = new StatusBar();
  context.subscriptions.push(output.channel, statusBar);
  // Registered before the server starts: scaffolds need no server, and must work even if it fails.
  registerScaffoldCommands(context);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every file and unsaved buffer: provider patterns apply to any text; the server decides what to read.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannel: output.channel,
    synchronize: {
      fileEvents: [
        // Every file: the program index follows modules changed outside the editor (git checkout, generators),
        // the compliance panel every file the scan reads (YAML, Dockerfiles, .env …), and a folder created or
        // deleted with files in it is reported once, as the folder, which no file-name glob would match.
        // The server leaves out what the scan leaves out (node_modules, build output, git-ignored files).
        vscode.workspace.createFileSystemWatcher('**/*'),
      ],
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      // The rule id in a hover or the Problems view opens the docs shipped with the extension, offline.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) withOfflineDocs(report.items);
        return report;
      },
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withOfflineDocs(diagnostics)),
    },
    // In an untrusted workspace the server offers no fix that writes another file (.env, .gitignore).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };

  client = new LanguageClient('twelveFactor', 'Twelve-Factor', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('twelveFactor.restartServer', async () => {
      statusBar.setState('starting');
      try {
        if (client?.isRunning()) output.expectExit();
        await client?.restart();
      } finally {
        statusBar.setState('running');
      }
    }),
    vscode.commands.registerCommand(OPEN_DOCS_COMMAND, (arg?: unknown) => openRuleDocs(context.extensionUri, arg)),
    vscode.commands.registerCommand(STATUS_MENU_COMMAND, showStatusMenu),
    vscode.commands.registerCommand('twelveFactor.showOutput', () => output.channel.show(true)),
    vscode.window.onDidChangeActiveTextEditor((editor) => statusBar.showFor(editor?.document.uri.toString())),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client?.sendNotification(WorkspaceTrustedNotification).catch(() => undefined);
    }),
  );
  statusBar.setState('starting');
  statusBar.showFor(vscode.window.activeTextEditor?.document.uri.toString());
  const started = client.start();
  const panel = registerCompliance(context, client, started, (score, skipped) => statusBar.setScore(score, skipped));
  await started;
  context.subscriptions.push(client.onNotification(StatusNotification, (params) => statusBar.update(params)));
  statusBar.setState('running');
  return {
    status: () => statusBar.view,
    panel: () => ({ message: panel.view.message, description: panel.view.description, tree: panel.tree }),
    outputErrors: () => [...output.errors],
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
