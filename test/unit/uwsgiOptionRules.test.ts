import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { diagnose } from '../helpers/text';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { diagnosticsOf, toDiagnostic } from '../../server/src/features/diagnostics';

/** A config the agent rules are happy with, so that a test sees only the rule it is about. */
const READY = '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n';

const findings = (extra: string, code: string) => diagnose('/project/uwsgi.ini', READY + extra).filter((d) => d.code === code);

describe('uwsgi/unknown-option', () => {
  test('warns on a typo with did-you-mean candidates, on the key', () => {
    assert.deepEqual(findings('proceses = 4\n', 'uwsgi/unknown-option'), [
      {
        at: '4:0-4:8',
        severity: 'warning',
        code: 'uwsgi/unknown-option',
        message: '`proceses` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect. Did you mean `processes`?',
      },
    ]);
  });

  test('with an include it cannot read, only near misses of an option: the unread file may read the others as %(name)', () => {
    const text = `${READY}ini = %d../base.ini\npy_version = 3.6\nbuffer_size = 32768\n`;
    assert.deepEqual(diagnose('/project/deploy/uwsgi.ini', text).filter((d) => d.code === 'uwsgi/unknown-option').map((d) => d.at), ['6:0-6:11']);
    assert.deepEqual(findings('py_version = 3.6\n', 'uwsgi/unknown-option').map((d) => d.at), ['4:0-4:10']);
  });

  test('a line with no `=` says so, and the fix adds it (uWSGI 2.0.21 with strict: "unknown config directive: static-map /static")', () => {
    assert.deepEqual(findings('static-map /static\n', 'uwsgi/unknown-option').map((d) => `${d.at} ${d.message}`), [
      '4:0-4:18 `static-map /static` has no `=`: uWSGI reads the whole line as one unknown name and ignores it. Write `static-map = /static`.',
    ]);
    assert.equal(fixAllText('/project/uwsgi.ini', READY + 'processes\t4\n'), READY + 'processes = 4\n');
    // Then the value itself: uWSGI exits on a static-map without `mountpoint=`.
    assert.deepEqual(findings('static-map = /static\n', 'uwsgi/invalid-value').map((d) => `${d.at} ${d.message}`), [
      '4:13-4:20 `static-map` takes `mountpoint=folder` (e.g. `/static=/srv/app/static`): without the `=`, uWSGI exits on `/static`.',
    ]);
    assert.deepEqual(findings('static-map = /static=/srv/static\nstatic-map2 = /media=%(base)/media\n', 'uwsgi/invalid-value'), []);
    // A flag alone on its line is a flag (uWSGI turns it on), not a missing `=`.
    assert.deepEqual(findings('master\n', 'uwsgi/unknown-option'), []);
  });

  test('suggests the dashed spelling of an underscored key, and fixes it', () => {
    const text = READY + 'buffer_size = 32768\n';
    assert.match(findings('buffer_size = 32768\n', 'uwsgi/unknown-option')[0].message, /Did you mean `buffer-size`\?$/);
    assert.equal(fixAllText('/project/uwsgi.ini', text), READY + 'buffer-size = 32768\n');
  });

  test('offers one quick fix per candidate, none preferred when several fit', () => {
    const analysis = analyze('/project/uwsgi.ini', READY + 'plugin_dir = /usr/lib/uwsgi\n');
    assert.ok(analysis);
    const at = { line: 4, character: 2 };
    const titles = quickFixes(analysis, { start: at, end: at }).map((action) => `${action.title} ${action.isPreferred}`);
    assert.deepEqual(titles, [
      "Change 'plugin_dir' to 'plugin-dir' false",
      "Change 'plugin_dir' to 'plugins-dir' false",
      'Disable uwsgi/unknown-option for this line false',
    ]);
  });

  test('leaves placeholders alone: referenced as %(name), set-placeholder, set-ph, declare-option', () => {
    assert.deepEqual(findings('project = shop\nchdir = /srv/%(project)\n', 'uwsgi/unknown-option'), []);
    assert.deepEqual(findings('base = /srv\nsocket = %(base + 1)\n', 'uwsgi/unknown-option'), []);
    assert.deepEqual(findings('set-placeholder = app=shop\napp = other\n', 'uwsgi/unknown-option'), []);
    assert.deepEqual(findings('declare-option = myopt=processes=$1\nmyopt = 4\n', 'uwsgi/unknown-option'), []);
    assert.deepEqual(findings('end = x\n', 'uwsgi/unknown-option'), []);
  });

  test('says that strict mode makes uWSGI refuse to start', () => {
    assert.match(findings('strict = true\nenable-thread = true\n', 'uwsgi/unknown-option')[0].message, /with `strict` on, uWSGI refuses to start\. Did you mean `enable-threads`\?$/);
  });

  test('does not look at other sections, which uWSGI does not read', () => {
    assert.deepEqual(diagnose('/project/app.ini', READY + '[app:main]\nuse = egg:shop\n').filter((d) => d.code === 'uwsgi/unknown-option'), []);
  });
});

