// V8 optimises for size during the server's bursts of work (indexing, a workspace scan) and not between them,
// where keystrokes are analysed (server/src/bursts.ts): overlapping bursts keep it on until the last ends,
// and a burst that fails switches it off as one that succeeds does.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { sizeOptimised, v8Flags } from '../../../server/src/bursts';

test('optimised for size from the first burst that starts to the last that ends, failed or not', async () => {
  const set: string[] = [];
  const original = v8Flags.set;
  v8Flags.set = (flag) => set.push(flag);
  try {
    let endFirst!: () => void;
    let failSecond!: (e: Error) => void;
    const first = sizeOptimised(() => new Promise<void>((resolve) => { endFirst = resolve; }));
    const second = sizeOptimised(() => new Promise<void>((_, reject) => { failSecond = reject; }));
    assert.deepEqual(set, ['--optimize-for-size']);
    endFirst();
    await first;
    assert.deepEqual(set, ['--optimize-for-size'], 'still on while the second burst runs');
    failSecond(new Error('cancelled'));
    await assert.rejects(second, /cancelled/);
    assert.deepEqual(set, ['--optimize-for-size', '--no-optimize-for-size']);
    assert.equal(await sizeOptimised(async () => 42), 42);
    assert.deepEqual(set, ['--optimize-for-size', '--no-optimize-for-size', '--optimize-for-size', '--no-optimize-for-size']);
  } finally {
    v8Flags.set = original;
  }
});
