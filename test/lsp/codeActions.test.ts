// Layer 2: code actions of the bundled server, applied to a real folder the way an editor applies them.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { withSession, type Session } from './client';
import { ALL_SECRETS, PAY_TS, SESSION_SECRET, STRIPE_KEY, TWO_SECRETS_TS } from './fixtures';

const MOVE = /^Move to environment variable ([A-Z_][A-Z0-9_]*)$/;

/** Opens the file, pulls its diagnostics and asks for the code actions of the first one. */
async function actionsFor(s: Session, rel: string, text: string, index = 0): Promise<{ uri: string; diagnostics: Diagnostic[]; actions: CodeAction[] }> {
  const uri = await s.open(rel, text);
  const diagnostics = await s.diagnostics(uri);
  assert.ok(diagnostics.length > index, `expected a diagnostic #${index}`);
  const d = diagnostics[index];
  return { uri, diagnostics, actions: await s.codeActions(uri, d.range, [d]) };
}

function moveAction(actions: CodeAction[]): { action: CodeAction; name: string } {
  const action = actions.find((a) => MOVE.test(a.title));
  assert.ok(action, `no move action in ${JSON.stringify(actions.map((a) => a.title))}`);
  return { action, name: MOVE.exec(action.title)![1] };
}

test('move to .env: the code reads process.env.NAME, .env and .gitignore are created', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const { uri, actions } = await actionsFor(s, 'src/pay.ts', PAY_TS);
    const { action, name } = moveAction(actions);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1, 'exactly one preferred action');
    assert.ok(action.edit?.documentChanges, 'a versioned edit, as the client supports documentChanges');

    await s.apply(action.edit);
    assert.equal(s.text(uri), PAY_TS.replace(`'${STRIPE_KEY}'`, `process.env.${name}`));
    assert.equal(s.read('.env'), `${name}=${STRIPE_KEY}\n`);
    assert.equal(s.read('.gitignore'), '.env\n');
    assert.equal(s.read('.env.example'), undefined, 'no .env.example is invented');
    assert.deepEqual(await s.diagnostics(uri), [], 'nothing left to report');
  });
});

test('move to .env keeps an existing .env byte for byte and appends after a newline; .env.example gets NAME=', async () => {
  const env = '# local settings\r\nPORT=3000\nLOG_LEVEL=debug';
  const files = { '.env': env, '.env.example': 'PORT=\n', '.gitignore': 'node_modules' };
  await withSession({ secrets: ALL_SECRETS, files }, async (s) => {
    const { name, action } = moveAction((await actionsFor(s, 'src/pay.ts', PAY_TS)).actions);
    await s.apply(action.edit!);
    const after = s.read('.env') ?? '';
    assert.ok(after.startsWith(env), 'existing content preserved byte for byte');
    assert.match(after.slice(env.length), new RegExp(`^\\r?\\n${name}=${STRIPE_KEY}\\r?\\n$`));
    assert.equal(s.read('.env.example'), `PORT=\n${name}=\n`);
    assert.equal(s.read('.gitignore'), 'node_modules\n.env\n');
  });
});

// audit:fix found these on real apps (linkding, cnpmcore): the editor's quick fix takes the same way as --fix.
test('move to .env: a .env.sample is the example; a module\'s own package.json does not take the .env from the root', async () => {
  const files = { '.env.sample': 'PORT=\n', '.gitignore': '.env\n', 'package.json': '{"name":"app","dependencies":{"stripe":"^14.0.0"}}',
    'src/common/package.json': '{"name":"app-common","dependencies":{"stripe":"^14.0.0"}}' };
  await withSession({ secrets: ALL_SECRETS, files }, async (s) => {
    const { name, action } = moveAction((await actionsFor(s, 'src/common/pay.ts', PAY_TS)).actions);
    await s.apply(action.edit!);
    assert.equal(s.read('.env.sample'), `PORT=\n${name}=\n`, 'the moved name is declared in the sample');
    assert.equal(s.read('.env'), `PORT=\n${name}=${STRIPE_KEY}\n`, 'the new .env starts as the sample does');
    assert.equal(s.read('.env.example'), undefined, 'no .env.example is invented');
    assert.equal(s.read('src/common/.env'), undefined, 'nothing is written beside the module');
  });
});

test('move to .env: a .gitignore that already ignores .env is left alone; the same value reuses its key', async () => {
  await withSession({ files: { '.gitignore': '.env*\n' } }, async (s) => {
    const { name, action } = moveAction((await actionsFor(s, 'src/pay.ts', PAY_TS)).actions);
    s.write('.env', `OTHER=1\n${name}=${STRIPE_KEY}\n`);
    const again = moveAction((await s.codeActions(s.uri('src/pay.ts'), action.diagnostics![0].range, action.diagnostics!)));
    assert.equal(again.name, name, 'the key already holding this value is reused');
    await s.apply(again.action.edit!);
    assert.equal(s.read('.env'), `OTHER=1\n${name}=${STRIPE_KEY}\n`, 'nothing appended');
    assert.equal(s.read('.gitignore'), '.env*\n');
    assert.match(s.text(s.uri('src/pay.ts')), new RegExp(`process\\.env\\.${name}\\)`));
  });
});

test('move to .env: a name already used with another value gets a unique name, the old line untouched', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const first = await actionsFor(s, 'src/pay.ts', PAY_TS);
    const { name } = moveAction(first.actions);
    const env = `${name}=sk_test_other_value_123\n`;
    s.write('.env', env);
    const d = first.diagnostics[0];
    const { name: unique, action } = moveAction(await s.codeActions(first.uri, d.range, [d]));
    assert.equal(unique, `${name}_2`);
    await s.apply(action.edit!);
    assert.equal(s.read('.env'), `${env}${name}_2=${STRIPE_KEY}\n`);
    assert.equal(s.text(first.uri), PAY_TS.replace(`'${STRIPE_KEY}'`, `process.env.${name}_2`));
  });
});

