import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { ComplianceReport } from '../../core/src/compliance/model';
import type { MessageConnection } from 'vscode-languageserver-protocol/node';
import { ComplianceChangedNotification, ExportReportRequest, ScanWorkspaceRequest } from '../../server/src/customMessages';
import { waitFor, withSession } from './client';

const PASSWORD = ['pg', 'Pa55', 'w0rd', 'Zq81'].join('-');

const files = {
  'package.json': '{ "name": "app", "dependencies": { "express": "4" } }\n',
  'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
  'src/db.ts': `export const pool = { password: '${PASSWORD}' };\n`,
  'node_modules/x/index.js': `export const password = '${PASSWORD}';\n`,
};

/** A finding's file relative to the workspace, whether the report gives it absolute or not. */
const relative = (root: string, file: string) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
const factor = (reports: ComplianceReport[], n: number) => reports[0].factors[n - 1];

test('workspace scan: twelve factors, statuses from findings, node_modules skipped', async () => {
  await withSession({ files, secrets: [PASSWORD] }, async (s) => {
    const reports = await s.connection.sendRequest(ScanWorkspaceRequest, {});
    assert.equal(reports.length, 1);
    assert.equal(reports[0].factors.length, 12);
    assert.deepEqual(reports[0].factors.map((f) => f.roman), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    assert.equal(factor(reports, 3).status, 'failing');
    assert.deepEqual(factor(reports, 3).findings.map((f) => f.file.endsWith('src/db.ts')), [true]);
    assert.equal(factor(reports, 9).status, 'warnings');
    assert.ok(factor(reports, 9).findings.some((f) => f.ruleId === 'disposability/missing-sigterm-handler'));
    // Workspace facts stand beside the findings: a package.json without a lockfile.
    assert.ok(factor(reports, 2).facts.some((f) => f.id === 'dependencies.lockfile' && f.status !== 'pass'));
    assert.equal(reports[0].filesScanned, 3);
    assert.ok(reports[0].score < 12);
  });
});

test('an edit on disk re-judges the program and sends the new report', async () => {
  await withSession({ files }, async (s) => {
    await s.connection.sendRequest(ScanWorkspaceRequest, {});
    s.write('src/shutdown.ts', "process.on('SIGTERM', () => process.exit(0));\n");
    s.write('src/server.ts', `import './shutdown';\n${files['src/server.ts']}`);
    await s.fileChanged('src/shutdown.ts');
    await s.fileChanged('src/server.ts');
    await waitFor(() => s.notifications.some((n) => n.method === ComplianceChangedNotification.method &&
      !factor((n.params as { reports: ComplianceReport[] }).reports, 9).findings.some((f) => f.ruleId === 'disposability/missing-sigterm-handler')),
    'factor IX loses its SIGTERM finding after the handler appears');
  });
});

test('a folder created or deleted with files in it, reported once as the folder, updates the report', async () => {
  await withSession({ files, secrets: [PASSWORD] }, async (s) => {
    await s.connection.sendRequest(ScanWorkspaceRequest, {});
    const latest = () => {
      const sent = s.notifications.filter((n) => n.method === ComplianceChangedNotification.method);
      return (sent[sent.length - 1]?.params as { reports: ComplianceReport[] } | undefined)?.reports;
    };
    const secretFiles = () => (latest() ? factor(latest()!, 3).findings.map((f) => relative(s.path(''), f.file)) : []);
    // As a watcher reports `mkdir -p lib/keys && write`: the folder only (the file inside came before its watch).
    // YAML, not a module: no program change (which would rescan everything) hides a missed update.
    s.write('lib/keys/db.yaml', `password: ${PASSWORD}\n`);
    await s.fileChanged('lib', FileChangeType.Created);
    await waitFor(() => secretFiles().some((f) => f.endsWith('lib/keys/db.yaml')), 'the file inside the new folder in factor III');
    // `rm -r lib`: only the folder is reported deleted.
    fs.rmSync(s.path('lib'), { recursive: true });
    await s.fileChanged('lib', FileChangeType.Deleted);
    await waitFor(() => !secretFiles().some((f) => f.endsWith('lib/keys/db.yaml')), 'the deleted folder\'s finding gone');
  });
});

test('build output and git-ignored files changed on disk stay out of the report, as they are out of the scan', async () => {
  await withSession({ files: { ...files, '.gitignore': 'generated/\n' }, secrets: [PASSWORD] }, async (s) => {
    const first = await s.connection.sendRequest(ScanWorkspaceRequest, {});
    const before = first[0].filesScanned;
    // YAML, not modules: no program change (which would rescan everything) hides a wrong update.
    const secret = `password: ${PASSWORD}\n`;
    for (const rel of ['dist/db.yaml', 'generated/db.yaml', 'node_modules/y/db.yaml']) {
      s.write(rel, secret);
      await s.fileChanged(rel, FileChangeType.Created);
    }
    // A change the report must show, after those: when it arrives, the others were judged before it.
    s.write('src/late.yaml', secret);
    await s.fileChanged('src/late.yaml', FileChangeType.Created);
    await waitFor(() => s.notifications.some((n) => n.method === ComplianceChangedNotification.method &&
      factor((n.params as { reports: ComplianceReport[] }).reports, 3).findings.some((f) => f.file.endsWith('late.yaml'))), 'src/late.yaml in factor III');
    const sent = s.notifications.filter((n) => n.method === ComplianceChangedNotification.method);
    const reports = (sent[sent.length - 1].params as { reports: ComplianceReport[] }).reports;
    assert.deepEqual(factor(reports, 3).findings.map((f) => relative(s.path(''), f.file)).sort(), ['src/db.ts', 'src/late.yaml']);
    assert.equal(reports[0].filesScanned, before + 1);
  });
});

test('a burst of file events (a checkout, a build) is answered with one report, not one per file', async () => {
  await withSession({ files, secrets: [PASSWORD] }, async (s) => {
    await s.connection.sendRequest(ScanWorkspaceRequest, {});
    const before = s.notifications.filter((n) => n.method === ComplianceChangedNotification.method).length;
    for (let i = 0; i < 50; i++) {
      s.write(`cfg/c${i}.yaml`, i === 49 ? `password: ${PASSWORD}\n` : `name: c${i}\n`);
      await s.fileChanged(`cfg/c${i}.yaml`, FileChangeType.Created);
    }
    await waitFor(() => s.notifications.some((n) => n.method === ComplianceChangedNotification.method &&
      factor((n.params as { reports: ComplianceReport[] }).reports, 3).findings.some((f) => f.file.endsWith('cfg/c49.yaml'))), 'the burst in the report');
    const reports = s.notifications.filter((n) => n.method === ComplianceChangedNotification.method).length - before;
    assert.ok(reports <= 2, `${reports} reports for 50 events`);
  });
});

test('export: Markdown table and SARIF, both without the secret', async () => {
  await withSession({ files, secrets: [PASSWORD] }, async (s) => {
    const markdown = await s.connection.sendRequest(ExportReportRequest, { format: 'markdown' });
    assert.match(markdown, /^# Twelve-Factor compliance report/);
    assert.match(markdown, /\| III\. Config \| ❌ failing \| 1 \|/);
    assert.match(markdown, /`src\/db\.ts:1:\d+` error: .*config\/hardcoded-secret/);
    assert.ok(!markdown.includes(PASSWORD));
    const sarif = JSON.parse(await s.connection.sendRequest(ExportReportRequest, { format: 'sarif' })) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 4, "secret, SIGTERM, hardcoded port, missing lockfile");
  });
});

test('a workspace scan shows progress and stops when the client cancels it', async () => {
  const many: Record<string, string> = { 'package.json': '{ "name": "big" }' };
  for (let i = 0; i < 3000; i++) many[`src/m${i}.ts`] = `export const value${i} = ${i};\nexport function f${i}(a: number) { return a + ${i}; }\n`;
  const withProgress = (c: import('vscode-languageserver-protocol').ClientCapabilities) => ({ ...c, window: { ...c.window, workDoneProgress: true } });
  await withSession({ files: many, capabilities: withProgress }, async (s) => {
    const tokens: Array<string | number> = [];
    s.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      tokens.push(params.token);
      return null;
    });
    // $/progress for a token the client made reaches jsonrpc's unhandled-progress event, not the notification log.
    const progress: Array<{ token: string | number; value: { kind: string; cancellable?: boolean } }> = [];
    (s.connection as unknown as MessageConnection).onUnhandledProgress((p) => progress.push(p as (typeof progress)[number]));
    const scan = s.connection.sendRequest(ScanWorkspaceRequest, {});
    await waitFor(() => progress.some((p) => p.value.kind === 'begin'), 'progress to begin');
    const begin = progress[0];
    assert.equal(begin.value.cancellable, true, 'the progress offers a cancel button');
    assert.deepEqual(tokens, [begin.token]);
    await s.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    const reports = await scan;
    assert.deepEqual(reports, [], 'a cancelled first scan has no report');
    await waitFor(() => s.logs.some((l) => /Workspace scan cancelled/.test(l.message)), 'the cancellation logged');
    await waitFor(() => progress.some((p) => p.value.kind === 'end'), 'the progress to end');
  });
});