describe('uwsgi/invalid-value', () => {
  test('says what uWSGI reads instead of a non-number', () => {
    assert.deepEqual(findings('processes = abc\nharakiri = 30s\n', 'uwsgi/invalid-value'), [
      { at: '4:12-4:15', severity: 'error', code: 'uwsgi/invalid-value', message: '`processes = abc` is not a whole number: uWSGI reads it as 0.' },
      { at: '5:11-5:14', severity: 'error', code: 'uwsgi/invalid-value', message: '`harakiri = 30s` is not a whole number: uWSGI reads it as 30.' },
    ]);
  });

  test('judges sizes, negative numbers, 16-bit limits, chmod-socket and empty values', () => {
    const messages = findings(
      'limit-as = 1G\nmax-requests = -5\nprocesses = -1\nchmod-socket = 0660\nsocket =\nchmod-socket = 660\nmodule = app\n',
      'uwsgi/invalid-value',
    ).map((d) => `${d.at} ${d.message}`);
    assert.deepEqual(messages, [
      '4:11-4:13 `limit-as = 1G` is not a whole number of megabytes: uWSGI reads it as 1.',
      '5:15-5:17 `max-requests` cannot be negative: uWSGI reads `-5` as an unsigned number, which wraps round to a huge value.',
      '6:12-6:14 `processes` cannot be negative: uWSGI exits on start.',
      '7:15-7:19 `chmod-socket` takes three octal digits such as `660` (or no value for 666); uWSGI exits on `0660`.',
      '8:0-8:6 `socket` needs a value.',
    ]);
  });

  test('does not judge expanded values, numbers with a trailing comment, or memory-report as a flag (uWSGI 2.0)', () => {
    assert.deepEqual(findings('processes = $(WORKERS)\nharakiri = %(timeout)\ntimeout = 30\nmax-requests = 1000  # recycle\nmemory-report = true\n', 'uwsgi/invalid-value'), []);
  });
});

describe('uwsgi/unusual-flag-value', () => {
  test('hints that uWSGI reads an unusual spelling as true, with fixes to true and false', () => {
    const text = READY + 'master = ture\n';
    assert.deepEqual(findings('master = ture\n', 'uwsgi/unusual-flag-value'), [
      { at: '4:9-4:13', severity: 'hint', code: 'uwsgi/unusual-flag-value', message: 'uWSGI reads `ture` as true: only false, off, no and 0 turn a flag off.' },
    ]);
    const analysis = analyze('/project/uwsgi.ini', text);
    assert.ok(analysis);
    const actions = quickFixes(analysis, { start: { line: 4, character: 10 }, end: { line: 4, character: 10 } });
    assert.deepEqual(actions.map((a) => a.title), ["Change 'ture' to 'true'", "Change 'ture' to 'false'", 'Disable uwsgi/unusual-flag-value for this line']);
    assert.equal(applyTextEdits(text, actions[1].edits), READY + 'master = false\n');
  });

  test('accepts the usual spellings in any case', () => {
    assert.deepEqual(findings('master = True\nvacuum = YES\nvacuum = on\nmaster\n', 'uwsgi/unusual-flag-value'), []);
  });
});

