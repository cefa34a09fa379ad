import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ComplianceReport, WorkspaceFact } from '../../core/src/compliance/model';
import type { Finding } from '../../core/src/types';
import { formatReport } from '../../core/src/report';
import { formatMarkdown } from '../../core/src/report/markdown';
import { rules } from '../../core/src/rules';
import { VERSION } from '../../core/src/version';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { toDiagnostic } from './convert';
import { ComplianceChangedNotification, ComplianceRequest, ExportReportRequest, ScanWorkspaceRequest } from './customMessages';
import { WorkspaceScanner, type FileResult } from './workspaceScan';
import { sizeOptimised } from './bursts';

/** The deepest folder holding every folder (multi-root SARIF needs one base). */
function commonRoot(folders: string[]): string {
  if (folders.length === 0) return '/';
  let root = folders[0];
  while (!folders.every((f) => f === root || f.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) {
    const parent = path.dirname(root);
    if (parent === root) break;
    root = parent;
  }
  return root;
}

export interface ComplianceDeps {
  folders(): string[];
  folderOf(file: string): string | undefined;
  analyze(file: string, text: string, folder: string): Promise<FileResult>;
  largeEnv?(file: string, folder: string): Promise<Finding[]>;
  excludes(folder: string): Promise<string[]>;
  facts(folder: string): WorkspaceFact[];
  openText(file: string): string | undefined;
  /** `twelveFactor.workspaceDiagnostics`: findings of files that are not open go to the Problems panel. */
  workspaceDiagnostics(): Promise<boolean>;
}

/**
 * The workspace scan as the client sees it: `scanWorkspace` runs it with `$/progress` (cancellable),
 * `compliance` answers from the last scan (scanning first if there was none), and after a scan every change
 * to a file re-analyses that file alone and sends the new report.
 */
export function registerCompliance(connection: Connection, deps: ComplianceDeps) {
  const scanner = new WorkspaceScanner({ analyze: deps.analyze, largeEnv: deps.largeEnv, excludes: deps.excludes, facts: deps.facts, openText: deps.openText });
  let scanned = false;
  let running: Promise<ComplianceReport[] | undefined> | undefined;
  /** Settings changed during a scan: scan again when it ends. */
  let stale = false;
  /** Changed files waiting for the batch, with their folders. */
  const pending = new Map<string, string>();
  let batch: NodeJS.Timeout | undefined;

  const published = new Set<string>();
  const send = (reports: ComplianceReport[]) => {
    connection.sendNotification(ComplianceChangedNotification, { reports }).catch(() => undefined);
    publish().catch((error: unknown) => connection.console.error(`Publishing workspace diagnostics failed: ${String(error)}`));
  };

  /**
   * Open files get pulled diagnostics; the others are pushed from the scan when the setting is on, and
   * withdrawn when it is turned off or a file is opened (so no finding shows twice).
   */
  const publish = async () => {
    const enabled = await deps.workspaceDiagnostics();
    const wanted = new Map<string, Finding[]>();
    if (enabled) {
      for (const folder of deps.folders()) {
        for (const [file, findings] of scanner.findingsByFile(folder)) if (findings.length > 0 && deps.openText(file) === undefined) wanted.set(file, findings);
      }
    }
    for (const file of published) {
      if (!wanted.has(file)) await connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: [] });
    }
    published.clear();
    for (const [file, findings] of wanted) {
      await connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: findings.map((f) => toDiagnostic(f)) });
      published.add(file);
    }
  };

  /**
   * One scan at a time. Asked by the client's Scan Workspace command, it reports on the request's own
   * progress token (VS Code shows a cancellable notification) and stops when the request is cancelled;
   * started by the server (settings changed, first look at the panel), it creates its own progress.
   */
  const scan = async (asked?: { token: CancellationToken; progress?: WorkDoneProgressReporter }): Promise<ComplianceReport[] | undefined> => {
    if (running) return running;
    const reporter = asked?.progress ?? await connection.window.createWorkDoneProgress();
    reporter.begin('Twelve-Factor: scanning the workspace', 0, undefined, true);
    const ownToken = 'token' in reporter ? (reporter as { token: CancellationToken }).token : undefined;
    const started = Date.now();
    running = sizeOptimised(() => scanner.scan(deps.folders(), {
      report: (done, total, message) => reporter.report(total ? Math.round((done / total) * 100) : 0, message),
      get cancelled() {
        return asked?.token.isCancellationRequested === true || ownToken?.isCancellationRequested === true;
      },
    })).finally(() => {
      reporter.done();
      running = undefined;
      // Settings changed while it ran: its results were judged with the old ones.
      if (stale) {
        stale = false;
        scanner.clear();
        setImmediate(rescan);
      }
    });
    const reports = await running;
    if (reports) {
      scanned = true;
      const files = reports.reduce((n, r) => n + r.filesScanned, 0);
      connection.console.log(`Scanned ${files} files in ${Date.now() - started} ms.`);
      send(reports);
    } else connection.console.log('Workspace scan cancelled.');
    return reports;
  };

  const rescan = () => {
    scan().catch((error: unknown) => connection.console.error(`Workspace scan failed: ${String(error)}`));
  };

  const current = (): ComplianceReport[] => deps.folders().map((f) => scanner.report(f)).filter((r): r is ComplianceReport => r !== undefined);

  connection.onRequest(ScanWorkspaceRequest, async (params, token) => {
    const progress = params?.workDoneToken !== undefined ? connection.languages.attachWorkDoneProgress(params) : undefined;
    const reports = await scan({ token, progress });
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Workspace scan cancelled');
    return reports ?? current();
  });
  // The report is made here, where the rules' metadata is: the client bundle carries no analysis code.
  connection.onRequest(ExportReportRequest, async (params) => {
    const reports = scanned ? current() : (await scan()) ?? [];
    if (params.format === 'markdown') return formatMarkdown(reports, VERSION);
    const root = reports.length === 1 ? reports[0].folder : commonRoot(reports.map((r) => r.folder));
    const findings = reports.flatMap((r) => r.factors.flatMap((f) => f.findings));
    const filesScanned = reports.reduce((n, r) => n + r.filesScanned, 0);
    // Skipped files become SARIF tool notifications, as in the CLI's output.
    const skipped = reports.flatMap((r) => r.skipped.map((s) => ({ file: s.file, reason: s.reason })));
    return formatReport({ root, findings, filesScanned, skipped, rules: rules.map((r) => r.meta), version: VERSION }, 'sarif');
  });
  connection.onRequest(ComplianceRequest, async () => (scanned ? current() : (await scan()) ?? []));

  return {
    /**
     * A file changed (disk or editor): re-analysed alone, after a pause. A burst of events (a checkout, a
     * build writing its output, typing) is handled as one batch and answered with one report.
     */
    fileChanged(file: string): void {
      if (!scanned) return;
      const folder = deps.folderOf(file);
      if (!folder) return;
      pending.set(file, folder);
      clearTimeout(batch);
      batch = setTimeout(() => {
        const files = [...pending];
        pending.clear();
        (async () => {
          let changed = false;
          for (const [f, fo] of files) changed = (await scanner.update(f, fo)) !== undefined || changed;
          if (changed) send(current());
        })().catch((e: unknown) => connection.console.error(String(e)));
      }, 300);
    },
    /** A document was opened or closed: its diagnostics switch between pulled and pushed. */
    openedOrClosed(): void {
      if (scanned) publish().catch(() => undefined);
    },
    /** Settings changed: every result may differ. */
    settingsChanged(): void {
      scanner.clear();
      if (running) stale = true;
      else if (scanned) rescan();
    },
    /** Another module's facts changed: the program-dependent files are judged again. */
    programChanged(): void {
      scanner.programChanged();
      if (scanned && !running) rescan();
    },
    scanner,
  };
}
