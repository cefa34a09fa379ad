#!/usr/bin/env node
// Measures precision and recall per rule on the audit set (audit/repos.tsv) against the labels in
// audit/verdicts.tsv. Usage: npm run audit -- DIR [--verbose] [--save OUTDIR] [--from SAVED] [--jobs N] [--repos TSV]
//   [--against SAVED]
// DIR holds one checkout per repository, named owner__name, at the commit repos.tsv pins.
// This script builds nothing: it runs the already built dist/cli.js (run `node esbuild.mjs` first).
// --save keeps each repository's JSON report; --from re-reads such reports instead of scanning again.
// --against SAVED compares error+warning findings with saved reports (another build's), finding for finding, each
// with its label: a labeled true positive gone is a regression (exit 1), the rest is listed for triage.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const cli = join(root, 'dist/cli.js');
const LEVELS = new Set(['error', 'warning']);

function parseArgs(argv) {
  const options = { dir: undefined, verbose: false, save: undefined, from: undefined, against: undefined, jobs: 2, repos: 'audit/repos.tsv' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose') options.verbose = true;
    else if (arg === '--save') options.save = argv[++i];
    else if (arg === '--from') options.from = argv[++i];
    else if (arg === '--against') options.against = argv[++i];
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--repos') options.repos = argv[++i];
    else options.dir = arg;
  }
  if (!options.dir && !options.from) {
    console.error('usage: npm run audit -- DIR [--verbose] [--save OUTDIR] [--from SAVED] [--jobs N] [--repos TSV] [--against SAVED]');
    process.exit(2);
  }
  return options;
}

/** Rows of a TSV file with a header line, as objects keyed by the header's names. */
function readTsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i], v])));
}

const key = (repo, path, line, rule) => `${repo}\t${path}\t${line}\t${rule}`;

async function scan(dir, repo) {
  const cwd = join(dir, repo.replace('/', '__'));
  if (!existsSync(cwd)) return { missing: true, findings: [] };
  // Exit code 1 only means "error-level findings": the report is still on stdout.
  const result = await run(process.execPath, [cli, 'scan', '.', '--format', 'json'], {
    cwd, maxBuffer: 256 * 1024 * 1024,
  }).catch((e) => (e.code === 1 ? e : Promise.reject(e)));
  return JSON.parse(result.stdout);
}

async function scanAll(options, repos) {
  const reports = new Map();
  const queue = [...repos];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const head = await run('git', ['-C', join(options.dir, r.repo.replace('/', '__')), 'rev-parse', 'HEAD'])
        .then((o) => o.stdout.trim(), () => '');
      if (head && head !== r.commit) console.error(`warning: ${r.repo} is at ${head}, repos.tsv pins ${r.commit}`);
      const report = await scan(options.dir, r.repo);
      if (report.missing) console.error(`warning: no checkout of ${r.repo} in ${options.dir}`);
      if (options.save) writeFileSync(join(options.save, `${r.repo.replace('/', '__')}.json`), JSON.stringify(report));
      reports.set(r.repo, report);
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, worker));
  return reports;
}

function tally(repos, reports, verdicts) {
  const labels = new Map(verdicts.map((v) => [key(v.repo, v.path, v.line, v.rule), v]));
  const rules = new Map();
  const row = (rule) => rules.get(rule) ?? rules.set(rule, { findings: 0, tp: 0, fp: 0, unlabeled: [], found: new Set() }).get(rule);
  for (const { repo } of repos) {
    for (const f of reports.get(repo)?.findings ?? []) {
      if (!LEVELS.has(f.severity)) continue;
      const k = key(repo, f.file, String(f.line), f.ruleId);
      const r = row(f.ruleId);
      r.findings++;
      const label = labels.get(k);
      // A finding on a line labeled as a miss (fn) is a true positive the tool now finds.
      if (!label) r.unlabeled.push(`${repo} ${f.file}:${f.line} ${f.severity} ${f.message}`);
      else if (label.verdict === 'fp') r.fp++;
      else { r.tp++; r.found.add(k); }
    }
  }
  for (const v of verdicts) if (v.verdict !== 'fp') row(v.rule).positives = (row(v.rule).positives ?? 0) + 1;
  return rules;
}

