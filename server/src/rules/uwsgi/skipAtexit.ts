import { defineRule } from '../types';
import { checkNeed } from '../agentNeeds';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { ATEXIT_FIXED, describeUwsgiBefore } from './uwsgiVersion';
import { lazyLoading } from './lazyLoading';
import { message } from '../../l10n/message';

export const skipAtexitRule = defineRule({
  id: 'uwsgi/skip-atexit',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  needs: ['uwsgi-skip-atexit'],
  docs: {
    summary: '`lazy-apps` (or `lazy`) without `skip-atexit` on a uWSGI older than 2.0.30.',
    details:
      'uWSGI before 2.0.30 installs its atexit handler wrongly when the app loads in each worker (`lazy-apps` or ' +
      '`lazy`); 2.0.30 fixed it. Datadog\'s tracer checks for that combination on those versions and warns that ' +
      'native extensions may crash at exit, and says a later release will refuse it. `skip-atexit` avoids it. The ' +
      'rule stays quiet when the project pins uWSGI 2.0.30 or later.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'enable-threads = true', 'lazy-apps = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'enable-threads = true', 'lazy-apps = true', 'skip-atexit = true'],
    },
    fix: 'The quick fix adds `skip-atexit = true` to `[uwsgi]`, or turns an explicit `skip-atexit = false` on.',
    silence: 'When the deployment runs uWSGI 2.0.30 or later: better, pin that version (requirements file, `pydeploy.uwsgiVersion`) and the rule stays quiet.',
  },
  check: (document) =>
    checkNeed(document, 'uwsgi-skip-atexit', (what) => {
      const config = document.uwsgi;
      const lazy = lazyLoading(config);
      if (lazy.state !== 'on' || !lazy.option) return [];
      const version = describeUwsgiBefore(document.uwsgiVersion, ATEXIT_FIXED);
      const { key } = lazy.option.entry;
      return checkRequiredFlag(config, 'skip-atexit', {
        missing: message('uwsgi/skip-atexit.missing', { key, version, consequences: what }),
        off: (value) => message('uwsgi/skip-atexit.off', { value, key, version, consequences: what }),
      });
    }),
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
