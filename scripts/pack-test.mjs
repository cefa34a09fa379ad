// `npm run test:pack`: the package as a user gets it. Packs the tarball (prepack builds the bundles), checks
// what it holds, installs it into a fresh project outside this repository with an empty npm cache and no
// network (the CLI bundle carries its dependencies, so there is nothing to download), and runs the CLI there
// through `npx --package <tarball>` and through the installed `bin`. Prints `N passed, N failed`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const work = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-pack-'));
const cache = path.join(work, 'npm-cache');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Offline and with a cache of its own: a dependency the tarball forgot to carry fails here instead of downloading.
const npmEnv = { ...process.env, npm_config_offline: 'true', npm_config_cache: cache, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

// Generated-looking: a word found by its name alone in an ordinary module is information, which exits 0.
const SECRET = ['s3cr3t', '-Pa55-Xk9qLm'].join('');
let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(error instanceof Error ? error.message : error).split('\n').join('\n  ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env: npmEnv, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}
function project(name, files) {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

try {
  console.log(`$ npm pack (in ${work})`);
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: repo, env: { ...process.env, npm_config_cache: cache }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }))[0];
  const tarball = path.join(work, packed.filename);
  const files = packed.files.map((f) => f.path).sort();

  check('the tarball holds the CLI bundle and the docs, nothing else', () => {
    const expected = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'dist/jsonc-parser.js', 'dist/picomatch.js', 'dist/re2js.js', 'dist/tree-sitter-go.wasm',
      'dist/tree-sitter-python.wasm', 'dist/tree-sitter.js', 'dist/tree-sitter.wasm', 'dist/typescript.js', 'dist/yaml.js', 'package.json'];
    assert(JSON.stringify(files) === JSON.stringify(expected), `files: ${files.join(', ')}`);
  });
  check('it declares no runtime dependency (the bundle carries them) and a bin', () => {
    assert(!pkg.dependencies || Object.keys(pkg.dependencies).length === 0, `dependencies: ${JSON.stringify(pkg.dependencies)}`);
    assert(pkg.bin?.['twelve-factor'] === 'dist/cli.js', 'bin twelve-factor → dist/cli.js');
  });

  const leaky = project('leaky-app', {
    'package.json': JSON.stringify({ name: 'leaky-app', version: '1.0.0', private: true }),
    'src/db.js': `module.exports.dbPassword = '${SECRET}';\n`,
  });
  const python = project('python-app', {
    'settings.py': `import os\nSECRET_KEY = '${SECRET}'\nDEBUG = os.getenv('DEBUG', 'false')\n`,
    'log.py': "import logging\nhandler = logging.FileHandler('app.log')\n",
  });
  const clean = project('clean-app', {
    'package.json': JSON.stringify({ name: 'clean-app', version: '1.0.0', private: true }),
    'src/db.js': 'module.exports.dbPassword = process.env.DB_PASSWORD;\n',
  });

  // `npx --package ./twelve-factor-*.tgz twelve-factor scan`, without installing anything into the project.
  const viaNpx = (dir, ...args) => run(npx, ['--yes', '--package', tarball, 'twelve-factor', ...args], dir);
  check('npx --package <tarball>: findings exit 1, redacted', () => {
    const r = viaNpx(leaky, 'scan');
    assert(r.code === 1, `exit ${r.code}\n${r.stdout}${r.stderr}`);
    assert(/src\/db\.js/.test(r.stdout) && /config\/hardcoded-secret/.test(r.stdout), r.stdout);
    assert(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), 'the secret is printed');
  });
  check('npx --package <tarball>: a clean project exits 0', () => {
    const r = viaNpx(clean, 'scan', '.');
    assert(r.code === 0, `exit ${r.code}\n${r.stdout}${r.stderr}`);
    assert(/No problems found/.test(r.stdout), r.stdout);
  });
  check('npx --package <tarball>: bad usage exits 2 with a message on stderr', () => {
    const r = viaNpx(clean, 'scan', '--format', 'xml');
    assert(r.code === 2 && /unknown format/.test(r.stderr), `exit ${r.code}\n${r.stderr}`);
  });

  check('npx --package <tarball>: Python findings, parsed with the packaged tree-sitter grammar', () => {
    const r = viaNpx(python, 'scan', '--format', 'json');
    assert(r.code === 1, `exit ${r.code}\n${r.stdout}${r.stderr}`);
    const report = JSON.parse(r.stdout);
    const found = JSON.stringify(report).match(/"ruleId":"[^"]+"/g) ?? [];
    assert(found.includes('"ruleId":"config/hardcoded-secret"') && found.includes('"ruleId":"logs/file-logging"'), `rules: ${found.join(', ')}\n${r.stderr}`);
    assert(!/not fully analysed|could not be loaded/.test(r.stdout + r.stderr), `${r.stdout}\n${r.stderr}`);
    assert(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), 'the secret is printed');
  });
  check('npm install <tarball> offline with an empty cache, then the bin runs', () => {
    const r = run(npm, ['install', '--save-dev', tarball], leaky);
    assert(r.code === 0, `npm install exit ${r.code}\n${r.stderr}`);
    const v = run(npx, ['--no-install', 'twelve-factor', '--version'], leaky);
    assert(v.code === 0 && v.stdout.trim() === pkg.version, `--version: exit ${v.code} ${v.stdout}${v.stderr}`);
  });
  check('the installed bin writes SARIF 2.1.0 with paths relative to the project', () => {
    const r = run(npx, ['--no-install', 'twelve-factor', 'scan', '--format', 'sarif', '--output', 'out.sarif'], leaky);
    assert(r.code === 1, `exit ${r.code}\n${r.stderr}`);
    const text = readFileSync(path.join(leaky, 'out.sarif'), 'utf8');
    const sarif = JSON.parse(text);
    assert(sarif.version === '2.1.0' && sarif.runs.length === 1, 'one SARIF 2.1.0 run');
    const uris = sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert(JSON.stringify(uris) === JSON.stringify(['src/db.js']), `uris: ${uris}`);
    assert(!text.includes(SECRET), 'the secret is in the SARIF');
  });
} catch (error) {
  failed++;
  console.log(`not ok - packing failed: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
