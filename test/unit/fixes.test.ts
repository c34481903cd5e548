import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { fixAll, fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { Position, Range } from '../../server/src/text/lineIndex';

const at = (line: number, character = 0): Range => {
  const p: Position = { line, character };
  return { start: p, end: p };
};

/** Applies the quick fix with this title found at a position, and returns the new text. */
function applyQuickFix(text: string, position: Range, title: string, path = 'uwsgi.ini'): string {
  const analysis = analyze(path, text);
  assert.ok(analysis);
  const fix = quickFixes(analysis, position).find((action) => action.title === title);
  assert.ok(fix, `no fix titled ${title}; have ${quickFixes(analysis, position).map((a) => a.title).join(', ')}`);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  return applyTextEdits(text, fix.edits);
}

describe('quick fixes', () => {
  test('add the missing flag after the last option, before blank lines and the next section\'s comments', () => {
    const text = '[uwsgi]\nmodule = app\nthreads = 2\n\n; the next section\n[other]\nx = 1\n';
    assert.equal(
      applyQuickFix(text, at(0), "Add 'single-interpreter = true' to [uwsgi]"),
      '[uwsgi]\nmodule = app\nthreads = 2\nsingle-interpreter = true\n\n; the next section\n[other]\nx = 1\n',
    );
  });

  test('keep CRLF line endings, indentation and the spacing around =', () => {
    const text = '[uwsgi]\r\n    module=app\r\n    threads=2\r\n';
    assert.equal(applyQuickFix(text, at(0, 3), "Add 'lazy-apps = true' to [uwsgi]"), '[uwsgi]\r\n    module=app\r\n    threads=2\r\n    lazy-apps=true\r\n');
  });

  test('leave a missing final newline missing', () => {
    assert.equal(
      applyQuickFix('[uwsgi]\nmodule = app', at(0), "Add 'enable-threads = true' to [uwsgi]"),
      '[uwsgi]\nmodule = app\nenable-threads = true',
    );
    assert.equal(applyQuickFix('[uwsgi]', at(0), "Add 'enable-threads = true' to [uwsgi]"), '[uwsgi]\nenable-threads = true');
  });

  test('go before an if-block the section ends in, so that the line applies whatever the condition', () => {
    const text = '[uwsgi]\nmodule = app\nif-env = PROD\nprocesses = 4\n';
    assert.equal(applyQuickFix(text, at(0), "Add 'enable-threads = true' to [uwsgi]"), '[uwsgi]\nmodule = app\nenable-threads = true\nif-env = PROD\nprocesses = 4\n');
    const closed = '[uwsgi]\nif-env = PROD\nprocesses = 4\nendif =\n';
    assert.equal(applyQuickFix(closed, at(0), "Add 'enable-threads = true' to [uwsgi]"), '[uwsgi]\nif-env = PROD\nprocesses = 4\nendif =\nenable-threads = true\n');
  });

  test('go into the first of several [uwsgi] sections', () => {
    const text = '[uwsgi]\nmodule = app\n[uwsgi]\nthreads = 2\n';
    assert.equal(applyQuickFix(text, at(0), "Add 'lazy-apps = true' to [uwsgi]"), '[uwsgi]\nmodule = app\nlazy-apps = true\n[uwsgi]\nthreads = 2\n');
  });

  test('create the [uwsgi] section at the end when the file has none', () => {
    assert.equal(applyQuickFix('', at(0), "Add 'enable-threads = true' to [uwsgi]", 'uwsgi.ini'), '[uwsgi]\nenable-threads = true\n');
    assert.equal(
      applyQuickFix('; todo\n', at(0), "Add 'enable-threads = true' to [uwsgi]", 'uwsgi.ini'),
      '; todo\n\n[uwsgi]\nenable-threads = true\n',
    );
    assert.equal(applyQuickFix('; todo', at(0), "Add 'enable-threads = true' to [uwsgi]", 'uwsgi.ini'), '; todo\n\n[uwsgi]\nenable-threads = true');
  });

  test('flip a wrong value in place, keeping its spelling style', () => {
    const cases: Array<[string, string]> = [['false', 'true'], ['False', 'True'], ['OFF', 'ON'], ['no', 'yes'], ['0', '1']];
    for (const [off, on] of cases) {
      const text = `[uwsgi]\nenable-threads = ${off} \nsingle-interpreter = true\nlazy-apps = true\n`;
      assert.equal(
        applyQuickFix(text, at(1, 18), `Set 'enable-threads' to '${on}'`),
        `[uwsgi]\nenable-threads = ${on} \nsingle-interpreter = true\nlazy-apps = true\n`,
      );
    }
  });

  test('rename lazy to lazy-apps', () => {
    const text = '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy = true\n';
    assert.equal(applyQuickFix(text, at(3, 1), "Replace 'lazy' with 'lazy-apps'"), '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n');
  });

  test('a fix computed before it was applied adds nothing the second time', () => {
    const text = '[uwsgi]\nmodule = app\n';
    const analysis = analyze('uwsgi.ini', text);
    assert.ok(analysis);
    const fix = quickFixes(analysis, at(0)).find((action) => action.title.startsWith("Add 'enable-threads"));
    assert.ok(fix);
    const once = applyTextEdits(text, fix.edits);
    // The editor re-asks for fixes on the new text: none adds enable-threads again.
    const again = analyze('uwsgi.ini', once);
    assert.ok(again);
    assert.ok(!quickFixes(again, at(0)).some((action) => action.title.startsWith("Add 'enable-threads")));
  });

  test('only the fixes of findings at the requested range are offered', () => {
    const analysis = analyze('uwsgi.ini', '[uwsgi]\nmodule = app\nlazy-apps = off\n');
    assert.ok(analysis);
    assert.deepEqual(quickFixes(analysis, at(1, 2)), []);
    assert.deepEqual(quickFixes(analysis, at(2, 13)).map((a) => a.title), ["Set 'lazy-apps' to 'on'", 'Disable uwsgi/lazy-apps for this line']);
  });
});

describe('fix all', () => {
  test('adds every missing line in one insertion, in rule order', () => {
    const text = '# app\r\n[uwsgi]\r\nmodule = app\r\n\r\n[other]\r\nkey = 1';
    const analysis = analyze('uwsgi.ini', text);
    assert.ok(analysis);
    const action = fixAll(analysis);
    assert.equal(action?.title, 'Fix all agent settings');
    assert.equal(action?.kind, 'source.fixAll.pydeploy');
    assert.equal(action?.edits.length, 1);
    assert.equal(
      fixAllText('uwsgi.ini', text),
      '# app\r\n[uwsgi]\r\nmodule = app\r\nenable-threads = true\r\nsingle-interpreter = true\r\nlazy-apps = true\r\n\r\n[other]\r\nkey = 1',
    );
  });

  test('flips values and adds lines together, and a second run changes nothing', () => {
    const text = '[uwsgi]\nenable-threads = no\nlazy = 1';
    const once = fixAllText('uwsgi.ini', text);
    assert.equal(once, '[uwsgi]\nenable-threads = yes\nlazy-apps = 1\nsingle-interpreter = true');
    assert.equal(fixAllText('uwsgi.ini', once), once);
    assert.equal(analyze('uwsgi.ini', once)?.findings.length, 0);
  });

  test('creates one [uwsgi] section for all lines of an empty uwsgi.ini', () => {
    assert.equal(fixAllText('uwsgi.ini', ''), '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n');
  });

  test('is not offered when nothing needs fixing, and leaves other files alone', () => {
    const ready = '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n';
    const analysis = analyze('uwsgi.ini', ready);
    assert.ok(analysis);
    assert.equal(fixAll(analysis), undefined);
    assert.equal(fixAllText('setup.ini', '[metadata]\n'), '[metadata]\n');
  });

  test('touches nothing else in a real-world file', () => {
    const text = '[uwsgi]\n# comment kept\nchdir = %d\n\tmodule = proj.wsgi:application\n\thome = $(VIRTUAL_ENV)\n\n[uwsgi-dev]\npy-autoreload = 1\n';
    assert.equal(
      fixAllText('uwsgi.ini', text),
      '[uwsgi]\n# comment kept\nchdir = %d\n\tmodule = proj.wsgi:application\n\thome = $(VIRTUAL_ENV)\n\tenable-threads = true\n\tsingle-interpreter = true\n\tlazy-apps = true\n\n[uwsgi-dev]\npy-autoreload = 1\n',
    );
  });
});
