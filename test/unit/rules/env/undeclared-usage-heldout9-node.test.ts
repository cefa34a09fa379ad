import { rule } from '../../../../core/src/rules/env/undeclared-usage';
import { RuleTester } from '../ruleTester';

// Ninth held-out audit set (audit/README.md, "Held-out 9, Node"): a Next.js app whose tracked `.env` (Next's file of
// shared defaults, loaded in every mode) sets `SENTRY_DSN`, `SOCKET_PORT`, beside an `.env.example` for the
// deployment's own values.
const APP = {
  '/ws/apps/web/package.json': '{ "name": "web", "dependencies": { "next": "14.2.0" } }\n',
  '/ws/apps/web/.env.example': 'PUBLIC_ORIGIN=https://example.com\n',
  '/ws/apps/web/.env': 'SENTRY_DSN=\nSOCKET_PORT=3001\n',
};
const NEXT_APP = { ...APP, '/ws/.git/HEAD': 'ref: refs/heads/main\n' };
const READ = 'export const dsn = process.env.SENTRY_DSN;\n';
const reported = (name: string) => ({ errors: [['undeclared', 1, name]] as Array<[string, number, string]>, output: null });

new RuleTester({ filename: '/ws/apps/web/sentry.server.config.ts' }).run(rule, {
  valid: [
    { name: "set (even to empty) by a Next app's committed .env", code: READ, files: NEXT_APP },
    { name: 'a .gitignore that ignores only .env.local keeps .env committed', code: READ, files: { ...NEXT_APP, '/ws/.gitignore': '.env.local\n.env.*.local\n' } },
    {
      name: "a Vite package's committed .env",
      code: 'export const dsn = import.meta.env.VITE_SENTRY_DSN;\n',
      files: { ...NEXT_APP, '/ws/apps/web/package.json': '{ "name": "web", "devDependencies": { "vite": "5.0.0" } }\n', '/ws/apps/web/.env': 'VITE_SENTRY_DSN=\n' },
    },
  ],
  invalid: [
    { name: "a .env that .gitignore excludes is one machine's", code: READ, files: { ...NEXT_APP, '/ws/.gitignore': '.env\n' }, ...reported('SENTRY_DSN') },
    {
      name: "a plain Node package's .env is not a build tool's defaults",
      code: READ,
      files: { ...NEXT_APP, '/ws/apps/web/package.json': '{ "name": "web", "dependencies": { "express": "4.0.0" } }\n' },
      ...reported('SENTRY_DSN'),
    },
    { name: 'a .env of a folder without a package.json', filename: '/ws/apps/web/src/sentry.ts', code: READ, files: { ...NEXT_APP, '/ws/apps/web/src/.env': 'SENTRY_DSN=\n', '/ws/apps/web/.env': 'SOCKET_PORT=3001\n' }, ...reported('SENTRY_DSN') },
    { name: 'outside a git repository nothing says the .env is committed', code: READ, files: APP, ...reported('SENTRY_DSN') },
  ],
});
