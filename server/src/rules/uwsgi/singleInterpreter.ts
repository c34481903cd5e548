import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';

export const singleInterpreterRule = defineRule({
  id: 'uwsgi/single-interpreter',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Apps run in sub-interpreters instead of the main Python interpreter.',
    details:
      'Without `single-interpreter`, uWSGI gives each app a Python sub-interpreter. The agent\'s deployment guide asks ' +
      'for one interpreter per process, since sub-interpreters and its background thread do not mix well. The fix adds ' +
      '`single-interpreter = true`.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true', 'single-interpreter = true'],
    },
    fix: 'The quick fix adds `single-interpreter = true` to `[uwsgi]`, or turns an explicit `single-interpreter = false` on.',
    silence: 'When the process really hosts several apps that must stay apart in sub-interpreters, and you accept that the agent is not supported there.',
  },
  check: (document) =>
    checkRequiredFlag(document.uwsgi, 'single-interpreter', {
      missing: '`single-interpreter` is not on: apps run in a sub-interpreter, where the agent is not supported.',
      off: (value) => `\`single-interpreter = ${value}\` runs apps in a sub-interpreter, where the agent is not supported.`,
    }),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
