import * as path from 'node:path';
import ts = require('typescript');
import { folderKeyOf, type FileHost } from '../host';
import { filesUnder } from './filesUnder';
import { PerVersion } from './perVersion';

/** What a rule needs of a package.json: its names, its declared packages, its scripts and workspaces. */
export interface Manifest {
  /** Absolute path of the package.json. */
  file: string;
  dir: string;
  name?: string;
  /** Every package named in dependencies, devDependencies, peerDependencies, optionalDependencies, bundle(d)Dependencies. */
  declared: Set<string>;
  scripts: Record<string, string>;
  /** Workspace globs (`workspaces` as an array or `{ packages }`). */
  workspaces: string[];
  /** Has a `bin`: the package is a command-line tool. */
  bin: boolean;
  /** The raw object, for the few fields read once (`engines`, `imports`). */
  json: Record<string, unknown>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Parsed manifests keyed by their text: one parse per content, however many files ask. */
const parsed = new Map<string, Omit<Manifest, 'file' | 'dir'> | null>();

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseManifest(file: string, text: string): Manifest | undefined {
  let body = parsed.get(text);
  if (body === undefined) {
    body = null;
    try {
      const json: unknown = JSON.parse(text);
      if (isRecord(json)) {
        const declared = new Set<string>();
        for (const field of DEPENDENCY_FIELDS) {
          const deps = json[field];
          if (isRecord(deps)) for (const k of Object.keys(deps)) declared.add(k);
        }
        for (const field of ['bundledDependencies', 'bundleDependencies']) {
          const deps = json[field];
          if (Array.isArray(deps)) for (const k of deps) if (typeof k === 'string') declared.add(k);
        }
        const scripts: Record<string, string> = {};
        if (isRecord(json.scripts)) for (const [k, v] of Object.entries(json.scripts)) if (typeof v === 'string') scripts[k] = v;
        const ws = Array.isArray(json.workspaces) ? json.workspaces : isRecord(json.workspaces) && Array.isArray(json.workspaces.packages) ? json.workspaces.packages : [];
        body = {
          name: typeof json.name === 'string' ? json.name : undefined,
          declared,
          scripts,
          workspaces: ws.filter((w): w is string => typeof w === 'string'),
          bin: json.bin !== undefined,
          json,
        };
      }
    } catch {
      body = null;
    }
    if (parsed.size > 500) parsed.clear();
    parsed.set(text, body);
  }
  return body ? { ...body, file, dir: path.dirname(file) } : undefined;
}

/**
 * The folders from `dir` up to the host's root for `file` (inclusive), nearest first; only `dir` when no root
 * is known. When the root is a folder inside a git repository (one package of a monorepo, opened or scanned
 * alone), the walk goes on up to the repository's root: the workspace's manifest and lockfile live there.
 */
export function foldersUp(host: FileHost, file: string): string[] {
  // An unsaved buffer has no folder: resolving its name would read the folders of whatever process runs us.
  if (!path.isAbsolute(file)) return [];
  const root = host.rootOf(file);
  const top = root ? repositoryAbove(host, path.resolve(root)) ?? path.resolve(root) : undefined;
  const out: string[] = [];
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    out.push(dir);
    if (!top || dir === top || !isInside(dir, top)) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

const repositories = new WeakMap<FileHost, Map<string, string | undefined>>();

/** The root of the git repository that holds `root` from above, or undefined when `root` is one itself or in none. */
function repositoryAbove(host: FileHost, root: string): string | undefined {
  let cache = repositories.get(host);
  if (!cache) repositories.set(host, (cache = new Map()));
  if (cache.has(root)) return cache.get(root);
  // `.git` is a folder holding HEAD, or (worktrees, submodules) a file that says `gitdir: …`.
  const isRepository = (dir: string) => host.readFile(path.join(dir, '.git', 'HEAD')) !== undefined || /^gitdir:/.test(host.readFile(path.join(dir, '.git')) ?? '');
  let found: string | undefined;
  if (!isRepository(root)) {
    let dir = path.dirname(root);
    for (let depth = 0; depth < 8 && dir !== path.dirname(dir); depth++, dir = path.dirname(dir)) {
      if (isRepository(dir)) {
        found = dir;
        break;
      }
    }
  }
  cache.set(root, found);
  return found;
}

function isInside(dir: string, top: string): boolean {
  const rel = path.relative(top, dir);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Every package.json from the file's folder up to the root, nearest first. */
export function manifestsUp(host: FileHost, file: string): Manifest[] {
  const out: Manifest[] = [];
  for (const dir of foldersUp(host, file)) {
    const p = path.join(dir, 'package.json');
    const text = host.readFile(p);
    if (text === undefined) continue;
    const m = parseManifest(p, text);
    if (m) out.push(m);
  }
  return out;
}

/** The nearest package.json of a file, if any up to the root. */
export function nearestManifest(host: FileHost, file: string): Manifest | undefined {
  for (const dir of foldersUp(host, file)) {
    const p = path.join(dir, 'package.json');
    const text = host.readFile(p);
    if (text !== undefined) return parseManifest(p, text);
  }
  return undefined;
}

/**
 * Whether a package folder builds an image or is run by a platform of its own: a Dockerfile or a Procfile beside
 * its package.json, or a Dockerfile in its `docker/` folder. Such a package is deployed, whatever else it is.
 */
export function deploysItself(host: Pick<FileHost, 'readFile'>, dir: string): boolean {
  return ['Dockerfile', 'Procfile', path.join('docker', 'Dockerfile')].some((name) => host.readFile(path.join(dir, name)) !== undefined);
}

/** A JSON-with-comments file (tsconfig.json), or undefined when it does not parse to an object. */
export function readJsonc(host: FileHost, file: string): Record<string, unknown> | undefined {
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  const result = ts.parseConfigFileTextToJson(file, text);
  return isRecord(result.config) ? result.config : undefined;
}

export { isRecord };

/** The lockfiles of npm, Yarn, pnpm, Bun and Deno, by file name. */
export const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock', 'deno.lock'];

/** The lockfile that covers a package folder: beside it or in any folder above it up to the root (a monorepo's single lockfile). */
export function lockfileFor(host: FileHost, manifestFile: string): string | undefined {
  for (const dir of foldersUp(host, manifestFile)) {
    for (const name of LOCKFILES) {
      const p = path.join(dir, name);
      if (host.readFile(p) !== undefined) return p;
    }
  }
  return undefined;
}

const packagesByRoot = new PerVersion<Map<string, Manifest>>();

/**
 * The workspace's packages by name: package.json files up to four folders deep, outside dependencies, build
 * output, fixtures and examples (the first of a name wins). Kept per host version.
 */
export function workspacePackagesByName(host: FileHost & { readonly version?: number }, root: string): Map<string, Manifest> {
  return packagesByRoot.get(host, folderKeyOf(path.join(root, 'package.json')), () => {
    const out = new Map<string, Manifest>();
    const skip = (d: string): boolean => /^(?:node_modules|dist|build|\..*|vendor|fixtures?|examples?)$/i.test(d);
    for (const file of filesUnder(host, root, (n) => n === 'package.json', { maxDepth: 4, maxFiles: 400, skip })) {
      const text = host.readFile(file);
      const m = text === undefined ? undefined : parseManifest(file, text);
      if (m?.name && !out.has(m.name)) out.set(m.name, m);
    }
    return out;
  });
}
