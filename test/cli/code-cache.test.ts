// The CLI's entry compiles its bundle with V8's code cache (core/src/cli/loader.ts, codeCache.ts): a second run
// uses the bytecode the first wrote, reports the same, and a cache folder that is missing, not a folder,
// writable by others, or holding a link or garbage changes nothing but the compile. Asserted by what the loader
// says it did (`TWELVE_FACTOR_CODE_CACHE=debug`) and by the files on disk, never by time.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CLI, cli, workspace } from './run';

const scratch = workspace({}, 'tf-code-cache-');
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
const project = workspace({ 'src/db.ts': "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n", 'src/add.js': 'export const add = (a, b) => a + b;\n' }, 'tf-code-cache-ws-');
after(() => fs.rmSync(project, { recursive: true, force: true }));

let n = 0;
/** A fresh cache home (XDG_CACHE_HOME and HOME), so no run sees another test's cache. */
function cacheHome(): string {
  const home = path.join(scratch, `home-${n++}`);
  fs.mkdirSync(home, { recursive: true });
  return home;
}
function scan(home: string, cwd = project, args: string[] = []) {
  const r = cli(['scan', '.', '--format', 'json', ...args], cwd, { XDG_CACHE_HOME: home, HOME: home, TWELVE_FACTOR_CODE_CACHE: 'debug' });
  const said = /^twelve-factor: code cache of cli-main\.js (\w+)$/m.exec(r.stderr)?.[1];
  const saidTs = /^twelve-factor: code cache of typescript\.js (\w+)$/m.exec(r.stderr)?.[1];
  return { ...r, said, saidTs, report: r.stdout };
}
const cacheFiles = (home: string) => fs.existsSync(path.join(home, 'twelve-factor')) ? fs.readdirSync(path.join(home, 'twelve-factor')).sort() : [];
/** The bundle's cache file (the compiler's is beside it once a file needed a syntax tree). */
const bundleCache = (home: string) => cacheFiles(home).find((f) => f.startsWith('cli-main-'))!;
const reference = cli(['scan', '.', '--format', 'json'], project, { TWELVE_FACTOR_CODE_CACHE: '0' });