test('a finding an inline comment ignores is counted on its factor, not listed, and stays out of the Problems panel', async () => {
  const ignored = {
    ...files,
    'src/db.ts': `// twelve-factor-disable-next-line config/hardcoded-secret -- local fixture\nexport const pool = { password: '${PASSWORD}' };\n`,
  };
  await withSession({ files: ignored, secrets: [PASSWORD] }, async (s) => {
    const reports = await s.connection.sendRequest(ScanWorkspaceRequest, {});
    assert.equal(factor(reports, 3).suppressed, 1);
    assert.equal(factor(reports, 3).findings.filter((f) => f.ruleId === 'config/hardcoded-secret').length, 0);
    assert.notEqual(factor(reports, 3).status, 'failing');
    assert.equal(factor(reports, 11).suppressed, 0);
  });
});

test('skipped files are in the report with their reasons, never counted clean, and in the exported SARIF and Markdown', async () => {
  // 10,000, not 800: once V8 has optimized TypeScript's parser (a server that has parsed for a while) its frames
  // are smaller, and 800 levels no longer overflow the stack (measured: 800 and 1,500 parse, 3,000 overflow). One
  // parenthesis a line: a 20,000-character line would make the file "minified", skipped for another reason.
  const depth = 10_000;
  const skippedFiles = {
    'package.json': '{ "name": "app" }\n',
    'src/ok.ts': 'export const port = Number(process.env.PORT);\n',
    // The TypeScript parser overflows its stack on this: the file cannot be fully analysed.
    'src/deep.ts': `import express from 'express';\nexport const x = ${'(\n'.repeat(depth)}1${'\n)'.repeat(depth)};\nexpress().listen(3000);\n`,
    'assets/logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000',
    'vendor.js': `// ${'x'.repeat(2 * 1024 * 1024 + 10)}\n`,
  };
  await withSession({ files: skippedFiles }, async (s) => {
    const [report] = await s.connection.sendRequest(ScanWorkspaceRequest, {});
    const listed = report.skipped.map((x) => [relative(s.folder, x.file), x.failed]);
    assert.deepEqual(listed, [['src/deep.ts', true], ['assets/logo.png', false], ['vendor.js', false]]);
    assert.match(report.skipped[0].reason, /failed|not fully analysed/);
    assert.equal(report.skipped[1].reason, 'binary');
    assert.match(report.skipped[2].reason, /^larger than/);
    // Config (III) reads TypeScript: with a file it could not read it does not pass.
    assert.equal(factor([report], 3).status, 'warnings');
    assert.deepEqual(factor([report], 3).notAnalysed.map((x) => relative(s.folder, x.file)), ['src/deep.ts']);

    const sarif = JSON.parse(await s.connection.sendRequest(ExportReportRequest, { format: 'sarif' })) as {
      runs: Array<{ invocations?: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }> }>;
    };
    const notes = sarif.runs[0].invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.deepEqual(notes.map((n) => n.level).sort(), ['note', 'note', 'warning']);
    assert.ok(notes.some((n) => n.level === 'warning' && n.message.text.includes('src/deep.ts')));
    const markdown = await s.connection.sendRequest(ExportReportRequest, { format: 'markdown' });
    assert.match(markdown, /### Skipped files \(3\)/);
  });
});
