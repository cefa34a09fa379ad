import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, type CreateFile, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { rulesById } from '../../core/src/rules';
import type { Finding, Severity, WorkspaceChange } from '../../core/src/types';
import { docsUrl } from '../../core/src/rules/metadata';
import { fixIdOf, isPreferred, type FixDescriptor } from '../../core/src/fixes/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries for the code-action request that may follow it: which finding (its fingerprint,
 * stable when lines above it move) and which fix it had. The edit itself is recomputed from the text at the
 * time of the request, so a diagnostic a keystroke old still finds its finding and gets a current edit.
 */
export interface DiagnosticData {
  ruleId: string;
  /** The finding's fingerprint (`Finding.fingerprint`): rule, file and what was found, never the secret. */
  fingerprint: string;
  /** The preferred fix's id (`move-to-env`, `log-to-stdout`, `session-store-redis`…), when the finding has one. */
  fixId?: string;
}

export function toDiagnostic(finding: Finding, fixes: readonly FixDescriptor[] = []): Diagnostic {
  const docs = rulesById.has(finding.ruleId) ? docsUrl(finding.ruleId) : undefined;
  const fix = fixes.find(isPreferred) ?? fixes[0];
  const data: DiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, ...(fix ? { fixId: fixIdOf(fix) } : {}) };
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
