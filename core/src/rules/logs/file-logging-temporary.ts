import ts = require('typescript');
import { unwrap } from '../../js/modules';
import type { Scope } from './file-logging-scope';

/** Calls that delete the file or directory named by their first argument (fs, fs-extra, rimraf). */
const DELETES = new Set(['rm', 'rmSync', 'unlink', 'unlinkSync', 'rmdir', 'rmdirSync', 'remove', 'removeSync', 'rimraf', 'rimrafSync']);
/** Calls that read a file back, or hand it to someone: fs reads, archivers' `file`, Express's `sendFile`/`download`. */
const READS = new Set(['readFile', 'readFileSync', 'createReadStream', 'file', 'sendFile', 'download']);

/**
 * A log written to a temporary file is a capture, not the app's log stream: a debug session recorded for the
 * user to download, then removed. The code says so when the program both deletes the file (or the directory
 * it is built on) by name and reads it back by name (zips it, streams it, sends it) — a log stream is never
 * read back by the app that writes it, and log rotation deletes old files it lists, not the path it writes.
 * Names are compared through local constants: `rm(debugDir)` deletes what `join(debugDir, 'ui.log')` names.
 */
export function isTemporaryCapture(scope: Scope, node: ts.Node): boolean {
  const deleted = namesGivenTo(scope, DELETES);
  if (deleted.size === 0) return false;
  const read = namesGivenTo(scope, READS);
  if (read.size === 0) return false;
  const names = namesIn(scope, node);
  return [...names].some((n) => deleted.has(n)) && [...names].some((n) => read.has(n));
}

/** Names a file's calls of these functions are given as their first argument: `rm(dir)` → dir, `zip.file(s.path)` → path. */
function namesGivenTo(scope: Scope, functions: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const call of scope.calls) {
    const callee = unwrap(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name || !functions.has(name) || call.arguments.length === 0) continue;
    const arg = unwrap(call.arguments[0]);
    if (ts.isIdentifier(arg)) out.add(arg.text);
    else if (ts.isPropertyAccessExpression(arg)) out.add(arg.name.text);
  }
  return out;
}

/** The names a node uses, and those their constants are built from, a few steps deep. */
function namesIn(scope: Scope, node: ts.Node): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node, depth: number): void => {
    if (ts.isIdentifier(n) && !out.has(n.text)) {
      out.add(n.text);
      const init = scope.declarationOf(n.text)?.initializer;
      if (init && depth < 4) visit(init, depth + 1);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, depth));
  };
  visit(node, 0);
  return out;
}
