import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, parseConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { LineIndex } from '../../core/src/lineIndex';
import { rules } from '../../core/src/rules';
import { Suppressions } from '../../core/src/suppressions';
import type { Rule } from '../../core/src/rules/types';
import { redact } from '../../core/src/secrets/redact';
import { run, secrets } from './helpers';

// Generated-looking: a word found by its name alone would be information (hardcoded-secret-second-signal.test.ts).
const PW = "const dbPassword = 's3cr3t-Pa55-Xk9qLm';";

describe('suppressions', () => {
  const cases: Array<[string, string, number]> = [
    ['next-line comment', `// twelve-factor-disable-next-line config/hardcoded-secret -- demo value\n${PW}`, 0],
    ['next-line comment for all rules', `// twelve-factor-disable-next-line\n${PW}`, 0],
    ['next-line comment for another rule', `// twelve-factor-disable-next-line logs/file-logging\n${PW}`, 1],
    ['same-line comment', `${PW} // twelve-factor-disable-line`, 0],
    ['block comment syntax', `/* twelve-factor-disable-next-line config/hardcoded-secret */\n${PW}`, 0],
    ['disable/enable block', `/* twelve-factor-disable */\n${PW}\n/* twelve-factor-enable */\n${PW.replace('dbPassword', 'otherPassword')}`, 1],
    ['gitleaks:allow', `${PW} // gitleaks:allow`, 0],
    ['pragma: allowlist secret', `${PW} // pragma: allowlist secret`, 0],
    ['pragma: allowlist nextline secret', `// pragma: allowlist nextline secret\n${PW}`, 0],
    ['secretlint-disable-line', `${PW} // secretlint-disable-line`, 0],
    ['secretlint-disable-next-line', `// secretlint-disable-next-line\n${PW}`, 0],
    ['a comment two lines up does not count', `// twelve-factor-disable-next-line\n\n${PW}`, 1],
  ];
  for (const [name, code, count] of cases) {
    test(name, () => assert.equal(secrets('src/a.ts', code).length, count));
  }
  test('suppressed findings are kept apart with the directive and its reason, for audits', () => {
    const r = run('src/a.ts', `// twelve-factor-disable-next-line config/hardcoded-secret -- demo value, revoked */\n${PW}\nconst apiPassword = 'an0ther-Pa55w'; // gitleaks:allow`);
    assert.equal(r.findings.length, 0);
    assert.deepEqual(r.suppressed.map((f) => [f.ruleId, f.range.start.line, f.suppression]), [
      ['config/hardcoded-secret', 1, { kind: 'inSource', directive: 'twelve-factor-disable-next-line', justification: 'demo value, revoked', line: 0 }],
      ['config/hardcoded-secret', 2, { kind: 'inSource', directive: 'gitleaks:allow', line: 2 }],
    ]);
    const block = run('src/a.ts', `/* twelve-factor-disable -- generated fixtures */\n${PW}\n/* twelve-factor-enable */`).suppressed;
    assert.equal(block[0].suppression?.justification, 'generated fixtures');
  });
  // ESLint's own rule for undeclared imports, disabled by name (ntfy's service worker): the same choice, for our rule.
  test('eslint-disable import/no-extraneous-dependencies silences dependencies/undeclared-dependency only', () => {
    const parse = (text: string) => Suppressions.parse(text, new LineIndex(text));
    const UNDECLARED = 'dependencies/undeclared-dependency';
    const file = parse('/* eslint-disable import/no-extraneous-dependencies */\nimport { a } from "workbox-core";\n');
    assert.ok(file.isSuppressed(UNDECLARED, 1));
    assert.ok(!file.isSuppressed('config/hardcoded-secret', 1, true));
    assert.ok(parse('// eslint-disable-next-line import/no-extraneous-dependencies -- dev tool\nimport a from "x";\n').isSuppressed(UNDECLARED, 1));
    assert.ok(parse('import a from "x"; // eslint-disable-line n/no-extraneous-import\n').isSuppressed(UNDECLARED, 0));
    // A bare disable names no rule of ours; a bare enable ends the block.
    assert.ok(!parse('/* eslint-disable */\nimport a from "x";\n').isSuppressed(UNDECLARED, 1));
    assert.ok(!parse('// eslint-disable-next-line no-console\nimport a from "x";\n').isSuppressed(UNDECLARED, 1));
    const ended = parse('/* eslint-disable import/no-extraneous-dependencies */\nimport a from "x";\n/* eslint-enable */\nimport b from "y";\n');
    assert.ok(ended.isSuppressed(UNDECLARED, 1));
    assert.ok(!ended.isSuppressed(UNDECLARED, 3));
  });
  test('hash comments in YAML and .env', () => {
    assert.equal(secrets('compose.yaml', 'x:\n  # twelve-factor-disable-next-line\n  password: s3cr3tPass\n').length, 0);
    assert.equal(secrets('.env', 'DB_PASSWORD=pg-Pa55w0rd # gitleaks:allow\n').length, 0);
  });
});

