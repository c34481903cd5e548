import type { SettingBinding } from '../../model/gunicornConfig';
import type { PyValue } from '../../parse/gunicornPy';
import { WORKER_SHORT_NAMES, gunicornSetting } from '../../knowledge/gunicorn/settings';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { Message, message } from '../../l10n/message';

interface AsyncWorkerData {
  setting: SettingBinding;
  value: PyValue;
  model: string;
  missing: string[];
}

/** The short name of a worker_class value: itself, or the short name of the class a dotted path names. */
function workerModel(value: string): string | undefined {
  const name = value.trim();
  if (name in ADVICE) return name;
  for (const [short, path] of WORKER_SHORT_NAMES) if (path === name && short in ADVICE) return short;
  return undefined;
}

/** The values the fix starts from: common choices, to be tuned. */
const DEFAULTS: Record<string, string> = { worker_connections: '1000', max_requests: '1000', max_requests_jitter: '100' };

const BOUNDED_AND_RECYCLED = ['worker_connections', 'max_requests', 'max_requests_jitter'];

/**
 * What is true of each worker class, and the settings that keep it healthy. gthread has no entry: each request
 * runs on a thread of its own, so a blocking call holds up only that request (Gunicorn 20.1, workers/gthread.py).
 */
const ADVICE: Record<string, { text: Message; settings: string[] }> = {
  gevent: { text: message('gunicorn/async-worker.gevent'), settings: BOUNDED_AND_RECYCLED },
  gevent_wsgi: { text: message('gunicorn/async-worker.gevent'), settings: BOUNDED_AND_RECYCLED },
  gevent_pywsgi: { text: message('gunicorn/async-worker.gevent'), settings: BOUNDED_AND_RECYCLED },
  eventlet: { text: message('gunicorn/async-worker.eventlet'), settings: BOUNDED_AND_RECYCLED },
  // workers/gtornado.py never reads worker_connections; it does stop after max_requests.
  tornado: { text: message('gunicorn/async-worker.tornado'), settings: ['max_requests', 'max_requests_jitter'] },
};

export const asyncWorkerRule = defineRule({
  id: 'gunicorn/async-worker',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'information',
  docs: {
    summary: 'An async worker class is used without the settings that keep it healthy.',
    details:
      'gevent, eventlet and tornado workers hold many requests in one process on one event loop. A blocking call (a ' +
      'slow database query, a synchronous HTTP request made without the library being patched) stalls every request ' +
      'the worker holds, and many slow requests pile up in memory. Keep blocking IO out of request handling, bound ' +
      '`worker_connections` (gevent, eventlet; the tornado worker does not read it), and recycle workers with ' +
      '`max_requests` and `max_requests_jitter`. gthread workers are not reported: each request has a thread of its ' +
      'own. Reported once per file, on `worker_class`; setting the bound and `max_requests` silences it. The fix adds ' +
      'the missing ones.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ["bind = \"0.0.0.0:8000\"", "worker_class = \"gevent\""],
      right: ["bind = \"0.0.0.0:8000\"", "worker_class = \"gevent\"", 'worker_connections = 1000', 'max_requests = 1000', 'max_requests_jitter = 100'],
    },
    fix: 'The quick fix adds the missing settings after `worker_class` with common starting values (1000 connections, recycling after 1000 requests with a jitter of 100); tune them to your load.',
    silence: 'When workers are bounded and recycled elsewhere, for example by the process manager.',
  },
  check: (document): Finding<AsyncWorkerData>[] => {
    const config = document.gunicorn;
    const state = config.state('worker_class');
    if (state.state !== 'literal' || state.value.kind !== 'str' || !config.isLocal(state.binding.binding)) return [];
    const model = workerModel(state.value.value);
    if (!model) return [];
    const advice = ADVICE[model];
    const missing = advice.settings.filter((name) => config.all(name).length === 0);
    if (!missing.includes('worker_connections') && !missing.includes('max_requests')) return [];
    return [
      {
        range: state.value.range,
        message: message('gunicorn/async-worker.found', { advice: advice.text, settings: missing.map((name) => `\`${name}\``) }),
        data: { setting: state.binding, value: state.value, model, missing },
      },
    ];
  },
  fixes: (document, finding): Fix[] => {
    const { binding } = finding.data.setting;
    if (binding.source === 'launch') {
      const commandLine = document.gunicorn.launch;
      const { insertion, label } = binding.setting.from === 'cli' ? commandLine?.launch ?? {} : {};
      // After `--`, or a flag that lacks its value, added words would not be read as flags.
      if (!insertion || !commandLine?.takesAppendedOptions) return [];
      const flags = finding.data.missing.map((name) => gunicornSetting(name)?.cli.find((flag) => flag.startsWith('--')) ?? name);
      return [
        {
          title: message('gunicorn/async-worker.fix-launch', { flags: flags.map(quoted), label: label ?? '' }),
          isPreferred: false,
          changes: [{ kind: 'append-launch-arguments', insertion, args: flags.flatMap((flag, i) => [flag, DEFAULTS[finding.data.missing[i]]]) }],
        },
      ];
    }
    const { index } = document.gunicorn.module;
    const statement = finding.data.setting.binding.source === 'assignment' ? finding.data.setting.binding.assignment.statementRange : finding.range;
    if (finding.data.setting.binding.conditional) return [];
    const lines = finding.data.missing.map((name) => `${name} = ${DEFAULTS[name]}`);
    // After the whole line, not the statement: a trailing comment or trailing spaces stay on the line they were on.
    const at = index.positionAt(index.lineContentEnd(statement.end.line));
    return [
      {
        title: message('gunicorn/async-worker.fix-config', { settings: finding.data.missing.map(quoted), setting: quoted('worker_class') }),
        isPreferred: false,
        changes: [{ kind: 'replace', range: { start: at, end: at }, newText: lines.map((line) => index.eol + line).join('') }],
      },
    ];
  },
});
