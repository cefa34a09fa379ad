import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPrivateEnvFile, rule } from '../../../../core/src/rules/config/env-file-committed';
import { RuleTester } from '../ruleTester';

const ENV = 'DATABASE_URL=postgres://localhost/app\nPORT=3000\n';
const GIT = { '/ws/.git/HEAD': 'ref: refs/heads/main\n' };
const IGNORES_ELSE = { ...GIT, '/ws/.gitignore': 'node_modules\ndist\n' };
const SHARED = ['.env.example', '.env.sample', '.env.template', '.env.schema.yaml', '.env.development', '.env.production', '.env.test', 'docker.env'];
const notIgnored = (line = 1, text = 'DATABASE_URL=postgres://localhost/app') => [['notIgnored', line, text] as [string, number, string]];

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
  ],
  invalid: [
    { name: '.env in a git repository with no .gitignore entry, reported on the first line', code: ENV, errors: notIgnored() },
    { name: '.gitignore that ignores something else', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: '.env.local', filename: '/ws/.env.local', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: '.env.production.local', filename: '/ws/.env.production.local', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: 'a nested package\'s .env', filename: '/ws/packages/api/.env', code: ENV, files: IGNORES_ELSE, errors: notIgnored() },
    { name: 'a negation un-ignores it', code: ENV, files: { ...GIT, '/ws/.gitignore': '.env*\n!.env\n' }, errors: notIgnored() },
    { name: 'no host, the caller says it is not ignored', code: ENV, noHost: true, gitIgnored: false, errors: notIgnored() },
  ],
});

test('shared env files are not private ones', () => {
  for (const name of SHARED) assert.equal(isPrivateEnvFile(`/ws/${name}`), false, name);
});
