import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, type CreateFile, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { rulesById } from '../../core/src/rules';
import type { Finding, Severity, WorkspaceChange } from '../../core/src/types';
import { docsUrl } from '../../core/src/rules/metadata';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for the code-action request that may follow it. */
export interface DiagnosticData {
  ruleId: string;
  start: number;
  end: number;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const docs = rulesById.has(finding.ruleId) ? docsUrl(finding.ruleId) : undefined;
  const data: DiagnosticData = { ruleId: finding.ruleId, start: finding.start, end: finding.end };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'twelve-factor',
    code: finding.ruleId,
    codeDescription: docs ? { href: docs } : undefined,
    message: finding.message,
    data,
  };
}

/** Core's plain change → an LSP workspace edit; versions are given for open documents so a stale edit is refused. */
export function toWorkspaceEdit(change: WorkspaceChange, versionOf: (uri: string) => number | null): WorkspaceEdit {
  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const c of change.changes) {
    const uri = URI.file(c.path).toString();
    if (c.create) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true, overwrite: false } });
    documentChanges.push({ textDocument: { uri, version: c.create ? null : versionOf(uri) }, edits: c.edits });
  }
  return { documentChanges };
}

export function quickFix(title: string, diagnostics: Diagnostic[], edit: WorkspaceEdit, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, edit, isPreferred: preferred };
}

/** The note on a file Twelve-Factor could not fully analyse: at its start, with the reason. */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: 'twelve-factor',
    message: `Twelve-Factor could not fully analyse this file, so problems may be missing: ${reason}.`,
  };
}
