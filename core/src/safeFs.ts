import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The one judgement of whether Twelve-Factor may write a file (a fix appending to `.env`, `.gitignore`,
 * `.env.example`, rewriting the source; a scaffold creating or merging its files) or read one for facts
 * (`.env.example`, schema, tsconfig, package.json). A repository is untrusted input: its `.env` can be a
 * symbolic link to `/dev/null` (the moved secret would vanish while the fix reports success), to a FIFO
 * (the write blocks), or to a file outside the project (the fix would append to it). So every path is judged
 * component by component from the workspace folder: each must exist as a real folder, the last as a regular
 * file, or not exist yet (then it is created inside the folder). Symbolic links are refused, not followed.
 *
 * The CLI, the language server's code actions and the scaffolds (through their own stat) all call this.
 */

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other' | 'missing' | 'unreadable';

/** The path relative to the folder with `/` separators, or undefined when it is not strictly inside it. */
export function relativeInside(folder: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(folder), path.resolve(file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Why `relativePath` (inside the folder, `/`-separated) may not be written, or undefined when it may.
 * `kindOf` answers for a folder-relative path without following a link at its last component (an lstat).
 */
export function writeRefusal(relativePath: string, kindOf: (relative: string) => EntryKind): string | undefined {
  return judge(relativePath, stepsOf(relativePath).map((step) => ({ step, kind: kindOf(step) })));
}

/** The same judgement for hosts that can only stat asynchronously (the editor's `workspace.fs`). */
export async function writeRefusalAsync(relativePath: string, kindOf: (relative: string) => Promise<EntryKind>): Promise<string | undefined> {
  const answers: Array<{ step: string; kind: EntryKind }> = [];
  for (const step of stepsOf(relativePath)) {
    const kind = await kindOf(step);
    answers.push({ step, kind });
    if (kind !== 'directory') break;
  }
  return judge(relativePath, answers);
}

function stepsOf(relativePath: string): string[] {
  const parts = relativePath.split('/').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function judge(relativePath: string, answers: Array<{ step: string; kind: EntryKind }>): string | undefined {
  const parts = relativePath.split('/').filter(Boolean);
  if (parts.length === 0 || parts.includes('..')) return `${relativePath} is outside the workspace folder`;
  for (const { step, kind } of answers) {
    const last = step === parts.join('/');
    // Missing: this component and everything below it will be created, inside the folder.
    if (kind === 'missing') return undefined;
    if (kind === 'symlink') return `${step} is a symbolic link (Twelve-Factor does not write through links: it could lead outside the workspace or to a device)`;
    if (kind === 'unreadable') return `${step} cannot be checked (permission denied?)`;
    if (!last && kind !== 'directory') return `${step} is not a folder`;
    if (last && kind === 'directory') return `${step} is a directory`;
    if (last && kind !== 'file') return `${step} is not a regular file (a FIFO, socket or device)`;
  }
  return undefined;
}

/** lstat on the disk, as an {@link EntryKind}. */
export function diskKind(abs: string): EntryKind {
  try {
    const stat = fs.lstatSync(abs);
    return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

/** Why a file on the disk may not be written by a fix or scaffold of `folder`, or undefined when it may. */
export function diskWriteRefusal(folder: string, file: string): string | undefined {
  const rel = relativeInside(folder, file);
  if (rel === undefined) return `${file} is outside the workspace folder ${folder}`;
  return writeRefusal(rel, (step) => diskKind(path.join(folder, ...step.split('/'))));
}

/**
 * The text of a file read for facts (`.env.example`, schema, tsconfig, package.json), or undefined when it
 * does not exist, cannot be read or is not a regular file. A path inside the folder is not followed outside
 * it: a schema linked to `/etc/…` reads as absent. (Paths above the folder, such as the repository's `.git`,
 * are read as they are.) A FIFO never blocks the read.
 */
export function readForFacts(folder: string | undefined, file: string): string | undefined {
  return staysInside(folder, file) ? readRegular(file) : undefined;
}

/**
 * Whether reading `file` stays inside `folder` once links are resolved: false for a path inside the folder
 * that a link leads outside it (or that cannot be resolved). Paths above the folder are judged as they are.
 */
export function staysInside(folder: string | undefined, file: string): boolean {
  if (folder === undefined || relativeInside(folder, file) === undefined) return true;
  try {
    return relativeInside(fs.realpathSync(folder), fs.realpathSync(file)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Opens a regular file for appending (created when missing) without following a link at its last component
 * and without blocking on a FIFO; the open file is checked again, so a swap after the judgement is caught.
 */
export function openForAppend(file: string): number {
  const c = fs.constants;
  const fd = fs.openSync(file, c.O_RDWR | c.O_APPEND | c.O_CREAT | (c.O_NOFOLLOW ?? 0) | (c.O_NONBLOCK ?? 0), 0o644);
  return ensureRegular(fd, file);
}

/** Replaces a regular file's content, with the same guarantees as {@link openForAppend}. */
export function overwriteRegular(file: string, text: string): void {
  const c = fs.constants;
  const fd = ensureRegular(fs.openSync(file, c.O_WRONLY | (c.O_NOFOLLOW ?? 0) | (c.O_NONBLOCK ?? 0)), file);
  try {
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, text, 0);
  } finally {
    fs.closeSync(fd);
  }
}

function ensureRegular(fd: number, file: string): number {
  if (fs.fstatSync(fd).isFile()) return fd;
  fs.closeSync(fd);
  throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREGULAR' });
}

function readRegular(file: string): string | undefined {
  try {
    // Not even opened unless it is a regular file: opening a FIFO can block, or be seen by its writer.
    if (!fs.statSync(file).isFile()) return undefined;
    const c = fs.constants;
    const fd = fs.openSync(file, c.O_RDONLY | (c.O_NONBLOCK ?? 0));
    try {
      if (!fs.fstatSync(fd).isFile()) return undefined;
      return fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
