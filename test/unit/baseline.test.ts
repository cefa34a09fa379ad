import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyBaseline, baselineOf, BaselineError, formatBaseline, parseBaseline } from '../../core/src/report/baseline';
import type { Finding } from '../../core/src/types';
import { fake, run } from './helpers';

const ROOT = '/proj';
const SECRET = fake('s3cr3t', '-Pa55');

/** All findings of one file, suppressed ones included, as the CLI sees them with --no-inline-ignores. */
function all(file: string, text: string): Finding[] {
  const r = run(file, text);
  return [...r.findings, ...r.suppressed];
}

/** Findings of a file of the project rooted at ROOT. */
function inProject(file: string, text: string): Finding[] {
  return all(file, text).map((f) => ({ ...f, file: `${ROOT}/${file}` }));
}

const CODE = [
  `export const dbPassword = '${SECRET}';`,
  `export const apiPassword = '${fake('an0ther', '-Pa55w')}';`,
  `export const dbPassword2 = '${SECRET}';`,
].join('\n');
const ENV = `DB_PASSWORD=${fake('pg-Pa55', 'w0rd')}\nDB_PASSWORD=x\nPORT=3000\n`;
// A compose file is a local set-up: only a value that looks real (random, of real length) is reported there.
const YAML = `services:\n  db:\n    environment:\n      password: ${fake('q7Vx2Lm9', 'Rt4Wz8Kc3Np6')}\n`;

describe('baseline model', () => {
  test('one entry per finding, sorted by file, rule and fingerprint, without the secret or the message', () => {
    const findings = [...inProject('src/z.ts', CODE), ...inProject('.env', ENV), ...inProject('src/a.ts', CODE)];
    assert.ok(findings.length >= 7, `${findings.length} findings`);
    const baseline = baselineOf(ROOT, findings);
    assert.equal(baseline.entries.length, findings.length);
    const sorted = [...baseline.entries].sort((a, b) => (a.file + a.ruleId + a.fingerprint < b.file + b.ruleId + b.fingerprint ? -1 : 1));
    assert.deepEqual(baseline.entries, sorted);
    assert.deepEqual([...new Set(baseline.entries.map((e) => e.file))], ['.env', 'src/a.ts', 'src/z.ts']);
    const text = formatBaseline(baseline);
    assert.ok(!text.includes(SECRET) && !text.includes('s3'), 'neither the secret nor its redacted form');
    for (const e of baseline.entries) assert.deepEqual(Object.keys(e), ['ruleId', 'file', 'fingerprint']);
  });

  test('the file is JSON with one entry per line, and reads back to the same entries', () => {
    const baseline = baselineOf(ROOT, inProject('src/a.ts', CODE));
    const text = formatBaseline(baseline);
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => l.includes('"fingerprint"')).length, baseline.entries.length);
    assert.ok(text.endsWith('}\n') && !text.includes('\r'));
    assert.deepEqual(parseBaseline(text), baseline);
    assert.equal(formatBaseline({ entries: [] }), '{\n  "tool": "twelve-factor",\n  "version": 1,\n  "findings": []\n}\n');
  });

  test('the same findings in another order, or twice, give the same file', () => {
    const findings = inProject('src/a.ts', CODE);
    assert.equal(formatBaseline(baselineOf(ROOT, [...findings].reverse())), formatBaseline(baselineOf(ROOT, findings)));
    assert.equal(baselineOf(ROOT, [...findings, ...findings]).entries.length, findings.length);
  });

  test('applyBaseline keeps only what the baseline does not hold, and counts the rest', () => {
    const old = inProject('src/a.ts', CODE);
    const baseline = baselineOf(ROOT, old);
    const now = inProject('src/a.ts', `${CODE}\nexport const newPassword = '${fake('n3w', '-Pa55word')}';`);
    const { kept, matched } = applyBaseline(ROOT, now, baseline);
    assert.equal(matched, old.length);
    assert.deepEqual(kept.map((f) => f.data.name), ['newPassword']);
    // The same finding in another file is new there.
    assert.equal(applyBaseline(ROOT, inProject('src/b.ts', CODE), baseline).kept.length, old.length);
  });

  test('malformed files are refused with a reason, never read as an empty baseline', () => {
    for (const [text, why] of [
      ['', /not JSON/],
      ['[]', /"findings" array/],
      ['{"findings": {}}', /"findings" array/],
      ['{"version": 2, "findings": []}', /version 2 is not supported/],
      ['{"findings": [{"ruleId": "a/b", "file": "x"}]}', /findings\[0\]/],
    ] as const) {
      assert.throws(() => parseBaseline(text), (e: unknown) => e instanceof BaselineError && why.test(e.message), text);
    }
    assert.deepEqual(parseBaseline('{"findings": [{"ruleId": "a/b", "file": "src\\\\x.ts", "fingerprint": "f"}]}').entries[0].file, 'src/x.ts');
  });
});

describe('fingerprints a baseline can rely on', () => {
  const fingerprints = (file: string, text: string) => all(file, text).map((f) => `${f.ruleId} ${f.fingerprint}`).sort();

  for (const [file, text, comment] of [['src/a.ts', CODE, '//'], ['.env', ENV, '#'], ['compose.yaml', YAML, '#']] as const) {
    test(`${file}: no line numbers, CRLF and LF alike`, () => {
      const lf = fingerprints(file, text);
      assert.ok(lf.length > 0);
      assert.deepEqual(fingerprints(file, text.replace(/\n/g, '\r\n')), lf, 'CRLF');
      assert.deepEqual(fingerprints(file, `${comment} moved down\n${comment} by two lines\n${text}`), lf, 'moved down');
    });
  }

  test('a finding moved to another place in the file keeps its fingerprint', () => {
    const lines = CODE.split('\n');
    const moved = [lines[1], '', '// unrelated edit', lines[0], lines[2]].join('\n');
    assert.deepEqual(fingerprints('src/a.ts', moved), fingerprints('src/a.ts', CODE));
  });

  test('adding or removing an inline ignore never renumbers the other findings', () => {
    // Two findings with the same identity (same rule, file and variable name) are told apart by their order.
    const twice = `function a() {\n  const password = '${SECRET}';\n}\nfunction b() {\n  const password = '${SECRET}';\n}\n`;
    const before = run('src/a.ts', twice).findings;
    assert.equal(before.length, 2);
    assert.notEqual(before[0].fingerprint, before[1].fingerprint);
    const after = run('src/a.ts', twice.replace('  const password', '  // twelve-factor-disable-next-line -- fixture\n  const password'));
    assert.deepEqual(after.suppressed.map((f) => f.fingerprint), [before[0].fingerprint]);
    assert.deepEqual(after.findings.map((f) => f.fingerprint), [before[1].fingerprint]);
  });
});
