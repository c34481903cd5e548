import { Transform, TransformCallback } from 'node:stream';

/**
 * The base protocol's framing, checked before vscode-jsonrpc reads it: `Content-Length: N\r\n` (and other
 * `Name: value` lines) up to an empty line, then N bytes of body.
 *
 * vscode-jsonrpc's reader drops a header block it cannot read (no Content-Length, a length that is no number, a
 * line without `:`) but leaves the body after it in its buffer, where it is read as the start of the next header
 * block: from then on every message is lost and the server, though running, never answers again. This stream lets
 * through only well-formed header blocks; after a malformed one it skips ahead to the next `Content-Length:`, so that
 * one bad message costs that message and never the connection. A body whose length was declared wrong is cut at the
 * wrong place: its JSON fails to parse (vscode-jsonrpc reports that and drops it) and what follows is resynchronised
 * here the same way.
 */
export class ResyncingFrameStream extends Transform {
  /** Bytes not yet passed on: the header block being read, or the body being collected. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The header block (with its blank line) of the message whose body is being collected. */
  private header: Buffer | undefined;
  private bodyLength = 0;

  /** `discarded` hears of every byte range skipped, for the server's log. */
  constructor(private readonly discarded: (reason: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    try {
      this.drain();
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private drain(): void {
    for (;;) {
      if (this.header) {
        if (this.buffered < this.bodyLength) return;
        const all = this.takeAll();
        this.push(Buffer.concat([this.header, all.subarray(0, this.bodyLength)]));
        this.header = undefined;
        this.putBack(all.subarray(this.bodyLength));
        continue;
      }
      const pending = this.takeAll();
      const end = pending.indexOf(HEADER_END);
      if (end === -1) {
        // No blank line yet. A real header block is a few dozen bytes: a long run without one is garbage to skip.
        this.putBack(pending.length > MAX_HEADER_BYTES ? this.resync(pending, 'a header block without an end') : pending);
        return;
      }
      const length = contentLength(pending.subarray(0, end).toString('latin1'));
      if (length === undefined) {
        this.putBack(this.resync(pending, 'a malformed header block'));
        continue;
      }
      this.header = pending.subarray(0, end + HEADER_END.length);
      this.bodyLength = length;
      this.putBack(pending.subarray(end + HEADER_END.length));
    }
  }

  /** What is left after skipping to the next `Content-Length:` after the first byte, or the tail that may begin one. */
  private resync(pending: Buffer, what: string): Buffer {
    const next = pending.indexOf(CONTENT_LENGTH, 1);
    const kept = next === -1 ? pending.subarray(Math.max(1, pending.length - CONTENT_LENGTH.length + 1)) : pending.subarray(next);
    this.discarded(`skipped ${pending.length - kept.length} bytes of ${what}`);
    return kept;
  }

  private takeAll(): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    return all;
  }

  private putBack(rest: Buffer): void {
    if (rest.length === 0) return;
    this.chunks.unshift(rest);
    this.buffered += rest.length;
  }
}

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = Buffer.from('Content-Length:', 'latin1');
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * The body length a header block declares, or undefined when vscode-jsonrpc could not read the block: a line
 * without `:`, no Content-Length, or one that is not a whole number.
 */
export function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) return undefined;
    if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}
