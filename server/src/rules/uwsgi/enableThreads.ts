import { THREADS_ALWAYS_ON, describeUwsgiVersion } from './uwsgiVersion';
import { allowsOnlyFrom } from '../../model/projectVersion';
import type { UwsgiConfig } from '../../model/uwsgiConfig';
import { defineRule } from '../types';
import { checkRequiredFlag, requiredFlagFixes } from './requiredFlag';
import { NeedHolder, consequences, forAgents, needHolders } from '../agentNeeds';
import { message } from '../../l10n/message';

/** `threads = N` above 0, given outright: what the agents that read uWSGI's options accept besides `enable-threads`. */
function givesThreads(config: UwsgiConfig): boolean {
  const threads = config.last('threads');
  return threads !== undefined && !threads.conditional && !threads.opaque && Number.parseInt(threads.entry.value.trim(), 10) > 0;
}

/** Whether the config gives what one agent's thread requirement asks for, `enable-threads` being neither on nor unknown. */
function meets(config: UwsgiConfig, { requirement }: NeedHolder): boolean {
  if (requirement.enableThreadsOnly) return false;
  // `threads`, `py-autoreload`, `gevent`... turn thread support on, unless `enable-threads` is off (2.0.21 measured).
  const threadsOn = config.threadSupport() !== 'off';
  return requirement.explicitOnly ? threadsOn && givesThreads(config) : threadsOn;
}

export const enableThreadsRule = defineRule({
  id: 'uwsgi/enable-threads',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  needs: ['uwsgi-threads'],
  docs: {
    summary: 'Python thread support is off, or not given the way the agent checks it, so the agent does not report.',
    details:
      'uWSGI up to 2.0.26 starts Python without thread support unless `enable-threads` is on or a `threads` line is ' +
      'present, and APM agents send their data from a background thread, which then never runs. From 2.0.27 on ' +
      'threads are always on, which is enough for some agents (the rule then stays quiet when the project pins such a ' +
      'version in a requirements file, pyproject.toml, Pipfile, poetry.lock, setup.cfg, or the `uwsgiVersion` ' +
      'setting). Others read the options uWSGI was given (`uwsgi.opt`) and want `enable-threads` (Datadog, Sentry and ' +
      'AppDynamics accept `threads` too) on every version: Datadog then does not start its tracer at all. The message ' +
      'names the agents the project uses and what each loses. The fix adds `enable-threads = true` to `[uwsgi]`, or ' +
      'turns an explicit `enable-threads = false` back on.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = true', 'processes = 4', 'enable-threads = true'],
    },
    fix: 'The quick fix adds `enable-threads = true` to `[uwsgi]`, or sets an `enable-threads` that is off back to a true value.',
    silence: 'Only when no agent of the project needs it: on uWSGI 2.0.27 or later with an agent that does not read uWSGI\'s options; better, pin that version (requirements file, `pydeploy.uwsgiVersion` or `uwsgi-version` in `[tool.pydeploy]`) and name the agent (`pydeploy.agents`).',
  },
  check: (document) => {
    const config = document.uwsgi;
    const holders = needHolders(document, 'uwsgi-threads');
    const enableThreads = config.flag('enable-threads').state;
    if (holders.length === 0 || enableThreads === 'on' || enableThreads === 'unknown') return [];
    const unmet = holders.filter((holder) => !meets(config, holder));
    if (unmet.length === 0) return [];
    const what = consequences(unmet);
    const threadsOn = config.threadSupport() !== 'off' || allowsOnlyFrom(document.uwsgiVersion, THREADS_ALWAYS_ON);
    const version = describeUwsgiVersion(document.uwsgiVersion);
    const missing = threadsOn
      ? message('uwsgi/enable-threads.threads-elsewhere', { consequences: what })
      : message('uwsgi/enable-threads.missing', { version, consequences: what });
    const findings = checkRequiredFlag(config, 'enable-threads', { missing, off: (value) => message('uwsgi/enable-threads.off', { value, version, consequences: what }) });
    return findings.map((finding) => forAgents(finding, unmet, document.path));
  },
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
