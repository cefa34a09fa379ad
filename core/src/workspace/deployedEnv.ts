import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { FileHost } from '../host';

/** The compose files a project keeps at its root. */
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

/**
 * The value the root's deployment manifests give an environment variable, with the file that gives it: a Render
 * blueprint's `envVars` (`render.yaml`, https://render.com/docs/blueprint-spec#environment-variables), a Heroku
 * `app.json`'s `env` default, a compose service's `environment:` (map or `X=value` list). The first found, in that
 * order; undefined when none sets it. A value these files give is what the deployed app runs with.
 */
export function deployedEnvValue(host: FileHost, root: string, name: string): { value: string; file: string } | undefined {
  const render = yamlOf(host, path.join(root, 'render.yaml'));
  for (const service of [...list(get(render, 'services')), ...list(get(render, 'envVarGroups'))]) {
    for (const entry of list(get(service, 'envVars'))) {
      if (get(entry, 'key') === name && scalar(get(entry, 'value')) !== undefined) return { value: scalar(get(entry, 'value')) as string, file: 'render.yaml' };
    }
  }
  const appJson = jsonOf(host, path.join(root, 'app.json'));
  const heroku = get(get(appJson, 'env'), name);
  const herokuValue = scalar(heroku) ?? scalar(get(heroku, 'value'));
  if (herokuValue !== undefined) return { value: herokuValue, file: 'app.json' };
  for (const file of COMPOSE_FILES) {
    const compose = yamlOf(host, path.join(root, file));
    const services = get(compose, 'services');
    if (!isRecord(services)) continue;
    for (const service of Object.values(services)) {
      const environment = get(service, 'environment');
      const direct = scalar(get(environment, name));
      if (direct !== undefined) return { value: direct, file };
      for (const item of list(environment)) {
        const m = typeof item === 'string' ? /^([^=]+)=(.*)$/.exec(item) : null;
        if (m && m[1].trim() === name) return { value: m[2].trim(), file };
      }
    }
  }
  return undefined;
}

function yamlOf(host: FileHost, file: string): unknown {
  const text = host.readFile(file);
  if (text === undefined || text.length > 262144) return undefined;
  try {
    return parseDocument(text).toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

function jsonOf(host: FileHost, file: string): unknown {
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(v: unknown, key: string): unknown {
  return isRecord(v) ? v[key] : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
