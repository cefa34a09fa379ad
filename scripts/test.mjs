// `npm test`: bundle (the LSP and CLI tests run the shipped dist/ files), compile the tests with tsc, then run
// every unit, CLI and language-server test file with Node's own test runner, several files at once.
// `npm run test:unit` (`node scripts/test.mjs --unit`): tsc only, the unit tests only: the edit loop.
// Further arguments name suites (`node scripts/test.mjs lsp`). Output: a dot per passing test, failures in
// full, the slowest files, then the plain `N passed, N failed` line that CI reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const named = args.filter((a) => !a.startsWith('--'));
const suites = unitOnly ? ['unit'] : named.length > 0 ? named : ['unit', 'cli', 'lsp'];
const started = Date.now();

const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: 'inherit' });
if (!unitOnly) run(process.execPath, ['esbuild.mjs']);
// Incremental: out/ is kept between runs, so an unchanged tree compiles in seconds. A test file whose source
// was deleted is not run (the list below comes from the sources), so stale output does no harm.
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--incremental', '--tsBuildInfoFile', 'out/.tsbuildinfo']);
const built = Date.now();

// Rule tests live in test/unit/rules/<factor>/<name>.test.ts, mirroring core/src/rules: walk the folders.
const testsUnder = (dir) => readdirSync(dir, { withFileTypes: true })
  .sort((a, b) => a.name.localeCompare(b.name))
  .flatMap((e) => e.isDirectory() ? testsUnder(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []);
const files = [];
for (const suite of suites) {
  const dir = path.join('test', suite);
  if (!existsSync(dir)) continue;
  for (const file of testsUnder(dir)) files.push(path.join('out', file.replace(/\.ts$/, '.js')));
}
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Test files are independent (each makes its own temporary folders and server processes), and many of them
// mostly wait on child processes: three at a time keep two cores busy.
const concurrency = process.env.TEST_CONCURRENCY ?? String(Math.max(3, os.availableParallelism() + 1));
// A TAP copy to count from, so the last line is the plain `N passed, N failed`.
const tap = path.join(os.tmpdir(), `twelve-factor-tests-${process.pid}.tap`);
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`,
  '--test-reporter=./scripts/test-reporter.mjs', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { stdio: 'inherit' });
const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
rmSync(tap, { force: true });
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
console.log(`${files.length} files in ${seconds(Date.now() - built)} (build ${seconds(built - started)}, concurrency ${concurrency})`);
console.log(`${count('pass')} passed, ${count('fail')} failed`);
process.exit(result.status ?? 1);
