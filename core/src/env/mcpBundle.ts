import * as path from 'node:path';
import type { FileHost } from '../host';
import { isRecord } from '../workspace/manifest';

/**
 * Variables an MCP bundle's manifest (`manifest.json` of an MCPB or DXT bundle, beside or above the server it
 * starts) sets for that server: `server.mcp_config.env` maps each to a setting the host application asks the user
 * for (`"PUTER_TOKEN": "${user_config.puter_token}"`). The host sets them, as a compose file's `environment:` sets a
 * container's: a read of one is declared there. Read from the given folders (the file's own and those above it).
 */
export function mcpBundleEnvNames(host: FileHost, folders: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const dir of folders) {
    let text: string | undefined;
    try {
      text = host.readFile(path.join(dir, 'manifest.json'));
    } catch {
      text = undefined;
    }
    // Web app and browser extension manifests share the name; only a bundle's has `mcp_config`.
    if (text === undefined || !text.includes('mcp_config')) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const server = isRecord(json) ? json.server : undefined;
    const config = isRecord(server) ? server.mcp_config : undefined;
    const env = isRecord(config) ? config.env : undefined;
    if (isRecord(env)) for (const name of Object.keys(env)) out.add(name);
  }
  return out;
}
