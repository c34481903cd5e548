import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';

export const lazyAppsRule = defineRule({
  id: 'uwsgi/lazy-apps',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The app is loaded in the master before the fork, so the agent\'s thread does not reach the workers.',
    details:
      'By default uWSGI imports the app once in the master and forks the workers from it. A thread started in the ' +
      'master does not exist in a forked worker, so an agent that started while the app loaded goes silent there. ' +
      '`lazy-apps` (or the older `lazy`) loads the app in each worker instead. The fix adds `lazy-apps = true`.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true', 'single-interpreter = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'The quick fix adds `lazy-apps = true` to `[uwsgi]`, or turns an explicit `lazy-apps = false` on.',
    silence: 'When the agent is started in each worker some other way (for example from a `postfork` hook of the app), so loading in the master is harmless.',
  },
  check: (document) =>
    checkRequiredFlag(
      document.uwsgi,
      'lazy-apps',
      {
        missing: 'The app loads in the master before the workers are forked, and the agent\'s thread does not survive the fork: set `lazy-apps`.',
        off: (value) => `\`lazy-apps = ${value}\` loads the app in the master, and the agent's thread does not survive the fork into the workers.`,
      },
      (config) => config.flag('lazy').state === 'on',
    ),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
