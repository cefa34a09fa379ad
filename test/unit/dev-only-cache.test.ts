// The development-only packages of a file's package, kept per folder while a versioned host (the server's) says
// no manifest changed: a keystroke in a module does not read the manifests above it again. Counted, not timed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapHost, type FileHost } from '../../core/src/host';
import { devOnlyPackages } from '../../core/src/workspace/devOnly';

const manifest = (dev: Record<string, string>) => JSON.stringify({ name: 'app', dependencies: { express: '4' }, devDependencies: dev });

function versionedHost(files: Record<string, string>): { host: FileHost & { version: number }; reads: () => number } {
  const inner = mapHost(files, '/ws');
  let reads = 0;
  const host = {
    version: 1,
    readFile: (p: string) => {
      reads++;
      return inner.readFile(p);
    },
    rootOf: (p: string) => inner.rootOf(p),
  };
  return { host, reads: () => reads };
}

test('a versioned host: read once per folder while its version stays, read again when it moves', () => {
  const files: Record<string, string> = { '/ws/package.json': manifest({ nodemon: '3' }) };
  const { host, reads } = versionedHost(files);
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/a.js')], ['nodemon']);
  const afterFirst = reads();
  assert.ok(afterFirst > 0);
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/a.js')], ['nodemon']);
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/b.js')], ['nodemon'], 'another file of the same folder');
  assert.equal(reads(), afterFirst, 'no manifest read again');
  // The manifest changed (the watcher, or an edit in the editor, moves the version).
  files['/ws/package.json'] = manifest({ nodemon: '3', aedes: '1' });
  host.version++;
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/a.js')].sort(), ['aedes', 'nodemon']);
});

test('a host without a version (the CLI, tests) is answered from the files each time', () => {
  const files: Record<string, string> = { '/ws/package.json': manifest({ nodemon: '3' }) };
  const host = mapHost(files, '/ws');
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/a.js')], ['nodemon']);
  files['/ws/package.json'] = manifest({});
  assert.deepEqual([...devOnlyPackages(host, '/ws/src/a.js')], []);
});
