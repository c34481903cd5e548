import type { GunicornConfig, SettingBinding } from '../../model/gunicornConfig';
import { workerShortName } from '../../model/gunicornConfig';
import { WORKER_SHORT_NAMES } from '../../knowledge/gunicorn/settings';
import { WORKER_SPECIFIC_SETTINGS } from '../../knowledge/gunicorn/workerSettings';
import type { Range } from '../../text/lineIndex';
import { Finding, Fix, defineRule } from '../types';
import { message } from '../../l10n/message';

interface IneffectiveSettingData {
  setting: SettingBinding;
  /** The line the fix removes: the whole statement sits on it alone. */
  removableLine?: number;
}

/**
 * The worker class Gunicorn really runs when the file names it literally, as a short name: `sync` with `threads`
 * above 1 runs `gthread` (config.py worker_class). Undefined when the file alone cannot tell.
 */
function runningWorker(config: GunicornConfig): { name: string; range: Range } | undefined {
  const worker = workerShortName(config);
  if (!worker) return undefined;
  const written = worker.name;
  const name = WORKER_SHORT_NAMES.has(written) ? written : [...WORKER_SHORT_NAMES].find(([, path]) => path === written)?.[0];
  if (!name) return undefined;
  if (name !== 'sync') return { name, range: worker.value.range };
  const threads = config.state('threads');
  if (threads.state === 'unset') return { name, range: worker.value.range };
  const count = config.effective('threads');
  if (count?.kind !== 'int') return undefined;
  return { name: count.value > 1n ? 'gthread' : 'sync', range: worker.value.range };
}

export const ineffectiveSettingRule = defineRule({
  id: 'gunicorn/ineffective-setting',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A setting the chosen worker class never reads, so Gunicorn accepts it and it does nothing.',
    details:
      'Reported when the file names its worker class: `worker_connections` and `keepalive` with the `sync` worker, ' +
      'which serves one connection at a time and closes it after the response (only the gthread, gevent and ' +
      'eventlet workers read them). `sync` together with `threads` above 1 runs the `gthread` worker, where both ' +
      'work, and is not reported. The fix removes the line.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ['worker_class = "sync"', 'workers = 4', 'worker_connections = 1000'],
      right: ['worker_class = "sync"', 'workers = 4'],
    },
    fix: 'The quick fix removes the line. If you meant the setting to work, choose a worker class that reads it (`gthread`, `gevent`, `eventlet`) instead.',
    silence: 'When the worker class is chosen again on the command line (`-k gevent`) where pydeploy does not see it.',
  },
  check: (document): Finding<IneffectiveSettingData>[] => {
    const config = document.gunicorn;
    const worker = runningWorker(config);
    if (!worker) return [];
    const { index } = config.module;
    return Object.entries(WORKER_SPECIFIC_SETTINGS).flatMap(([name, facts]) => {
      if (!facts.ignoredBy.includes(worker.name)) return [];
      return config.all(name).map((setting) => {
        const { binding } = setting;
        const statement = binding.source === 'assignment' ? binding.assignment.statementRange : undefined;
        const alone =
          statement !== undefined &&
          !binding.conditional &&
          statement.start.line === statement.end.line &&
          index.lineText(statement.start.line).trim() === config.module.text.slice(index.offsetAt(statement.start), index.offsetAt(statement.end)).trim();
        return {
          range: binding.nameRange,
          message: message('gunicorn/ineffective-setting.found', { name, worker: worker.name, line: worker.range.start.line + 1, reason: facts.reason }),
          data: { setting, removableLine: alone ? statement.start.line : undefined },
          related: [{ range: worker.range, message: message('gunicorn/ineffective-setting.worker-class', { worker: worker.name }) }],
        };
      });
    });
  },
  fixes: (_document, finding): Fix[] =>
    finding.data.removableLine === undefined ? [] : [{ title: message('fix.remove-line'), isPreferred: false, changes: [{ kind: 'delete-line', line: finding.data.removableLine }] }],
});
