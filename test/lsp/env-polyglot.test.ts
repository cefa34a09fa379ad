import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionRequest, DefinitionRequest, HoverRequest, type CompletionItem, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { withSession } from './client';

// Issue 12: env completion, hover and definition in Python and Go, secrets cloaked as in JS.
const SECRET_VALUE = ['Qp7', 'rT2', 'wX9', 'eL4', 'uN8', 'iO3', 'aS6', 'dF1', 'hJ5', 'kZ0', 'mC8'].join('');
const files = {
  '.gitignore': '.env\n',
  '.env.schema.yaml': 'variables:\n  PORT: { type: port, default: 3000 }\n  SESSION_SECRET: { type: string, secret: true }\n',
  '.env': `PORT=8080\nSESSION_SECRET=${SECRET_VALUE}\n`,
  'app.py': "import os\nsecret = os.environ.get('SESSION_SECRET')\nport = os.getenv('PORT')\n",
  'main.go': 'package main\n\nimport "os"\n\nfunc main() {\n\t_ = os.Getenv("SESSION_SECRET")\n}\n',
};

test('Python and Go: completion in the name string, hover cloaks a secret, definition goes to the schema', async () => {
  await withSession({ files, secrets: [SECRET_VALUE] }, async (s) => {
    const py = await s.open('app.py', files['app.py']);
    const hover = (await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: py }, position: { line: 1, character: 28 } })) as Hover;
    const text = JSON.stringify(hover.contents);
    assert.match(text, /SESSION_SECRET/);
    assert.ok(!text.includes(SECRET_VALUE), 'the secret value is cloaked');
    const definition = (await s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: py }, position: { line: 2, character: 20 } })) as Location[];
    assert.ok(definition.some((l) => l.uri.endsWith('/.env.schema.yaml') && l.range.start.line === 1), JSON.stringify(definition));
    const typing = await s.open('typing.py', "import os\nx = os.getenv('\n");
    const names = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: typing }, position: { line: 1, character: 15 } })) as CompletionItem[];
    assert.deepEqual(names.map((i) => i.label).sort(), ['PORT', 'SESSION_SECRET']);
    assert.ok(!JSON.stringify(names).includes(SECRET_VALUE), 'completion cloaks the secret');
    const go = await s.open('main.go', files['main.go']);
    const goHover = (await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: go }, position: { line: 5, character: 20 } })) as Hover;
    assert.match(JSON.stringify(goHover.contents), /SESSION_SECRET/);
    assert.ok(!JSON.stringify(goHover.contents).includes(SECRET_VALUE));
    const goTyping = await s.open('typing.go', 'package main\n\nimport "os"\n\nvar p = os.Getenv("PO\n');
    const goNames = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: goTyping }, position: { line: 4, character: 21 } })) as CompletionItem[];
    assert.ok(goNames.some((i) => i.label === 'PORT'), JSON.stringify(goNames.map((i) => i.label)));
  });
});
