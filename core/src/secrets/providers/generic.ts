import type { SecretProvider } from '../provider';
import { HOST, realPassword } from './connection-strings';
import { ALNUM, HEX, rnd } from './util';

// Schemes whose URLs carry `user:password@` in practice. Database, cache, queue and mail schemes have
// their own providers (connection-strings.ts), so they are not repeated here.
const SCHEMES = ['https?', 'ftps?', 'sftp', 'ssh', 'git', 'svn', 'ldaps?', 'wss?', 'nats', 'mqtts?', 'socks5h?'];

const NOT_SENTRY_DSN = '(?![0-9a-f]{32}:[0-9a-f]{32}@[\\w.-]+(?::\\d+)?\\/\\d+(?![\\w/.-]))';

export const generic: readonly SecretProvider[] = [
  {
    id: 'url-credentials',
    name: 'Password in a URL',
    envName: 'SERVICE_URL',
    keywords: ['http://', 'https://', 'ftp://', 'ftps://', 'sftp://', 'ssh://', 'git://', 'svn://', 'ldap://', 'ldaps://', 'ws://', 'wss://', 'nats://', 'mqtt://', 'mqtts://', 'socks5://', 'socks5h://'],
    // As in connection-strings.ts, plus an optional `git+` (package.json dependencies). A password
    // that is itself a GitHub/GitLab token is left to that token's provider, which names it better;
    // `x-oauth-basic` is the literal password GitHub pairs with a token in the *user* part.
    // A Sentry DSN of the legacy form (`https://<32 hex>:<32 hex>@host/<project id>`, self-hosted or not) is not
    // reported: its second key was only ever accepted for sending events, Sentry ignores it since 9.0, and the
    // DSN is public by design ("DSNs are safe to keep public", docs.sentry.io › Data Source Name), as the modern
    // form without it is (observability.ts).
    pattern: new RegExp(
      `(?<![\\w+.-])(?:git\\+)?(?:${SCHEMES.join('|')}):\\/\\/${NOT_SENTRY_DSN}(?<user>[^:@/\\s'"\`<>]{0,128}):(?!(?:\\k<user>){1,2}@)(?!(?:gh[pousr]|github_pat)_|gl(?:pat|dt|rt)-)(?<secret>[^@/\\s'"\`]{1,256})@${HOST}`,
      'g',
    ),
    validate: (secret) => secret !== 'x-oauth-basic' && realPassword(secret),
    shape: 'generic',
    inUrl: true,
    tps: [
      `NPM_REGISTRY=https://ci:${rnd(ALNUM, 20, 'url-1')}@npm.internal.acme.io/repository/npm/`,
      `"private-lib": "git+https://deploy:${rnd(ALNUM, 24, 'url-2')}@git.acme.io/platform/lib.git#v2.1.0"`,
      `const proxy = 'http://proxyuser:${rnd(ALNUM, 14, 'url-5')}@proxy.corp:3128';`,
      `ELASTICSEARCH_URL=https://elastic:${rnd(ALNUM, 20, 'url-7')}@localhost:9200`,
      // A password that only starts with the user's name is chosen.
      `TORRENT_URL=http://admin:admin${rnd(ALNUM, 12, 'url-9')}@localhost:8080/`,
    ],
    fps: [
      'See https://user:pass@example.com for the format.',
      'git clone https://github.com/acme/app.git',
      'git@github.com:acme/app.git',
      'const url = `https://${user}:${token}@${host}/repo.git`;',
      'http://localhost:3000/@vite/client',
      'https://USERNAME:PASSWORD@registry.acme.io',
      'ssh://git@github.com:22/acme/app.git',
      `https://${rnd(ALNUM, 40, 'url-6')}:x-oauth-basic@github.com/acme/app.git`,
      'https://admin:admin@grafana.local',
      // The user's name twice: a tool's documented first login (`admin` / `adminadmin`), as a setting's default.
      '{Key: "torrent_url", Value: "http://admin:adminadmin@localhost:8080/"}',
      `"dep": "git+https://deploy:${rnd(ALNUM, 24, 'url-8')}@git.example.com/lib.git"`,
      // A legacy Sentry DSN, on sentry.io or a self-hosted Sentry.
      `SENTRY_DSN=https://${rnd(HEX, 32, 'url-3')}:${rnd(HEX, 32, 'url-4')}@sentry.io/1234`,
      `dsn: 'https://${rnd(HEX, 32, 'url-10')}:${rnd(HEX, 32, 'url-11')}@sentry.acme.io:9000/7'`,
      `curl https://api.acme.io/v1/items?since=2024-01-01T00:00:00Z&user=me@acme.io`,
      // A URL parser's test vector abbreviates user and password (`us:pa`), as `u:pw` does.
      `("http://us:pa@ex.co:42/a?_d=4", ["http://us:pa@ex.co:42/a?_d=4"]),`,
      // A translation's placeholder, in the language of its locale.
      '"proxyUrlPlaceholder": "http://benutzer:passwort@host:port"',
    ],
  },
];
