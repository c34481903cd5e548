import type { AgentProfile } from './profile';

const UWSGI_PAGE = 'https://docs.newrelic.com/docs/apm/agents/python-agent/web-frameworks-servers/python-agent-uwsgi-web-server/';
const GUNICORN_PAGE = 'https://docs.newrelic.com/docs/apm/agents/python-agent/web-frameworks-servers/python-agent-gunicorn-wsgi-web-server/';
const CHECK_ENVIRONMENT = {
  source: 'newrelic/newrelic-python-agent@e3c9c1d0:newrelic/core/agent.py:71-79',
  quote:
    'The New Relic Python Agent requires that when using uWSGI that the enable-threads option be given to uwsgi when it is run. If the option is not supplied then threading will not be enabled and you will see no data being reported by the agent.',
};

export const NEW_RELIC: AgentProfile = {
  id: 'newrelic',
  name: 'New Relic',
  docs: UWSGI_PAGE,
  signals: {
    packages: ['newrelic'],
    configFiles: [/^newrelic[\w.-]*\.ini$/],
    environment: ['NEW_RELIC_CONFIG_FILE', 'NEW_RELIC_LICENSE_KEY', 'NEW_RELIC_APP_NAME', 'NEW_RELIC_ENVIRONMENT'],
    environmentPrefixes: ['NEW_RELIC_'],
    wrappers: ['newrelic-admin run-program'],
    uwsgiImports: ['newrelic', 'newrelic.agent'],
    code: [/\bimport\s+newrelic\b/, /\bfrom\s+newrelic\b/, /\bnewrelic\.agent\.initialize\s*\(/],
  },
  startCalls: [/\bnewrelic\.agent\.register_application\s*\(/, /\bregister_application\s*\(/],
  workerStart: ['import newrelic.agent', '', 'newrelic.agent.register_application(timeout=10.0)'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.newrelic.uwsgi-threads',
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [{ source: UWSGI_PAGE }, CHECK_ENVIRONMENT],
    },
    {
      // With threads on some other way (`threads`, `gevent`, uWSGI 2.0.27's default) the agent works, but it reads
      // only the options given (`uwsgi.opt`) and warns at every start that it will report nothing.
      need: 'uwsgi-threads',
      impact: 'noise',
      consequence: 'consequence.newrelic.uwsgi-threads-warning',
      enableThreadsOnly: true,
      explicitOnly: true,
      evidence: [CHECK_ENVIRONMENT],
    },
    { need: 'uwsgi-single-interpreter', impact: 'degrades', consequence: 'consequence.newrelic.uwsgi-single-interpreter', evidence: [{ source: UWSGI_PAGE }] },
    {
      need: 'uwsgi-wsgi-env-holy',
      impact: 'noise',
      consequence: 'consequence.newrelic.uwsgi-wsgi-env-holy',
      versions: { uwsgiBelow: '2.1' },
      evidence: [{ source: 'https://docs.newrelic.com/docs/agents/python-agent/hosting-mechanisms/python-agent-uwsgi' }, { source: 'unbit/uwsgi@uwsgi-2.0:plugins/python/python_plugin.c:1130-1133' }],
    },
    {
      need: 'gunicorn-start-after-fork',
      impact: 'breaks',
      consequence: 'consequence.newrelic.gunicorn-start-after-fork',
      evidence: [
        { source: GUNICORN_PAGE },
        {
          source: 'newrelic/newrelic-python-agent@e3c9c1d0:newrelic/core/agent.py:380-399',
          quote: 'Attempt to activate application in a process different to where the agent harvest thread was started. No data will be reported for this process',
        },
      ],
    },
  ],
};
