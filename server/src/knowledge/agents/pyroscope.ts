import type { AgentProfile } from './profile';

export const PYROSCOPE: AgentProfile = {
  id: 'pyroscope',
  name: 'Pyroscope',
  docs: 'https://github.com/grafana/pyroscope/pull/5364',
  signals: {
    packages: ['pyroscope-io', 'pyroscope-otel'],
    configFiles: [],
    environment: ['PYROSCOPE_SERVER_ADDRESS', 'PYROSCOPE_APPLICATION_NAME'],
    environmentPrefixes: ['PYROSCOPE_'],
    wrappers: [],
    uwsgiImports: [],
    code: [/\bimport\s+pyroscope\b/, /\bpyroscope\.configure\s*\(/],
  },
  startCalls: [/\bpyroscope\.configure\s*\(/],
  workerStart: ['import pyroscope', '', 'pyroscope.configure()'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.pyroscope.uwsgi-threads',
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [{ source: 'https://github.com/grafana/pyroscope/pull/5364' }],
    },
    {
      need: 'uwsgi-lazy-apps',
      impact: 'breaks',
      consequence: 'consequence.pyroscope.uwsgi-lazy-apps',
      evidence: [{ source: 'https://github.com/grafana/pyroscope/pull/5364', quote: 'the Python SDK is not safe when fork() happens after pyroscope.configure() starts background threads' }],
    },
    {
      need: 'gunicorn-start-after-fork',
      impact: 'breaks',
      consequence: 'consequence.pyroscope.gunicorn-start-after-fork',
      evidence: [{ source: 'https://github.com/grafana/pyroscope/pull/5364' }],
    },
  ],
};
