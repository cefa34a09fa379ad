// What the workspace-facts tests share: an in-memory workspace and the facts of it by id.
import * as path from 'node:path';
import { workspaceFacts, type WorkspaceFact, type WorkspaceHost } from '../../core/src/workspace/facts';

export const ROOT = '/ws';

/** An in-memory workspace; `listing: false` gives a host that can only read files. */
export function host(files: Record<string, string>, listing = true): WorkspaceHost {
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v]));
  const base: WorkspaceHost = { readFile: (p) => abs[p], rootOf: () => ROOT };
  if (!listing) return base;
  return {
    ...base,
    exists: (p) => p in abs || Object.keys(abs).some((k) => k.startsWith(`${p}/`)),
    list: (dir) => [...new Set(Object.keys(abs).filter((k) => k.startsWith(`${dir.replace(/\/$/, '')}/`)).map((k) => k.slice(dir.replace(/\/$/, '').length + 1).split('/')[0]))],
  };
}

export function facts(files: Record<string, string>, options: Parameters<typeof workspaceFacts>[2] = {}, listing = true): Map<string, WorkspaceFact> {
  return new Map(workspaceFacts(ROOT, host(files, listing), options).map((f) => [f.id, f]));
}

export const status = (m: Map<string, WorkspaceFact>) => Object.fromEntries([...m].map(([id, f]) => [id, f.status]));
