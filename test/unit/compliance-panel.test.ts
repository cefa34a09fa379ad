// The compliance panel's tree as data: grouping by file, errors first, folds, counts, icons, score line, skipped files.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCompliance } from '../../core/src/compliance/model';
import { ruleIdOfDocsLink, docsPathSegments } from '../../core/src/compliance/docs';
import { factorDescription, factorWorst, panelChildren, scoreMessage, skippedDescription, skippedSummary, type PanelNode } from '../../core/src/compliance/panel';
import { formatMarkdown } from '../../core/src/report/markdown';
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

test('skipped files: a failure keeps every factor reading that kind of file from passing; all are listed under "Skipped (N)"', () => {
  const skipped = [
    { file: `${ROOT}/assets/logo.png`, reason: 'binary', failed: false },
    { file: `${ROOT}/src/deep.ts`, reason: 'rule port-binding/hardcoded-port failed: Maximum call stack size exceeded', failed: true },
    { file: `${ROOT}/big.js`, reason: 'larger than 1024 KiB', failed: false },
  ];
  const clean = computeCompliance(ROOT, [], [], metas, 10);
  const report = computeCompliance(ROOT, [], [], metas, 10, skipped);
  // A TypeScript file's failure counts against the factors with a rule that reads TypeScript (Config, Logs…).
  for (const roman of ['III', 'VII', 'XI']) {
    const factor = report.factors.find((f) => f.roman === roman);
    assert.ok(factor);
    assert.equal(clean.factors.find((f) => f.roman === roman)?.status, 'pass', `${roman} passes with every file read`);
    assert.equal(factor.status, 'warnings', `${roman} does not pass with a file it could not read`);
    assert.equal(factor.reason, '1 file not fully analysed');
    assert.deepEqual(factor.notAnalysed.map((s) => s.file), [`${ROOT}/src/deep.ts`]);
  }
  assert.ok(report.score < clean.score, `score ${report.score} below ${clean.score}`);
  // Files passed over on purpose (binary, too large) are listed, but do not change a factor.
  const routineOnly = computeCompliance(ROOT, [], [], metas, 10, skipped.filter((s) => !s.failed));
  assert.equal(routineOnly.score, clean.score);

  const roots = panelChildren([report]);
  assert.deepEqual(roots.map((n) => n.type), [...Array(12).fill('factor'), 'skipped']);
  const group = roots[12];
  assert.ok(group.type === 'skipped');
  assert.equal(group.failed, 1);
  assert.equal(skippedDescription(group), '1 not fully analysed, 2 passed over');
  const files = panelChildren([report], group);
  assert.deepEqual(files.map((n) => n.type === 'skippedFile' && [n.relative, n.failed]), [['src/deep.ts', true], ['assets/logo.png', false], ['big.js', false]]);
  const [first] = files;
  assert.ok(first.type === 'skippedFile');
  assert.match(first.reason, /Maximum call stack/);

  // Under the factor: the failed file beside its facts, so the warning explains itself.
  const config = roots.find((n): n is Extract<PanelNode, { type: 'factor' }> => n.type === 'factor' && n.factor.roman === 'III');
  assert.ok(config);
  assert.equal(config.worst, 'warning');
  assert.deepEqual(panelChildren([report], config).filter((n) => n.type === 'skippedFile').map((n) => n.type === 'skippedFile' && n.relative), ['src/deep.ts']);
  const ids = [...roots, ...files, ...panelChildren([report], config)].map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length, 'unique ids');

  assert.equal(skippedSummary([report]), '3 files skipped (1 not fully analysed)');
  assert.match(scoreMessage([report]) ?? '', /· 3 files skipped \(1 not fully analysed\)$/);
  assert.equal(scoreMessage([clean])?.includes('skipped'), false);
  assert.deepEqual(panelChildren([clean]).map((n) => n.type), Array(12).fill('factor'), 'no Skipped node when nothing was skipped');
  assert.match(statusView({ server: 'running', score: '9/12', skipped: skippedSummary([report]) }).tooltip, /3 files skipped \(1 not fully analysed\): see Skipped/);
  // With findings as well, the description says both.
  const withWarning = computeCompliance(ROOT, [finding('env/undeclared-usage', 'warning', 'src/a.ts', 1)], [], metas, 10, skipped);
  assert.equal(factorDescription(withWarning.factors[2]), '1 warning · 1 file not fully analysed');

  const markdown = formatMarkdown([report], '0.0.0');
  assert.match(markdown, /### Skipped files \(3\)/);
  assert.match(markdown, /⚠️ `src\/deep\.ts`: rule port-binding\/hardcoded-port failed/);
});
