import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FACT_IDS, workspaceFacts } from '../../core/src/workspace/facts';
import { parseToml, tomlStrings, tomlTable } from '../../core/src/workspace/toml';
import { host, ROOT } from './workspace-helpers';

describe('the manifest TOML reader', () => {
  test('tables, dotted and quoted keys, strings, arrays, inline tables, arrays of tables', () => {
    const t = parseToml([
      '# a pyproject', '[project]', 'name = "api" # trailing', "description = 'literal \\n stays'", 'dependencies = [', '  "flask>=2", # web', "  'gunicorn',", ']',
      'readme = """', 'multi "line"', '"""', '[project.optional-dependencies]', 'dev = ["pytest"]', '[tool.poetry.dependencies]', 'python = "^3.11"',
      'aiohttp = { version = "^3", extras = ["speedups"] }', '"quoted.key" = "x\\u00e9\\"y"', 'a.b.c = 1', '[[tool.poetry.source]]', 'name = "pypi"', '[[tool.poetry.source]]', 'name = "private"',
    ].join('\n'));
    assert.deepEqual(tomlStrings(tomlTable(t, 'project')?.dependencies), ['flask>=2', 'gunicorn']);
    assert.equal(tomlTable(t, 'project')?.description, 'literal \\n stays');
    assert.equal(tomlTable(t, 'project')?.readme, 'multi "line"\n');
    assert.deepEqual(tomlStrings(tomlTable(t, 'project', 'optional-dependencies')?.dev), ['pytest']);
    const deps = tomlTable(t, 'tool', 'poetry', 'dependencies');
    assert.deepEqual(Object.keys(deps ?? {}), ['python', 'aiohttp', 'quoted.key', 'a']);
    assert.equal(deps?.['quoted.key'], 'xé"y');
    assert.equal(tomlTable(t, 'tool', 'poetry', 'dependencies', 'a', 'b')?.c, '1');
    const sources = tomlTable(t, 'tool', 'poetry')?.source;
    assert.ok(Array.isArray(sources) && sources.length === 2);
  });

  test('lines that do not parse are skipped; the rest is read', () => {
    const t = parseToml('[project\nname = \nx = [1, 2\n"unterminated = 1\n[project]\ndependencies = ["django"]\n');
    assert.deepEqual(tomlStrings(tomlTable(t, 'project')?.dependencies), ['django']);
  });

  test('keys never reach a prototype', () => {
    const t = parseToml('[__proto__]\npolluted = "yes"\n[constructor.prototype]\npolluted = "yes"\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(tomlTable(t, '__proto__')?.polluted, 'yes');
  });

  test('hostile input never throws and stays bounded', () => {
    const inputs = [
      '['.repeat(200_000), 'a = ' + '['.repeat(100_000), 'a = ' + '{ b = '.repeat(50_000), '"""'.repeat(30_000), 'a = """\n' + 'x\n'.repeat(100_000),
      'x = [\n' + '"a",\n'.repeat(200_000), '\u0000\u00ff\ufffd'.repeat(100_000), 'a.'.repeat(300_000) + 'b = 1', 'a = "\\u' + 'f'.repeat(20) + '"',
      Array.from({ length: 50_000 }, (_, i) => `[t${i}]\nk = "${i}"`).join('\n'),
    ];
    for (const input of inputs) assert.equal(typeof parseToml(input), 'object', input.slice(0, 20));
  });
});

describe('workspace facts on hostile manifests', () => {
  const noise = Buffer.from(Array.from({ length: 1 << 16 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  const huge = 'require (\n' + 'github.com/a/b v1.0.0\n'.repeat(100_000);
  const cases: Array<Record<string, string>> = [
    { 'pyproject.toml': noise, 'go.mod': noise, 'requirements.txt': noise, Pipfile: noise, 'setup.py': noise, 'setup.cfg': noise, Makefile: noise, Procfile: noise, Dockerfile: noise },
    { 'pyproject.toml': '[project]\ndependencies = [' + '"x",'.repeat(200_000), 'go.mod': huge },
    { 'requirements.txt': '-r requirements.txt\n-r ./requirements.txt\n' + '-r a.txt\n'.repeat(1000), 'a.txt': '-r requirements.txt\n' },
    { 'setup.py': 'install_requires=[' + '"a",'.repeat(100_000), 'setup.cfg': 'install_requires =\n' + '  x\n'.repeat(100_000) },
    { 'go.mod': 'module\n', 'main.go': 'package main\n' + 'http.ListenAndServe('.repeat(100_000) },
    { 'requirements.txt': `${'@'.repeat(100_000)}\nx @${'@'.repeat(100_000)}\n`, 'go.mod': '\n'.repeat(500_000), 'main.go': `${'\n'.repeat(500_000)}x`, 'setup.py': 'install_requires=['.repeat(15_000), 'setup.cfg': '\n'.repeat(300_000) },
    { 'requirements.txt': `a${' '.repeat(200_000)}b\n${'a.'.repeat(100_000)}=\n`, Makefile: `a${' '.repeat(200_000)}\n${'b '.repeat(100_000)}\n`, Procfile: `web:${' '.repeat(200_000)}x\n` },
  ];
  test('every fact is still given, none throws', () => {
    for (const files of cases) {
      const list = workspaceFacts(ROOT, host(files));
      assert.deepEqual(list.map((f) => f.id), [...FACT_IDS]);
    }
  });
});
