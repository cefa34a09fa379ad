// A minimal LSP client for the language-server tests: it starts the *bundled* server (dist/server.js) over
// stdio, answers the requests a real editor answers (configuration, registration, diagnostic refresh), records
// every notification the server sends, and applies workspace edits to a temporary workspace folder on disk.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest, ConfigurationRequest, createProtocolConnection, DiagnosticRefreshRequest, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest, ExitNotification, FileChangeType, InitializedNotification, InitializeRequest, LogMessageNotification,
  RegistrationRequest, ResponseError, ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest,
  type ClientCapabilities, type CodeAction, type Command, type MessageConnection, type Diagnostic, type InitializeResult,
  type LogMessageParams, type ProtocolConnection, type Range,
  type TextDocumentContentChangeEvent, type WorkspaceEdit, type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { StatusNotification, type StatusParams } from '../../server/src/customMessages';
import { applyWorkspaceEdit } from './applyEdit';
import { languageOf, SERVER_CANCELLED, within } from './util';

export { rangeOf, waitFor, within } from './util';

/** The repository root, from out/test/lsp/ (compiled) or test/lsp/ (source). */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** `twelveFactor.*` as a client would send it. */
export interface RawSettings {
  enable?: boolean;
  rules?: Record<string, string>;
  exclude?: string[];
  testFiles?: { severity?: string };
  secrets?: { reportInTests?: boolean; reportByNameAlone?: boolean };
}

export type { StatusParams } from '../../server/src/customMessages';

export interface SessionOptions {
  settings?: RawSettings;
  /** Files written into the workspace folder before the server starts, by relative path. */
  files?: Record<string, string>;
  /** Changes the client capabilities sent in initialize (to play a less capable editor). */
  capabilities?: (capabilities: ClientCapabilities) => ClientCapabilities;
  /** Answer these server-to-client requests with an error, as a client that does not implement them would. */
  failRequests?: string[];
  /** Workspace folders, relative to the temporary root (default: the root itself). */
  workspaceFolders?: string[];
  /** Sent in initialize, as the VS Code client sends `{ workspaceTrusted }`. */
  initializationOptions?: unknown;
  /** Node options for the server process (`--expose-gc` for memory tests). */
  nodeArgs?: string[];
}

interface OpenDocument {
  document: TextDocument;
}

export class Session {
  settings: RawSettings;
  /** Every notification the server sent, in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly logs: LogMessageParams[] = [];
  readonly statuses: StatusParams[] = [];
  /** Requests the server sent that this client does not implement. */
  readonly unknownRequests: string[] = [];
  /** Capabilities the server registered dynamically (client/registerCapability), by method. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  configurationRequests = 0;
  refreshRequests = 0;
  stderr = '';
  exitCode: number | null = null;
  initializeResult!: InitializeResult;
  /** While set, `workspace/configuration` answers wait for it (to let a test change a document meanwhile). */
  configurationGate: Promise<void> | undefined;
  private readonly documents = new Map<string, OpenDocument>();
  /** Resolves when the server process has ended. */
  readonly exited: Promise<void>;
  private closed = false;
  closeError: unknown;

