// Per-folder facts (manifests, tsconfig, the ~30 bundler and test-runner configs probed for aliases) are read
// once per scan: each folder is listed once and answers "does vite.config.ts exist here" from the listing,
// each existing file is read once, and nothing is probed by name. Counted through the disk seam, never timed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { scanHost } from '../../core/src/cli/scanHost';
import { DiskCache, nodeDisk, type DiskSeam } from '../../core/src/diskCache';
import { scanPaths } from '../../core/src/scan';

interface Counts {
  readdir: Map<string, number>;
  readFile: Map<string, number>;
  isFile: number;
}

function countingDisk(): { disk: DiskSeam; counts: Counts } {
  const counts: Counts = { readdir: new Map(), readFile: new Map(), isFile: 0 };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  return {
    counts,
    disk: {
      readdir: (dir) => (bump(counts.readdir, dir), nodeDisk.readdir(dir)),
      readFile: (file) => (bump(counts.readFile, file), nodeDisk.readFile(file)),
      isFile: (file) => (counts.isFile++, nodeDisk.isFile(file)),
    },
  };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-folder-facts-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A package with three levels of folders and a few modules in each, every one importing packages. */
function project(): string {
  const root = fs.mkdtempSync(path.join(scratch, 'p-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('package.json', JSON.stringify({ name: 'app', dependencies: { express: '1' } }));
  write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
  write('vite.config.ts', "export default { resolve: { alias: { '~': '/src' } } };\n");
  for (const dir of ['src', 'src/a', 'src/a/b', 'src/c']) {
    for (const name of ['one.ts', 'two.ts', 'three.ts']) write(`${dir}/${name}`, "import express from 'express';\nimport left from 'left-pad';\nexport const x = express(left);\n");
  }
  return root;
}

describe('folder facts: bounded file-system probes per folder', () => {
  test('a scan lists each folder at most once and reads each file at most once', () => {
    const root = project();
    const { disk, counts } = countingDisk();
    const out = scanPaths(['.'], { root, gitignore: false, host: scanHost(root, disk) });
    assert.equal(out.filesScanned, 15);
    // The undeclared import is still found in every module: the cache changes the cost, not the answer.
    assert.equal(out.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'dependencies/undeclared-dependency').length, 12);
    for (const [dir, n] of counts.readdir) assert.equal(n, 1, `${dir} listed ${n} times`);
    for (const [file, n] of counts.readFile) assert.equal(n, 1, `${file} read ${n} times`);
    // Only files that exist are read: the ~30 config names per folder are answered from the listings.
    for (const file of counts.readFile.keys()) assert.ok(fs.existsSync(file), `${file} was probed by name`);
    // Folders of the project, and the few above it that the repository lookup looks at.
    assert.ok(counts.readdir.size <= 5 + 12, `${counts.readdir.size} folders listed`);
  });

  test('a forgotten path is read again, the rest stays cached', () => {
    const root = project();
    const { disk, counts } = countingDisk();
    const cache = new DiskCache(disk);
    const manifest = path.join(root, 'package.json');
    assert.match(cache.readFile(manifest) ?? '', /express/);
    assert.equal(cache.readFile(path.join(root, 'webpack.config.js')), undefined);
    const before = cache.version;
    fs.writeFileSync(manifest, '{ "name": "changed" }');
    assert.match(cache.readFile(manifest) ?? '', /express/, 'the cache answers for one moment');
    cache.forget(manifest);
    assert.ok(cache.version > before);
    assert.match(cache.readFile(manifest) ?? '', /changed/);
    fs.writeFileSync(path.join(root, 'webpack.config.js'), 'module.exports = {};');
    cache.forget(path.join(root, 'webpack.config.js'));
    assert.equal(cache.readFile(path.join(root, 'webpack.config.js')), 'module.exports = {};');
    assert.equal(counts.readdir.get(root), 3, 'the folder is listed again only after a forget');
  });

  test('folders, missing folders and links to files', () => {
    const root = project();
    fs.symlinkSync(path.join(root, 'package.json'), path.join(root, 'linked.json'));
    const cache = new DiskCache();
    assert.equal(cache.readFile(path.join(root, 'src')), undefined, 'a folder is not text');
    assert.equal(cache.readFile(path.join(root, 'nope', 'package.json')), undefined);
    assert.deepEqual(cache.list(path.join(root, 'src')).sort(), ['a', 'c']);
    assert.match(cache.readFile(path.join(root, 'linked.json')) ?? '', /express/);
  });
});
