import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME } from '../../../core/src/config';
import { WorkspaceFolders, type ServerContext } from '../context';
import { WorkspaceTrustedNotification } from '../customMessages';
import { isEnvDeclarationFile } from './envFeatures';
import { sizeOptimised } from '../bursts';

/**
 * What can change every result: settings (`workspace/didChangeConfiguration`), `.twelve-factor.yaml`,
 * `.gitignore` and the .env declarations on disk (watched files), the workspace folders, and the
 * workspace's trust. Registers for the notifications the client can register dynamically, and keeps the
 * program index following the folders.
 */
export function registerSettings(ctx: ServerContext): void {
  const { connection, folders, program } = ctx;

  connection.onInitialized(() => {
    // Only what the client said it can take: registering regardless is a protocol error for other editors.
    if (ctx.client.configuration && ctx.client.registerConfiguration) {
      ctx.optional('Registration of workspace/didChangeConfiguration', connection.client.register(DidChangeConfigurationNotification.type, { section: 'twelveFactor' }));
    }
    // VS Code's client watches these files itself (synchronize.fileEvents); other editors watch what the server asks for.
    if (ctx.client.registerWatchers) {
      ctx.optional('Registration of workspace/didChangeWatchedFiles', connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*' }],
      }));
    }
    const indexAll = () => {
      sizeOptimised(() => program.indexFolders(folders.paths())).catch((error: unknown) => connection.console.error(`Indexing failed: ${String(error)}`));
    };
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.list = folders.list.filter((f) => !event.removed.some((r) => r.uri === f.uri)).concat(event.added);
      ctx.invalidate(true);
      indexAll();
    });
    indexAll();
  });

  // Trust granted while running: fixes that write .env, .gitignore or .env.example become available.
  connection.onNotification(WorkspaceTrustedNotification, () => {
    ctx.client.trusted = true;
  });

  connection.onDidChangeConfiguration(() => ctx.invalidate(true));
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`) || /\/\.gitignore$/.test(c.uri))) ctx.invalidate(true);
    // A schema, .env.example or .env changed: every .env and every env read is judged against it.
    else if (params.changes.some((c) => isEnvDeclarationFile(URI.parse(c.uri).fsPath))) ctx.invalidate(false);
    for (const c of params.changes) {
      const p = WorkspaceFolders.fsPathOf(c.uri);
      if (!p) continue;
      ctx.disk.forget(p);
      program.fileChanged(p);
      ctx.fileChanged(p);
    }
  });
}
