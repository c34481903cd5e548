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
  },
  check: (document) =>
    checkRequiredFlag(document.uwsgi, 'single-interpreter', {
      missing: '`single-interpreter` is not on: apps run in a sub-interpreter, where the agent is not supported.',
      off: (value) => `\`single-interpreter = ${value}\` runs apps in a sub-interpreter, where the agent is not supported.`,
    }),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
