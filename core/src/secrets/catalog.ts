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
  // Judged once per catalog folder and entry name while the host's version stands (the server's moves when the
  // file watcher reports a change, the CLI's stays for the scan): each judgement lists up to 31 folders, and the
  // server analysed every YAML or JSON document again on each keystroke. The key is a string of its own
  // (a substring of the path would keep the whole path alive in the cache).
  const name = path.posix.basename(p);
  return judged.get(host, Buffer.from(`${catalogDir}\0${name}`, 'utf8').toString('utf8'), () => judge(host, catalogDir, name));
}

const judged = new PerVersion<boolean>();

function judge(host: FileHost, catalogDir: string, name: string): boolean {
  const folders = host.entries?.(catalogDir).folders.filter((f) => !f.startsWith('.') && f !== 'node_modules') ?? [];
  if (folders.length < MIN_ENTRIES) return false;
  const sample = folders.slice(0, SAMPLED);
  const holding = sample.filter((f) => host.entries?.(`${catalogDir}/${f}`).files.includes(name)).length;
  return holding >= MIN_ENTRIES && holding >= sample.length * SHARE;
}
