import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionRequest, DefinitionRequest, HoverRequest, type CompletionItem, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { withSession } from './client';

const SECRET_VALUE = ['Zr8', 'vQ2', 'mK9', 'xW4', 'pL7', 'nB3', 'tY6', 'cH1', 'jD5', 'gF0', 'sA8'].join('');
const files = {
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
  'src/config.ts': 'export const port = process.env.PORT;\nexport const secret = process.env.SESSION_SECRET;\nexport const other = process.env.NOT_DECLARED;\n',
};

test('.env diagnostics against the schema: missing, unknown, invalid', async () => {
  await withSession({ files, secrets: [SECRET_VALUE] }, async (s) => {
    const uri = await s.open('.env', files['.env'], 'dotenv', false);
    const codes = (await s.diagnostics(uri)).map((d) => d.code).sort();
    assert.ok(codes.includes('env/missing-required'), JSON.stringify(codes));
    assert.ok(codes.includes('env/unknown-key'), JSON.stringify(codes));
    assert.ok(codes.includes('env/invalid-value'), JSON.stringify(codes));
  });
});

test('completion of schema keys in .env, and of declared names after process.env.', async () => {
  await withSession({ files }, async (s) => {
    const env = await s.open('.env', `${files['.env']}D`, 'dotenv', false);
    const items = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: env }, position: { line: 3, character: 1 } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['DATABASE_URL']);
    const code = await s.open('src/app.ts', 'const x = process.env.\n');
    const names = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: code }, position: { line: 0, character: 22 } })) as CompletionItem[];
    assert.deepEqual(names.map((i) => i.label).sort(), ['DATABASE_URL', 'PORT', 'SESSION_SECRET']);
  });
});

test('hover on process.env.X shows the declaration; a secret value is cloaked; definition jumps to the schema', async () => {
  await withSession({ files, secrets: [SECRET_VALUE] }, async (s) => {
    const uri = await s.open('src/config.ts', files['src/config.ts']);
    const hover = (await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 36 } })) as Hover;
    const text = JSON.stringify(hover.contents);
    assert.match(text, /SESSION_SECRET/);
    assert.ok(!text.includes(SECRET_VALUE), 'the secret value is cloaked');
    const definition = (await s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 0, character: 34 } })) as Location[];
    assert.ok(definition.some((l) => l.uri.endsWith('/.env.schema.yaml') && l.range.start.line === 3), JSON.stringify(definition));
    const undeclared = (await s.diagnostics(uri)).filter((d) => d.code === 'env/undeclared-usage');
    assert.equal(undeclared.length, 1);
    assert.equal(undeclared[0].range.start.line, 2);
  });
});
