import type { AgentProfile } from './profile';

const DOCS = 'elastic/apm-agent-python@f2f3a67e:docs/reference/flask-support.md:33';

export const ELASTIC: AgentProfile = {
  id: 'elastic',
  name: 'Elastic APM',
  docs: 'https://www.elastic.co/guide/en/apm/agent/python/current/django-support.html',
  signals: {
    packages: ['elastic-apm'],
    configFiles: [],
    environment: ['ELASTIC_APM_SERVER_URL', 'ELASTIC_APM_SERVICE_NAME', 'ELASTIC_APM_SECRET_TOKEN'],
    environmentPrefixes: ['ELASTIC_APM_'],
    wrappers: ['elasticapm-run'],
    uwsgiImports: [],
    code: [/\bimport\s+elasticapm\b/, /\bfrom\s+elasticapm\b/, /\bElasticAPM\s*\(/],
  },
  startCalls: [/\bElasticAPM\s*\(/, /\belasticapm\.Client\s*\(/],
  workerStart: ['import elasticapm', '', 'elasticapm.Client()'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.elastic.uwsgi-threads',
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [{ source: DOCS, quote: 'make sure to enable threads (enabled by default since 2.0.27) and py-call-uwsgi-fork-hooks' }],
    },
    {
      need: 'uwsgi-fork-hooks',
      impact: 'breaks',
      consequence: 'consequence.elastic.uwsgi-fork-hooks',
      evidence: [{ source: DOCS }, { source: 'https://github.com/elastic/apm-agent-python/pull/2311' }],
    },
  ],
};
