import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../../core/src/engine';
import { envRootFor, exampleFileIn } from '../../core/src/envRoot';
import { fixedUnasked } from '../../core/src/fixes/eligible';
import { planFixes, type EnvFiles } from '../../core/src/fixes/plan';
import { isPreferred, type FixDescriptor } from '../../core/src/fixes/types';
import { rulesById } from '../../core/src/rules';
import { docsUrl } from '../../core/src/rules/metadata';
import type { Finding, WorkspaceChange } from '../../core/src/types';
import { quickFix, toWorkspaceEdit, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.twelveFactor';
export const OPEN_DOCS_COMMAND = 'twelveFactor.openRuleDocs';

export interface ActionHost {
  /** Text of a file: the open document's if it is open, else the disk's; undefined when it does not exist. */
  readText(filePath: string): string | undefined;
  versionOf(uri: string): number | null;
  /** Why a fix may not write this file (a link, a device, outside the folder: core/src/safeFs.ts), or undefined. */
  writeRefusal(filePath: string): string | undefined;
}

/**
 * Code actions, recomputed from the current text (the diagnostic only says which finding): the fix, fix-all
 * in the file, a disable comment and the rule's documentation; and `source.fixAll.twelveFactor` on request.
 */
export function codeActions(params: CodeActionParams, document: TextDocument, filePath: string, folder: string | undefined,
  analysis: AnalysisResult, host: ActionHost): CodeAction[] {
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll) ?? false;
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const preferredFix = (f: Finding) => (analysis.fixes.get(f) ?? []).find(isPreferred);
  const fixable = analysis.findings.filter((f) => preferredFix(f) !== undefined);
  const envFiles = () => readEnvFiles(filePath, folder, host);
  const file = { path: filePath, text: document.getText() };
  const edit = (plan: WorkspaceChange) => toWorkspaceEdit(plan, (u) => host.versionOf(u));
  // A plan that would write through a link, to a device or outside the folder is offered disabled, with the
  // reason, and never with its edit (the document itself is the one the user is editing).
  const refusal = (plan: WorkspaceChange) => plan.changes.map((c) => (c.path === filePath ? undefined : host.writeRefusal(c.path))).find(Boolean);
  const actions: CodeAction[] = [];

  // Fix-all runs unasked (on save): errors and warnings outside test code only.
  const fixAll = fixable.filter((f) => fixedUnasked(f, filePath, folder));
  if (wantsFixAll && fixAll.length > 0) {
    const plan = planFixes(file, fixAll.map((f) => preferredFix(f) as FixDescriptor), envFiles(), fixAllTitle(fixAll));
    const reason = refusal(plan);
    actions.push(reason ? { title: plan.title, kind: FIX_ALL_KIND, disabled: { reason } } : { title: plan.title, kind: FIX_ALL_KIND, edit: edit(plan) });
  }
  if (!wantsQuickFix) return actions;

  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'twelve-factor') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    const finding = data && analysis.findings.find((f) => f.ruleId === data.ruleId && f.fingerprint === data.fingerprint);
    if (!finding) continue;
    const fixes = analysis.fixes.get(finding) ?? [];
    fixes.forEach((fix, i) => {
      const plan = planFixes(file, [fix], envFiles(), fix.kind === 'edit' ? fix.title : '');
      if (fix.kind === 'move-to-env') {
        const name = /process\.env\.(\w+)|\$\{(\w+)\}/.exec(plan.changes[0].edits[0]?.newText ?? '');
        plan.title = `Move to environment variable ${name?.[1] ?? name?.[2] ?? fix.name}`;
      }
      // A secret planFixes would not move (a value no `.env` line reads back, a `.env` with an open quote): the
      // action says why rather than do nothing.
      const reason = plan.applied === 0 && plan.refused ? plan.refused : refusal(plan);
      actions.push(reason ? refused(plan.title, diagnostic, reason) : quickFix(plan.title, [diagnostic], edit(plan), i === 0 && isPreferred(fix)));
    });
    const sameRule = fixable.filter((f) => f.ruleId === finding.ruleId);
    if (fixes.length > 0 && sameRule.length > 1) {
      const plan = planFixes(file, sameRule.map((f) => preferredFix(f) as FixDescriptor), envFiles(), fixAllTitle(sameRule));
      const reason = refusal(plan);
      actions.push(reason ? refused(plan.title, diagnostic, reason) : quickFix(plan.title, [diagnostic], edit(plan)));
    }
    const disable = disableComment(document, finding);
    if (disable) actions.push(disable(diagnostic));
    const docs = rulesById.has(finding.ruleId) ? docsUrl(finding.ruleId) : undefined;
    if (docs) {
      actions.push({ title: `Show documentation for ${finding.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        command: { title: 'Show documentation', command: OPEN_DOCS_COMMAND, arguments: [docs] } });
    }
  }
  return actions;
}

/** A fix that cannot be applied safely: shown disabled with why, and carrying no edit. */
function refused(title: string, diagnostic: Diagnostic, reason: string): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: `Not applied: ${reason}` } };
}

/** "Move all 3 secrets in this file to .env" when every fix is a secret move, else a count of problems. */
function fixAllTitle(findings: Finding[]): string {
  if (findings.every((f) => rulesById.get(f.ruleId)?.meta.reportsSecrets)) {
    return findings.length === 1 ? 'Move the secret in this file to .env' : `Move all ${findings.length} secrets in this file to .env`;
  }
  return `Fix all ${findings.length} Twelve-Factor problems in this file`;
}

function readEnvFiles(filePath: string, folder: string | undefined, host: ActionHost): EnvFiles {
  const root = envRootFor(filePath, folder ?? path.dirname(filePath));
  const example = exampleFileIn(root, (f) => host.readText(f));
  return {
    root,
    env: host.readText(path.join(root, '.env')),
    gitignore: host.readText(path.join(root, '.gitignore')),
    example: example.text,
    exampleName: example.name,
    packageJson: host.readText(path.join(root, 'package.json')),
    schema: host.readText(path.join(root, '.env.schema.yaml')),
  };
}

/** Languages whose line comments start with `//` (besides JavaScript/TypeScript). */
const SLASH_COMMENTS = /\.(go|java|kt|kts|groovy|gradle|scala|cs|php|swift|rs|c|cc|cpp|h|hpp|dart)$/i;
/** XML and its dialects: a comment may not hold `--`, so there is no `-- <reason>` to write. */
const XML_FILES = /\.(xml|config|csproj|vbproj|fsproj|props|targets|plist|xaml|resx)$/i;

/**
 * The disable comment for the line before a finding, in the file's comment syntax, or undefined when none
 * holds one (JSON has no comments; XML's may not contain `--`). `<reason>` is for the user to fill in: the
 * action cannot know why, and must not claim "not a secret" for them.
 */
export function disableDirective(languageId: string, uri: string, ruleId: string): string | undefined {
  const directive = `twelve-factor-disable-next-line ${ruleId} -- <reason>`;
  if (/\.(jsonc?|json5)$/i.test(uri) || languageId === 'json' || XML_FILES.test(uri) || languageId === 'xml') return undefined;
  if (/^(javascript|typescript|javascriptreact|typescriptreact|go|java|csharp|php|kotlin|rust|swift)$/.test(languageId) || /\.[cm]?[jt]sx?$/i.test(uri) || SLASH_COMMENTS.test(uri)) {
    return `// ${directive}`;
  }
  if (languageId === 'markdown' || /\.(md|markdown|html?)$/i.test(uri)) return `<!-- ${directive} -->`;
  return `# ${directive}`;
}

function disableComment(document: TextDocument, finding: Finding): ((d: Diagnostic) => CodeAction) | undefined {
  const comment = disableDirective(document.languageId, document.uri, finding.ruleId);
  if (!comment) return undefined;
  const line = finding.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = lineText.endsWith('\r\n') ? '\r\n' : '\n';
  const isSecret = rulesById.get(finding.ruleId)?.meta.reportsSecrets === true;
  const title = isSecret ? 'Ignore this secret' : `Disable ${finding.ruleId} for this line`;
  const newText = `${indent}${comment}${eol}`;
  // Versioned, like the move fix: applied after the text changed, a line number would point elsewhere.
  return (diagnostic) => quickFix(title, [diagnostic], {
    documentChanges: [{
      textDocument: { uri: document.uri, version: document.version },
      edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }],
    }],
  });
}

export function ruleExists(id: string): boolean {
  return rulesById.has(id);
}
