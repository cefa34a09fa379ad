import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeEnvKeys, declarationsFor, envKeyAt, hoverDeclaration, hoverEnvKey, isKeyPosition, type EnvDeclaration } from '../../core/src/env/complete';
import { schemaFor } from '../../core/src/env/locate';
import { envReadAt } from '../../core/src/env/reads';
import { parseSchema, schemaFromExample } from '../../core/src/env/schema';
import { mapHost } from '../../core/src/host';

// Completion, hover and declaration data for the editor (the server turns them into LSP types).

const SCHEMA = `variables:
  DATABASE_URL: { type: url, required: true, secret: true, protocols: [postgres], description: Primary database }
  PORT: { type: port, default: 3000 }
  LOG_LEVEL: { type: enum, values: [debug, info], default: info, required: true }
  SESSION_SECRET: { type: string, minLength: 32, secret: true, default: not-shown }
`;
const schema = parseSchema('/p/.env.schema.yaml', SCHEMA);

describe('completeEnvKeys', () => {
  test('variables the file does not set yet, required first, with type, docs and default', () => {
    const items = completeEnvKeys(schema, ['PORT']);
    assert.deepEqual(items.map((i) => i.label), ['DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET']);
    assert.deepEqual([...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label), ['DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET']);
    const db = items[0];
    assert.equal(db.detail, 'url · required · secret');
    assert.match(db.documentation, /^Primary database\n\nExpects a URL with protocol `postgres`\./);
    assert.equal(db.insertText, 'DATABASE_URL=');
    assert.equal(items[1].insertText, 'LOG_LEVEL=info');
    assert.match(items[1].documentation, /Default: `info`/);
  });
  test('a secret\'s default is never inserted nor shown', () => {
    const item = completeEnvKeys(schema, []).find((i) => i.label === 'SESSION_SECRET');
    assert.equal(item?.insertText, 'SESSION_SECRET=');
    assert.ok(!item?.documentation.includes('not-shown'));
  });
  test('from .env.example: descriptions from comments, example values', () => {
    const items = completeEnvKeys(schemaFromExample('/p/.env.example', '# HTTP port\nPORT=3000\n'), []);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['PORT', 'string · required']]);
    assert.match(items[0].documentation, /^HTTP port\n\n.*Example: `3000`/s);
  });
});

describe('hoverEnvKey', () => {
  test('markdown with type, flags, description, expectation, default and source', () => {
    assert.equal(hoverEnvKey(schema, 'PORT'), '**PORT** · `port` · optional\n\nExpects a port number (1–65535).  \nDefault: `3000`\n\nDeclared in `.env.schema.yaml`.');
    assert.match(hoverEnvKey(schema, 'DATABASE_URL') ?? '', /^\*\*DATABASE_URL\*\* · `url` · required · secret\n\nPrimary database/);
  });
  test('undeclared: undefined', () => assert.equal(hoverEnvKey(schema, 'NOPE'), undefined));
});

describe('positions in a .env file', () => {
  test('isKeyPosition: start of a line, after blanks or export; not in a value', () => {
    const text = 'A=1\nexport DA\nB=xy';
    assert.equal(isKeyPosition(text, 0), true);
    assert.equal(isKeyPosition(text, text.indexOf('DA') + 2), true);
    assert.equal(isKeyPosition(text, text.length), false);
  });
  test('envKeyAt: the key under the cursor', () => {
    const text = 'A=1\r\nPORT=80\n';
    assert.deepEqual(envKeyAt(text, text.indexOf('PORT') + 2), { key: 'PORT', start: 5, end: 9 });
    assert.equal(envKeyAt(text, text.indexOf('80')), undefined);
  });
  test('schemaFor: the schema beside a .env file', () => {
    assert.equal(schemaFor('/p/.env', mapHost({ '/p/.env.schema.yaml': SCHEMA }))?.variables.size, 4);
    assert.equal(schemaFor('/p/sub/.env', mapHost({ '/p/.env.schema.yaml': SCHEMA })), undefined);
  });
});

describe('envReadAt', () => {
  const code = "const a = process.env.API_URL;\nconst { PORT: port = '3000' } = process.env;\nconst b = process.env['DB'];\n";
  test('on the name, on the object, in a destructuring, in brackets', () => {
    assert.deepEqual(envReadAt(code, code.indexOf('API_URL') + 3), { name: 'API_URL', start: code.indexOf('API_URL'), end: code.indexOf('API_URL') + 7 });
    assert.equal(envReadAt(code, code.indexOf('process'))?.name, 'API_URL');
    assert.equal(envReadAt(code, code.indexOf('PORT'))?.name, 'PORT');
    assert.equal(envReadAt(code, code.indexOf("'DB'") + 1)?.name, 'DB');
  });
  test('elsewhere: undefined', () => {
    assert.equal(envReadAt(code, 2), undefined);
    assert.equal(envReadAt('not ( valid ts', 3), undefined);
  });
});

describe('declarationsFor', () => {
  const files = {
    '/p/.env.schema.yaml': SCHEMA,
    '/p/.env.example': 'PORT=\nEXAMPLE_ONLY=\n',
    '/p/.env': 'PORT=8080\nDATABASE_URL=postgres://app:Sup3rS3cret@db/app\nSESSION_SECRET=abc\nAPI_TOKEN=xyz-123\nLOCAL=a\n',
    '/p/.env.local': 'LOCAL=b\n',
  };
  const decl = declarationsFor('/p/src/server.ts', mapHost(files, '/p'));
  test('where each variable is declared (schema first, then the example)', () => {
    assert.deepEqual(decl.get('PORT')?.declaredIn, { file: '/p/.env.schema.yaml', line: 2, character: 2 });
    assert.deepEqual(decl.get('EXAMPLE_ONLY')?.declaredIn, { file: '/p/.env.example', line: 1, character: 0 });
    assert.equal(decl.get('PORT')?.spec?.type, 'port');
  });
  test('the value from .env, .env.local winning; secrets and credentials cloaked', () => {
    assert.deepEqual(decl.get('PORT')?.value, { file: '/p/.env', line: 0, character: 0, display: '8080', cloaked: false });
    assert.equal(decl.get('LOCAL')?.value?.display, 'b');
    for (const name of ['DATABASE_URL', 'SESSION_SECRET', 'API_TOKEN']) {
      const v = decl.get(name)?.value;
      assert.equal(v?.cloaked, true, name);
      assert.ok(!/Sup3rS3cret|abc|xyz/.test(v?.display ?? ''), v?.display);
    }
  });
  test('set in .env but declared nowhere: listed without declaredIn', () => {
    assert.equal(decl.get('LOCAL')?.declaredIn, undefined);
  });
  test('hoverDeclaration: the declaration and the value, cloaked when secret', () => {
    assert.equal(hoverDeclaration(decl.get('PORT') as EnvDeclaration),
      '**PORT** · `port` · optional\n\nExpects a port number (1–65535).  \nDefault: `3000`\n\nDeclared in `.env.schema.yaml` (line 3).\n\n`.env`: `8080`');
    const db = hoverDeclaration(decl.get('DATABASE_URL') as EnvDeclaration);
    assert.ok(!db.includes('Sup3rS3cret'), db);
    assert.match(db, /`\.env`: post…, \d+ chars$/);
    assert.match(hoverDeclaration(decl.get('LOCAL') as EnvDeclaration), /Not declared/);
  });
  test('a host that throws: an empty answer, not an exception', () => {
    const host = { readFile: () => { throw new Error('EACCES'); }, rootOf: () => '/p' };
    assert.equal(declarationsFor('/p/a.ts', host).size, 0);
  });
});
