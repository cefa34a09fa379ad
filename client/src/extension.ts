import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCompliance } from './compliance';
import { registerScaffoldCommands } from './scaffold';
import { StatusNotification, WorkspaceTrustedNotification } from '../../server/src/customMessages';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** Starts the language server and wires the few things that live on the editor's side. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Twelve-Factor', { log: true });
  const statusBar = new StatusBar();
  context.subscriptions.push(output, statusBar);
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
    outputChannel: output,
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
    // In an untrusted workspace the server offers no fix that writes another file (.env, .gitignore).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };

  client = new LanguageClient('twelveFactor', 'Twelve-Factor', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('twelveFactor.restartServer', async () => {
      statusBar.setState('starting');
      await client?.restart();
      statusBar.setState('running');
    }),
    vscode.commands.registerCommand('twelveFactor.openRuleDocs', (url: string) => vscode.env.openExternal(vscode.Uri.parse(url))),
    vscode.window.onDidChangeActiveTextEditor((editor) => statusBar.showFor(editor?.document.uri.toString())),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client?.sendNotification(WorkspaceTrustedNotification).catch(() => undefined);
    }),
  );
  statusBar.setState('starting');
  const started = client.start();
  registerCompliance(context, client, started);
  await started;
  context.subscriptions.push(client.onNotification(StatusNotification, (params) => {
    statusBar.update(params);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) statusBar.showFor(params.uri);
  }));
  statusBar.setState('running');
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
