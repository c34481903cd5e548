import type { AgentProfile } from './profile';

const FORK_MODEL = 'open-telemetry/opentelemetry-python@0a5d76b6:docs/examples/fork-process-model/README.rst';

export const OPEN_TELEMETRY: AgentProfile = {
  id: 'opentelemetry',
  name: 'OpenTelemetry',
  docs: 'https://opentelemetry-python.readthedocs.io/en/latest/examples/fork-process-model/README.html',
  signals: {
    packages: ['opentelemetry-sdk', 'opentelemetry-distro', 'opentelemetry-instrumentation', 'opentelemetry-exporter-otlp', 'opentelemetry-exporter-otlp-proto-grpc', 'opentelemetry-exporter-otlp-proto-http'],
    configFiles: [],
    environment: ['OTEL_SERVICE_NAME', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_TRACES_EXPORTER', 'OTEL_METRICS_EXPORTER', 'OTEL_LOGS_EXPORTER', 'OTEL_RESOURCE_ATTRIBUTES'],
    environmentPrefixes: ['OTEL_'],
    wrappers: ['opentelemetry-instrument'],
    uwsgiImports: ['opentelemetry.instrumentation.auto_instrumentation.sitecustomize'],
    code: [/\bfrom\s+opentelemetry\b/, /\bimport\s+opentelemetry\b/],
  },
  startCalls: [/\bBatchSpanProcessor\s*\(/, /\bPeriodicExportingMetricReader\s*\(/, /\bMeterProvider\s*\(/, /\bBatchLogRecordProcessor\s*\(/],
  workerStart: [
    'from opentelemetry import trace',
    'from opentelemetry.sdk.trace import TracerProvider',
    'from opentelemetry.sdk.trace.export import BatchSpanProcessor',
    'from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter',
    '',
    'provider = TracerProvider()',
    'provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))',
    'trace.set_tracer_provider(provider)',
  ],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.opentelemetry.uwsgi-threads',
      versions: { uwsgiBelow: '2.0.27' },
      evidence: [{ source: 'open-telemetry/opentelemetry-python@0a5d76b6:docs/examples/fork-process-model/flask-uwsgi/README.rst' }],
    },
    {
      need: 'uwsgi-fork-hooks',
      impact: 'breaks',
      consequence: 'consequence.opentelemetry.uwsgi-fork-hooks',
      evidence: [
        { source: FORK_MODEL, quote: 'The BatchSpanProcessor is not fork-safe and doesn\'t work well with application servers (Gunicorn, uWSGI)' },
        { source: 'open-telemetry/opentelemetry-python@0a5d76b6:opentelemetry-sdk/src/opentelemetry/sdk/_shared_internal/__init__.py:117-124' },
      ],
    },
    {
      need: 'uwsgi-no-wrapper',
      impact: 'breaks',
      consequence: 'consequence.opentelemetry.uwsgi-no-wrapper',
      evidence: [{ source: 'https://github.com/open-telemetry/opentelemetry-python-contrib/issues/675' }, { source: FORK_MODEL }],
    },
    {
      need: 'gunicorn-start-after-fork',
      impact: 'breaks',
      consequence: 'consequence.opentelemetry.gunicorn-start-after-fork',
      evidence: [{ source: FORK_MODEL }, { source: 'https://github.com/open-telemetry/opentelemetry-python/issues/2038' }],
    },
    {
      // Open upstream: the metric reader built in a preloaded master deadlocks once the gevent workers patch; the
      // reporter's workaround is to patch gevent at the top of gunicorn.conf.py.
      need: 'gunicorn-gevent-patch-first',
      impact: 'breaks',
      consequence: 'consequence.opentelemetry.gunicorn-gevent-patch-first',
      evidence: [{ source: 'https://github.com/open-telemetry/opentelemetry-python/issues/4345' }],
    },
    {
      need: 'gunicorn-one-worker-metrics',
      impact: 'degrades',
      consequence: 'consequence.opentelemetry.gunicorn-one-worker-metrics',
      evidence: [{ source: 'https://opentelemetry.io/docs/zero-code/python/troubleshooting/', quote: 'Pre-fork servers can break metrics export' }],
    },
  ],
};
