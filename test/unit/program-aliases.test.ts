// The program index follows the aliases a package defines for its own modules: tsconfig `paths` and
// `baseUrl` (with `extends`), and package.json `imports`. Without them a handler or a store in
// `@/lib/shutdown` belongs to no program, and the listen site is reported although SIGTERM is handled.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { mapHost } from '../../core/src/host';
import { ProgramIndex } from '../../core/src/program';
import { rule as sigterm } from '../../core/src/rules/disposability/missing-sigterm-handler';
import { rule as session } from '../../core/src/rules/processes/in-memory-session';

const SERVER = "import express from 'express';\nimport { shutdown } from 'ALIAS';\nconst app = express();\nconst server = app.listen(process.env.PORT);\nshutdown(server);\n";
const HANDLER = "export function shutdown(server) {\n  process.on('SIGTERM', () => server.close());\n}\n";

/** Indexes the JS files of a workspace under /ws and returns the SIGTERM findings of src/server.ts. */
function sigtermFindings(files: Record<string, string>, alias: string, withHost = true): string[] {
  const all: Record<string, string> = { '/ws/package.json': '{ "name": "app" }', ...files, '/ws/src/server.ts': SERVER.replace('ALIAS', alias) };
  const host = mapHost(all, '/ws');
  const index = new ProgramIndex([sigterm], withHost ? host : undefined);
  for (const [file, text] of Object.entries(all)) if (/\.[cm]?[jt]s$/.test(file)) index.update(file, text, false);
  const file = '/ws/src/server.ts';
  return analyze(new FileContext(file, all[file]), { config: defaultConfig(), rules: [sigterm], program: index.view(file), host }).findings.map((f) => f.ruleId);
}

describe('program index: aliases of the package itself', () => {
  test('tsconfig paths "@/*": the handler in @/lib/shutdown counts', () => {
    const files = { '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }', '/ws/src/lib/shutdown.ts': HANDLER };
    assert.deepEqual(sigtermFindings(files, '@/lib/shutdown'), []);
    // Without a host the index cannot read tsconfig: the old behaviour, a finding.
    assert.deepEqual(sigtermFindings(files, '@/lib/shutdown', false), ['disposability/missing-sigterm-handler']);
  });

  test('paths relative to baseUrl, inherited through extends (with comments), .js written for .ts', () => {
    const files = {
      '/ws/tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "baseUrl": "./src", "paths": { "~lib/*": ["lib/*"] } }\n}',
      '/ws/tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      '/ws/src/lib/shutdown.ts': HANDLER,
    };
    assert.deepEqual(sigtermFindings(files, '~lib/shutdown.js'), []);
  });

  test('baseUrl alone: a bare specifier that is a module of the package', () => {
    const files = { '/ws/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }', '/ws/src/lib/shutdown.ts': HANDLER };
    assert.deepEqual(sigtermFindings(files, 'lib/shutdown'), []);
  });

  test('package.json imports "#shutdown" (plain and with conditions)', () => {
    const plain = { '/ws/package.json': '{ "name": "app", "imports": { "#shutdown": "./src/lib/shutdown.js" } }', '/ws/src/lib/shutdown.js': HANDLER };
    assert.deepEqual(sigtermFindings(plain, '#shutdown'), []);
    const conditions = { '/ws/package.json': '{ "name": "app", "imports": { "#lib/*": { "node": "./src/lib/*.js", "default": "./src/lib/*.js" } } }', '/ws/src/lib/shutdown.js': HANDLER };
    assert.deepEqual(sigtermFindings(conditions, '#lib/shutdown'), []);
  });

  test("'.' and '..' name a folder's index module, .mts included", () => {
    const files = { '/ws/src/lib/index.mts': HANDLER };
    assert.deepEqual(sigtermFindings(files, './lib'), []);
    const up = { '/ws/src/index.ts': HANDLER };
    const all: Record<string, string> = { '/ws/package.json': '{ "name": "app" }', ...up, '/ws/src/bin/start.ts': SERVER.replace('ALIAS', '..') };
    const index = new ProgramIndex([sigterm], mapHost(all, '/ws'));
    for (const [file, text] of Object.entries(all)) if (file.endsWith('.ts')) index.update(file, text, false);
    const file = '/ws/src/bin/start.ts';
    assert.deepEqual(analyze(new FileContext(file, all[file]), { config: defaultConfig(), rules: [sigterm], program: index.view(file) }).findings, []);
  });

  test('an alias that names no indexed module, or a package, still leaves the listen site reported', () => {
    const files = { '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }', '/ws/src/lib/other.ts': HANDLER };
    assert.deepEqual(sigtermFindings(files, '@/lib/shutdown'), ['disposability/missing-sigterm-handler']);
    assert.deepEqual(sigtermFindings(files, 'graceful-helpers'), ['disposability/missing-sigterm-handler']);
  });

  test('a session store imported through an alias is judged by what it is', () => {
    const files: Record<string, string> = {
      '/ws/package.json': '{ "name": "app" }',
      '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      '/ws/src/lib/store.ts': "import session from 'express-session';\nexport const store = new session.MemoryStore();\n",
      '/ws/src/app.ts': "import session from 'express-session';\nimport { store } from '@/lib/store';\napp.use(session({ store, secret: process.env.S! }));\n",
    };
    const host = mapHost(files, '/ws');
    const index = new ProgramIndex([session], host);
    for (const [file, text] of Object.entries(files)) if (file.endsWith('.ts')) index.update(file, text, false);
    const file = '/ws/src/app.ts';
    const found = analyze(new FileContext(file, files[file]), { config: defaultConfig(), rules: [session], program: index.view(file), host }).findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['processes/in-memory-session']);
  });
});
