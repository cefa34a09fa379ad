import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { formatReport, isReportFormat, type JsonReport, type SarifLog } from '../../core/src/report';
import type { ScanResult } from '../../core/src/report/types';
import type { RuleMeta } from '../../core/src/rules/types';
import type { Finding, Severity } from '../../core/src/types';

const ROOT = '/work/proj';
/** An SGR escape sequence; built from the code point so the pattern holds no control character literally. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');
const SECRET_META: RuleMeta = {
  id: 'config/hardcoded-secret',
  defaultSeverity: 'error',
  description: 'Credentials belong in the environment, not in code or committed config.',
  messages: { provider: 'Hardcoded {provider} ({redacted}).' },
  fixable: true,
  sarif: { securitySeverity: '8.5', precision: 'high', tags: ['secrets', 'external/cwe/cwe-798'] },
  kinds: ['js'],
  keywords: [],
};

/** A finding at 0-based `line`/`character`, as the engine reports it. */
function finding(file: string, line: number, character: number, severity: Severity, fingerprint: string): Finding {
  const length = 12;
  return {
    ruleId: SECRET_META.id,
    messageId: 'provider',
    message: `Hardcoded Stripe secret key (sk_l…, 32 chars)`,
    severity,
    file: path.posix.join(ROOT, file),
    range: { start: { line, character }, end: { line, character: character + length } },
    start: line * 100 + character,
    end: line * 100 + character + length,
    data: { provider: 'Stripe secret key', redacted: 'sk_l…, 32 chars' },
    fingerprint,
  };
}

function scan(findings: Finding[], extra: Partial<ScanResult> = {}): ScanResult {
  return { root: ROOT, findings, filesScanned: 3, skipped: [], rules: [SECRET_META], version: '0.1.0', ...extra };
}

/** Two files, given out of order on purpose; one path has a space to exercise URI encoding. */
function sample(): ScanResult {
  return scan([
    finding('src/config.ts', 29, 0, 'warning', 'fp-c'),
    finding('lib/my keys.js', 4, 10, 'info', 'fp-d'),
    finding('src/config.ts', 11, 6, 'error', 'fp-a'),
    finding('src/config.ts', 11, 2, 'error', 'fp-b'),
  ]);
}

const SCHEMA_PATH = path.resolve(__dirname, '../../../test/fixtures/sarif-schema-2.1.0.json');

/**
 * The committed OASIS schema is draft-04 (`id`, draft-04 `$schema`), which Ajv 8 refuses to load. Draft-04
 * and draft-07 differ in meaning only in boolean `exclusiveMinimum`/`exclusiveMaximum`, which this schema
 * never uses (asserted below), so the schema is loaded with just those two top-level keys renamed.
 */
function officialValidator(): ValidateFunction {
  const raw = readFileSync(SCHEMA_PATH, 'utf8');
  const official = JSON.parse(raw) as Record<string, unknown>;
  assert.equal(official.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.doesNotMatch(raw, /exclusiveM(in|ax)imum/);
  const { id, ...rest } = official;
  assert.equal(id, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id });
}

const validate = officialValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

function sarifOf(result: ScanResult): SarifLog {
  return JSON.parse(formatReport(result, 'sarif')) as SarifLog;
}

