import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument } from '../../server/src/features/analysis';
import { hoverAt } from '../../server/src/features/hover';

const document = readDocument('uwsgi.ini', '[uwsgi]\nenable-threads = true\n  workers = 4\nmy-placeholder = x\n\nmodule = app\n');
assert.ok(document);

test('describes an agent option: what it does, its value kind and what the agent needs', () => {
  const hover = hoverAt(document, { line: 1, character: 3 });
  assert.deepEqual(hover?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
  assert.match(hover?.contents ?? '', /^\*\*enable-threads\*\* \(uWSGI option\)\n\n/);
  assert.match(hover?.contents ?? '', /\*\*Value:\*\* flag: `false`, `off`, `no` or `0` turn it off/);
  assert.match(hover?.contents ?? '', /\*\*Agent:\*\* Required on uWSGI 2\.0\.26 and older/);
  assert.match(hover?.contents ?? '', /command line `-T`/);
});

test('names the alias of processes/workers and the plugin of module', () => {
  assert.match(hoverAt(document, { line: 2, character: 2 })?.contents ?? '', /same setting as `processes`/);
  assert.match(hoverAt(document, { line: 5, character: 6 })?.contents ?? '', /^\*\*module\*\* \(uWSGI option, python plugin\)/);
});

test('every option the foundation documents has a description and an agent note', () => {
  for (const name of ['enable-threads', 'threads', 'single-interpreter', 'lazy-apps', 'lazy', 'master', 'processes', 'workers', 'module', 'wsgi-file']) {
    const probe = readDocument('uwsgi.ini', `[uwsgi]\n${name} = 1\n`);
    assert.ok(probe);
    const contents = hoverAt(probe, { line: 1, character: 0 })?.contents ?? '';
    assert.match(contents, /\*\*Agent:\*\*/, name);
    assert.ok(contents.split('\n\n').length >= 4, name);
  }
});

test('answers nothing on values, blank lines and keys that are no option', () => {
  assert.equal(hoverAt(document, { line: 1, character: 18 }), undefined);
  assert.equal(hoverAt(document, { line: 4, character: 0 }), undefined);
  assert.equal(hoverAt(document, { line: 3, character: 2 }), undefined);
  assert.equal(hoverAt(document, { line: 99, character: 0 }), undefined);
});
