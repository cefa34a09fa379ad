import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as dotenv from 'dotenv';
import ts = require('typescript');
import fc from 'fast-check';
import { applyEdits, gitIgnoresEnv, planFixes, quoteEnvValue, type EnvFiles } from '../../core/src/fixes/plan';
import { fixIdOf, isPreferred, type FixDescriptor } from '../../core/src/fixes/types';
import { LineIndex } from '../../core/src/lineIndex';
import type { TextEdit } from '../../core/src/types';
import {
  analyzeIn, composeText, CONFIGS, count, counts, DEFAULT_WORKSPACE, ENV_NAMES, envText, existingEnv, existingExample, existingGitignore, FILE_NAMES,
  JS_NAMES, jsProgram, mutatedSeed, params, problemsOf, repoRoot, ROOT, runs, schemaText, SEED, seedCorpus, show, syntaxErrorsOf, unknownProblems, workspace, type Workspace,
} from '../fixtures/fuzz/arbitraries';

// Fuzzing of every fix (the issue's "Fuzzing" part): for every finding a random input gets, every fix it
// offers is planned with `planFixes` against random existing `.env` / `.gitignore` / `.env.example` contents
// (no final newline, CRLF, duplicate keys, BOM) and applied with `applyEdits`. Invariants:
//  1. the output still parses when the input parsed (JS/TS: TypeScript's parse diagnostics; YAML/JSON: `yaml`);
//  2. nothing changes outside the range the fix claims (an edit fix: its edits' ranges; a move: [start, end]),
//     and the planned LSP edits do exactly what the fix's offsets say (no overlap, no CRLF split);
//  3. `.env`, `.gitignore` and `.env.example` are only appended to: the old text is a prefix of the new, the
//     appended lines start on a line of their own, dotenv reads every old key unchanged, and the moved value
//     reads back from `.env` under the name the code now uses; `.env` is git-ignored afterwards;
//  4. planning and applying are deterministic, and so is the analysis that offered the fix;
//  5. fixes of `.env` files that only reorder or drop a duplicate leave what dotenv loads unchanged;
//  6. the fixed file analyses with every invariant of fuzz-rules.
//
// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> node --test out/test/unit/fuzz-fixes.test.js

console.log('fuzz seed', SEED);
const started = performance.now();
const seeds = seedCorpus();
const config = fc.constantFrom<keyof typeof CONFIGS>('default', 'all');

interface Files {
  env?: string;
  gitignore?: string;
  example?: string;
}
const files: fc.Arbitrary<Files> = fc.record({ env: existingEnv, gitignore: existingGitignore, example: existingExample });

/** Applies edits the way LSP clients do: ranges refer to the original text, inserts at one position keep their order. */
function lspApply(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const offsets = edits.map((e, i) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText, i }));
  offsets.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const e of offsets) {
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** Offsets of planned edits that overlap (two edits of one file must not, in LSP or in `applyEdits`). */
function overlapping(text: string, edits: TextEdit[]): string | undefined {
  const index = new LineIndex(text);
  const offsets = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < offsets.length; i++) {
    const a = offsets[i - 1];
    const b = offsets[i];
    if (b.start < a.end) return `[${a.start}, ${a.end}] and [${b.start}, ${b.end}] overlap`;
    if (b.start === a.start && a.start === a.end && b.start === b.end) return `two insertions at ${a.start}: their order differs between applyEdits and LSP clients`;
  }
  return undefined;
}

