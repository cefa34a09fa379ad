import { URI, Utils } from 'vscode-uri';
import { detectProject, type ScaffoldFs } from '../../../core/src/scaffold';
import type { Scaffold } from '../../../core/src/scaffold';
import { writeRefusalAsync } from '../../../core/src/safeFs';
import { applyTextEdits, mergeMissingKeys } from '../../../core/src/scaffold/merge';
import type { FileChange, ScaffoldHost } from './host';

/** The argument object of every scaffold command (PRODUCT.md): no prompts, no preview. */
export interface ScaffoldArgs {
  /** The project folder: a Uri, a URI string or a file path. */
  folder?: unknown;
  /** Replace files that exist; without it they are kept (merged files only ever gain keys). */
  overwrite?: boolean;
}

export interface RunOptions {
  folder?: string;
  overwrite: boolean;
  /** Run from the palette or a menu: ask, preview, open the result. False when an argument object was passed. */
  interactive: boolean;
}

/** What a command returns (tests and tasks read it): files by path relative to the folder. */
export interface ScaffoldResult {
  written: string[];
  skipped: string[];
  /** The folder the scaffold ran in (URI string). */
  folder?: string;
  /** Next steps, as shown to the user. */
  notes?: string[];
  /** Files not written because writing them is unsafe (a link, a device, outside the folder), with why. */
  refused?: string[];
  /** Why nothing was written: no folder, a dismissed prompt or preview. */
  cancelled?: boolean;
  error?: string;
}

/** A Uri (anything with `scheme` and `toString`), a URI string, or a file path → a URI string. */
export function toFolderUri(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return URI.parse(value).toString();
    return URI.file(value).toString();
  }
  if (value && typeof value === 'object' && typeof (value as { scheme?: unknown }).scheme === 'string') return String(value);
  return undefined;
}

/**
 * The command's argument → options. No argument, or a Uri (the explorer's context menu passes the clicked
 * folder), is an interactive run; a plain object is `{ folder?, overwrite? }` from a test, task or keybinding.
 */
export function runOptions(arg: unknown): RunOptions {
  if (arg === undefined || arg === null) return { overwrite: false, interactive: true };
  if (typeof arg === 'object' && typeof (arg as { scheme?: unknown }).scheme === 'string') {
    return { folder: toFolderUri(arg), overwrite: false, interactive: true };
  }
  const args = (typeof arg === 'object' ? arg : {}) as ScaffoldArgs;
  const options: RunOptions = { overwrite: args.overwrite === true, interactive: false };
  const folder = toFolderUri(args.folder);
  if (folder) options.folder = folder;
  return options;
}

function join(folder: string, relative: string): string {
  return Utils.joinPath(URI.parse(folder), ...relative.split('/')).toString();
}

/** The project as core's detection reads it, through the host (so remote and virtual folders work). */
export function hostFs(host: ScaffoldHost, folder: string): ScaffoldFs {
  return {
    readFile: (rel) => host.readFile(rel ? join(folder, rel) : folder),
    readDirectory: (rel) => host.readDirectory(rel ? join(folder, rel) : folder),
  };
}

async function chooseFolder(host: ScaffoldHost, options: RunOptions, title: string): Promise<string | undefined> {
  if (options.folder) return options.folder;
  const folders = host.workspaceFolders();
  if (folders.length === 1) return folders[0].uri;
  if (folders.length === 0) return undefined;
  return (await host.pickFolder(folders, title))?.uri;
}

/**
 * One scaffold command: folder → detection → generated files → what to create, merge or replace → one
 * workspace edit. Existing files are never replaced without a yes (interactive) or `overwrite: true`.
 */
