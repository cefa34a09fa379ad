// The command line of each tool and how to read back what it did (files seen, findings), so a tool that
// silently scanned nothing cannot look fast. Every tool but start-up (`cwd`: the empty folder) runs with cwd =
// the scratch folder, which holds no configuration of ours, secretlint's or ESLint's except the ones written here.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function tools(repo, scratch) {
  const require = createRequire(path.join(repo, 'package.json'));
  const eslintPackage = path.dirname(require.resolve('eslint/package.json'));
  const secretlintPackage = path.dirname(require.resolve('secretlint/package.json'));
  const secretlintCli = path.join(secretlintPackage, 'module', 'cli.js');
  const noSecrets = pathToFileURL(require.resolve('eslint-plugin-no-secrets')).href;
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  const out = (name) => path.join(scratch, `${name}.out`);

  writeFileSync(path.join(scratch, 'secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // Only no-secrets runs. Inline `eslint-disable` comments are off so every line is checked (their
  // "has no effect" notices are not counted), and .cjs files parse as CommonJS.
  writeFileSync(path.join(scratch, 'eslint.config.mjs'), `import noSecrets from ${JSON.stringify(noSecrets)};
export default [
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { 'no-secrets': noSecrets },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    rules: { 'no-secrets/no-secrets': 'error' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
];
`);

  return {
    parse: {
      label: 'bare ts.createSourceFile',
      version: version('typescript'),
      args: (dir) => [path.join(here, '..', 'children', 'parse.mjs'), dir, path.dirname(require.resolve('typescript/package.json'))],
      read: (run) => {
        if (run.status !== 0) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
        return { files: JSON.parse(run.stdout).files, findings: null };
      },
    },
    ours: {
      label: 'twelve-factor scan',
      version: JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version,
      args: (dir) => [path.join(repo, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--output', out('ours'), '--no-gitignore'],
      read: readScan(out('ours')),
    },
    // The same scan in worker threads (`--concurrency`), paired with `ours` on the same files.
    pooled: {
      label: 'twelve-factor scan --concurrency 2',
      version: JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version,
      args: (dir) => [path.join(repo, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--output', out('pooled'), '--no-gitignore', '--concurrency', '2'],
      read: readScan(out('pooled')),
    },
    // Start-up: the same CLI in an empty folder (what a pre-commit hook with nothing to do costs). It runs
    // there, not in the scratch folder: the report's workspace facts are those of the working directory,
    // and from the scratch folder they would search the copied corpus (a health route: ~600 files read).
    startup: {
      label: 'twelve-factor scan, empty folder',
      version: JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version,
      cwd: path.join(scratch, 'empty'),
      args: () => [path.join(repo, 'dist', 'cli.js'), 'scan', '.', '--format', 'json', '--output', out('startup')],
      read: (run) => (run.status === 0 ? { files: 0, findings: 0 } : { error: `exit ${run.status}: ${run.stderr.slice(-500)}` }),
    },
    // --cache: the first run fills a fresh cache folder (the job id names it), the second reads it.
    cached: {
      label: 'twelve-factor scan --cache',
      version: JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version,
      args: (dir, job) => [path.join(repo, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--output', out('cached'), '--no-gitignore',
        '--cache-location', path.join(scratch, `cache-${job.cacheRun}`)],
      read: (run) => {
        if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
        const report = JSON.parse(readFileSync(out('cached'), 'utf8'));
        return { files: report.filesScanned, findings: report.findings.length };
      },
    },
    // The read-the-bytes floor, informational: ripgrep over the same files for a few secret words.
    ripgrep: {
      label: 'ripgrep (informational floor)',
      version: rgVersion(),
      command: '/usr/bin/rg',
      available: rgVersion() !== 'absent',
      args: (dir) => ['--no-config', '-uuu', '-c', '-i', 'password|secret|api[_-]?key|token', dir],
      read: (run) => {
        if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
        return { files: null, findings: run.stdout.split('\n').filter(Boolean).length };
      },
    },
    secretlint: {
      label: 'secretlint (recommend)',
      version: version('secretlint'),
      args: (dir) => ['--import', path.join(here, '..', 'children', 'secretlint-no-profiler.mjs'), path.join(secretlintPackage, 'bin', 'secretlint.js'),
        `${dir}/**/*`, '--secretlintrc', 'secretlintrc.json', '--format', 'json', '--output', out('secretlint'), '--no-color'],
      env: { ...process.env, BENCH_SECRETLINT_CLI: secretlintCli },
      read: (run) => {
        // With --output, secretlint exits 0 even when it finds secrets; 2 is a crash.
        if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
        const results = JSON.parse(readFileSync(out('secretlint'), 'utf8'));
        return { files: results.length, findings: results.reduce((n, r) => n + r.messages.length, 0) };
      },
    },
    eslint: {
      label: 'ESLint + no-secrets',
      version: `${version('eslint')} + ${version('eslint-plugin-no-secrets')}`,
      args: (dir) => [path.join(eslintPackage, 'bin', 'eslint.js'), '--config', 'eslint.config.mjs', '--no-ignore', '--format', 'json',
        '--output-file', out('eslint'), dir],
      read: (run) => {
        if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
        const results = JSON.parse(readFileSync(out('eslint'), 'utf8'));
        let findings = 0;
        let parseErrors = 0;
        for (const r of results) {
          for (const m of r.messages) {
            if (m.fatal) parseErrors++;
            else if (m.ruleId === 'no-secrets/no-secrets') findings++;
          }
        }
        return { files: results.length, findings, parseErrors };
      },
    },
  };
}

/** How a scan of ours is read back: files scanned, findings, skipped files by reason. */
function readScan(file) {
  return (run) => {
    // Exit 1 means "found error-level problems", which is what a scanner of real code should do.
    if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.slice(-500)}` };
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const skipped = {};
    for (const s of report.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
    return { files: report.filesScanned, findings: report.findings.length, skipped };
  };
}

let rg;
/** Debian's ripgrep, when installed; the row is left out otherwise. */
function rgVersion() {
  if (rg === undefined) {
    const r = spawnSync('/usr/bin/rg', ['--version'], { encoding: 'utf8' });
    rg = r.status === 0 ? (/ripgrep ([\d.]+)/.exec(r.stdout)?.[1] ?? 'unknown') : 'absent';
  }
  return rg;
}
