import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OptValue, UwsgiRuntime, datadogUwsgiCheck, newRelicUwsgiCheck, sentryUwsgiCheck } from '../helpers/agentChecks';

/** A runtime with these options, on 2.0.21, one process, the app imported in the master. */
function runtime(opt: Record<string, OptValue>, more: Partial<UwsgiRuntime> = {}): UwsgiRuntime {
  return { opt: Object.entries(opt), version: [2, 0, 21], numproc: 1, workerId: 0, ...more };
}

describe('the ported agent checks give what the agents\' own tests expect', () => {
  // getsentry/sentry-python@064542dd:tests/test_client.py:1285-1308, `test_uwsgi_warnings`: the options, and which
  // flags the one warning names (none: no warning). Its bytes values are our strings.
  const SENTRY_MATRIX: [Record<string, OptValue>, SentryWarning][] = [
    [{ 'enable-threads': true, 'lazy-apps': true }, undefined],
    [{ 'enable-threads': 'true', 'lazy-apps': '1' }, undefined],
    [{ 'enable-threads': true, 'py-call-uwsgi-fork-hooks': true }, undefined],
    [{ 'enable-threads': 'true', 'py-call-uwsgi-fork-hooks': 'on' }, undefined],
    [{ 'lazy-apps': true }, 'lazy-without-threads'],
    [{ 'enable-threads': 'false', 'lazy-apps': true }, 'lazy-without-threads'],
    [{ 'enable-threads': '0', lazy: true }, 'lazy-without-threads'],
    [{}, 'prefork'],
    [{ processes: '2' }, 'prefork'],
    [{ 'enable-threads': true }, 'prefork'],
    [{ 'enable-threads': '1' }, 'prefork'],
    [{ 'enable-threads': 'false' }, 'prefork'],
    [{ 'py-call-uwsgi-fork-hooks': true }, 'prefork'],
  ];
  type SentryWarning = ReturnType<typeof sentryUwsgiCheck>['warning'];

  test('Sentry: the test matrix of check_uwsgi_thread_support', () => {
    for (const [opt, warning] of SENTRY_MATRIX) assert.equal(sentryUwsgiCheck(runtime(opt)).warning, warning, JSON.stringify(opt));
  });

  test('Sentry: a `threads` key of any value counts as threads; an empty value and "n" are off', () => {
    assert.equal(sentryUwsgiCheck(runtime({ threads: '0', 'lazy-apps': 'true' })).warning, undefined);
    assert.equal(sentryUwsgiCheck(runtime({ 'enable-threads': '', 'lazy-apps': 'true' })).warning, 'lazy-without-threads');
    assert.equal(sentryUwsgiCheck(runtime({ 'enable-threads': 'N', 'lazy-apps': 'true' })).warning, 'lazy-without-threads');
  });

  // DataDog/dd-trace-py@3bb9ecda:tests/profiling/test_uwsgi.py:138-215 starts uWSGI with these command-line flags
  // (a flag without a value is True in uwsgi.opt) and expects these outcomes.
  test('Datadog: the outcomes its uWSGI tests expect', () => {
    assert.equal(datadogUwsgiCheck(runtime({})).outcome, 'products-not-started');
    assert.equal(datadogUwsgiCheck(runtime({})).threads, 'error');
    assert.equal(datadogUwsgiCheck(runtime({ threads: '1' })).outcome, 'products-start');
    assert.equal(datadogUwsgiCheck(runtime({ 'enable-threads': true })).outcome, 'products-start');
    const noMaster = datadogUwsgiCheck(runtime({ 'enable-threads': true, processes: '2' }, { numproc: 2 }));
    assert.deepEqual([noMaster.master, noMaster.outcome], ['error', 'products-not-started']);
  });

  test("Datadog: Python's truthiness of bytes, int() of the threads value, and the order of the conditions", () => {
    assert.equal(datadogUwsgiCheck(runtime({ 'enable-threads': 'false' })).threads, 'ok');
    assert.equal(datadogUwsgiCheck(runtime({ 'enable-threads': '' })).threads, 'error');
    assert.equal(datadogUwsgiCheck(runtime({ threads: '0' })).threads, 'error');
    assert.equal(datadogUwsgiCheck(runtime({ threads: '-1' })).threads, 'ok');
    assert.equal(datadogUwsgiCheck(runtime({ threads: 'true' })).threads, 'value-error');
    assert.equal(datadogUwsgiCheck(runtime({ threads: '' })).threads, 'error');
    const lazy = { 'enable-threads': 'true', lazy: 'true' };
    assert.equal(datadogUwsgiCheck(runtime(lazy)).outcome, 'products-start-with-warning');
    assert.equal(datadogUwsgiCheck(runtime({ ...lazy, 'skip-atexit': 'true' })).outcome, 'products-start');
    assert.equal(datadogUwsgiCheck(runtime(lazy, { version: [2, 0, 30] })).outcome, 'products-start');
    // The skip-atexit warning is raised first: the master condition is not reached.
    const both = datadogUwsgiCheck(runtime({ 'enable-threads': 'true', 'lazy-apps': 'false' }, { numproc: 2 }));
    assert.deepEqual([both.skipAtexit, both.master, both.outcome], ['warning', 'ok', 'products-start-with-warning']);
    const master = datadogUwsgiCheck(runtime({ 'enable-threads': 'true', master: 'true' }, { numproc: 2 }));
    assert.deepEqual([master.master, master.outcome], ['deferred', 'products-after-fork']);
    assert.equal(datadogUwsgiCheck(runtime({ 'enable-threads': 'true', lazy: 'true', 'skip-atexit': '1' }, { numproc: 2, workerId: 1 })).master, 'ok');
  });

  test('New Relic: only a truthy enable-threads satisfies check_environment', () => {
    assert.equal(newRelicUwsgiCheck(runtime({ threads: '4' })).enableThreadsMissing, true);
    assert.equal(newRelicUwsgiCheck(runtime({ 'enable-threads': '' })).enableThreadsMissing, true);
    assert.equal(newRelicUwsgiCheck(runtime({ 'enable-threads': 'false' })).enableThreadsMissing, false);
    assert.equal(newRelicUwsgiCheck(runtime({ 'enable-threads': true })).enableThreadsMissing, false);
    assert.equal(newRelicUwsgiCheck(runtime({}, { version: [1, 2, 5] })).oldUwsgi, true);
    assert.equal(newRelicUwsgiCheck(runtime({})).oldUwsgi, false);
  });
});
