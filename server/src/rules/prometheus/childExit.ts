import type { Range } from '../../text/lineIndex';
import { pythonCode } from '../../model/appModules';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { renderText } from '../../l10n/message';

interface ChildExitData {
  /** No `child_exit` exists: the fix can add one. */
  canAdd: boolean;
}

const MARKS_DEAD = /\bmark_process_dead\s*\(/;

/**
 * The hook the fix adds. prometheus_client is imported inside it: imported at the config's top level, it would be
 * loaded before Gunicorn applies `raw_env`, and would miss a `PROMETHEUS_MULTIPROC_DIR` set there.
 */
const CHILD_EXIT_HOOK = ['def child_exit(server, worker):', '    from prometheus_client import multiprocess', '', '    multiprocess.mark_process_dead(worker.pid)'];

export const childExitRule = defineRule({
  id: 'prometheus/child-exit',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  needs: ['gunicorn-child-exit'],
  docs: {
    summary: "The Prometheus client's multiprocess mode runs under Gunicorn without a `child_exit` hook that calls `mark_process_dead`.",
    details:
      'In multiprocess mode each worker writes its metrics to files of its own. When a worker dies (recycled by ' +
      '`max_requests`, killed on a timeout, crashed), its live gauges stay in the totals until something calls ' +
      "`multiprocess.mark_process_dead(pid)`. Gunicorn's master calls `child_exit(server, worker)` for every worker " +
      'that exits, however it died; `worker_exit` runs in the worker itself and only when it exits cleanly. Reported on ' +
      'a `child_exit` (or `worker_exit`) that does not call it, or on the first line of a config that has no ' +
      '`child_exit`.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ['workers = 4', '', 'def worker_exit(server, worker):', '    from prometheus_client import multiprocess', '', '    multiprocess.mark_process_dead(worker.pid)'],
      right: ['workers = 4', '', 'def child_exit(server, worker):', '    from prometheus_client import multiprocess', '', '    multiprocess.mark_process_dead(worker.pid)'],
    },
    fix: 'When the config has no `child_exit`, the quick fix adds one that calls `multiprocess.mark_process_dead(worker.pid)`, importing prometheus_client inside the hook.',
    silence: 'When dead workers are cleaned up another way (the metrics folder wiped by a supervisor, a helper the hook calls).',
  },
  check: (document): Finding<ChildExitData>[] => {
    const config = document.gunicorn;
    // The hook goes in the config file: a launch's reading leaves it to the file's own.
    if (!config.checksFile) return [];
    const holders = needHolders(document, 'gunicorn-child-exit');
    if (holders.length === 0) return [];
    const { text, index } = config.module;
    const code = pythonCode(text);
    const body = (range: Range) => code.slice(index.offsetAt(range.start), index.offsetAt(range.end));
    const childExit = config.all('child_exit');
    const what = renderText(consequences(holders), 'en');
    if (childExit.length > 0) {
      // Bound by an import or an assignment, the hook's code is elsewhere: nothing to judge.
      const hooks = childExit.flatMap(({ binding }) => (binding.source === 'function' ? [binding] : []));
      if (hooks.length < childExit.length || hooks.some(({ fn }) => MARKS_DEAD.test(body(fn.statementRange)))) return [];
      const last = hooks[hooks.length - 1];
      return [forAgents({ range: last.nameRange, message: `\`child_exit\` does not call \`mark_process_dead(worker.pid)\`: ${what}.`, data: { canAdd: false } }, holders, document.path)];
    }
    if (config.isIncomplete) return [];
    const workerExit = config.all('worker_exit').find(({ binding }) => binding.source === 'function' && MARKS_DEAD.test(body(binding.fn.statementRange)));
    if (workerExit) {
      return [
        forAgents(
          { range: workerExit.binding.nameRange, message: `\`worker_exit\` misses workers that are killed or crash; call \`mark_process_dead\` from \`child_exit\`: ${what}.`, data: { canAdd: true } },
          holders,
          document.path,
        ),
      ];
    }
    return [forAgents({ range: index.lineRange(0), message: `No \`child_exit\` hook calls \`mark_process_dead(worker.pid)\`: ${what}.`, data: { canAdd: true } }, holders, document.path)];
  },
  fixes: (_document, finding): Fix[] =>
    finding.data.canAdd ? [{ title: `Add a ${quoted('child_exit')} hook that calls ${quoted('mark_process_dead')}`, isPreferred: true, changes: [{ kind: 'append-block', key: 'child_exit', lines: CHILD_EXIT_HOOK }] }] : [],
});
