/**
 * The paths recorded in a git index file (`.git/index`), read in TypeScript. We never spawn git to learn
 * what is tracked: the repository is untrusted input, and a `core.fsmonitor`, a filter or a hook in its
 * `.git/config` would run as soon as git reads the index. Reading the file runs nothing.
 *
 * Format (git's Documentation/gitformat-index.txt): a 12-byte header (`DIRC`, version 2/3/4, entry count),
 * the entries sorted by path, then extensions and a trailing hash. Versions 2 and 3 store each path whole,
 * padded to a multiple of 8 bytes; version 4 stores it prefix-compressed against the previous path.
 */

/** What the index holds: file paths (slash-separated, relative to the work tree) and submodule folders. */
export interface IndexPaths {
  files: string[];
  /** Gitlinks (mode 160000): a submodule's folder, tracked as one entry. */
  submodules: string[];
}

/** The index cannot be read the plain way (malformed, or a layout we do not follow): the caller falls back. */
export class IndexUnreadable extends Error {}

/** Larger than any index of a real work tree (a 1M-file repository's index is ~100 MiB); a bound on memory. */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024;

const MODE_GITLINK = 0o160000;
const MODE_TYPE_MASK = 0o170000;
const MODE_DIRECTORY = 0o040000;

/** Parses an index. `hashLength` is 20 (SHA-1) or 32 (SHA-256 repositories). Throws `IndexUnreadable`. */
export function parseIndex(buf: Buffer, hashLength = 20): IndexPaths {
  if (buf.length > MAX_INDEX_BYTES) throw new IndexUnreadable('larger than 256 MiB');
  if (buf.length < 12 + hashLength || buf.toString('latin1', 0, 4) !== 'DIRC') throw new IndexUnreadable('not a git index');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new IndexUnreadable(`index version ${version}`);
  const count = buf.readUInt32BE(8);
  const end = buf.length - hashLength;
  // The smallest entry is 62 bytes (v2 with SHA-1); a count beyond what the file can hold is a lie.
  if (count > end / 40) throw new IndexUnreadable('entry count larger than the file');
  const files: string[] = [];
  const submodules: string[] = [];
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  let badPath = false;
  for (let i = 0; i < count; i++) {
    const start = offset;
    const flagsAt = start + 40 + hashLength;
    need(flagsAt + 2, end);
    const mode = buf.readUInt32BE(start + 24);
    const flags = buf.readUInt16BE(flagsAt);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) throw new IndexUnreadable('extended flag in a version 2 index');
    let pathAt = flagsAt + (extended ? 4 : 2);
    need(pathAt, end);
    let name: Buffer;
    if (version === 4) {
      const strip = readVarint(buf, pathAt, end);
      pathAt = strip.next;
      if (strip.value > previous.length) throw new IndexUnreadable('prefix longer than the previous path');
      const nul = nulAt(buf, pathAt, end);
      name = Buffer.concat([previous.subarray(0, previous.length - strip.value), buf.subarray(pathAt, nul)]);
      offset = nul + 1;
    } else {
      const nul = nulAt(buf, pathAt, end);
      name = buf.subarray(pathAt, nul);
      // 1 to 8 NULs end the entry so its length is a multiple of 8.
      offset = start + ((pathAt - start + name.length + 8) & ~7);
      need(offset, end);
    }
    previous = name;
    const type = mode & MODE_TYPE_MASK;
    // A sparse index keeps whole folders as one entry: the files below it are not listed.
    if (type === MODE_DIRECTORY) throw new IndexUnreadable('sparse index');
    const p = name.toString('utf8');
    // Judged after the extensions: a split index's own entries have empty names, and "split index" is the truer reason.
    if (p === '' || p.startsWith('/') || p.split('/').some((s) => s === '' || s === '.' || s === '..')) badPath = true;
    if (type === MODE_GITLINK) submodules.push(p);
    else files.push(p);
  }
  readExtensions(buf, offset, end);
  if (badPath) throw new IndexUnreadable('malformed path');
  return { files, submodules };
}

/** Extensions we must honour change what the entries mean: a split index keeps entries in another file. */
function readExtensions(buf: Buffer, offset: number, end: number): void {
  while (offset + 8 <= end) {
    const signature = buf.toString('latin1', offset, offset + 4);
    const size = buf.readUInt32BE(offset + 4);
    if (signature === 'link') throw new IndexUnreadable('split index');
    if (signature === 'sdir') throw new IndexUnreadable('sparse index');
    offset += 8 + size;
  }
  if (offset !== end) throw new IndexUnreadable('truncated extension');
}

function need(offset: number, end: number): void {
  if (offset > end) throw new IndexUnreadable('truncated entry');
}

function nulAt(buf: Buffer, from: number, end: number): number {
  const nul = buf.indexOf(0, from);
  if (nul < 0 || nul >= end) throw new IndexUnreadable('unterminated path');
  return nul;
}

/** Git's offset varint (varint.c): each continuation adds one before shifting, so encodings are unique. */
function readVarint(buf: Buffer, offset: number, end: number): { value: number; next: number } {
  need(offset + 1, end);
  let c = buf[offset++];
  let value = c & 0x7f;
  while (c & 0x80) {
    need(offset + 1, end);
    if (value > 0xffffff) throw new IndexUnreadable('varint overflow');
    c = buf[offset++];
    value = ((value + 1) << 7) + (c & 0x7f);
  }
  return { value, next: offset };
}
