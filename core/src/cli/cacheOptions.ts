import * as path from 'node:path';
import type { ResolvedConfig } from '../config';
import { rules } from '../rules';
import type { CacheStrategy, ScanCache } from './cache';
import { ScanCache as Cache } from './cache';
import type { ScanHost } from './scanHost';

export interface CacheRequest {
  root: string;
  /** `--cache-location DIR`; by default under node_modules/.cache, which no scan enters. */
  location?: string;
  /** `--cache-strategy`: metadata (default) or content. */
  strategy?: CacheStrategy;
  config: ResolvedConfig;
  gitignore: boolean;
  host: ScanHost;
  warn: (message: string) => void;
}

/** The persistent cache for one scan, loaded; a cache that cannot be used is said so and started afresh. */
export function openCache(request: CacheRequest): ScanCache {
  const location = request.location === undefined
    ? path.join(request.root, 'node_modules', '.cache', 'twelve-factor')
    : path.resolve(request.root, request.location);
  const cache = new Cache(location, request.config, rules, { gitignore: request.gitignore }, request.host, request.strategy);
  const problem = cache.load();
  if (problem) request.warn(problem);
  return cache;
}

export function closeCache(cache: ScanCache, warn: (message: string) => void): void {
  const problem = cache.save();
  if (problem) warn(problem);
}
