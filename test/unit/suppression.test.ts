/**
 * `# pydeploy: disable-next-line=RULE` and `# pydeploy: disable=RULE` comments: applied once, in analyze(), so the
 * editor and the command line agree; unknown ids in them are reported; every diagnostic has a "Disable RULE for
 * this line" quick fix that fix-all never applies.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/features/analysis';
import { fixAll, fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { applyTextEdits } from '../../server/src/text/edits';
import { diagnose } from '../helpers/text';

const INI = '/project/uwsgi.ini';
const PY = '/project/gunicorn.conf.py';
/** Loads an app and sets every flag the agent needs but `lazy-apps`. */
const LAZY_OFF = ['[uwsgi]', 'module = app:application', 'enable-threads = true', 'single-interpreter = true'];

function codes(path: string, text: string): string[] {
  return diagnose(path, text).map((d) => `${d.at} ${d.code}`);
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}

describe('suppression comments', () => {
  test('disable-next-line silences only the named rule, only on the next line', () => {
    const text = [...LAZY_OFF, 'lazy-apps = off', 'master = ture', ''].join('\n');
    assert.deepEqual(codes(INI, text), ['4:12-4:15 uwsgi/lazy-apps', '5:9-5:13 uwsgi/unusual-flag-value']);
    const silenced = [...LAZY_OFF, '# pydeploy: disable-next-line=uwsgi/lazy-apps', 'lazy-apps = off', 'master = ture', ''].join('\n');
    assert.deepEqual(codes(INI, silenced), ['6:9-6:13 uwsgi/unusual-flag-value']);
    const wrongLine = [...LAZY_OFF, 'lazy-apps = off', '# pydeploy: disable-next-line=uwsgi/lazy-apps', 'master = ture', ''].join('\n');
    assert.deepEqual(codes(INI, wrongLine), ['4:12-4:15 uwsgi/lazy-apps', '6:9-6:13 uwsgi/unusual-flag-value']);
  });

  test('`;` comments work in ini files, several ids, spaces, and a reason after --', () => {
    const text = [...LAZY_OFF, ';pydeploy:disable-next-line = uwsgi/unusual-flag-value , uwsgi/lazy-apps -- staging only', 'lazy-apps = ture', ''].join('\n');
    assert.deepEqual(codes(INI, text), []);
  });

  test('disable silences a rule in the whole file, wherever the comment is', () => {
    const text = ['[uwsgi]', 'module = app:application', '', '# pydeploy: disable=uwsgi/lazy-apps,uwsgi/single-interpreter', ''].join('\n');
    assert.deepEqual(codes(INI, text), ['0:0-0:7 uwsgi/enable-threads']);
  });

  test('a finding reported on the [uwsgi] header is silenced by a comment above the header', () => {
    const text = ['# pydeploy: disable-next-line=uwsgi/enable-threads', '[uwsgi]', 'module = app:application', 'single-interpreter = true', 'lazy-apps = true', ''].join('\n');
    assert.deepEqual(codes(INI, text), []);
  });

  test('stacked comments above one line all apply to it', () => {
    const text = [...LAZY_OFF, '# pydeploy: disable-next-line=uwsgi/lazy-apps', '# pydeploy: disable-next-line=uwsgi/unusual-flag-value', 'lazy-apps = ture', ''].join('\n');
    assert.deepEqual(codes(INI, text), []);
  });

  test('in an ini file a # after a value is part of the value, not a comment', () => {
    const text = [...LAZY_OFF, 'lazy-apps = true', 'master = false # pydeploy: disable=uwsgi/inline-comment', ''].join('\n');
    assert.deepEqual(codes(INI, text), ['5:9-5:55 uwsgi/inline-comment']);
  });

  test('Python: # comment lines, indented ones too; a comment after code does not count', () => {
    const text = ['workers = 2', '# pydeploy: disable-next-line=gunicorn/preload-app', 'preload_app = True', 'threds = 4  # pydeploy: disable=gunicorn/unknown-setting', ''].join('\n');
    assert.deepEqual(codes(PY, text), ['3:0-3:6 gunicorn/unknown-setting']);
    const file = ['if True:', '    # pydeploy: disable=gunicorn/unknown-setting', '    pass', 'threds = 4', ''].join('\n');
    assert.deepEqual(codes(PY, file), []);
  });

  test('severity settings and suppression both apply: a rule turned off stays off', () => {
    const text = [...LAZY_OFF, '# pydeploy: disable-next-line=uwsgi/unusual-flag-value', 'lazy-apps = ture', ''].join('\n');
    const analysis = analyze(INI, text, { rules: { 'uwsgi/lazy-apps': 'off' } });
    assert.deepEqual(analysis && diagnosticsOf(analysis), []);
  });
});

