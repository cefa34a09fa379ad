import * as path from 'node:path';
import { readQuietly, type FileHost } from '../host';
import { schemaFromExample } from './schema';

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

/**
 * The names set by `environment:` in the compose files of these folders (the env root, the workspace root, their
 * `docker/` folders and the root's deployment folders), with those of the files a compose file pulls in from its
 * own folder (`include:`, `extends: file:`). In `stackDirs` (the root's deployment folders, a self-hosting stack of
 * its own) the template of an `env_file:` declares what it lists too (`env.example` for `env_file: .env`, which the
 * deployer copies into place: `cp env.example .env`). Not in a `docker/` folder beside the app: anything-llm's
 * `docker/.env.example` is the all-in-one image's, and its collector's reads were labeled undeclared (held-out 3).
 */
export function composeEnvironmentNames(host: FileHost, dirs: readonly string[], stackDirs: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  const stacks = new Set(stackDirs.map((d) => path.resolve(d)));
  for (const dir of new Set([...dirs, ...stackDirs])) {
    const seen = new Set<string>();
    const pending = COMPOSE_FILES.map((name) => path.join(dir, name));
    while (pending.length > 0) {
      const file = pending.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readQuietly(host, file);
      if (!text) continue;
      let hit = cache.get(file);
      if (!hit || hit.text !== text) {
        hit = { text, names: environmentNames(text) };
        if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
        cache.set(file, hit);
      }
      for (const n of hit.names) out.add(n);
      // One folder only: a file another folder holds is another stack's.
      for (const ref of composeReferences(text)) pending.push(path.join(dir, ref));
      for (const envFile of stacks.has(path.resolve(dir)) ? envFilesOf(text) : []) {
        for (const template of templatesOf(path.join(dir, envFile))) {
          const body = readQuietly(host, template);
          if (!body) continue;
          const schema = schemaFromExample(template, body);
          for (const n of [...schema.variables.keys(), ...(schema.commented ?? [])]) out.add(n);
          break;
        }
      }
    }
  }
  return out;
}

// `include:` entries (`- path: base.yml`, `- base.yml`) and `extends: file: services.yml`: a YAML file of the same folder.
const REFERENCE = /^[ \t]*(?:-[ \t]*)?(?:(?:file|path):[ \t]*)?["']?([\w.-]+\.ya?ml)["']?[ \t]*(?:#.*)?$/gm;

/** The compose files of its own folder that a compose file includes or extends. */
function composeReferences(text: string): string[] {
  if (!/^[ \t]*(?:include|extends):/m.test(text)) return [];
  return [...text.matchAll(REFERENCE)].map((m) => m[1]);
}

// `env_file: .env`, or a list below it (`- .env`, `- path: .env`).
const ENV_FILE = /^([ \t]*)env_file:[ \t]*(\S[^\n#]*)?$/gm;

/** The files a compose file hands its services with `env_file:`, relative to its folder. */
function envFilesOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ENV_FILE)) {
    const listed: string[] = [];
    if (m[2]) listed.push(m[2]);
    else {
      for (const line of text.slice((m.index ?? 0) + m[0].length).split(/\r?\n/).slice(1)) {
        if (line.trim() === '') continue;
        const item = /^([ \t]*)-[ \t]*(.+)$/.exec(line);
        if (!item || item[1].length < m[1].length) break;
        listed.push(item[2]);
      }
    }
    for (const entry of listed) {
      const file = entry.trim().replace(/^path:\s*/, '').replace(/^["']|["']$/g, '');
      if (file && !file.includes('$') && !path.isAbsolute(file)) out.push(file);
    }
  }
  return out;
}

/** The templates an env file is copied from: `.env.example`, `.env.sample`, `.env.template`, and `env.example` for `.env`. */
function templatesOf(envFile: string): string[] {
  const dir = path.dirname(envFile);
  const base = path.basename(envFile);
  const stems = base.startsWith('.') ? [base, base.slice(1)] : [base];
  return stems.flatMap((stem) => ['example', 'sample', 'template'].map((ext) => path.join(dir, `${stem}.${ext}`)));
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
