import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPrivateEnvFile, rule } from '../../core/src/rules/config/env-file-committed';
import { summary } from '../fixtures/workspace/harness';

const RULE = 'config/env-file-committed';
const ENV = 'DATABASE_URL=postgres://localhost/app\nPORT=3000\n';
const GIT = { '/ws/.git/HEAD': 'ref: refs/heads/main\n' };

describe(`${RULE}`, () => {
  test('invalid: .env in a git repository with no .gitignore entry, reported on the first line', () => {
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: GIT }), [['notIgnored', 1, 'DATABASE_URL=postgres://localhost/app']]);
  });
  test('invalid: .gitignore that ignores something else; .env.local; a nested package\'s .env', () => {
    const files = { ...GIT, '/ws/.gitignore': 'node_modules\ndist\n' };
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files }).length, 1);
    assert.deepEqual(summary(rule, '/ws/.env.local', ENV, { files }).length, 1);
    assert.deepEqual(summary(rule, '/ws/.env.production.local', ENV, { files }).length, 1);
    assert.deepEqual(summary(rule, '/ws/packages/api/.env', ENV, { files }).length, 1);
  });
  test('invalid: a negation un-ignores it', () => {
    const files = { ...GIT, '/ws/.gitignore': '.env*\n!.env\n' };
    assert.equal(summary(rule, '/ws/.env', ENV, { files }).length, 1);
  });
  test('invalid: no host, the caller says it is not ignored', () => {
    assert.equal(summary(rule, '/ws/.env', ENV, { noHost: true, gitIgnored: false }).length, 1);
  });

  test('valid: ignored as the caller computed it', () => {
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: GIT, gitIgnored: true }), []);
  });
  test('valid: ignored by the root .gitignore, a nested one, or .git/info/exclude', () => {
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: { ...GIT, '/ws/.gitignore': '.env\n' } }), []);
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: { ...GIT, '/ws/.gitignore': '*.local\n.env*\n!.env.example\n' } }), []);
    assert.deepEqual(summary(rule, '/ws/packages/api/.env', ENV, { files: { ...GIT, '/ws/packages/api/.gitignore': '.env\n' } }), []);
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: { ...GIT, '/ws/.git/info/exclude': '.env\n' } }), []);
  });
  test('valid: a repository above the workspace folder whose .gitignore covers it', () => {
    const files = { '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/.gitignore': '**/.env\n' };
    assert.deepEqual(summary(rule, '/repo/services/api/.env', ENV, { files, root: '/repo/services/api' }), []);
  });
  test('valid: not a git repository; empty or comment-only files', () => {
    assert.deepEqual(summary(rule, '/ws/.env', ENV, { files: {} }), []);
    assert.deepEqual(summary(rule, '/ws/.env', '# fill in\n\n', { files: GIT }), []);
  });
  test('valid: shared env files', () => {
    for (const name of ['.env.example', '.env.sample', '.env.template', '.env.schema.yaml', '.env.development', '.env.production', '.env.test', 'docker.env']) {
      assert.equal(isPrivateEnvFile(`/ws/${name}`), false, name);
      assert.deepEqual(summary(rule, `/ws/${name}`, ENV, { files: GIT }), [], name);
    }
  });

  // Audit (issue 10): full-stack-fastapi-template's frontend/.env, Vite's committed defaults of two public URLs.
  const VITE = { ...GIT, '/ws/web/package.json': '{"devDependencies":{"vite":"^5.0.0"}}' };
  test('valid: a tracked .env of public defaults beside a Vite, Next or CRA package.json', () => {
    const defaults = 'VITE_API_URL=http://localhost:8000\nMAILPIT_HOST=http://localhost:8025\n';
    assert.deepEqual(summary(rule, '/ws/web/.env', defaults, { files: VITE, gitTracked: true }), []);
    assert.deepEqual(summary(rule, '/ws/web/.env', defaults, { files: VITE }), []);
    for (const tool of ['next', 'react-scripts']) {
      const files = { ...GIT, '/ws/web/package.json': `{"dependencies":{"${tool}":"1.0.0"}}` };
      assert.deepEqual(summary(rule, '/ws/web/.env', 'NEXT_PUBLIC_SITE=https://example.org\nBYPASSER=1\n', { files, gitTracked: true }), [], tool);
    }
  });
  test('invalid: a Vite project\'s .env naming a secret or holding a URL with a password; .env.local; no such tool', () => {
    const one = (file: string, text: string, files: Record<string, string> = VITE) => summary(rule, file, text, { files, gitTracked: true }).length;
    assert.equal(one('/ws/web/.env', 'VITE_API_URL=http://localhost:8000\nSTRIPE_SECRET_KEY=sk\n'), 1);
    assert.equal(one('/ws/web/.env', 'API_KEY=abc\n'), 1);
    assert.equal(one('/ws/web/.env', 'ADMIN_PASSWORD=changethis\n'), 1);
    assert.equal(one('/ws/web/.env', 'PROXY=http://admin:hunter2@proxy.internal:8080\n'), 1);
    assert.equal(one('/ws/web/.env.local', 'VITE_API_URL=http://localhost:8000\n'), 1);
    // The .env of another folder than the tool's package.json, and a backend package.
    assert.equal(one('/ws/web/src/.env', 'VITE_API_URL=http://localhost:8000\n'), 1);
    assert.equal(one('/ws/api/.env', 'PORT=3000\n', { ...VITE, '/ws/api/package.json': '{"dependencies":{"express":"4.0.0"}}' }), 1);
  });
});