describe('pydeploy/unknown-rule', () => {
  test('an unknown id is reported on the id, with did-you-mean, and silences nothing', () => {
    const text = [...LAZY_OFF, '# pydeploy: disable-next-line=uwsgi/lazy-app, uwsgi/nothing-like-it', 'lazy-apps = off', ''].join('\n');
    assert.deepEqual(diagnose(INI, text), [
      {
        at: '4:30-4:44',
        severity: 'warning',
        code: 'pydeploy/unknown-rule',
        message: '`uwsgi/lazy-app` is not a pydeploy rule, so this comment silences nothing. Did you mean `uwsgi/lazy-apps`?',
      },
      { at: '4:46-4:67', severity: 'warning', code: 'pydeploy/unknown-rule', message: '`uwsgi/nothing-like-it` is not a pydeploy rule, so this comment silences nothing.' },
      {
        at: '5:12-5:15',
        severity: 'warning',
        code: 'uwsgi/lazy-apps',
        message: "`lazy-apps = off` loads the app in the master before the fork: the APM agent's thread does not survive the fork.",
      },
    ]);
  });

  test('an id without its family is pointed to the rule of that name; the fix puts it in place', () => {
    const text = ['threds = 4', '# pydeploy: disable=unknown-setting', ''].join('\n');
    const analysis = analyze(PY, text);
    assert.ok(analysis);
    assert.deepEqual(diagnosticsOf(analysis).map((d) => `${d.code} ${d.message}`), [
      'gunicorn/unknown-setting `threds` is not a Gunicorn setting, so Gunicorn ignores it: did you mean `threads`?',
      'pydeploy/unknown-rule `unknown-setting` is not a pydeploy rule, so this comment silences nothing. Did you mean `gunicorn/unknown-setting`?',
    ]);
    const fix = quickFixes(analysis, at(1, 25)).find((action) => action.title === "Change 'unknown-setting' to 'gunicorn/unknown-setting'");
    assert.ok(fix);
    assert.equal(fix.isPreferred, true);
    const fixed = applyTextEdits(text, fix.edits);
    assert.equal(fixed, ['threds = 4', '# pydeploy: disable=gunicorn/unknown-setting', ''].join('\n'));
    assert.deepEqual(diagnose(PY, fixed), []);
  });

  test('can itself be turned off or suppressed', () => {
    const text = [...LAZY_OFF, 'lazy-apps = true', '# pydeploy: disable=nope', ''].join('\n');
    assert.deepEqual(codes(INI, text), ['5:20-5:24 pydeploy/unknown-rule']);
    assert.deepEqual(codes(INI, text.replace('=nope', '=nope, pydeploy/unknown-rule')), []);
    const analysis = analyze(INI, text, { rules: { 'pydeploy/unknown-rule': 'off' } });
    assert.deepEqual(analysis?.findings, []);
  });
});

