import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPrivateEnvFile, rule } from '../../../../core/src/rules/config/env-file-committed';
import { RuleTester } from '../ruleTester';

const ENV = 'DATABASE_URL=postgres://localhost/app\nPORT=3000\n';
const GIT = { '/ws/.git/HEAD': 'ref: refs/heads/main\n' };
const IGNORES_ELSE = { ...GIT, '/ws/.gitignore': 'node_modules\ndist\n' };
const SHARED = ['.env.example', '.env.sample', '.env.template', '.env.schema.yaml', '.env.development', '.env.production', '.env.test', 'docker.env'];
const notIgnored = (line = 1, text = 'DATABASE_URL=postgres://localhost/app') => [['notIgnored', line, text] as [string, number, string]];
// Audit (issue 10): full-stack-fastapi-template's frontend/.env, Vite's committed defaults of two public URLs.
const VITE = { ...GIT, '/ws/web/package.json': '{"devDependencies":{"vite":"^5.0.0"}}' };
const VITE_DEFAULTS = 'VITE_API_URL=http://localhost:8000\nMAILPIT_HOST=http://localhost:8025\n';
const tracked = (text: string): Array<[string, number, string]> => [['tracked', 1, text]];
// A tracked (or not ignored) file of non-secret defaults: still reported, as information, with the message saying why.
const defaults = (text: string, messageId = 'trackedDefaults') => [{ messageId, line: 1, text, severity: 'info' as const }];
const inVite = (name: string, code: string, filename = '/ws/web/.env', files: Record<string, string> = VITE) => ({ name, filename, code, files, gitTracked: true });

