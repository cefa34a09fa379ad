import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as dotenv from 'dotenv';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// The .env grammar tokenized the way VS Code does it (vscode-textmate over the Oniguruma wasm), with
// the expectation next to each input line. Where a test makes a claim about dotenv's semantics it
// asks dotenv.parse too, so the grammar cannot drift from the parser the product ships.
const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes/dotenv.tmLanguage.json');

interface TokenizedLine {
  text: string;
  tokens: textmate.IToken[];
}

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.dotenv' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const loaded = await registry.loadGrammar('source.dotenv');
  assert.ok(loaded, 'source.dotenv loads');
  grammar = loaded;
});

/** Splits on '\n' only, so CRLF input keeps its '\r' the way a naive consumer would hand it over. */
function tokenize(source: string): TokenizedLine[] {
  let state = textmate.INITIAL;
  return source.split('\n').map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return { text, tokens: result.tokens };
  });
}

/** The scopes shared by every character of the `occurrence`-th `text` in `line`. */
function scopesAt(line: TokenizedLine, text: string, occurrence = 0): string[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = line.text.indexOf(text, start + 1);
  assert.ok(start >= 0, `${JSON.stringify(text)} occurs ${occurrence + 1} time(s) in ${JSON.stringify(line.text)}`);
  let common: string[] | undefined;
  for (let offset = start; offset < start + text.length; offset++) {
    const token = line.tokens.find((t) => t.startIndex <= offset && offset < t.endIndex);
    assert.ok(token, `a token covers offset ${offset}`);
    common = common ? common.filter((s) => token.scopes.includes(s)) : [...token.scopes];
  }
  return common ?? [];
}

function hasScope(line: TokenizedLine, text: string, scope: string, occurrence = 0): void {
  const scopes = scopesAt(line, text, occurrence);
  assert.ok(scopes.includes(scope), `${JSON.stringify(text)} in ${JSON.stringify(line.text)}: expected ${scope}, got ${scopes.join(' ')}`);
}

/** No character of `text` has a scope starting with `prefix` (e.g. 'comment', 'variable.other.substitution'). */
function lacksScope(line: TokenizedLine, text: string, prefix: string, occurrence = 0): void {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = line.text.indexOf(text, start + 1);
  assert.ok(start >= 0, `${JSON.stringify(text)} occurs in ${JSON.stringify(line.text)}`);
  for (const token of line.tokens) {
    if (token.endIndex <= start || token.startIndex >= start + text.length) continue;
    const hit = token.scopes.find((s) => s.startsWith(prefix));
    assert.equal(hit, undefined, `${JSON.stringify(text)} in ${JSON.stringify(line.text)} must not be ${prefix}`);
  }
}

function anyScope(lines: TokenizedLine[], prefix: string): boolean {
  return lines.some((l) => l.tokens.some((t) => t.scopes.some((s) => s.startsWith(prefix))));
}

const KEY = 'variable.other.env.dotenv';
const SEPARATOR = 'punctuation.separator.key-value.dotenv';
const COMMENT = 'comment.line.number-sign.dotenv';
const UNQUOTED = 'string.unquoted.dotenv';
const DOUBLE = 'string.quoted.double.dotenv';
const SINGLE = 'string.quoted.single.dotenv';
const BACKTICK = 'string.quoted.other.backtick.dotenv';
const ESCAPE = 'constant.character.escape.dotenv';
const SUBSTITUTION = 'variable.other.substitution.dotenv';

