// The check of the JSON-RPC framing in front of vscode-jsonrpc: well-formed frames pass unchanged however the pipe
// splits them; after a malformed header block the stream skips to the next `Content-Length:`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResyncingFrameStream, contentLength } from '../../server/src/lsp/framing';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** What the stream lets through for an input cut into pieces of the given sizes (cycled), and what it skipped. */
async function pass(input: string, sizes: number[]): Promise<{ output: string; skipped: string[] }> {
  const skipped: string[] = [];
  const stream = new ResyncingFrameStream((reason) => skipped.push(reason));
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = Buffer.from(input, 'utf8');
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    stream.write(bytes.subarray(at, at + size));
    at += size;
  }
  stream.end();
  await new Promise((resolve) => stream.on('end', resolve));
  return { output: Buffer.concat(chunks).toString('utf8'), skipped };
}

const FRAMES = [
  frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'),
  `Content-Length: 17\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"text":"héllo"}`,
  frame(''),
  frame(`{"text":"${'€'.repeat(5000)}\\r\\n\\r\\nContent-Length: 3"}`),
];

test('well-formed frames pass unchanged, whole, byte by byte or in odd pieces', async () => {
  for (const sizes of [[1_000_000], [1], [7, 1, 13], [3, 64 * 1024]]) {
    assert.deepEqual(await pass(FRAMES.join(''), sizes), { output: FRAMES.join(''), skipped: [] }, `pieces of ${sizes.join(', ')}`);
  }
});

test('a malformed header block is skipped up to the next Content-Length, however the input is cut', async () => {
  const bad = [
    'Content-Type: text/plain\r\n\r\n{"lost":1}',
    'Content-Length: abc\r\n\r\n{"lost":2}',
    'no colon here\r\n\r\n{"lost":3}',
    'Content-Len',
  ];
  const input = FRAMES[0] + bad[0] + FRAMES[1] + bad[1] + bad[2] + FRAMES[2] + bad[3] + FRAMES[3];
  for (const sizes of [[1_000_000], [1], [5, 2, 11]]) {
    const { output } = await pass(input, sizes);
    assert.equal(output, FRAMES.join(''), `pieces of ${sizes.join(', ')}`);
  }
});

test('contentLength reads what vscode-jsonrpc reads, and nothing it would refuse', () => {
  assert.equal(contentLength('Content-Length: 12'), 12);
  assert.equal(contentLength('content-length:7\r\nContent-Type: x'), 7);
  assert.equal(contentLength('Content-Type: x'), undefined);
  assert.equal(contentLength('Content-Length: 1e3'), undefined);
  assert.equal(contentLength('Content-Length: -1'), undefined);
  assert.equal(contentLength('Content-Length: 3\r\nnonsense'), undefined);
  assert.equal(contentLength(''), undefined);
});
