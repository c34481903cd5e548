import { defineRule, Finding, Fix } from '../types';
import { checkNeed } from '../agentNeeds';
import { quoted } from '../quoted';
import type { UwsgiOption } from '../../model/uwsgiConfig';
import { message } from '../../l10n/message';

/** The gevent plugin's options that patch the standard library (threading included) for the app. */
const MONKEY_PATCH_OPTIONS = ['gevent-monkey-patch', 'gevent-early-monkey-patch'];

export const geventMonkeyPatchRule = defineRule({
  id: 'uwsgi/gevent-monkey-patch',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  needs: ['uwsgi-no-gevent-monkey-patch'],
  docs: {
    summary: 'uWSGI\'s gevent plugin patches the standard library for the app, which the agent does not support.',
    details:
      '`gevent-monkey-patch` and `gevent-early-monkey-patch` make uWSGI call gevent\'s `monkey.patch_all()`, ' +
      'threading included, before the app runs. Datadog\'s uWSGI guide says not to: its tracer needs real threads, ' +
      'and the app should patch gevent itself, at the top of the module uWSGI loads ' +
      '(`from gevent import monkey; monkey.patch_all()`), where the order of imports is the app\'s to choose. The fix ' +
      'removes the line; it is not applied by "fix all", since the app must then patch gevent itself.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'gevent = 100', 'gevent-monkey-patch = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'gevent = 100'],
    },
    fix: 'The quick fix removes the line; patch gevent at the top of the app\'s module instead. An option on a launch line is left to you.',
    silence: 'When the agent named in the message is not used by the processes this config starts.',
  },
  check: (document) =>
    checkNeed(document, 'uwsgi-no-gevent-monkey-patch', (what): Finding<UwsgiOption>[] =>
      MONKEY_PATCH_OPTIONS.flatMap((key) => {
        const { state, option } = document.uwsgi.flag(key);
        if (state !== 'on' || !option?.local) return [];
        return [{ range: option.entry.keyRange, message: message('uwsgi/gevent-monkey-patch.found', { key, consequences: what }), data: option }];
      }),
    ),
  fixes: (_document, { data: option }): Fix[] => {
    // A word of a launch line, or a `set = key=value` line that may set more, is not a line of its own to remove.
    if (option.origin !== 'ini' || option.viaSet) return [];
    // Not preferred: without the option the app must patch gevent itself, which no fix here can write.
    return [{ title: message('uwsgi/gevent-monkey-patch.fix', { key: quoted(option.entry.key) }), isPreferred: false, changes: [{ kind: 'delete-line', line: option.entry.line }] }];
  },
});
