// A bare LSP client for the server rows of the bench: it starts the bundled server (dist/server.js) over
// stdio like an editor does, answers the requests an editor answers (settings, registrations, refresh) and
// asks the server for its own CPU time and memory through `twelveFactor/serverStats` (a count-and-usage
// request for tests and the bench; see server/src/customMessages.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, ConfigurationRequest,
  RegistrationRequest, DiagnosticRefreshRequest, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DocumentDiagnosticRequest,
  LogMessageNotification, ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

export const fileUri = (file) => pathToFileURL(file).href;

/**
 * Starts `server` with one workspace folder. `nodeArgs` go before the script (`--cpu-prof`), so the bench
 * can profile the server. Resolves once `initialized` is sent; `indexed` resolves when the server logs that
 * it indexed the workspace.
 */
export async function startServer(server, folder, { nodeArgs = [], cwd } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk.toString('utf8'); });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let markIndexed;
  const indexed = new Promise((resolve) => { markIndexed = resolve; });
  connection.onNotification(LogMessageNotification.type, (params) => {
    const m = /^Indexed (\d+) modules in (\d+) ms/.exec(params.message);
    if (m) markIndexed({ modules: Number(m[1]), ms: Number(m[2]) });
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'twelveFactor' ? {} : null)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(DiagnosticRefreshRequest.type, () => undefined);
  connection.onUnhandledNotification(() => undefined);
  connection.listen();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(folder),
    workspaceFolders: [{ uri: fileUri(folder), name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    child,
    indexed,
    stderr: () => stderr,
    // Plain .mjs cannot import the typed ServerStatsRequest; the structure test holds this name to server/src/customMessages.ts.
    stats: () => connection.sendRequest('twelveFactor/serverStats'),
    open: (uri, languageId, text) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } }),
    change: (uri, version, contentChanges) => connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }),
    diagnostics: async (uri) => (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })).items,
    /** Shuts the server down as an editor does (a --cpu-prof profile is written on a clean exit). */
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill();
      connection.dispose();
    },
  };
}
