import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli, workspace as project } from './run';

const workspace = (files: Record<string, string>) => project(files, 'tf-baseline-');

const SECRET = ['s3cr3t', '-Pa55-Xk9qLm'].join(''); // generated-looking: a word by its name alone is information
const OTHER = ['an0ther', '-Pa55w-Qz7LkP'].join('');



interface Json {
  summary: { errors: number; suppressed: number; baselined: number };
  findings: Array<{ file: string; line: number; data: Record<string, string> }>;
  suppressed: Array<{ line: number; suppression: { directive: string; justification?: string } }>;
}
const json = (stdout: string) => JSON.parse(stdout) as Json;

const CODE = `export const dbPassword = '${SECRET}';\nexport const apiPassword = '${OTHER}';\n`;

describe('scan --write-baseline / --baseline', () => {
  test('a baseline accepts today\'s findings and reports only new ones', () => {
    const dir = workspace({ 'src/db.ts': CODE, '.env.production': `DB_PASSWORD=${SECRET}\n` });
    const write = cli(['scan', '--write-baseline', '.twelve-factor-baseline.json'], dir);
    assert.equal(write.code, 0, write.stdout);
    assert.match(write.stderr, /Wrote 3 finding\(s\) to the baseline/);
    assert.match(write.stdout, /3 findings already in the baseline, not shown/);
    const file = fs.readFileSync(path.join(dir, '.twelve-factor-baseline.json'), 'utf8');
    assert.ok(!file.includes(SECRET) && !file.includes(OTHER), 'never the secret');
    assert.equal(file.split('\n').filter((l) => l.trim().startsWith('{"ruleId"')).length, 3, 'one entry per line');

    assert.equal(cli(['scan', '--baseline', '.twelve-factor-baseline.json'], dir).code, 0);
    fs.appendFileSync(path.join(dir, 'src/db.ts'), `export const newPassword = '${['n3w', '-Pa55word-R8vTq2'].join('')}';\n`);
    const after = cli(['scan', '--baseline', '.twelve-factor-baseline.json', '--format', 'json'], dir);
    assert.equal(after.code, 1);
    assert.deepEqual(json(after.stdout).findings.map((f) => f.data.name), ['newPassword']);
    assert.equal(json(after.stdout).summary.baselined, 3);
  });

  test('moving code, another OS\'s line endings and a renamed folder of the scan do not break it', () => {
    const dir = workspace({ 'src/db.ts': CODE });
    assert.equal(cli(['scan', '--write-baseline', 'baseline.json'], dir).code, 0);
    const [first, second] = CODE.trimEnd().split('\n');
    fs.writeFileSync(path.join(dir, 'src/db.ts'), `// moved\r\n\r\n${second}\r\nexport const x = 1;\r\n${first}\r\n`);
    const r = cli(['scan', '--baseline', 'baseline.json'], dir);
    assert.equal(r.code, 0, r.stdout);
    // The same project checked out elsewhere: entries are relative to the scan root.
    const moved = `${dir}-elsewhere`;
    fs.renameSync(dir, moved);
    assert.equal(cli(['scan', '--baseline', 'baseline.json'], moved).code, 0);
  });

  test('a missing or malformed baseline is a usage error, never an empty baseline', () => {
    const dir = workspace({ 'src/db.ts': CODE, 'bad.json': '{"findings": 3}' });
    const missing = cli(['scan', '--baseline', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read baseline .*nope\.json/);
    const bad = cli(['scan', '--baseline', 'bad.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json: expected an object with a "findings" array/);
  });
});

describe('inline ignores people can audit', () => {
  const SILENCED = [
    '// twelve-factor-disable-next-line config/hardcoded-secret -- test fixture, revoked',
    `export const dbPassword = '${SECRET}';`,
    `export const apiPassword = '${OTHER}'; // gitleaks:allow`,
    '',
  ].join('\n');

  test('suppressed findings do not fail the scan, and every report counts them', () => {
    const dir = workspace({ 'src/db.ts': SILENCED });
    const text = cli(['scan'], dir);
    assert.equal(text.code, 0, text.stdout);
    assert.match(text.stdout, /2 findings suppressed by inline comments/);
    const verbose = cli(['scan', '--verbose'], dir);
    assert.match(verbose.stdout, /suppressed src\/db\.ts:2:\d+ config\/hardcoded-secret \(twelve-factor-disable-next-line -- test fixture, revoked\)/);
    const report = json(cli(['scan', '--format', 'json'], dir).stdout);
    assert.equal(report.summary.errors, 0);
    assert.equal(report.summary.suppressed, 2);
    assert.deepEqual(report.suppressed.map((f) => [f.line, f.suppression.directive, f.suppression.justification]), [
      [2, 'twelve-factor-disable-next-line', 'test fixture, revoked'],
      [3, 'gitleaks:allow', undefined],
    ]);
  });

  test('SARIF lists them with suppressions of kind inSource and the reason as justification', () => {
    const dir = workspace({ 'src/db.ts': SILENCED });
    const r = cli(['scan', '--format', 'sarif'], dir);
    assert.equal(r.code, 0);
    const results = (JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string; justification?: string }> }> }> }).runs[0].results;
    assert.deepEqual(results.map((x) => x.suppressions?.map((s) => [s.kind, s.justification])), [[['inSource', 'test fixture, revoked']], [['inSource', undefined]]]);
    assert.ok(!r.stdout.includes(SECRET));
  });

  test('--no-inline-ignores reports them as findings', () => {
    const dir = workspace({ 'src/db.ts': SILENCED });
    const r = cli(['scan', '--no-inline-ignores', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const report = json(r.stdout);
    assert.deepEqual(report.findings.map((f) => f.line), [2, 3]);
    assert.equal(report.summary.suppressed, 0);
    assert.ok(!('suppression' in report.findings[0]));
  });
});
