import * as path from 'node:path';
import type { FileHost } from '../host';
import type { ProgramView } from '../program/types';
import { foldersUp } from './manifest';
import { DEPLOYMENT_FILES } from './roles';

/**
 * A copy kept aside after its replacement took over: the file's name marks it old (`old-server.js`,
 * `server.old.js`, `legacy-app.ts`, `index.bak.js`), no module of the workspace imports it (no import specifier
 * names it), and neither its package's manifest (`main`, `bin`, scripts) nor the root's deployment files name it.
 * No program runs it, so the rules about a running process have nothing to say of it. Without a program index
 * (a file checked alone) nothing is known of its importers: not superseded.
 */
export function isSupersededCopy(file: string, host: FileHost | undefined, program: ProgramView | undefined): boolean {
  if (!host || !program) return false;
  const base = path.basename(file);
  const stem = base.replace(/\.[cm]?[jt]sx?$/i, '');
  if (stem === base || !OLD_NAME.test(stem)) return false;
  const named = (s: string) => path.posix.basename(s).replace(/\.[cm]?[jt]sx?$/i, '') === stem;
  if (program.allModules().some((m) => m.file !== file && m.specifiers.some(named))) return false;
  const dirs = foldersUp(host, file);
  const manifest = dirs.map((d) => host.readFile(path.join(d, 'package.json'))).find((t) => t !== undefined);
  if (manifest?.includes(stem)) return false;
  const root = dirs[dirs.length - 1];
  return !(root && DEPLOYMENT_FILES.some((f) => host.readFile(path.join(root, f))?.includes(stem)));
}

/** A name that marks a copy as old: a prefix or a suffix, never a word inside (`bold.js`, `folder.ts`). */
const OLD_NAME = /^(?:old|legacy|deprecated|obsolete|unused|backup)[-_.]|[-_.](?:old|legacy|deprecated|obsolete|backup|bak|orig)$/i;