const ratio = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));

function print(rules, options) {
  const head = ['rule', 'findings', 'tp', 'fp', 'unlabeled', 'precision', 'positives', 'found', 'recall'];
  const body = [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([rule, r]) => [
    rule, r.findings, r.tp, r.fp, r.unlabeled.length, ratio(r.tp, r.tp + r.fp),
    r.positives ?? 0, r.found.size, ratio(r.found.size, r.positives ?? 0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const b of body) console.log(line(b));
  if (options.verbose) {
    for (const [rule, r] of rules) for (const u of r.unlabeled) console.log(`unlabeled ${rule} ${u}`);
  }
}

/**
 * Error+warning findings present in one set of reports and not the other, matched by (repo, path, line, rule,
 * message), each with its label. Returns how many labeled true positives (tp or fn rows) the new reports lost.
 */
function compare(repos, reports, againstDir, verdicts) {
  const labels = new Map(verdicts.map((v) => [key(v.repo, v.path, v.line, v.rule), v.verdict]));
  const entries = (repo, report) => new Map((report?.findings ?? []).filter((f) => LEVELS.has(f.severity))
    .map((f) => [`${key(repo, f.file, String(f.line), f.ruleId)}\t${f.message}`, f]));
  const gone = [];
  const added = [];
  for (const { repo } of repos) {
    const file = join(againstDir, `${repo.replace('/', '__')}.json`);
    if (!existsSync(file)) {
      console.error(`warning: no saved report of ${repo} in ${againstDir}`);
      continue;
    }
    const before = entries(repo, JSON.parse(readFileSync(file, 'utf8')));
    const after = entries(repo, reports.get(repo));
    for (const [k, f] of before) if (!after.has(k)) gone.push({ repo, f, label: labels.get(key(repo, f.file, String(f.line), f.ruleId)) ?? 'unlabeled' });
    for (const [k, f] of after) if (!before.has(k)) added.push({ repo, f, label: labels.get(key(repo, f.file, String(f.line), f.ruleId)) ?? 'unlabeled' });
  }
  const show = (sign, { repo, f, label }) => console.log(`${sign} ${label.padEnd(9)} ${f.ruleId} ${repo} ${f.file}:${f.line} ${f.severity} ${f.message.slice(0, 160)}`);
  console.log(`\nagainst ${againstDir}: ${gone.length} error/warning findings gone, ${added.length} new`);
  for (const g of gone) show('-', g);
  for (const a of added) show('+', a);
  const lost = gone.filter((g) => g.label === 'tp' || g.label === 'fn').length;
  if (lost > 0) console.log(`${lost} labeled true positive(s) no longer found`);
  return lost;
}

const options = parseArgs(process.argv.slice(2));
if (!options.from && !existsSync(cli)) {
  console.error('dist/cli.js is missing: run `node esbuild.mjs` first (this script builds nothing).');
  process.exit(2);
}
if (options.save) mkdirSync(options.save, { recursive: true });
// `--repos audit/repos-python.tsv`: another list of pinned apps; only their verdicts count.
const repos = readTsv(resolve(root, options.repos)); // an absolute path (a TSV of a few rows in /tmp) too
const listed = new Set(repos.map((r) => r.repo));
const verdicts = readTsv(join(root, 'audit/verdicts.tsv')).filter((v) => listed.has(v.repo));
const reports = options.from
  ? new Map(repos.map((r) => [r.repo, JSON.parse(readFileSync(join(options.from, `${r.repo.replace('/', '__')}.json`), 'utf8'))]))
  : await scanAll(options, repos);
console.log(`${repos.length} repositories, error+warning findings; precision = tp/(tp+fp) over labeled findings;`);
console.log('recall = labeled positives (tp and fn rows) found / all labeled positives.');
print(tally(repos, reports, verdicts), options);
if (options.against && compare(repos, reports, options.against, verdicts) > 0) process.exitCode = 1;
