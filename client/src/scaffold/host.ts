import type { EntryKind } from '../../../core/src/safeFs';
import type { TextEdit } from '../../../core/src/scaffold/merge';

export type ConflictAnswer = 'overwrite' | 'keep' | 'rename' | 'cancel';

/**
 * The buttons of the question, in order: VS Code makes the first one the default (Enter), so a reflex
 * keystroke keeps the user's file.
 */
export const CONFLICT_CHOICES: ReadonlyArray<{ label: string; answer: Exclude<ConflictAnswer, 'cancel'> }> = [
  { label: 'Keep Existing', answer: 'keep' },
  { label: 'Save Under Another Name…', answer: 'rename' },
  { label: 'Overwrite', answer: 'overwrite' },
];

/** `src/config.ts` → `src/config.generated.ts` (then `.generated-2`…): a name that does not exist yet. */
export function alternativeName(path: string, exists: (candidate: string) => boolean): string {
  const m = /^(.*?)(\.[^./]+)?$/.exec(path) ?? [path, path, ''];
  const [, stem, ext = ''] = m;
  for (let i = 1; ; i++) {
    const candidate = `${stem}.generated${i === 1 ? '' : `-${i}`}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

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
  /**
   * Modal question about files that exist: keep them (write the rest; the default, first button), write the
   * new ones under other names, replace them, or stop.
   */
  confirmOverwrite(paths: string[], title: string): Promise<ConflictAnswer>;
  /** The name to write a generated file under instead of one that exists (prefilled); undefined when dismissed. */
  askFileName(suggested: string, title: string): Promise<string | undefined>;
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