describe('dotenv grammar: lines and keys', () => {
  test('a full-line comment, indented or not, including one that looks like an assignment', () => {
    const [plain, indented, disabled] = tokenize('# Database settings\n   # indented\n#KEY=value');
    hasScope(plain, '#', 'punctuation.definition.comment.dotenv');
    hasScope(plain, '# Database settings', COMMENT);
    hasScope(indented, '# indented', COMMENT);
    hasScope(disabled, '#KEY=value', COMMENT);
    lacksScope(disabled, 'KEY', 'variable');
    assert.deepEqual(dotenv.parse('#KEY=value'), {});
  });

  test('export KEY=value', () => {
    const [line] = tokenize('export API_URL=https://api.example.com');
    hasScope(line, 'export', 'keyword.other.export.dotenv');
    hasScope(line, 'API_URL', KEY);
    hasScope(line, '=', SEPARATOR);
    hasScope(line, 'https://api.example.com', UNQUOTED);
    assert.deepEqual(dotenv.parse('export API_URL=x'), { API_URL: 'x' });
  });

  test('`export` with no whitespace after it is the key itself', () => {
    const [line] = tokenize('export=1');
    hasScope(line, 'export', KEY);
    lacksScope(line, 'export', 'keyword');
    assert.deepEqual(dotenv.parse('export=1'), { export: '1' });
  });

  test('a key with dots and dashes is one key', () => {
    const [line] = tokenize('app.db-host.primary=db1');
    hasScope(line, 'app.db-host.primary', KEY);
    hasScope(line, 'db1', UNQUOTED);
    assert.deepEqual(dotenv.parse('app.db-host.primary=db1'), { 'app.db-host.primary': 'db1' });
  });

  test('whitespace around `=` and before the key', () => {
    const [line] = tokenize('  LOG_LEVEL  =  debug  ');
    hasScope(line, 'LOG_LEVEL', KEY);
    hasScope(line, '=', SEPARATOR);
    hasScope(line, 'debug', UNQUOTED);
    assert.ok(!scopesAt(line, 'debug  ').includes(UNQUOTED), 'the trailing blanks, which dotenv trims, are not part of the value');
  });

  test('`KEY: value` is an assignment, `KEY:value` is not (dotenv requires whitespace after the colon)', () => {
    const [colon, glued] = tokenize('MODE: cluster\nMODE:cluster');
    hasScope(colon, 'MODE', KEY);
    hasScope(colon, ':', SEPARATOR);
    hasScope(colon, 'cluster', UNQUOTED);
    lacksScope(glued, 'MODE:cluster', 'variable');
    lacksScope(glued, 'MODE:cluster', 'string');
    assert.deepEqual(dotenv.parse('MODE: cluster'), { MODE: 'cluster' });
    assert.deepEqual(dotenv.parse('MODE:cluster'), {});
  });

  test('an empty value, with or without a comment after it', () => {
    const [bare, commented, quoted] = tokenize('EMPTY=\nEMPTY= # set in production\nEMPTY=""');
    hasScope(bare, 'EMPTY', KEY);
    hasScope(bare, '=', SEPARATOR);
    assert.equal(anyScope([bare, commented], 'string'), false);
    hasScope(commented, '# set in production', COMMENT);
    hasScope(quoted, '""', DOUBLE);
    assert.deepEqual(dotenv.parse('A=\nB= # set in production\nC=""'), { A: '', B: '', C: '' });
  });
});

