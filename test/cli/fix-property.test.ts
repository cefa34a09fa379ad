// "Fixes never leave a project worse", over every fixture we ship: copy it, run `scan --fix` (the code path of
// fix-all), rescan, and check that no error or warning appears that was not there before, and that every file
// the fixes touched or created still parses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as dotenv from 'dotenv';
import ts = require('typescript');
import { parseAllDocuments } from 'yaml';
import { parserFor, prepareLanguage } from '../../core/src/treesitter/runtime';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const ROOTS = ['examples', 'test/fixtures'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-fixprop-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface JsonFinding { file: string; ruleId: string; messageId: string; severity: string; line: number }

function scan(dir: string, fix: boolean): JsonFinding[] {
  const r = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', ...(fix ? ['--fix'] : [])], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** Error and warning findings counted per file and rule: a fix may move a finding or change its wording, not add one. */
function counts(findings: JsonFinding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const key = `${f.file} ${f.ruleId}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function files(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of files(full, base)) out.set(k, v);
    else if (e.isFile()) out.set(path.relative(base, full).split(path.sep).join('/'), fs.readFileSync(full, 'latin1'));
  }
  return out;
}

/** Why a file does not parse, or undefined; kinds we cannot judge pass. */
/** A tree-sitter parse of a Python or Go file: its first ERROR or MISSING node, or undefined. */
function treeProblem(language: 'python' | 'go', text: string): string | undefined {
  const parser = parserFor(language);
  if (!parser) return `the ${language} grammar is not loaded`;
  const tree = parser.parse(text);
  try {
    if (!tree) return 'no tree';
    return tree.rootNode.hasError ? `${language} syntax error` : undefined;
  } finally {
    tree?.delete();
  }
}

function parseProblem(file: string, text: string): string | undefined {
  if (/\.py$/.test(file)) return treeProblem('python', text);
  if (/\.go$/.test(file)) return treeProblem('go', text);
  if (/\.[cm]?[jt]sx?$/.test(file)) {
    const kind = /x$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const d = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    return d.length > 0 ? ts.flattenDiagnosticMessageText(d[0].messageText, '\n') : undefined;
  }
  try {
    if (/\.json$/.test(file)) JSON.parse(text);
    else if (/\.ya?ml$/.test(file)) {
      const errors = parseAllDocuments(text).flatMap((doc) => ('errors' in doc ? doc.errors : []));
      if (errors.length > 0) return errors[0].message;
    } else if (/(^|\/)\.env/.test(file)) dotenv.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

describe('fix-all then rescan, over every fixture', () => {
  // Fixes rewrite Python and Go too (test/fixtures/polyglot): the changed files are parsed as the CLI parses them.
  before(async () => {
    assert.ok(await prepareLanguage('python'), 'the Python grammar loads');
    assert.ok(await prepareLanguage('go'), 'the Go grammar loads');
  });
  for (const root of ROOTS) {
    test(`${root}: no new error or warning, and every changed file parses`, () => {
      const dir = path.join(tmp, root.replace(/\//g, '_'));
      fs.cpSync(path.join(REPO, root), dir, { recursive: true });
      const originals = files(dir);
      const before = counts(scan(dir, false));
      const after = counts(scan(dir, true));
      const added = [...after].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k, n]) => `${k}: ${before.get(k) ?? 0} → ${n}`);
      assert.deepEqual(added, [], 'findings the fixes introduced');
      const changed = [...files(dir)].filter(([f, text]) => originals.get(f) !== text);
      const broken = changed.map(([f, text]) => [f, parseProblem(f, Buffer.from(text, 'latin1').toString('utf8'))]).filter(([, p]) => p !== undefined);
      assert.deepEqual(broken, [], 'files that no longer parse');
      // The property says something only if fixes ran: the fixtures are full of fixable findings.
      if (root === 'examples') assert.ok(changed.length > 0, 'fix-all changed nothing in examples');
      else for (const f of ['polyglot/api/app.py', 'polyglot/worker/main.go']) assert.ok(changed.some(([c]) => c === f), `fix-all changed nothing in ${f}`);
    });
  }
});
