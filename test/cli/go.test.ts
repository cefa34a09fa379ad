// A small Go module scanned end to end by the bundled CLI: each of the four Go checks finds its problem, the
// JSON and SARIF reports carry the findings, the SIGTERM judgement is made across the package's files, and
// `--fix` leaves a module whose rescan reports nothing it could fix.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { goParses, goShopModule, loadGo } from '../unit/go-helpers';
import { cli, workspace } from './run';

// Assembled at run time, so no secret scanner reads this file as holding one.
const TOKEN = ['tok', '9fK2xLq7', 'WmZ4pR8s'].join('-');

const MODULE = goShopModule(TOKEN);

/** [rule, messageId, file, line, severity] for each expected finding, in the report's order. */
const EXPECTED: Array<[string, string, string, number, string]> = [
  ['config/hardcoded-secret', 'named', 'config.go', 3, 'error'],
  ['processes/in-memory-session', 'goSessionFile', 'main.go', 11, 'warning'],
  ['logs/file-logging', 'goSetOutputFile', 'main.go', 18, 'warning'],
  ['disposability/missing-sigterm-handler', 'goMissing', 'main.go', 23, 'warning'],
  ['port-binding/hardcoded-port', 'goLiteral', 'main.go', 23, 'warning'],
];

interface JsonFinding { ruleId: string; messageId: string; file: string; line: number; severity: string; message: string }

const dirs: string[] = [];
const goModule = (extra: Record<string, string> = {}) => {
  const dir = workspace({ ...MODULE, ...extra }, 'tf-cli-go-');
  dirs.push(dir);
  return dir;
};
before(loadGo);
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('CLI on a Go module', () => {
  test('JSON: each Go check reports its finding at its line, the secret never in full', () => {
    const r = cli(['scan', '--format', 'json'], goModule());
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { filesScanned: number; findings: JsonFinding[]; skipped: unknown[] };
    assert.equal(report.filesScanned, 3);
    assert.deepEqual(report.skipped, []);
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.messageId, f.file, f.line, f.severity]), EXPECTED);
    assert.ok(!r.stdout.includes(TOKEN), 'the secret is printed');
  });

  test('SARIF: the same findings as results with their rule, level and region', () => {
    const r = cli(['scan', '--format', 'sarif'], goModule());
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const results = run.results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.level]);
    assert.deepEqual(results, EXPECTED.map(([rule, , file, line, severity]) => [rule, file, line, severity]));
    for (const [rule] of EXPECTED) assert.ok(run.tool.driver.rules.some((x) => x.id === rule), rule);
    assert.ok(!r.stdout.includes(TOKEN), 'the secret is printed');
  });

  test('SIGTERM is judged across the package: a handler in another file of package main clears the server', () => {
    const handler = 'package main\n\nimport (\n\t"os"\n\t"os/signal"\n\t"syscall"\n)\n\nfunc init() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, syscall.SIGTERM)\n}\n';
    const r = cli(['scan', '--format', 'json'], goModule({ 'shutdown.go': handler }));
    const rules = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.ruleId);
    assert.ok(!rules.includes('disposability/missing-sigterm-handler'), rules.join());
    assert.equal(rules.length, 4);
  });

  test('--fix: the secret moves to .env, the log goes to stdout, the server shuts down gracefully; the session store is left to the user', () => {
    const dir = goModule();
    // The shutdown fix's edits span the file (an import at the top, the server at the bottom): fixes that
    // overlap an earlier one wait for the next run (planFixes), so the log's fix lands on the second.
    for (let run = 0; run < 2; run++) {
      const fixed = cli(['scan', '--fix', '--format', 'json'], dir);
      assert.ok(fixed.code === 0 || fixed.code === 1, fixed.stderr);
    }
    const config = fs.readFileSync(path.join(dir, 'config.go'), 'utf8');
    const main = fs.readFileSync(path.join(dir, 'main.go'), 'utf8');
    assert.match(config, /var apiToken = os\.Getenv\("API_TOKEN"\)/);
    assert.ok(!config.includes(TOKEN));
    assert.match(fs.readFileSync(path.join(dir, '.env'), 'utf8'), /^API_TOKEN=/m);
    assert.match(main, /log\.SetOutput\(os\.Stdout\)/);
    assert.match(main, /signal\.NotifyContext\(context\.Background\(\), os\.Interrupt, syscall\.SIGTERM\)/);
    assert.match(main, /srv\.Shutdown\(shutdownCtx\)/);
    assert.ok(goParses(config) && goParses(main), 'the fixed files parse');
    const again = JSON.parse(cli(['scan', '--format', 'json'], dir).stdout) as { findings: JsonFinding[] };
    assert.deepEqual(again.findings.map((f) => f.ruleId), ['processes/in-memory-session']);
  });
});
