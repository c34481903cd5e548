/**
 * Config templates (Ansible/Jinja, Helm, envsubst, sed, autoconf) are rendered before uWSGI reads them: a value made
 * of a template placeholder is not judged, a template's own lines are not options, and a `${VAR}` in a plain config,
 * which uWSGI 2.0.21 prints as written (`print = ${HOME}` prints `${HOME}`, `$(HOME)` prints /root), is said once.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { quickFixes } from '../../server/src/features/codeActions';
import { detectFileKind, mayBeHandled } from '../../server/src/features/fileKinds';
import { applyTextEdits } from '../../server/src/text/edits';
import { codesAt, diagnose } from '../helpers/text';

const READY = 'module = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';

describe('template placeholders', () => {
  for (const value of ['{{ uwsgi_processes }}', '${UWSGI_PROCESSES}', '__NUM_PYTHON_PROCESSES__', '@PROCESSES@', '{{ n | default(4) }}']) {
    test(`\`processes = ${value}\` in a template is not judged: the rendered file has the number`, () => {
      assert.deepEqual(codesAt('/p/uwsgi.ini.j2', `[uwsgi]\n${READY}processes = ${value}\n`), []);
    });
  }

  test('a value that only looks alike is still judged: `__main__` is a Python name, `processes = abc` is 0', () => {
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = __main__\n`), ['5:12-5:20 error uwsgi/invalid-value']);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = abc\n`), ['5:12-5:15 error uwsgi/invalid-value']);
  });

  test("a Jinja `{% if %}` block makes what it holds conditional; its lines and `{{ key }}={{ value }}` are not options", () => {
    // The flags the agent needs, set only when a variable says so: maybe set, so not reported as missing.
    const text = '[uwsgi]\nmodule = app\n{% if wsgi_threads %}\nenable-threads = true\n{% endif %}\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', text), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', `[uwsgi]\n{# managed by ansible #}\n${READY}{% set n = 4 %}\n`), []);
    // `{% else %}` keeps the block open; a repeated option across the branches is no duplicate.
    const branches = `[uwsgi]\n${READY}{% if prod %}\nharakiri = 30\n{% else %}\nharakiri = 300\n{% endif %}\n`;
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', branches), []);
    // A loop that writes options, and a line that inserts text: what they hold is unknown, so nothing is "missing".
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', '[uwsgi]\nmodule = app\n{% for key, value in extra.items() %}\n{{ key }}={{ value }}\n{% endfor %}\n'), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', '[uwsgi]\nmodule = app\n{{ uwsgi_extra_settings }}\n'), []);
    // Without them, the same template is missing the flags.
    assert.deepEqual(codesAt('/p/uwsgi.ini.j2', '[uwsgi]\nmodule = {{ wsgi_module }}\n').map((code) => code.split(' ')[2]), ['uwsgi/enable-threads', 'uwsgi/single-interpreter', 'uwsgi/lazy-apps']);
  });

  test("uWSGI's own `{%(name)` in a log format is no Jinja block", () => {
    const text = `[uwsgi]\n${READY}log-format = {%(vars) vars in %(pktsize) bytes} %(method) %(uri)\nprocesses = \${N}\n`;
    assert.deepEqual(codesAt('/p/uwsgi.ini', text), ['6:12-6:16 information uwsgi/unexpanded-variable']);
  });
});

describe('template files', () => {
  test('a uWSGI template is read as the .ini it renders to; other templates and build profiles are not read', () => {
    for (const name of ['uwsgi.ini.j2', 'uwsgi.ini.jinja2', 'uwsgi.ini.tpl', 'uwsgi.ini.template', 'uwsgi.ini.in', 'UWSGI.INI.J2']) {
      assert.equal(detectFileKind(`/p/templates/${name}`, ''), 'uwsgi-ini', name);
      assert.ok(mayBeHandled(`/p/templates/${name}`), name);
    }
    assert.equal(detectFileKind('/p/app.ini.j2', '[uwsgi]\nmodule = app\n'), 'uwsgi-ini');
    assert.equal(detectFileKind('/p/app.ini.j2', '[app]\nx = 1\n'), undefined);
    assert.equal(detectFileKind('/p/nginx.conf.j2', '[uwsgi]\n'), undefined);
    assert.equal(detectFileKind('/p/requirements.in', 'tornado<5\n'), 'requirements');
    // A build profile of uWSGI itself (buildconf/*.ini, UWSGI_PROFILE): `[uwsgi]`, but never given to the server.
    assert.equal(detectFileKind('/p/uwsgi_profile.ini', '[uwsgi]\nyaml = libyaml\nplugin_dir = /usr/lib/uwsgi\nmain_plugin = python,gevent\ninherit = base\n'), undefined);
  });

  test('a file that starts with [uwsgi] is a uWSGI config whatever its name, as `uwsgi --ini app.conf` reads it', () => {
    assert.equal(detectFileKind('/p/app.conf', '# app server\n\n[uwsgi]\nmodule = app\n'), 'uwsgi-ini');
    assert.equal(detectFileKind('/p/deploy/uwsgi', '\uFEFF[uwsgi]\r\nmodule = app\r\n'), 'uwsgi-ini');
    assert.equal(detectFileKind('/p/notes.txt', 'see the [uwsgi] section\n[uwsgi]\n'), undefined);
    assert.equal(detectFileKind('/p/app.conf', '[app]\nx = 1\n[uwsgi]\n'), undefined);
    assert.deepEqual(codesAt('/p/app.conf', '[uwsgi]\nmodule = app\n').map((code) => code.split(' ')[2]), ['uwsgi/enable-threads', 'uwsgi/single-interpreter', 'uwsgi/lazy-apps']);
    // A walk reads `.conf` files (supervisord's may launch a server), and finds this one by its text.
    assert.ok(mayBeHandled('/p/app.conf'));
    assert.ok(!mayBeHandled('/p/notes.txt'), 'a walk does not read every file to look for [uwsgi]');
  });
});

describe('uwsgi/unexpanded-variable', () => {
  test('a `${VAR}` in a plain config: once, as information, on the first, with a fix to `$(VAR)`', () => {
    const text = `[uwsgi]\n${READY}processes = \${UWSGI_PROCESSES}\nsocket = \${HOST}:\${PORT}\n`;
    const found = diagnose('/p/uwsgi.ini', text);
    assert.deepEqual(found, [
      {
        at: '5:12-5:30',
        severity: 'information',
        code: 'uwsgi/unexpanded-variable',
        message:
          'uWSGI does not expand `${UWSGI_PROCESSES}` (unless a template step renders this file first); its syntax for an environment ' +
          'variable is `$(UWSGI_PROCESSES)` (2 more `${...}` in this file).',
      },
    ]);
    const analysis = analyze('/p/uwsgi.ini', text)!;
    const [fix] = quickFixes(analysis, analysis.findings[0].finding.range).filter((action) => !action.title.startsWith('Disable') && !action.title.startsWith('Ignore'));
    assert.equal(fix.title, "Write every '${VAR}' as '$(VAR)', which uWSGI expands");
    assert.equal(applyTextEdits(text, fix.edits), `[uwsgi]\n${READY}processes = $(UWSGI_PROCESSES)\nsocket = $(HOST):$(PORT)\n`);
  });

  test('not in a template, not in routing rules (request variables), not when there is none', () => {
    assert.deepEqual(codesAt('/p/uwsgi.ini.template', `[uwsgi]\n${READY}processes = \${N}\n`), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}chdir = {{ app_dir }}\nprocesses = \${N}\n`), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}route-if = equal:\${HTTP_X_FORWARDED_PROTO};http redirect-permanent:https://\${HTTP_HOST}\${REQUEST_URI}\n`), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}response-route-if = empty:\${CSP} addheader:X: y\n`), []);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = $(N)\n`), []);
  });
});