  private constructor(readonly folder: string, readonly child: ChildProcess, readonly connection: ProtocolConnection, options: SessionOptions) {
    this.settings = options.settings ?? {};
    for (const [rel, text] of Object.entries(options.files ?? {})) this.write(rel, text);
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      this.exitCode = code;
      resolve();
    }));
    child.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });

    // No handler is registered for any notification: every one arrives here, in order.
    connection.onUnhandledNotification(({ method, params }) => {
      this.notifications.push({ method, params });
      if (method === LogMessageNotification.method) this.logs.push(params as LogMessageParams);
      if (method === StatusNotification.method) this.statuses.push(params as StatusParams);
    });
    const fails = (method: string) => (options.failRequests ?? []).includes(method);
    const refused = (method: string) => new ResponseError(-32601, `${method} is not supported by this client`);
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      if (this.configurationGate) await this.configurationGate;
      if (fails(ConfigurationRequest.method)) return refused(ConfigurationRequest.method);
      return params.items.map((item) => (item.section === 'twelveFactor' ? structuredClone(this.settings) : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      if (fails(RegistrationRequest.method)) return refused(RegistrationRequest.method);
      this.registrations.push(...params.registrations.map((r) => ({ method: r.method, registerOptions: r.registerOptions })));
      return undefined;
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      if (fails(DiagnosticRefreshRequest.method)) return refused(DiagnosticRefreshRequest.method);
      return undefined;
    });
    // ProtocolConnection is a typed view of vscode-jsonrpc's MessageConnection, whose star handler it does not declare.
    (connection as unknown as MessageConnection).onRequest((method: string) => {
      this.unknownRequests.push(method);
      return new ResponseError(-32601, `unhandled ${method}`);
    });
    connection.listen();
  }

  /** Starts the bundled server, initializes it with this workspace folder and the capabilities of an editor. */
  static async start(options: SessionOptions = {}): Promise<Session> {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run node esbuild.mjs first`);
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-lsp-')));
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new Session(folder, child, connection, options);
    try {
      session.initializeResult = await within(connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        initializationOptions: options.initializationOptions,
        rootUri: session.uri(options.workspaceFolders?.[0] ?? ''),
        workspaceFolders: (options.workspaceFolders ?? ['']).map((rel) => session.workspaceFolder(rel)),
        capabilities: (options.capabilities ?? ((c) => c))({
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true },
            diagnostics: { refreshSupport: true },
            workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
            workspaceFolders: true,
          },
          textDocument: {
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          },
        }),
      }), 'initialize');
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  path(rel: string): string {
    return path.join(this.folder, ...rel.split('/').filter((p) => p.length > 0));
  }

  uri(rel: string): string {
    return URI.file(this.path(rel)).toString();
  }

  workspaceFolder(rel: string): WorkspaceFolder {
    fs.mkdirSync(this.path(rel), { recursive: true });
    return { uri: this.uri(rel), name: path.basename(this.path(rel)) };
  }

  write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), text);
  }

  read(rel: string): string | undefined {
    try {
      return fs.readFileSync(this.path(rel), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The open document's current text (as this client holds it). */
  text(uri: string): string {
    const open = this.documents.get(uri);
    assert.ok(open, `${uri} is not open`);
    return open.document.getText();
  }

  version(uri: string): number {
    const open = this.documents.get(uri);
    assert.ok(open, `${uri} is not open`);
    return open.document.version;
  }

  /** Writes the file and opens it in the server, as an editor opening a file from disk. */
  async open(rel: string, text: string, languageId = languageOf(rel), onDisk = true): Promise<string> {
    if (onDisk) this.write(rel, text);
    const uri = this.uri(rel);
    this.documents.set(uri, { document: TextDocument.create(uri, languageId, 1, text) });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Incremental or full changes, as typed in the editor (not saved to disk). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const open = this.documents.get(uri);
    assert.ok(open, `${uri} is not open`);
    const version = open.document.version + 1;
    open.document = TextDocument.update(open.document, changes, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async replaceText(uri: string, text: string): Promise<void> {
    await this.change(uri, [{ text }]);
  }

  async closeDocument(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** One `textDocument/diagnostic` request, as sent (a ServerCancelled error rejects it). */
  async pullOnce(uri: string): Promise<Diagnostic[]> {
    const report = await this.request(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), `diagnostics of ${uri}`);
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  }

  /** Pulls diagnostics, re-sending the request when the server asks for a retrigger (as VS Code does). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.pullOnce(uri);
      } catch (error) {
        const retrigger = error instanceof ResponseError && error.code === SERVER_CANCELLED && attempt < 5;
        if (!retrigger) throw error;
      }
    }
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.request(this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range, context: { diagnostics, only, triggerKind: 1 },
    }), `code actions of ${uri}`);
    return (result ?? []).map((a: Command | CodeAction) => {
      assert.ok('kind' in a || 'edit' in a || 'diagnostics' in a, `expected CodeAction literals, got command ${a.title}`);
      return a as CodeAction;
    });
  }

  /** A request's answer; fails at once, with the server's stderr, when the server dies before answering. */
  private request<T>(promise: Promise<T>, what: string): Promise<T> {
    const died = this.exited.then((): never => {
      throw new Error(`server exited with code ${this.exitCode} before answering ${what}; stderr: ${this.stderr.slice(0, 1000)}`);
    });
    return within(Promise.race([promise, died]), what);
  }

  async setSettings(settings: RawSettings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async fileChanged(rel: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(rel), type }] });
  }

  /** Applies a workspace edit as an editor does (see applyWorkspaceEdit): open documents in memory, others on disk. */
  async apply(edit: WorkspaceEdit): Promise<void> {
    await applyWorkspaceEdit(edit, {
      open: (uri) => {
        const document = this.documents.get(uri)?.document;
        return document && { text: document.getText(), version: document.version };
      },
      replaceText: (uri, text) => this.replaceText(uri, text),
    });
  }

  /** Everything the server said outside responses: notifications (logs, status, anything else) and stderr. */
  get sideChannel(): string {
    return JSON.stringify(this.notifications) + this.stderr;
  }

  /**
   * `shutdown` + `exit`, then waits for the process to end; kills it if it will not, and removes the folder. Never
   * throws (it runs in `finally` blocks): a failed shutdown is kept in `closeError`.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.exitCode === null && this.child.exitCode === null) {
        await within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await within(this.exited, 'server exit');
      }
    } catch (error) {
      this.closeError = error;
    } finally {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      this.connection.dispose();
      fs.rmSync(this.folder, { recursive: true, force: true });
    }
  }
}

/**
 * Runs `body` with a fresh server and workspace folder, always shutting both down. After a passing body it checks
 * that the server exited cleanly and that no secret in `secrets` ever appeared in a notification, log or stderr.
 */
export async function withSession(options: SessionOptions & { secrets?: string[] }, body: (s: Session) => Promise<void>): Promise<void> {
  const session = await Session.start(options);
  let passed = false;
  try {
    await body(session);
    passed = true;
  } finally {
    await session.close();
  }
  if (passed) {
    assert.equal(session.closeError, undefined, 'clean shutdown');
    assert.equal(session.exitCode, 0, `server exit code (stderr: ${session.stderr.slice(0, 500)})`);
    for (const secret of options.secrets ?? []) {
      assert.ok(!session.sideChannel.includes(secret), 'a secret leaked into a notification, a log message or stderr');
    }
    assert.deepEqual(session.unknownRequests, []);
  }
}
