// A stand-in for vscode-languageserver's `Connection`: it records the handlers a registration installs and
// what the server sends, and lets a test call a handler directly — milliseconds per case, no child process
// (vscode-stylelint's service tests stub the connection the same way). Only what the registrations use exists.
import { CancellationTokenSource, type CancellationToken, type Connection, type Disposable } from 'vscode-languageserver';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

type Handler = (...args: never[]) => unknown;

export interface Sent {
  method: string;
  params: unknown;
}

export class FakeConnection {
  private readonly handlers = new Map<string, Handler>();
  readonly notifications: Sent[] = [];
  readonly requests: Sent[] = [];
  readonly diagnostics: Array<{ uri: string; version?: number; diagnostics: unknown[] }> = [];
  readonly registrations: string[] = [];
  readonly logs: string[] = [];
  /** `workspace/configuration` answers by section; while `gate` is set, answers wait for it. */
  configuration: Record<string, unknown> = {};
  gate: Promise<void> | undefined;
  /** The sections asked for, in order. */
  readonly configurationAsked: string[] = [];
  get configurationRequests(): number {
    return this.configurationAsked.length;
  }
  private versions = new Map<string, number>();

  /** The object handed to the code under test: typed as a Connection, though it implements only part of one. */
  readonly connection: Connection;

  constructor() {
    const on = (name: string) => (handler: Handler): Disposable => {
      this.handlers.set(name, handler);
      return { dispose: () => this.handlers.delete(name) };
    };
    const methodOf = (type: string | { method: string }) => (typeof type === 'string' ? type : type.method);
    const log = (message: string) => { this.logs.push(message); };
    const fake = {
      onInitialize: on('initialize'), onInitialized: on('initialized'), onShutdown: on('shutdown'),
      onCodeAction: on('textDocument/codeAction'), onCompletion: on('textDocument/completion'), onHover: on('textDocument/hover'),
      onDefinition: on('textDocument/definition'),
      onDidChangeConfiguration: on('workspace/didChangeConfiguration'), onDidChangeWatchedFiles: on('workspace/didChangeWatchedFiles'),
      onDidOpenTextDocument: on('textDocument/didOpen'), onDidChangeTextDocument: on('textDocument/didChange'),
      onDidCloseTextDocument: on('textDocument/didClose'), onWillSaveTextDocument: on('textDocument/willSave'),
      onWillSaveTextDocumentWaitUntil: on('textDocument/willSaveWaitUntil'), onDidSaveTextDocument: on('textDocument/didSave'),
      onRequest: (type: string | { method: string }, handler: Handler) => on(methodOf(type))(handler),
      onNotification: (type: string | { method: string }, handler: Handler) => on(methodOf(type))(handler),
      languages: {
        diagnostics: { on: on('textDocument/diagnostic') },
        attachWorkDoneProgress: () => ({ begin: () => undefined, report: () => undefined, done: () => undefined }),
      },
      window: { createWorkDoneProgress: async () => ({ begin: () => undefined, report: () => undefined, done: () => undefined }) },
      workspace: {
        getConfiguration: async (item: string | { section?: string }) => {
          const section = typeof item === 'string' ? item : item.section ?? '';
          this.configurationAsked.push(section);
          if (this.gate) await this.gate;
          return structuredClone(this.configuration[section] ?? null);
        },
        onDidChangeWorkspaceFolders: on('workspace/didChangeWorkspaceFolders'),
      },
      client: { register: async (type: { method: string }) => { this.registrations.push(type.method); } },
      console: { log, info: log, warn: log, error: log },
      sendNotification: async (type: string | { method: string }, params?: unknown) => { this.notifications.push({ method: methodOf(type), params }); },
      sendRequest: async (type: string | { method: string }, params?: unknown) => { this.requests.push({ method: methodOf(type), params }); },
      sendDiagnostics: async (params: { uri: string; version?: number; diagnostics: unknown[] }) => { this.diagnostics.push(params); },
      listen: () => undefined,
    };
    // The real interface has some hundred members; the registrations use the ones above.
    this.connection = fake as unknown as Connection;
  }

  has(method: string): boolean {
    return this.handlers.has(method);
  }

  /** Calls the handler a registration installed for `method`, as the client's message would. */
  async call<R = unknown>(method: string, params?: unknown, token: CancellationToken = new CancellationTokenSource().token): Promise<R> {
    const handler = this.handlers.get(method);
    if (!handler) throw new Error(`no handler for ${method}`);
    return (await (handler as unknown as (p: unknown, t: CancellationToken) => unknown)(params, token)) as R;
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<void> {
    this.versions.set(uri, 1);
    await this.call('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.call('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.call('textDocument/didClose', { textDocument: { uri } });
  }

  sent(method: string): unknown[] {
    return [...this.notifications, ...this.requests].filter((s) => s.method === method).map((s) => s.params);
  }
}

/** Polls until `condition` holds (a debounce or a batch has run), never a fixed sleep; the limit is only a hang guard. */
export async function until(condition: () => boolean, what: string, limitMs = 180_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