describe('the CLI bundle is compiled with V8 code cache', () => {
  test('dist/cli.js is a small loader; the bundle is dist/cli-main.js', () => {
    assert.ok(fs.statSync(CLI).size < 20_000, `dist/cli.js is ${fs.statSync(CLI).size} bytes`);
    assert.doesNotMatch(fs.readFileSync(CLI, 'utf8'), /CLI_BUNDLE_KEY|TYPESCRIPT_KEY|"none"/, 'the build set both content keys');
    assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'cli-main.js')));
  });

  test('the first run writes a private cache, the second uses it; both report as without a cache', () => {
    const home = cacheHome();
    const first = scan(home);
    assert.equal(first.said, 'missing');
    assert.equal(first.saidTs, 'missing');
    assert.equal(first.code, 1);
    const files = cacheFiles(home);
    assert.equal(files.length, 2);
    assert.match(files[0], /^cli-main-[0-9a-f]+-v[\d.]+-\w+\.bin$/);
    assert.match(files[1], /^typescript-[0-9a-f]+-v[\d.]+-\w+\.bin$/);
    if (process.platform !== 'win32') {
      for (const file of files) assert.equal(fs.statSync(path.join(home, 'twelve-factor', file)).mode & 0o777, 0o600);
      assert.equal(fs.statSync(path.join(home, 'twelve-factor')).mode & 0o777, 0o700);
    }
    // This run analysed a file, so it tuned the heap (a V8 flag) before it loaded the compiler: the bundle's cache
    // was made before the change and the compiler's after it, as each was compiled, or V8 would reject them.
    const second = scan(home);
    assert.equal(second.said, 'used');
    assert.equal(second.saidTs, 'used');
    assert.equal(second.code, first.code);
    assert.equal(second.report, first.report);
    assert.equal(first.stdout.length > 0 && reference.stdout.length > 0, true);
    assert.equal(first.code, reference.code);
  });

  test('an empty folder writes the cache at exit, and a scan with files uses it', () => {
    const home = cacheHome();
    const empty = workspace({}, 'tf-code-cache-empty-');
    try {
      const r = scan(home, empty);
      assert.equal(r.said, 'missing');
      assert.equal(r.saidTs, undefined, 'an empty folder does not load the compiler');
      assert.equal(scan(home, empty).said, 'used');
      assert.equal(scan(home).said, 'used');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('TWELVE_FACTOR_CODE_CACHE=0 reads and writes nothing', () => {
    const home = cacheHome();
    const r = cli(['scan', '.', '--format', 'json'], project, { XDG_CACHE_HOME: home, HOME: home, TWELVE_FACTOR_CODE_CACHE: '0' });
    assert.equal(r.code, 1);
    assert.deepEqual(cacheFiles(home), []);
  });

  test('a cache home that is a file: the scan runs as without a cache', () => {
    const home = path.join(cacheHome(), 'not-a-folder');
    fs.writeFileSync(home, 'x');
    const r = scan(home);
    assert.equal(r.said, 'missing');
    assert.equal(r.code, 1);
    assert.equal(r.report, scan(home).report);
  });

  test('a garbage cache is rejected by V8, the scan is unchanged, and the cache is rewritten', () => {
    const home = cacheHome();
    const first = scan(home);
    for (const file of cacheFiles(home)) {
      const full = path.join(home, 'twelve-factor', file);
      fs.writeFileSync(full, Buffer.alloc(fs.statSync(full).size, 0x5a), { mode: 0o600 });
    }
    const r = scan(home);
    assert.equal(r.said, 'rejected');
    assert.equal(r.saidTs, 'rejected');
    assert.equal(r.code, 1);
    assert.equal(r.report, first.report);
    const again = scan(home);
    assert.equal(again.said, 'used');
    assert.equal(again.saidTs, 'used');
  });

  test('a truncated cache is rejected, and the scan is unchanged', () => {
    const home = cacheHome();
    const first = scan(home);
    const full = path.join(home, 'twelve-factor', bundleCache(home));
    fs.truncateSync(full, 1000);
    const r = scan(home);
    assert.equal(r.said, 'rejected');
    assert.equal(r.report, first.report);
  });

  test('a cache folder others may write is neither read nor written', { skip: process.platform === 'win32' }, () => {
    const home = cacheHome();
    scan(home);
    const dir = path.join(home, 'twelve-factor');
    fs.chmodSync(dir, 0o777);
    const before = cacheFiles(home);
    const r = scan(home);
    assert.equal(r.said, 'missing');
    assert.equal(r.saidTs, 'missing');
    assert.equal(r.code, 1);
    assert.deepEqual(cacheFiles(home), before);
    fs.chmodSync(dir, 0o700);
    fs.chmodSync(path.join(dir, bundleCache(home)), 0o666);
    assert.equal(scan(home).said, 'missing', 'a cache file others may write is not read');
  });

  test('a symbolic link where the cache file goes is not followed, neither to read nor to write', { skip: process.platform === 'win32' }, () => {
    const home = cacheHome();
    scan(home);
    const dir = path.join(home, 'twelve-factor');
    const file = bundleCache(home);
    const elsewhere = path.join(scratch, `elsewhere-${n++}.bin`);
    fs.renameSync(path.join(dir, file), elsewhere);
    const bytes = fs.readFileSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(dir, file));
    const r = scan(home);
    assert.equal(r.said, 'missing');
    assert.equal(r.code, 1);
    // The write replaced the link with a file of its own; the link's target is untouched.
    assert.ok(fs.lstatSync(path.join(dir, file)).isFile());
    assert.deepEqual(fs.readFileSync(elsewhere), bytes);
  });

  test('a cache folder that is a link is not used', { skip: process.platform === 'win32' }, () => {
    const home = cacheHome();
    const target = path.join(scratch, `target-${n++}`);
    fs.mkdirSync(target, { mode: 0o700 });
    fs.symlinkSync(target, path.join(home, 'twelve-factor'));
    const r = scan(home);
    assert.equal(r.said, 'missing');
    assert.equal(r.code, 1);
    assert.deepEqual(fs.readdirSync(target), []);
  });
});
