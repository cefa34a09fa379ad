import * as path from 'node:path';
import type { FileHost } from '../host';

/** The compose files a project keeps at its root. */
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

// `env_file: ./postgres/postgres.env`, or a list of them below it (`- path`, or `- path: …` in the long form).
const ENV_FILE = /^([ \t]*)env_file:[ \t]*(\S[^\n#]*)?$/gm;

/**
 * The files the root compose files pass to their containers with `env_file:`, as absolute paths. Such a file
 * is part of the compose set-up, so the secret rule judges it as it judges the compose file: a bundled
 * database's password there is that of a container on the developer's machine.
 */
export function composeEnvFiles(host: FileHost, root: string): Set<string> {
  const out = new Set<string>();
  for (const name of COMPOSE_FILES) {
    const text = host.readFile(path.join(root, name));
    if (!text) continue;
    for (const m of text.matchAll(ENV_FILE)) {
      const listed = m[2] ? [m[2]] : listBelow(text.slice(m.index + m[0].length), m[1].length);
      for (const entry of listed) {
        const file = entry.trim().replace(/^path:\s*/, '').replace(/^["']|["']$/g, '');
        if (file && !file.includes('$')) out.add(path.join(root, file));
      }
    }
  }
  return out;
}

/** The `- item` lines of a YAML list that follows a key indented by `indent`. */
function listBelow(rest: string, indent: number): string[] {
  const items: string[] = [];
  for (const line of rest.split('\n').slice(1)) {
    const m = /^([ \t]*)-[ \t]+(.+)$/.exec(line);
    if (!m || m[1].length < indent) break;
    items.push(m[2]);
  }
  return items;
}
