import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from './run';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/workspace');

interface Fact {
  id: string;
  factor: number;
  status: string;
  message: string;
  file?: string;
}

/** The fixture copied to a folder of its own (outside this repository, so its git and ignores stay out), scanned as JSON. */
function scanFixture(name: string, extra: Record<string, string> = {}): Map<string, Fact> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-facts-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, rel), text);
  const r = cli(['scan', '--format', 'json'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout) as { facts?: Fact[] };
  assert.ok(Array.isArray(report.facts), 'the JSON report lists the workspace facts');
  return new Map(report.facts.map((f) => [f.id, f]));
}

const statuses = (m: Map<string, Fact>, ids: string[]) => Object.fromEntries(ids.map((id) => [id, m.get(id)?.status]));

describe('twelve-factor scan --format json: workspace facts', () => {
  test('a Flask app: requirements pins, Procfile, flask, Flask-Migrate, health endpoint', () => {
    const m = scanFixture('flask-app');
    assert.deepEqual(statuses(m, ['codebase.one-app', 'dependencies.lockfile', 'config.env-example', 'build.scripts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations']), {
      'codebase.one-app': 'pass', 'dependencies.lockfile': 'pass', 'config.env-example': 'pass', 'build.scripts': 'pass', 'processes.procfile': 'pass',
      'port-binding.web-server': 'pass', 'disposability.health': 'pass', 'admin.migrations': 'pass',
    });
    assert.equal(m.get('dependencies.lockfile')?.file, 'requirements.txt', 'paths are relative to the root');
    assert.match(m.get('port-binding.web-server')?.message ?? '', /flask/);
    assert.equal(m.get('disposability.health')?.file, 'app.py');
    assert.ok(![...m.values()].some((f) => f.message.includes('package.json')), 'no fact asks a Python app for a package.json');
  });

  test('the Flask app with a range in requirements.txt: no longer locked', () => {
    const m = scanFixture('flask-app', { 'requirements.txt': 'Flask>=3\ngunicorn==22.0.0\n' });
    assert.equal(m.get('dependencies.lockfile')?.status, 'warning');
    assert.match(m.get('dependencies.lockfile')?.message ?? '', /pins 1 of 2 packages; flask/);
  });

  test('a Go module: go.sum, chi, binaries in cmd/, golang-migrate', () => {
    const m = scanFixture('go-service');
    assert.deepEqual(statuses(m, ['codebase.one-app', 'dependencies.lockfile', 'build.scripts', 'processes.procfile', 'port-binding.web-server', 'disposability.health', 'admin.migrations', 'admin.scripts']), {
      'codebase.one-app': 'pass', 'dependencies.lockfile': 'pass', 'build.scripts': 'pass', 'processes.procfile': 'pass',
      'port-binding.web-server': 'pass', 'disposability.health': 'pass', 'admin.migrations': 'pass', 'admin.scripts': 'pass',
    });
    assert.equal(m.get('dependencies.lockfile')?.file, 'go.sum');
    assert.match(m.get('port-binding.web-server')?.message ?? '', /github\.com\/go-chi\/chi\/v5/);
    assert.equal(m.get('disposability.health')?.file, 'cmd/api/main.go');
  });

  test('the Go module without go.sum fails its lockfile fact', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-facts-go-'));
    fs.cpSync(path.join(FIXTURES, 'go-service'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'go.sum'));
    const facts = (JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { facts: Fact[] }).facts;
    const lock = facts.find((f) => f.id === 'dependencies.lockfile');
    assert.equal(lock?.status, 'fail');
    assert.equal(lock?.file, 'go.mod');
  });

  test('text and SARIF reports are unchanged: facts are JSON and Markdown only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-facts-sarif-'));
    fs.cpSync(path.join(FIXTURES, 'go-service'), dir, { recursive: true });
    const sarif = cli(['scan', '--format', 'sarif'], dir).stdout;
    assert.ok(!sarif.includes('dependencies.lockfile'));
    assert.match(cli(['scan', '--format', 'markdown'], dir).stdout, /Twelve-Factor compliance report/);
  });
});
