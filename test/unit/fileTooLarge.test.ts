import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { MAX_ANALYZED_BYTES } from '../../server/src/rules/pydeploy/fileTooLarge';

/** A `[uwsgi]` config of exactly `bytes` UTF-8 bytes: the header, then one comment line. */
function uwsgiOfSize(bytes: number): string {
  const head = '[uwsgi]\n#';
  return head + 'x'.repeat(bytes - head.length);
}

test('a file of exactly the limit is read; one byte more is not', () => {
  const atLimit = analyze('/srv/uwsgi.ini', uwsgiOfSize(MAX_ANALYZED_BYTES));
  assert.equal(atLimit?.document.kind, 'uwsgi-ini');
  const over = analyze('/srv/uwsgi.ini', uwsgiOfSize(MAX_ANALYZED_BYTES + 1));
  assert.ok(over);
  assert.equal(over.document.kind, 'too-large');
  assert.deepEqual(diagnosticsOf(over), [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
      severity: 'information',
      code: 'pydeploy/file-too-large',
      message:
        'This file is 4,194,305 bytes (4.0 MiB), more than the 4 MiB pydeploy checks: it is not checked. ' +
        'Is it a generated or a wrong file?',
      source: 'pydeploy',
    },
  ]);
});

test('the limit counts UTF-8 bytes, a character outside the BMP as 4', () => {
  const emoji = '\u{1F600}'; // two UTF-16 units, four bytes
  // 9 bytes of head, then as many emoji as fit under the limit, and one more.
  const text = `[uwsgi]\n#${emoji.repeat(Math.floor((MAX_ANALYZED_BYTES - 9) / 4) + 1)}`;
  assert.equal(Buffer.byteLength(text), MAX_ANALYZED_BYTES + 1);
  assert.equal(analyze('/srv/uwsgi.ini', text)?.document.kind, 'too-large');
  assert.equal(analyze('/srv/uwsgi.ini', text.slice(0, -2))?.document.kind, 'uwsgi-ini');
});

test('a large file of no kind pydeploy reads is still left alone, and the rule can be turned off', () => {
  assert.equal(analyze('/srv/notes.txt', 'x'.repeat(MAX_ANALYZED_BYTES + 1)), undefined);
  const off = analyze('/srv/uwsgi.ini', uwsgiOfSize(MAX_ANALYZED_BYTES + 1), { rules: { 'pydeploy/file-too-large': 'off' } });
  assert.ok(off);
  assert.deepEqual(off.findings, []);
});
