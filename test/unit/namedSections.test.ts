// An ini with no [uwsgi] section that no launch names (issue 14): uWSGI would read nothing from it as `uwsgi x.ini`, so
// it is launched as `x.ini:prod`. Each named section that loads an app is read as that entry point, its findings land
// on its header and say which section they are for; `[uwsgi]` is never reported as if it were read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAllText } from '../../server/src/features/codeActions';

const PATH = '/p/uwsgi.ini';
const findings = (text: string) => diagnosticsOf(analyze(PATH, text)!).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);
const THREADS_OFF = "Python threads are off (no `enable-threads` or `threads`) on uWSGI up to 2.0.26 (assumed: no version is pinned): the APM agent's reporting thread never runs.";
const NOT_SINGLE = '`single-interpreter` is not on, so apps run in a sub-interpreter: the APM agent is not supported there.';
const NOT_LAZY = "The app loads in the master before the workers are forked (set `lazy-apps`): the APM agent's thread does not survive the fork.";

describe('named sections read as entry points', () => {
  test('[common] + [prod]: the app section is the entry point, its findings on its header, and fix all completes it', () => {
    const text = '[common]\nmaster = true\nprocesses = 4\n\n[prod]\nini = :common\nmodule = app:application\n';
    assert.deepEqual(findings(text), [
      `4:0-4:6 uwsgi/enable-threads ${THREADS_OFF} (reading [prod] as the entry point)`,
      `4:0-4:6 uwsgi/single-interpreter ${NOT_SINGLE} (reading [prod] as the entry point)`,
      `4:0-4:6 uwsgi/lazy-apps ${NOT_LAZY} (reading [prod] as the entry point)`,
    ]);
    const fixed = fixAllText(PATH, text);
    assert.equal(fixed, `${text}enable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n`);
    assert.deepEqual(findings(fixed), []);
  });

  test('[dev] and [prod]: each is judged on its own, and a finding says which section it is for', () => {
    const text = '[dev]\nmodule = app\nenable-threads = true\n\n[prod]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';
    assert.deepEqual(findings(text), [
      `0:0-0:5 uwsgi/single-interpreter ${NOT_SINGLE} (reading [dev] as the entry point)`,
      `0:0-0:5 uwsgi/lazy-apps ${NOT_LAZY} (reading [dev] as the entry point)`,
    ]);
  });

  test('a [uwsgi] section is read as uWSGI reads it, and a file with no app section keeps the plain reading', () => {
    assert.deepEqual(findings('[uwsgi]\nmodule = app\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n\n[prod]\nmodule = other\n'), []);
    assert.deepEqual(findings('[common]\nmaster = true\n').map((finding) => finding.split(' ')[1]), ['uwsgi/enable-threads', 'uwsgi/single-interpreter', 'uwsgi/lazy-apps']);
  });
});
