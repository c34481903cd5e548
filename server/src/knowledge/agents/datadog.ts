import type { AgentProfile } from './profile';

const UWSGI_DOCS = 'DataDog/dd-trace-py@3bb9ecda:docs/advanced_usage.rst:492-540';
const CHECK_UWSGI = 'DataDog/dd-trace-py@3bb9ecda:ddtrace/internal/uwsgi.py:42-107';

export const DATADOG: AgentProfile = {
  id: 'datadog',
  name: 'Datadog',
  docs: 'https://ddtrace.readthedocs.io/en/stable/advanced_usage.html#uwsgi',
  signals: {
    packages: ['ddtrace'],
    configFiles: [],
    environment: ['DD_SERVICE', 'DD_ENV', 'DD_VERSION', 'DD_TRACE_ENABLED', 'DD_PROFILING_ENABLED', 'DD_AGENT_HOST'],
    environmentPrefixes: ['DD_'],
    wrappers: ['ddtrace-run'],
    uwsgiImports: ['ddtrace.auto', 'ddtrace.bootstrap.sitecustomize'],
    code: [/\bimport\s+ddtrace\b/, /\bfrom\s+ddtrace\b/, /\bddtrace\.auto\b/],
  },
  startCalls: [/\bimport\s+ddtrace\.auto\b/, /\bpatch_all\s*\(/],
  workerStart: ['import ddtrace.auto  # noqa: F401'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.datadog.uwsgi-threads',
      explicitOnly: true,
      evidence: [{ source: CHECK_UWSGI, quote: 'enable-threads option must be set to true, or a positive number of threads must be set' }, { source: 'DataDog/dd-trace-py@3bb9ecda:ddtrace/internal/products.py:266-289' }],
    },
    {
      need: 'uwsgi-lazy-apps',
      impact: 'breaks',
      consequence: 'consequence.datadog.uwsgi-lazy-apps',
      evidence: [{ source: UWSGI_DOCS }, { source: 'https://github.com/DataDog/dd-trace-py/issues/2834' }],
    },
    {
      need: 'uwsgi-master',
      impact: 'breaks',
      consequence: 'consequence.datadog.uwsgi-master',
      evidence: [{ source: CHECK_UWSGI, quote: 'master option must be enabled when multiple processes are used' }],
    },
    {
      need: 'uwsgi-skip-atexit',
      impact: 'degrades',
      consequence: 'consequence.datadog.uwsgi-skip-atexit',
      versions: { uwsgiBelow: '2.0.30' },
      evidence: [{ source: CHECK_UWSGI, quote: 'skip-atexit option must be set when lazy-apps or lazy is set for uwsgi<2.0.30' }],
    },
    { need: 'uwsgi-import', impact: 'breaks', consequence: 'consequence.datadog.uwsgi-import', evidence: [{ source: UWSGI_DOCS }] },
    { need: 'uwsgi-no-gevent-monkey-patch', impact: 'breaks', consequence: 'consequence.datadog.uwsgi-no-gevent-monkey-patch', evidence: [{ source: UWSGI_DOCS }] },
    {
      need: 'uwsgi-no-wrapper',
      impact: 'breaks',
      consequence: 'consequence.datadog.uwsgi-no-wrapper',
      evidence: [
        {
          source: 'DataDog/dd-trace-py@3bb9ecda:ddtrace/commands/ddtrace_run.py:133-142',
          quote: 'ddtrace-run has known compatibility issues with uWSGI where the tracer is not started properly in uWSGI workers',
        },
        { source: UWSGI_DOCS, quote: 'ddtrace-run is not supported with uWSGI' },
      ],
    },
    {
      need: 'gunicorn-gevent-patch-first',
      impact: 'degrades',
      consequence: 'consequence.datadog.gunicorn-gevent-patch-first',
      evidence: [{ source: 'DataDog/dd-trace-py@3bb9ecda:ddtrace/contrib/internal/gunicorn/__init__.py' }, { source: 'https://github.com/DataDog/dd-trace-py/issues/1624' }],
    },
  ],
};
