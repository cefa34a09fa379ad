import * as path from 'node:path';
import type { FileHost } from '../host';
import { filesUnder, listing } from '../workspace/filesUnder';
import { PerVersion } from '../workspace/perVersion';

/**
 * Variables the project's Kubernetes manifests and Helm charts set on its containers: `env:` lists
 * (`- name: SANDBOX_NAMESPACE`), kustomize patches (`value: {name: X, value: …}`), the `data:` of a ConfigMap
 * (handed over whole with `envFrom`) and `env:` maps of chart values. Whoever deploys with those manifests sets
 * the variable there: a read of one is declared, as with a compose file's `environment:` (composeDeclared.ts).
 * Read from the deployment folders of the declaration's folder and the workspace root, bounded in depth and count.
 */
const TREES = /^(?:deploy|deployment|deployments|k8s|kube|kubernetes|manifests|helm|charts?|kustomize|\.k8s)$/i;
const MANIFEST = /\.ya?ml$/i;
const MAX_FILES = 400;
const MAX_DEPTH = 6;
const MAX_BYTES = 512 * 1024;

const NAME = '[A-Z][A-Z0-9_]*';
const LIST_NAME = new RegExp(`^[ \\t]*-[ \\t]*name:[ \\t]*["']?(${NAME})["']?[ \\t]*(?:#.*)?$`);
const FLOW_NAME = new RegExp(`\\{[ \\t]*name:[ \\t]*["']?(${NAME})["']?[ \\t]*,`, 'g');
const BLOCK = /^([ \t]*)(data|env|extraEnv|envVars):[ \t]*(?:#.*)?$/;
const MAP_KEY = new RegExp(`^["']?(${NAME})["']?[ \\t]*:`);

const parsed = new Map<string, { text: string; names: Set<string> }>();

/** Whether a change to this file can change what the manifests declare (the server's folder facts move). */
export function isManifestFile(file: string): boolean {
  const parts = file.replace(/\\/g, '/').split('/');
  return MANIFEST.test(parts[parts.length - 1] ?? '') && parts.slice(0, -1).some((p) => TREES.test(p));
}

const results = new PerVersion<Set<string>>();

export function manifestEnvironmentNames(host: FileHost & { readonly version?: number }, dirs: readonly string[]): Set<string> {
  // Kept while the server's folder facts stay put: a keystroke does not walk the deployment folders again.
  return results.get(host, dirs.join('\0'), () => collect(host, dirs));
}

function collect(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    for (const tree of listing(host, dir).folders.filter((f) => TREES.test(f)).sort()) {
      for (const file of filesUnder(host, path.join(dir, tree), (f) => MANIFEST.test(f), { maxDepth: MAX_DEPTH, maxFiles: MAX_FILES, skip: (d) => d === 'node_modules' })) {
        for (const name of namesOf(host, file)) out.add(name);
      }
    }
  }
  return out;
}

function namesOf(host: FileHost, file: string): Set<string> {
  let text: string | undefined;
  try {
    text = host.readFile(file);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.length > MAX_BYTES) return new Set();
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.names;
  const names = manifestNames(text);
  if (parsed.size >= 256) parsed.delete(parsed.keys().next().value as string);
  parsed.set(file, { text, names });
  return names;
}

/** The variable names one manifest's text sets. */
export function manifestNames(text: string): Set<string> {
  const out = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const listed = LIST_NAME.exec(line);
    if (listed) out.add(listed[1]);
    for (const m of line.matchAll(FLOW_NAME)) out.add(m[1]);
    const block = BLOCK.exec(line);
    if (!block) continue;
    // The keys of a map block (`data:` of a ConfigMap, a chart's `env:` map), one level in.
    const indent = block[1].length;
    let inner = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const body = lines[j].trim();
      if (body === '' || body.startsWith('#')) continue;
      const lead = lines[j].length - lines[j].trimStart().length;
      if (lead <= indent) break;
      if (inner < 0) inner = lead;
      if (lead !== inner) continue;
      const key = MAP_KEY.exec(body);
      if (key) out.add(key[1]);
    }
  }
  return out;
}
