// The compliance registration against a fake connection: a scan request answers with the twelve factors and
// the skipped files; a file changed after the scan is re-analysed alone and the new report is sent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { URI } from 'vscode-uri';
import type { ComplianceReport } from '../../../core/src/compliance/model';
import { ServerContext } from '../../../server/src/context';
import { ComplianceChangedNotification, ScanWorkspaceRequest } from '../../../server/src/customMessages';
import { registerComplianceFeature } from '../../../server/src/features/compliance';
import { STRIPE_KEY } from '../../lsp/fixtures';
import { FakeConnection, until } from './fakeConnection';

test('scan: twelve factors with the skipped files; a change after the scan sends a new report for that file alone', async () => {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-compliance-unit-')));
  try {
    fs.mkdirSync(path.join(folder, 'src'));
    fs.writeFileSync(path.join(folder, 'package.json'), '{ "name": "app" }\n');
    fs.writeFileSync(path.join(folder, 'src/ok.ts'), 'export const port = Number(process.env.PORT);\n');
    fs.writeFileSync(path.join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const fake = new FakeConnection();
    const ctx = new ServerContext(fake.connection);
    ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
    registerComplianceFeature(ctx);

    const [report] = await fake.call<ComplianceReport[]>(ScanWorkspaceRequest.method, {});
    assert.equal(report.factors.length, 12);
    assert.equal(report.filesScanned, 3);
    assert.deepEqual(report.skipped.map((s) => [path.relative(folder, s.file), s.reason, s.failed]), [['logo.png', 'binary', false]]);
    assert.equal(report.factors[2].findings.length, 0);

    const pay = path.join(folder, 'src/pay.ts');
    fs.writeFileSync(pay, `export const stripe = '${STRIPE_KEY}';\n`);
    const sent = () => fake.sent(ComplianceChangedNotification.method) as Array<{ reports: ComplianceReport[] }>;
    const before = sent().length;
    ctx.fileChanged(pay);
    await until(() => sent().length > before, 'the new report');
    const { reports } = sent()[before];
    assert.equal(reports[0].filesScanned, 4);
    assert.deepEqual(reports[0].factors[2].findings.map((f) => [path.relative(folder, f.file), f.ruleId]), [['src/pay.ts', 'config/hardcoded-secret']]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
