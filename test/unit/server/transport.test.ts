// The stdio output stream: one write per JSON-RPC message (header and body together), byte for byte what
// vscode-jsonrpc would have written in two.
import * as assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { test } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-jsonrpc/node';
import { CoalescingOutput } from '../../../server/src/transport';

/** A stream that records each write it is given. */
function recorder(): { stream: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, callback) { chunks.push(chunk); callback(); } });
  return { stream, chunks };
}

const MESSAGES: Message[] = [
  { jsonrpc: '2.0', id: 1, result: { kind: 'full', items: [] } } as Message,
  { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 4, message: 'é ünïcode ✓ and a "quote"' } } as Message,
  { jsonrpc: '2.0', id: 2, result: { items: Array.from({ length: 500 }, (_, i) => ({ line: i, text: 'x'.repeat(i % 40) })) } } as Message,
];

test('each message reaches the underlying stream in one write, header and body together', async () => {
  const { stream, chunks } = recorder();
  const output = new CoalescingOutput(stream);
  const writer = new StreamMessageWriter(output);
  for (const message of MESSAGES) await writer.write(message);
  assert.equal(chunks.length, MESSAGES.length);
  assert.equal(output.writes, MESSAGES.length);
  for (const chunk of chunks) assert.match(chunk.subarray(0, 40).toString('ascii'), /^Content-Length: \d+\r\n\r\n[{]/);
  writer.dispose();
});

test('what is written reads back as the same messages, in order', async () => {
  const pipe = new PassThrough();
  const writer = new StreamMessageWriter(new CoalescingOutput(pipe));
  const reader = new StreamMessageReader(pipe);
  const received: Message[] = [];
  const all = new Promise<void>((resolve) => {
    reader.listen((message) => {
      received.push(message);
      if (received.length === MESSAGES.length) resolve();
    });
  });
  // Not awaited one by one: the writer queues them, as the server does when answers overlap.
  await Promise.all(MESSAGES.map((m) => writer.write(m)));
  await all;
  assert.deepEqual(received, MESSAGES);
  reader.dispose();
  writer.dispose();
});

test('a chunk that is not a header passes through as it comes', async () => {
  const { stream, chunks } = recorder();
  const output = new CoalescingOutput(stream);
  await new Promise<void>((resolve, reject) => output.write('plain text\n', (error) => (error ? reject(error) : resolve())));
  assert.deepEqual(chunks.map((c) => c.toString()), ['plain text\n']);
});
