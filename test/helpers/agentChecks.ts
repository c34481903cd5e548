/**
 * The APM agents' own uWSGI checks, ported as test oracles: what Sentry, Datadog and New Relic decide at run time
 * from what uWSGI exposes to Python. Each port follows the agent's logic line by line (in our words, not its code),
 * Python's truthiness included, and cites the commit and lines it was read from.
 */

/**
 * A value of `uwsgi.opt`. On uWSGI 2.0.x with Python 3 (2.0.21 measured, the code is the same up to 2.0.30) a
 * `key = value` line gives a bytes object (here: its text), an option given without a value on the command line
 * gives `True`, and a repeated key keeps only its last value: the plugin looks the key up as bytes in a dict whose
 * keys are str, never finds it, and overwrites (unbit/uwsgi@2.0.21:plugins/python/python_plugin.c:786-819; the
 * list for repeated keys works only on the master branch, 34cc53d0).
 */
export type OptValue = true | string;

/** What the agents read from the `uwsgi` module while the app (and the agent with it) is imported. */
export interface UwsgiRuntime {
  /** `uwsgi.opt`, in the order uWSGI built it (the first occurrence of each key). */
  opt: ReadonlyArray<readonly [string, OptValue]>;
  /** `uwsgi.version_info[:3]`. */
  version: readonly [number, number, number];
  /** `uwsgi.numproc`: the `processes` (or `workers`) value as C's atoi reads it, 1 when none is given. */
  numproc: number;
  /** `uwsgi.worker_id()` during the import: 0 in the master (the app loaded before the fork), the worker's id otherwise. */
  workerId: number;
}

/** `uwsgi.opt.get(key)`: the value, or undefined (Python's None) when uWSGI was not given the key. */
export function optGet(runtime: UwsgiRuntime, key: string): OptValue | undefined {
  return runtime.opt.find(([name]) => name === key)?.[1];
}

/** Python's `bool(value)` for what `opt.get` returns: None and empty bytes are false, everything else is true. */
export function pythonTruthy(value: OptValue | undefined): boolean {
  return value === true || (typeof value === 'string' && value.length > 0);
}

/** Python's `int(value)` for bytes and bools; throws where Python raises ValueError (`int(b"true")`). */
function pythonInt(value: OptValue): number {
  if (value === true) return 1;
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) throw new RangeError(`int(b${JSON.stringify(value)}) raises ValueError`);
  return Number(value.replace(/_/g, ''));
}

/** `version < bound`, compared as Python compares tuples. */
export function versionBelow(version: readonly number[], bound: readonly number[]): boolean {
  for (let i = 0; i < bound.length; i++) if (version[i] !== bound[i]) return version[i] < bound[i];
  return false;
}

// ---------- Sentry ----------

/** `sentry_sdk.consts.FALSE_VALUES` (getsentry/sentry-python@064542dd:sentry_sdk/consts.py:99-105). */
const SENTRY_FALSE_VALUES = new Set(['false', 'no', 'off', 'n', '0']);

/** Which of its two warnings Sentry's check gives, if any. */
export interface SentryVerdict {
  /** The option names it reads as on: `threads` present or `enable-threads`, `py-call-uwsgi-fork-hooks`, `lazy-apps` or `lazy`. */
  threadsEnabled: boolean;
  forkHooksOn: boolean;
  lazyMode: boolean;
  /** "We detected the use of uWSGI without thread support" (lazy mode), "...in preforking mode without thread support". */
  warning?: 'lazy-without-threads' | 'prefork';
}

/**
 * getsentry/sentry-python@064542dd:sentry_sdk/_compat.py:24-92 `check_uwsgi_thread_support()`, run by the client
 * when it has anything that starts a background thread (sentry_sdk/client.py:735-745). An option is enabled when
 * it is True, or a value whose lower-cased text is not in FALSE_VALUES; None and empty bytes are not enabled.
 * Threads count as enabled when the `threads` key is present at all, whatever its value.
 */
export function sentryUwsgiCheck(runtime: UwsgiRuntime): SentryVerdict {
  const enabled = (key: string): boolean => {
    const value = optGet(runtime, key);
    if (value === true) return true;
    return pythonTruthy(value) && !SENTRY_FALSE_VALUES.has(String(value).toLowerCase());
  };
  const threadsEnabled = optGet(runtime, 'threads') !== undefined || enabled('enable-threads');
  const forkHooksOn = enabled('py-call-uwsgi-fork-hooks');
  const lazyMode = enabled('lazy-apps') || enabled('lazy');
  const verdict: SentryVerdict = { threadsEnabled, forkHooksOn, lazyMode };
  if (lazyMode && !threadsEnabled) return { ...verdict, warning: 'lazy-without-threads' };
  if (!lazyMode && (!threadsEnabled || !forkHooksOn)) return { ...verdict, warning: 'prefork' };
  return verdict;
}

