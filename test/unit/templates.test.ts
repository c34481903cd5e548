/**
 * Config templates (Ansible/Jinja, Helm, envsubst, sed, autoconf) are rendered before uWSGI reads them: a value made
 * of a template placeholder is not judged, and a template's own lines are not options.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codesAt } from '../helpers/text';

const READY = 'module = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';

describe('template placeholders', () => {
  for (const value of ['{{ uwsgi_processes }}', '${UWSGI_PROCESSES}', '__NUM_PYTHON_PROCESSES__', '@PROCESSES@', '{{ n | default(4) }}']) {
    test(`\`processes = ${value}\` is not judged: the rendered file has the number`, () => {
      const codes = codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = ${value}\n`);
      assert.deepEqual(codes.filter((code) => code.includes('invalid-value')), []);
    });
  }

  test('a value that only looks alike is still judged: `__main__` is a Python name, `processes = abc` is 0', () => {
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = __main__\n`), ['5:12-5:20 error uwsgi/invalid-value']);
    assert.deepEqual(codesAt('/p/uwsgi.ini', `[uwsgi]\n${READY}processes = abc\n`), ['5:12-5:15 error uwsgi/invalid-value']);
  });
});
