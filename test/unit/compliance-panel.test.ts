// The compliance panel's tree as data: grouping by file, errors first, folds, counts, icons, score line.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCompliance } from '../../core/src/compliance/model';
import { ruleIdOfDocsLink, docsPathSegments } from '../../core/src/compliance/docs';
import { factorDescription, factorWorst, panelChildren, scoreMessage, type PanelNode } from '../../core/src/compliance/panel';
import { rules } from '../../core/src/rules';
import type { Finding, Severity } from '../../core/src/types';
import type { WorkspaceFact } from '../../core/src/workspace/facts';
import { STATUS_MENU, statusView } from '../../client/src/statusModel';

const ROOT = '/ws';
const metas = rules.map((r) => r.meta);

function finding(ruleId: string, severity: Severity, file: string, line: number): Finding {
  return {
    ruleId, messageId: 'm', message: `${ruleId} at ${line}`, severity, file: `${ROOT}/${file}`,
    range: { start: { line, character: 0 }, end: { line, character: 4 } }, start: 0, end: 4, data: {}, fingerprint: `${ruleId}:${file}:${line}`,
  };
}

function configFactor(findings: Finding[], facts: WorkspaceFact[] = []) {
  const report = computeCompliance(ROOT, findings, facts, metas, 10);
  const factor = panelChildren([report]).find((n): n is Extract<PanelNode, { type: 'factor' }> => n.type === 'factor' && n.factor.roman === 'III');
  assert.ok(factor);
  return { report, factor };
}

test('findings are grouped by file under the factor, files with errors first, relative paths as labels', () => {
  const warnings = Array.from({ length: 30 }, (_, i) => finding('env/undeclared-usage', 'warning', 'src/a-config.ts', i));
  const errors = [finding('config/hardcoded-secret', 'error', 'src/z/keys.ts', 3), finding('config/hardcoded-secret', 'error', 'lib/z/keys.ts', 1)];
  const { report, factor } = configFactor([...warnings, ...errors]);
  const files = panelChildren([report], factor);
  assert.deepEqual(files.map((f) => f.type === 'file' && f.relative), ['lib/z/keys.ts', 'src/z/keys.ts', 'src/a-config.ts']);
  const last = files[2];
  assert.ok(last.type === 'file');
  assert.deepEqual(last.counts, { errors: 0, warnings: 30, notes: 0 });
  assert.equal(factor.worst, 'error');
  assert.equal(factorDescription(factor.factor), '2 errors, 30 warnings');
});

test('repeated findings of one rule in one file fold into one node; single ones stay findings; errors first', () => {
  const file = 'src/app.ts';
  const { report, factor } = configFactor([
    finding('env/undeclared-usage', 'warning', file, 1), finding('env/undeclared-usage', 'warning', file, 9),
    finding('env/undeclared-usage', 'warning', file, 5), finding('config/hardcoded-secret', 'error', file, 20),
  ]);
  const [group] = panelChildren([report], factor);
  assert.ok(group.type === 'file');
  const children = panelChildren([report], group);
  assert.deepEqual(children.map((c) => c.type), ['finding', 'rule']);
  const fold = children[1];
  assert.ok(fold.type === 'rule');
  assert.equal(fold.ruleId, 'env/undeclared-usage');
  assert.deepEqual(fold.counts, { errors: 0, warnings: 3, notes: 0 });
  const inside = panelChildren([report], fold);
  assert.deepEqual(inside.map((n) => n.type === 'finding' && n.finding.range.start.line), [1, 5, 9]);
  // Node ids are unique: VS Code refuses a tree with two equal ids.
  const ids = [group, ...children, ...inside].map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length);
});

test("a factor's icon is the worst severity it holds: warnings only is a warning, a failing fact an error", () => {
  assert.equal(configFactor([finding('env/undeclared-usage', 'warning', 'a.ts', 1)]).factor.worst, 'warning');
  assert.equal(configFactor([finding('env/undeclared-usage', 'info', 'a.ts', 1)]).factor.worst, 'info');
  assert.equal(configFactor([]).factor.worst, 'pass');
  const failing: WorkspaceFact = { factor: 3, id: 'config.env-example', status: 'fail', message: 'no .env.example' };
  assert.equal(configFactor([finding('env/undeclared-usage', 'warning', 'a.ts', 1)], [failing]).factor.worst, 'error');
  // A factor no check speaks to.
  const report = computeCompliance(ROOT, [], [], [], 0);
  assert.equal(factorWorst(report.factors[0]), 'not-applicable');
});

test('the score line shown in the view', () => {
  const { report } = configFactor([finding('config/hardcoded-secret', 'error', 'a.ts', 1)]);
  assert.match(scoreMessage([report]) ?? '', new RegExp(`^Score ${report.score}/12 factors pass, \\d+ factors? to look at$`));
  assert.equal(scoreMessage([]), undefined);
  assert.match(scoreMessage([report, { ...report, folder: '/other' }]) ?? '', /^Score ws: \d+\/12 .* · other: \d+\/12/);
});

test('docs links map to the page shipped in the package', () => {
  assert.equal(ruleIdOfDocsLink('https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/config/hardcoded-secret.md'), 'config/hardcoded-secret');
  assert.equal(ruleIdOfDocsLink('https://example.com/other.md'), undefined);
  assert.deepEqual(docsPathSegments('env/invalid-value'), ['docs', 'rules', 'env', 'invalid-value.md']);
  assert.equal(docsPathSegments('../../etc/passwd'), undefined);
});

test('the status item: score and this file\'s findings; its menu never restarts on a plain click', () => {
  assert.equal(statusView({ server: 'starting' }).text, '$(sync~spin) 12F');
  assert.equal(statusView({ server: 'running', score: '9/12', file: { findings: 2 } }).text, '$(warning) 12F 9/12 · 2');
  assert.equal(statusView({ server: 'running', score: '9/12', file: { findings: 0 } }).text, '$(check) 12F 9/12');
  assert.match(statusView({ server: 'running', file: { findings: 0, skipped: 'too large' } }).tooltip, /not analysed \(too large\)/);
  assert.deepEqual(STATUS_MENU.map((m) => m.command), ['twelveFactor.showCompliancePanel', 'twelveFactor.scanWorkspace', 'twelveFactor.showOutput', 'twelveFactor.restartServer']);
});

test('findings an inline comment ignores are counted on their factor, never listed and never change its status', () => {
  const silenced = (f: Finding): Finding => ({ ...f, suppression: { kind: 'inSource', directive: 'twelve-factor-disable-next-line', justification: 'fixture', line: f.range.start.line - 1 } });
  const { report, factor } = configFactor([
    silenced(finding('config/hardcoded-secret', 'error', 'src/keys.ts', 3)),
    silenced(finding('config/hardcoded-secret', 'error', 'src/keys.ts', 7)),
    finding('env/undeclared-usage', 'warning', 'src/app.ts', 1),
  ]);
  assert.equal(factor.factor.suppressed, 2);
  assert.equal(factor.factor.status, 'warnings', 'the ignored errors do not fail the factor');
  assert.deepEqual(factor.factor.findings.map((f) => f.ruleId), ['env/undeclared-usage']);
  assert.equal(factorDescription(factor.factor), '1 warning · 2 ignored inline');
  const logs = report.factors.find((f) => f.roman === 'XI');
  assert.equal(logs?.suppressed, 0);
});
