import { THREADS_ALWAYS_ON, describeUwsgiVersion } from './uwsgiVersion';
import { allowsOnlyFrom } from '../../model/projectVersion';
import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';

export const enableThreadsRule = defineRule({
  id: 'uwsgi/enable-threads',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'Python thread support is off, so the agent never reports.',
    details:
      'uWSGI up to 2.0.26 starts Python without thread support unless `enable-threads` is on or a `threads` line is ' +
      'present. The agent sends its data from a background thread, which then never runs. From 2.0.27 on threads are ' +
      'always on, so the rule stays quiet when the project pins such a version (requirements files, pyproject.toml, ' +
      'Pipfile, poetry.lock, setup.cfg, or the `uwsgiVersion` setting). The fix adds `enable-threads = true` to ' +
      '`[uwsgi]`, or turns an explicit `enable-threads = false` back on.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true'],
    },
    fix: 'The quick fix adds `enable-threads = true` to `[uwsgi]`, or sets an `enable-threads` that is off back to a true value. A `threads = N` line turns threads on as well.',
    silence: 'Only when the servers run uWSGI 2.0.27 or later; better, pin that version (requirements file, `pydeploy.uwsgiVersion` or `uwsgi-version` in `[tool.pydeploy]`) and the rule stays quiet by itself.',
  },
  check: (document) => {
    if (allowsOnlyFrom(document.uwsgiVersion, THREADS_ALWAYS_ON)) return [];
    const version = describeUwsgiVersion(document.uwsgiVersion);
    return checkRequiredFlag(
      document.uwsgi,
      'enable-threads',
      {
        missing: `Python threads are off (no \`enable-threads\` or \`threads\`), so the agent's reporting thread never runs ${version}.`,
        off: (value) => `\`enable-threads = ${value}\` turns Python threads off, so the agent's reporting thread never runs ${version}.`,
      },
      // `threads`, `py-autoreload`, `gevent`... turn thread support on, unless `enable-threads` is off (2.0.21 measured).
      (config) => config.threadSupport() !== 'off',
    );
  },
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
