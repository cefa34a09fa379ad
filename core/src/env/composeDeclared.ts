import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * Variables a compose file sets on its services with `environment:` (the map form `NAME: value` and the list
 * form `- NAME=value` / `- NAME`, and those shown commented out, as `.env.example` may). Whoever deploys with that compose file sets them there: a read of one is
 * declared, even when `.env.example` leaves it out (postiz-app's `MAIN_URL`, `TEMPORAL_ADDRESS`).
 */
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];
const ENVIRONMENT = /^([ \t]*)environment:[ \t]*(?:#.*)?$/;
const MAP_KEY = /^["']?([A-Za-z_][A-Za-z0-9_]*)["']?[ \t]*:/;
const LIST_ITEM = /^-[ \t]*["']?([A-Za-z_][A-Za-z0-9_]*)(?:=|["']?[ \t]*(?:#.*)?$)/;

const cache = new Map<string, { text: string; names: Set<string> }>();

/** The names set by `environment:` in the compose files of these folders (the env root, the workspace root). */
export function composeEnvironmentNames(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    for (const name of COMPOSE_FILES) {
      const file = path.join(dir, name);
      let text: string | undefined;
      try {
        text = host.readFile(file);
      } catch {
        text = undefined;
      }
      if (!text) continue;
      let hit = cache.get(file);
      if (!hit || hit.text !== text) {
        hit = { text, names: environmentNames(text) };
        if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
        cache.set(file, hit);
      }
      for (const n of hit.names) out.add(n);
    }
  }
  return out;
}

/** The keys of every `environment:` block of one compose file's text. */
export function environmentNames(text: string): Set<string> {
  const out = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = ENVIRONMENT.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      const body = line.trim();
      if (body === '') continue;
      // `# SENTRY_SPOTLIGHT: '1'`: an optional setting shown commented out, declared as in `.env.example`.
      const commented = /^#[ \t]*/.exec(body);
      if (commented) {
        if (line.length - line.trimStart().length <= indent) continue;
        const key = MAP_KEY.exec(body.slice(commented[0].length)) ?? LIST_ITEM.exec(body.slice(commented[0].length));
        if (key && /^[A-Z][A-Z0-9_]*$/.test(key[1])) out.add(key[1]);
        continue;
      }
      const lead = line.length - line.trimStart().length;
      // A list may sit at the key's own indent (`environment:` then `- NAME=1` one column in or not at all).
      if (lead < indent || (lead === indent && !body.startsWith('-'))) break;
      const key = MAP_KEY.exec(body) ?? LIST_ITEM.exec(body);
      if (key) out.add(key[1]);
    }
  }
  return out;
}
