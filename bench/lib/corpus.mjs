// The corpus: real JavaScript and TypeScript that nobody here wrote, taken from the project's own
// node_modules (pinned by package-lock.json), copied into a fresh folder so every tool scans the same files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAX_FILE_BYTES = 1024 * 1024;

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

/**
 * Declaration files (.d.ts) are left out: they hold types, never values, so no secret can live in them,
 * and our pre-parse text gate skips nearly all of them, which would flatter the parse-floor ratio.
 */
const DECLARATION = /\.d\.[cm]?ts$/i;

/**
 * Every eligible file under `modulesDir`, sorted by path (code-unit order, not locale). Symbolic links
 * are not followed, and dot-folders (.bin, .github) are left out because the peers' globs skip them.
 */
export function eligibleFiles(modulesDir) {
  const files = [];
  const walk = (dir, rel) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, relPath);
      else if (entry.isFile()) {
        const ext = path.extname(entry.name).toLowerCase();
        const lang = JS_EXTENSIONS.has(ext) ? 'js' : TS_EXTENSIONS.has(ext) && !DECLARATION.test(entry.name) ? 'ts' : undefined;
        if (!lang) continue;
        const size = statSync(full).size;
        if (size <= MAX_FILE_BYTES) files.push({ rel: relPath, full, size, lang });
      }
    }
  };
  walk(modulesDir, '');
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * `limit` files spread evenly over the sorted list (every k-th file), so a capped corpus still mixes
 * all packages instead of taking the alphabetically first ones.
 */
export function sample(files, limit) {
  if (!limit || limit >= files.length) return files;
  const picked = [];
  for (let i = 0; i < limit; i++) picked.push(files[Math.floor((i * files.length) / limit)]);
  return picked;
}

/**
 * Copies the files into `<dest>/js/…` and `<dest>/ts/…`, keeping relative paths. Folder names that our
 * scanner skips by default (dist, build, nested node_modules…) get a trailing `_`, so our CLI reads
 * exactly the files the other tools read.
 */
export function copyCorpus(files, dest, skippedDirs) {
  const rename = (segment) => (skippedDirs.has(segment) ? `${segment}_` : segment);
  const made = new Set();
  for (const f of files) {
    const parts = f.rel.split('/');
    const target = path.join(dest, f.lang, ...parts.slice(0, -1).map(rename), parts[parts.length - 1]);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    copyFileSync(f.full, target);
  }
}

/** Counts and bytes per language, and an id that changes when the lockfile or the selection does. */
export function describe(files, lockfile) {
  const hash = createHash('sha256').update(readFileSync(lockfile));
  const stats = { all: { files: 0, bytes: 0 }, js: { files: 0, bytes: 0 }, ts: { files: 0, bytes: 0 } };
  for (const f of files) {
    hash.update(`${f.rel}\0${f.size}\0`);
    for (const key of ['all', f.lang]) {
      stats[key].files++;
      stats[key].bytes += f.size;
    }
  }
  return { id: hash.digest('hex').slice(0, 12), ...stats };
}
