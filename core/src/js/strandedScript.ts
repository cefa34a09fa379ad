import * as path from 'node:path';
import type { FileHost } from '../host';
import { specifiersInText } from './modules';

const EXTENSIONS = ['', '.js', '.ts', '.cjs', '.mjs', '.jsx', '.tsx', '.json', '/index.js', '/index.ts'];
/** How far above the file's folder the modules it names are looked for. */
const LEVELS = 4;

/**
 * A script kept away from the modules it loads: every relative module it names (two at least) is missing beside it
 * but found from a folder above (`utils/commons/q1.js` requiring `./models/request` while the project keeps
 * `models/request.js` at its root). It was copied or moved out of the folder it was written for and throws on its
 * first `require`: no process runs it as it stands, so what it would connect to is nobody's configuration.
 * Read from the text and the disk (`host`), never from a syntax tree.
 */
export function isStrandedScript(file: string, text: string, host: FileHost | undefined): boolean {
  if (!host) return false;
  const relative = [...new Set(specifiersInText(text).filter((s) => /^\.\.?\//.test(s) && !s.includes('${')))];
  if (relative.length < 2) return false;
  const dir = path.dirname(file);
  const root = host.rootOf(file);
  if (root === undefined || relative.some((s) => exists(host, path.resolve(dir, s)))) return false;
  return relative.every((s) => foundAbove(host, dir, root, s));
}

function exists(host: FileHost, base: string): boolean {
  return EXTENSIONS.some((ext) => host.readFile(base + ext) !== undefined);
}

/** The specifier resolves from one of the few folders above `dir`, inside the root. */
function foundAbove(host: FileHost, dir: string, root: string, specifier: string): boolean {
  let up = dir;
  for (let i = 0; i < LEVELS; i++) {
    if (up === root || !up.startsWith(root)) return false;
    up = path.dirname(up);
    if (exists(host, path.resolve(up, specifier))) return true;
  }
  return false;
}
