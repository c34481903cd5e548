import type { AgentProfile } from './profile';

const BEFORE_YOU_BEGIN =
  'https://help.splunk.com/en/appdynamics-saas/application-performance-monitoring/25.6.0/install-app-server-agents/python-agent/install-the-python-agent/before-you-begin';

export const APP_DYNAMICS: AgentProfile = {
  id: 'appdynamics',
  name: 'AppDynamics',
  docs: BEFORE_YOU_BEGIN,
  signals: {
    packages: ['appdynamics'],
    configFiles: [/^appdynamics[\w.-]*\.cfg$/],
    environment: ['APPD_CONFIG_FILE', 'APPD_WSGI_MODULE', 'APPD_WSGI_SCRIPT_ALIAS'],
    environmentPrefixes: ['APPD_'],
    wrappers: ['pyagent run'],
    uwsgiImports: [],
    code: [/\bimport\s+appdynamics\b/, /\bfrom\s+appdynamics\b/],
  },
  startCalls: [],
  workerStart: [],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.appdynamics.uwsgi-threads',
      explicitOnly: true,
      evidence: [{ source: BEFORE_YOU_BEGIN, quote: 'If you are using uWSGI, set enable-threads=1' }],
    },
  ],
};
