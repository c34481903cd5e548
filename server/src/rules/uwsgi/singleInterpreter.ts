import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { message } from '../../l10n/message';

export const singleInterpreterRule = defineRule({
  id: 'uwsgi/single-interpreter',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  needs: ['uwsgi-single-interpreter'],
  docs: {
    summary: 'Apps run in sub-interpreters instead of the main Python interpreter.',
    details:
      'Without `single-interpreter`, uWSGI gives each app a Python sub-interpreter. Tingyun\'s and New Relic\'s ' +
      'deployment guides ask for one interpreter per process, since sub-interpreters and their background threads do ' +
      'not mix well. The rule runs when the project uses one of them, or no agent pydeploy can name. The fix adds ' +
      '`single-interpreter = true`.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'lazy-apps = true', 'single-interpreter = true'],
    },
    fix: 'The quick fix adds `single-interpreter = true` to `[uwsgi]`, or turns an explicit `single-interpreter = false` on.',
    silence: 'When the process really hosts several apps that must stay apart in sub-interpreters, and you accept that the agent is not supported there.',
  },
  check: (document) => {
    const holders = needHolders(document, 'uwsgi-single-interpreter');
    if (holders.length === 0) return [];
    const what = consequences(holders);
    return checkRequiredFlag(document.uwsgi, 'single-interpreter', {
      missing: message('uwsgi/single-interpreter.missing', { consequences: what }),
      off: (value) => message('uwsgi/single-interpreter.off', { value, consequences: what }),
    }).map((finding) => forAgents(finding, holders, document.path));
  },
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
