import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ResolvedConfig } from '../config';
import { applyFixes, FixWriteError } from './fix';
import { GitError } from './git';
import { loadBaseline, selectFindings } from './select';
import { stagedSnapshot } from './staged';
import { BaselineError } from '../report/baseline';
import { DEFAULT_MAX_FILE_SIZE, isAnalysisFailure } from '../engine';
import { readTextSync } from '../gitignore';
import { readForFacts } from '../safeFs';
import { computeCompliance } from '../compliance/model';
import { formatReport, type ReportFormat } from '../report';
import { formatMarkdown } from '../report/markdown';
import { diskWorkspaceHost } from '../workspace/disk';
import { workspaceFacts } from '../workspace/facts';
import { rules } from '../rules';
import { scanPaths, scanPathsPrepared, type ScanOptions, type ScanOutput } from '../scan';
import { languageFailure, type TreeLanguage } from '../treesitter/runtime';
import { scanPathsParallel } from './parallelScan';
import { parseConcurrency, ScanWorkers } from './workers';
import { scanHost } from './scanHost';
import { scanRootFor } from './scanRoot';
import { closeCache, openCache } from './cacheOptions';
import { tuneHeapForScan } from './memory';
import { VERSION } from '../version';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The file scan workers run (`--concurrency`): the CLI's own entry, which serves scans in a worker thread. */
  workerScript?: string;
}

/** How many times `--fix` rescans and fixes again (ESLint's limit): a fix that undid another cannot loop. */
const FIX_PASSES = 10;

const USAGE = `Usage: twelve-factor scan [paths…] [options]

Scans files and folders (default: the current folder) for twelve-factor problems.

Options:
  --format text|json|sarif|markdown
                             output format (default: text); markdown is the compliance report
  --output FILE              write the report to FILE instead of standard output
  --config FILE              configuration file (default: ./${CONFIG_FILE_NAME} if present)
  --fix                      apply every available fix (moves secrets to .env), then report what is left
  --no-gitignore             also scan files that .gitignore excludes
  --cache                    reuse the results of unchanged files from the previous run (not with --fix)
  --cache-location DIR       where --cache keeps its file (default: node_modules/.cache/twelve-factor)
  --cache-strategy metadata|content
                             how --cache knows a file is unchanged: its size and times (default), or its content
  --concurrency off|auto|N   analyse files in worker threads: off (default), auto (by the number of files
                             to analyse and of cores), or at most N; the report is the same as with off
  --max-warnings N           exit 1 when there are more than N warnings
  --staged                   scan the content staged in the git index (for pre-commit), not the working tree
  --baseline FILE            report only the findings FILE (written by --write-baseline) does not hold
  --write-baseline FILE      record the current findings in FILE, then report as with --baseline FILE
  --no-inline-ignores        report what inline comments suppress (twelve-factor-disable…, gitleaks:allow, …)
  --verbose                  list skipped files
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage or configuration error.`;

class UsageError extends Error {}

/** `--concurrency` when it is not given (bench/README.md, "Worker threads", says why). */
const DEFAULT_CONCURRENCY = 'off';

