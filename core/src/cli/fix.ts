import * as fs from 'node:fs';
import * as path from 'node:path';
import { envRootFor, exampleFileIn } from '../envRoot';
import { fixedUnasked } from '../fixes/eligible';
import { applyEdits, planFixes } from '../fixes/plan';
import { isPreferred } from '../fixes/types';
import { readTextSync } from '../gitignore';
import { diskWriteRefusal, openForAppend, overwriteRegular, readForFacts } from '../safeFs';
import type { FileResult } from '../scan';
import type { WorkspaceChange } from '../types';

/**
 * `--fix`: the same plans the editor's fix-all makes, written to disk file by file. `.env` is re-read before
 * each file so names stay unique across files, and only ever appended to.
 */
export function applyFixes(files: FileResult[], root: string): { filesChanged: number; fixesApplied: number; changed: string[] } {
  let filesChanged = 0;
  const changed: string[] = [];
  let fixesApplied = 0;
  for (const file of files) {
    // Only unambiguous fixes: where the user must choose (Redis or Postgres), --fix leaves the finding alone;
    // and only errors and warnings outside test code.
    const fixes = file.findings.filter((f) => fixedUnasked(f, file.file, root))
      .flatMap((f) => (file.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
    if (fixes.length === 0) continue;
    const envRoot = envRootFor(file.file, root);
    // A `.env.example` linked outside the folder reads as absent (and writing to it is refused below).
    const example = exampleFileIn(envRoot, (f) => readForFacts(root, f));
    const plan = planFixes({ path: file.file, text: file.text }, fixes, {
      root: envRoot,
      env: readForFacts(root, path.join(envRoot, '.env')),
      gitignore: readForFacts(root, path.join(envRoot, '.gitignore')),
      example: example.text,
      exampleName: example.name,
    }, 'Fix all');
    // Every fix overlapped another or could not be written to .env exactly: nothing to write.
    if (plan.applied === 0) continue;
    writeChange(plan, root);
    filesChanged++;
    changed.push(file.file);
    fixesApplied += plan.applied;
  }
  return { filesChanged, fixesApplied, changed };
}

/**
 * Appends through one file descriptor: whether a line break is needed is read from the same open file the
 * lines are then written to, so another writer's unterminated line is not glued to ours.
 */
function appendLines(filePath: string, lines: string): void {
  const fd = openForAppend(filePath);
  try {
    const size = fs.fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const tail = Buffer.alloc(Math.min(size, 2));
      fs.readSync(fd, tail, 0, tail.length, size - tail.length);
      const last = tail.toString('latin1');
      if (!last.endsWith('\n')) prefix = readTextSync(filePath)?.includes('\r\n') ? '\r\n' : '\n';
    }
    fs.writeSync(fd, prefix + lines);
  } finally {
    fs.closeSync(fd);
  }
}

/** A write that failed, said plainly: which file and why, never a stack trace. */
export class FixWriteError extends Error {}

/**
 * The appends first (.env, .gitignore, .env.example), the source last: if `.env` cannot take the secret
 * (read-only, a folder, a full disk), the source keeps it, and the key is never left existing nowhere.
 */
function writeChange(change: WorkspaceChange, root: string): void {
  const [source, ...appends] = change.changes;
  // Every file is judged before anything is written: a refusal leaves the source and the others unchanged.
  for (const c of change.changes) {
    const refusal = diskWriteRefusal(root, c.path);
    if (refusal) throw new FixWriteError(`refusing to write ${c.path}: ${refusal}; ${source.path} was left unchanged`);
  }
  const current = readTextSync(source.path);
  if (current === undefined) throw new FixWriteError(`cannot read ${source.path}`);
  // The other files are only ever appended to, judged against what they hold now, not when the plan was made.
  for (const c of appends) {
    const lines = c.edits.map((e) => e.newText).join('').replace(/^\r?\n/, '');
    try {
      appendLines(c.path, lines);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const why = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied (read-only?)'
        : code === 'ELOOP' || code === 'ENOTREGULAR' ? 'it is not a regular file (a link, FIFO or device)' : code;
      throw new FixWriteError(`cannot write ${c.path}: ${why} (${code}); ${source.path} was left unchanged`);
    }
  }
  overwriteRegular(source.path, applyEdits(current, source.edits));
}
