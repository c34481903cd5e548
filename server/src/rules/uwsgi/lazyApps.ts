import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { message } from '../../l10n/message';

export const lazyAppsRule = defineRule({
  id: 'uwsgi/lazy-apps',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  needs: ['uwsgi-lazy-apps'],
  docs: {
    summary: 'The app is loaded in the master before the fork, so the agent\'s thread does not reach the workers.',
    details:
      'By default uWSGI imports the app once in the master and forks the workers from it. A thread started in the ' +
      'master does not exist in a forked worker, so an agent that started while the app loaded goes silent there; ' +
      'Datadog\'s tracer can even deadlock workers that respawn. `lazy-apps` (or the older `lazy`) loads the app in ' +
      'each worker instead. The rule runs for the agents that ask for it (Tingyun, Datadog, Pyroscope) and when no ' +
      'agent is named or found; agents that only need their fork hooks are left to `uwsgi/fork-safety`. The fix adds ' +
      '`lazy-apps = true`.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true', 'single-interpreter = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'The quick fix adds `lazy-apps = true` to `[uwsgi]`, or turns an explicit `lazy-apps = false` on.',
    silence: 'When the agent is started in each worker some other way (for example from a `postfork` hook of the app), so loading in the master is harmless.',
  },
  check: (document) => {
    const holders = needHolders(document, 'uwsgi-lazy-apps');
    if (holders.length === 0) return [];
    const what = consequences(holders);
    return checkRequiredFlag(
      document.uwsgi,
      'lazy-apps',
      {
        missing: message('uwsgi/lazy-apps.missing', { consequences: what }),
        off: (value) => message('uwsgi/lazy-apps.off', { value, consequences: what }),
      },
      (config) => config.flag('lazy').state === 'on',
    ).map((finding) => forAgents(finding, holders, document.path));
  },
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
