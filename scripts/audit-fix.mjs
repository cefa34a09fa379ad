#!/usr/bin/env node
// Fix-all on real applications (issue 10, "fixes that never leave a project worse"): for each audit checkout,
// clone it to a scratch folder, scan, run `scan --fix`, and check what the fixes did:
// - no error or warning appears that the first scan did not report (counted per rule, file, message and data,
//   since fixed lines move);
// - every file the fixes changed that parsed before still parses (JS/TS, JSON, YAML, Python, Go);
// - a `.env` the fixes touched still sets every variable it set, to the same value (appended, never overwritten).
// Usage: npm run audit:fix -- DIR --repos TSV [--keep] [--only owner/name]
// Needs dist/cli.js (`node esbuild.mjs`) and out/ (`npx tsc -p .`, for the Go and Python grammars).
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const YAML = require('yaml');
const dotenv = require('dotenv');
const cli = join(root, 'dist/cli.js');
const LEVELS = new Set(['error', 'warning']);

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dir || !option('--repos')) {
  console.error('usage: npm run audit:fix -- DIR --repos TSV [--keep] [--only owner/name]');
  process.exit(2);
}
const [header, ...lines] = readFileSync(resolve(root, option('--repos')), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const names = header.split('\t');
const repos = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i], v]))).filter((r) => !option('--only') || r.repo === option('--only'));
const scratch = '/tmp/twelve-factor-audit-fix';
mkdirSync(scratch, { recursive: true });

const treeSitter = require(join(root, 'out/core/src/treesitter/runtime.js'));
await treeSitter.prepareLanguage('go');
await treeSitter.prepareLanguage('python');

/** Whether a file's text parses in its language; undefined for files no parser here reads. */
function parses(file, text) {
  if (/\.(?:[cm]?[jt]sx?)$/.test(file)) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /\.tsx?$/.test(file) ? undefined : ts.ScriptKind.JSX);
    return sf.parseDiagnostics.length === 0;
  }
  if (/\.json$/.test(file)) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  if (/\.ya?ml$/.test(file)) return YAML.parseAllDocuments(text).every((d) => d.errors.length === 0);
  if (/\.py$/.test(file) || /\.go$/.test(file)) {
    const tree = treeSitter.parserFor(/\.py$/.test(file) ? 'python' : 'go').parse(text);
    try {
      return !tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
  }
  return undefined;
}

async function scan(cwd, fix) {
  const argv = [cli, 'scan', '.', '--format', 'json', ...(fix ? ['--fix'] : [])];
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, argv, { cwd, maxBuffer: 512 * 1024 * 1024 }));
  } catch (error) {
    if (error.stdout === undefined || error.code === 2) throw error;
    stdout = error.stdout; // exit 1: findings left
  }
  return JSON.parse(stdout).findings.filter((f) => LEVELS.has(f.severity));
}

/**
 * A `.env` the fixes wrote keeps every variable it had, with its value: a moved secret is appended, and a lint
 * fix (`KEY =v` → `KEY=v`) rewrites a line's form, never what it sets.
 */
function keepsEveryValue(old, now) {
  const before = dotenv.parse(old);
  const after = dotenv.parse(now);
  return Object.entries(before).every(([k, v]) => after[k] === v);
}

const keyOf = (f) => `${f.ruleId}\0${f.file}\0${f.messageId}\0${JSON.stringify(f.data ?? {})}`;
function counts(findings) {
  const out = new Map();
  for (const f of findings) out.set(keyOf(f), (out.get(keyOf(f)) ?? 0) + 1);
  return out;
}

/** Files of `dst` (outside `.git`) that differ from `src` or are new, relative to the folder. */
async function changedFiles(src, dst) {
  let stdout = '';
  try {
    ({ stdout } = await run('diff', ['-rq', '--no-dereference', '--exclude=.git', src, dst], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    if (error.code !== 1) throw error;
    stdout = error.stdout; // exit 1: differences
  }
  const out = [];
  for (const line of stdout.split('\n')) {
    const differ = /^Files (.+) and (.+) differ$/.exec(line);
    const only = /^Only in (.+): (.+)$/.exec(line);
    if (differ) out.push(differ[2].slice(dst.length + 1));
    else if (only && only[1].startsWith(dst)) out.push(join(only[1], only[2]).slice(dst.length + 1));
  }
  return out;
}
let problems = 0;
console.log('repo\tbefore\tafter\tchanged files\tnew findings\tparse regressions\tenv values lost');
for (const { repo } of repos) {
  const src = join(resolve(dir), repo.replace('/', '__'));
  if (!existsSync(src)) continue;
  const dst = join(scratch, repo.replace('/', '__'));
  rmSync(dst, { recursive: true, force: true });
  // A copy with its git folder (what git tracks and ignores decides what is scanned); snapshots may lack
  // large blobs, so no clone. Compared with the checkout afterwards to find what the fixes wrote.
  await run('cp', ['-a', src, dst]);
  const before = await scan(dst, false);
  const after = await scan(dst, true);
  const status = await changedFiles(src, dst);
  const was = counts(before);
  const added = [];
  for (const [key, n] of counts(after)) if (n > (was.get(key) ?? 0)) added.push(key.split('\0').slice(0, 3).join(' '));
  const broken = [];
  const overwritten = [];
  for (const file of status) {
    if (!lstatSync(join(dst, file)).isFile()) continue;
    const now = readFileSync(join(dst, file), 'utf8');
    const old = existsSync(join(src, file)) ? readFileSync(join(src, file), 'utf8') : undefined; // undefined: a new file
    if (/(^|\/)\.env(\.[\w.-]+)?$/.test(file)) {
      if (old !== undefined && !keepsEveryValue(old, now)) overwritten.push(file);
      continue;
    }
    if ((old === undefined || parses(file, old) !== false) && parses(file, now) === false) broken.push(file);
  }
  problems += added.length + broken.length + overwritten.length;
  console.log(`${repo}\t${before.length}\t${after.length}\t${status.length}\t${added.length}\t${broken.length}\t${overwritten.length}`);
  for (const a of added) console.log(`  new: ${a}`);
  for (const b of broken) console.log(`  no longer parses: ${b}`);
  for (const o of overwritten) console.log(`  a variable lost or changed in: ${o}`);
  if (!args.includes('--keep')) rmSync(dst, { recursive: true, force: true });
}
console.log(problems === 0 ? 'fix-all left no project worse' : `${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;
