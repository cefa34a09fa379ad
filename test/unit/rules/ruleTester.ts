import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { parseDocument } from 'yaml';
import { parserFor } from '../../../core/src/treesitter/runtime';
import type { Rule } from '../../../core/src/rules/types';
import type { Finding } from '../../../core/src/types';
import { isPreferred } from '../../../core/src/fixes/types';
import { withoutTextGates } from '../../../core/src/keywords';
import { analysis, applyFixes, fixAll, type Options } from '../../fixtures/workspace/harness';

/**
 * The shared rule tester (ESLint's RuleTester, for this engine): a rule's valid and invalid cases as tables,
 * run through the real engine with an in-memory workspace (`files`) so program rules see several modules.
 * What it enforces for every rule, so each test file need not:
 * - a valid case reports nothing; an invalid case reports exactly its `errors`, in order;
 * - an invalid case whose findings offer a fix states `output` (the file after fix-all of this rule); that
 *   output still parses and holds nothing the rule would fix again; `output: null` states that no fix is offered;
 * - a fix that fix-all does not apply (not preferred: the user chooses) is stated in `suggestions`, the file
 *   after that one fix, as ESLint states its suggestions; each still parses;
 * - every message template is filled (the harness throws on a `{placeholder}` left in a message);
 * - with `redacted` (secret rules), no message quotes the text its finding covers (8 characters or more: words
 *   such as `secret` are in every message);
 * - no case is listed twice (a copy-pasted case tests nothing new);
 * - the text pre-filters (a rule's `keywords` and `gate`, a program rule's `summaryKeywords` and `summaryGate`) only
 *   save work: the full path (`withoutTextGates`: every rule checks and summarises every file) finds the same.
 */
export interface ValidCase extends Options {
  name: string;
  code: string;
  /** The file's absolute path; the tester's default otherwise. */
  filename?: string;
}

/** `[messageId, line (1-based), covered text]`, or an object when severity or data matter too. */
export type ExpectedError =
  | [messageId: string, line: number, text: string]
  | { messageId: string; line?: number; column?: number; text?: string; severity?: Finding['severity']; data?: Record<string, string> };

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The file after applying this rule's preferred fix for every finding; `null`: no fix fix-all would apply. */
  output?: string | null;
  /** The file after each fix that fix-all does not apply (not preferred), finding by finding, in the order offered. */
  suggestions?: string[];
  /**
   * Fix-all passes `output` takes (1 unless stated): a fix whose edits overlap another's waits for the next pass,
   * and `cli --fix` and the editor's fix-all make one pass, so a case that needs 2 documents a fix left half done.
   */
  passes?: number;
  /** The `.env` the fix appends to, before the fix. */
  env?: string;
  /** The `.env` expected after the fix. */
  envOutput?: string;
}

export interface Cases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export interface TesterDefaults extends Options {
  filename: string;
  /** Secret rules: a message never holds the text its finding covers (the secret, 8 characters or more), only a redacted hint. */
  redacted?: boolean;
}

export class RuleTester {
  constructor(private readonly defaults: TesterDefaults) {}

  run(rule: Rule, cases: Cases): void {
    const id = rule.meta.id;
    assertUnique(id, [...cases.valid, ...cases.invalid]);
    describe(id, () => {
      for (const c of cases.valid) test(`valid: ${c.name}`, () => this.checkValid(rule, c));
      for (const c of cases.invalid) test(`invalid: ${c.name}`, () => this.checkInvalid(rule, c));
    });
  }

  private options(c: ValidCase): Options {
    const { redacted: _, ...defaults } = this.defaults;
    return { ...defaults, ...c };
  }

  private checkValid(rule: Rule, c: ValidCase): void {
    const file = c.filename ?? this.defaults.filename;
    const found = analysis(rule, file, c.code, this.options(c)).findings;
    assert.deepEqual(found.map((f) => `${f.messageId} at line ${f.range.start.line + 1}: ${f.message}`), [], 'a valid case reports nothing');
    assertGatesSaveOnlyWork(rule, file, c.code, this.options(c), found);
  }

