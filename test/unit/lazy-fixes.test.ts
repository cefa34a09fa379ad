import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../core/src/config';
import { FileContext } from '../../core/src/context';
import { analyze } from '../../core/src/engine';
import { deferredFixesComputed, FindingFixes } from '../../core/src/fixes/lazy';
import type { EditFix } from '../../core/src/fixes/types';
import { rule } from '../../core/src/rules/disposability/missing-sigterm-handler';

const TWO_SERVERS = "import http from 'node:http';\nhttp.createServer(a).listen(8080);\nhttp.createServer(b).listen(8081);\n";

const editsOf = (fixes: unknown): string[] => ((fixes as EditFix[] | undefined) ?? []).flatMap((f) => f.edits.map((e) => e.text));

describe('fixes are computed only when asked for', () => {
  test('diagnostics compute no fix; the first read computes it once', () => {
    const before = deferredFixesComputed();
    const result = analyze(new FileContext('/ws/src/main.js', TWO_SERVERS), { config: defaultConfig(), rules: [rule] });
    assert.equal(result.findings.length, 2);
    assert.equal(deferredFixesComputed(), before, 'analysis alone computes no fix');
    const second = result.fixes.get(result.findings[1]);
    assert.equal(deferredFixesComputed(), before + 1);
    assert.ok(second && second.length === 1);
    result.fixes.get(result.findings[1]);
    assert.equal(deferredFixesComputed(), before + 1, 'kept once computed');
  });

  test('asked in any order, the fixes of several sites are those fix-all applies together', () => {
    const run = () => analyze(new FileContext('/ws/src/main.js', TWO_SERVERS), { config: defaultConfig(), rules: [rule] });
    const forward = run();
    const inOrder = forward.findings.map((f) => editsOf(forward.fixes.get(f)));
    const backward = run();
    const reversed = [...backward.findings].reverse().map((f) => editsOf(backward.fixes.get(f))).reverse();
    assert.deepEqual(reversed, inOrder);
    // Two distinct names: two `const server` in one scope would not parse.
    assert.ok(inOrder[0].some((t) => t.startsWith('const server = ')) && inOrder[1].some((t) => t.startsWith('const server2 = ')), JSON.stringify(inOrder));
  });

  test('a Map to its readers: size and iteration see deferred lists, empty ones leave no entry', () => {
    const map = new FindingFixes<string>();
    const fix: EditFix = { kind: 'edit', id: 'x', title: 'x', edits: [], preferred: true };
    map.add('a', () => [fix]);
    map.add('b', () => undefined);
    map.add('c', [fix]);
    map.add('d', []);
    assert.equal(map.size, 2);
    assert.deepEqual([...map.keys()].sort(), ['a', 'c']);
    assert.equal(map.has('b'), false);
  });
});
