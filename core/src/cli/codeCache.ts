/**
 * V8's code cache for the CLI bundle (issue 13: start-up). Compiling the ~0.6 MB bundle is most of what an empty
 * run costs above Node's own start-up; the loader (`loader.ts`, `dist/cli.js`) compiles it with the bytecode V8
 * serialised on an earlier run (`vm.Script` `cachedData`; Node 20 has no `module.enableCompileCache`).
 *
 * The cache lives in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, `~/Library/Caches`,
 * `%LOCALAPPDATA%`), under `twelve-factor/`, one file per script, content, Node version and architecture. Bytecode
 * is code: a cache file is used only when it and its folder belong to the user running the CLI and nobody else
 * may write them (POSIX), it is opened without following a symbolic link, and it is written to a private
 * temporary file that is then renamed into place. V8 checks the rest itself (its version, the flags, the source's
 * length) and rejects a cache that does not fit, which is then rewritten. Any failure — no home, a read-only or
 * foreign folder, a garbage file — only means compiling as without a cache. `TWELVE_FACTOR_CODE_CACHE=0` turns
 * it off.
 *
 * Only Node built-ins that a script's start-up has loaded already (`fs`, `path`): this module runs before the bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Cache files larger than this are not read (the bundle's is ~0.5 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Cache files of other bundles or Node versions written this long ago are removed when a new one is written. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;
/** The names `codeCacheFileName` gives (other files in the folder are never removed). */
const FILE_PATTERN = /^[\w-]+-[0-9a-f]{8,}-v[\d._]+-\w+\.bin$/;

export interface CacheEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string | undefined;
}

/** The folder the code cache lives in, or undefined when there is none (turned off, no home). */
export function codeCacheDir({ env, platform, home }: CacheEnv): string | undefined {
  if (env.TWELVE_FACTOR_CODE_CACHE === '0' || env.TWELVE_FACTOR_CODE_CACHE === 'false') return undefined;
  const absolute = (p: string | undefined) => (p && path.isAbsolute(p) ? p : undefined);
  let base: string | undefined;
  if (platform === 'win32') base = absolute(env.LOCALAPPDATA);
  else if (platform === 'darwin') base = absolute(home) && path.join(home!, 'Library', 'Caches');
  else base = absolute(env.XDG_CACHE_HOME) ?? (absolute(home) && path.join(home!, '.cache'));
  return base ? path.join(base, 'twelve-factor') : undefined;
}

/** The cache file's name for a script (`cli-main`, `typescript`) of a content (its hash, set at build time) under this Node. */
export function codeCacheFileName(script: string, contentKey: string): string {
  return `${script}-${contentKey}-${process.version}-${process.arch}.bin`.replace(/[^\w.-]/g, '_');
}

/** Whether a file or folder's status says only the current user may have written it (always true off POSIX). */
function ownedPrivately(stat: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** The folder, created private if missing; undefined when it is not a private folder of this user. */
function trustedDir(dir: string, create: boolean): string | undefined {
  try {
    if (create) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    return stat.isDirectory() && ownedPrivately(stat) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The cache's bytes, or undefined when it is missing or not to be trusted. */
export function readCodeCache(dir: string, name: string): Buffer | undefined {
  if (!trustedDir(dir, false)) return undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(path.join(dir, name), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || !ownedPrivately(stat) || stat.size === 0 || stat.size > MAX_CACHE_BYTES) return undefined;
    const data = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < data.length) {
      const n = fs.readSync(fd, data, read, data.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes the cache (a private temporary file renamed into place); false when it could not. Never throws. */
export function writeCodeCache(dir: string, name: string, data: Buffer, now = Date.now()): boolean {
  if (!trustedDir(dir, true)) return false;
  const target = path.join(dir, name);
  const temp = `${target}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    const c = fs.constants;
    fd = fs.openSync(temp, c.O_WRONLY | c.O_CREAT | c.O_EXCL | (c.O_NOFOLLOW ?? 0), 0o600);
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch {
    if (fd !== undefined) {
      try { fs.closeSync(fd); } catch { /* already closed */ }
    }
    try { fs.unlinkSync(temp); } catch { /* never created */ }
    return false;
  }
  removeStale(dir, name, now);
  return true;
}

/** Removes the cache files of other bundles or Node versions written over a month ago (an install still in use writes its own again). */
function removeStale(dir: string, keep: string, now: number): void {
  try {
    for (const entry of fs.readdirSync(dir)) {
      if (entry === keep || !FILE_PATTERN.test(entry)) continue;
      const file = path.join(dir, entry);
      const stat = fs.lstatSync(file);
      if (stat.isFile() && now - stat.mtimeMs > STALE_MS) fs.unlinkSync(file);
    }
  } catch {
    // Another run removed it first, or the folder cannot be listed: nothing to clean.
  }
}