  private checkInvalid(rule: Rule, c: InvalidCase): void {
    assert.ok(c.errors.length > 0, 'an invalid case names at least one error');
    const file = c.filename ?? this.defaults.filename;
    const result = analysis(rule, file, c.code, this.options(c));
    const found = result.findings;
    assert.deepEqual(found.map((f, i) => actual(f, c.code, c.errors[i])), c.errors.map(normalise));
    assertGatesSaveOnlyWork(rule, file, c.code, this.options(c), found);
    if (this.defaults.redacted) {
      const quoting = found.filter((f) => f.end - f.start >= 8 && f.message.includes(c.code.slice(f.start, f.end)));
      assert.deepEqual(quoting.map((f) => f.message), [], 'a message must not hold the secret it covers');
    }
    const fixes = found.map((f) => result.fixes.get(f) ?? []);
    const offered = fixes.flat().filter((fix) => !isPreferred(fix)).map((fix) => applyFixes(file, c.code, [fix], c.env).source);
    assert.deepEqual(offered, c.suggestions ?? [], 'the files after each fix that fix-all does not apply (`suggestions`)');
    for (const s of offered) assert.deepEqual(parseErrors(file, s), [], 'a suggested fix parses');
    const fixable = fixes.some((list) => list.some(isPreferred));
    if (c.output === undefined) {
      assert.ok(!fixable, 'the finding offers a fix: state the fixed file as `output` (or `output: null` if none is expected)');
      return;
    }
    if (c.output === null) {
      assert.ok(!fixable, '`output: null` but a fix is offered');
      return;
    }
    assert.ok(rule.meta.fixable, `${rule.meta.id} is not marked fixable but a case states an output`);
    let fixed = fixAll(rule, file, c.code, { ...this.options(c), env: c.env });
    for (let pass = 1; pass < (c.passes ?? 1); pass++) fixed = fixAll(rule, file, fixed.source, { ...this.options(c), env: fixed.env });
    assert.equal(fixed.source, c.output, 'the file after fix-all');
    if (c.envOutput !== undefined) assert.equal(fixed.env, c.envOutput, 'the .env after fix-all');
    assert.deepEqual(parseErrors(file, fixed.source), [], 'the fixed file parses');
    // Fix-all converges in its passes (one unless stated): the fixed file holds nothing this rule would fix again.
    const again = analysis(rule, file, fixed.source, this.options(c));
    const left = again.findings.filter((f) => (again.fixes.get(f) ?? []).some(isPreferred)).map((f) => `${f.messageId} at line ${f.range.start.line + 1}`);
    assert.deepEqual(left, [], 'the fixed file still has fixable findings');
  }
}

/** The full path (no text pre-filter) reports what the gated path reported: findings, severities, messages. */
function assertGatesSaveOnlyWork(rule: Rule, file: string, code: string, options: Options, found: readonly Finding[]): void {
  const shape = (f: Finding) => `${f.ruleId} ${f.severity} ${f.start}-${f.end} ${f.messageId}: ${f.message}`;
  const full = withoutTextGates(() => analysis(rule, file, code, options)).findings;
  assert.deepEqual(full.map(shape), found.map(shape), 'the full path (withoutTextGates) finds what the gated path finds');
}

function normalise(e: ExpectedError): ExpectedError {
  return Array.isArray(e) ? e : Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as ExpectedError;
}

/** The finding in the shape of its expectation, so a failure diff shows only what the case states. */
function actual(f: Finding, code: string, expected: ExpectedError | undefined): ExpectedError {
  const line = f.range.start.line + 1;
  const text = code.slice(f.start, f.end);
  if (expected === undefined || Array.isArray(expected)) return [f.messageId, line, text];
  const shaped: Record<string, unknown> = { messageId: f.messageId };
  if (expected.line !== undefined) shaped.line = line;
  if (expected.column !== undefined) shaped.column = f.range.start.character + 1;
  if (expected.text !== undefined) shaped.text = text;
  if (expected.severity !== undefined) shaped.severity = f.severity;
  if (expected.data !== undefined) shaped.data = Object.fromEntries(Object.keys(expected.data).map((k) => [k, f.data?.[k]]));
  return shaped as ExpectedError;
}

function assertUnique(id: string, cases: ValidCase[]): void {
  const seen = new Map<string, string>();
  for (const c of cases) {
    const key = `${c.filename ?? ''}\0${c.code}\0${JSON.stringify([c.files, c.root, c.gitIgnored, c.gitTracked, c.noHost, c.severity, c.testFiles])}`;
    const other = seen.get(key);
    if (other !== undefined) throw new Error(`${id}: cases "${other}" and "${c.name}" are the same input`);
    seen.set(key, c.name);
  }
  const names = cases.map((c) => c.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new Error(`${id}: case names used twice: ${twice.join(', ')}`);
}

/** Syntax errors of the fixed file, by its kind: JS/TS through TypeScript's parser, JSON, YAML, Python through tree-sitter. */
export function parseErrors(file: string, text: string): string[] {
  if (/\.py$/.test(file)) return pythonErrors(text);
  if (/\.(json)$/.test(file)) {
    try {
      JSON.parse(text);
      return [];
    } catch (error) {
      return [String(error)];
    }
  }
  if (/\.ya?ml$/.test(file)) return parseDocument(text).errors.map((e) => e.message);
  if (!/\.[cm]?[jt]sx?$/.test(file)) return [];
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** A Python text's syntax errors (ERROR or MISSING nodes); the test file loads the grammar in `before`. */
function pythonErrors(text: string): string[] {
  const parser = parserFor('python');
  if (!parser) throw new Error('the Python grammar is not loaded: call loadPython in the test file\'s `before`');
  const tree = parser.parse(text);
  try {
    return tree === null ? ['no tree'] : tree.rootNode.hasError ? [`syntax error in: ${text}`] : [];
  } finally {
    tree?.delete();
  }
}
