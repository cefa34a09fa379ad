import { DiskCache, type DiskSeam } from '../diskCache';
import type { FileHost } from '../host';
import { staysInside } from '../safeFs';

export type ScanHost = FileHost & { list(dir: string): string[]; readonly version: number };

/**
 * How rules read other files during one scan: every folder listed once and every file read once (each
 * module's rules ask for the same package.json, tsconfig and bundler configs), folders listed so a
 * monorepo's workspace packages are found by name. One scan is one moment: `--fix` makes a new host for
 * the scan after its writes. The constant `version` lets rules keep what they derived per folder.
 */
export function scanHost(root: string, disk?: DiskSeam): ScanHost {
  // The real disk is read only inside the scanned root once links are resolved (a schema linked to /etc reads
  // as absent); a test's own seam has no links to resolve.
  const cache = new DiskCache(disk, disk ? undefined : (p) => staysInside(root, p));
  return {
    readFile: (p) => cache.readFile(p),
    rootOf: () => root,
    list: (dir) => cache.list(dir),
    entries: (dir) => cache.entries(dir),
    get version() {
      return cache.version;
    },
  };
}
