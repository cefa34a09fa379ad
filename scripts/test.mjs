// `npm test`: bundle (the LSP and CLI tests run the shipped dist/ files), compile the tests with tsc,
// then run every unit, CLI and language-server test with Node's own test runner.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run(process.execPath, ['esbuild.mjs']);
rmSync('out', { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);

const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'cli', 'lsp'];
const files = [];
for (const suite of suites) {
  const dir = path.join('out', 'test', suite);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.test.js')) files.push(path.join(dir, name));
}
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Spec output for people; a TAP copy to count from, so the last line is the plain `N passed, N failed`.
const tap = path.join(os.tmpdir(), `twelve-factor-tests-${process.pid}.tap`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { stdio: 'inherit' });
const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
rmSync(tap, { force: true });
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail')} failed`);
process.exit(result.status ?? 1);
