import type { FileContext } from '../../core/src/context';
import { fileKindOf, fileKindOfText, isTestFile, mayBeNodeScript } from '../../core/src/fileKinds';
import { ProgramIndex } from '../../core/src/program';
import type { ProgramView } from '../../core/src/program/types';
import type { FileHost } from '../../core/src/host';
import { rules } from '../../core/src/rules';
import { readTextSync } from '../../core/src/gitignore';
import { isWalked, walkFiles } from '../../core/src/walk';
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_INDEXED_FILE = 1024 * 1024;

/**
 * The workspace's module graph for rules that judge a program (SIGTERM handled in another module). Indexed
 * in the background in small slices so requests are answered meanwhile; kept current from open documents
 * (their text wins) and from file-system events for the others. `onChanged` fires when what a module tells
 * the others changed, so the listen sites of other files are re-judged.
 */
export class WorkspaceProgram {
  private readonly index: ProgramIndex;
  private readonly open = new Set<string>();
  /** The text each open document was last summarised from (the editor holds the same string). */
  private readonly openTexts = new Map<string, string>();
  private versions = 0;
  private generation = 0;

  constructor(
    private readonly onChanged: () => void,
    private readonly log: (message: string) => void,
    /** The workspace folder holding a path, if any: events outside every folder are not indexed. */
    private readonly folderOf: (file: string) => string | undefined = () => undefined,
    /** For the package's aliases (tsconfig `paths`, package.json `imports`). */
    host?: FileHost,
  ) {
    this.index = new ProgramIndex(rules.filter((r) => r.summarize), host);
  }

  view(file: string): ProgramView {
    return this.index.view(file);
  }

  /** Indexes every JS/TS file of the folders; a later call (folders changed) supersedes an unfinished one. */
  async indexFolders(folders: string[]): Promise<void> {
    const generation = ++this.generation;
    const started = Date.now();
    let count = 0;
    let changed = false;
    for (const folder of folders) {
      const files = walkFiles(folder, { cancelled: () => generation !== this.generation });
      for (const f of files) {
        if (generation !== this.generation) return;
        if (!mayBeModule(f.file) || f.size > MAX_INDEXED_FILE || this.open.has(f.file)) continue;
        changed = this.updateFromDisk(f.file, false, folder) || changed;
        // Yield to the event loop every few files: a keystroke's diagnostics must not wait for the index.
        if (++count % 25 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    this.log(`Indexed ${count} modules in ${Date.now() - started} ms.`);
    if (changed) this.onChanged();
  }

  /** An open document's text (its parse shared with the analysis): the index follows the editor, not the disk. */
  updateDocument(context: FileContext): void {
    if (context.kind !== 'js' && context.kind !== 'go' && context.kind !== 'python') return;
    this.open.add(context.path);
    // Compared, not hashed: a keystroke is a new text (a settings change re-analyses the same one).
    if (this.openTexts.get(context.path) === context.text) return;
    this.openTexts.set(context.path, context.text);
    if (this.index.update(context.path, context.text, context.isTestFile, context, `open:${++this.versions}`)) this.onChanged();
  }

  closeDocument(file: string): void {
    this.open.delete(file);
    this.openTexts.delete(file);
    if (!mayBeModule(file)) return;
    if (this.updateFromDisk(file, true, this.folderOf(file))) this.onChanged();
  }

  /**
   * A watched path changed, was created or deleted on disk. A folder created or deleted with its files in it
   * is reported once, as the folder: its modules are indexed or dropped together. What the index walk leaves
   * out (build output, node_modules, git-ignored files) stays out.
   */
  fileChanged(target: string): void {
    // The files that define aliases: which module a specifier names may have changed for every module.
    if (/^(tsconfig[\w.-]*\.json|jsconfig\.json|package\.json)$/.test(path.basename(target))) {
      this.index.configChanged();
      this.onChanged();
      return;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(target);
    } catch {
      stat = undefined;
    }
    const folder = this.folderOf(target);
    let changed = false;
    if (stat?.isDirectory()) {
      if (folder && isWalked(folder, target, true)) {
        for (const f of walkFiles(target)) {
          if (mayBeModule(f.file) && f.size <= MAX_INDEXED_FILE && !this.open.has(f.file)) changed = this.updateFromDisk(f.file, false, folder) || changed;
        }
      }
    } else if (stat === undefined) {
      const below = target + path.sep;
      for (const file of [...this.index.files()]) {
        if ((file === target || file.startsWith(below)) && !this.open.has(file)) changed = this.index.remove(file) || changed;
      }
    } else {
      if (!mayBeModule(target) || this.open.has(target)) return;
      const indexed = stat.isFile() && stat.size <= MAX_INDEXED_FILE && folder !== undefined && isWalked(folder, target);
      changed = indexed ? this.updateFromDisk(target, true, folder) : this.index.remove(target);
    }
    if (changed) this.onChanged();
  }

  private updateFromDisk(file: string, removeIfMissing: boolean, folder: string | undefined): boolean {
    const text = readTextSync(file);
    if (text === undefined) return removeIfMissing ? this.index.remove(file) : false;
    // An extension-less file is a module only when its shebang runs Node (`bin/www`); one that lost it leaves.
    const kind = fileKindOfText(file, text);
    if (kind !== 'js' && kind !== 'go' && kind !== 'python') return this.index.has(file) ? this.index.remove(file) : false;
    return this.index.update(file, text, isTestFile(relativeTo(folder, file)));
  }
}

/** JS/TS, Go or Python by name, or a name with no extension that may hold a Node script (read to know). */
function mayBeModule(file: string): boolean {
  return fileKindOf(file) === 'js' || fileKindOf(file) === 'go' || fileKindOf(file) === 'python' || mayBeNodeScript(file);
}

/** The path inside its workspace folder, where test-ness is judged; the file name alone outside every folder. */
function relativeTo(folder: string | undefined, file: string): string {
  const rel = folder ? path.relative(folder, file) : '';
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(file)).split(path.sep).join('/');
}
