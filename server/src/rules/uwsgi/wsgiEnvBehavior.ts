import { defineRule, Finding } from '../types';
import { checkNeed } from '../agentNeeds';
import { hasExpansion } from '../../model/uwsgiConfig';
import { RequiredFlagFinding, missingOption, requiredFlagFixes } from './requiredFlag';
import { message } from '../../l10n/message';

const HOLY = { text: 'holy' };

export const wsgiEnvBehaviorRule = defineRule({
  id: 'uwsgi/wsgi-env-behavior',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'information',
  needs: ['uwsgi-wsgi-env-holy'],
  docs: {
    summary: 'uWSGI 2.0 builds the WSGI environ its default `cheat` way, which New Relic\'s uWSGI page advises against.',
    details:
      'uWSGI 2.0.x reuses one environ dictionary per request slot unless `wsgi-env-behavior = holy` asks for a fresh ' +
      'one each time (the `cheat` default; 2.1 changes it). New Relic\'s older uWSGI page asks for `holy`, since in ' +
      'some environments the agent can otherwise crash with a SystemError. It is information only, and the rule ' +
      'stays quiet when the project pins uWSGI 2.1 or later. The fix adds `wsgi-env-behavior = holy`, or changes ' +
      'another value to it.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = NEW_RELIC_CONFIG_FILE=newrelic.ini', 'enable-threads = true', 'single-interpreter = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = NEW_RELIC_CONFIG_FILE=newrelic.ini', 'enable-threads = true', 'single-interpreter = true', 'wsgi-env-behavior = holy'],
    },
    fix: 'The quick fix adds `wsgi-env-behavior = holy` to `[uwsgi]`, or sets an existing `wsgi-env-behavior` to `holy`.',
    silence: 'When the deployment runs a uWSGI whose default is `holy` (2.1), or you have seen the agent work with `cheat`.',
  },
  check: (document) =>
    checkNeed(document, 'uwsgi-wsgi-env-holy', (what): Finding<RequiredFlagFinding>[] => {
      const config = document.uwsgi;
      const option = config.lastOfAliases('wsgi-env-behavior');
      if (!option) return missingOption(config, 'wsgi-env-behavior', message('uwsgi/wsgi-env-behavior.missing', { consequences: what }), HOLY);
      const value = option.entry.value.trim();
      if (value === HOLY.text || !option.local || option.conditional || option.opaque || hasExpansion(value)) return [];
      return [{ range: option.entry.valueRange, message: message('uwsgi/wsgi-env-behavior.other', { key: option.entry.key, value, consequences: what }), data: { problem: 'off', key: option.entry.key, option, value: HOLY } }];
    }),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
