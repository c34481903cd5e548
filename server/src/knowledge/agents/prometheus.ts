import type { AgentProfile } from './profile';

const MULTIPROCESS_DOC = 'prometheus/client_python@d0b497ff:docs/content/multiprocess/_index.md:29-82';

/** The Prometheus client counts only in multiprocess mode here: a single-process registry is per worker anyway. */
export const PROMETHEUS: AgentProfile = {
  id: 'prometheus',
  name: 'Prometheus client',
  docs: 'https://prometheus.github.io/client_python/multiprocess/',
  signals: {
    packages: [],
    configFiles: [],
    environment: ['PROMETHEUS_MULTIPROC_DIR', 'prometheus_multiproc_dir'],
    environmentPrefixes: [],
    wrappers: [],
    uwsgiImports: [],
    code: [/\bMultiProcessCollector\s*\(/, /\bmark_process_dead\s*\(/, /\bprometheus_client\.multiprocess\b/, /\bfrom\s+prometheus_client\s+import\s+[^\n]*\bmultiprocess\b/],
  },
  startCalls: [],
  workerStart: [],
  requirements: [
    {
      need: 'multiprocess-dir',
      impact: 'breaks',
      consequence: 'consequence.prometheus.multiprocess-dir',
      evidence: [
        { source: MULTIPROCESS_DOC, quote: 'should be set from a start-up shell script, and not directly from Python (otherwise it may not propagate to child processes)' },
        { source: 'prometheus/client_python@d0b497ff:prometheus_client/multiprocess.py:25-30', quote: 'env PROMETHEUS_MULTIPROC_DIR is not set or not a directory' },
      ],
    },
    {
      need: 'gunicorn-child-exit',
      impact: 'degrades',
      consequence: 'consequence.prometheus.gunicorn-child-exit',
      evidence: [{ source: MULTIPROCESS_DOC }],
    },
  ],
};
