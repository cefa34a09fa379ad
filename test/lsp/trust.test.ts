import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withSession } from './client';

const CODE = "export const dbPassword = 'Zr8vQ2mK9xW4pL7n';\n";

const titles = async (trusted: boolean): Promise<string[]> => {
  let result: string[] = [];
  await withSession({ initializationOptions: { workspaceTrusted: trusted } }, async (s) => {
    const uri = await s.open('src/db.ts', CODE);
    const diagnostics = await s.diagnostics(uri);
    assert.equal(diagnostics.length, 1, 'untrusted or not, the analysis runs');
    result = (await s.codeActions(uri, diagnostics[0].range, diagnostics)).map((a) => a.title);
  });
  return result;
};

test('untrusted workspace: no fix writes another file; the disable comment stays', async () => {
  const untrusted = await titles(false);
  assert.ok(!untrusted.some((t) => t.startsWith('Move to environment variable')), JSON.stringify(untrusted));
  assert.ok(untrusted.includes('Ignore this secret'), JSON.stringify(untrusted));
  const trusted = await titles(true);
  assert.ok(trusted.some((t) => t.startsWith('Move to environment variable')), JSON.stringify(trusted));
});
