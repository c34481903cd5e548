import type { GunicornConfig, SettingBinding } from '../../model/gunicornConfig';
import type { PyValue } from '../../parse/gunicornPy';
import { WORKER_SHORT_NAMES } from '../../knowledge/gunicorn/settings';
import { importTimeCode, pythonCode } from '../../model/appModules';
import type { AgentProfile } from '../../knowledge/agents';

/**
 * What runs where in Gunicorn's process model, for the agent rules: the config's code that runs in the master before
 * any worker is forked, the number of workers, and the worker class. (Seen with Gunicorn 20.1: the config file, an app
 * loaded by `--preload`, `on_starting`, `when_ready` and `pre_fork` all run in the master's pid; `post_fork` in the
 * worker's.)
 */

/** The hooks Gunicorn calls in the master (arbiter.py): whatever they start is not in the workers forked after. */
export const MASTER_HOOKS = ['on_starting', 'on_reload', 'when_ready', 'pre_fork'] as const;

const masterCodes = new WeakMap<object, string>();

/**
 * The config's code that runs in Gunicorn's master: its module level and the bodies of the master hooks, with
 * comments, strings and every other function body blanked out (same length and offsets as the file's text).
 */
export function masterCode(config: GunicornConfig): string {
  const known = masterCodes.get(config.module);
  if (known !== undefined) return known;
  const { text, index } = config.module;
  let code = importTimeCode(text);
  const full = pythonCode(text);
  for (const hook of MASTER_HOOKS) {
    for (const fn of config.module.functions.filter((candidate) => candidate.name === hook)) {
      const start = index.offsetAt(fn.statementRange.start);
      const end = index.offsetAt(fn.statementRange.end);
      code = code.slice(0, start) + full.slice(start, end) + code.slice(end);
    }
  }
  masterCodes.set(config.module, code);
  return code;
}

/** The master hook a position of the config is in, when it is in one. */
export function masterHookAt(config: GunicornConfig, offset: number): string | undefined {
  const { index } = config.module;
  return config.module.functions.find((fn) => (MASTER_HOOKS as readonly string[]).includes(fn.name) && index.offsetAt(fn.statementRange.start) <= offset && offset < index.offsetAt(fn.statementRange.end))?.name;
}

/** The first match of any of the patterns in a text, as its offsets (the earliest one wins). */
export function firstMatch(code: string, patterns: readonly RegExp[]): { start: number; end: number; text: string } | undefined {
  let best: { start: number; end: number; text: string } | undefined;
  for (const pattern of patterns) {
    const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(code);
    if (match && (!best || match.index < best.start)) best = { start: match.index, end: match.index + match[0].length, text: match[0] };
  }
  return best;
}

/** A call a pattern found (`BatchSpanProcessor(`), as a message names it: without the parenthesis and spaces. */
export function callName(matched: string): string {
  return matched.replace(/\s*\($/, '').trim();
}

/** The number of workers when the configuration gives it literally (the file, the command line, `WEB_CONCURRENCY`). */
export function workerCount(config: GunicornConfig): { count: number; binding: SettingBinding; value: PyValue } | undefined {
  const state = config.state('workers');
  if (state.state !== 'literal' || state.verdict.verdict !== 'valid') return undefined;
  const effective = state.verdict.effective;
  if (effective?.kind !== 'int') return undefined;
  return { count: Number(effective.value), binding: state.binding, value: state.value };
}

/**
 * The worker class as a short name (`sync`, `gevent`, the class's module path otherwise); `sync` when unset, and
 * undefined when the file alone does not say.
 */
export function workerClass(config: GunicornConfig): string | undefined {
  const state = config.state('worker_class');
  if (state.state === 'unset') return 'sync';
  if (state.state !== 'literal' || state.value.kind !== 'str') return undefined;
  const written = state.value.value.trim();
  const short = [...WORKER_SHORT_NAMES].find(([, path]) => path === written)?.[0];
  return short ?? written;
}

/** Gevent's worker classes: they patch the standard library in each worker, after the fork (workers/ggevent.py). */
export function isGeventWorker(name: string): boolean {
  return /^gevent(_wsgi|_pywsgi)?$/.test(name) || /\.ggevent\./.test(name);
}

/** Whether `preload_app` is on, literally: the binding and value that turn it on. */
export function preloadOn(config: GunicornConfig): { binding: SettingBinding; value: PyValue } | undefined {
  const state = config.state('preload_app');
  if (state.state !== 'literal' || state.verdict.verdict !== 'valid') return undefined;
  const effective = state.verdict.effective;
  return effective?.kind === 'bool' && effective.value ? { binding: state.binding, value: state.value } : undefined;
}

/** The hooks Gunicorn calls in each worker once it is forked: where an agent is started safely. */
const WORKER_HOOKS = ['post_fork', 'post_worker_init'];

/** Whether a `post_fork` or `post_worker_init` of the config starts the agent (calls or imports it). */
export function startedInWorkerHook(config: GunicornConfig, profile: AgentProfile): boolean {
  const { index, text } = config.module;
  return WORKER_HOOKS.flatMap((name) => config.all(name)).some(({ binding }) => {
    if (binding.source !== 'function') return false;
    const body = text.slice(index.offsetAt(binding.fn.statementRange.start), index.offsetAt(binding.fn.statementRange.end));
    return [...profile.startCalls, ...profile.signals.code].some((pattern) => pattern.test(body));
  });
}
