import type { EntryKind } from '../../../core/src/safeFs';
import type { TextEdit } from '../../../core/src/scaffold/merge';

/** A workspace folder, by URI string. */
export interface FolderRef {
  uri: string;
  name: string;
}

/** One file's change, applied with the others as a single undoable workspace edit. */
export type FileChange =
  | { kind: 'create'; uri: string; path: string; content: string }
  | { kind: 'replace'; uri: string; path: string; existing: string; content: string }
  /** Insertions into an existing file (a merge): the rest of the file stays as it is. */
  | { kind: 'edit'; uri: string; path: string; existing: string; edits: TextEdit[] };

/**
 * Everything the scaffold commands need from the editor, and nothing more: the one seam between the command
 * logic (run.ts, testable in plain Node) and VS Code (vscodeHost.ts). URIs travel as strings.
 */
export interface ScaffoldHost {
  workspaceFolders(): FolderRef[];
  /** A quick pick among several folders; undefined when dismissed. */
  pickFolder(folders: FolderRef[], title: string): Promise<FolderRef | undefined>;
  /** The file's text (the open document's, unsaved changes included), undefined when it does not exist or is not a regular file. */
  readFile(uri: string): Promise<string | undefined>;
  /** A folder's entries; symbolic links left out; empty when it cannot be read. */
  readDirectory(uri: string): Promise<Array<{ name: string; directory: boolean }>>;
  /** What is at a path, without following a link at its last component (for core's write judgement). */
  entryKind(uri: string): Promise<EntryKind>;
  /** Modal question about files that exist: replace them, keep them (write the rest), or stop. */
  confirmOverwrite(paths: string[], title: string): Promise<'overwrite' | 'keep' | 'cancel'>;
  /**
   * Applies every change as ONE workspace edit (undoable as one step). `preview`: VS Code's refactor preview
   * shows it first and lets the user untick files or discard it. Resolves false when nothing was applied.
   */
  applyChanges(changes: FileChange[], options: { preview: boolean; label: string }): Promise<boolean>;
  /** The text the editor holds for a file after an edit (opening the document if needed), undefined when missing. */
  documentText(uri: string): Promise<string | undefined>;
  /** Saves the files an edit touched, so tasks and terminals see them. */
  saveFiles(uris: string[]): Promise<void>;
  openFile(uri: string): Promise<void>;
  showMessage(kind: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined>;
  copyToClipboard(text: string): Promise<void>;
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
}
