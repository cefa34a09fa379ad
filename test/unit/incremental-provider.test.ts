import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FileContext } from '../../core/src/context';
import { providerKeywords, providerKeywordsAfterEdit } from '../../core/src/providerKeywords';
import { defaultIndex } from '../../core/src/secrets/scan';

// The provider keyword scan of a keystroke (core/src/providerKeywords.ts) rescans only the lines around the edit:
// whatever the edits, the providers found must be those of a scan of the whole new text.

const ids = (s: ReadonlySet<{ id: string }>) => [...s].map((p) => p.id).sort().join(',');
const piece = fc.constantFrom('sk_live_', 'ghp_', 'AKIA', 'postgres://', '\n', '\r\n', ' ', 'x', 'password=', '-----BEGIN', 'hooks.slack.com', 'tk-us-', 'xoxb-');
const text = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

describe('provider keywords after an edit', () => {
  test('equal a scan of the whole new text, for any sequence of edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (first, edits) => {
        let current = first;
        let keywords = providerKeywords(current);
        for (const e of edits) {
          const start = current.length === 0 ? 0 : e.at % (current.length + 1);
          const end = Math.min(current.length, start + e.remove);
          const next = current.slice(0, start) + e.insert + current.slice(end);
          keywords = providerKeywordsAfterEdit(keywords, current, next, { start, end, newLength: e.insert.length });
          assert.equal(ids(keywords.candidates), ids(defaultIndex().candidates(next)));
          assert.equal(keywords.chunks.map((c) => c.end - c.start).reduce((a, b) => a + b, 0), next.length);
          current = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a keystroke in a long file rescans one chunk, and the context hands its keywords to the next version', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `const value${i} = 'abc${i}';`);
    lines[1500] = "const token = 'xoxb-not-a-real-token';";
    const before = `${lines.join('\n')}\n`;
    const at = before.indexOf('value1000') + 5;
    const after = `${before.slice(0, at)}Z${before.slice(at)}`;
    const previous = providerKeywords(before);
    const next = providerKeywordsAfterEdit(previous, before, after, { start: at, end: at, newLength: 1 });
    const fresh = next.chunks.filter((c) => !previous.chunks.some((p) => p.value === c.value));
    assert.ok(fresh.length <= 2, `${fresh.length} chunks rescanned`);
    const context = new FileContext('/ws/a.js', before);
    context.providerCandidates();
    assert.equal(ids(context.withText(after, { start: at, end: at, newLength: 1 }).providerCandidates()), ids(defaultIndex().candidates(after)));
  });
});