// ---------- Datadog ----------

/** One condition of Datadog's check, evaluated whether or not an earlier one already stopped it. */
export interface DatadogConditions {
  /** uWSGIConfigError "enable-threads option must be set to true, or a positive number of threads must be set". */
  threads: 'ok' | 'error' | 'value-error';
  /** uWSGIConfigDeprecationWarning "skip-atexit option must be set when lazy-apps or lazy is set for uwsgi<2.0.30". */
  skipAtexit: 'ok' | 'warning';
  /** uWSGIConfigError "master option must be enabled when multiple processes are used"; `deferred` when in the master
   * with it: the products start after the fork (uWSGIMasterProcess). */
  master: 'ok' | 'error' | 'deferred';
}

export interface DatadogVerdict extends DatadogConditions {
  /** What the check ends with: it raises at the first condition that fails, so later ones are not reached. */
  outcome: 'products-start' | 'products-start-with-warning' | 'products-after-fork' | 'products-not-started';
}

/**
 * DataDog/dd-trace-py@3bb9ecda:ddtrace/internal/uwsgi.py:42-107 `check_uwsgi()`, and what
 * ddtrace/internal/products.py:268-291 does with its outcome: a uWSGIConfigError or any other exception (a ValueError
 * from `int(b"true")`) leaves the products unstarted; the deprecation warning is logged and they start; in the
 * master of several non-lazy workers they start after the fork. Values are tested with Python's truthiness, so
 * `enable-threads = false` passes (non-empty bytes) and `enable-threads =` fails (empty bytes).
 */
export function datadogUwsgiCheck(runtime: UwsgiRuntime): DatadogVerdict {
  const get = (key: string) => optGet(runtime, key);
  let threads: DatadogConditions['threads'] = 'ok';
  if (!pythonTruthy(get('enable-threads'))) {
    // `int(opt.get("threads") or 0)`: a missing or empty value is 0; any other count but 0 passes, negative too.
    const raw = get('threads');
    try {
      if ((raw !== undefined && pythonTruthy(raw) ? pythonInt(raw) : 0) === 0) threads = 'error';
    } catch {
      threads = 'value-error';
    }
  }
  const lazy = pythonTruthy(get('lazy-apps')) || pythonTruthy(get('lazy'));
  const skipAtexit = versionBelow(runtime.version, [2, 0, 30]) && lazy && !pythonTruthy(get('skip-atexit')) ? 'warning' : 'ok';
  const inMasterOfMany = runtime.numproc > 1 && !pythonTruthy(get('lazy-apps')) && runtime.workerId === 0;
  const master = !inMasterOfMany ? 'ok' : pythonTruthy(get('master')) ? 'deferred' : 'error';
  const conditions: DatadogConditions = { threads, skipAtexit, master };
  if (threads !== 'ok') return { ...conditions, outcome: 'products-not-started' };
  if (skipAtexit === 'warning') return { ...conditions, outcome: 'products-start-with-warning' };
  if (master === 'error') return { ...conditions, outcome: 'products-not-started' };
  return { ...conditions, outcome: master === 'deferred' ? 'products-after-fork' : 'products-start' };
}

// ---------- New Relic ----------

export interface NewRelicVerdict {
  /** "requires version 1.2.6 or newer of uWSGI" */
  oldUwsgi: boolean;
  /** "requires that when using uWSGI that the enable-threads option be given" (`threads` does not count). */
  enableThreadsMissing: boolean;
}

/**
 * newrelic/newrelic-python-agent@e3c9c1d0:newrelic/core/agent.py:42-79 `check_environment()`: two log warnings, the
 * agent runs on. Only `enable-threads` is read, with Python's truthiness.
 */
export function newRelicUwsgiCheck(runtime: UwsgiRuntime): NewRelicVerdict {
  return { oldUwsgi: versionBelow(runtime.version, [1, 2, 6]), enableThreadsMissing: !pythonTruthy(optGet(runtime, 'enable-threads')) };
}