/** The fix's own offsets applied to the text, in order: what the fix claims to do. */
function claimed(text: string, fix: FixDescriptor, name: string | undefined): { output: string; ranges: Array<[number, number, string]> } {
  const ranges: Array<[number, number, string]> = fix.kind === 'edit'
    ? fix.edits.map((e) => [e.start, e.end, e.text] as [number, number, string]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
    : [[fix.start, fix.end, fix.replacement(name ?? fix.name)]];
  let out = '';
  let at = 0;
  for (const [s, e, t] of ranges) {
    out += text.slice(at, s) + t;
    at = Math.max(at, e);
  }
  return { output: out + text.slice(at), ranges };
}

/** Text outside every claimed range, in order: identical before and after when nothing else changed. */
function outsideUnchanged(before: string, after: string, ranges: Array<[number, number, string]>): string | undefined {
  let b = 0;
  let a = 0;
  for (const [s, e, t] of ranges) {
    const gap = before.slice(b, s);
    if (after.slice(a, a + gap.length) !== gap) return `text before offset ${s} changed: ${JSON.stringify(gap.slice(-40))} → ${JSON.stringify(after.slice(a, a + gap.length).slice(-40))}`;
    a += gap.length + t.length;
    b = Math.max(b, e);
  }
  if (after.slice(a) !== before.slice(b)) return `text after offset ${b} changed: ${JSON.stringify(before.slice(b, b + 40))} → ${JSON.stringify(after.slice(a, a + 40))}`;
  return undefined;
}

/**
 * The string a JS expression evaluates to, for the shapes a move writes and the literals it replaces: string
 * literals, `process.env.NAME` and templates of them. Undefined for anything else (never run as code).
 */
function evaluate(source: string, env: Record<string, string>): string | undefined {
  const sf = ts.createSourceFile('x.ts', `(${source})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  const statement = sf.statements[0];
  if (diagnostics.length > 0 || sf.statements.length !== 1 || !ts.isExpressionStatement(statement)) return undefined;
  const value = (node: ts.Expression): string | undefined => {
    if (ts.isParenthesizedExpression(node)) return value(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(sf) === 'process' && node.expression.name.text === 'env') {
      return env[node.name.text];
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const v = value(span.expression);
        if (v === undefined) return undefined;
        out += v + span.literal.text;
      }
      return out;
    }
    return undefined;
  };
  return value(statement.expression);
}

function parseEnv(text: string): Record<string, string> {
  return dotenv.parse(text);
}

const AUX = { env: `${ROOT}/.env`, gitignore: `${ROOT}/.gitignore`, example: `${ROOT}/.env.example` } as const;

/** Plans and applies one fix; every broken invariant, as text. */
function checkFix(filePath: string, text: string, fix: FixDescriptor, envFiles: EnvFiles, parsedBefore: boolean): { problems: string[]; outputs: Record<string, string> } {
  const problems: string[] = [];
  const names: string[] = [];
  const wrapped: FixDescriptor = fix.kind === 'move-to-env' ? { ...fix, replacement: (n) => (names.push(n), fix.replacement(n)) } : fix;
  const plan = planFixes({ path: filePath, text }, [wrapped], envFiles, 'fuzz');
  const usedName = names[0];
  // A value no `.env` line reads back exactly, or whose line would end a quote `.env` left open, is not moved
  // at all (the editor shows the action disabled, with `refused` as the reason).
  if (fix.kind === 'move-to-env' && plan.applied === 0 && plan.refused !== undefined) {
    if (quoteEnvValue(fix.value) !== undefined && !/['"`]/.test(envFiles.env ?? '')) return { problems: [`refused without cause: ${plan.refused}`], outputs: {} };
    const untouched = plan.changes.every((c) => c.edits.length === 0);
    return { problems: untouched && usedName === undefined ? [] : ['an unmovable value changed a file'], outputs: {} };
  }
  const paths = plan.changes.map((c) => c.path);
  if (new Set(paths).size !== paths.length) problems.push(`two changes to one file: ${paths.join(', ')}`);
  const outputs: Record<string, string> = {};
  for (const change of plan.changes) {
    const key = change.path === filePath ? 'source' : change.path === AUX.env ? 'env' : change.path === AUX.gitignore ? 'gitignore' : change.path === AUX.example ? 'example' : undefined;
    if (key === undefined) {
      problems.push(`a change to an unexpected file ${change.path}`);
      continue;
    }
    const existing = key === 'source' ? text : envFiles[key];
    if (change.create && existing !== undefined) problems.push(`${key}: created although it exists`);
    if (!change.create && existing === undefined) problems.push(`${key}: edited although it does not exist (and not created)`);
    const before = change.create ? '' : (existing ?? '');
    const overlap = overlapping(before, change.edits);
    if (overlap) problems.push(`${key}: ${overlap}`);
    const after = applyEdits(before, change.edits);
    if (after !== lspApply(before, change.edits)) problems.push(`${key}: applyEdits and an LSP client disagree`);
    outputs[key] = after;
    if (key === 'source') {
      const expected = claimed(text, fix, usedName);
      if (after !== expected.output) {
        const i = [...after].findIndex((c, j) => c !== expected.output[j]);
        problems.push(`source: the planned edits differ from the fix's offsets near ${i}: got ${JSON.stringify(after.slice(Math.max(0, i - 20), i + 40))}, the fix says ${JSON.stringify(expected.output.slice(Math.max(0, i - 20), i + 40))}`);
      }
      const outside = outsideUnchanged(text, after, expected.ranges);
      if (outside) problems.push(`source: ${outside}`);
      if (parsedBefore) {
        const errors = syntaxErrorsOf(filePath, after) ?? [];
        if (errors.length > 0) problems.push(`source: parsed before, not after the fix: ${errors.slice(0, 3).join('; ')}\noutput: ${show(after)}`);
      }
    } else {
      // Appends only: every old byte kept, new lines on lines of their own.
      if (!after.startsWith(before)) problems.push(`${key}: not an append: ${JSON.stringify(before)} → ${show(after)}`);
      else if (before.length > 0 && !/[\r\n]$/.test(before) && !/^[\r\n]/.test(after.slice(before.length))) problems.push(`${key}: the appended text joins the last line ${JSON.stringify(before)} → ${show(after)}`);
      if (key === 'env' || key === 'example') {
        const old = parseEnv(before);
        const now = parseEnv(after);
        for (const [k, v] of Object.entries(old)) if (now[k] !== v) problems.push(`${key}: dotenv read ${k}=${JSON.stringify(v)} before and ${JSON.stringify(now[k])} after: ${JSON.stringify(before)} → ${show(after)}`);
      }
    }
  }
  if (fix.kind === 'move-to-env') {
    if (usedName === undefined) problems.push('the move never asked for a name');
    else {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(usedName)) problems.push(`the variable name ${JSON.stringify(usedName)} is not a valid environment variable name`);
      const env = outputs.env ?? envFiles.env ?? '';
      const loaded = parseEnv(env)[usedName];
      // A dropped default of a variable `.env` already set: `.env` keeps its value (never overwritten).
      const keptByEnv = fix.fixedName === true && parseEnv(envFiles.env ?? '')[usedName] !== undefined;
      if (keptByEnv ? loaded !== parseEnv(envFiles.env ?? '')[usedName] : loaded !== fix.value) problems.push(`dotenv reads ${usedName}=${JSON.stringify(loaded)} from .env, the code had ${JSON.stringify(fix.value)}; .env: ${JSON.stringify(env)}`);
      // The code reads the very string it held: the literal, and its replacement with the variable set.
      if (/\.[cm]?[jt]s$/.test(filePath)) {
        const original = evaluate(text.slice(fix.start, fix.end), {});
        if (original !== undefined) {
          const replaced = evaluate(fix.replacement(usedName), { [usedName]: fix.value });
          if (replaced !== undefined && replaced !== original) {
            problems.push(`the code now reads ${JSON.stringify(replaced)} where it had ${JSON.stringify(original)}: ${JSON.stringify(text.slice(fix.start, fix.end))} → ${JSON.stringify(fix.replacement(usedName))}`);
          }
        }
      }
      const gitignore = outputs.gitignore ?? envFiles.gitignore;
      if (!gitIgnoresEnv(gitignore)) problems.push(`.env is not git-ignored after the move: ${JSON.stringify(gitignore)}`);
    }
  }
  // Dotenv's view of a `.env` that a reorder or a duplicate removal touched is what it was.
  // (Not where the text holds U+2028 / U+2029: dotenv's multiline pattern takes them for line ends, the scanner
  // and every editor do not; a quirk of dotenv's, noted in the report rather than asserted.)
  if (fix.kind === 'edit' && (fix.id === 'env-sort-keys' || fix.id === 'env-remove-duplicate') && outputs.source !== undefined && !/[\u2028\u2029]/.test(text)) {
    const a = parseEnv(text);
    const b = parseEnv(outputs.source);
    if (JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort())) {
      problems.push(`${fix.id} changed what dotenv loads: ${JSON.stringify(a)} → ${JSON.stringify(b)}\ninput: ${show(text)}\noutput: ${show(outputs.source)}`);
    }
  }
  // Deterministic.
  const again = planFixes({ path: filePath, text }, [fix], envFiles, 'fuzz');
  if (JSON.stringify(again) !== JSON.stringify(plan)) problems.push('planning twice gives two plans');
  for (const change of again.changes) {
    if (change.path !== filePath) continue;
    if (applyEdits(text, change.edits) !== outputs.source) problems.push('applying twice gives two outputs');
  }
  return { problems, outputs };
}

