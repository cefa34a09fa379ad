import * as path from 'node:path';
import type { FileHost } from '../host';
import { PerVersion } from '../workspace/perVersion';

/** At least this many entries, each a folder holding a file of the same name, make a folder a catalog. */
const MIN_ENTRIES = 20;
/** How many sibling folders are looked into before judging; most of them must hold the same file. */
const SAMPLED = 30;
const SHARE = 0.8;

/**
 * An entry of a catalog of installable app templates: `services/<app>/app.yaml` where the folder `services/` holds at
 * least 20 entry folders and most of them hold a file of the same name (a self-hosting platform's one-click apps, an
 * app store's manifests). Each entry configures another product for the user to install and edit in the platform's
 * UI: its passwords and keys are that product's samples, which the platform asks the user to replace, not a
 * credential of this project. Its values are judged like test code's (a provider's key format is still reported).
 * Services of one application are few; a folder of twenty apps of the same shape is a catalog.
 */
export function isTemplateCatalogEntry(host: FileHost | undefined, file: string, kind: string): boolean {
  if (!host?.entries || (kind !== 'yaml' && kind !== 'json')) return false;
  const p = file.replace(/\\/g, '/');
  const entryDir = path.posix.dirname(p);
  const catalogDir = path.posix.dirname(entryDir);
  const root = host.rootOf(file)?.replace(/\\/g, '/');
  // The entry and its catalog sit inside the project (the project's root may itself be the catalog).
  if (root === undefined || entryDir === catalogDir || !(catalogDir === root || catalogDir.startsWith(`${root}/`))) return false;
  // The catalog's folders are listed once per catalog while the host's version stands (the server's moves when the
  // file watcher reports a change, the CLI's stays for the scan): each judgement listed up to 31 folders, and the
  // server analyses every YAML or JSON document again on each keystroke. Kept per folder, as the listings' own
  // names: a key or value holding a document's path would keep a closed document's path alive.
  const sample = samples.get(host, folderCopy(catalogDir), () => sampleOf(host, catalogDir));
  if (!sample) return false;
  const name = path.posix.basename(p);
  const holding = sample.filter((files) => files.has(name)).length;
  return holding >= MIN_ENTRIES && holding >= sample.length * SHARE;
}

const samples = new PerVersion<ReadonlyArray<ReadonlySet<string>> | undefined>();

/** The file names of the first folders of a folder with enough of them to be a catalog, else undefined. */
function sampleOf(host: FileHost, catalogDir: string): ReadonlyArray<ReadonlySet<string>> | undefined {
  const folders = host.entries?.(catalogDir).folders.filter((f) => !f.startsWith('.') && f !== 'node_modules') ?? [];
  if (folders.length < MIN_ENTRIES) return undefined;
  return folders.slice(0, SAMPLED).map((f) => new Set(host.entries?.(`${catalogDir}/${f}`).files ?? []));
}

/** A folder's path as a string of its own (a substring of the document's path would keep the whole path alive). */
function folderCopy(dir: string): string {
  return Buffer.from(dir, 'utf8').toString('utf8');
}
