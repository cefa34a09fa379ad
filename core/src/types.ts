/** Shared value types of the core engine. No `vscode` and no LSP imports anywhere under core/. */
import type { Suppression } from './suppressions';

export type FileKind = 'js' | 'yaml' | 'json' | 'env' | 'dockerfile' | 'properties' | 'shell' | 'python' | 'go' | 'text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit to one file. `create` means the file does not exist yet and is created empty before the edits apply. */
export interface FileChange {
  path: string;
  create?: boolean;
  edits: TextEdit[];
}

/** What a fix does, over one or more files, as plain text edits: the quick fix, fix-all and `cli --fix` share it. */
export interface WorkspaceChange {
  title: string;
  changes: FileChange[];
}

export interface Finding {
  ruleId: string;
  messageId: string;
  /** The rendered message. Never holds a secret in full. */
  message: string;
  severity: Severity;
  /** Absolute path of the file. */
  file: string;
  range: Range;
  /** Offsets of the range in the text, for fixes and suppressions. */
  start: number;
  end: number;
  /** Template data of the message (already redacted). */
  data: Record<string, string>;
  /** Stable across line moves: rule id + a hash of what was found (never the secret itself). */
  fingerprint: string;
  /** Set on findings an inline directive silenced: they are kept apart (`AnalysisResult.suppressed`) for audits. */
  suppression?: Suppression;
}
