import type { AgentProfile } from './profile';

/**
 * Scout documents nothing for uWSGI or Gunicorn; its core stops its socket thread once launched so that no thread
 * runs before a fork (scoutapp/scout_apm_python@dbc2829a:src/scout_apm/core/__init__.py:47-49). Its threads still
 * need Python thread support in uWSGI, like every agent that reports from a thread.
 */
export const SCOUT: AgentProfile = {
  id: 'scout',
  name: 'Scout APM',
  docs: 'https://scoutapm.com/docs/python',
  signals: {
    packages: ['scout-apm'],
    configFiles: [],
    environment: ['SCOUT_KEY', 'SCOUT_MONITOR', 'SCOUT_NAME'],
    environmentPrefixes: ['SCOUT_'],
    wrappers: [],
    uwsgiImports: [],
    code: [/\bimport\s+scout_apm\b/, /\bfrom\s+scout_apm\b/, /\bScoutApm\s*\(/],
  },
  startCalls: [],
  workerStart: [],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.scout.uwsgi-threads',
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [{ source: 'scoutapp/scout_apm_python@dbc2829a:src/scout_apm/core/__init__.py:47-49' }, { source: 'https://github.com/scoutapp/scout_apm_python/issues/577' }],
    },
  ],
};
