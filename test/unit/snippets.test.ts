import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as vm from 'node:vm';
import * as dotenv from 'dotenv';
import * as ts from 'typescript';

// Every snippet we ship must expand to valid code: the body is expanded with each placeholder's
// default (as if the user pressed Tab through it) and parsed.
const ROOT = path.resolve(__dirname, '../../..');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

function load(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

/**
 * Expands a snippet body following VS Code's snippet grammar: `$1`, `${1}`, `${1:default}` (nested),
 * `${1|first,second|}`, `$NAME` and `${NAME:default}` become their default, the first choice, or '';
 * `\$`, `\}` and `\\` are escapes. Transforms (`${1/re/fmt/}`) are rejected: none of ours uses one.
 */
function expandSnippet(body: string): string {
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
      } else if (inPlaceholder && c === '}') {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!inPlaceholder, 'unclosed ${ in snippet body');
    return out;
  };
  const dollar = (): string => {
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (!braced) {
      i++;
      return '$'; // A lone `$` is literal text.
    }
    i += braced[0].length;
    const next = body[i];
    if (next === '}') {
      i++;
      return '';
    }
    if (next === ':') {
      i++;
      const value = parse(true);
      i++; // The closing brace.
      return value;
    }
    if (next === '|') {
      const end = body.indexOf('|}', i);
      assert.ok(end > i, 'unclosed choice');
      const first = body.slice(i + 1, end).split(/(?<!\\),/)[0].replace(/\\([,|\\])/g, '$1');
      i = end + 2;
      return first;
    }
    assert.fail(`unsupported snippet syntax at ${JSON.stringify(body.slice(i - braced[0].length, i + 10))}`);
  };
  return parse(false);
}

const text = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

function parseDiagnostics(fileName: string, code: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  // `parseDiagnostics` is internal to the compiler API but is the only way to get syntax errors
  // without building a Program; it has been stable across TypeScript 4 and 5.
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => {
    const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('snippet expansion helper', () => {
  test('placeholders, choices, variables and escapes', () => {
    assert.equal(expandSnippet('a ${1:x ${2:y}} $3 ${4} ${5|first,second|} $0'), 'a x y   first ');
    assert.equal(expandSnippet('${TM_FILENAME_BASE:mod} $WORKSPACE_NAME'), 'mod ');
    assert.equal(expandSnippet('`\\${name}` \\} \\\\ $ {'), '`${name}` } \\ $ {');
  });
});

const CODE_SNIPPETS = [
  { file: 'typescript.json', fileName: 'snippet.ts' },
  { file: 'javascript.json', fileName: 'snippet.js' },
];
const REQUIRED_PREFIXES = ['12f-config', '12f-shutdown', '12f-session-redis', '12f-logger'];

for (const { file, fileName } of CODE_SNIPPETS) {
  describe(`snippets/${file}`, () => {
    const snippets = load(file);

    test('offers the twelve-factor prefixes, each with a description', () => {
      const all = Object.values(snippets).flatMap(prefixes);
      for (const prefix of REQUIRED_PREFIXES) assert.ok(all.includes(prefix), prefix);
      for (const [name, snippet] of Object.entries(snippets)) {
        assert.ok(prefixes(snippet)[0].startsWith('12f-'), `${name}: the first prefix starts with 12f-`);
        assert.ok(snippet.description.length > 0, `${name}: description`);
      }
    });

    for (const [name, snippet] of Object.entries(snippets)) {
      test(`${name} expands to code that parses`, () => {
        const code = expandSnippet(text(snippet));
        assert.deepEqual(parseDiagnostics(fileName, code), [], code);
        // V8 compiles the CommonJS JavaScript too, which also catches TypeScript-only syntax.
        if (fileName.endsWith('.js')) assert.doesNotThrow(() => new vm.Script(code, { filename: fileName }), code);
      });
    }
  });
}

describe('snippets/typescript.json and snippets/javascript.json', () => {
  test('offer the same snippets under the same prefixes', () => {
    const tsSnippets = load('typescript.json');
    const jsSnippets = load('javascript.json');
    assert.deepEqual(Object.keys(jsSnippets), Object.keys(tsSnippets));
    for (const name of Object.keys(tsSnippets)) assert.deepEqual(prefixes(jsSnippets[name]), prefixes(tsSnippets[name]), name);
  });

  test('follow their own advice: settings from process.env, sessions in Redis, logs to stdout, SIGTERM handled', () => {
    for (const file of ['typescript.json', 'javascript.json']) {
      const byPrefix = new Map(Object.values(load(file)).map((s) => [prefixes(s)[0], expandSnippet(text(s))]));
      assert.match(byPrefix.get('12f-session-redis') ?? '', /process\.env\.REDIS_URL/, file);
      assert.match(byPrefix.get('12f-session-redis') ?? '', /store: new RedisStore\(/, file);
      assert.match(byPrefix.get('12f-shutdown') ?? '', /process\.once\('SIGTERM'/, file);
      assert.match(byPrefix.get('12f-config') ?? '', /process\.env/, file);
      assert.doesNotMatch(byPrefix.get('12f-logger') ?? '', /destination|transport|\.log['"]/, `${file}: the logger writes to stdout`);
    }
  });
});

describe('snippets/dotenv.json', () => {
  const snippets = load('dotenv.json');
  const expected: Record<string, string> = { '12f-database-url': 'DATABASE_URL', '12f-secret': 'SESSION_SECRET', '12f-port': 'PORT' };

  for (const [prefix, key] of Object.entries(expected)) {
    test(`${prefix} expands to a .env entry dotenv reads as ${key}`, () => {
      const snippet = Object.values(snippets).find((s) => prefixes(s)[0] === prefix);
      assert.ok(snippet, prefix);
      const parsed = dotenv.parse(expandSnippet(text(snippet)));
      assert.deepEqual(Object.keys(parsed), [key]);
    });
  }
});
