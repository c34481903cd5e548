import { UwsgiConfig, hasExpansion, readFlag, readsAsNumber } from '../../server/src/model/uwsgiConfig';
import { OptValue, UwsgiRuntime, optGet, versionBelow } from './agentChecks';

/**
 * What the APM agents would read from the `uwsgi` module for a config, computed from pydeploy's model of it:
 * test/differential/uwsgiRuntime.test.ts checks it against what a real uWSGI exposes to a tiny app, so that the
 * property test of the agents' checks (test/fuzz/agentChecks.test.ts) can run without uWSGI.
 * Undefined when the file alone does not say (a conditional, opaque or expanded value).
 */
export function uwsgiRuntimeOf(config: UwsgiConfig, version: readonly [number, number, number]): UwsgiRuntime | undefined {
  const opt = new Map<string, OptValue>();
  for (const option of config.options) {
    // uWSGI exports the `set` line itself; the model's second reading of it as the option it sets is its own.
    if (option.viaSet) continue;
    if (option.conditional || option.opaque || hasExpansion(option.entry.value)) return undefined;
    // A line without `=` reaches uWSGI as an empty value (measured), never as a value-less option (True).
    opt.set(option.entry.key, option.entry.value);
  }
  // With either lazy mode the app, and the agent it imports, is loaded in each worker after the fork.
  return { opt: [...opt], version, numproc: processCount(config), workerId: loadsLazily(config) ? 1 : 0 };
}

/** `uwsgi.numproc`: `workers` is another name of `processes`, the last line of either sets it (C's atoi). */
function processCount(config: UwsgiConfig): number {
  const processes = config.options.filter(({ entry }) => entry.key === 'processes' || entry.key === 'workers').pop();
  return processes ? readsAsNumber(processes.entry.value) : 1;
}

function loadsLazily(config: UwsgiConfig): boolean {
  return config.flag('lazy-apps').state === 'on' || config.flag('lazy').state === 'on';
}

/**
 * Whether uWSGI imports the app at all, so that an agent's check runs: not when it loads lazily with no workers
 * (`processes = 0`, or a count atoi reads as 0: "Operational MODE: no-workers", measured on 2.0.21).
 */
export function importsApp(config: UwsgiConfig): boolean {
  return !loadsLazily(config) || processCount(config) >= 1;
}

/** How uWSGI reads a flag's value (the C setter uwsgi_opt_true, unbit/uwsgi@2.0.21:core/uwsgi.c:3926-3935). */
export function uwsgiFlagOn(value: OptValue | undefined): boolean {
  if (value === undefined) return false;
  return value === true || readFlag(value) === 'on';
}

/**
 * Whether Python runs with thread support, as uWSGI decides it from these options: a `threads` line turns it on as
 * it is read (the option's THREADS flag, core/config.c add_exported_option_do), the last `enable-threads` is applied
 * after that, `threads` above 1 forces it on (measured on 2.0.21, see UwsgiConfig.threadSupport), and from 2.0.27 on
 * it is always on (unbit/uwsgi@2.0.27:core/init.c:435).
 */
export function threadsApplied(runtime: UwsgiRuntime): boolean {
  const get = (key: string) => optGet(runtime, key);
  if (!versionBelow(runtime.version, [2, 0, 27])) return true;
  const enableThreads = get('enable-threads');
  let on = get('threads') !== undefined;
  if (enableThreads !== undefined) on = uwsgiFlagOn(enableThreads);
  const threads = get('threads');
  return on || (typeof threads === 'string' && readsAsNumber(threads) > 1);
}
