// Layer 2, issue 11: what a hostile repository brings, against the bundled server. Every assertion is on a
// result or a count; the only clock is `within`'s hang guard.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { CompletionRequest, DocumentDiagnosticRequest, HoverRequest, ResponseError, type CodeAction, type CompletionItem, type Hover } from 'vscode-languageserver-protocol/node';
import { rangeOf, within, withSession, type Session } from './client';
import { ServerStatsRequest } from '../../server/src/customMessages';
import { ALL_SECRETS, DB_PASSWORD, PAY_TS, STRIPE_KEY } from './fixtures';

const SERVER_CANCELLED = -32802;
const REQUEST_CANCELLED = -32800;

async function completion(s: Session, uri: string, text: string, at: string): Promise<CompletionItem[]> {
  const position = rangeOf(text, at).end;
  const result = await within(s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion');
  return Array.isArray(result) ? result : (result?.items ?? []);
}

async function hover(s: Session, uri: string, text: string, at: string): Promise<Hover | null> {
  const position = rangeOf(text, at).start;
  return within(s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
}

test('a catastrophic allowlist pattern: diagnostics on the file and a hover on another file still answer', async () => {
  for (const pattern of ['(.+)+#$', '(a+)+$']) {
    const config = `secrets:\n  allowlist:\n    values: [${JSON.stringify(pattern)}]\n`;
    const nearMiss = `const password = '${'a'.repeat(40)}!';\n`;
    await withSession({ files: { '.twelve-factor.yaml': config, '.env.example': 'PORT=3000\n' } }, async (s) => {
      const uri = await s.open('src/a.ts', nearMiss);
      const items = await s.diagnostics(uri);
      assert.deepEqual(items.map((d) => d.code), ['config/hardcoded-secret'], `${pattern}: the near-miss is reported, not allowlisted`);
      const other = 'const port = process.env.PORT;\n';
      const otherUri = await s.open('src/b.ts', other);
      const answer = await hover(s, otherUri, other, 'PORT;');
      assert.match(JSON.stringify(answer?.contents ?? ''), /PORT/);
    });
  }
});

test('a fix that would write through a link is offered disabled with the reason, and carries no edit', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    fs.symlinkSync('/dev/null', s.path('.env'));
    const uri = await s.open('src/pay.ts', PAY_TS);
    const [d] = await s.diagnostics(uri);
    const actions = await s.codeActions(uri, d.range, [d]);
    const move = actions.find((a) => /^Move to environment variable/.test(a.title));
    assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(move.edit, undefined);
    assert.match(move.disabled?.reason ?? '', /\.env is a symbolic link/);
    const fixAll = await s.codeActions(uri, d.range, [d], ['source.fixAll.twelveFactor']);
    assert.ok(fixAll.every((a: CodeAction) => a.edit === undefined && a.disabled !== undefined));
    // The editor's text never lost the secret: nothing was applied.
    assert.equal(s.text(uri), PAY_TS);
  });
});

test('no request response shows a secret in full: completion, hover, code action titles', async () => {
  const awsKey = ['AKIA', 'Z7Q4XW2N5RT8YB3M'].join('');
  const example = `# staging key ${STRIPE_KEY}\nS3_ID=${awsKey}\nDB_PASSWORD=${DB_PASSWORD}\nPORT=3000\n`;
  const secrets = [...ALL_SECRETS, awsKey];
  await withSession({ secrets, files: { '.env.example': example, '.env': `S3_ID=${awsKey}\n` } }, async (s) => {
    const responses: unknown[] = [];
    const code = 'const id = process.env.S3_ID;\nconst x = process.env.\n';
    const uri = await s.open('src/app.ts', code);
    const items = await completion(s, uri, code, 'x = process.env.');
    assert.ok(items.some((i) => i.label === 'S3_ID'), 'completion offers the declared variable');
    responses.push(items, await hover(s, uri, code, 'S3_ID;'));

    // Python and Go (issue 12): the same completion and hover from the name's string.
    const py = "import os\nkey = os.getenv('S3_ID')\nx = os.environ['\n";
    const pyUri = await s.open('app.py', py);
    const pyItems = await completion(s, pyUri, py, "x = os.environ['");
    assert.ok(pyItems.some((i) => i.label === 'S3_ID'), 'completion offers the declared variable in Python');
    const go = 'package main\n\nimport "os"\n\nvar id = os.Getenv("S3_ID")\n';
    const goUri = await s.open('main.go', go);
    responses.push(pyItems, await hover(s, pyUri, py, "S3_ID'"), await hover(s, goUri, go, 'S3_ID"'));

    const env = 'PORT=1\n';
    const envUri = await s.open('config/.env.local', env);
    responses.push(await completion(s, envUri, env, 'PORT=1\n'), await hover(s, envUri, env, 'PORT'));

    const payUri = await s.open('src/pay.ts', PAY_TS);
    const diagnostics = await s.diagnostics(payUri);
    responses.push(diagnostics, (await s.codeActions(payUri, diagnostics[0].range, diagnostics)).map((a) => [a.title, a.disabled]));

    const seen = JSON.stringify(responses);
    assert.match(seen, /S3_ID/);
    for (const secret of secrets) assert.ok(!seen.includes(secret), `a response holds ${secret.slice(0, 4)}… in full`);
  });
});

