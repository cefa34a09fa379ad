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

// `services:` at the top level, then each service's key at the block's first indent.
const SERVICES = /^services:[ \t]*(?:#.*)?$/m;

/**
 * The service names of the root compose files (`db`, `sqlserver`): the host names the app's containers reach
 * each other by, on the network compose creates on the developer's machine.
 */
export function composeServiceNames(host: FileHost, root: string): Set<string> {
  const out = new Set<string>();
  for (const name of COMPOSE_FILES) {
    const text = host.readFile(path.join(root, name));
    const at = text ? SERVICES.exec(text) : null;
    if (!text || !at) continue;
    let indent: number | undefined;
    for (const line of text.slice(at.index + at[0].length).split('\n').slice(1)) {
      if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
      const m = /^([ \t]*)["']?([\w.-]+)["']?[ \t]*:/.exec(line);
      const depth = /^[ \t]*/.exec(line)?.[0].length ?? 0;
      if (depth === 0) break;
      indent ??= depth;
      if (m && depth === indent) out.add(m[2].toLowerCase());
    }
  }
  return out;
}
