import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { FileContext } from '../../../core/src/context';
import { analyze } from '../../../core/src/engine';
import { fileKindOf } from '../../../core/src/fileKinds';
import { isGitIgnored } from '../../../core/src/gitignore';
import { isGitTracked } from '../../../core/src/git/tracked';
import { scanLargeEnv } from '../../../core/src/largeEnv';
import { prepareFor } from '../../../core/src/treesitter/prepare';
import { diskWorkspaceHost } from '../../../core/src/workspace/disk';
import { workspaceFacts, type WorkspaceFact } from '../../../core/src/workspace/facts';
import { registerCompliance, type ComplianceDeps } from '../compliance';
import type { ServerContext } from '../context';

/**
 * The compliance panel's side of the server: the workspace scan (`server/src/compliance.ts`) given what it
 * needs from the server (folders, settings, open documents, the program index), and told of changes.
 */
export function registerComplianceFeature(ctx: ServerContext): ReturnType<typeof registerCompliance> {
  const compliance = registerCompliance(ctx.connection, complianceDeps(ctx));
  ctx.onInvalidated(({ settingsChanged }) => { if (settingsChanged) compliance.settingsChanged(); });
  ctx.onProgramChanged(() => compliance.programChanged());
  ctx.onFileChanged((file) => compliance.fileChanged(file));
  ctx.onOpenedOrClosed(() => compliance.openedOrClosed());
  return compliance;
}

/** What the scan asks of the server, answered from the context. */
export function complianceDeps(ctx: ServerContext): ComplianceDeps {
  const { connection, settings, program, host, folders } = ctx;
  const factsCache = new Map<string, { at: number; facts: WorkspaceFact[] }>();
  return {
    folders: () => folders.paths(),
    folderOf: (file) => folders.folderOf(file),
    openText: (file) => ctx.openText(file),
    analyze: async (file, text, folder) => {
      const current = await settings.get(URI.file(folder).toString(), folder);
      if (!current.enable) return { findings: [] };
      const gitIgnored = fileKindOf(file) === 'env' && isGitIgnored(file, undefined, folder);
      const gitTracked = fileKindOf(file) === 'env' && isGitTracked(file);
      const relativePath = path.relative(folder, file).split(path.sep).join('/');
      await prepareFor(file, text);
      // With the findings inline comments silenced (marked `suppression`): the panel counts them per factor.
      const result = analyze(new FileContext(file, text, { gitIgnored, gitTracked }), { config: current.config, relativePath, program: program.view(file), host });
      return { findings: [...result.findings, ...result.suppressed], skipped: result.skipped };
    },
    largeEnv: async (file, folder) => {
      const current = await settings.get(URI.file(folder).toString(), folder);
      if (!current.enable) return [];
      const relativePath = path.relative(folder, file).split(path.sep).join('/');
      return scanLargeEnv(file, { config: current.config, relativePath, gitIgnored: isGitIgnored(file, undefined, folder) });
    },
    excludes: async (folder) => {
      if (!ctx.client.configuration) return [];
      try {
        const exclude = (await connection.workspace.getConfiguration({ scopeUri: URI.file(folder).toString(), section: 'files.exclude' })) as Record<string, boolean> | null;
        return Object.entries(exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob.replace(/^\*\*\//, '**/'));
      } catch {
        return [];
      }
    },
    // Bounded (a few hundred files for the health endpoint) and cached briefly: a burst of edits reads them once.
    facts: (folder) => {
      const cached = factsCache.get(folder);
      if (cached && Date.now() - cached.at < 5000) return cached.facts;
      const facts = workspaceFacts(folder, diskWorkspaceHost(folder, (p) => host.readFile(p)));
      factsCache.set(folder, { at: Date.now(), facts });
      return facts;
    },
    workspaceDiagnostics: async () => {
      if (!ctx.client.configuration) return false;
      try {
        return (await connection.workspace.getConfiguration('twelveFactor.workspaceDiagnostics')) === true;
      } catch {
        return false;
      }
    },
  };
}
