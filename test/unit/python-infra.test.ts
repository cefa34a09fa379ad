import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { fileKindOf } from '../../core/src/fileKinds';
import { hasPythonTree } from '../../core/src/python';
import { scanPaths, scanPathsPrepared } from '../../core/src/scan';
import { treeLanguageFor, unpreparedLanguage } from '../../core/src/treesitter/prepare';
import { prepareLanguage, resetTreeSitterForTests, wasmDirectory } from '../../core/src/treesitter/runtime';
import { loadPython } from './python-helpers';

describe('Python files', () => {
  before(loadPython);

  test('.py and .pyw are Python; the gate lets through only files a check could read', () => {
    assert.equal(fileKindOf('app/settings.py'), 'python');
    assert.equal(fileKindOf('tool.pyw'), 'python');
    assert.equal(treeLanguageFor('a.py', 'x = 1\nimport json\n'), undefined, 'the `port` of `import` does not open the gate');
    assert.equal(treeLanguageFor('a.py', "SECRET_KEY = 'x'\n"), 'python');
    assert.equal(treeLanguageFor('a.js', "SECRET_KEY = 'x'\n"), undefined);
  });

  test('facts: imports resolved, assignments with paths, calls, env reads with fallbacks, main guard', () => {
    const code = [
      'import os.path as osp, sys',
      'from logging.handlers import RotatingFileHandler as R',
      "app.config['SECRET_KEY'] = os.environ.get('K', 'fallback')",
      "h = R('a.log')",
      "if __name__ == '__main__':",
      '    app.run()',
      '',
    ].join('\n');
    const facts = new FileContext('a.py', code).python;
    assert.ok(facts);
    assert.equal(facts.imports.get('osp'), 'os.path');
    assert.equal(facts.imports.get('R'), 'logging.handlers.RotatingFileHandler');
    assert.deepEqual(facts.assignments.map((a) => a.path), [['app', 'config', 'SECRET_KEY'], ['h']]);
    assert.deepEqual(facts.envReads.map((r) => [r.name, r.form, r.fallback?.string?.value]), [['K', 'get', 'fallback']]);
    assert.deepEqual(facts.calls.map((c) => [c.callee, c.inMainGuard]), [
      ['os.environ.get', false], ['logging.handlers.RotatingFileHandler', false], ['app.run', true],
    ]);
  });

  test("an argument that is a call points at that call, in the source-ordered list", () => {
    const facts = new FileContext('a.py', "logger.add(os.path.join(d, 'x.log'), level=f(g(1)))\n").python;
    assert.ok(facts);
    assert.deepEqual(facts.calls.map((c) => c.written), ['logger.add', 'os.path.join', 'f', 'g']);
    const [add, join, f] = facts.calls;
    assert.equal(facts.calls[add.args[0].call as number], join);
    assert.equal(facts.calls[add.kwargs.level.call as number], f);
    assert.equal(facts.calls[f.args[0].call as number].written, 'g');
  });

  test('offsets are string offsets (UTF-16), also after non-ASCII text', () => {
    const code = "# é ü 日本\nSECRET_KEY = 'hK8s9dJ2mQ7xZ4pL'\n";
    const [finding] = analyze(new FileContext('s.py', code)).findings;
    assert.equal(code.slice(finding.start, finding.end), 'hK8s9dJ2mQ7xZ4pL');
  });

  test('an edit reparses from the previous tree, and the facts follow the new text', () => {
    const first = new FileContext('/w/a.py', "SECRET_KEY = 'one'\n", { keepSyntaxTree: true });
    assert.equal(first.python?.assignments[0].value.string?.value, 'one');
    assert.ok(hasPythonTree(first));
    const text = "SECRET_KEY = 'two-longer'\n";
    const next = first.withText(text, { start: 14, end: 17, newLength: 10 });
    assert.equal(hasPythonTree(first), false, 'the tree moved on to the next version');
    assert.equal(next.python?.assignments[0].value.string?.value, 'two-longer');
    assert.ok(hasPythonTree(next));
  });

  test('a file too deeply nested is reported as not fully analysed, never clean', () => {
    const code = `SECRET = ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const result = analyze(new FileContext('deep.py', code));
    assert.match(result.skipped ?? '', /not fully analysed/);
  });

  test('the CLI scan loads the grammar when it meets the first Python file that needs it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tf-py-'));
    try {
      writeFileSync(path.join(root, 'settings.py'), "SECRET_KEY = 'hK8s9dJ2mQ7xZ4pL'\n");
      writeFileSync(path.join(root, 'util.py'), 'def add(a, b):\n    return a + b\n');
      const out = await scanPathsPrepared(() => scanPaths(['.'], { root }));
      assert.equal(out.needsLanguage, undefined);
      assert.deepEqual(out.files.map((f) => [path.basename(f.file), f.findings.map((x) => x.ruleId)]), [['settings.py', ['config/hardcoded-secret']]]);
      assert.equal(out.filesScanned, 2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a grammar that fails to load', () => {
  test('costs that language only: its files are skipped as not fully analysed, the rest is analysed', async () => {
    // The runtime without the Python grammar beside it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tf-ts-'));
    const real = wasmDirectory();
    mkdirSync(dir, { recursive: true });
    for (const f of ['tree-sitter.js', 'tree-sitter.wasm']) copyFileSync(path.join(real, f), path.join(dir, f));
    resetTreeSitterForTests(dir);
    try {
      assert.equal(await prepareLanguage('python'), false);
      assert.equal(unpreparedLanguage('a.py', "SECRET_KEY = 'x'"), undefined, 'settled: nothing more to wait for');
      const py = analyze(new FileContext('a.py', "SECRET_KEY = 'hK8s9dJ2mQ7xZ4pL'\n"));
      assert.match(py.skipped ?? '', /^not fully analysed: the python grammar could not be loaded/);
      const js = analyze(new FileContext('a.js', "const dbPassword = 'hK8s9dJ2mQ7xZ4pL';\n"));
      assert.equal(js.findings.length, 1);
      assert.equal(js.skipped, undefined);
    } finally {
      resetTreeSitterForTests();
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(await prepareLanguage('python'), true, 'back to the shipped grammar');
  });
});
