import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument } from '../../server/src/features/analysis';
import { detectFileKind, mayBeHandled } from '../../server/src/features/fileKinds';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { allGunicornSettings } from '../../server/src/knowledge/gunicorn/settings';
import { gunicornSettingHover } from '../../server/src/features/gunicornHover';
import { parsePython } from '../../server/src/parse/gunicornPy';
import { range } from '../../server/src/text/lineIndex';

test('file kinds: gunicorn*.py by name, other Python files by the gunicornConfigFiles setting', () => {
  for (const name of ['gunicorn.conf.py', 'gunicorn_conf.py', 'gunicorn.config.py', 'deploy/gunicorn-prod.py', 'C:\\app\\Gunicorn.py']) {
    assert.equal(detectFileKind(name, ''), 'gunicorn-py', name);
    assert.ok(mayBeHandled(name), name);
  }
  assert.equal(detectFileKind('/srv/config/server.py', ''), undefined);
  assert.equal(detectFileKind('/srv/config/server.py', '', { gunicornConfigFiles: ['**/config/*.py'] }), 'gunicorn-py');
  assert.equal(detectFileKind('/srv/other/server.py', '', { gunicornConfigFiles: ['**/config/*.py'] }), undefined);
  assert.equal(detectFileKind('/srv/x/web.py', '', { gunicornConfigFiles: ['web.py'] }), 'gunicorn-py');
  assert.equal(detectFileKind('/srv/app/settings.py', ''), undefined);
});

test('hover: every setting has a hand-written description, type, default and flag', () => {
  for (const facts of allGunicornSettings()) {
    const hover = gunicornSettingHover(facts.name);
    assert.ok(hover && hover.split('\n\n').length >= 4, facts.name);
  }
  const document = readDocument('gunicorn.conf.py', 'import os\npreload_app = True\n');
  assert.ok(document);
  const hover = hoverAt(document, { line: 1, character: 3 });
  assert.ok(hover);
  assert.deepEqual(hover.range, range(1, 0, 1, 11));
  assert.match(hover.contents, /^\*\*preload_app\*\* \(Gunicorn setting · Server Mechanics\)/);
  assert.match(hover.contents, /command line `--preload`/);
  assert.match(hover.contents, /\*\*Default:\*\* `False`/);
  assert.equal(hoverAt(document, { line: 0, character: 8 }), undefined);
});

test('completion: setting names at the start of a line, worker classes in worker_class', () => {
  const document = readDocument('gunicorn.conf.py', 'workers = 2\nwor\n');
  assert.ok(document);
  const names = completionsAt(document, { line: 1, character: 3 });
  assert.ok(names.some((c) => c.label === 'worker_class' && c.insertText === 'worker_class = '));
  assert.ok(!names.some((c) => c.label === 'workers'), 'settings already set are not offered again');
  const hook = names.find((c) => c.label === 'post_fork');
  assert.equal(hook?.insertText, 'def post_fork(server, worker):');
  assert.deepEqual(names[0].range, range(1, 0, 1, 3));
  const inValue = readDocument('gunicorn.conf.py', 'workers = 2\nworker_class = "ge\n');
  assert.ok(inValue);
  const values = completionsAt(inValue, { line: 1, character: 18 });
  assert.deepEqual(values.map((c) => c.label).sort(), ['asgi', 'eventlet', 'gevent', 'gevent_pywsgi', 'gevent_wsgi', 'gthread', 'sync', 'tornado']);
  assert.deepEqual(values[0].range, range(1, 16, 1, 18));
  assert.deepEqual(completionsAt(document, { line: 0, character: 11 }), []);
});

test('document symbols: settings, hooks and helpers', () => {
  const document = readDocument('gunicorn.conf.py', 'import os\nport = 8000\nbind = f"0.0.0.0:{port}"\n\ndef post_fork(server, worker):\n    pass\n');
  assert.ok(document);
  assert.deepEqual(
    documentSymbols(document).map((s) => [s.name, s.kind, s.selectionRange.start.line]),
    [['port', 'variable', 1], ['bind', 'setting', 2], ['post_fork', 'hook', 4]],
  );
  assert.deepEqual(documentSymbols(document)[2].range, range(4, 0, 6, 0));
});

test('parser: literals, signatures and imports, without running anything', () => {
  const module = parsePython('import a.b as c, d\nfrom e import *\nx = (1, "a" "b", None, -0x10, 1.5)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n');
  assert.deepEqual(module.imports.map((i) => [i.name, i.from]), [['c', 'a.b'], ['d', 'd'], ['*', 'e']]);
  const value = module.assignments[0].value;
  assert.equal(value.kind, 'tuple');
  if (value.kind === 'tuple') {
    assert.deepEqual(value.items.map((item) => item.kind), ['int', 'str', 'none', 'int', 'float']);
    assert.deepEqual(value.items[1].kind === 'str' && value.items[1].value, 'ab');
    assert.deepEqual(value.items[3].kind === 'int' && value.items[3].value, -16n);
  }
  assert.deepEqual(module.functions[0].signature, { positional: 3, required: 1, varArgs: true, requiredKeywordOnly: 1 });
});
