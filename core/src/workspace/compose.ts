import * as path from 'node:path';
import type { FileHost } from '../host';

/** The compose files a project keeps at its root. */
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

// `env_file: ./postgres/postgres.env`, or a list of them below it (`- path`, or `- path: …` in the long form).
const ENV_FILE = /^([ \t]*)env_file:[ \t]*(\S[^\n#]*)?$/gm;

/**
 * The files the root compose files pass to their containers with `env_file:`, and those the root Makefile or
 * package.json scripts pass to docker with `--env-file`, as absolute paths. Such a file is part of the compose
 * set-up, so the secret rule judges it as it judges the compose file: a bundled database's password there is that
 * of a container on the developer's machine.
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
  for (const file of envFilesOfDockerCommands(host, root)) out.add(file);
  return out;
}

/** The root files whose commands start the compose stack on the developer's machine. */
const COMMAND_FILES = ['Makefile', 'makefile', 'GNUmakefile', 'package.json'];

// `docker compose --env-file dockers/.env up`, `docker run --env-file=.docker.env …`, or a Make variable holding
// such arguments (`COMPOSE_ARGS := --env-file $(ENV_FILE)`). Node's own `--env-file` loads the app's configuration:
// only a line that speaks of docker, compose or podman counts.
const ENV_FILE_FLAG = /--env-file(?:=|[ \t]+)["']?(\$[({]\w+[)}]|[^\s"'`;&|()$]+)/g;
const DOCKER_LINE = /docker|compose|podman/i;

/**
 * The env files the root Makefile or package.json scripts hand to `docker compose`/`docker run` with `--env-file`,
 * as absolute paths: part of the compose set-up as much as an `env_file:` of the compose file is.
 */
function envFilesOfDockerCommands(host: FileHost, root: string): string[] {
  const out: string[] = [];
  for (const name of COMMAND_FILES) {
    const text = host.readFile(path.join(root, name));
    if (!text || !text.includes('--env-file')) continue;
    for (const line of text.split('\n')) {
      if (!line.includes('--env-file') || !DOCKER_LINE.test(line)) continue;
      for (const m of line.matchAll(ENV_FILE_FLAG)) {
        const file = makeVariable(text, m[1]);
        if (file && !file.includes('$')) out.push(path.join(root, file));
      }
    }
  }
  return out;
}

/** `$(NAME)` read from the Makefile's `NAME := value` (`$(wildcard ./dockers/.env)` is the path itself); a path as it is. */
function makeVariable(text: string, token: string): string | undefined {
  const ref = /^\$[({](\w+)[)}]$/.exec(token);
  if (!ref) return token;
  const assigned = new RegExp(`^${ref[1]}[ \\t]*[:?]?=[ \\t]*(.+?)[ \\t]*$`, 'm').exec(text);
  if (!assigned) return undefined;
  const value = assigned[1].replace(/^\$\(wildcard[ \t]+([^)\s]+)\)$/, '$1');
  return /^[\w./-]+$/.test(value) ? value : undefined;
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