test('30 concurrent pulls for one document: one analysis, every pull answered, caches dropped on close', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const stats = () => within(s.connection.sendRequest(ServerStatsRequest), 'stats');
    // Hold the settings answer, so all 30 pulls are outstanding at once, as behind a slow client.
    let release = (): void => undefined;
    s.configurationGate = new Promise<void>((resolve) => { release = resolve; });
    const uri = await s.open('src/pay.ts', PAY_TS);
    const before = (await stats()).analysesRun;
    const pulls = Array.from({ length: 30 }, () => s.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })
      .then((report) => ({ report }), (error: unknown) => ({ error })));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const outcomes = await within(Promise.all(pulls), 'every pull answered');
    const full = outcomes.filter((o) => 'report' in o);
    const cancelled = outcomes.filter((o) => 'error' in o && o.error instanceof ResponseError && [SERVER_CANCELLED, REQUEST_CANCELLED].includes(o.error.code));
    assert.equal(full.length + cancelled.length, 30, 'each pull has a report or a cancellation, nothing else');
    assert.ok(full.length >= 1, 'the newest pull carries the result');
    for (const o of full) {
      const report = (o as { report: { kind: string; items?: Array<{ code?: unknown }> } }).report;
      assert.deepEqual(report.items?.map((d) => d.code), ['config/hardcoded-secret']);
    }
    assert.equal(full.length, 1, 'older outstanding pulls are superseded by the newest');
    assert.equal((await stats()).analysesRun - before, 1, 'one analysis for one version');

    await s.closeDocument(uri);
    const after = await stats();
    assert.equal(after.cachedAnalyses, 0, 'the analysis is dropped on close');
    assert.equal(after.trackedPulls, 0, 'the pull bookkeeping is dropped on close');
  });
});

test('memory after close: a file with thousands of findings, pulled 30 times, leaves the heap within 20 MB of its baseline', async () => {
  const MB = 1024 * 1024;
  const FINDINGS = 15_000;
  const many = Array.from({ length: FINDINGS }, (_, i) => `export const cache${i} = 'redis://cache-${i}.internal:6379/0';\n`).join('');
  await withSession({ nodeArgs: ['--expose-gc'] }, async (s) => {
    // Each stats request runs a full collection first: heapUsed is what is still reachable, not garbage waiting.
    const stats = () => within(s.connection.sendRequest(ServerStatsRequest), 'stats');
    // Warm up on a small file of the same kind: the lazily loaded TypeScript compiler and the rules' tables
    // belong to the baseline, not to the big file.
    const small = await s.open('src/small.ts', "export const cache = 'redis://cache.internal:6379/0';\n");
    assert.equal((await s.diagnostics(small)).length, 1);
    await s.closeDocument(small);
    const baseline = await stats();
    assert.ok(baseline.collected, 'the server runs with --expose-gc');

    const uri = await s.open('src/many.ts', many);
    const pulls = Array.from({ length: 30 }, () => s.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })
      .then((report) => report, () => undefined));
    const answered = (await within(Promise.all(pulls), 'every pull answered')).filter((r) => r !== undefined);
    assert.ok(answered.length >= 1);
    const last = answered[answered.length - 1];
    assert.equal(last?.kind === 'full' ? last.items.length : 0, FINDINGS, 'thousands of findings');
    const open = await stats();
    await s.closeDocument(uri);
    const closed = await stats();
    const mb = (n: number) => (n / MB).toFixed(1);
    console.log(`  heap: baseline ${mb(baseline.heapUsed)} MB, open ${mb(open.heapUsed)} MB, closed ${mb(closed.heapUsed)} MB; rss ${mb(baseline.rss)} → ${mb(open.rss)} → ${mb(closed.rss)} MB`);
    // The bound has teeth: while open, the file's analysis holds more than the 20 MB allowed after close.
    assert.ok(open.heapUsed - baseline.heapUsed > 20 * MB, `the open file holds only ${mb(open.heapUsed - baseline.heapUsed)} MB: the test could not see a leak`);
    assert.ok(closed.heapUsed - baseline.heapUsed < 20 * MB,
      `heap ${mb(closed.heapUsed)} MB after close, baseline ${mb(baseline.heapUsed)} MB: more than 20 MB still held`);
    assert.equal(closed.cachedAnalyses, 0);
  });
});