describe('configuration', () => {
  test('.twelve-factor.yaml: severities, ignores and allowlists', () => {
    const { config, problems } = parseConfig([
      'rules:',
      '  config/hardcoded-secret: warning',
      'ignore:',
      '  - "generated/**"',
      'testFiles:',
      '  severity: off',
      'secrets:',
      '  allowlist:',
      '    values: ["^demo-"]',
      '    paths: ["docs/**"]',
    ].join('\n'));
    assert.deepEqual(problems, []);
    assert.equal(secrets('src/a.ts', PW, { config })[0].severity, 'warning');
    assert.equal(secrets('generated/a.ts', PW, { config }).length, 0);
    assert.equal(secrets('src/a.test.ts', PW, { config }).length, 0);
    assert.equal(secrets('docs/a.ts', PW, { config }).length, 0);
    assert.equal(secrets('src/a.ts', "const password = 'demo-only-value';", { config }).length, 0);
  });
  test('off turns a rule off', () => {
    const { config } = parseConfig('rules:\n  config/hardcoded-secret: off\n');
    assert.equal(secrets('src/a.ts', PW, { config }).length, 0);
  });
  test('broken configuration: problems with ranges, defaults kept, no throw', () => {
    const invalidYaml = parseConfig('rules: [unclosed\n');
    assert.ok(invalidYaml.problems.length > 0);
    assert.deepEqual(invalidYaml.config, defaultConfig());
    const wrong = parseConfig('rules:\n  config/hardcoded-secret: loud\nunknown: 1\nsecrets:\n  allowlist:\n    values: ["("]\n');
    assert.equal(wrong.problems.length, 3);
    assert.equal(wrong.problems[0].range.start.line, 1);
    assert.equal(wrong.problems[1].range.start.line, 2);
  });
  test('findings by name in test code are not reported by default; testFiles.severity brings them back at that level', () => {
    const info = parseConfig('testFiles:\n  severity: info\n').config;
    for (const file of ['test/a.ts', 'src/__tests__/a.ts', 'src/a.spec.ts', 'src/a.test.js', 'test/fixtures/x.ts']) {
      assert.deepEqual(secrets(file, PW), [], file);
      assert.equal(secrets(file, PW, { config: info })[0]?.severity, 'info', file);
    }
    assert.equal(secrets('src/testing.ts', PW)[0].severity, 'error');
  });
});

