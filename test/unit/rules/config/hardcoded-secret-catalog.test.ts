import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { mapHost } from '../../../../core/src/host';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';

// Held-out 12 (kubero): a self-hosting platform ships a catalog of other products' app templates,
// `services/<app>/app.yaml`, each with that product's sample passwords and keys for the user to replace in the UI.

const STRIPE = fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r');
const ENTRY = (secret: string) => `kind: App\nspec:\n  envVars:\n    - name: DB_PASSWORD\n      value: ${secret}\n    - name: AUTH_SECRET\n      value: N5hKEoZjXLLf2v6uYuAHxjFVjF3F9Yif4Cm18eHBNW4=\n`;

function findings(file: string, text: string, files: Record<string, string>): string[] {
  const host = mapHost({ ...files, [file]: text }, '/ws');
  return analyze(new FileContext(file, text), { config: defaultConfig(), rules: [rule], host, relativePath: file.slice(4) }).findings.map((f) => f.messageId);
}

/** `count` entry folders under `dir`, each with `name` (an app template). */
function catalog(dir: string, count: number, name = 'app.yaml'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`${dir}/app${i}/${name}`] = ENTRY('sample-pass');
  return files;
}

test('valid: an entry of a catalog of twenty or more app templates holds samples, not the project\'s credentials', () => {
  assert.deepEqual(findings('/ws/services/airbroke/app.yaml', ENTRY('x7Hq2LmP9vRt'), catalog('/ws/services', 24)), []);
  assert.deepEqual(findings('/ws/app.yaml', ENTRY('x7Hq2LmP9vRt'), {}), ['named', 'named'], 'the same file outside a catalog');
});

test('invalid: a provider-format key in a catalog entry is still a leak', () => {
  assert.deepEqual(findings('/ws/services/airbroke/app.yaml', ENTRY(STRIPE), catalog('/ws/services', 24)), ['provider']);
});

test('invalid: a few services of one application, or folders that do not share the file, are no catalog', () => {
  assert.deepEqual(findings('/ws/services/api/app.yaml', ENTRY('x7Hq2LmP9vRt'), catalog('/ws/services', 8)), ['named', 'named'], 'eight services');
  const mixed = { ...catalog('/ws/services', 10), ...catalog('/ws/services2', 0) };
  for (let i = 10; i < 30; i++) mixed[`/ws/services/svc${i}/Dockerfile`] = 'FROM node:20\n';
  assert.deepEqual(findings('/ws/services/api/app.yaml', ENTRY('x7Hq2LmP9vRt'), mixed), ['named', 'named'], 'most folders hold other files');
});

test('a catalog is judged once per folder and entry name while the host\'s version stands (the server\'s keystrokes list no folder)', () => {
  const files: Record<string, string> = { ...catalog('/ws/services', 24), '/ws/services/airbroke/app.yaml': ENTRY('x7Hq2LmP9vRt') };
  const base = mapHost(files, '/ws');
  let listed = 0;
  const host = { ...base, version: 1, entries: (dir: string) => { listed++; return base.entries?.(dir) ?? { files: [], folders: [] }; } };
  const run = (file: string) => analyze(new FileContext(file, files[file] ?? ENTRY('x7Hq2LmP9vRt')), { config: defaultConfig(), rules: [rule], host, relativePath: file.slice(4) }).findings.map((f) => f.messageId);
  assert.deepEqual(run('/ws/services/airbroke/app.yaml'), []);
  const first = listed;
  assert.ok(first > 20, `${first} folders listed`);
  assert.deepEqual(run('/ws/services/airbroke/app.yaml'), []);
  assert.deepEqual(run('/ws/services/app3/app.yaml'), []);
  assert.equal(listed, first, 'the same catalog again: nothing listed');
  // The version moves (a watched file changed): the folders are listed again, and the answer follows them.
  host.version = 2;
  assert.deepEqual(run('/ws/services/airbroke/app.yaml'), []);
  assert.equal(listed, 2 * first);
  // Without a version (a host that cannot say when the disk changed), every analysis judges afresh.
  const plain = { ...base, entries: (dir: string) => { listed++; return base.entries?.(dir) ?? { files: [], folders: [] }; } };
  const before = listed;
  analyze(new FileContext('/ws/services/airbroke/app.yaml', ENTRY('x7Hq2LmP9vRt')), { config: defaultConfig(), rules: [rule], host: plain, relativePath: 'services/airbroke/app.yaml' });
  assert.ok(listed > before);
});
