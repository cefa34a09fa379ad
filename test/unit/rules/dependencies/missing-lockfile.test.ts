import { rule } from '../../../../core/src/rules/dependencies/missing-lockfile';
import { RuleTester } from '../ruleTester';

const pkg = (o: object) => JSON.stringify(o, null, 2);
const MANIFEST = pkg({ name: 'shop', version: '1.0.0', dependencies: { express: '^4' } });
const LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock', 'deno.lock'];
const API = '/repo/packages/api/package.json';

new RuleTester({ filename: '/ws/package.json', files: {} }).run(rule, {
  valid: [
    ...LOCKS.map((lock) => ({ name: `${lock} beside it`, code: MANIFEST, files: { [`/ws/${lock}`]: '\u0001bin' } })),
    { name: 'a monorepo lockfile at the workspace root', filename: '/ws/packages/api/package.json', code: MANIFEST, files: { '/ws/pnpm-lock.yaml': 'lockfileVersion: 9\n' } },
    // One package of a git repository scanned or opened alone: the lockfile at the repository root counts.
    {
      name: 'one package of a git repository alone: the lockfile at the repository root',
      filename: API,
      code: MANIFEST,
      files: { '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/pnpm-lock.yaml': 'lockfileVersion: 9\n' },
      root: '/repo/packages/api',
    },
    {
      name: 'one package of a git worktree alone (its `.git` is a file): the lockfile at the repository root',
      filename: API,
      code: MANIFEST,
      files: { '/repo/.git': 'gitdir: /elsewhere/.git/worktrees/repo\n', '/repo/pnpm-lock.yaml': 'lockfileVersion: 9\n' },
      root: '/repo/packages/api',
    },
    { name: 'nothing to lock', code: pkg({ name: 'x', scripts: { start: 'node .' } }) },
    // Held-out 6: the manifest of a library copied into the project's vendor folder came with the copy.
    { name: 'a vendored copy of a library', filename: '/ws/app/static/css/vendor/bulma/package.json', code: pkg({ name: 'bulma', devDependencies: { sass: '^1' } }) },
    { name: '.npmrc package-lock=false', code: MANIFEST, files: { '/ws/.npmrc': 'package-lock=false\n' } },
    // Held-out 5: a monorepo of 47 packages without a root lockfile is one finding, at the root.
    {
      name: 'a workspace member when the root, which has dependencies, is reported',
      filename: '/ws/packages/api/package.json',
      code: MANIFEST,
      files: { '/ws/package.json': pkg({ name: 'mono', private: true, devDependencies: { '@changesets/cli': '^2' } }), '/ws/pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" },
    },
    {
      name: 'a member of an npm workspaces root',
      filename: '/ws/packages/api/package.json',
      code: MANIFEST,
      files: { '/ws/package.json': pkg({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { turbo: '^2' } }) },
    },
    { name: 'a package inside node_modules', filename: '/ws/node_modules/express/package.json', code: MANIFEST },
    { name: 'a fixture', filename: '/ws/test/fixtures/app/package.json', code: MANIFEST },
    { name: 'other JSON', filename: '/ws/tsconfig.json', code: '{ "dependencies": {} }' },
    { name: 'no host', code: MANIFEST, noHost: true },
  ],
  invalid: [
    { name: 'no lockfile anywhere, reported at the "name" key', code: MANIFEST, errors: [['missing', 2, '"name"']] },
    { name: "a package under static/ that is not in a vendor folder is the project's", filename: '/ws/app/static/css/package.json', code: MANIFEST, errors: [['missing', 2, '"name"']] },
    {
      name: 'a workspace member whose root declares nothing to lock is reported itself',
      filename: '/ws/packages/api/package.json',
      code: MANIFEST,
      files: { '/ws/package.json': pkg({ name: 'mono', private: true, workspaces: ['packages/*'] }) },
      errors: [['missing', 2, '"name"']],
    },
    {
      name: 'a package outside the workspace globs is reported itself',
      filename: '/ws/tools/api/package.json',
      code: MANIFEST,
      files: { '/ws/package.json': pkg({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { turbo: '^2' } }) },
      errors: [['missing', 2, '"name"']],
    },
    { name: 'no name key, reported at the opening brace', code: '{ "dependencies": { "express": "^4" } }', errors: [['missing', 1, '{']] },
    { name: 'outside a repository the scan root is the limit', filename: API, code: MANIFEST, files: { '/repo/pnpm-lock.yaml': 'x' }, root: '/repo/packages/api', errors: [['missing', 2, '"name"']] },
    // Stop 27 (issue 10): helpers of a Python or Go application (changedetection.io's Sass build and docs builder,
    // bookwyrm's dev-tools linters, umap's vendored-library sources) are information.
    ...[['pyproject.toml', '/ws/package.json'], ['requirements.txt', '/ws/app/static/styles/package.json'], ['go.mod', '/ws/docs/package.json'], ['setup.py', '/ws/dev-tools/package.json']].map(([marker, filename]) => ({
      name: `a package with no start script in a project with a ${marker}`,
      filename,
      code: pkg({ name: 'styles', scripts: { build: 'sass scss:css' }, devDependencies: { sass: '^1' } }),
      files: { [`/ws/${marker}`]: '' },
      errors: [{ messageId: 'helper', line: 2, text: '"name"', severity: 'info' as const }],
    })),
    { name: 'a Node service (a start script) in a Python project keeps the warning', filename: '/ws/node-service/package.json', code: pkg({ name: 'svc', scripts: { start: 'node index.js' }, dependencies: { express: '^4' } }), files: { '/ws/requirements.txt': 'flask\n' }, errors: [{ messageId: 'missing', line: 2, severity: 'warning' as const }] },
    { name: 'a front-end build of a PHP project keeps the warning', code: pkg({ name: 'web', scripts: { dev: 'mix' }, devDependencies: { 'laravel-mix': '^6' } }), files: { '/ws/composer.json': '{}' }, errors: [{ messageId: 'missing', line: 2, severity: 'warning' as const }] },
  ],
});
