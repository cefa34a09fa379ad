import * as path from 'node:path';
import { Emitter, TextDocuments, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DiskCache } from '../../core/src/diskCache';
import type { FileHost } from '../../core/src/host';
import { staysInside } from '../../core/src/safeFs';
import { DocumentAnalyses } from './analysis';
import { FolderFactsVersion } from './folderFacts';
import { WorkspaceProgram } from './program';
import { SettingsStore } from './settings';

/** What the client said it can do (set once, at `initialize`), and whether the workspace is trusted. */
export interface ClientAbilities {
  configuration: boolean;
  diagnosticRefresh: boolean;
  registerConfiguration: boolean;
  registerWatchers: boolean;
  /** The client has no pull diagnostics (Neovim 0.7, older editors): they are pushed instead. */
  pushDiagnostics: boolean;
  /** Untrusted workspace: analysis only; no fix may write a file other than the one being edited. */
  trusted: boolean;
}

/** The workspace folders, and which of them holds a path (the deepest, for nested folders). */
export class WorkspaceFolders {
  /** The open folders; replaced whole (never mutated in place) when folders are added or removed. */
  list: WorkspaceFolder[] = [];
  /**
   * The folders' paths, for the list they were parsed from: rules ask for a file's folder several times per keystroke,
   * and each answer parsed every folder's URI again. Made again when `list` is replaced. (Answers per file are not
   * kept: a cache keyed by paths would keep closed documents' paths alive.)
   */
  private parsed: { list: WorkspaceFolder[]; paths: string[] } | undefined;

  /** The file system path of a `file:` URI, or undefined for other schemes (untitled, git…). */
  static fsPathOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  }

  paths(): string[] {
    return [...this.parsedPaths()];
  }

  private parsedPaths(): readonly string[] {
    if (this.parsed?.list !== this.list) {
      this.parsed = { list: this.list, paths: this.list.map((f) => WorkspaceFolders.fsPathOf(f.uri)).filter((p): p is string => p !== undefined) };
    }
    return this.parsed.paths;
  }

  /** The folder holding a file; the first folder when no file is given. */
  folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return this.list[0] ? WorkspaceFolders.fsPathOf(this.list[0].uri) : undefined;
    let best: string | undefined;
    for (const p of this.parsedPaths()) {
      if (isInside(p, filePath) && (!best || p.length > best.length)) best = p;
    }
    return best;
  }
}

/**
 * Everything the registrations share, made once per connection. Each concern (documents and diagnostics,
 * code actions, env features, the compliance scan, settings and watched files) registers its handlers on
 * `connection` in its own module and hears the others through the events here, never through each other.
 */
export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly folders = new WorkspaceFolders();
  readonly client: ClientAbilities = {
    configuration: false, diagnosticRefresh: false, registerConfiguration: false, registerWatchers: false, pushDiagnostics: false, trusted: true,
  };
  readonly settings: SettingsStore;
  /**
   * The disk, listed and read once per folder and file until the watcher reports a change (folderFacts.ts).
   * A file inside a folder is not followed outside it (a schema linked to /etc reads as absent).
   */
  readonly disk = new DiskCache(undefined, (p) => staysInside(this.folders.folderOf(p), p));
  readonly facts = new FolderFactsVersion(this.disk);
  /** How rules read other files (a schema, .env.example, package.json): the editor's text when open, else the disk. */
  readonly host: FileHost & { readonly version: number };
  readonly program: WorkspaceProgram;
  readonly analyses: DocumentAnalyses;

  /**
   * The URIs of the open documents, by path: rules probe the same few files (schemas, manifests) up the folders
   * on every keystroke, and each probe asks whether the file is open. Only open documents are kept (a closed
   * one's name must not stay alive), so a probe of any other file costs one lookup and no URI.
   */
  private readonly openUris = new Map<string, string>();
  private readonly invalidatedEmitter = new Emitter<{ settingsChanged: boolean }>();
  private readonly programChangedEmitter = new Emitter<void>();
  private readonly fileChangedEmitter = new Emitter<string>();
  private readonly openedOrClosedEmitter = new Emitter<void>();
  /** Cached results were dropped: diagnostics are asked again (and, with settings, the scan is redone). */
  readonly onInvalidated = this.invalidatedEmitter.event;
  /** Another module's facts changed (program rules): fired before the invalidation that follows it. */
  readonly onProgramChanged = this.programChangedEmitter.event;
  /** A file changed on disk or in the editor. */
  readonly onFileChanged = this.fileChangedEmitter.event;
  /** A document opened or closed: its diagnostics switch between pulled and pushed from the scan. */
  readonly onOpenedOrClosed = this.openedOrClosedEmitter.event;

  constructor(readonly connection: Connection) {
    const facts = this.facts;
    this.host = {
      readFile: (p) => this.openText(p) ?? this.disk.readFile(p),
      rootOf: (p) => this.folders.folderOf(p),
      entries: (dir) => this.disk.entries(dir),
      get version() {
        return facts.version;
      },
    };
    this.settings = new SettingsStore(connection, () => this.client.configuration);
    this.program = new WorkspaceProgram(() => {
      this.programChangedEmitter.fire();
      this.invalidate(false);
    }, (m) => connection.console.log(m), (file) => this.folders.folderOf(file), { readFile: (p) => this.host.readFile(p), rootOf: (p) => this.folders.folderOf(p) });
    this.analyses = new DocumentAnalyses(this.program, this.host);
    this.documents.onDidOpen(({ document }) => {
      const p = WorkspaceFolders.fsPathOf(document.uri);
      if (p) this.openUris.set(pathKey(p), document.uri);
    });
    this.documents.onDidClose(({ document }) => {
      const p = WorkspaceFolders.fsPathOf(document.uri);
      if (p) this.openUris.delete(pathKey(p));
    });
  }

  /** Drops cached results (and settings, when they may have changed) and has every registration refresh. */
  invalidate(settingsChanged: boolean): void {
    if (settingsChanged) this.settings.clear();
    this.analyses.clear();
    this.invalidatedEmitter.fire({ settingsChanged });
  }

  fileChanged(file: string): void {
    this.fileChangedEmitter.fire(file);
  }

  openedOrClosed(): void {
    this.openedOrClosedEmitter.fire();
  }

  /** The text of an open document at a file path, which wins over the disk. */
  openText(file: string): string | undefined {
    const uri = this.openUris.get(pathKey(file));
    return uri === undefined ? undefined : this.documents.get(uri)?.getText();
  }

  /** A request the client may refuse: a refusal is logged, never left as an unhandled rejection (which ends Node). */
  optional(what: string, request: Promise<unknown>): void {
    request.catch((error: unknown) => this.connection.console.log(`${what} refused by the client: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Whether the file is the folder or inside it, with the platform's separators (`\\` on Windows, not only `/`). */
function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

/** A path as the open-document map keys it: Windows drive letters in one case, as `URI.file` writes them. */
function pathKey(file: string): string {
  return /^[A-Za-z]:/.test(file) ? file[0].toLowerCase() + file.slice(1) : file;
}
