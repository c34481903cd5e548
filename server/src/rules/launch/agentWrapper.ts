import { consequences, holdersSeverity, wrapperHolders } from '../agentNeeds';
import { renderText } from '../../l10n/message';
import { defineRule } from '../types';

/**
 * An agent's wrapper program (`ddtrace-run`, `opentelemetry-instrument`) starting uWSGI: the agents' profiles say which
 * wrappers do not start their agent in uWSGI's workers (the need `uwsgi-no-wrapper`) and what to do instead.
 * Reported on the wrapper's words in the launch file, the one place that names it.
 */
export const agentWrapperRule = defineRule({
  id: 'launch/uwsgi-agent-wrapper',
  fileKind: 'launch',
  defaultSeverity: 'error',
  needs: ['uwsgi-no-wrapper'],
  docs: {
    summary: "An APM agent's wrapper program starts uWSGI, which the agent does not support: the workers run without it.",
    details:
      'Wrappers such as `ddtrace-run` and `opentelemetry-instrument` set the agent up in the process they start and ' +
      'rely on it being the one that serves requests. uWSGI loads the app and then forks its workers with C `fork()`, so ' +
      "the agent's threads and exporters are left behind in the master: Datadog's `ddtrace-run` prints a warning and " +
      'its tracer does not start properly in the workers, and OpenTelemetry has no uWSGI support in ' +
      '`opentelemetry-instrument`. Each agent has its own way instead: Datadog is loaded with `import = ddtrace.auto` in ' +
      'the uWSGI config, OpenTelemetry builds its providers in a `@postfork` function. The agents this applies to, and ' +
      'what each does instead, come from their profiles; the wrapper is reported whatever the `agents` setting names, ' +
      'since it runs either way. A wrapper around Gunicorn is not reported: the agents support it there.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.12-slim', 'CMD ["ddtrace-run", "uwsgi", "--ini", "uwsgi.ini"]'],
      right: ['FROM python:3.12-slim', 'CMD ["uwsgi", "--ini", "uwsgi.ini"]'],
    },
    fix:
      "No quick fix: removing the wrapper alone would leave the agent unstarted. Remove its words from the command line and start the agent the way the message says (for Datadog, `import = ddtrace.auto` in the uWSGI config).",
    silence: 'When the wrapper is there for something else than the agent (a wrapper of the same name of your own).',
  },
  check: (document) =>
    document.launches
      .filter((launch) => launch.server === 'uwsgi')
      .flatMap((launch) =>
        launch.wrappers.flatMap((wrapper) => {
          const holders = wrapperHolders(launch, wrapper, 'uwsgi-no-wrapper', document.uwsgiVersion);
          if (holders.length === 0) return [];
          return [
            {
              range: holders[0].agent.signals[0].range,
              message: `\`${wrapper.name}\` does not work under uWSGI: ${renderText(consequences(holders), 'en')}.`,
              data: undefined,
              severity: holdersSeverity(holders),
            },
          ];
        }),
      ),
  fixes: () => [],
});
