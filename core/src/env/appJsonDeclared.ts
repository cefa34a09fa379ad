import * as path from 'node:path';
import type { FileHost } from '../host';

/**
 * Variables a Heroku `app.json` declares in its `env` object (https://devcenter.heroku.com/articles/app-json-schema#env):
 * each key with a description, a default `value`, or a `generator`. The Heroku Button asks whoever deploys the app
 * for them, so a read of one is declared there, as with a compose file's `environment:`. Read beside the
 * declaration and at the workspace root.
 */
export function appJsonEnvNames(host: FileHost, dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of new Set(dirs)) {
    let json: unknown;
    try {
      const text = host.readFile(path.join(dir, 'app.json'));
      json = text === undefined ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const env = isRecord(json) ? json.env : undefined;
    if (isRecord(env)) for (const name of Object.keys(env)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) out.add(name);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
