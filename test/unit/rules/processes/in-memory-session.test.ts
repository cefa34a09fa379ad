import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { defaultConfig } from '../../../../core/src/config';
import { FileContext } from '../../../../core/src/context';
import { analyze } from '../../../../core/src/engine';
import { rule } from '../../../../core/src/rules/processes/in-memory-session';
import { findings } from '../../../fixtures/workspace/harness';
import { RuleTester } from '../ruleTester';
import { code, EXPRESS_INVALID, FRAMEWORKS_INVALID, HEAD_ESM, VALID } from './in-memory-session/detection';
import { FIXES } from './in-memory-session/fixes';
import { STORES_INVALID, STORES_VALID } from './in-memory-session/stores';

// Session state kept in the process. The cases live beside this file by theme (./in-memory-session/): the
// libraries one file at a time, the stores the rule follows elsewhere in the file or the program, and the
// store fixes. Every invalid case states its findings and the files its suggestions write.
const RULE = rule.meta.id;
const ROOT = path.resolve(__dirname, '../../../../..');
const STUBS = path.join(ROOT, 'test/fixtures/in-memory-session/types');
const INVALID = [...EXPRESS_INVALID, ...FRAMEWORKS_INVALID, ...STORES_INVALID, ...FIXES];
/** Detection cases whose code is complete TypeScript (the others use names they never declare). */
const TYPED = ['store in a variable (shorthand)', 'opts.store = … assigned later'];

new RuleTester({ filename: '/ws/src/app.ts' }).run(rule, {
  valid: [
    ...VALID,
    ...STORES_VALID,
    { name: 'a test file is not reported by default', filename: '/ws/test/app.test.ts', code: code(HEAD_ESM, "app.use(session({ secret: 's' }));") },
    { name: 'a suppression comment silences it', code: code(HEAD_ESM, `// twelve-factor-disable-next-line ${RULE} -- single-instance admin tool`, "app.use(session({ secret: 's' }));") },
  ],
  invalid: INVALID,
});

test(`${RULE}: a file without any session library is never parsed`, () => {
  const context = new FileContext('/ws/src/cache.ts', "const cache = new Map();\nexport const sessionLike = { get: (k: string) => cache.get(k) };\nclass MemoryStore {}\n");
  assert.deepEqual(analyze(context, { config: defaultConfig(), rules: [rule] }).findings, []);
  assert.equal(context.hasSourceFile, false);
});

test(`${RULE}: testFiles.severity reports a test file at that level`, () => {
  const config = { ...defaultConfig(), testFiles: { severity: 'info' as const } };
  const found = analyze(new FileContext('/ws/test/app.test.ts', code(HEAD_ESM, "app.use(session({ secret: 's' }));")), { config, rules: [rule] }).findings;
  assert.deepEqual(found.map((f) => [f.messageId, f.severity]), [['defaultMemoryStore', 'info']]);
});

test(`${RULE}: every suggested store makes the file compliant`, () => {
  for (const c of [...FIXES, ...EXPRESS_INVALID.filter((x) => TYPED.includes(x.name))]) for (const after of c.suggestions ?? []) assert.deepEqual(findings(rule, c.filename ?? '/ws/src/app.ts', after), [], c.name);
});

test(`${RULE}: every suggested TypeScript file of the fixes type-checks against the libraries' declarations (and a wrong store does not)`, () => {
  const interop = new Map<string, string>();
  const namespace = new Map<string, string>();
  for (const c of [...FIXES, ...EXPRESS_INVALID.filter((x) => TYPED.includes(x.name))]) {
    const file = c.filename ?? '/ws/src/app.ts';
    if (!/\.tsx?$/.test(file)) continue;
    for (const after of c.suggestions ?? []) {
      const bucket = /import (\* as \w+ from |\w+ = require\()'express-session'/.test(after) ? namespace : interop;
      bucket.set(`/virtual/${bucket.size}-${path.basename(file)}`, after);
    }
  }
  assert.ok(interop.size >= 8, `outputs collected: ${interop.size}`);
  assert.ok(namespace.size >= 2);
  // The check is real: in the same program, a store built with the wrong options is an error.
  const wrong = code("import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "session({ secret: 's', store: new RedisStore({ url: 'x' }) });");
  const errors = typeCheck(new Map([...interop, ['/virtual/wrong.ts', wrong]]), true);
  assert.ok(errors.length > 0 && errors.every((e) => e.startsWith('/virtual/wrong.ts: ')), errors.join('\n'));
  assert.deepEqual(typeCheck(namespace, false), []);
});

/**
 * Type-checks in-memory files against the minimal declarations in test/fixtures/in-memory-session/types
 * (shapes copied from express-session, connect-redis 9, redis 5, connect-pg-simple and @fastify/session) and
 * Node's own types. Each file is a module, so they are checked together in one program. The declarations go in
 * as `.ts` scripts, so they are checked too while Node's declarations are skipped (`skipLibCheck`). Without
 * `esModuleInterop` the program is CommonJS, as in the Nest projects that write `import * as session`.
 */
function typeCheck(files: Map<string, string>, esModuleInterop: boolean): string[] {
  const all = new Map(files);
  for (const f of fs.readdirSync(STUBS).filter((n) => n.endsWith('.d.ts'))) {
    all.set(`/virtual/types/${f.replace(/\.d\.ts$/, '.ts')}`, fs.readFileSync(path.join(STUBS, f), 'utf8'));
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: esModuleInterop ? ts.ModuleKind.ES2022 : ts.ModuleKind.CommonJS,
    moduleResolution: esModuleInterop ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    strict: true,
    esModuleInterop,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) =>
    all.has(name) ? ts.createSourceFile(name, all.get(name) as string, language, true, ts.ScriptKind.TS) : getSourceFile(name, language, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => all.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => all.get(name) ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...all.keys()], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n${d.file ? d.file.text : ''}`);
}
