import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCAFFOLD_CATALOG, scaffoldCommandId } from '../../../core/src/scaffold/catalog';
import type { ScaffoldHost } from './host';
import type { ScaffoldResult } from './run';
import { createVscodeHost } from './vscodeHost';

export type { FileChange, FolderRef, ScaffoldHost } from './host';
export type { ScaffoldArgs, ScaffoldResult } from './run';

type Engine = typeof import('./engine');
let engine: Engine | undefined;

/**
 * The engine, loaded on first use from beside this file: `scaffold.js` next to the bundled dist/client.js,
 * `engine.js` next to tsc's output. A computed path, so esbuild leaves the require alone and the client bundle
 * does not carry the TypeScript compiler.
 */
function loadEngine(): Engine {
  if (engine) return engine;
  for (const name of ['scaffold.js', 'engine.js']) {
    const file = path.join(__dirname, name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of a separate bundle.
    if (fs.existsSync(file)) return (engine = require(file) as Engine);
  }
  throw new Error(`the scaffold engine is missing from this build (expected ${path.join(__dirname, 'scaffold.js')})`);
}

/**
 * Registers the `twelveFactor.scaffold.*` commands. Each takes an optional `{ folder?: Uri | string,
 * overwrite?: boolean }` (no prompts and no preview: tests and tasks), or the Uri the explorer's context menu
 * passes, and resolves to `{ written, skipped }` with paths relative to the folder.
 */
export function registerScaffoldCommands(context: vscode.ExtensionContext, host: ScaffoldHost = createVscodeHost()): void {
  for (const { id, title } of SCAFFOLD_CATALOG) {
    context.subscriptions.push(
      vscode.commands.registerCommand(scaffoldCommandId(id), async (arg?: unknown): Promise<ScaffoldResult> => {
        try {
          const { runScaffold, runOptions, scaffoldById } = loadEngine();
          const scaffold = scaffoldById(id);
          if (!scaffold) throw new Error(`unknown scaffold ${id}`);
          return await runScaffold(host, scaffold, runOptions(arg));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // Not awaited: an error notification settles only when closed, and callers await the result.
          void host.showMessage('error', `Twelve-Factor: ${title} failed: ${message}`);
          return { written: [], skipped: [], error: message };
        }
      }),
    );
  }
}