describe('uwsgi/duplicate-option', () => {
  test('points at the overridden line and the one that wins', () => {
    const text = READY + 'harakiri = 30\nhttp-timeout = 60\nharakiri = 60\n';
    const analysis = analyze('/project/uwsgi.ini', text);
    assert.ok(analysis);
    const found = analysis.findings.filter((f) => f.rule.id === 'uwsgi/duplicate-option');
    assert.equal(found.length, 1);
    assert.equal(toDiagnostic(found[0]).message, '`harakiri` is set again on line 7, and the last value wins: this line has no effect.');
    assert.deepEqual(found[0].finding.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
    assert.deepEqual(toDiagnostic(found[0]).related, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 8 } }, message: '`harakiri` set here wins' }]);
    const remove = quickFixes(analysis, found[0].finding.range)[0];
    assert.equal(remove.title, 'Remove this line');
    assert.equal(applyTextEdits(text, remove.edits), READY + 'http-timeout = 60\nharakiri = 60\n');
  });

  test('never reports options that may repeat, or lines in if-blocks', () => {
    assert.deepEqual(findings('env = A=1\nenv = B=2\nsocket = :1\nsocket = :2\nroute = ^/a last:\nroute = ^/b last:\nprint = a\nprint = b\n', 'uwsgi/duplicate-option'), []);
    assert.deepEqual(findings('if-env = PROD\nharakiri = 60\nendif =\nharakiri = 30\n', 'uwsgi/duplicate-option'), []);
  });
});

describe('uwsgi/conflicting-options', () => {
  test('processes and workers are one setting', () => {
    assert.deepEqual(
      findings('processes = 4\nworkers = 8\n', 'uwsgi/conflicting-options').map((d) => `${d.at} ${d.message}`),
      ['4:0-4:9 `processes` and `workers` (line 6) are the same setting, and the later line wins: this one has no effect.'],
    );
  });

  test('lazy with lazy-apps, module with wsgi-file, and enable-threads = false with threads', () => {
    const text = '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\nlazy = true\nmodule = app\nwsgi-file = app.py\nenable-threads = false\n';
    assert.deepEqual(
      diagnose('/project/uwsgi.ini', text).filter((d) => d.code === 'uwsgi/conflicting-options').map((d) => `${d.at} ${d.message}`),
      [
        '4:0-4:4 `lazy` and `lazy-apps` (line 4) are both on: `lazy` already loads apps in each worker and also changes how reloads work; keep only `lazy-apps`.',
        '6:0-6:9 `wsgi-file` and `module` (line 6) both load an app into the default mountpoint: uWSGI loads one and skips the other as already configured.',
        '7:0-7:14 `threads` (line 2) turns Python thread support on anyway, so `enable-threads = false` has no effect.',
      ],
    );
  });

  test('an alias read as a placeholder is used: `virtualenv` with `home = %(virtualenv)` is no conflict', () => {
    // uWSGI 2.0.21: `virtualenv = /v` then `home = %(virtualenv)` prints home as /v; without the first line
    // `%(virtualenv)` stays as written, so removing it breaks the start.
    assert.deepEqual(findings('virtualenv = /srv/venv\nhome = %(virtualenv)\n', 'uwsgi/conflicting-options'), []);
    assert.deepEqual(findings('workers = 4\nprocesses = %(workers)\nprint = %(workers)\n', 'uwsgi/conflicting-options'), []);
    // Read anywhere in the config, an included file too.
    const files = { '/project/uwsgi.ini': `${READY}virtualenv = /srv/venv\nhome = /srv/other\nini = base.ini\n`, '/project/base.ini': '[uwsgi]\npythonpath = %(virtualenv)/src\n' };
    const analysis = analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files))!;
    assert.deepEqual(analysis.findings.filter(({ rule }) => rule.id === 'uwsgi/conflicting-options'), []);
    // Not read anywhere: still the conflict it was.
    assert.deepEqual(findings('virtualenv = /srv/venv\nhome = /srv/other\n', 'uwsgi/conflicting-options').map((d) => d.at), ['4:0-4:10']);
  });
});

