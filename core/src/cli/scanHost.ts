import { DiskCache, type DiskSeam } from '../diskCache';
import type { FileHost } from '../host';

export type ScanHost = FileHost & { list(dir: string): string[]; readonly version: number };

/**
 * How rules read other files during one scan: every folder listed once and every file read once (each
 * module's rules ask for the same package.json, tsconfig and bundler configs), folders listed so a
 * monorepo's workspace packages are found by name. One scan is one moment: `--fix` makes a new host for
 * the scan after its writes. The constant `version` lets rules keep what they derived per folder.
 */
export function scanHost(root: string, disk?: DiskSeam): ScanHost {
  const cache = new DiskCache(disk);
  return {
    readFile: (p) => cache.readFile(p),
    rootOf: () => root,
    list: (dir) => cache.list(dir),
    get version() {
      return cache.version;
    },
  };
}