/** Every fix of every finding of one file; throws with all broken invariants and the input. */
function checkFile(property: string, relativePath: string, text: string, ws: Workspace, which: keyof typeof CONFIGS, existing: Files): void {
  const filePath = `${ROOT}/${relativePath}`;
  const envFiles: EnvFiles = { root: ROOT, ...existing };
  // The world is consistent: a fix of `.env` itself sees the `.env` it edits.
  if (relativePath === '.env') envFiles.env = text;
  if (relativePath === '.env.example') envFiles.example = text;
  const run = analyzeIn(relativePath, text, ws, CONFIGS[which]);
  count(`${property}: files`);
  if (run.result.fixes.size === 0) return;
  const errorsBefore = syntaxErrorsOf(filePath, text);
  const parsedBefore = errorsBefore !== undefined && errorsBefore.length === 0;
  const problems: string[] = [];
  // The analysis that offered the fixes is deterministic too.
  const rerun = analyzeIn(relativePath, text, ws, CONFIGS[which]);
  const describeFixes = (r: typeof run) => JSON.stringify([...r.result.fixes].map(([f, fx]) => [f.fingerprint, fx.map((x) => (x.kind === 'edit' ? x : { ...x, r: x.replacement('N') }))]));
  if (describeFixes(run) !== describeFixes(rerun)) problems.push('analysing twice offers different fixes');
  for (const [finding, fixes] of run.result.fixes) {
    for (const fix of fixes) {
      count(`${property}: fixes`);
      const label = `${relativePath} ${finding.ruleId}/${finding.messageId} fix ${fix.kind === 'edit' ? fix.id : 'move-to-env'}`;
      let checked: ReturnType<typeof checkFix>;
      try {
        checked = checkFix(filePath, text, fix, envFiles, parsedBefore);
      } catch (error) {
        problems.push(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
        continue;
      }
      for (const p of checked.problems) problems.push(`${label}: ${p}`);
      if (checked.outputs.source !== undefined) {
        const fixed = analyzeIn(relativePath, checked.outputs.source, ws, CONFIGS[which]);
        for (const p of problemsOf(fixed)) problems.push(`${label}: the fixed file: ${p}`);
      }
    }
  }
  const reported = unknownProblems(problems);
  if (reported.length > 0) {
    throw new Error(`${reported.join('\n')}\nfile: ${relativePath}\ninput: ${show(text)}\nexisting: ${show(JSON.stringify(existing))}`);
  }
}

/**
 * Fix-all (the quick fix "fix all", `cli --fix`): the first preferred fix of every finding, planned together.
 * Every planned edit is one a fix claims, none overlap, the output parses when the input did, and every move
 * reads back from `.env`.
 */
function checkFixAll(property: string, relativePath: string, text: string, ws: Workspace, which: keyof typeof CONFIGS, existing: Files): void {
  const filePath = `${ROOT}/${relativePath}`;
  const envFiles: EnvFiles = { root: ROOT, ...existing };
  if (relativePath === '.env') envFiles.env = text;
  if (relativePath === '.env.example') envFiles.example = text;
  const run = analyzeIn(relativePath, text, ws, CONFIGS[which]);
  count(`${property}: files`);
  const chosen = run.result.findings.flatMap((f) => (run.result.fixes.get(f) ?? []).filter(isPreferred).slice(0, 1));
  if (chosen.length === 0) return;
  count(`${property}: fixes`, chosen.length);
  const named = new Map<FixDescriptor, string>();
  const wrapped = chosen.map((fix): FixDescriptor => (fix.kind === 'move-to-env' ? { ...fix, replacement: (n) => (named.set(fix, n), fix.replacement(n)) } : fix));
  const problems: string[] = [];
  const plan = planFixes({ path: filePath, text }, wrapped, envFiles, 'fix all');
  const paths = plan.changes.map((c) => c.path);
  if (new Set(paths).size !== paths.length) problems.push(`two changes to one file: ${paths.join(', ')}`);
  const claims = new Set<string>();
  for (const fix of chosen) {
    if (fix.kind === 'edit') for (const e of fix.edits) claims.add(`${e.start}:${e.end}:${e.text}`);
    else if (named.has(fix)) claims.add(`${fix.start}:${fix.end}:${fix.replacement(named.get(fix) as string)}`);
  }
  let envAfter = envFiles.env;
  let gitignoreAfter = envFiles.gitignore;
  for (const change of plan.changes) {
    const key = change.path === filePath ? 'source' : change.path === AUX.env ? 'env' : change.path === AUX.gitignore ? 'gitignore' : 'example';
    const before = change.create ? '' : key === 'source' ? text : (envFiles[key] ?? '');
    const overlap = overlapping(before, change.edits);
    if (overlap) problems.push(`${key}: ${overlap}`);
    const after = applyEdits(before, change.edits);
    if (after !== lspApply(before, change.edits)) problems.push(`${key}: applyEdits and an LSP client disagree`);
    if (key === 'source') {
      const index = new LineIndex(text);
      for (const e of change.edits) {
        const claim = `${index.offsetAt(e.range.start)}:${index.offsetAt(e.range.end)}:${e.newText}`;
        if (!claims.has(claim)) problems.push(`source: a planned edit no fix claims: ${JSON.stringify(claim.slice(0, 120))}`);
      }
      const errorsBefore = syntaxErrorsOf(filePath, text);
      if (errorsBefore !== undefined && errorsBefore.length === 0) {
        const errors = syntaxErrorsOf(filePath, after) ?? [];
        if (errors.length > 0) problems.push(`source: parsed before, not after fix-all: ${errors.slice(0, 3).join('; ')}\noutput: ${show(after)}`);
      }
      for (const p of problemsOf(analyzeIn(relativePath, after, ws, CONFIGS[which]))) problems.push(`the fixed file: ${p}`);
    } else {
      if (!after.startsWith(before)) problems.push(`${key}: not an append`);
      if (key === 'env') envAfter = after;
      if (key === 'gitignore') gitignoreAfter = after;
    }
  }
  for (const [fix, name] of named) {
    if (fix.kind !== 'move-to-env') continue;
    const loaded = parseEnv(envAfter ?? '')[name];
    const keptByEnv = fix.fixedName === true && parseEnv(envFiles.env ?? '')[name] !== undefined;
    if (!keptByEnv && loaded !== fix.value) problems.push(`dotenv reads ${name}=${JSON.stringify(loaded)} from .env, the code had ${JSON.stringify(fix.value)}`);
  }
  if (named.size > 0 && !gitIgnoresEnv(gitignoreAfter)) problems.push(`.env is not git-ignored after fix-all: ${JSON.stringify(gitignoreAfter)}`);
  const reported = unknownProblems(problems);
  if (reported.length > 0) throw new Error(`fix-all: ${reported.join('\n')}\nfile: ${relativePath}\ninput: ${show(text)}\nexisting: ${show(JSON.stringify(existing))}`);
}

describe('fuzz: every fix of every finding', () => {
  test('JS/TS programs: secrets, ports, loggers, sessions, servers', () => {
    fc.assert(
      fc.property(jsProgram, fc.constantFrom(...JS_NAMES), files, workspace, config, (text, name, existing, ws, which) => {
        checkFile('js programs', name, text, ws, which, existing);
      }),
      params(runs(400)),
    );
  });

  test('mutations of the example app, the fixtures and the rule tests\' inputs', () => {
    fc.assert(
      fc.property(mutatedSeed(seeds), fc.subarray([...FILE_NAMES], { minLength: 1, maxLength: 3 }), files, config, (input, names, existing, which) => {
        for (const name of names) checkFile('mutated files', name, input.text, DEFAULT_WORKSPACE, which, existing);
      }),
      params(runs(400)),
    );
  });

  test('.env files against a schema: duplicates, order, enum spelling, unknown and missing keys', () => {
    fc.assert(
      fc.property(envText, fc.constantFrom(...ENV_NAMES), fc.oneof(fc.constant(DEFAULT_WORKSPACE.schema as string), schemaText), files, config,
        (text, name, schema, existing, which) => {
          checkFile('.env files', name, text, { ...DEFAULT_WORKSPACE, schema }, which, existing);
        }),
      params(runs(400)),
    );
  });

  test('compose files: secrets become ${NAME}', () => {
    fc.assert(
      fc.property(composeText, files, (text, existing) => {
        checkFile('compose files', 'docker-compose.yml', text, DEFAULT_WORKSPACE, 'default', existing);
      }),
      params(runs(200)),
    );
  });

  test('fix-all: every preferred fix of a file at once', () => {
    const input = fc.oneof(
      fc.tuple(jsProgram, fc.constantFrom<string>(...JS_NAMES)),
      fc.tuple(envText, fc.constantFrom<string>(...ENV_NAMES)),
      fc.tuple(composeText, fc.constant('docker-compose.yml')),
      fc.tuple(mutatedSeed(seeds).map((m) => m.text), fc.constantFrom<string>(...FILE_NAMES)),
    );
    fc.assert(
      fc.property(input, files, config, ([text, name], existing, which) => {
        checkFixAll('fix-all', name, text, DEFAULT_WORKSPACE, which, existing);
      }),
      params(runs(300)),
    );
  });

  test('the fixes are reached: the generators produce findings with fixes of every kind', () => {
    // Not a fuzz property: a sample of the generators, to show the properties above do check fixes.
    // A rare kind may be missing from one sample: further samples (seeded from this run's seed) are drawn until
    // every kind is seen, a bounded number of times, so the check holds for any FUZZ_SEED.
    const wanted = ['move-to-env', 'port-from-env', 'log-to-stdout', 'session-store-redis', 'add-graceful-shutdown', 'env-remove-duplicate', 'env-sort-keys'];
    const ids = new Set<string>();
    for (let round = 0; round < 8 && !wanted.every((id) => ids.has(id)); round++) {
      const seed = SEED + round;
      const sample = [...fc.sample(jsProgram, { seed, numRuns: 150 }).map((t) => ['src/a.ts', t]), ...fc.sample(envText, { seed, numRuns: 150 }).map((t) => ['.env', t]),
        ...fc.sample(composeText, { seed, numRuns: 30 }).map((t) => ['docker-compose.yml', t])];
      for (const [name, text] of sample) {
        for (const fixes of analyzeIn(name, text, DEFAULT_WORKSPACE, CONFIGS.all).result.fixes.values()) for (const f of fixes) ids.add(fixIdOf(f));
      }
    }
    for (const id of wanted) assert.ok(ids.has(id), `no ${id} fix in 8 samples (got ${[...ids].join(', ')})`);
  });
});

describe('fuzz regressions: fixes (test/fixtures/fuzz)', () => {
  const dir = path.join(repoRoot, 'test/fixtures/fuzz/regressions');
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f !== 'README.md').sort() : [];
  for (const name of names) {
    test(name, () => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const file of FILE_NAMES) checkFile('regressions', file, text, DEFAULT_WORKSPACE, 'all', { env: 'A=1', gitignore: 'node_modules' });
    });
  }
});