/** The whole CLI as a function of its arguments and streams, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`twelve-factor: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof BaselineError || error instanceof GitError) {
      io.stderr.write(`twelve-factor: ${error.message}\n`);
      return 2;
    }
    if (error instanceof FixWriteError) {
      io.stderr.write(`twelve-factor: --fix stopped: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string' },
      config: { type: 'string' },
      fix: { type: 'boolean', default: false },
      'no-gitignore': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      'cache-strategy': { type: 'string' },
      'max-warnings': { type: 'string' },
      concurrency: { type: 'string' },
      staged: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'no-inline-ignores': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'scan') {
    // `twelve-factor .` (as `eslint .`): name the command the user most likely meant.
    const hint = command !== undefined && fs.existsSync(path.resolve(io.cwd, command)) ? ` (to scan it: twelve-factor scan ${positionals.join(' ')})` : '';
    throw new UsageError(command ? `unknown command '${command}'${hint}` : 'missing command (twelve-factor scan [paths…])');
  }
  const format = values.format as ReportFormat | 'markdown';
  if (!['text', 'json', 'sarif', 'markdown'].includes(format)) throw new UsageError(`unknown format '${format}' (text, json, sarif or markdown)`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings takes a whole number');

  const concurrency = parseConcurrency(values.concurrency ?? DEFAULT_CONCURRENCY);
  if (concurrency === undefined) throw new UsageError(`--concurrency takes off, auto or a whole number above 0, not '${values.concurrency}'`);

  const strategy = values['cache-strategy'];
  if (strategy !== undefined && strategy !== 'metadata' && strategy !== 'content') throw new UsageError(`unknown cache strategy '${strategy}' (metadata or content)`);
  if (values.staged && values.fix) throw new UsageError('--fix edits the working tree and --staged reads the index: use one of them');

  // Paths typed on the command line are the shell's (relative to the current folder); the scan judges the
  // project the targets belong to (scanRoot.ts), and reads its configuration from there.
  const cwd = io.cwd;
  const named = paths.length > 0 ? paths : ['.'];
  for (const t of named) {
    const why = unreadableTarget(path.resolve(cwd, t));
    if (why) throw new UsageError(`cannot read ${t}: ${why}`);
  }
  const root = values.staged ? cwd : scanRootFor(cwd, named);
  const targets = root === cwd ? named : named.map((t) => path.resolve(cwd, t));
  const baseline = values.baseline === undefined ? undefined : loadBaseline(path.resolve(cwd, values.baseline));
  const config = loadConfig(values.config ? path.resolve(cwd, values.config) : path.join(root, CONFIG_FILE_NAME), values.config !== undefined, io);
  if (!config) return 2;

  const progress = format === 'text' && values.output === undefined && io.stderr.isTTY === true;
  const warn = (m: string) => io.stderr.write(`twelve-factor: ${m}\n`);
  // --staged scans a snapshot of the index laid out like the project, and maps its paths back.
  const staged = values.staged ? await stagedSnapshot(root, paths, DEFAULT_MAX_FILE_SIZE, io.env) : undefined;
  const workers = concurrency === 'off' ? undefined : new ScanWorkers(concurrency, io.workerScript ?? path.join(__dirname, 'main.js'));
  const workerFailures: Partial<Record<TreeLanguage, string>> = {};
  let workerFiles: number[] | undefined;
  const onWorkers = values.verbose ? (n: number) => warn(`scanning with ${n} worker threads`) : undefined;
  const scan = async (useCache: boolean): Promise<ScanOutput> => {
    const scanRoot = staged?.root ?? root;
    const scanTargets = staged ? staged.files : targets;
    const start = (): { options: ScanOptions; done: (scanned: ScanOutput) => ScanOutput } => {
      const host = staged ? staged.host(scanHost(staged.root)) : scanHost(root);
      const cache = useCache ? openCache({ root, location: values['cache-location'] === undefined ? undefined : path.resolve(cwd, values['cache-location']), strategy, config, gitignore: !values['no-gitignore'], host, warn }) : undefined;
      const options: ScanOptions = {
        root: scanRoot,
        config,
        gitignore: !values['no-gitignore'],
        host,
        cache,
        // Texts and fix lists only for --fix: a report needs the findings alone.
        fixes: values.fix,
        onFile: progress ? (_file, done) => { if (done % 200 === 0) io.stderr.write(`\rscanned ${done} files…`); } : undefined,
        beforeRead: tuneHeapForScan,
      };
      return { options, done: (scanned) => {
        if (cache) closeCache(cache, warn);
        return staged ? staged.mapBack(scanned) : scanned;
      } };
    };
    if (!workers) {
      return scanPathsPrepared(() => {
        const { options, done } = start();
        return done(scanPaths(scanTargets, options));
      });
    }
    const { options, done } = start();
    const scanned = await scanPathsParallel(scanTargets, { ...options, workers, staged: staged && { projectRoot: root, files: staged.files }, onNotice: warn, onWorkers });
    Object.assign(workerFailures, scanned.languageFailures);
    workerFiles = scanned.workers?.files ?? workerFiles;
    return done(scanned);
  };
  // Fixes are never cached (a move holds the secret): --fix analyses every file. Nor is a staged snapshot,
  // which lives in a temporary folder of its own.
  const cached = (values.cache || values['cache-location'] !== undefined || strategy !== undefined) && !values.fix && !staged;
  let output: ScanOutput;
  try {
    output = await scan(cached);
    if (values.fix) {
      // Fixes that overlap (two that both add an import at the top of a file) apply one per pass, like
      // `eslint --fix`: rescan and fix again until nothing applies, at most FIX_PASSES times.
      let problems = 0;
      const files = new Set<string>();
      for (let pass = 0; pass < FIX_PASSES; pass++) {
        const fixed = applyFixes(output.files, root);
        if (fixed.filesChanged === 0) break;
        problems += fixed.fixesApplied;
        for (const f of fixed.changed) files.add(f);
        output = await scan(false);
      }
      if (problems > 0) io.stderr.write(`Fixed ${problems} problem(s) in ${files.size} file(s).\n`);
    }
  } finally {
    staged?.dispose();
    await workers?.close();
  }
  for (const loss of workers?.losses ?? []) warn(`${loss}; its files were analysed in the main thread`);
  if (values.verbose && workerFiles) warn(`the worker threads analysed ${workerFiles.join(', ')} files`);
  if (progress) io.stderr.write('\r\x1b[K');
  // One line per grammar that failed to load; its files are listed as not fully analysed.
  for (const language of ['python', 'go'] as const) {
    const failure = languageFailure(language) ?? workerFailures[language];
    if (failure) io.stderr.write(`twelve-factor: ${failure}; ${language} files were not fully analysed\n`);
  }

  const selected = selectFindings(output, { root, inlineIgnores: !values['no-inline-ignores'], baseline, writeBaseline: values['write-baseline'] === undefined ? undefined : path.resolve(cwd, values['write-baseline']) });
  for (const note of selected.notes) io.stderr.write(`${note}\n`);
  // The facts of the folder as a whole (lockfile, Procfile, web server…) speak for every language at its root.
  const facts = format === 'json' || format === 'markdown' ? workspaceFacts(root, diskWorkspaceHost(root)) : undefined;
  const result = {
    root,
    findings: selected.findings,
    suppressed: selected.suppressed,
    baselined: selected.baselined,
    filesScanned: output.filesScanned,
    skipped: output.skipped,
    rules: rules.map((r) => r.meta),
    version: VERSION,
    facts,
  };
  const color = values.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const report = format === 'markdown'
    ? formatMarkdown([computeCompliance(root, result.findings, facts ?? [], result.rules, result.filesScanned,
      result.skipped.map((s) => ({ ...s, failed: isAnalysisFailure(s.reason) })))], VERSION)
    : formatReport(result, format, { color, verbose: values.verbose });
  if (values.output) fs.writeFileSync(path.resolve(cwd, values.output), report);
  else io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);

  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

/**
 * Why a path named on the command line cannot be scanned, or undefined: a path the user named and we then
 * pass over would look like a clean result (issue 11), so it is a usage error instead.
 */
function unreadableTarget(abs: string): string | undefined {
  try {
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) fs.readdirSync(abs);
    else if (stat.isFile()) fs.accessSync(abs, fs.constants.R_OK);
    else return 'not a regular file or folder';
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'error';
  }
}

function loadConfig(file: string, explicit: boolean, io: CliIo): ResolvedConfig | undefined {
  // The project's own file is not followed outside the folder; a file the user named is read where it is.
  const text = explicit ? readTextSync(file) : readForFacts(path.dirname(file), file);
  if (text === undefined) {
    // Absent is the default configuration; present but unreadable (permissions, a folder, a FIFO) is an error,
    // never a silent default that would turn the project's severities and ignores off.
    if (explicit || fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined) {
      io.stderr.write(`twelve-factor: cannot read configuration file ${file}\n`);
      return undefined;
    }
    return defaultConfig();
  }
  const { config, problems } = parseConfig(text);
  if (problems.length > 0) {
    for (const p of problems) io.stderr.write(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
    return undefined;
  }
  return config;
}
