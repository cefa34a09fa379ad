import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { parseDocument } from 'yaml';
import { detectProject, mapScaffoldFs, nodeScaffoldFs, SCAFFOLDS } from '../../core/src/scaffold';
import type { EnvRead, Framework, ProjectInfo } from '../../core/src/scaffold/types';
import { readFixture } from './scaffold-fixtures';

/**
 * Every generated module must compile: a real `ts.createProgram` type-check (strict, unused locals and
 * parameters, exact optional properties) against @types/node and the minimal stubs of pino, express, fastify
 * and koa in test/fixtures/scaffold/types, in the module system the project uses. JavaScript output is
 * checked too (`checkJs`, strict), so its JSDoc types hold. YAML output parses without errors or warnings.
 */
const REPO = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/scaffold');
const STUBS = fs.readdirSync(path.join(FIXTURES, 'types')).map((f) => path.join(FIXTURES, 'types', f));
/** A folder that does not exist: generated files live only in the compiler host. */
const VIRTUAL = path.join(REPO, '.scaffold-typecheck');
/** lib.d.ts, @types/node and the stubs parse once for all programs: they are the same files every time. */
const sharedSourceFiles = new Map<string, ts.SourceFile>();

function typeCheck(files: Record<string, string>, style: { module: 'esm' | 'cjs'; javascript: boolean; bracketIndexAccess?: boolean }): string[] {
  const virtual = new Map<string, string>();
  for (const [rel, text] of Object.entries(files)) virtual.set(path.join(VIRTUAL, rel), text);
  virtual.set(path.join(VIRTUAL, 'package.json'), JSON.stringify({ type: style.module === 'esm' ? 'module' : 'commonjs' }));
  const esm = style.module === 'esm';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: esm ? ts.ModuleKind.NodeNext : ts.ModuleKind.CommonJS,
    moduleResolution: esm ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Node10,
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules/@types')],
    skipLibCheck: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noImplicitOverride: true,
    exactOptionalPropertyTypes: true,
    noPropertyAccessFromIndexSignature: style.bracketIndexAccess === true,
    allowJs: style.javascript,
    checkJs: style.javascript,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(path.resolve(f)) ?? readFile.call(host, f);
  host.directoryExists = (d) => path.resolve(d) === VIRTUAL || path.resolve(d).startsWith(VIRTUAL + path.sep) || (directoryExists?.call(host, d) ?? false);
  host.getSourceFile = (f, language, onError, create) => {
    const text = virtual.get(path.resolve(f));
    if (text !== undefined) return ts.createSourceFile(f, text, language, true);
    // The impliedNodeFormat is part of the key: @types/node files are ESM or CJS depending on the importer's mode.
    const key = `${f}|${typeof language === 'object' ? `${language.languageVersion}:${language.impliedNodeFormat}` : language}`;
    let sf = sharedSourceFiles.get(key);
    if (!sf) {
      sf = getSourceFile.call(host, f, language, onError, create);
      if (sf) sharedSourceFiles.set(key, sf);
    }
    return sf;
  };
  const roots = [...virtual.keys()].filter((f) => /\.[jt]s$/.test(f)).concat(STUBS);
  const program = ts.createProgram(roots, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(VIRTUAL, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Every JS/TS module the scaffolds write for a project. */
function modules(project: ProjectInfo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of SCAFFOLDS) for (const f of s.generate(project).files) if (/\.[jt]s$/.test(f.path)) out[f.path] = f.content;
  return out;
}

/** One variable of every type, so every converter is generated. */
const ALL_TYPES: EnvRead[] = [
  { name: 'PORT', inferredType: 'port', default: '3000', secret: false, required: false, locations: [] },
  { name: 'DATABASE_URL', inferredType: 'url', protocols: ['postgres', 'postgresql'], secret: true, required: true, locations: [] },
  { name: 'API_BASE_URL', inferredType: 'url', default: 'https://api.example.com', secret: false, required: false, locations: [] },
  { name: 'NODE_ENV', inferredType: 'enum', values: ['development', 'production', 'test'], secret: false, required: false, locations: [] },
  { name: 'LOG_LEVEL', inferredType: 'enum', values: ['debug', 'info'], default: 'info', secret: false, required: false, locations: [] },
  { name: 'ENABLE_X', inferredType: 'boolean', default: 'false', secret: false, required: false, locations: [] },
  { name: 'WORKERS', inferredType: 'integer', secret: false, required: false, locations: [] },
  { name: 'RATE', inferredType: 'number', default: '0.5', secret: false, required: false, locations: [] },
  { name: 'ADMIN_EMAIL', inferredType: 'email', secret: false, required: true, locations: [] },
  { name: 'FEATURES', inferredType: 'json', secret: false, required: false, locations: [] },
  { name: 'SESSION_SECRET', inferredType: 'string', secret: true, required: true, locations: [] },
  { name: 'DB__URL', inferredType: 'string', secret: false, required: false, locations: [] },
  { name: 'DB_URL', inferredType: 'string', secret: false, required: false, locations: [] },
];

function synthetic(typescript: boolean, module: 'esm' | 'cjs', framework: Framework | undefined, kind: 'http' | 'fastify' | 'nest' | 'hapi' | 'worker'): ProjectInfo {
  const p: ProjectInfo = {
    typescript, module, importExtension: module === 'esm' ? '.js' : '', srcDir: 'src', packageManager: 'npm', nodeMajor: 20,
    envReads: ALL_TYPES, services: [], files: [], server: { file: `src/server.${typescript ? 'ts' : 'js'}`, kind, line: 1 },
  };
  if (framework) p.framework = framework;
  return p;
}

describe('scaffold output compiles: synthetic projects, every framework and module system', () => {
  const variants: Array<[Framework | undefined, 'http' | 'fastify' | 'nest' | 'hapi' | 'worker']> = [
    ['express', 'http'], ['fastify', 'fastify'], ['koa', 'http'], [undefined, 'http'], ['hapi', 'hapi'], ['nest', 'nest'], [undefined, 'worker'],
  ];
  // One program per language and module system, each variant in its own folder: same coverage, a quarter of the time.
  for (const typescript of [true, false]) {
    for (const module of ['esm', 'cjs'] as const) {
      test(`${typescript ? 'TypeScript' : 'JavaScript'} ${module}: ${variants.map(([f, k]) => `${f ?? 'node:http'}/${k}`).join(', ')}`, () => {
        const files: Record<string, string> = {};
        for (const [framework, kind] of variants) {
          const generated = modules(synthetic(typescript, module, framework, kind));
          assert.equal(Object.keys(generated).length, 4, 'config, shutdown, logger, health');
          for (const [rel, text] of Object.entries(generated)) files[`${framework ?? 'http'}-${kind}/${rel}`] = text;
        }
        assert.deepEqual(typeCheck(files, { module, javascript: !typescript }), []);
      });
    }
  }

  test('TypeScript with noPropertyAccessFromIndexSignature', () => {
    const p = { ...synthetic(true, 'cjs', 'express', 'http'), bracketIndexAccess: true };
    assert.deepEqual(typeCheck(modules(p), { module: 'cjs', javascript: false, bracketIndexAccess: true }), []);
  });

  test('a project that reads no variables still gets a module that compiles', () => {
    const p = { ...synthetic(true, 'esm', 'express', 'http'), envReads: [] };
    assert.deepEqual(typeCheck(modules(p), { module: 'esm', javascript: false }), []);
  });
});

describe('scaffold output compiles: the fixture projects as detected', () => {
  const cases: Array<[string, () => Promise<ProjectInfo>]> = [
    ['ts-esm-express', async () => detectProject(mapScaffoldFs(readFixture('ts-esm-express')))],
    ['js-cjs-fastify', async () => detectProject(mapScaffoldFs(readFixture('js-cjs-fastify')))],
    ['koa-esm', async () => detectProject(mapScaffoldFs(readFixture('koa-esm')))],
    ['examples', async () => detectProject(nodeScaffoldFs(path.join(REPO, 'examples')))],
  ];
  for (const [name, load] of cases) {
    test(name, async () => {
      const p = await load();
      const files = modules(p);
      // examples/ loads dotenv; the generated module imports 'dotenv/config', which resolves from the repository.
      assert.deepEqual(typeCheck(files, { module: p.module, javascript: !p.typescript }), []);
      for (const [file, text] of Object.entries(files)) {
        // What a build with isolatedModules / a bundler sees: every file transpiles alone without errors.
        const out = ts.transpileModule(text, { fileName: file, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true, verbatimModuleSyntax: p.module === 'esm' && p.typescript } });
        assert.deepEqual(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], file);
      }
      for (const s of SCAFFOLDS) {
        for (const f of s.generate(p).files) {
          if (!/\.ya?ml$/.test(f.path)) continue;
          const doc = parseDocument(f.content);
          assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], `${f.path} parses`);
        }
      }
    });
  }
});

describe('the type-check harness', () => {
  test('reports a real error (the check is not vacuous)', () => {
    const errors = typeCheck({ 'src/bad.ts': "import { pino } from 'pino';\nexport const l = pino({ level: 3 });\n" }, { module: 'esm', javascript: false });
    assert.equal(errors.length, 1);
    assert.match(errors[0], /TS2322/);
  });

  test('an unknown module is an error (the stubs are what resolves)', () => {
    const errors = typeCheck({ 'src/bad.ts': "import { x } from 'not-stubbed';\nexport const y = x;\n" }, { module: 'cjs', javascript: false });
    assert.match(errors.join('\n'), /TS2307/);
  });
});
