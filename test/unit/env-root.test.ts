// Where a moved secret's `.env` goes: where the environment is kept or declared, else beside the nearest project
// file of the source file's own language.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { envRootFor } from '../../core/src/envRoot';

const WS = path.resolve('/ws');
const on = (...files: string[]) => (p: string) => files.map((f) => path.join(WS, f)).includes(p);

test('a JavaScript file: the nearest package.json, else the workspace folder', () => {
  const exists = on('package.json', 'packages/api/package.json', 'services/py/requirements.txt');
  assert.equal(envRootFor(path.join(WS, 'packages/api/src/db.ts'), WS, exists), path.join(WS, 'packages/api'));
  assert.equal(envRootFor(path.join(WS, 'src/db.ts'), WS, exists), WS);
  // A Python project file does not make a folder a Node package.
  assert.equal(envRootFor(path.join(WS, 'services/py/tools/build.js'), WS, exists), WS);
  assert.equal(envRootFor(path.join(WS, 'src/db.ts'), WS, on()), WS);
});

test('a Python file: the nearest pyproject.toml, requirements.txt, Pipfile, setup.py or setup.cfg', () => {
  const exists = on('package.json', 'services/api/pyproject.toml', 'services/worker/requirements.txt', 'legacy/setup.py');
  assert.equal(envRootFor(path.join(WS, 'services/api/app/settings.py'), WS, exists), path.join(WS, 'services/api'));
  assert.equal(envRootFor(path.join(WS, 'services/worker/main.py'), WS, exists), path.join(WS, 'services/worker'));
  assert.equal(envRootFor(path.join(WS, 'legacy/pkg/mod.py'), WS, exists), path.join(WS, 'legacy'));
  // package.json is not a Python project file: a script beside the front end's manifest goes to the folder.
  assert.equal(envRootFor(path.join(WS, 'scripts/seed.py'), WS, exists), WS);
});

test('a Go file: the nearest go.mod; never above the workspace folder', () => {
  const exists = (p: string) => p === path.join(WS, 'cmd/go.mod') || p === path.resolve('/go.mod');
  assert.equal(envRootFor(path.join(WS, 'cmd/server/main.go'), WS, exists), path.join(WS, 'cmd'));
  assert.equal(envRootFor(path.join(WS, 'internal/db.go'), WS, exists), WS);
});

test('the nearest folder that keeps or declares the environment comes first (audit:fix on cnpmcore)', () => {
  // cnpmcore's app/common/package.json is a module of the app; the app's .env.example is at the root, where
  // env/undeclared-usage looks for the declaration of the moved secret's name.
  const exists = on('package.json', '.env.example', 'app/common/package.json', 'packages/api/package.json', 'packages/api/.env.sample', 'svc/go.mod', 'svc/.env');
  assert.equal(envRootFor(path.join(WS, 'app/common/adapter/NwjsBinary.ts'), WS, exists), WS);
  assert.equal(envRootFor(path.join(WS, 'packages/api/src/db.ts'), WS, exists), path.join(WS, 'packages/api'));
  assert.equal(envRootFor(path.join(WS, 'svc/cmd/main.go'), WS, exists), path.join(WS, 'svc'));
});