describe('"Disable RULE for this line"', () => {
  test('is offered on every diagnostic, last and never preferred, and fix-all never applies it', () => {
    const text = ['[uwsgi]', 'module = app:application', 'processes = abc', 'proceses = 4', ''].join('\n');
    const analysis = analyze(INI, text);
    assert.ok(analysis);
    assert.ok(analysis.findings.length >= 4);
    for (const { finding, rule } of analysis.findings) {
      const actions: ReturnType<typeof quickFixes> = quickFixes(analysis, finding.range).filter((action) => action.diagnostics[0].code === rule.id);
      assert.equal(actions.at(-1)?.title, `Disable ${rule.id} for this line`);
      assert.equal(actions.at(-1)?.isPreferred, false);
    }
    const all = fixAll(analysis);
    assert.ok(all);
    assert.doesNotMatch(applyTextEdits(text, all.edits), /pydeploy:/);
  });

  test('inserts the comment above the line, in its indentation and the file\'s line ending, and the finding goes', () => {
    const text = ['[uwsgi]\r', 'module = app:application\r', '  enable-threads = true\r', '  single-interpreter = true\r', '  lazy-apps = off\r', ''].join('\n');
    const analysis = analyze(INI, text);
    assert.ok(analysis);
    const action = quickFixes(analysis, at(4, 14)).find((each) => each.title === 'Disable uwsgi/lazy-apps for this line');
    assert.ok(action);
    const fixed = applyTextEdits(text, action.edits);
    assert.equal(fixed, text.replace('  lazy-apps', '  # pydeploy: disable-next-line=uwsgi/lazy-apps\r\n  lazy-apps'));
    assert.deepEqual(diagnose(INI, fixed), []);
  });

  test('uses `;` in an ini file that writes its comments with `;`, and `#` in Python', () => {
    const ini = ['; app server', '[uwsgi]', 'module = app', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = no', ''].join('\n');
    const iniAnalysis = analyze(INI, ini);
    assert.ok(iniAnalysis);
    const iniAction = quickFixes(iniAnalysis, at(5, 12)).find((each) => each.title.startsWith('Disable'));
    assert.equal(iniAction && applyTextEdits(ini, iniAction.edits), ini.replace('lazy-apps', '; pydeploy: disable-next-line=uwsgi/lazy-apps\nlazy-apps'));

    const py = ['def post_fork(server):', '    pass', ''].join('\n');
    const pyAnalysis = analyze(PY, py);
    assert.ok(pyAnalysis);
    const pyAction = quickFixes(pyAnalysis, at(0, 5)).find((each) => each.title.startsWith('Disable'));
    assert.ok(pyAction);
    const fixed = applyTextEdits(py, pyAction.edits);
    assert.equal(fixed, '# pydeploy: disable-next-line=gunicorn/hook-signature\n' + py);
    assert.deepEqual(diagnose(PY, fixed), []);
  });

  test('adds the rule to a disable-next-line comment already above the line', () => {
    const text = [...LAZY_OFF, '# pydeploy: disable-next-line=uwsgi/lazy-apps -- why', 'lazy-apps = ture', ''].join('\n');
    assert.deepEqual(codes(INI, text), ['5:12-5:16 uwsgi/unusual-flag-value']);
    const analysis = analyze(INI, text);
    assert.ok(analysis);
    const action = quickFixes(analysis, at(5, 13)).find((each) => each.title === 'Disable uwsgi/unusual-flag-value for this line');
    assert.ok(action);
    const fixed = applyTextEdits(text, action.edits);
    assert.match(fixed, /^# pydeploy: disable-next-line=uwsgi\/lazy-apps,uwsgi\/unusual-flag-value -- why$/m);
    assert.deepEqual(codes(INI, fixed), []);
    assert.equal(fixAllText(INI, fixed), fixed);
  });
});

test('`;` comments silence rules in the agent config too', () => {
  const text = '[tingyun]\n; pydeploy: disable-next-line=tingyun/unknown-option\nlicence_key = abc\nlicense_key = 0123-abcd\n';
  const analysis = analyze('/project/tingyun.ini', text);
  assert.ok(analysis);
  assert.deepEqual(diagnosticsOf(analysis).map((d) => d.code), []);
  const unsilenced = analyze('/project/tingyun.ini', text.replace('; pydeploy: disable-next-line=tingyun/unknown-option\n', ''));
  assert.ok(unsilenced);
  assert.deepEqual(diagnosticsOf(unsilenced).map((d) => d.code), ['tingyun/unknown-option']);
});