describe('dotenv grammar: values and comments', () => {
  test('an inline comment after an unquoted value, and `#` with no space before it (dotenv ends the value there too)', () => {
    const [spaced, glued] = tokenize('PORT=8080 # the platform sets it\nCOLOR=abc#def');
    hasScope(spaced, '8080', UNQUOTED);
    lacksScope(spaced, '8080 ', 'comment');
    hasScope(spaced, '# the platform sets it', COMMENT);
    hasScope(glued, 'abc', UNQUOTED);
    hasScope(glued, '#def', COMMENT);
    assert.deepEqual(dotenv.parse('PORT=8080 # the platform sets it\nCOLOR=abc#def'), { PORT: '8080', COLOR: 'abc' });
  });

  test('`#` inside quotes is part of the value; a comment after the closing quote is a comment', () => {
    const [double, single, backtick] = tokenize(
      'PASSWORD="p#ss word" # rotate monthly\nTAG=\'#latest\'   #note\nCHANNEL=`#general`#x',
    );
    hasScope(double, 'p#ss word', DOUBLE);
    lacksScope(double, 'p#ss word', 'comment');
    hasScope(double, '# rotate monthly', COMMENT);
    lacksScope(double, '# rotate monthly', 'string');
    hasScope(single, '#latest', SINGLE);
    lacksScope(single, '#latest', 'comment');
    hasScope(single, '#note', COMMENT);
    hasScope(backtick, '#general', BACKTICK);
    hasScope(backtick, '#x', COMMENT);
    assert.deepEqual(dotenv.parse('PASSWORD="p#ss word" # rotate monthly'), { PASSWORD: 'p#ss word' });
  });

  test('double quotes: punctuation, escapes, and a backslash pair before the closing quote', () => {
    const [line, pair] = tokenize('GREETING="hello\\nworld \\"quoted\\" \\$HOME"\nPATH_END="C:\\\\"');
    hasScope(line, '"', 'punctuation.definition.string.begin.dotenv');
    hasScope(line, '"', DOUBLE);
    hasScope(line, '\\n', ESCAPE);
    hasScope(line, '\\"', ESCAPE);
    hasScope(line, '\\$', ESCAPE);
    lacksScope(line, 'HOME', 'variable'); // An escaped dollar does not start a substitution.
    hasScope(line, '"', 'punctuation.definition.string.end.dotenv', 3);
    hasScope(pair, '\\\\', ESCAPE);
    hasScope(pair, '"', 'punctuation.definition.string.end.dotenv', 1);
  });

  test('single quotes are literal: no substitution, and `\\\'` does not close the string', () => {
    const [line] = tokenize("NOTE='costs $5 or ${PRICE}, it\\'s fine'");
    hasScope(line, "'", 'punctuation.definition.string.begin.dotenv');
    hasScope(line, '$5 or ${PRICE}', SINGLE);
    lacksScope(line, '${PRICE}', 'variable');
    lacksScope(line, '${PRICE}', 'punctuation.definition.variable');
    hasScope(line, "\\'", ESCAPE);
    hasScope(line, 's fine', SINGLE);
    hasScope(line, "'", 'punctuation.definition.string.end.dotenv', 2);
  });

  test('backticks', () => {
    const [line] = tokenize('JSON=`{"a": \'b\'}`');
    hasScope(line, '{"a": \'b\'}', BACKTICK);
    hasScope(line, '`', 'punctuation.definition.string.begin.dotenv');
    hasScope(line, '`', 'punctuation.definition.string.end.dotenv', 1);
  });

  test('$VAR and ${VAR} in unquoted and double-quoted values', () => {
    const [unquoted, double] = tokenize('URL=http://$HOST:${PORT}/x\nDSN="postgres://${DB_USER}@$DB_HOST/app"');
    hasScope(unquoted, '$', 'punctuation.definition.variable.dotenv');
    hasScope(unquoted, 'HOST', SUBSTITUTION);
    hasScope(unquoted, 'HOST', UNQUOTED);
    hasScope(unquoted, '${', 'punctuation.definition.variable.begin.dotenv');
    hasScope(unquoted, 'PORT', SUBSTITUTION);
    hasScope(unquoted, '}', 'punctuation.definition.variable.end.dotenv');
    lacksScope(unquoted, ':', 'variable');
    hasScope(double, 'DB_USER', SUBSTITUTION);
    hasScope(double, 'DB_USER', DOUBLE);
    hasScope(double, 'DB_HOST', SUBSTITUTION);
    lacksScope(double, '/app', 'variable');
  });

  test('${VAR:-default} with a nested substitution in the default', () => {
    const [line] = tokenize('REDIS_URL="${REDIS_URL:-redis://${REDIS_HOST:-localhost}:6379}"');
    hasScope(line, 'REDIS_URL', SUBSTITUTION, 1);
    hasScope(line, ':-', 'keyword.operator.substitution.dotenv');
    hasScope(line, 'redis://', 'meta.substitution.dotenv');
    lacksScope(line, 'redis://', 'variable');
    hasScope(line, 'REDIS_HOST', SUBSTITUTION);
    hasScope(line, 'localhost', 'meta.substitution.dotenv');
    hasScope(line, '}', 'punctuation.definition.variable.end.dotenv', 1);
    hasScope(line, '"', 'punctuation.definition.string.end.dotenv', 1);
  });

  test('an unclosed ${ stops at the closing quote instead of swallowing the file', () => {
    const [open, next] = tokenize('HALF="${NAME"\nNEXT=1');
    hasScope(open, '"', 'punctuation.definition.string.end.dotenv', 1);
    hasScope(next, 'NEXT', KEY);
  });

  test('text after a closing quote is flagged (dotenv would read the whole line as an unquoted value)', () => {
    const [line] = tokenize('NAME="Ada" Lovelace  ');
    hasScope(line, 'Lovelace', 'invalid.illegal.trailing-characters.dotenv');
    lacksScope(line, '  ', 'invalid', 0);
    assert.deepEqual(dotenv.parse('NAME="Ada" Lovelace'), { NAME: '"Ada" Lovelace' });
  });
});

