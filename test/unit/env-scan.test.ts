import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import { lineKind, scanEnv, type EnvDocument } from '../../core/src/env/scan';
import { cyclePath, substitutionCycles, substitutions } from '../../core/src/env/substitution';
import { effectiveEntries, valueOf } from '../../core/src/env/values';

// The .env line scanner: positions for the rules, values always as dotenv itself reads them.

const kinds = (doc: EnvDocument) => Array.from({ length: doc.lineCount }, (_, l) => lineKind(doc, l));

/** What dotenv loads, read through the scanner's entries (the last entry of a key wins, as in dotenv). */
function loaded(text: string): Record<string, string | undefined> {
  const doc = scanEnv(text);
  const out: Record<string, string | undefined> = {};
  for (const [k, e] of effectiveEntries(doc)) out[k] = valueOf(doc, e);
  return out;
}

describe('scanEnv: positions', () => {
  test('key, delimiter, value, comment of a plain line', () => {
    const text = 'export  API_URL = "https://x" # the api\n';
    const [e] = scanEnv(text).entries;
    assert.equal(e.exported, true);
    assert.equal(text.slice(e.keyStart, e.keyEnd), 'API_URL');
    assert.equal(text[e.delimiterStart], '=');
    assert.equal(text.slice(e.valueStart, e.valueEnd), '"https://x"');
    assert.equal(e.quote, '"');
    assert.equal(text.slice(e.comment?.start, e.comment?.end), '# the api');
  });
  test('CRLF: offsets on each line, no \\r in keys or values', () => {
    const text = 'A=1\r\nB = two\r\n';
    const doc = scanEnv(text);
    assert.deepEqual(doc.entries.map((e) => [e.key, e.rawValue, e.line]), [['A', '1', 0], ['B', 'two', 1]]);
    assert.equal(doc.eol, '\r\n');
    assert.deepEqual(kinds(doc), ['entry', 'entry', 'blank']);
  });
  test('a lone CR is a line break too (as dotenv reads it)', () => {
    assert.deepEqual(scanEnv('A=1\rB=2').entries.map((e) => [e.key, e.line]), [['A', 0], ['B', 1]]);
  });
  test('BOM: the first key starts after it', () => {
    const text = '\uFEFFKEY=v\n';
    const doc = scanEnv(text);
    assert.equal(doc.bom, true);
    assert.equal(doc.entries[0].keyStart, 1);
    assert.equal(doc.entries[0].lineStart, 1);
  });
  test('multi-line quoted value: one entry, its inner lines marked', () => {
    const text = 'KEY="a\n\n# not a comment\nb"\nNEXT=1\n';
    const doc = scanEnv(text);
    assert.deepEqual(doc.entries.map((e) => [e.key, e.line, e.endLine]), [['KEY', 0, 3], ['NEXT', 4, 4]]);
    assert.deepEqual(kinds(doc), ['entry', 'inside', 'inside', 'inside', 'entry', 'blank']);
  });
  test('lines dotenv skips are entries that it does not load', () => {
    const doc = scanEnv('FOO\n*BAR=1\nA B=2\n');
    assert.deepEqual(doc.entries.map((e) => [e.key, e.delimiter ?? null, e.loaded]), [['FOO', null, false], ['*BAR', '=', false], ['A B', '=', false]]);
  });
});

describe('scanEnv: values agree with dotenv.parse', () => {
  const cases = [
    'A=1\nB="two"\nC=\'three\'\nD=`four`\n',
    'A=unquoted value # comment\nB="quoted # not a comment"\nC=a#b\n',
    'A="line\\nbreak"\nB=\'no\\nbreak\'\n',
    'A="multi\nline"\nB=\'x\ny\'\n',
    'A="a\\" # c\n',
    "A='x' y\n",
    'A: b=c\nB:c\n',
    'export A=1\nexport =2\n',
    'A=\n"quoted on the next line"\n',
    'KEY\n\n=value\n',
    'A:\nnext line\n',
    'A=1\nA=2\n',
    '\uFEFFA=1\r\nB="x\r\ny"\r\n',
    'A="unclosed\nB=2\n',
    '"=x\nB="y"\n',
  ];
  for (const text of cases) {
    test(JSON.stringify(text), () => assert.deepEqual(loaded(text), dotenvParse(text)));
  }
  test('random files built from the characters that matter (xorshift, fixed seed)', () => {
    const tokens = ['A', 'KEY_1', '=', '=', ' ', '\t', '"', "'", '`', '#', '\n', '\n', '\r\n', '\r', '\\', '$', 'x', 'y z', 'export ', ':', ': ', '\\"'];
    let x = 2463534242;
    const rnd = (n: number) => {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      return x % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = 1 + rnd(24); j > 0; j--) text += tokens[rnd(tokens.length)];
      assert.deepEqual(loaded(text), dotenvParse(text), JSON.stringify(text));
    }
  });
});

describe('substitutions', () => {
  test('names, defaults, escapes; single quotes are literal', () => {
    assert.deepEqual(substitutions('$A-${B}-${C:-x}-\\$D').map((s) => [s.name, s.malformed]), [['A', false], ['B', false], ['C', false]]);
    assert.deepEqual(substitutions("'$A'"), []);
    assert.deepEqual(substitutions('${A:-${B}}').map((s) => s.name), ['A', 'B']);
    assert.deepEqual(substitutions('${A').map((s) => s.malformed), [true]);
  });
  test('cycles of two or more keys; self references are not cycles', () => {
    const doc = scanEnv('A=${B}\nB=$C\nC=${A}\nP=$P\nX=$A\n');
    const entries = effectiveEntries(doc);
    const cycles = substitutionCycles(entries);
    assert.deepEqual(cycles.map((c) => [...c].sort()), [['A', 'B', 'C']]);
    assert.deepEqual(cyclePath(cycles[0], 'A', entries), ['A', 'B', 'C', 'A']);
  });
  test('a ring of 50 000 keys: found without recursion', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `K${i}=\${K${(i + 1) % 50_000}}`);
    const cycles = substitutionCycles(effectiveEntries(scanEnv(lines.join('\n'))));
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].length, 50_000);
  });
});