describe('uwsgi/inline-comment', () => {
  test('warns when the comment becomes part of a value, and moves it to its own line', () => {
    const text = READY + '  socket = /run/app.sock   ; behind nginx\n';
    assert.deepEqual(findings('  socket = /run/app.sock   ; behind nginx\n', 'uwsgi/inline-comment').map((d) => `${d.at} ${d.message}`), [
      '4:11-4:41 uWSGI has no inline comments: the comment becomes part of the value of `socket`.',
    ]);
    assert.equal(fixAllText('/project/uwsgi.ini', text), READY + '  ; behind nginx\n  socket = /run/app.sock\n');
  });

  test('warns when a flag meant to be off is read as on, and spares numbers and flags read as meant', () => {
    assert.deepEqual(findings('master = false  # later\n', 'uwsgi/inline-comment').map((d) => d.message), [
      'uWSGI has no inline comments: it reads `false  # later` whole, which is not a false spelling, so `master` is on.',
    ]);
    assert.deepEqual(findings('master = true  # yes\nharakiri = 30 ; seconds\n', 'uwsgi/inline-comment'), []);
    assert.deepEqual(findings('master = true  # yes\n', 'uwsgi/unusual-flag-value'), []);
  });
});

describe('uwsgi/worker-lifetime', () => {
  /** What each quick fix on the line makes of the config (the disable comment left out). */
  const fixed = (text: string, line: number) => {
    const analysis = analyze('/project/uwsgi.ini', text);
    assert.ok(analysis);
    const at = { start: { line, character: 22 }, end: { line, character: 22 } };
    return quickFixes(analysis, at)
      .filter((action) => !action.title.startsWith('Disable '))
      .map((action) => [action.title, applyTextEdits(text, action.edits)]);
  };

  test('a maximum at or below the default minimum of 10 s: an error on its value, and a fix that lowers the minimum', () => {
    assert.deepEqual(findings('max-worker-lifetime = 5\n', 'uwsgi/worker-lifetime'), [
      {
        at: '4:22-4:23',
        severity: 'error',
        code: 'uwsgi/worker-lifetime',
        message: '`max-worker-lifetime = 5` is not above `min-worker-lifetime`, which is 10 seconds when not set: uWSGI exits as it starts (`invalid min-worker-lifetime value`).',
      },
    ]);
    assert.deepEqual(findings('max-worker-lifetime = 10\n', 'uwsgi/worker-lifetime').map((d) => d.at), ['4:22-4:24']);
    assert.deepEqual(fixed(READY + 'max-worker-lifetime = 5\n', 4), [["Set 'min-worker-lifetime' to '4'", READY + 'max-worker-lifetime = 5\nmin-worker-lifetime = 4\n']]);
  });

  test('a minimum set at or above the maximum: reported on the line the file sets last, the other one related', () => {
    const analysis = analyze('/project/uwsgi.ini', READY + 'min-worker-lifetime = 30\nmax-worker-lifetime = 20\n');
    assert.ok(analysis);
    const found = diagnosticsOf(analysis).filter((d) => d.code === 'uwsgi/worker-lifetime');
    assert.deepEqual(found.map((d) => [d.range, d.message, d.related?.map((related) => [related.range, related.message])]), [
      [
        { start: { line: 5, character: 22 }, end: { line: 5, character: 24 } },
        '`max-worker-lifetime = 20` is not above `min-worker-lifetime = 30`: uWSGI exits as it starts (`invalid min-worker-lifetime value`).',
        [[{ start: { line: 4, character: 22 }, end: { line: 4, character: 24 } }, '`min-worker-lifetime` is set here']],
      ],
    ]);
    assert.deepEqual(fixed(READY + 'min-worker-lifetime = 30\nmax-worker-lifetime = 20\n', 5), [["Set 'min-worker-lifetime' to '19'", READY + 'min-worker-lifetime = 19\nmax-worker-lifetime = 20\n']]);
  });

  test('nothing when the maximum is above the minimum, off (0), unset, or not known from the file alone', () => {
    for (const extra of ['max-worker-lifetime = 3600\n', 'max-worker-lifetime = 5\nmin-worker-lifetime = 4\n', 'max-worker-lifetime = 0\n', 'min-worker-lifetime = 60\n', 'max-worker-lifetime = $(LIFETIME)\n', 'if-env = DEV\nmax-worker-lifetime = 5\nendif =\n']) {
      assert.deepEqual(findings(extra, 'uwsgi/worker-lifetime'), [], extra);
    }
  });
});