describe('dotenv grammar: multi-line values and line endings', () => {
  test('a double-quoted value across lines keeps its scope, substitutions and `#`, and the next line is an assignment again', () => {
    const lines = tokenize('CERT="-----BEGIN-----\n# not a comment $SUFFIX\n\n-----END-----" # trailing\nNEXT=1');
    hasScope(lines[0], '-----BEGIN-----', DOUBLE);
    hasScope(lines[1], '# not a comment ', DOUBLE);
    lacksScope(lines[1], '# not a comment ', 'comment');
    hasScope(lines[1], 'SUFFIX', SUBSTITUTION);
    hasScope(lines[3], '-----END-----', DOUBLE);
    hasScope(lines[3], '"', 'punctuation.definition.string.end.dotenv');
    hasScope(lines[3], '# trailing', COMMENT);
    hasScope(lines[4], 'NEXT', KEY);
  });

  test('single- and backtick-quoted values across lines', () => {
    const lines = tokenize("KEY_PEM='line one $X\nline two'\nSCRIPT=`echo\ndone`\nAFTER=ok");
    hasScope(lines[1], 'line two', SINGLE);
    lacksScope(lines[0], '$X', 'variable');
    hasScope(lines[3], 'done', BACKTICK);
    hasScope(lines[4], 'AFTER', KEY);
  });

  test('CRLF input: the \\r belongs to no value, comment or error, and multi-line values still close', () => {
    const lines = tokenize('A=value\r\nB="quoted"\r\nC="two\r\nlines" # c\r\n# full line\r\nexport D=1\r\n');
    hasScope(lines[0], 'value', UNQUOTED);
    hasScope(lines[2], 'two', DOUBLE);
    hasScope(lines[3], '"', 'punctuation.definition.string.end.dotenv');
    hasScope(lines[4], '# full line', COMMENT);
    hasScope(lines[5], 'export', 'keyword.other.export.dotenv');
    hasScope(lines[5], 'D', KEY);
    for (const [i, line] of lines.entries()) {
      if (i === 2) continue; // Inside the open string the line break (\r included) is the value's.
      if (line.text.endsWith('\r')) lacksScope(line, '\r', 'string');
      if (line.text.endsWith('\r')) lacksScope(line, '\r', 'comment');
    }
    assert.equal(anyScope(lines, 'invalid'), false);
  });
});

describe('dotenv grammar agrees with dotenv.parse', () => {
  /** Rebuilds each key's value from the string-scoped tokens, the way dotenv would read it. */
  function valuesFromTokens(lines: TokenizedLine[]): Record<string, string> {
    const values: Record<string, string> = {};
    let key: string | undefined;
    let quote: string | undefined;
    const finish = () => {
      if (key !== undefined && quote === '"') values[key] = values[key].replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    };
    for (const line of lines) {
      for (const token of line.tokens) {
        const text = line.text.slice(token.startIndex, Math.min(token.endIndex, line.text.length));
        if (token.scopes.includes(KEY)) {
          finish();
          key = text;
          quote = undefined;
          values[key] = '';
        } else if (key === undefined) {
          continue;
        } else if (token.scopes.includes('punctuation.definition.string.begin.dotenv')) {
          quote = text;
        } else if (!token.scopes.includes('punctuation.definition.string.end.dotenv') && token.scopes.some((s) => s.startsWith('string.'))) {
          values[key] += text;
        }
      }
      const last = line.tokens[line.tokens.length - 1];
      const open = last.scopes.some((s) => s.startsWith('string.quoted')) && !last.scopes.includes('punctuation.definition.string.end.dotenv');
      if (key !== undefined && open) values[key] += '\n';
    }
    finish();
    return values;
  }

  const sample = fs.readFileSync(path.join(ROOT, 'test/fixtures/grammar/sample.env'), 'utf8');

  test('the sample .env: same keys, same values, no errors', () => {
    const lines = tokenize(sample);
    assert.deepEqual(valuesFromTokens(lines), dotenv.parse(sample));
    assert.equal(anyScope(lines, 'invalid'), false);
  });

  test('the sample .env with CRLF line endings', () => {
    const crlf = sample.replace(/\n/g, '\r\n');
    const lines = tokenize(crlf);
    const values = valuesFromTokens(lines);
    for (const key of Object.keys(values)) values[key] = values[key].replace(/\r\n/g, '\n');
    assert.deepEqual(values, dotenv.parse(crlf));
    assert.equal(anyScope(lines, 'invalid'), false);
  });
});

describe('grammar and language configuration files', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')) as { scopeName: string; repository: Record<string, unknown> };

  test('every #include names a repository entry and every regex compiles in Oniguruma', () => {
    // vscode-textmate skips a missing include silently and compiles a rule only when it is first
    // reached, so both mistakes would otherwise show up as quietly wrong colours.
    assert.equal(raw.scopeName, 'source.dotenv');
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'include' && typeof v === 'string' && v.startsWith('#')) {
          assert.ok(v.slice(1) in raw.repository, `${v} exists in the repository`);
        } else if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') {
          assert.doesNotThrow(() => new oniguruma.OnigScanner([v]).dispose(), v);
        } else walk(v);
      }
    };
    walk(raw);
  });

  test('language configuration: # comments, quotes and ${ } auto-close', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration/dotenv.json'), 'utf8')) as {
      comments: { lineComment: string };
      autoClosingPairs: Array<{ open: string; close: string }>;
      surroundingPairs: string[][];
    };
    assert.equal(config.comments.lineComment, '#');
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    for (const pair of ['""', "''", '``', '${}']) assert.ok(pairs.includes(pair), pair);
    assert.ok(config.surroundingPairs.some(([open, close]) => open === '"' && close === '"'));
  });
});
