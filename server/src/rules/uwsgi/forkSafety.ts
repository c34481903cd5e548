import { defineRule, Finding, Fix } from '../types';
import { checkNeed } from '../agentNeeds';
import { allowsOnlyBelow } from '../../model/projectVersion';
import { RequiredFlagFinding, checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { FORK_HOOKS_FROM, describeUwsgiBefore } from './uwsgiVersion';
import { lazyLoading } from './lazyLoading';
import { message } from '../../l10n/message';

interface ForkSafetyData {
  /** What the preferred fix sets: `py-call-uwsgi-fork-hooks`, or `lazy-apps` where the pinned uWSGI lacks the hooks. */
  preferred: RequiredFlagFinding;
  /** `lazy-apps`, the other way out, when the hooks are the preferred one. */
  alternative?: RequiredFlagFinding;
}

const HOOKS = 'py-call-uwsgi-fork-hooks';

export const forkSafetyRule = defineRule({
  id: 'uwsgi/fork-safety',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  needs: ['uwsgi-fork-hooks'],
  docs: {
    summary: 'The app loads in the master before the fork, and the agent\'s after-fork hooks never run in the workers.',
    details:
      'Without `lazy-apps` (or `lazy`) uWSGI loads the app in the master and forks the workers with the C `fork()`, ' +
      'which skips the hooks Python code registers with `os.register_at_fork`. Sentry, Elastic APM and ' +
      'OpenTelemetry restart their background threads (batch processors, transports) in such hooks; without them a ' +
      'worker inherits a dead thread and its locks, reports nothing, or hangs. `py-call-uwsgi-fork-hooks` (uWSGI ' +
      '2.0.21 and later) makes uWSGI run the hooks around every fork; like every Python thread they need thread ' +
      'support on (`enable-threads`), as uWSGI 2.0.21 shows. `lazy-apps` avoids the problem by loading the app, and ' +
      'the agent, in each worker. When the project pins a uWSGI older than 2.0.21 the hooks option does not exist ' +
      'there, and only `lazy-apps` is offered.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = SENTRY_DSN=https://key@sentry.example/1', 'master = true', 'processes = 4', 'enable-threads = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = SENTRY_DSN=https://key@sentry.example/1', 'master = true', 'processes = 4', 'enable-threads = true', 'py-call-uwsgi-fork-hooks = true'],
    },
    fix: 'The preferred quick fix adds `py-call-uwsgi-fork-hooks = true` (or turns an explicit `false` on); the other adds `lazy-apps = true`. With a pinned uWSGI older than 2.0.21 only `lazy-apps` is offered.',
    silence: 'When the agent is started in each worker some other way (a `postfork` function of the app), so nothing of it exists in the master at fork time.',
  },
  check: (document) =>
    checkNeed(document, 'uwsgi-fork-hooks', (what): Finding<ForkSafetyData>[] => {
      const config = document.uwsgi;
      if (lazyLoading(config).state !== 'off') return [];
      if (allowsOnlyBelow(document.uwsgiVersion, FORK_HOOKS_FROM)) {
        // The option is unknown there: uWSGI reads such a line as a placeholder and runs no hook.
        const version = describeUwsgiBefore(document.uwsgiVersion, FORK_HOOKS_FROM);
        const hooks = config.flag(HOOKS).option;
        return checkRequiredFlag(config, 'lazy-apps', {
          missing: message(hooks?.local ? 'uwsgi/fork-safety.hooks-absent-no-lazy' : 'uwsgi/fork-safety.no-lazy-hooks-absent', { hooks: HOOKS, version, consequences: what }),
          off: (value) => message('uwsgi/fork-safety.lazy-off-hooks-absent', { value, hooks: HOOKS, version, consequences: what }),
        }).map((finding) => ({ ...finding, ...(hooks?.local && finding.data.problem === 'missing' ? { range: hooks.entry.keyRange } : {}), data: { preferred: finding.data } }));
      }
      // Only the data is kept, for the other fix: where `lazy-apps` goes in, or the line that turns it off.
      const alternative = checkRequiredFlag(config, 'lazy-apps', { missing: '', off: () => '' })[0]?.data;
      return checkRequiredFlag(config, HOOKS, {
        missing: message('uwsgi/fork-safety.missing', { hooks: HOOKS, consequences: what }),
        off: (value) => message('uwsgi/fork-safety.off', { hooks: HOOKS, value, consequences: what }),
      }).map((finding) => ({ ...finding, data: { preferred: finding.data, ...(alternative ? { alternative } : {}) } }));
    }),
  fixes: (_document, { data }): Fix[] => [
    ...requiredFlagFixes({ data: data.preferred }),
    ...(data.alternative ? requiredFlagFixes({ data: data.alternative }).map((fix) => ({ ...fix, title: message('uwsgi/fork-safety.instead', { fix: fix.title }), isPreferred: false })) : []),
  ],
});

