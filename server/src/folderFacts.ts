import * as path from 'node:path';
import type { DiskCache } from '../../core/src/diskCache';
import { isDocumentationFile } from '../../core/src/env/docDeclared';
import { isManifestFile } from '../../core/src/env/manifestDeclared';
import { isShellScriptFile } from '../../core/src/env/scriptVariables';

/**
 * Files whose text decides what rules derive per folder (declared packages, workspaces, tsconfig `paths`,
 * bundler aliases, ignores). Typing in any other document leaves those facts as they were.
 */
const FOLDER_FACT = /^(package\.json|manifest\.json|[jt]sconfig(\..*)?\.json|pnpm-workspace\.yaml|\.babelrc(\.\w+)?|\.gitignore|.*\.config\.[cm]?[jt]s|.*\.config\.json)$/i;

/**
 * The version of the server's folder facts: it moves when the file watcher reports a change on disk (the disk
 * cache forgets the path) or when an open document that is a folder fact is edited (its text is served from
 * the editor, not the disk). Rules keep per-folder results (`Resolution`) while it stays put.
 */
export class FolderFactsVersion {
  private edits = 0;

  constructor(private readonly disk: DiskCache) {}

  get version(): number {
    return this.disk.version * 0x10000 + this.edits;
  }

  documentChanged(file: string): void {
    // A Markdown page, a Kubernetes manifest or a shell script may declare the settings env reads are judged
    // against (env/docDeclared.ts, env/manifestDeclared.ts, env/scriptVariables.ts).
    if (FOLDER_FACT.test(path.basename(file)) || isDocumentationFile(file) || isManifestFile(file) || isShellScriptFile(file)) this.edits = (this.edits + 1) % 0x10000;
  }
}
