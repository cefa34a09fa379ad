// `npm test`: bundle (the LSP and CLI tests run the shipped dist/ files), compile the tests with tsc,
// then run every unit, CLI and language-server test with Node's own test runner.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
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
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