new RuleTester({ filename: '/ws/.env', files: GIT }).run(rule, {
  valid: [
    { name: 'ignored as the caller computed it', code: ENV, gitIgnored: true },
    { name: 'ignored by the root .gitignore', code: ENV, files: { ...GIT, '/ws/.gitignore': '.env\n' } },
    { name: 'ignored by a pattern with a negation of another file', code: ENV, files: { ...GIT, '/ws/.gitignore': '*.local\n.env*\n!.env.example\n' } },
    { name: 'ignored by a nested .gitignore', filename: '/ws/packages/api/.env', code: ENV, files: { ...GIT, '/ws/packages/api/.gitignore': '.env\n' } },
    { name: 'ignored by .git/info/exclude', code: ENV, files: { ...GIT, '/ws/.git/info/exclude': '.env\n' } },
    {
      name: 'a repository above the workspace folder whose .gitignore covers it',
      filename: '/repo/services/api/.env',
      code: ENV,
      files: { '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/.gitignore': '**/.env\n' },
      root: '/repo/services/api',
    },
    { name: 'not a git repository', code: ENV, files: {} },
    { name: 'a comment-only file', code: '# fill in\n\n' },
    ...SHARED.map((name) => ({ name: `shared env file ${name}`, filename: `/ws/${name}`, code: ENV })),
    inVite('a tracked .env of public defaults beside a Vite package.json', VITE_DEFAULTS),
    { ...inVite('an untracked one beside a Vite package.json', VITE_DEFAULTS), gitTracked: undefined },
    ...['next', 'react-scripts'].map((tool) => inVite(`a tracked .env of public defaults beside a ${tool} package.json`, 'NEXT_PUBLIC_SITE=https://example.org\nBYPASSER=1\n',
      '/ws/web/.env', { ...GIT, '/ws/web/package.json': `{"dependencies":{"${tool}":"1.0.0"}}` })),
    // Held-out 2 and 3: Next-js-Boilerplate's and cypress-realworld-app's committed defaults.
    inVite('a publishable key, a local database URL and a secret key left as words describing it',
      'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_cmVsYXhlZC10dXJrZXktNjcuY2xlcmsuYWNjb3VudHMuZGV2JA\nDATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres\nCLERK_SECRET_KEY=your_clerk_secret_key\n'),
    inVite("the demo users' seed password", 'SEED_USERBASE_SIZE=5\nSEED_DEFAULT_USER_PASSWORD=s3cret\nPORT=3000\n'),
    // Held-out 7 and 8: a .env that only a tool reads as its own settings (paperless-ngx, alerta, gotenberg).
    // Held-out 7: a deployed mode's file is reported only when it holds a secret outside a Vite, Next or CRA package.
    { name: 'a backend .env.production of ports and names', filename: '/ws/.env.production', code: 'PORT = 7001\nAPP_NAME = admin\nDB_HOST=db\n', gitTracked: true },
    { name: "a backend .env.development's local secret", filename: '/ws/.env.development', code: 'JWT_SECRET = dev-jwt-8f2k\n', gitTracked: true },
    { name: 'a .env.production with a secret beside a Vite package.json', filename: '/ws/web/.env.production', code: 'API_SECRET=q8Zx1mP0vLw3\n', files: VITE, gitTracked: true },
    { name: 'a .env.production whose secret is a reference', filename: '/ws/.env.production', code: 'JWT_SECRET=${JWT_SECRET}\nSMTP_PASS=\n', gitTracked: true },
    { name: "Docker Compose's own variables only", code: 'COMPOSE_PROJECT_NAME=paperless\n', gitTracked: true },
    { name: 'make variables of a Makefile that includes it', code: 'VERSION=snapshot\nDOCKER_REGISTRY=acme\nDOCKERFILE=build/Dockerfile\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'include .env\n\nbuild:\n\tdocker build .\n' } },
    { name: 'a Makefile that -includes it among others', code: 'PROJECT=alerta\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'GIT=git\n-include .env .env.local .env.*.local\n' } },
  ],
  invalid: [
    { name: '.env in a git repository with no .gitignore entry, reported on the first line', code: ENV, errors: notIgnored() },
    { name: '.gitignore that ignores something else', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    {
      name: "a backend's tracked .env.production holding its JWT secret and SMTP password",
      filename: '/ws/.env.production',
      code: '# security\nJWT_SECRET = admin!q8Zx#123\nSMTP_PASS = VIPLLOABCDEFROYU\n',
      gitTracked: true,
      errors: tracked('# security'),
    },
    { name: 'a .env.staging not ignored, with a password in a URL', filename: '/ws/.env.staging', code: 'DATABASE_URL=postgres://app:Xq9w2LmZ@db.internal/app\n', files: IGNORES_ELSE, errors: notIgnored(1, 'DATABASE_URL=postgres://app:Xq9w2LmZ@db.internal/app') },
    { name: '.env.local', filename: '/ws/.env.local', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: '.env.production.local', filename: '/ws/.env.production.local', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: 'a nested package\'s .env', filename: '/ws/packages/api/.env', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: 'a negation un-ignores it', code: ENV, files: { ...GIT, '/ws/.gitignore': '.env*\n!.env\n' }, errors: notIgnored() },
    { name: 'no host, the caller says it is not ignored', code: ENV, noHost: true, gitIgnored: false, errors: notIgnored() },
    { ...inVite('a Vite project\'s .env naming a secret', 'VITE_API_URL=http://localhost:8000\nSTRIPE_SECRET_KEY=sk\n'), errors: tracked('VITE_API_URL=http://localhost:8000') },
    { ...inVite('a Vite project\'s .env with an API key', 'API_KEY=abc\n'), errors: tracked('API_KEY=abc') },
    { ...inVite('a Vite project\'s .env with a password', 'ADMIN_PASSWORD=changethis\n'), errors: tracked('ADMIN_PASSWORD=changethis') },
    { ...inVite('a Vite project\'s .env with a database URL to another machine', 'DATABASE_URL=postgresql://app:q8Zr2vLp4Kx9@db.internal:5432/app\n'), errors: tracked('DATABASE_URL=postgresql://app:q8Zr2vLp4Kx9@db.internal:5432/app') },
    { ...inVite('a Vite project\'s .env with a URL holding a password', 'PROXY=http://admin:hunter2@proxy.internal:8080\n'), errors: tracked('PROXY=http://admin:hunter2@proxy.internal:8080') },
    { ...inVite('.env.local of a Vite project', 'VITE_API_URL=http://localhost:8000\n', '/ws/web/.env.local'), errors: defaults('VITE_API_URL=http://localhost:8000') },
    { ...inVite('a .env in another folder than the tool\'s package.json', 'VITE_API_URL=http://localhost:8000\n', '/ws/web/src/.env'), errors: defaults('VITE_API_URL=http://localhost:8000') },
    { ...inVite('a backend package\'s .env', 'PORT=3000\n', '/ws/api/.env', { ...VITE, '/ws/api/package.json': '{"dependencies":{"express":"4.0.0"}}' }), errors: defaults('PORT=3000') },
    { name: 'Compose variables beside a service password', code: 'COMPOSE_PROJECT_NAME=app\nDB_PASSWORD=hunter2\n', gitTracked: true, errors: tracked('COMPOSE_PROJECT_NAME=app') },
    { name: 'a Makefile includes it but a variable names a secret', code: 'VERSION=1\nAPI_TOKEN=q8Zr2vLp4Kx9\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'include .env\n' }, errors: tracked('VERSION=1') },
    { name: 'a Makefile includes it but a value is a URL', code: 'DATABASE_URL=postgres://localhost/app\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'include .env\n' }, errors: tracked('DATABASE_URL=postgres://localhost/app') },
    { name: 'a Makefile that includes another file', code: 'VERSION=1\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'include .env.build\n# copies .env\n' }, errors: defaults('VERSION=1') },
    { name: 'a Makefile in another folder', filename: '/ws/api/.env', code: 'VERSION=1\n', gitTracked: true, files: { ...GIT, '/ws/Makefile': 'include .env\n' }, errors: defaults('VERSION=1') },
    // Stop 27 (issue 10): the content decides. Non-secret defaults (held-out 5-8: a CRA build switch, frontend build
    // values, a Prisma SQLite path, shared backend defaults with `xxx` slots, compose image tags) are information.
    { name: 'a build switch with no tool manifest beside it', filename: '/ws/popup/.env', code: 'INLINE_RUNTIME_CHUNK=false\n', gitTracked: true, errors: defaults('INLINE_RUNTIME_CHUNK=false') },
    { name: 'a SQLite path for the Prisma CLI', filename: '/ws/prisma/.env', code: '# committed on purpose\nDATABASE_URL="file:../data/app.db?connection_limit=1"\n', gitTracked: true, errors: defaults('# committed on purpose') },
    { name: 'app name, port, locale, a public CDN and secret slots masked with x', code: 'APP_NAME = Admin\nAPP_PORT = 7001\nAPP_LOCALE = zh-CN\nOSS_ACCESSKEY=xxx\nOSS_SECRETKEY=xxx\nOSS_DOMAIN=https://cdn.acme.org\nOSS_ZONE=Zone_z2 # the zone\n', gitTracked: true, errors: defaults('APP_NAME = Admin') },
    { name: 'image tags, ports and an interpolated port', code: 'IMAGE_NAME=acme/app\nIMAGE_VERSION=2\nAPI_PORT=${API_PORT:-8000}\nAPP_URL=http://localhost:8080\n', gitTracked: true, errors: defaults('IMAGE_NAME=acme/app') },
    { name: 'a secret slot left empty or interpolated', code: 'PORT=3000\nAPI_TOKEN=\nDB_PASSWORD=${DB_PASSWORD}\n', gitTracked: true, errors: defaults('PORT=3000') },
    { name: 'not ignored, non-secret defaults', code: 'PORT=3000\n', files: IGNORES_ELSE, errors: defaults('PORT=3000', 'notIgnoredDefaults') },
    // A secret, a credential or a service address keeps the error (full-stack-fastapi-template, hedgedoc,
    // wild-workouts, flask-by-example): the file is one deploy's configuration.
    { name: 'a stock password the compose set-up runs with', code: 'MYSQL_ADDR=localhost\nMYSQL_PASSWORD=password\n', gitTracked: true, errors: tracked('MYSQL_ADDR=localhost') },
    { name: 'a database URL without a password', code: 'export APP_SETTINGS="config.Dev"\nexport DATABASE_URL="postgresql://localhost/wordcount_dev"\n', gitTracked: true, errors: tracked('export APP_SETTINGS="config.Dev"') },
    { name: 'a login in a web URL', code: 'MIRROR=https://ci:q8Zr2vLp4Kx9@mirror.internal/\n', gitTracked: true, errors: tracked('MIRROR=https://ci:q8Zr2vLp4Kx9@mirror.internal/') },
    { name: 'a provider key under a plain name', code: 'NOTIFY=ghp_q8Zr2vLp4Kx9Wm3Tn7Yb5Hc1Jd6Fg0Ls2Pa4\n', gitTracked: true, errors: [{ messageId: 'tracked', line: 1 }] },
    { name: 'not ignored, a secret', code: 'SESSION_SECRET=q8Zr2vLp4Kx9\n', files: IGNORES_ELSE, errors: [{ messageId: 'notIgnored', line: 1 }] },
  ],
});

test('shared env files are not private ones', () => {
  for (const name of SHARED) assert.equal(isPrivateEnvFile(`/ws/${name}`), false, name);
});