export async function runScaffold(host: ScaffoldHost, scaffold: Scaffold, options: RunOptions): Promise<ScaffoldResult> {
  const title = `Twelve-Factor: ${scaffold.title}`;
  const folder = await chooseFolder(host, options, title);
  if (!folder) {
    const none = host.workspaceFolders().length === 0;
    if (none) notify(host, 'error', `${title}: open a folder first.`);
    return { written: [], skipped: [], cancelled: true, ...(none ? { error: 'no workspace folder' } : {}) };
  }
  const project = await host.withProgress(`${title}: reading the project…`, () => detectProject(hostFs(host, folder)));
  const plan = scaffold.generate(project);
  if (plan.files.length === 0) {
    if (options.interactive) notify(host, 'warning', `${title}: nothing to generate. ${plan.notes.join(' ')}`);
    return { written: [], skipped: [], folder, notes: plan.notes };
  }

  const changes: FileChange[] = [];
  const conflicts: Array<{ path: string; uri: string; existing: string; content: string }> = [];
  const skipped: string[] = [];
  const warnings: string[] = [];
  const refused: string[] = [];
  for (const file of plan.files) {
    const uri = join(folder, file.path);
    // core/src/safeFs.ts judges: a link, a FIFO or a device is never written through (nor read to merge).
    const refusal = await writeRefusalAsync(file.path, (rel) => host.entryKind(join(folder, rel)));
    if (refusal) {
      skipped.push(file.path);
      refused.push(`${file.path} was not written: ${refusal}.`);
      continue;
    }
    const existing = await host.readFile(uri);
    if (existing === undefined) changes.push({ kind: 'create', uri, path: file.path, content: file.content });
    else if (file.merge) {
      const merged = mergeMissingKeys(file, existing);
      if (merged.unmergeable) warnings.push(`${file.path} was left as it is: ${merged.unmergeable}.`);
      if (merged.edits.length > 0) changes.push({ kind: 'edit', uri, path: file.path, existing, edits: merged.edits });
      else skipped.push(file.path);
    } else if (existing === file.content) skipped.push(file.path);
    else conflicts.push({ path: file.path, uri, existing, content: file.content });
  }

  if (conflicts.length > 0) {
    let answer: 'overwrite' | 'keep' | 'cancel' = options.overwrite ? 'overwrite' : 'keep';
    if (!options.overwrite && options.interactive) answer = await host.confirmOverwrite(conflicts.map((c) => c.path), title);
    if (answer === 'cancel') return { written: [], skipped: plan.files.map((f) => f.path), folder, cancelled: true };
    for (const c of conflicts) {
      if (answer === 'overwrite') changes.push({ kind: 'replace', ...c });
      else skipped.push(c.path);
    }
  }
  for (const w of [...refused, ...warnings]) if (options.interactive) notify(host, 'warning', `${title}: ${w}`);
  const refusedField = refused.length > 0 ? { refused } : {};

  if (changes.length === 0) {
    if (options.interactive) notify(host, 'info', `${title}: nothing to write; ${skipped.join(', ')} already ${skipped.length === 1 ? 'exists' : 'exist'}.`);
    return { written: [], skipped, folder, notes: plan.notes, ...refusedField };
  }
  const applied = await host.applyChanges(changes, { preview: options.interactive, label: title });
  // The preview lets the user untick files or discard everything: report what is really on disk now.
  const written: string[] = [];
  for (const change of changes) {
    const now = applied ? await host.documentText(change.uri) : undefined;
    const expected = change.kind === 'edit' ? applyTextEdits(change.existing, change.edits) : change.content;
    if (now !== undefined && normalize(now) === normalize(expected)) written.push(change.path);
    else skipped.push(change.path);
  }
  if (written.length === 0) return { written, skipped, folder, cancelled: true, notes: plan.notes, ...refusedField };
  await host.saveFiles(changes.filter((c) => written.includes(c.path)).map((c) => c.uri));

  if (options.interactive) {
    const main = plan.main && written.includes(plan.main) ? plan.main : written[0];
    await host.openFile(join(folder, main));
    if (plan.notes.length > 0) {
      notify(host, 'info', plan.notes.join(' '), 'Copy', () => host.copyToClipboard(plan.notes.join('\n')));
    }
  }
  return { written, skipped, folder, notes: plan.notes, ...refusedField };
}

/**
 * A notification that does not hold the command up: its promise settles only when the user closes it, and
 * the command's result (which tests and tasks await) must not wait for that.
 */
function notify(host: ScaffoldHost, kind: 'info' | 'warning' | 'error', message: string, action?: string, onAction?: () => Promise<void>): void {
  void host.showMessage(kind, message, ...(action ? [action] : [])).then(async (picked) => {
    if (picked !== undefined && picked === action) await onAction?.();
  });
}

/** Editors may turn `\n` into the file's `\r\n`; the comparison should not care. */
function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
