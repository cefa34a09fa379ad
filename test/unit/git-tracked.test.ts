import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseIndex } from '../../core/src/git/indexFile';
import { trackedFilesFor } from '../../core/src/git/tracked';
import { isGitIgnored } from '../../core/src/gitignore';
import { scanPaths } from '../../core/src/scan';
import { isWalked, walkFiles } from '../../core/src/walk';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-git-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** git in a repository this test made itself, with no user or system config read. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: tmp },
  });
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

let n = 0;
/**
 * A work tree with every case: tracked files `.gitignore` also lists (committed `.env.example`, `dist/`, a
 * vendored `packages/node_modules/`), untracked ignored files, untracked files nobody ignores.
 */
function repo(): string {
  const root = path.join(tmp, `repo${n++}`);
  fs.mkdirSync(root);
  git(root, 'init', '-q');
  write(root, {
    '.gitignore': 'dist/\n.env*\nnode_modules/\n*.log\n',
    'src/app.ts': 'export const a = 1;\n',
    '.env.example': 'API_KEY=\n',
    'dist/bundle.js': 'var a=1;\n',
    'packages/node_modules/vendored/index.js': 'module.exports = 1;\n',
  });
  git(root, 'add', '.gitignore', 'src/app.ts');
  git(root, 'add', '-f', '.env.example', 'dist/bundle.js', 'packages/node_modules/vendored/index.js');
  git(root, 'commit', '-qm', 'init');
  write(root, {
    'dist/untracked.js': 'var b=2;\n',
    'debug.log': 'x\n',
    'node_modules/dep/index.js': 'module.exports = 2;\n',
    'src/new.ts': 'export const b = 2;\n',
    'notes.md': '# notes\n',
  });
  return root;
}

const walked = (root: string, start = root) =>
  [...walkFiles(start)].map((f) => path.relative(root, f.file).split(path.sep).join('/')).sort();
const lsFiles = (root: string) => git(root, 'ls-files', '-co', '--exclude-standard').split('\n').filter(Boolean).sort();

describe('what git tracks is what we scan', () => {
  test('a work tree: tracked files (ignored or not) plus untracked files not ignored, exactly as git ls-files -co --exclude-standard', () => {
    const root = repo();
    const expected = ['.env.example', '.gitignore', 'dist/bundle.js', 'notes.md', 'packages/node_modules/vendored/index.js', 'src/app.ts', 'src/new.ts'];
    assert.deepEqual(lsFiles(root), expected);
    assert.deepEqual(walked(root), expected);
    const tracked = [...walkFiles(root)].filter((f) => f.tracked).map((f) => path.basename(f.file)).sort();
    assert.deepEqual(tracked, ['.env.example', '.gitignore', 'app.ts', 'bundle.js', 'index.js']);
  });

  test('a walk that starts inside the work tree, and a file named alone, judge by the same index', () => {
    const root = repo();
    assert.deepEqual(walked(root, path.join(root, 'dist')), ['dist/bundle.js']);
    assert.equal(isWalked(root, path.join(root, 'dist', 'bundle.js')), true);
    assert.equal(isWalked(root, path.join(root, 'dist', 'untracked.js')), false);
    assert.equal(isWalked(root, path.join(root, 'dist'), true), true);
    assert.equal(isWalked(root, path.join(root, 'node_modules'), true), false);
    assert.equal(isWalked(root, path.join(root, '.git', 'config')), false);
    const out = scanPaths(['.env.example'], { root });
    assert.equal(out.filesScanned, 1);
  });

  test('a tracked .env that .gitignore lists is public: its secret is reported', () => {
    const root = repo();
    write(root, { '.env': `STRIPE_KEY=${['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_')}\n` });
    assert.equal([...walkFiles(root)].find((f) => path.basename(f.file) === '.env')?.gitIgnored, true);
    const before = scanPaths(['.'], { root }).files.flatMap((f) => f.findings);
    assert.deepEqual(before.map((f) => f.ruleId), [], 'an untracked ignored .env is where secrets belong');
    git(root, 'add', '-f', '.env');
    const all = scanPaths(['.'], { root }).files.flatMap((f) => f.findings);
    assert.equal(all.filter((f) => f.ruleId === 'config/hardcoded-secret').length, 1);
    assert.deepEqual(all.filter((f) => f.ruleId === 'config/env-file-committed').map((f) => f.messageId), ['tracked']);
    assert.equal(isGitIgnored(path.join(root, '.env')), false, 'git does not ignore what it tracks');
    assert.equal(isGitIgnored(path.join(root, '.env.local')), true);
  });

  test('index versions 2, 3 (intent-to-add sets extended flags) and 4 (prefix-compressed paths) read the same', () => {
    const root = repo();
    const index = path.join(root, '.git', 'index');
    const check = (version: number) => {
      git(root, 'update-index', '--index-version', String(version));
      const buf = fs.readFileSync(index);
      assert.equal(buf.readUInt32BE(4), version);
      assert.deepEqual(parseIndex(buf).files.sort(), git(root, 'ls-files').split('\n').filter(Boolean).sort(), `version ${version}`);
    };
    check(2);
    git(root, 'add', '-N', 'src/new.ts');
    check(3);
    check(4);
    assert.equal(fs.readFileSync(path.join(root, '.git', 'index')).readUInt32BE(4), 4);
    assert.deepEqual(walked(root), lsFiles(root));
  });

  test('a split index, a malformed or truncated index: the walk falls back to .gitignore and says why, never throws', () => {
    const root = repo();
    // `.env` files are listed even when ignored (flagged so): the env rules must know they exist.
    const fallback = ['.env.example', '.gitignore', 'notes.md', 'src/app.ts', 'src/new.ts'];
    git(root, 'update-index', '--split-index');
    const notices: string[] = [];
    assert.deepEqual([...walkFiles(root, { onNotice: (_p, m) => notices.push(m) })].map((f) => path.relative(root, f.file)).sort(), fallback);
    assert.match(notices[0], /split index/);
    const index = path.join(root, '.git', 'index');
    git(root, 'update-index', '--no-split-index');
    const good = fs.readFileSync(index);
    for (const bad of [Buffer.from('garbage'), good.subarray(0, good.length - 40), Buffer.concat([good.subarray(0, 8), Buffer.from([0xff, 0xff, 0xff, 0xff]), good.subarray(12)])]) {
      fs.writeFileSync(index, bad);
      const out = scanPaths(['.'], { root });
      assert.ok(out.skipped.some((s) => s.file === index && /git index not read/.test(s.reason)));
      assert.ok(!out.files.some((f) => f.file.includes('bundle.js')));
    }
  });

  test('a linked worktree (.git as a file) reads its own index', () => {
    const root = repo();
    const linked = path.join(tmp, `linked${n++}`);
    git(root, 'worktree', 'add', '-q', linked);
    write(linked, { 'src/other.ts': 'export {};\n', 'dist/x.js': '1\n' });
    assert.deepEqual(walked(linked), lsFiles(linked));
    assert.ok(walked(linked).includes('dist/bundle.js'));
    assert.ok(trackedFilesFor(linked)?.isTracked(path.join(linked, 'dist', 'bundle.js')));
  });

  test('outside git, .gitignore alone decides, as before', () => {
    const root = repo();
    fs.rmSync(path.join(root, '.git'), { recursive: true });
    assert.deepEqual(walked(root), ['.env.example', '.gitignore', 'notes.md', 'src/app.ts', 'src/new.ts']);
  });
});
