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