/** Every key anywhere in a JSON value, to prove a field is absent at any depth. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

describe('text report', () => {
  it('groups by file with 1-based positions and a summary, without colour by default', () => {
    const text = formatReport(sample(), 'text');
    assert.doesNotMatch(text, ANSI);
    assert.equal(
      text,
      [
        'lib/my keys.js',
        '  5:11  info  Hardcoded Stripe secret key (sk_l…, 32 chars)  config/hardcoded-secret',
        '',
        'src/config.ts',
        '  12:3  error  Hardcoded Stripe secret key (sk_l…, 32 chars)  config/hardcoded-secret',
        '  12:7  error  Hardcoded Stripe secret key (sk_l…, 32 chars)  config/hardcoded-secret',
        '  30:1  warning  Hardcoded Stripe secret key (sk_l…, 32 chars)  config/hardcoded-secret',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked, and colour changes nothing but the escape codes', () => {
    const coloured = formatReport(sample(), 'text', { color: true });
    assert.ok(coloured.includes(`${String.fromCharCode(27)}[31m`), 'errors in red');
    assert.equal(coloured.replace(ANSI, ''), formatReport(sample(), 'text'));
  });

  it('says so when nothing was found', () => {
    assert.equal(formatReport(scan([]), 'text'), '✔ No problems found in 3 files.\n');
  });

  it('counts skipped files, and lists them only when verbose', () => {
    const skipped = [
      { file: `${ROOT}/dist/app.min.js`, reason: 'minified' },
      { file: `${ROOT}/data/big.json`, reason: 'too large' },
    ];
    const result = scan([], { skipped });
    const lines = formatReport(result, 'text').trimEnd().split('\n');
    assert.equal(lines.at(-1), '2 files skipped (binary, minified, too large or unreadable; --verbose lists them)');
    const verbose = formatReport(result, 'text', { verbose: true }).trimEnd().split('\n');
    assert.deepEqual(verbose.slice(1), ['skipped data/big.json (too large)', 'skipped dist/app.min.js (minified)']);
  });
});

describe('json report', () => {
  it('has the documented shape, 1-based positions and 2-space indentation', () => {
    const out = formatReport(sample(), 'json');
    assert.ok(out.startsWith('{\n  "version": "0.1.0",\n'));
    const report = JSON.parse(out) as JsonReport;
    assert.deepEqual(Object.keys(report), ['version', 'root', 'filesScanned', 'summary', 'findings', 'suppressed', 'skipped']);
    assert.deepEqual(report.summary, { errors: 2, warnings: 1, infos: 1, hints: 0, suppressed: 0, baselined: 0 });
    assert.equal(report.root, ROOT);
    assert.equal(report.filesScanned, 3);
    assert.deepEqual(report.findings[1], {
      ruleId: 'config/hardcoded-secret',
      messageId: 'provider',
      message: 'Hardcoded Stripe secret key (sk_l…, 32 chars)',
      severity: 'error',
      file: 'src/config.ts',
      line: 12,
      column: 3,
      endLine: 12,
      endColumn: 15,
      data: { provider: 'Stripe secret key', redacted: 'sk_l…, 32 chars' },
      fingerprint: 'fp-b',
    });
  });

  it('orders findings by file, line, column and rule whatever the input order', () => {
    const report = JSON.parse(formatReport(sample(), 'json')) as JsonReport;
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line}:${f.column}`),
      ['lib/my keys.js:5:11', 'src/config.ts:12:3', 'src/config.ts:12:7', 'src/config.ts:30:1'],
    );
    const reversed = scan([...sample().findings].reverse());
    assert.equal(formatReport(reversed, 'json'), formatReport(sample(), 'json'));
  });

  it('writes paths relative to the root with forward slashes, also for a Windows scan', () => {
    const win = finding('x', 0, 0, 'error', 'fp-w');
    win.file = 'C:\\repo\\src\\app.ts';
    const report = JSON.parse(formatReport(scan([win], { root: 'C:\\repo' }), 'json')) as JsonReport;
    assert.equal(report.findings[0].file, 'src/app.ts');
  });
});

describe('sarif report', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const log = sarifOf(sample());
    assertValid(log);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assertValid(sarifOf(scan([])));
  });

  it('the validator really rejects broken SARIF', () => {
    const broken = sarifOf(sample()) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
    const unencoded = sarifOf(sample());
    unencoded.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'lib/my keys.js';
    assert.equal(validate(unencoded), false, 'a raw space is not a valid uri-reference');
  });

  it('has one run whose results point at their rule by index', () => {
    const log = sarifOf(sample());
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
    assert.equal(run.tool.driver.name, 'twelve-factor');
    assert.equal(run.tool.driver.semanticVersion, '0.1.0');
    assert.equal(run.results.length, 4);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('describes each rule for code scanning', () => {
    const rule = sarifOf(sample()).runs[0].tool.driver.rules[0];
    assert.equal(rule.id, 'config/hardcoded-secret');
    assert.equal(rule.name, 'ConfigHardcodedSecret');
    assert.equal(rule.helpUri, 'https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/config/hardcoded-secret.md');
    assert.equal(rule.shortDescription?.text, SECRET_META.description);
    assert.ok(rule.help?.text && rule.help.markdown.includes(rule.helpUri));
    assert.equal(rule.defaultConfiguration?.level, 'error');
    const tags = rule.properties?.tags ?? [];
    for (const tag of ['twelve-factor', 'factor-3', 'security']) assert.ok(tags.includes(tag), tag);
    assert.equal(rule.properties?.['security-severity'], '8.5');
    assert.equal(rule.properties?.precision, 'high');
    assert.ok(tags.includes('external/cwe/cwe-798'), 'the tags of the rule\'s meta');
  });

  it('a rule without SARIF options is not a security alert', () => {
    const rule = sarifOf(scan([], { rules: [{ ...SECRET_META, id: 'logs/file-logging', sarif: undefined }] })).runs[0].tool.driver.rules[0];
    assert.ok(!(rule.properties?.tags ?? []).includes('security'));
    assert.equal(rule.properties?.['security-severity'], undefined);
    assert.equal(rule.properties?.precision, 'high');
  });

  it('maps severities to SARIF levels', () => {
    const severities: Severity[] = ['error', 'warning', 'info', 'hint'];
    const findings = severities.map((s, i) => finding('a.ts', i, 0, s, `fp-${s}`));
    const levels = sarifOf(scan(findings)).runs[0].results.map((r) => r.level);
    assert.deepEqual(levels, ['error', 'warning', 'note', 'note']);
  });

  it('locates results relative to %SRCROOT% with encoded, forward-slash URIs and 1-based regions', () => {
    const run = sarifOf(sample()).runs[0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/proj/' } });
    const [first, second] = run.results.map((r) => r.locations[0].physicalLocation);
    assert.deepEqual(first.artifactLocation, { uri: 'lib/my%20keys.js', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(first.region, { startLine: 5, startColumn: 11, endLine: 5, endColumn: 23 });
    assert.equal(second.artifactLocation.uri, 'src/config.ts');
  });

  it('gives a file outside the root an absolute URI instead of a `..` path', () => {
    const outside = finding('x', 0, 0, 'error', 'fp-o');
    outside.file = '/elsewhere/app.ts';
    const log = sarifOf(scan([outside]));
    assertValid(log);
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'file:///elsewhere/app.ts',
    });
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const before = sarifOf(sample()).runs[0].results;
    const moved = sample();
    for (const f of moved.findings) {
      f.range.start.line += 7;
      f.range.end.line += 7;
    }
    const after = sarifOf(moved).runs[0].results;
    assert.notDeepEqual(after[0].locations, before[0].locations);
    assert.deepEqual(
      after.map((r) => r.partialFingerprints),
      before.map((r) => r.partialFingerprints),
    );
    assert.deepEqual(before[0].partialFingerprints, { 'twelveFactor/v1': 'fp-d' });
  });

  it('lists inline-suppressed findings as results with an inSource suppression and the reason as justification', () => {
    const silenced = finding('src/config.ts', 3, 0, 'error', 'fp-s');
    silenced.suppression = { kind: 'inSource', directive: 'twelve-factor-disable-next-line', justification: 'test key, revoked', line: 2 };
    const bare = finding('src/config.ts', 5, 0, 'error', 'fp-g');
    bare.suppression = { kind: 'inSource', directive: 'gitleaks:allow', line: 5 };
    const log = sarifOf(scan([finding('src/config.ts', 1, 0, 'error', 'fp-a')], { suppressed: [bare, silenced] }));
    assertValid(log);
    const results = log.runs[0].results;
    assert.deepEqual(results.map((r) => [r.locations[0].physicalLocation.region.startLine, r.suppressions]), [
      [2, undefined],
      [4, [{ kind: 'inSource', justification: 'test key, revoked', properties: { directive: 'twelve-factor-disable-next-line' } }]],
      [6, [{ kind: 'inSource', properties: { directive: 'gitleaks:allow' } }]],
    ]);
  });

  it('carries no source text: no snippet, no artifact contents', () => {
    const keys = keysDeep(sarifOf(sample()));
    for (const banned of ['snippet', 'contents', 'contextRegion', 'artifacts']) assert.ok(!keys.has(banned), banned);
  });
});

describe('formatReport', () => {
  it('knows its formats', () => {
    assert.ok(isReportFormat('sarif'));
    assert.ok(!isReportFormat('xml'));
    assert.ok(formatReport(sample(), 'json').endsWith('}\n'));
  });
});
