import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import type { Connection } from 'vscode-languageserver';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/**
 * The server's output stream over stdio, writing each message in one piece. vscode-jsonrpc writes a message's
 * `Content-Length` header and its body as two writes; on a pipe each is a system call, and a keystroke's
 * answer paid both (a quarter of the server's CPU per keystroke in the bench's profile). This stream holds a
 * header until its body arrives and writes them together. Anything else is passed through as it comes.
 */
export class CoalescingOutput extends Writable {
  private held: Buffer | undefined;
  /** Writes made to the underlying stream (the tests count them). */
  writes = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super({ decodeStrings: true });
    out.on('error', (error: Error) => this.destroy(error));
    out.on('close', () => this.destroy());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.held === undefined && isHeader(chunk)) {
      this.held = chunk;
      callback();
      return;
    }
    const data = this.held ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = undefined;
    this.writes++;
    this.out.write(data, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.held === undefined) {
      callback();
      return;
    }
    const held = this.held;
    this.held = undefined;
    this.writes++;
    this.out.write(held, callback);
  }
}

/** A JSON-RPC header block: `Content-Length: N` (and any other header lines), ended by an empty line. */
function isHeader(chunk: Buffer): boolean {
  return chunk.length < 256 && chunk.subarray(-4).equals(HEADER_END) && chunk.subarray(0, 15).toString('ascii').toLowerCase() === 'content-length:';
}

/**
 * Over stdio, anything printed to stdout would corrupt the protocol: vscode-languageserver sends `console` to the
 * client's log when it opens stdio itself. A connection made on streams we pass does not, so do the same here.
 */
export function consoleToClient(connection: Connection): void {
  const serialize = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(serialize(args));
  console.info = (...args: unknown[]) => connection.console.info(serialize(args));
  console.debug = (...args: unknown[]) => connection.console.log(serialize(args));
  console.warn = (...args: unknown[]) => connection.console.warn(serialize(args));
  console.error = (...args: unknown[]) => connection.console.error(serialize(args));
  console.trace = (...args: unknown[]) => connection.console.log(serialize(args));
  console.dir = (arg: unknown) => connection.console.log(inspect(arg));
}
