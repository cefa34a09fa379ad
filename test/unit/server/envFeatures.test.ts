// The .env registration (completion, hover, go-to-definition) against a fake connection: the same cases as
// test/lsp/env.test.ts, in milliseconds and without a server process, plus the paths that answer nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, Hover, Location } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { ServerContext } from '../../../server/src/context';
import { registerEnvFeatures } from '../../../server/src/features/envFeatures';
import { FakeConnection } from './fakeConnection';

const SECRET_VALUE = ['Zr8', 'vQ2', 'mK9', 'xW4', 'pL7', 'nB3', 'tY6', 'cH1', 'jD5', 'gF0', 'sA8'].join('');
const FILES: Record<string, string> = {
  '.gitignore': '.env\n',
  '.env.schema.yaml': [
    'allowUnknown: false',
    'variables:',
    '  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres], description: Primary database }',
    '  PORT: { type: port, default: 3000 }',
    '  SESSION_SECRET: { type: string, minLength: 32, secret: true }',
    '',
  ].join('\n'),
  '.env': `PORT=80800\nSESSION_SECRET=${SECRET_VALUE}\nEXTRA=1\n`,
};

async function setup(enabled = true) {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-env-unit-')));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(folder, name), text);
  const fake = new FakeConnection();
  const ctx = new ServerContext(fake.connection);
  ctx.folders.list = [{ uri: URI.file(folder).toString(), name: 'ws' }];
  // `twelveFactor.enable` as the client answers it for each resource (workspace/configuration).
  ctx.client.configuration = true;
  fake.configuration = { twelveFactor: { enable: enabled } };
  registerEnvFeatures(ctx);
  ctx.documents.listen(fake.connection);
  const open = async (rel: string, text: string) => {
    const uri = URI.file(path.join(folder, rel)).toString();
    await fake.open(uri, text, rel.endsWith('.ts') ? 'typescript' : 'dotenv');
    return uri;
  };
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  return { fake, open, at, done: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

test('completion: schema keys not yet in .env; declared names after process.env.', async () => {
  const s = await setup();
  const env = await s.open('.env', `${FILES['.env']}D`);
  const keys = await s.fake.call<CompletionItem[]>('textDocument/completion', s.at(env, 3, 1));
  assert.deepEqual(keys.map((i) => i.label), ['DATABASE_URL']);
  const code = await s.open('src/app.ts', 'const x = process.env.\n');
  const names = await s.fake.call<CompletionItem[]>('textDocument/completion', s.at(code, 0, 22));
  assert.deepEqual(names.map((i) => i.label).sort(), ['DATABASE_URL', 'PORT', 'SESSION_SECRET']);
  assert.deepEqual(await s.fake.call('textDocument/completion', s.at(code, 0, 5)), [], 'not after an env object: nothing');
  s.done();
});

test('hover shows the declaration with the secret cloaked; definition jumps to the schema line', async () => {
  const s = await setup();
  const uri = await s.open('src/config.ts', 'export const port = process.env.PORT;\nexport const secret = process.env.SESSION_SECRET;\n');
  const hover = await s.fake.call<Hover>('textDocument/hover', s.at(uri, 1, 36));
  const text = JSON.stringify(hover.contents);
  assert.match(text, /SESSION_SECRET/);
  assert.ok(!text.includes(SECRET_VALUE), 'the secret value is cloaked');
  const definition = await s.fake.call<Location[]>('textDocument/definition', s.at(uri, 0, 34));
  assert.ok(definition.some((l) => l.uri.endsWith('/.env.schema.yaml') && l.range.start.line === 3), JSON.stringify(definition));
  assert.equal(await s.fake.call('textDocument/hover', s.at(uri, 0, 2)), null, 'not on an env read: no hover');
  s.done();
});

test('disabled for the resource: every request answers nothing', async () => {
  const s = await setup(false);
  const uri = await s.open('src/config.ts', 'export const port = process.env.PORT;\nconst x = process.env.\n');
  assert.deepEqual(await s.fake.call('textDocument/completion', s.at(uri, 1, 22)), []);
  assert.equal(await s.fake.call('textDocument/hover', s.at(uri, 0, 34)), null);
  assert.equal(await s.fake.call('textDocument/definition', s.at(uri, 0, 34)), null);
  s.done();
});
