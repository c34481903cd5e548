import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { codesAt, diagnose } from '../helpers/text';

const UNKNOWN_VERSION =
  'on uWSGI up to 2.0.26 (assumed: no version is pinned)';
const MISSING_THREADS = `Python threads are off (no \`enable-threads\` or \`threads\`) ${UNKNOWN_VERSION}: the APM agent's reporting thread never runs.`;

const AGENT_RULES = ['uwsgi/enable-threads', 'uwsgi/single-interpreter', 'uwsgi/lazy-apps', 'uwsgi/prefer-lazy-apps'];

/** Only the agent rules' findings, for tests about them in files that other rules also comment on. */
const agentCodesAt = (path: string, text: string) => codesAt(path, text).filter((code) => AGENT_RULES.includes(code.split(' ')[2]));

describe('uwsgi/enable-threads', () => {
  test('is an error on the [uwsgi] header when neither enable-threads nor threads is set', () => {
    const found = diagnose('uwsgi.ini', '; app server\n[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\n');
    assert.deepEqual(found, [{ at: '1:0-1:7', severity: 'error', code: 'uwsgi/enable-threads', message: MISSING_THREADS }]);
  });

  for (const value of ['false', 'False', '0', 'no', 'OFF']) {
    test(`is an error on the value of enable-threads = ${value}`, () => {
      const found = diagnose('uwsgi.ini', `[uwsgi]\nenable-threads = ${value}\nsingle-interpreter = 1\nlazy-apps = 1\n`);
      assert.deepEqual(found, [
        {
          at: `1:17-1:${17 + value.length}`,
          severity: 'error',
          code: 'uwsgi/enable-threads',
          message: `\`enable-threads = ${value}\` turns Python threads off ${UNKNOWN_VERSION}: the APM agent's reporting thread never runs.`,
        },
      ]);
    });
  }

  for (const line of ['enable-threads = true', 'enable-threads', 'enable-threads = yes', 'enable-threads = nope', 'threads = 4', 'threads = 1', 'threads = 0']) {
    test(`accepts \`${line}\` (uWSGI turns threads on)`, () => {
      assert.deepEqual(agentCodesAt('uwsgi.ini', `[uwsgi]\n${line}\nsingle-interpreter = true\nlazy-apps = true\n`), []);
    });
  }

  test('lets threads win over enable-threads = false, as uWSGI does', () => {
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nenable-threads = false\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n'), []);
  });

  test('judges the last of repeated lines, which is the one uWSGI keeps', () => {
    const text = '[uwsgi]\nenable-threads = true\nenable-threads = off\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.deepEqual(agentCodesAt('uwsgi.ini', text), ['2:17-2:20 error uwsgi/enable-threads']);
    const fixed = '[uwsgi]\nenable-threads = off\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.deepEqual(agentCodesAt('uwsgi.ini', fixed), []);
  });

  test('does not judge values that uWSGI expands at start-up', () => {
    for (const value of ['$(THREADS)', '%(flag)', '@(/etc/flag)', '%k']) {
      assert.deepEqual(codesAt('uwsgi.ini', `[uwsgi]\nenable-threads = ${value}\nsingle-interpreter = true\nlazy-apps = true\n`), [], value);
    }
  });

  test('ignores options outside [uwsgi]: uWSGI reads only the requested section', () => {
    const text = 'enable-threads = true\n[uwsgi]\nmodule = app\n[other]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.deepEqual(codesAt('uwsgi.ini', text), ['1:0-1:7 error uwsgi/enable-threads', '1:0-1:7 warning uwsgi/single-interpreter', '1:0-1:7 warning uwsgi/lazy-apps']);
  });

  test('merges several [uwsgi] sections and reports on the first header', () => {
    const text = '[uwsgi]\nmodule = app\n\n[uwsgi]\nenable-threads = true\nlazy-apps = true\n';
    assert.deepEqual(codesAt('uwsgi.ini', text), ['0:0-0:7 warning uwsgi/single-interpreter']);
  });

  test('reports on the first line when a uwsgi*.ini file has no [uwsgi] section', () => {
    assert.deepEqual(codesAt('uwsgi-dev.ini', '; todo\n'), [
      '0:0-0:6 error uwsgi/enable-threads',
      '0:0-0:6 warning uwsgi/single-interpreter',
      '0:0-0:6 warning uwsgi/lazy-apps',
    ]);
    assert.deepEqual(codesAt('uwsgi.ini', ''), ['0:0-0:0 error uwsgi/enable-threads', '0:0-0:0 warning uwsgi/single-interpreter', '0:0-0:0 warning uwsgi/lazy-apps']);
  });

  test('does not claim a flag is missing when an included file may set it', () => {
    for (const include of ['ini = base.ini', 'include = common.ini', 'inherit = template.ini', 'yaml = more.yml', 'ini = $(BASE)']) {
      assert.deepEqual(agentCodesAt('uwsgi.ini', `[uwsgi]\n${include}\nmodule = app\n`), [], include);
    }
    // A value written in this file is still judged: it is read after the include.
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nini = base.ini\nenable-threads = no\n'), ['2:17-2:19 error uwsgi/enable-threads']);
  });

  test('counts options inside if-/for blocks as present but does not vouch for their values', () => {
    const text = '[uwsgi]\nif-env = PRODUCTION\nenable-threads = true\nsingle-interpreter = true\nendif =\nlazy-apps = true\n';
    assert.deepEqual(codesAt('uwsgi.ini', text), []);
  });

  test('skips an emperor that loads no app itself', () => {
    assert.deepEqual(codesAt('uwsgi.ini', '[uwsgi]\nemperor = /etc/uwsgi/vassals\nmaster = true\n'), []);
    assert.deepEqual(codesAt('uwsgi.ini', '[uwsgi]\nemperor = vassals\nmodule = app\nenable-threads = true\nsingle-interpreter = true\n'), [
      '0:0-0:7 warning uwsgi/lazy-apps',
    ]);
  });
});

