import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument } from '../../server/src/features/analysis';
import { completionsAt } from '../../server/src/features/completion';
import { definitionAt } from '../../server/src/features/navigation';
import { documentSymbols } from '../../server/src/features/symbols';
import { hoverAt } from '../../server/src/features/hover';
import { readSettings } from '../../server/src/features/settings';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const TEXT = '[uwsgi]\nbase = /srv/shop\nchdir = %(base)/app\nini = common.ini\nmaster = \nenab\n\n[dev]\nprocesses = 1\n';
const files = { '/project/uwsgi.ini': TEXT, '/project/common.ini': '[uwsgi]\nset-ph = venv=/srv/venv\n' };
const document = readDocument('/project/uwsgi.ini', TEXT, {}, memoryWorkspace(files));
assert.ok(document);

describe('completion in uWSGI files', () => {
  test('offers option names at the start of a line, replacing what is typed', () => {
    const items = completionsAt(document, { line: 5, character: 4 });
    const item = items.find((candidate) => candidate.label === 'enable-threads');
    assert.ok(item);
    assert.equal(item.kind, 'option');
    assert.deepEqual(item.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
    assert.match(item.detail, /^Initialises the Python GIL/);
    assert.ok(items.length > 1000, 'every option is offered; the editor filters');
  });

  test('offers true and false after a flag, and nothing after other options', () => {
    assert.deepEqual(completionsAt(document, { line: 4, character: 9 }).map((c) => c.label), ['true', 'false']);
    assert.deepEqual(completionsAt(document, { line: 1, character: 8 }), []);
  });

  test('offers placeholder names inside %(', () => {
    const text = '[uwsgi]\nbase = /srv\nset-ph = venv=/srv/venv\nchdir = %(b\n';
    const probe = readDocument('/project/uwsgi.ini', text);
    assert.ok(probe);
    const items = completionsAt(probe, { line: 3, character: 11 });
    assert.deepEqual(items.map((c) => `${c.label} ${c.detail}`), ['base = /srv', 'chdir = %(b', 'set-ph = venv=/srv/venv', 'venv = /srv/venv']);
    assert.deepEqual(items[0].range, { start: { line: 3, character: 10 }, end: { line: 3, character: 11 } });
  });
});

describe('navigation in uWSGI files', () => {
  test('goes from %(name) to the line that sets it, and from ini = to the file', () => {
    assert.deepEqual(definitionAt(document, { line: 2, character: 11 }), {
      path: '/project/uwsgi.ini',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    });
    assert.deepEqual(definitionAt(document, { line: 3, character: 8 }), { path: '/project/common.ini', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.equal(definitionAt(document, { line: 1, character: 1 }), undefined);
  });

  test('hover on %(name) shows its value and where it is set', () => {
    const hover = hoverAt(document, { line: 2, character: 11 });
    assert.equal(hover?.contents, '**%(base)** = `/srv/shop`\n\nSet by `base` on line 2.');
    assert.deepEqual(hover?.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } });
  });

  test('the outline lists sections with their options', () => {
    const symbols = documentSymbols(document);
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.range.start.line}-${s.range.end.line}`), ['[uwsgi] 0-6', '[dev] 7-9']);
    assert.deepEqual(symbols[0].children?.map((s) => s.name), ['base', 'chdir', 'ini', 'master', 'enab']);
  });
});

describe('settings', () => {
  test('keep only well-typed values and known rule ids', () => {
    assert.deepEqual(readSettings({ uwsgiVersion: ' 2.0.28 ', rules: { 'uwsgi/lazy-apps': 'off', 'uwsgi/nope': 'off', 'uwsgi/enable-threads': 'loud' }, gunicornConfigFiles: ['a.py', 3] }), {
      uwsgiVersion: '2.0.28',
      gunicornConfigFiles: ['a.py'],
      rules: { 'uwsgi/lazy-apps': 'off' },
    });
    assert.deepEqual(readSettings('nonsense'), {});
  });
});
