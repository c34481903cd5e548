import { lazyLoading } from './lazyLoading';
import { defineRule } from '../types';
import { checkNeed } from '../agentNeeds';
import { hasExpansion, readsAsNumber } from '../../model/uwsgiConfig';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { message } from '../../l10n/message';

export const masterRule = defineRule({
  id: 'uwsgi/master',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  needs: ['uwsgi-master'],
  docs: {
    summary: 'Several worker processes run without `master` and without `lazy-apps`, which the agent refuses.',
    details:
      'Without `lazy-apps` the app loads once, before the workers are forked, and an agent that must start its ' +
      'threads again in each worker hooks into uWSGI\'s post-fork functions, which run only under the master ' +
      'process. Datadog\'s tracer checks for this itself (`processes` above 1, no `lazy-apps`, no `master`) and then ' +
      'starts none of its products. `lazy-apps` (or `lazy`) is the other way out: the app then loads in each worker, ' +
      'where the check passes. The fix adds `master = true`.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'processes = 4', 'enable-threads = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'processes = 4', 'enable-threads = true', 'master = true'],
    },
    fix: 'The quick fix adds `master = true` to `[uwsgi]`, or turns an explicit `master = false` on.',
    silence: 'When the app really runs a single worker in production (the process count is raised only where the agent is not used).',
  },
  check: (document) =>
    checkNeed(document, 'uwsgi-master', (what) => {
      const config = document.uwsgi;
      const processes = config.lastOfAliases('processes');
      if (!processes || processes.conditional || processes.opaque || hasExpansion(processes.entry.value)) return [];
      // `lazy` loads the app in each worker too: there uwsgi.worker_id() is not 0, and ddtrace's check passes.
      if (readsAsNumber(processes.entry.value) <= 1 || lazyLoading(config).state !== 'off') return [];
      const given = `\`${processes.entry.key} = ${processes.entry.value.trim()}\``;
      const elsewhere = processes.source.path !== document.path;
      // Pointing at the count is worth it only when it is not on the line the finding is on (a launch line).
      const related = elsewhere || processes.entry.line !== config.anchor.start.line ? [{ range: processes.entry.keyRange, message: message('uwsgi/master.processes-here'), ...(elsewhere ? { path: processes.source.path } : {}) }] : [];
      return checkRequiredFlag(config, 'master', {
        missing: message('uwsgi/master.missing', { given, consequences: what }),
        off: (value) => message('uwsgi/master.off', { value, given, consequences: what }),
      }).map((finding) => (finding.data.problem === 'missing' && related.length > 0 ? { ...finding, related } : finding));
    }),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
