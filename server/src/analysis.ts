import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileContext } from '../../core/src/context';
import { analyze, type AnalysisResult } from '../../core/src/engine';
import { fileKindOf } from '../../core/src/fileKinds';
import { hasGoTree } from '../../core/src/go';
import { hasPythonTree } from '../../core/src/python';
import { isGitIgnored } from '../../core/src/gitignore';
import { isGitTracked } from '../../core/src/git/tracked';
import type { FileHost } from '../../core/src/host';
import type { WorkspaceProgram } from './program';
import type { Settings } from './settings';

interface Entry {
  version: number;
  settings: Settings;
  result: AnalysisResult;
  /** Kept so the next version re-parses only what changed (TypeScript's incremental parser). */
  context: FileContext;
  /** Settings or the program changed: the result must be recomputed, the parse can still be reused. */
  stale?: boolean;
}

const BLOCK = 1024;

/** The one edited region between two texts, from their common prefix and suffix. */
export function changedRegion(before: string, after: string): { start: number; end: number; newLength: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Whole blocks first (a string comparison is a memory compare), then character by character: a keystroke in a
  // 2,000-line file compares ~65,000 characters either way.
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + BLOCK <= max - start && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, end: before.length - suffix, newLength: after.length - suffix - start };
}

/** Extensions for documents with no file name (untitled), so they get the reader their language needs. */
const LANGUAGE_EXTENSIONS: Record<string, string> = {
  javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx', yaml: '.yaml', json: '.json',
  jsonc: '.json', dotenv: '.env', dockerfile: '.dockerfile', properties: '.properties', ini: '.ini', shellscript: '.sh', python: '.py', go: '.go',
};

/**
 * One analysis per document version and settings object: the diagnostics request and the code-action
 * requests that follow it share the parse instead of repeating it.
 */
export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** How many analyses ran (not answered from the cache): the pull tests count these, not milliseconds. */
  runs = 0;

  constructor(private readonly program: WorkspaceProgram, private readonly host: FileHost) {}

  get(document: TextDocument, filePath: string, folder: string | undefined, settings: Settings): AnalysisResult {
    const cached = this.entries.get(document.uri);
    if (cached && !cached.stale && cached.version === document.version && cached.settings === settings) return cached.result;
    const text = document.getText();
    const gitIgnored = fileKindOf(filePath) === 'env' && isGitIgnored(filePath, undefined, folder);
    const gitTracked = fileKindOf(filePath) === 'env' && isGitTracked(filePath);
    // A keystroke's new version reuses the previous syntax tree (incremental parse) when there was one.
    // Relative to the workspace folder before the index sees the file: test-ness is judged inside the folder.
    const relativePath = folder ? path.relative(folder, filePath).split(path.sep).join('/') : path.basename(filePath);
    const previous = cached?.context;
    const context = previous && previous.path === filePath && previous.gitIgnored === gitIgnored && previous.gitTracked === gitTracked && (previous.hasSourceFile || hasPythonTree(previous) || hasGoTree(previous)) &&
      previous.relativePath === relativePath
      ? previous.withText(text, changedRegion(previous.text, text))
      : new FileContext(filePath, text, { gitIgnored, gitTracked, relativePath, keepSyntaxTree: true });
    // The index learns this version first (sharing its parse), so the program rules judge what is on screen.
    this.program.updateDocument(context);
    this.runs++;
    const result = analyze(context, { config: settings.config, relativePath, program: this.program.view(filePath), host: this.host });
    this.entries.set(document.uri, { version: document.version, settings, result, context });
    return result;
  }

  /** Documents with a cached analysis (drops to zero when every document is closed). */
  get size(): number {
    return this.entries.size;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.stale = true;
  }

  /** A path for a document: its file path, or a made-up one whose extension matches its language. */
  static pathOf(uri: string, languageId: string, fsPath: string | undefined): string {
    if (fsPath) return fsPath;
    const name = uri.replace(/^[a-z-]+:/i, '').replace(/[^\w.-]+/g, '_');
    const ext = LANGUAGE_EXTENSIONS[languageId] ?? '';
    return name.endsWith(ext) ? name : name + ext;
  }
}

/**
 * The process's CPU time and memory, for the server-stats request (tests and the bench measure the server with
 * it). Only a process started with --expose-gc has `gc`: there the memory is measured after a full collection,
 * so memory tests see what is still reachable, not garbage.
 */
export function processStats(): { cpuMicros: number; heapUsed: number; rss: number; collected: boolean } {
  const cpu = process.cpuUsage();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, heapUsed, rss, collected: gc !== undefined };
}
