import type { AgentProfile } from './profile';

const PYPI = 'https://pypi.org/project/tingyun/1.3.2';
/** The deployment requirements pydeploy was first built from (Tingyun's deployment page for uWSGI, Gunicorn and Tornado). */
const DEPLOYMENT_PAGE = { source: PYPI, quote: 'uWSGI: --enable-threads (unless --threads), --single-interpreter, --lazy-apps; Gunicorn: gevent workers; Tornado 3.x/4.x' };

export const TINGYUN: AgentProfile = {
  id: 'tingyun',
  name: 'Tingyun',
  docs: PYPI,
  signals: {
    packages: ['tingyun', 'tingyun-agent-python'],
    configFiles: [/^tingyun[\w.-]*\.ini$/],
    environment: ['TING_YUN_CONFIG_FILE', 'TING_YUN_STARTUP_DEBUG'],
    environmentPrefixes: [],
    wrappers: ['tingyun-admin run-program'],
    uwsgiImports: ['tingyun'],
    code: [/\bfrom\s+tingyun\b/, /\bimport\s+tingyun\b/, /\binit_tingyun_agent\s*\(/],
  },
  startCalls: [/\binit_tingyun_agent\s*\(/],
  workerStart: ['from tingyun.api import init_tingyun_agent', '', 'init_tingyun_agent()'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.tingyun.uwsgi-threads',
      // From 2.0.27 uWSGI always starts Python with threads, which is all this agent needs.
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [DEPLOYMENT_PAGE],
    },
    { need: 'uwsgi-single-interpreter', impact: 'degrades', consequence: 'consequence.tingyun.uwsgi-single-interpreter', evidence: [DEPLOYMENT_PAGE] },
    { need: 'uwsgi-lazy-apps', impact: 'degrades', consequence: 'consequence.tingyun.uwsgi-lazy-apps', evidence: [DEPLOYMENT_PAGE] },
    { need: 'gunicorn-no-preload', impact: 'degrades', consequence: 'consequence.tingyun.gunicorn-no-preload', evidence: [DEPLOYMENT_PAGE] },
    { need: 'tornado-wsgi-adapter-mode', impact: 'degrades', consequence: 'consequence.tingyun.tornado-wsgi-adapter-mode', evidence: [DEPLOYMENT_PAGE] },
    { need: 'tornado-version', impact: 'degrades', consequence: 'consequence.tingyun.tornado-version', evidence: [DEPLOYMENT_PAGE] },
  ],
};
