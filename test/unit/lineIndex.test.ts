import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../core/src/lineIndex';
import { params, runs } from '../fixtures/fuzz/arbitraries';

/** Line starts one character at a time: `\n`, `\r\n` and a lone `\r` each end a line (what LSP clients count). */
function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

test('line starts: `\\n`, `\\r\\n` and a lone `\\r`, as a character-by-character count finds them', () => {
  assert.deepEqual(new LineIndex('').lineStarts, [0]);
  assert.deepEqual(new LineIndex('a\r\nb\rc\nd\r').lineStarts, [0, 3, 5, 7, 9]);
  assert.deepEqual(new LineIndex('\r\r\n\n').lineStarts, [0, 1, 3, 4]);
  fc.assert(
    fc.property(fc.array(fc.constantFrom('\n', '\r', '\r\n', 'x', 'yz', ' ', '\u2028'), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const index = new LineIndex(text);
      assert.deepEqual(index.lineStarts, naiveStarts(text));
      for (let offset = 0; offset <= text.length; offset++) {
        const position = index.positionAt(offset);
        if (text[offset - 1] !== '\r' || text[offset] !== '\n') assert.equal(index.offsetAt(position), offset);
      }
    }),
    params(runs(300)),
  );
});

test("after any sequence of edits, an index derived from the previous version's is a fresh count's, and a keystroke reads only its line", () => {
  const piece = fc.constantFrom('\n', '\r', '\r\n', 'x', 'yz', ' ');
  const edit = fc.record({ at: fc.nat({ max: 200 }), remove: fc.nat({ max: 4 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (parts, edits) => {
      let text = parts.join('');
      let index = new LineIndex(text);
      for (const e of edits) {
        const start = e.at % (text.length + 1);
        const end = Math.min(text.length, start + e.remove);
        text = text.slice(0, start) + e.insert + text.slice(end);
        index = index.afterEdit(text, { start, end, newLength: e.insert.length });
        assert.deepEqual(index.lineStarts, naiveStarts(text), JSON.stringify(text));
      }
    }),
    params(runs(500)),
  );
  // Work: the new text is searched from the edited line's start on (and only to just past the edit).
  const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
  const at = lines.indexOf('line 1000') + 4;
  const edited = `${lines.slice(0, at)}!${lines.slice(at)}`;
  let searchedFrom = Infinity;
  let searches = 0;
  const original = String.prototype.indexOf;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    if (this === edited) {
      searches++;
      searchedFrom = Math.min(searchedFrom, from ?? 0);
    }
    return original.call(this, search, from);
  };
  try {
    const derived = new LineIndex(lines).afterEdit(edited, { start: at, end: at, newLength: 1 });
    assert.deepEqual(derived.lineStarts, naiveStarts(edited));
  } finally {
    String.prototype.indexOf = original;
  }
  assert.equal(searchedFrom, lines.indexOf('line 1000'), 'searched from the start of the edited line');
  assert.ok(searches <= 4, `${searches} searches (a fresh index makes one per line)`);
});
