// Hosting VS Code offline: code-server 4.100.3 (VS Code 1.100 with a real Node extension host, from npm) driven by
// Debian's headless Chromium through playwright-core. Shared by test/vscode/runOffline.mjs and test/gui/smoke.mjs.
// Everything it installs or writes lives under .vscode-test/ (git-ignored); nothing outside the repository is used.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WORK = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.100.3';
const CS_DIR = path.join(WORK, 'code-server');
const CS_ENTRY = path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';
// @vscode/ripgrep 1.15.11 (code-server 4.100.3's) downloads ripgrep from GitHub unless its cache holds this archive.
const RG_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RG_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Milliseconds since `t0`, for the phase timings the runners print. */
export const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** The Debian packages the offline harness needs; prints the exact apt-get line and exits 2 when any is missing. */
export function requireDebianPackages(extra = []) {
  const needed = [
    { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/krb5/krb5.h') },
    { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
    { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
    ...extra,
  ];
  const missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  console.error(`missing Debian packages: ${missing.join(' ')}. Install them with:`);
  console.error(`  apt-get update && apt-get install -y ${missing.join(' ')}`);
  process.exit(2);
}

/** Installs code-server into .vscode-test/code-server unless the pinned version is already there. */
export function ensureCodeServer() {
  const pkgJson = path.join(CS_DIR, 'node_modules', 'code-server', 'package.json');
  const rg = path.join(CS_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (fs.existsSync(CS_ENTRY) && fs.existsSync(rg) && JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version === CODE_SERVER_VERSION) {
    console.log(`code-server ${CODE_SERVER_VERSION}: already installed in ${path.relative(ROOT, CS_DIR)}`);
    return;
  }
  const t0 = Date.now();
  console.log(`code-server ${CODE_SERVER_VERSION}: installing into ${path.relative(ROOT, CS_DIR)} (1-3 min)…`);
  fs.mkdirSync(CS_DIR, { recursive: true });
  fs.writeFileSync(path.join(CS_DIR, 'package.json'), '{ "name": "code-server-host", "private": true }\n');
  // Pre-seed @vscode/ripgrep's download cache with Debian's rg: its postinstall then skips the GitHub download.
  const tmp = path.join(WORK, 'tmp');
  fs.mkdirSync(path.join(tmp, RG_CACHE_DIR), { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
  execFileSync('tar', ['czf', path.join(tmp, RG_CACHE_DIR, RG_ARCHIVE), '-C', stage, 'rg']);
  fs.rmSync(stage, { recursive: true, force: true });
  const log = path.join(WORK, 'code-server-install.log');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CS_DIR,
    // unsafe_perm: CI runs as root; yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
    env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
  });
  if (result.status !== 0 || !fs.existsSync(CS_ENTRY) || !fs.existsSync(rg)) {
    console.error(fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'));
    throw new Error(`code-server install failed (exit ${result.status}); full log: ${log}`);
  }
  console.log(`code-server ${CODE_SERVER_VERSION}: installed in ${since(t0)}`);
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts an isolated code-server in `runDir` (own user data, extensions, XDG folders, no gallery) in its own process
 * group, and waits until it answers. `env` reaches the extension host. Returns { port, stop }.
 */
export async function startCodeServer(runDir, { env = {}, userSettings = {} } = {}) {
  for (const d of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'workbench.enableExperiments': false, 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false,
    ...userSettings,
  }, null, 2));
  const port = await freePort();
  const log = path.join(runDir, 'code-server.log');
  const out = fs.openSync(log, 'w');
  const child = spawn('setsid', [process.execPath, CS_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions'),
    '--config', path.join(runDir, 'config.yaml')], {
    env: {
      ...process.env, ...env,
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
      EXTENSIONS_GALLERY: '{}',
    },
    stdio: ['ignore', out, out],
  });
  fs.writeFileSync(path.join(runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // setsid execs in place (the child is not a group leader), so the pid is also the new process group's id.
  const pgid = child.pid;
  let exited = false;
  child.on('exit', () => { exited = true; });
  let stopping;
  const stop = () => (stopping ??= (async () => {
    try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && groupAlive(pgid)) await new Promise((r) => setTimeout(r, 200));
    if (groupAlive(pgid)) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
  })());
  const deadline = Date.now() + 60000;
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not yet */ }
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start; see ${log}:\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, stop, pgid, log };
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/** Installs a .vsix into a run folder's extensions directory (before the server starts). */
export function installVsix(runDir, vsix) {
  for (const d of ['user-data', 'extensions', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  execFileSync(process.execPath, [CS_ENTRY, '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions'),
    '--install-extension', vsix, '--force'], {
    env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), XDG_DATA_HOME: path.join(runDir, 'xdg-data'), EXTENSIONS_GALLERY: '{}' },
    stdio: 'pipe',
  });
}

/** Headless Debian Chromium through playwright-core, with a throw-away profile. Returns { context, page, close }. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = createRequire(path.join(ROOT, 'package.json'))('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport,
    // The runners handle signals themselves (they must also stop code-server); playwright's handlers would exit first.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  let closing;
  const close = () => (closing ??= (async () => {
    await context.close().catch(() => {});
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch { /* a leftover temp profile is not worth failing a run */ }
  })());
  return { context, page, close };
}

/** The workbench URL for a folder, optionally with an extension-development payload (what --extensionDevelopmentPath would do). */
export function workbenchUrl(port, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `http://${authority}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Builds dist/ (client, server, CLI) with the project's own build script; exits 2 if it fails.
 * TWELVE_FACTOR_SKIP_BUILD=1 uses dist/ as it is (e.g. when CI built it in an earlier stage).
 */
export function buildExtension() {
  if (process.env.TWELVE_FACTOR_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('the extension does not build (node esbuild.mjs failed, see above)');
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
}