describe('fuzz regressions: fixes found by the fuzzers', () => {
  const key = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r'].join('');

  // quoteEnvValue (core/src/fixes/plan.ts) writes a value with `'` double-quoted with backslash escapes, but
  // dotenv unescapes only \n and \r inside double quotes: the app would read `it's\\x-123`. Fails until fixed.
  test('a moved secret with a quote and a backslash reads back from .env unchanged (dotenv)', () => {
    checkFile('regressions', 'src/a.ts', 'const password = "it\'s\\x-123";\n', DEFAULT_WORKSPACE, 'default', { gitignore: '.env\n' });
    checkFile('regressions', 'src/a.ts', 'const password = "it\'s\\"x-123";\n', DEFAULT_WORKSPACE, 'default', { gitignore: '.env\n' });
  });

  // envEntries (core/src/fixes/plan.ts) reads only `KEY=value` lines; dotenv also reads `KEY: value`. The move
  // appends DB_PASSWORD=… after `DB_PASSWORD: other`, and dotenv's later line wins: the existing value is lost.
  test('an existing `KEY: value` line in .env is not overridden by the move', () => {
    checkFile('regressions', 'src/a.ts', "const dbPassword = 's3cr3t-Pa55';\n", DEFAULT_WORKSPACE, 'default', { env: 'DB_PASSWORD: other\n', gitignore: '.env\n' });
  });

  // jsFix (core/src/rules/config/hardcoded-secret.ts) escapes \\, ` and ${ when a literal becomes a template,
  // not CR: a template literal reads a raw CR or CRLF as LF, so the header changes.
  test('a provider key inside a literal with \\r keeps the literal\'s value once it is a template', () => {
    checkFile('regressions', 'src/a.ts', `const header = 'Bearer ${key}\\r\\n';\n`, DEFAULT_WORKSPACE, 'default', { gitignore: '.env\n' });
  });

  // Fix-all on a .env without a final newline: env-add-missing-keys and env-add-final-newline both insert at
  // the end; planFixes keeps both (`start < lastEnd` is false for two empty spans at one offset), so the file
  // gets a blank line, and applyEdits puts the two insertions in the opposite order to an LSP client.
  test('fix-all on a .env without a final newline: one insertion at the end, no blank line', () => {
    checkFixAll('regressions', '.env', 'JWT_SECRET=aaaaaaaaaa!', DEFAULT_WORKSPACE, 'default', {});
  });

  // Known and open: after an unterminated quote the env scanner and dotenv disagree on where a value ends, so
  // sorting keys or removing a duplicate can change what dotenv loads (FUZZ_SEED=206 FUZZ_SCALE=2 finds it).
  // The fix must check dotenv's reading without parsing a large file twice per finding; see the closing note.

});

after(() => {
  const total = [...counts].filter(([k]) => k.endsWith(': files')).reduce((a, [, b]) => a + b, 0);
  const fixes = [...counts].filter(([k]) => k.endsWith(': fixes')).reduce((a, [, b]) => a + b, 0);
  console.log(`fuzz-fixes: seed ${SEED}; ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}; total ${total} files, ${fixes} fixes planned and applied; ` +
    `${Math.round((performance.now() - started) / 1000)} s`);
});