describe('uwsgi/single-interpreter and uwsgi/lazy-apps', () => {
  test('warn when off, on the value', () => {
    const found = diagnose('uwsgi.ini', '[uwsgi]\nthreads = 2\nsingle-interpreter = no\nlazy-apps = false\n');
    assert.deepEqual(found, [
      {
        at: '2:21-2:23',
        severity: 'warning',
        code: 'uwsgi/single-interpreter',
        message: '`single-interpreter = no` runs apps in a sub-interpreter: the APM agent is not supported there.',
      },
      {
        at: '3:12-3:17',
        severity: 'warning',
        code: 'uwsgi/lazy-apps',
        message: "`lazy-apps = false` loads the app in the master before the fork: the APM agent's thread does not survive the fork.",
      },
    ]);
  });

  test('lazy satisfies lazy-apps but gets a hint to prefer lazy-apps', () => {
    const found = diagnose('uwsgi.ini', '[uwsgi]\nthreads = 2\nsingle-interpreter = true\n  lazy = true\n');
    assert.deepEqual(found, [
      {
        at: '3:2-3:6',
        severity: 'hint',
        code: 'uwsgi/prefer-lazy-apps',
        message: '`lazy` works for the agent, but uWSGI recommends `lazy-apps`: it loads apps after the fork without changing how the master reloads.',
      },
    ]);
  });

  test('lazy = false does not satisfy lazy-apps', () => {
    assert.deepEqual(codesAt('uwsgi.ini', '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy = false\n'), ['0:0-0:7 warning uwsgi/lazy-apps']);
  });
});

describe('which files are checked', () => {
  test('a .ini of another program gets nothing, a .ini with [uwsgi] is checked', () => {
    assert.equal(analyze('setup.ini', '[metadata]\nname = x\n'), undefined);
    assert.equal(analyze('tox.ini', '[tox]\n; [uwsgi] in a comment\n'), undefined);
    assert.ok(analyze('deploy/app.ini', '[uwsgi]\nmodule = app\n'));
    assert.ok(analyze('/srv/UWSGI_prod.ini', ''));
    assert.equal(analyze('uwsgi.yaml', 'uwsgi:\n  master: true\n'), undefined);
  });

  test('per-rule severity settings change or silence a rule', () => {
    const text = '[uwsgi]\nmodule = app\n';
    const found = diagnose('uwsgi.ini', text, { rules: { 'uwsgi/enable-threads': 'warning', 'uwsgi/lazy-apps': 'off' } });
    assert.deepEqual(found.map((d) => `${d.severity} ${d.code}`), ['warning uwsgi/enable-threads', 'warning uwsgi/single-interpreter']);
  });
});

describe('thread support as uWSGI 2.0.21 decides it (test/differential measures the same)', () => {
  test('threads = 0 or 1 does not survive enable-threads = false; threads above 1 does', () => {
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nthreads = 1\nenable-threads = false\nsingle-interpreter = true\nlazy-apps = true\n'), [
      '2:17-2:22 error uwsgi/enable-threads',
    ]);
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nenable-threads = false\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n'), []);
  });

  test('other options that imply threads count too, and `set = enable-threads=true` sets the option', () => {
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\npy-autoreload = 2\nsingle-interpreter = true\nlazy-apps = true\n'), []);
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nset = enable-threads=true\nsingle-interpreter = true\nlazy-apps = true\n'), []);
    assert.deepEqual(agentCodesAt('uwsgi.ini', '[uwsgi]\nset = enable-threads=off\nsingle-interpreter = true\nlazy-apps = true\n'), ['1:21-1:24 error uwsgi/enable-threads']);
  });
});
