import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli, workspace as project } from './run';

const workspace = (files: Record<string, string>) => project(files, 'tf-safety-');

// Issue 11: the repository is untrusted input. Each case is the attack, the command, and the refusal or result.




const SECRET_FILE = "export const dbPassword = 's3cr3t-Pa55-Xk9qLm';\n";
const BASE = { 'package.json': '{}', 'src/db.ts': SECRET_FILE, '.gitignore': '.env\n' };

describe('--fix never writes through links, devices or outside the folder', () => {
  const cases: Array<[string, (dir: string) => void]> = [
    ['.env is a link to /dev/null', (dir) => fs.symlinkSync('/dev/null', path.join(dir, '.env'))],
    ['.env is a FIFO', (dir) => { if (spawnSync('mkfifo', [path.join(dir, '.env')]).status !== 0) throw new Error('mkfifo failed'); }],
    ['.env is a link to a file outside the folder', (dir) => {
      const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-outside-')), 'victim');
      fs.writeFileSync(outside, 'KEEP=1\n');
      fs.symlinkSync(outside, path.join(dir, '.env'));
    }],
    ['.gitignore is a link to a file outside the folder', (dir) => {
      const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-outside-')), 'victim');
      fs.writeFileSync(outside, 'dist\n');
      fs.rmSync(path.join(dir, '.gitignore'));
      fs.symlinkSync(outside, path.join(dir, '.gitignore'));
    }],
  ];
  for (const [name, plant] of cases) {
    test(`${name}: refused, exit 2, source unchanged, nothing written`, () => {
      const dir = workspace(BASE);
      plant(dir);
      const targets = ['.env', '.gitignore'].map((f) => path.join(dir, f)).filter((f) => fs.lstatSync(f, { throwIfNoEntry: false })?.isSymbolicLink());
      const before = targets.map((t) => fs.readFileSync(t, 'utf8'));
      const r = cli(['scan', '--fix'], dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /refusing to write .*(symbolic link|not a regular file)/);
      assert.doesNotMatch(r.stderr, /Fixed/);
      assert.equal(fs.readFileSync(path.join(dir, 'src/db.ts'), 'utf8'), SECRET_FILE, 'the secret stays where it was');
      assert.deepEqual(targets.map((t) => fs.readFileSync(t, 'utf8')), before, 'the link targets are untouched');
    });
  }
});

describe('unreadable inputs are errors, not silent defaults', () => {
  test('an unreadable .twelve-factor.yaml: exit 2 with a message', (t) => {
    if (process.getuid?.() === 0) {
      // Root reads a chmod 000 file; a folder in its place is unreadable as a file for everyone.
      const dir = workspace({ 'src/a.ts': 'export {};\n' });
      fs.mkdirSync(path.join(dir, '.twelve-factor.yaml'));
      const r = cli(['scan'], dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot read configuration file/);
      return;
    }
    const dir = workspace({ 'src/a.ts': 'export {};\n', '.twelve-factor.yaml': 'rules: {}\n' });
    fs.chmodSync(path.join(dir, '.twelve-factor.yaml'), 0);
    const r = cli(['scan'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /cannot read configuration file/);
    t.diagnostic('ran as a regular user');
  });

  test('a path named on the command line that cannot be read: exit 2', () => {
    const dir = workspace({ 'src/a.ts': 'export {};\n' });
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.ts'));
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.ts')]).status !== 0) throw new Error('mkfifo failed');
    for (const target of ['dangling.ts', 'pipe.ts']) {
      const r = cli(['scan', target], dir);
      assert.equal(r.code, 2, `${target}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`cannot read ${target.replace('.', '\\.')}`));
    }
  });
});

describe('a hostile allowlist pattern does not hang the scan', () => {
  for (const pattern of ['(.+)+#$', '(a+)+$']) {
    test(pattern, () => {
      const secret = `${'a'.repeat(40)}!`;
      const dir = workspace({
        '.twelve-factor.yaml': `secrets:\n  allowlist:\n    values: [${JSON.stringify(pattern)}]\n`,
        'src/a.ts': `const password = '${secret}';\n`,
      });
      const r = cli(['scan', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      const json = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> };
      assert.deepEqual(json.findings.map((f) => f.ruleId), ['config/hardcoded-secret'], 'the near-miss is not allowlisted');
    });
  }
});

describe('no silent misses', () => {
  const DEEP = `const password = 'pg-Pa55w0rd-9xQ';\nconst x = ${'(\n'.repeat(10_000)}1${'\n)'.repeat(10_000)};\n`;
  test('a file the parser cannot read is skipped with the reason in text, JSON and SARIF', () => {
    const dir = workspace({ 'src/deep.ts': DEEP });
    const text = cli(['scan'], dir);
    assert.match(text.stdout, /skipped src\/deep\.ts \(not fully analysed: .*only provider-format secrets were checked\)/);
    const json = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { skipped: Array<{ file: string; reason: string }> };
    assert.deepEqual(json.skipped.map((s) => s.file), ['src/deep.ts']);
    assert.match(json.skipped[0].reason, /^not fully analysed/);
    const sarif = JSON.parse(cli(['scan', '--format', 'sarif'], dir).stdout) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }>;
    };
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications ?? [];
    assert.equal(notes.length, 1);
    assert.equal(notes[0].level, 'warning');
    assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, 'src/deep.ts');
    assert.match(notes[0].message.text, /not fully analysed/);
  });

  test('the provider-format pass still runs on a file the parser cannot read', () => {
    const key = ['sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dcTw3lveF4ct0r'].join('');
    const dir = workspace({ 'src/deep.ts': `${DEEP}export const stripe = '${key}';\n` });
    const json = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { findings: Array<{ ruleId: string; messageId: string }>; skipped: unknown[] };
    assert.deepEqual(json.findings.map((f) => f.messageId), ['provider']);
    assert.equal(json.skipped.length, 1);
  });

  test('a .env over the size limit is still scanned for secrets, line by line', () => {
    const filler = Array.from({ length: 120_000 }, (_, i) => `SETTING_${i}=value-${i}`).join('\n');
    assert.ok(filler.length > 2 * 1024 * 1024);
    const dir = workspace({ '.env': `${filler}\nDB_PASSWORD=pg-Pa55w0rd\n` });
    const json = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as {
      findings: Array<{ file: string; line: number; ruleId: string; message: string }>; skipped: Array<{ file: string; reason: string }>;
    };
    assert.deepEqual(json.findings.map((f) => [f.file, f.line, f.ruleId]), [['.env', 120_001, 'config/hardcoded-secret']]);
    assert.ok(!json.findings[0].message.includes('pg-Pa55w0rd'), 'redacted');
    assert.match(json.skipped[0].reason, /larger than .*line by line for secrets/);
  });
});