describe('engine', () => {
  test('messages are redacted: first characters and length only', () => {
    assert.equal(redact('sk_live_1234567890abcdef'), 'sk_l…, 24 chars');
    assert.equal(redact('hunter22'), 'hu…, 8 chars');
    assert.equal(redact('abc'), '…, 3 chars');
    const [f] = secrets('src/a.ts', PW);
    assert.match(f.message, /dbPassword.*s3cr…, 18 chars/);
  });
  test('fingerprints ignore line moves', () => {
    const a = secrets('src/a.ts', PW)[0].fingerprint;
    const b = secrets('src/a.ts', `\n\n\n${PW}`)[0].fingerprint;
    assert.equal(a, b);
    assert.notEqual(a, secrets('src/b.ts', PW)[0].fingerprint);
  });
  test('a file with nothing to look at is never parsed', () => {
    const context = new FileContext('src/plain.ts', 'export const add = (a: number, b: number) => a + b;\n'.repeat(200));
    analyze(context, { config: defaultConfig() });
    assert.equal(context.hasSourceFile, false);
  });
  test('binary, huge and half-typed input: no throw', () => {
    assert.equal(run('a.ts', 'abc\u0000def').skipped, 'binary');
    assert.match(run('a.ts', 'x'.repeat(3 * 1024 * 1024)).skipped ?? '', /larger than/);
    assert.doesNotThrow(() => run('a.ts', "const password = 'abc"));
    assert.doesNotThrow(() => run('a.ts', `const password = ${'('.repeat(20000)}'hunter22x'${')'.repeat(20000)};`));
    assert.doesNotThrow(() => run('a.yaml', 'password: [unclosed\n  - : :'));
  });
  test('a rule that throws costs that rule alone: the others report, and the file says why it is incomplete', () => {
    const boom = { meta: { id: 'test/boom', factor: 1, factorName: 'Codebase', defaultSeverity: 'error', description: 'throws', docs: '', messages: {}, fixable: false, kinds: ['js'], keywords: [] }, check: () => { throw new RangeError('Maximum call stack size exceeded'); } } as unknown as Rule;
    const result = analyze(new FileContext('src/db.ts', PW), { config: defaultConfig(), rules: [boom, ...rules] });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['config/hardcoded-secret']);
    assert.match(result.skipped ?? '', /^rule test\/boom failed: Maximum call stack/);
  });
  test("valid: Yarn Plug'n'Play's generated loader (held-out 13, standardnotes) is read as a bundle: only provider-format keys", () => {
    const loader = "#!/usr/bin/env node\nconst DEBUG = process.env.PNP_DEBUG_LEVEL;\nconst password = 'hunter22x-Pa55';\nserver.listen(3000);\n";
    for (const file of ['.pnp.cjs', '.pnp.loader.mjs', 'packages/app/.pnp.js']) {
      const result = run(file, loader);
      assert.deepEqual(result.findings, [], file);
      assert.equal(result.skipped, 'generated by a package manager', file);
    }
    const key = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
    assert.deepEqual(secrets('.pnp.cjs', `const k = '${key}';\n`).map((f) => f.messageId), ['provider']);
  });
  test('invalid: the same code in a file of the project is judged by every rule', () => {
    const loader = "const password = 'hunter22x-Pa55';\n";
    assert.deepEqual(secrets('src/pnp.cjs', loader).map((f) => f.messageId), ['named']);
    assert.equal(run('src/pnp.cjs', loader).skipped, undefined);
  });
  test('ranges are LSP positions (zero-based, UTF-16)', () => {
    const code = "// héllo 😀\nconst dbPassword = 's3cr3t-Pa55';";
    const [f] = secrets('src/a.ts', code);
    assert.deepEqual(f.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 31 } });
  });
});

describe('incremental parse', () => {
  test('withText reuses the tree and finds the same as a fresh parse', async () => {
    const { changedRegion } = await import('../../server/src/analysis');
    const before = "const a = 1;\nconst dbPassword = 'x';\n";
    const after = "const a = 1;\nconst dbPassword = 's3cr3t-Pa55';\n";
    const region = changedRegion(before, after);
    assert.deepEqual(region, { start: 33, end: 34, newLength: 11 });
    const first = new FileContext('src/a.ts', before);
    assert.ok(first.sourceFile);
    const next = first.withText(after, region);
    assert.equal(next.hasSourceFile, true, 'the tree was carried over');
    const incremental = analyze(next, { config: defaultConfig() }).findings.map((f) => [f.start, f.end, f.messageId]);
    const fresh = analyze(new FileContext('src/a.ts', after), { config: defaultConfig() }).findings.map((f) => [f.start, f.end, f.messageId]);
    assert.deepEqual(incremental, fresh);
    assert.equal(incremental.length, 1);
  });
});
