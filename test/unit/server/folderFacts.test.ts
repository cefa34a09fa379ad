// The server's folder-facts version moves when a file that rules read across folders is edited in the editor
// (a manifest, a docs page, a Kubernetes manifest) and stays put for any other document: per-version caches
// (workspace/perVersion.ts) then answer a keystroke without walking the folders again.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiskCache } from '../../../core/src/diskCache';
import { isManifestFile } from '../../../core/src/env/manifestDeclared';
import { PerVersion } from '../../../core/src/workspace/perVersion';
import { WorkspaceFolders } from '../../../server/src/context';
import { FolderFactsVersion } from '../../../server/src/folderFacts';

test('editing a Kubernetes manifest, a docs page or package.json moves the version; a source file does not', () => {
  const facts = new FolderFactsVersion(new DiskCache());
  const before = facts.version;
  facts.documentChanged('/ws/src/app.ts');
  assert.equal(facts.version, before);
  for (const file of ['/ws/deploy/base/dispatcher.yaml', '/ws/docs/settings.md', '/ws/package.json']) {
    const v = facts.version;
    facts.documentChanged(file);
    assert.notEqual(facts.version, v, file);
  }
});

test('a manifest is YAML under a deployment folder', () => {
  assert.ok(isManifestFile('/ws/k8s/overlays/prod/kustomization.yaml'));
  assert.ok(isManifestFile('C:\\ws\\charts\\app\\values.yml'));
  assert.ok(!isManifestFile('/ws/src/config.yaml'));
  assert.ok(!isManifestFile('/ws/deploy/run.sh'));
});

test('PerVersion computes once per key and version, and every time for a host without a version', () => {
  let computed = 0;
  const cache = new PerVersion<number>();
  const host = { version: 1 };
  for (let i = 0; i < 3; i++) cache.get(host, 'a', () => ++computed);
  assert.equal(computed, 1);
  host.version = 2;
  cache.get(host, 'a', () => ++computed);
  assert.equal(computed, 2);
  cache.get({}, 'a', () => ++computed);
  cache.get({}, 'a', () => ++computed);
  assert.equal(computed, 4);
  cache.get(host, undefined, () => ++computed);
  assert.equal(computed, 5);
});

test("a file's workspace folder is kept per folder list: adding or removing a folder answers anew", () => {
  const folders = new WorkspaceFolders();
  const uri = (p: string) => `file://${p}`;
  folders.list = [{ uri: uri('/ws'), name: 'ws' }];
  assert.equal(folders.folderOf('/ws/pkg/src/app.ts'), '/ws');
  assert.equal(folders.folderOf('/ws/pkg/src/app.ts'), '/ws');
  assert.equal(folders.folderOf('/elsewhere/app.ts'), undefined);
  // The settings feature replaces the list when folders change: the innermost folder now wins.
  folders.list = [...folders.list, { uri: uri('/ws/pkg'), name: 'pkg' }];
  assert.equal(folders.folderOf('/ws/pkg/src/app.ts'), '/ws/pkg');
  assert.deepEqual(folders.paths(), ['/ws', '/ws/pkg']);
  folders.list = folders.list.filter((f) => f.name !== 'ws');
  assert.equal(folders.folderOf('/ws/other.ts'), undefined);
  assert.equal(folders.folderOf('/ws/pkg/src/app.ts'), '/ws/pkg');
});
