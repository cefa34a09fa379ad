// Bundles the server's keystroke path of a checkout (DocumentAnalyses: the program index update, withText and
// analyze, then the diagnostics' conversion) for `bench/pairs.mjs`, as bench/lib/engine.mjs bundles the engine.
// Two checkouts bundled this way run in one process, edit for edit.
import { bundleEntry } from './engine.mjs';

const ENTRY = `
export { DocumentAnalyses } from './server/src/analysis';
export { WorkspaceProgram } from './server/src/program';
export { toDiagnostic } from './server/src/convert';
export { defaultConfig } from './core/src/config';
export { DiskCache } from './core/src/diskCache';
export { TextDocument } from 'vscode-languageserver-textdocument';
`;

export async function bundleServerPath(repo, outfile) {
  return bundleEntry(repo, outfile, ENTRY, 'bench-server-path.ts');
}
