import type { LaunchWrapper } from '../../parse/launch/types';
import { Finding, defineRule } from '../types';
import { NeedHolder, consequences, forAgents, needHolders } from '../agentNeeds';
import { renderText } from '../../l10n/message';
import { workerClass, workerCount } from './processModel';

/**
 * OpenTelemetry's switch for metrics export: `none` turns it off, and then nothing is lost. Only the launch's own
 * environment counts: the wrapper reads it before Gunicorn starts (`raw_env` comes too late).
 */
const METRICS_EXPORTER = 'OTEL_METRICS_EXPORTER';

/** Worker classes whose workers set the SDK up again after the fork (the zero-code docs name Uvicorn's). */
const REINITIALIZING_WORKER = /uvicorn/i;

export const instrumentWorkerMetricsRule = defineRule({
  id: 'gunicorn/instrument-worker-metrics',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  needs: ['gunicorn-one-worker-metrics'],
  docs: {
    summary: 'Several Gunicorn workers run under `opentelemetry-instrument` with metrics export on: metrics are broken.',
    details:
      '`opentelemetry-instrument` sets the SDK up once, in the master, before Gunicorn forks its workers. Traces and logs ' +
      "survive the fork, but the metric reader's background thread and locks do not: with more than one worker the " +
      'metrics export breaks (OpenTelemetry\'s zero-code troubleshooting page, "Pre-fork servers can break metrics ' +
      'export"). Serve an ASGI app with `uvicorn.workers.UvicornWorker`, set the SDK up yourself in a `post_fork` hook ' +
      'instead of the wrapper, run one worker, or turn metrics off with `OTEL_METRICS_EXPORTER=none` in the launch\'s ' +
      'environment. Reported on the worker count.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.12-slim', 'CMD ["opentelemetry-instrument", "gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", "app:app"]'],
      right: ['FROM python:3.12-slim', 'ENV OTEL_METRICS_EXPORTER=none', 'CMD ["opentelemetry-instrument", "gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", "app:app"]'],
    },
    fix: 'No quick fix: which way out fits depends on the app (UvicornWorker for an ASGI app, a `post_fork` set-up, one worker, or no metrics).',
    silence: 'When the app sets the metrics SDK up again in each worker in a way pydeploy does not see.',
  },
  check: (document): Finding[] => {
    const config = document.gunicorn;
    const launch = config.launch?.launch;
    if (!launch) return [];
    const workers = workerCount(config);
    if (!workers || workers.count <= 1 || !config.isLocal(workers.binding.binding)) return [];
    const worker = workerClass(config);
    if (!worker || REINITIALIZING_WORKER.test(worker)) return [];
    const exporter = [...launch.env].reverse().find((variable) => variable.name === METRICS_EXPORTER);
    if (exporter && (exporter.opaque || exporter.value.trim().toLowerCase() === 'none')) return [];
    // The agents whose wrapper starts this launch.
    const wrapped: Array<{ holder: NeedHolder; wrapper: LaunchWrapper }> = needHolders(document, 'gunicorn-one-worker-metrics').flatMap((holder) => {
      const wrapper = launch.wrappers.find((candidate) => holder.agent.profile.signals.wrappers.includes(candidate.name));
      return wrapper ? [{ holder, wrapper }] : [];
    });
    if (wrapped.length === 0) return [];
    const holders = wrapped.map(({ holder }) => holder);
    const message = `${workers.count} workers under \`${wrapped[0].wrapper.name}\`: ${renderText(consequences(holders), 'en')}; use UvicornWorker, post_fork or 1 worker.`;
    return [forAgents({ range: workers.value.range, message, data: undefined }, holders, document.path)];
  },
  fixes: () => [],
});
