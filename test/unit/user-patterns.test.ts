import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { mapHost } from '../../core/src/host';
import { parseSchema } from '../../core/src/env/schema';
import { compileUserPattern, MAX_USER_PATTERN_INPUT, userPatternStats } from '../../core/src/userPattern';
import { secrets } from './helpers';

// Regular expressions from the workspace are attacker-controlled (issue 11): they run on RE2, in time linear in
// the input, and what RE2 cannot run is a located problem. Under V8's backtracking engine each `(a+)+$` case
// below would run for hours; these tests assert results and counts, never wall-clock time.

const CATASTROPHIC = ['(.+)+#$', '(a+)+$', '^(a|aa)+$', '(\\w*)*x'];
const configWith = (values: string[]) =>
  parseConfig(`secrets:\n  allowlist:\n    values:\n${values.map((v) => `      - ${JSON.stringify(v)}`).join('\n')}\n`);

describe('user patterns run on a linear-time engine', () => {
  test('catastrophic allowlist patterns compile and give the right answer on near-misses', () => {
    const { config, problems } = configWith(CATASTROPHIC);
    assert.deepEqual(problems, []);
    // A near-miss for every pattern: long runs of the repeated character, then a character that fails the end.
    const password = `${'a'.repeat(60)}!`;
    assert.equal(secrets('src/a.ts', `const password = '${password}';`, { config }).length, 1, 'not allowlisted: reported');
    const hashed = `${'a'.repeat(60)}#`;
    assert.equal(secrets('src/a.ts', `const password = '${hashed}';`, { config }).length, 0, '(.+)+#$ matches: allowlisted');
  });

  test('what RE2 cannot run is a problem on the pattern itself', () => {
    const { config, problems } = parseConfig('secrets:\n  allowlist:\n    values:\n      - "^ok$"\n      - "(?=lookahead)x"\n      - "(a)\\\\1"\n');
    assert.equal(config.secrets.allowValues.length, 1);
    assert.deepEqual(problems.map((p) => p.range.start.line), [4, 5]);
    assert.match(problems[0].message, /Invalid regular expression .*RE2/);
  });

  test('a pattern longer than the limit is refused, a text longer than the limit is not judged', () => {
    assert.ok('error' in compileUserPattern('a'.repeat(5000)));
    const compiled = compileUserPattern('a');
    assert.ok('pattern' in compiled);
    assert.equal(compiled.pattern.test('a'.repeat(MAX_USER_PATTERN_INPUT + 1)), undefined);
  });

  test('schema patterns: catastrophic ones run, unsupported ones are located problems', () => {
    const schema = parseSchema('/p/.env.schema.yaml', 'variables:\n  A: { pattern: "^(a+)+$" }\n  B: { pattern: "(?<=x)y" }\n');
    assert.deepEqual(schema.problems.map((p) => p.messageId), ['invalidPattern']);
    assert.equal(schema.problems[0].start, 'variables:\n  A: { pattern: "^(a+)+$" }\n  B: { pattern: '.length);
    const host = mapHost({ '/p/.env.schema.yaml': 'variables:\n  A: { pattern: "^(a+)+$" }\n' }, '/p');
    const invalid = (text: string) => analyze(new FileContext('/p/.env', text, { gitIgnored: true }), { relativePath: '.env', host })
      .findings.filter((f) => f.ruleId === 'env/invalid-value').length;
    assert.equal(invalid(`A=${'a'.repeat(60)}!\n`), 1, 'the near-miss is reported as not matching');
    assert.equal(invalid(`A=${'a'.repeat(60)}\n`), 0);
  });

  // Random regular expressions in the allowlist: every scan completes, a broken pattern is a problem and never
  // a crash, and the work is bounded: one pattern test per (pattern, finding), each on a bounded input.
  test('random allowlist patterns: every scan completes with bounded work', () => {
    const atom = fc.constantFrom('a', '.', '\\w', '\\d', '[a-z]', '[^#]', '#', '\\s', 'x', '(?:a|aa)', '\\b', '^', '$', '(', ')', '[', '\\');
    const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2,}', '{1,3}', '*?', '+?');
    const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q);
    const regex: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
      re: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
        fc.tuple(tie('re'), quantifier).map(([r, q]) => `(${r})${q}`),
        fc.tuple(tie('re'), tie('re')).map(([a, b]) => `${a}|${b}`),
      ),
    })).re;
    const texts = ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'aaaaaaaaaaaaaaaaaaaaaaaaaa#', 'Zx9!Zx9!Zx9!Zx9!Zx9!Zx9!'];
    fc.assert(
      fc.property(fc.array(regex, { minLength: 1, maxLength: 4 }), (sources) => {
        const { config, problems } = configWith(sources);
        assert.equal(config.secrets.allowValues.length + problems.length, sources.length);
        const code = texts.map((t, i) => `const password${i} = '${t}';`).join('\n');
        const before = userPatternStats.tests;
        const found = secrets('src/a.ts', code, { config });
        const tests = userPatternStats.tests - before;
        assert.ok(found.length <= texts.length);
        assert.ok(tests <= config.secrets.allowValues.length * texts.length, `${tests} pattern tests`);
        // The result is the engine's: a secret is reported exactly when no compiled pattern matches it.
        const expected = texts.filter((t) => !config.secrets.allowValues.some((p) => p.test(t) === true)).length;
        assert.equal(found.length, expected);
      }),
      { numRuns: 150 },
    );
  });
});
