import type { FileHost } from '../host';
import { composeServiceNames } from '../workspace/compose';
import type { ProviderMatch } from './scan';
import { isLocalUrlHost } from './providers/connection-strings';

// The server key of an ADO.NET/ODBC connection string and its value: `Server=tcp:sqlserver,1433`.
const SERVER_KEY = /(?:^|[;"'\s])(?:Server|Data Source|Host|Address|Addr)=([^;"'\n]{1,200})/gi;

/**
 * The host a connection-string match's password opens: the name after the URL's `@`
 * (`postgres://app:pw@db:5432`), or the server key of an ADO.NET string (`Server=sqlserver,1433;…;Password=…`).
 * Undefined for other providers, or when the host is written as a hole.
 */
export function connectionHost(text: string, match: ProviderMatch): string | undefined {
  if (match.provider.inUrl) return /^@([\w.-]{1,253})/.exec(text.slice(match.end, match.end + 260))?.[1]?.toLowerCase();
  if (match.provider.id !== 'ado-connection-string') return undefined;
  const before = text.slice(Math.max(0, match.start - 2000), match.start);
  let server: string | undefined;
  for (const m of before.matchAll(SERVER_KEY)) server = m[1];
  const host = server?.trim().replace(/^tcp:/i, '').split(/[,:\\]/)[0];
  return host && /^[\w.-]+$/.test(host) ? host.toLowerCase() : undefined;
}

/**
 * Where a connection's password leads, as far as the repository tells: the developer's own machine
 * (`localhost`), a service of the project's root compose file (`sqlserver`, a container that compose starts
 * beside the app with the password its own file sets), or elsewhere.
 */
export function connectionReach(text: string, match: ProviderMatch, host: FileHost | undefined, root: string | undefined): 'local' | 'compose' | 'remote' | undefined {
  const name = connectionHost(text, match);
  if (name === undefined) return undefined;
  if (isLocalUrlHost(name)) return 'local';
  if (host && root && composeServiceNames(host, root).has(name)) return 'compose';
  return 'remote';
}
