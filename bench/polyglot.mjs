// `node bench/polyglot.mjs [DIR…]`: what Python and Go support costs (issue 12). Analyses the .py, .go and
// .js/.ts files of the given folders (default: the audit checkouts /work/audit/repos-python and repos-go,
// whose Python and Go apps also hold JavaScript) with the engine in-process, the same files in each round,
// the languages' order alternating between rounds, and prints CPU per file and per 100 KB for each language
// with the spread over rounds, and the one-time grammar load. It also checks what a JS-only workspace pays:
// analysing every JS/TS file must load no grammar at all (a count, printed as PASS/FAIL).
// Runs the compiled sources in out/ (tsc, incremental, first), so it measures the tree as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, spread } from './lib/measure.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
const perLanguage = Number(args.find((a) => a.startsWith('--files='))?.split('=')[1] ?? 400);
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) dirs.push(...['/work/audit/repos-python', '/work/audit/repos-go'].filter(existsSync));
if (dirs.length === 0) {
  console.error('bench/polyglot: no folders given and no audit checkouts found (audit/README.md tells how to make them)');
  process.exit(2);
}

execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', repo, '--incremental', '--tsBuildInfoFile', path.join(repo, 'out/.tsbuildinfo')], { stdio: 'inherit' });
const load = createRequire(import.meta.url);
const out = (p) => load(path.join(repo, 'out/core/src', p));
const { FileContext } = out('context.js');
const { analyze } = out('engine.js');
const { defaultConfig } = out('config.js');
const { prepareFor } = out('treesitter/prepare.js');
const { isLanguageSettled, parserFor } = out('treesitter/runtime.js');

const SKIP = new Set(['node_modules', '.git', 'vendor', 'dist', 'build', '.venv', 'venv', '__pycache__']);
const LANGUAGES = { python: /\.py$/, go: /\.go$/, js: /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/ };
const files = { python: [], go: [], js: [] };
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) walk(full);
    } else if (e.isFile() && statSync(full).size <= 512 * 1024) {
      for (const [language, pattern] of Object.entries(LANGUAGES)) if (pattern.test(e.name)) files[language].push(full);
    }
  }
}
for (const dir of dirs) walk(dir);
const corpus = Object.fromEntries(Object.entries(files).map(([language, list]) => {
  const step = Math.max(1, list.length / perLanguage);
  const picked = list.filter((_, i) => Math.floor(i % step) === 0).slice(0, perLanguage);
  return [language, picked.map((file) => ({ file, text: readFileSync(file, 'utf8') }))];
}));
const config = defaultConfig();
const analyseAll = (entries) => {
  let findings = 0;
  for (const { file, text } of entries) findings += analyze(new FileContext(file, text), { config, relativePath: path.basename(file) }).findings.length;
  return findings;
};
const cpuMs = (fn) => {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

// A JS-only workspace: every JS/TS file analysed before any grammar could have been asked for.
analyseAll(corpus.js);
const jsOnlyLoadsNone = !isLanguageSettled('python') && !isLanguageSettled('go');

const loadStart = process.cpuUsage();
for (const language of ['python', 'go']) for (const { file, text } of corpus[language]) await prepareFor(file, text);
const loaded = process.cpuUsage(loadStart);

// The floor: a bare tree-sitter parse of the same files (what any tree-based analysis pays).
const parseAll = (language, entries) => {
  const parser = parserFor(language);
  for (const { text } of entries) parser.parse(text)?.delete();
};
const times = { python: [], go: [], js: [] };
const floors = { python: [], go: [] };
const order = ['python', 'go', 'js'];
for (let round = 0; round < rounds; round++) {
  const languages = round % 2 === 0 ? order : [...order].reverse();
  for (const language of languages) {
    times[language].push(cpuMs(() => analyseAll(corpus[language])));
    if (language in floors) floors[language].push(cpuMs(() => parseAll(language, corpus[language])));
  }
}

const kb = (entries) => entries.reduce((n, e) => n + e.text.length, 0) / 1024;
console.log(`folders: ${dirs.join(', ')}; ${rounds} rounds, languages alternating`);
console.log('language  files     KB   CPU/round ms  spread   ms/file  ms/100KB  ÷ bare parse');
for (const language of order) {
  const entries = corpus[language];
  const ms = median(times[language]);
  const row = [language.padEnd(8), String(entries.length).padStart(6), kb(entries).toFixed(0).padStart(7), ms.toFixed(0).padStart(13),
    `±${(spread(times[language]) / 2).toFixed(0)}%`.padStart(8), (ms / Math.max(1, entries.length)).toFixed(2).padStart(9),
    (ms / Math.max(1, kb(entries)) * 100).toFixed(1).padStart(9),
    (language in floors ? `${(ms / median(floors[language])).toFixed(2)}×` : '-').padStart(13)];
  console.log(row.join(' '));
}
console.log(`grammar load (runtime + Python + Go, once per process): ${((loaded.user + loaded.system) / 1000).toFixed(0)} ms CPU`);
console.log(`JS-only workspace loads no grammar: ${jsOnlyLoadsNone ? 'PASS' : 'FAIL'}`);
