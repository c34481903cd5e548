/** One did-you-mean cut-off for the whole code base (knowledge/suggest.ts), relative to the length of the names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, typoDistance } from '../../server/src/knowledge/suggest';
import { allUwsgiOptions } from '../../server/src/knowledge/uwsgi/options';
import { suggestSettings, suggestWorkerClasses } from '../../server/src/knowledge/gunicorn/settings';
import { diagnose } from '../helpers/text';

const UWSGI_OPTIONS = allUwsgiOptions().map((facts) => facts.name);

test('the cut-off: one edit per five characters of the longer name, none for names of three characters', () => {
  assert.equal(typoDistance('app', 'pp'), undefined);
  assert.equal(typoDistance('hots', 'host'), 1);
  assert.equal(typoDistance('chown', 'cron'), undefined);
  assert.equal(typoDistance('proceses', 'processes'), 1);
  assert.equal(typoDistance('chmod-sock', 'chmod-socket'), 2);
  assert.equal(typoDistance('py-version', 'perl-version'), undefined);
  assert.equal(typoDistance('tingyun:proxies', 'tingyun:proxy'), 3);
});

test('implausible suggestions are gone everywhere: uWSGI options, Gunicorn settings and worker classes, the agent', () => {
  // Seen on real configs: `app` got "did you mean `pp`?", `chown` got `cron`.
  assert.deepEqual(didYouMean('app', UWSGI_OPTIONS, '-'), []);
  assert.deepEqual(didYouMean('chown', UWSGI_OPTIONS, '-'), []);
  assert.doesNotMatch(diagnose('/p/uwsgi.ini', '[uwsgi]\napp = bos\n').find((d) => d.code === 'uwsgi/unknown-option')!.message, /Did you mean/);
  assert.deepEqual(suggestSettings('app'), []);
  assert.deepEqual(suggestWorkerClasses('gev'), []);
  // Plausible ones stay, in every caller.
  assert.deepEqual(didYouMean('proceses', UWSGI_OPTIONS, '-'), ['processes']);
  assert.deepEqual(didYouMean('buffer_size', UWSGI_OPTIONS, '-'), ['buffer-size']);
  assert.deepEqual(suggestSettings('wokrers'), [{ name: 'workers', why: 'typo' }]);
  assert.deepEqual(suggestSettings('timout'), [{ name: 'timeout', why: 'typo' }]);
  assert.deepEqual(suggestWorkerClasses('gevnet'), ['gevent']);
  assert.deepEqual(suggestWorkerClasses('snyc'), ['sync']);
  assert.match(diagnose('/p/tingyun.ini', '[tingyun]\nlicense_key = k\n[tingyun:private]\nhots = h\n')[0].message, /`host`/);
});
