import * as path from 'node:path';
import type { FileHost } from '../../host';
import { isRecord, parseManifest, type Manifest } from '../../workspace/manifest';
import { PerVersion } from '../../workspace/perVersion';

/** The packages of a workspace by name, per host version and workspace root. */
const indexes = new PerVersion<Map<string, Manifest>>();

/** Folders a workspace glob names (`packages/*`, `packages/*\/*`, `apps/web`); `**` is not followed. */
function globFolders(host: FileHost, rootDir: string, glob: string): string[] {
  let dirs = [rootDir];
  for (const segment of glob.replace(/\/$/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '**') return [];
    const next: string[] = [];
    for (const dir of dirs) {
      if (!segment.includes('*')) next.push(path.join(dir, segment));
      else {
        const pattern = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        for (const folder of host.entries?.(dir).folders ?? []) if (pattern.test(folder)) next.push(path.join(dir, folder));
      }
    }
    dirs = next.slice(0, 2000);
  }
  return dirs;
}

function workspaceIndex(host: FileHost, rootDir: string, globs: string[]): Map<string, Manifest> {
  return indexes.get(host as FileHost & { readonly version?: number }, `${rootDir}\0${globs.join('\0')}`, () => {
    const byName = new Map<string, Manifest>();
    for (const glob of globs) {
      if (glob.startsWith('!')) continue;
      for (const dir of globFolders(host, rootDir, glob)) {
        const file = path.join(dir, 'package.json');
        const text = host.readFile(file);
        const manifest = text !== undefined ? parseManifest(file, text) : undefined;
        if (manifest?.name && !byName.has(manifest.name)) byName.set(manifest.name, manifest);
      }
    }
    return byName;
  });
}

function runtimeNames(manifest: Manifest): string[] {
  const out: string[] = [];
  for (const field of ['dependencies', 'peerDependencies']) {
    const deps = manifest.json[field];
    if (isRecord(deps)) out.push(...Object.keys(deps));
  }
  return out;
}

/**
 * What a plugin's host provides: a package whose `peerDependencies` name packages of its own workspace (a
 * NocoBase plugin's `@nocobase/server`, `@nocobase/client`) runs inside them, and imports what they install
 * — their dependencies and those of the workspace packages they depend on in turn. Peers from outside the
 * workspace (`react`) provide nothing more than themselves.
 */
export function providedByWorkspaceHosts(host: FileHost, manifest: Manifest, rootDir: string, globs: string[]): string[] {
  const peers = manifest.json.peerDependencies;
  if (!isRecord(peers)) return [];
  const index = workspaceIndex(host, rootDir, globs);
  const provided = new Set<string>();
  const seen = new Set<string>();
  const queue = Object.keys(peers).filter((name) => index.has(name) && name !== manifest.name);
  while (queue.length > 0 && seen.size < 500) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const dep of runtimeNames(index.get(name) as Manifest)) {
      provided.add(dep);
      if (index.has(dep) && !seen.has(dep)) queue.push(dep);
    }
  }
  return [...provided];
}