test('move to .env goes to the nearest package.json folder (monorepo package)', async () => {
  await withSession({ files: { 'package.json': '{}', 'packages/api/package.json': '{}' } }, async (s) => {
    const { action, name } = moveAction((await actionsFor(s, 'packages/api/src/pay.ts', PAY_TS)).actions);
    await s.apply(action.edit!);
    assert.equal(s.read('packages/api/.env'), `${name}=${STRIPE_KEY}\n`);
    assert.equal(s.read('.env'), undefined);
  });
});

test('a stale edit is refused: the fix carries the document version it was computed for', async () => {
  await withSession({}, async (s) => {
    const { uri, actions } = await actionsFor(s, 'src/pay.ts', PAY_TS);
    const { action } = moveAction(actions);
    const edit = action.edit?.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
    assert.ok(edit && 'textDocument' in edit);
    assert.equal(edit.textDocument.version, s.version(uri));
    await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await assert.rejects(s.apply(action.edit!), /stale edit/);
  });
});

test('"Ignore this secret" inserts a disable comment above, indentation kept; then nothing is reported', async () => {
  const text = `import Stripe from 'stripe';\n\nexport function make() {\n    return new Stripe('${STRIPE_KEY}');\n}\n`;
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const { uri, actions } = await actionsFor(s, 'src/pay.ts', text);
    const ignore = actions.find((a) => /^Ignore this secret$/.test(a.title));
    assert.ok(ignore?.edit, `no ignore action in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(ignore.kind, 'quickfix');
    assert.notEqual(ignore.isPreferred, true);
    await s.apply(ignore.edit);
    const lines = s.text(uri).split('\n');
    // The reason is the user's to write: the action claims nothing ("not a secret") for them.
    assert.match(lines[3], /^ {4}\/\/ twelve-factor-disable-next-line config\/hardcoded-secret -- <reason>$/);
    assert.equal(lines[4], `    return new Stripe('${STRIPE_KEY}');`);
    assert.equal(lines.length, text.split('\n').length + 1, 'exactly one line added');
    assert.deepEqual(await s.diagnostics(uri), []);
  });
});

test('"Ignore this secret" is a versioned edit: applied after the document changed, it is refused', async () => {
  await withSession({}, async (s) => {
    const { uri, actions } = await actionsFor(s, 'src/pay.ts', PAY_TS);
    const ignore = actions.find((a) => a.title === 'Ignore this secret');
    assert.ok(ignore?.edit);
    // Unversioned `changes` would insert the comment at a stale line number after this edit.
    await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
    await assert.rejects(s.apply(ignore.edit), /stale edit/);
  });
});

test('"Show documentation" runs twelveFactor.openRuleDocs with the rule page', async () => {
  await withSession({}, async (s) => {
    const { diagnostics, actions } = await actionsFor(s, 'src/pay.ts', PAY_TS);
    const docs = actions.find((a) => /documentation/i.test(a.title));
    assert.ok(docs, `no documentation action in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(docs.command?.command, 'twelveFactor.openRuleDocs');
    assert.deepEqual(docs.command?.arguments, [diagnostics[0].codeDescription?.href]);
    assert.equal(docs.edit, undefined);
  });
});

test('source.fixAll never rewrites a test: the same secrets in a test file get their quick fixes, no fix-all', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    const { uri, diagnostics, actions } = await actionsFor(s, 'src/__tests__/app.test.ts', TWO_SECRETS_TS);
    assert.ok(diagnostics.length > 0);
    assert.ok(actions.some((a) => a.kind === 'quickfix' && a.edit), 'a quick fix the user picks is still offered');
    const whole = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
    assert.deepEqual(await s.codeActions(uri, whole, [], ['source.fixAll']), []);
  });
});

test('two secrets: "Move all 2 secrets" moves both; source.fixAll returns only the fix-all action', async () => {
  await withSession({ secrets: ALL_SECRETS }, async (s) => {
    // A configuration module: there a phrase under a secret's name is an error, which fix-all moves (in an
    // ordinary module a secret found by its name alone is information, which fix-all leaves).
    const { uri, diagnostics, actions } = await actionsFor(s, 'src/config.ts', TWO_SECRETS_TS);
    assert.equal(diagnostics.length, 2);
    const all = actions.find((a) => /^Move all 2 secrets\b/.test(a.title));
    assert.ok(all?.edit, `no move-all action in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(all.kind, 'quickfix');

    const whole = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
    const fixAll = await s.codeActions(uri, whole, [], ['source.fixAll']);
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.twelveFactor']);
    assert.deepEqual(await s.codeActions(uri, whole, [], ['source.organizeImports']), []);

    await s.apply(fixAll[0].edit!);
    const code = s.text(uri);
    const names = [...code.matchAll(/process\.env\.([A-Z_0-9]+)/g)].map((m) => m[1]);
    assert.equal(names.length, 2, code);
    assert.notEqual(names[0], names[1]);
    assert.equal(s.read('.env'), `${names[0]}=${STRIPE_KEY}\n${names[1]}=${SESSION_SECRET}\n`);
    assert.equal(s.read('.gitignore'), '.env\n');
    assert.deepEqual(await s.diagnostics(uri), []);
    assert.deepEqual(await s.codeActions(uri, whole, [], ['source.fixAll']), [], 'nothing left to fix');
  });
});
