import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import { readDisk, SESSION_SECRET, uriOf, waitFor } from './helpers';

suite('compliance panel', () => {
  test('scan: twelve factors in order, statuses and score agree', async () => {
    const reports = await vscode.commands.executeCommand<ComplianceReport[]>('twelveFactor.scanWorkspace');
    assert.equal(reports.length, 1);
    const factors = reports[0].factors;
    assert.deepEqual(factors.map((f) => f.roman), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    for (const f of factors) assert.ok(['pass', 'warnings', 'failing', 'not-applicable'].includes(f.status), f.status);
    assert.equal(reports[0].score, factors.filter((f) => f.status === 'pass' || f.status === 'not-applicable').length);
    assert.ok(reports[0].filesScanned > 0);
  });

  test('the panel opens and shows the same reports', async () => {
    const reports = await vscode.commands.executeCommand<ComplianceReport[]>('twelveFactor.showCompliancePanel');
    assert.equal(reports[0].factors.length, 12);
  });

  test('a file written after the scan updates the panel incrementally', async () => {
    const file = 'compliance-new/src/keys.ts';
    await vscode.workspace.fs.writeFile(uriOf(file), new TextEncoder().encode(`export const sessionSecret = '${SESSION_SECRET}';\n`));
    await waitFor(async () => {
      const reports = await vscode.commands.executeCommand<ComplianceReport[]>('twelveFactor.showCompliancePanel');
      return reports[0].factors[2].findings.some((f) => f.file.endsWith('keys.ts'));
    }, 'the new finding in factor III', 30000);
  });

  test('export writes a Markdown report without secrets', async () => {
    const target = uriOf('compliance-report.md');
    const written = await vscode.commands.executeCommand<vscode.Uri>('twelveFactor.exportReport', { format: 'markdown', uri: target });
    assert.equal(written?.toString(), target.toString());
    const text = await readDisk('compliance-report.md');
    assert.ok(text?.startsWith('# Twelve-Factor compliance report'));
    assert.match(text ?? '', /\| I\. Codebase \|/);
    assert.ok(!(text ?? '').includes(SESSION_SECRET), 'no secret in the report');
  });
});
