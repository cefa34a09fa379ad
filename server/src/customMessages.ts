// The server's messages beyond LSP, declared once and typed: the server registers them, the client
// (client/src) and the tests (test/lsp) send and receive them through these objects, never by a method
// string of their own (vscode-eslint's customMessages.ts). Only types and method names: no server code.
import { NotificationType, NotificationType0, RequestType, RequestType0, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ComplianceReport } from '../../core/src/compliance/model';

/** After each analysis, for the status bar: the file's finding count, or why it was skipped. */
export interface StatusParams {
  uri: string;
  findings: number;
  skipped?: string;
}

export interface ComplianceChangedParams {
  reports: ComplianceReport[];
}

export interface ExportReportParams {
  format: 'markdown' | 'sarif';
}

export const StatusNotification = new NotificationType<StatusParams>('twelveFactor/status');

/** The client's workspace became trusted (it was untrusted at `initialize`): fixes may write other files. */
export const WorkspaceTrustedNotification = new NotificationType0('twelveFactor/workspaceTrusted');

/**
 * Scan every workspace folder now; one report per folder. With a `workDoneToken` the server reports progress
 * on it (VS Code's cancellable notification), and cancelling the request stops the scan (RequestCancelled).
 */
export const ScanWorkspaceRequest = new RequestType<WorkDoneProgressParams | undefined, ComplianceReport[], void>('twelveFactor/scanWorkspace');

/** The reports of the last scan, scanning first if there was none. */
export const ComplianceRequest = new RequestType0<ComplianceReport[], void>('twelveFactor/compliance');

/** Sent after a change re-judged the workspace. */
export const ComplianceChangedNotification = new NotificationType<ComplianceChangedParams>('twelveFactor/complianceChanged');

/** The reports as a Markdown table or SARIF, as text. */
export const ExportReportRequest = new RequestType<ExportReportParams, string, void>('twelveFactor/exportReport');

/** What the server holds and has done, as counts (tests assert these, not timings): see server.ts. */
export interface ServerStats {
  /** Analyses run, not answered from the per-version cache. */
  analysesRun: number;
  /** Documents with a cached analysis: zero once every document is closed. */
  cachedAnalyses: number;
  /** Documents with a diagnostic pull being answered. */
  trackedPulls: number;
  /** `process.memoryUsage()` in bytes, measured after a full garbage collection when the server runs with `--expose-gc`. */
  heapUsed: number;
  rss: number;
  /** Whether a garbage collection ran before measuring (only with `--expose-gc`: tests and benchmarks). */
  collected: boolean;
  /** The server process's CPU time so far (user + system, microseconds): the keystroke bench diffs it per edit. */
  cpuMicros: number;
}

export const ServerStatsRequest = new RequestType0<ServerStats, void>('twelveFactor/serverStats');
