// Where the CLI keeps V8's code cache of its bundle, and when it trusts a cache file (core/src/cli/codeCache.ts).
// The end-to-end runs are in test/cli/code-cache.test.ts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { codeCacheDir, codeCacheFileName, readCodeCache, writeCodeCache } from '../../core/src/cli/codeCache';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-code-cache-unit-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('codeCacheDir', () => {
  test("the platform's cache folder", () => {
    assert.equal(codeCacheDir({ env: {}, platform: 'linux', home: '/home/u' }), path.join('/home/u', '.cache', 'twelve-factor'));
    assert.equal(codeCacheDir({ env: { XDG_CACHE_HOME: '/c' }, platform: 'linux', home: '/home/u' }), path.join('/c', 'twelve-factor'));
    assert.equal(codeCacheDir({ env: {}, platform: 'darwin', home: '/Users/u' }), path.join('/Users/u', 'Library', 'Caches', 'twelve-factor'));
  });
  test('a relative XDG_CACHE_HOME is ignored (the XDG spec), no home means no cache', () => {
    assert.equal(codeCacheDir({ env: { XDG_CACHE_HOME: 'rel' }, platform: 'linux', home: '/home/u' }), path.join('/home/u', '.cache', 'twelve-factor'));
    assert.equal(codeCacheDir({ env: {}, platform: 'linux', home: undefined }), undefined);
    assert.equal(codeCacheDir({ env: {}, platform: 'linux', home: 'relative' }), undefined);
    assert.equal(codeCacheDir({ env: {}, platform: 'win32', home: 'C:\\Users\\u' }), undefined);
  });
  test('TWELVE_FACTOR_CODE_CACHE=0 turns it off', () => {
    assert.equal(codeCacheDir({ env: { TWELVE_FACTOR_CODE_CACHE: '0' }, platform: 'linux', home: '/home/u' }), undefined);
    assert.equal(codeCacheDir({ env: { TWELVE_FACTOR_CODE_CACHE: 'false' }, platform: 'linux', home: '/home/u' }), undefined);
  });
});

describe('readCodeCache / writeCodeCache', () => {
  test('a written cache reads back; the file name carries the bundle key and the Node version', () => {
    const dir = path.join(scratch, 'a', 'twelve-factor');
    const name = codeCacheFileName('cli-main', '0123456789abcdef');
    assert.ok(name.startsWith('cli-main-0123456789abcdef-') && name.includes(process.version.replace(/[^\w.-]/g, '_')));
    assert.equal(readCodeCache(dir, name), undefined);
    assert.equal(writeCodeCache(dir, name, Buffer.from('bytes')), true);
    assert.deepEqual(readCodeCache(dir, name), Buffer.from('bytes'));
    assert.deepEqual(fs.readdirSync(dir), [name], 'no temporary file is left');
  });
  test('an empty file is no cache', () => {
    const dir = path.join(scratch, 'b');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'x.bin'), '', { mode: 0o600 });
    assert.equal(readCodeCache(dir, 'x.bin'), undefined);
  });
  test('other bundles\' caches written over a month ago are removed with the next write, newer ones kept', () => {
    const dir = path.join(scratch, 'c');
    writeCodeCache(dir, codeCacheFileName('typescript', 'aaaaaaaaaaaa'), Buffer.from('o'));
    writeCodeCache(dir, codeCacheFileName('typescript', 'bbbbbbbbbbbb'), Buffer.from('r'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    fs.utimesSync(path.join(dir, codeCacheFileName('typescript', 'aaaaaaaaaaaa')), monthAgo, monthAgo);
    fs.utimesSync(path.join(dir, 'notes.txt'), monthAgo, monthAgo);
    writeCodeCache(dir, codeCacheFileName('typescript', 'cccccccccccc'), Buffer.from('n'));
    assert.deepEqual(fs.readdirSync(dir).sort(), [codeCacheFileName('typescript', 'cccccccccccc'), codeCacheFileName('typescript', 'bbbbbbbbbbbb'), 'notes.txt'].sort());
  });
  test('a folder others may write: neither read nor written', { skip: process.platform === 'win32' }, () => {
    const dir = path.join(scratch, 'd');
    writeCodeCache(dir, 'x.bin', Buffer.from('x'));
    fs.chmodSync(dir, 0o775);
    assert.equal(readCodeCache(dir, 'x.bin'), undefined);
    assert.equal(writeCodeCache(dir, 'y.bin', Buffer.from('y')), false);
    assert.deepEqual(fs.readdirSync(dir), ['x.bin']);
  });
});
