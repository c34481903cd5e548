import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../server/src/text/fingerprint';

test('equal texts have one fingerprint; each small edit of a launch file gives another', () => {
  const text = 'web: uwsgi --ini uwsgi.ini --processes 4\n';
  assert.equal(fingerprint(text), fingerprint(`web: uwsgi --ini uwsgi.ini${' --processes 4\n'}`));
  const edits = [
    text.replace('4', '5'),
    text.replace('--ini', '--in1'),
    text.replace('uwsgi --ini', 'uwsgi  --ini').slice(0, -1),
    text.replace('processes', 'prcoesses'),
    text.replace('\n', '\r'),
    `${text} `,
    '',
  ];
  const prints = new Set([text, ...edits].map(fingerprint));
  assert.equal(prints.size, edits.length + 1);
  // Every one-unit change of a short text, at every place: none keeps the fingerprint.
  for (let at = 0; at < text.length; at++) {
    const changed = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
    assert.notEqual(fingerprint(changed), fingerprint(text), `unit ${at}`);
  }
});
