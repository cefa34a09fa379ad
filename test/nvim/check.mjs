// A second, independent LSP client: Debian's headless Neovim starts the bundled server (`node dist/server.js --stdio`)
// for a copy of examples/src/payments.ts and reports the diagnostics it received (check.lua); this script checks them.
//
//   node test/nvim/check.mjs                               needs: apt-get install -y neovim (0.7 or later)
//   TWELVE_FACTOR_NVIM_SERVER=/path/server.js …            check another build of the server (e.g. a prototype)
//
// Last line: `N passed, N failed`. Exit 0 only if every check passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const FILE = 'src/payments.ts';
const RULE = 'config/hardcoded-secret';
const T0 = Date.now();

const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (nvimVersion.status !== 0) {
  console.error('Neovim is missing. Install it with:\n  apt-get update && apt-get install -y neovim');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
console.log(`[nvim] ${nvimVersion.stdout.split('\n')[0]}`);

let server = process.env.TWELVE_FACTOR_NVIM_SERVER;
if (!server) {
  server = path.join(ROOT, 'dist', 'server.js');
  if (process.env.TWELVE_FACTOR_SKIP_BUILD !== '1' || !fs.existsSync(server)) {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('the server does not build (node esbuild.mjs failed, see above)');
      console.log('0 passed, 1 failed');
      process.exit(2);
    }
  }
}

// A copy of the demo app's package.json and the file with a planted key: the session never touches examples/.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-nvim-'));
const workspace = path.join(runDir, 'examples');
fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
for (const rel of ['package.json', '.gitignore', FILE]) fs.copyFileSync(path.join(ROOT, 'examples', rel), path.join(workspace, rel));
const text = fs.readFileSync(path.join(workspace, FILE), 'utf8');
const secret = /new Stripe\('([^']+)'\)/.exec(text)?.[1];
const secretLine = text.split('\n').findIndex((l) => secret && l.includes(secret));
const out = path.join(runDir, 'diagnostics.json');

const nvim = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-S', path.join(HERE, 'check.lua')], {
  cwd: workspace,
  env: {
    ...process.env, TWELVE_FACTOR_SERVER: server, TWELVE_FACTOR_FILE: path.join(workspace, FILE), TWELVE_FACTOR_ROOT: workspace,
    TWELVE_FACTOR_OUT: out, TWELVE_FACTOR_WAIT_MS: process.env.TWELVE_FACTOR_NVIM_WAIT_MS ?? '15000',
    XDG_CONFIG_HOME: path.join(runDir, 'config'), XDG_DATA_HOME: path.join(runDir, 'data'), XDG_STATE_HOME: path.join(runDir, 'state'),
    XDG_CACHE_HOME: path.join(runDir, 'cache'),
  },
  encoding: 'utf8',
  timeout: 60000,
  killSignal: 'SIGKILL',
});

const checks = [];
function check(name, fn) {
  try {
    const detail = fn();
    checks.push(true);
    console.log(`  ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    checks.push(false);
    console.log(`  FAIL ${name}: ${error.message}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

let result;
check('headless Neovim ran check.lua and wrote its report', () => {
  assert(!nvim.error, `nvim did not finish: ${nvim.error?.message}`);
  assert(fs.existsSync(out), `no report (nvim exit ${nvim.status}): ${`${nvim.stdout}${nvim.stderr}`.trim().slice(0, 500)}`);
  result = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert(result.errors.length === 0, result.errors.join('; '));
  return `Neovim ${result.nvim.major}.${result.nvim.minor}.${result.nvim.patch}`;
});
check('the server initializes over stdio', () => {
  assert(result?.initialized === true, 'the client never reached initialized');
  return `the server offers pull diagnostics (diagnosticProvider): ${result.pull_diagnostics === true}`;
});
const ours = (result?.diagnostics ?? []).filter((d) => d.source === 'twelve-factor');
check('Neovim receives diagnostics (textDocument/publishDiagnostics)', () => {
  assert(result?.got_diagnostics === true && result.published > 0,
    `none within the wait (publishDiagnostics received: ${result?.published ?? 0}; the server offers pull diagnostics: ${result?.pull_diagnostics}). ` +
    'Neovim 0.7 does not pull (textDocument/diagnostic): the server must publish when the client lacks textDocument.diagnostic');
  return `${result.diagnostics.length} diagnostic(s), ${result.published} publication(s)`;
});
check(`a twelve-factor diagnostic for ${RULE} on the planted key`, () => {
  const d = ours.find((x) => (x.code ?? x.user_data?.lsp?.code) === RULE);
  assert(d, `none among ${JSON.stringify((result?.diagnostics ?? []).map((x) => [x.source, x.code ?? x.user_data?.lsp?.code]))}`);
  assert(/secret/i.test(d.message), `message: ${d.message}`);
  assert(d.lnum === secretLine && d.col === text.split('\n')[secretLine].indexOf(secret), `at ${d.lnum}:${d.col}, expected ${secretLine}:${text.split('\n')[secretLine].indexOf(secret)}`);
  assert(d.severity === 1, `severity ${d.severity}, expected 1 (error)`);
  return `${d.lnum + 1}:${d.col + 1} ${d.message}`;
});
check('no diagnostic holds the secret', () => {
  assert(secret, 'no planted key found in the copy');
  assert(!JSON.stringify(result?.diagnostics ?? []).includes(secret.slice(8)), 'a diagnostic holds the key beyond its prefix');
});

const failed = checks.filter((ok) => !ok).length;
if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
else console.log(`[nvim] run folder kept: ${runDir}`);
console.log(`[nvim] total ${((Date.now() - T0) / 1000).toFixed(1)} s`);
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
