import type { MessageId } from '../../l10n/messages';

/**
 * What pydeploy knows of one APM agent, as data: how a project shows it uses the agent, and what the agent needs from
 * uWSGI and Gunicorn to report at all. Rules read the profiles of the agents a deployment uses (model/agents.ts);
 * adding an agent is adding a profile (`./index.ts`), never a rule change.
 */

/**
 * The needs pydeploy's rules can check. A profile cites the ones that hold for its agent; each is read by one rule
 * (`rules/agentNeeds.ts` names it), which a unit test checks for every profile.
 */
export type AgentNeed =
  /** Python threads on in uWSGI: `enable-threads` (or `threads`, unless `enableThreadsOnly`). */
  | 'uwsgi-threads'
  /** uWSGI's `single-interpreter`: the app in the main interpreter, not a sub-interpreter. */
  | 'uwsgi-single-interpreter'
  /** uWSGI's `lazy-apps` (or `lazy`): the app, and the agent with it, loaded in each worker. */
  | 'uwsgi-lazy-apps'
  /** In prefork mode (no `lazy-apps`), `py-call-uwsgi-fork-hooks`, so that the agent's `os.register_at_fork` hooks run. */
  | 'uwsgi-fork-hooks'
  /** `master` when several workers run without `lazy-apps`. */
  | 'uwsgi-master'
  /** `skip-atexit` with `lazy-apps` on uWSGI before 2.0.30. */
  | 'uwsgi-skip-atexit'
  /** The agent started by uWSGI's `import =` (its `uwsgiImports`) when no wrapper or app import starts it. */
  | 'uwsgi-import'
  /** No uWSGI `gevent-monkey-patch`: the app patches gevent itself. */
  | 'uwsgi-no-gevent-monkey-patch'
  /** `wsgi-env-behavior = holy` on uWSGI 2.0.x. */
  | 'uwsgi-wsgi-env-holy'
  /** The agent's wrapper (`wrappers`) is not used to start uWSGI: it does not start the agent in uWSGI's workers. */
  | 'uwsgi-no-wrapper'
  /** No `preload_app`: the app starts the agent as it loads, and it must load in each worker. */
  | 'gunicorn-no-preload'
  /** The agent's threads (its `startCalls`) are not started in Gunicorn's master before the fork. */
  | 'gunicorn-start-after-fork'
  /** With gevent workers, gevent patches before the agent (or anything it instruments) is imported. */
  | 'gunicorn-gevent-patch-first'
  /** The agent's automatic instrumentation exports metrics from one sync worker only. */
  | 'gunicorn-one-worker-metrics'
  /** `PROMETHEUS_MULTIPROC_DIR` set in the launch's environment, in upper case. */
  | 'multiprocess-dir'
  /** Gunicorn's `child_exit` marks a dead worker's metrics files. */
  | 'gunicorn-child-exit'
  /** Tornado apps served through WSGI in the agent's supported way (adapter mode). */
  | 'tornado-wsgi-adapter-mode'
  /** A Tornado version the agent supports. */
  | 'tornado-version';

/** How bad a missed need is for the agent: no data, deadlock, crash or no start; partial data; a warning only. */
export type Impact = 'breaks' | 'degrades' | 'noise';

/** Where a fact about an agent comes from: a documentation page or a line of the agent's code, and what it says. */
export interface Evidence {
  /** A URL, or `owner/repo@commit:path:line` for source code. */
  source: string;
  /** The agent's own words there (a runtime message it prints, a sentence of its docs), when they say it best. */
  quote?: string;
}

/** The catalogue's consequences of unmet needs: `consequence.<agent>.<need>`, each with only the `{agent}` placeholder. */
export type ConsequenceId = Extract<MessageId, `consequence.${string}`>;

/** Versions a requirement holds for; a bound the project's pins cannot rule out counts as holding. */
export interface VersionScope {
  /** uWSGI before this version (`2.0.27`). */
  uwsgiBelow?: string;
  /** uWSGI from this version on. */
  uwsgiFrom?: string;
}

export interface AgentRequirement {
  need: AgentNeed;
  impact: Impact;
  /**
   * What goes wrong for this agent when the need is not met: the catalogue message (English and Chinese) of a clause
   * a message can list after the problem, with `{agent}` for the agent's name (`{agent} reports no data`).
   */
  consequence: ConsequenceId;
  versions?: VersionScope;
  /** For `uwsgi-threads`: only `enable-threads` satisfies the agent's own check (`threads = N` does not). */
  enableThreadsOnly?: boolean;
  /** For `uwsgi-threads`: uWSGI 2.0.27's default (threads always on) does not satisfy it: the option must be given. */
  explicitOnly?: boolean;
  evidence: readonly Evidence[];
}

/** What shows that a project uses the agent; each kind of signal is read from the workspace, never run. */
export interface AgentSignals {
  /** Names in requirement and lock files (compared the way pip does: case and `-`/`_`/`.` do not matter). */
  packages: readonly string[];
  /** The agent's own config files, by name. */
  configFiles: readonly RegExp[];
  /** Environment variables of a launch, a uWSGI `env` line or Gunicorn's `raw_env`: exact names. */
  environment: readonly string[];
  /** Prefixes of such variables (`DD_`). */
  environmentPrefixes: readonly string[];
  /** Wrapper programs on a launch line, as `parse/launch` names them (`ddtrace-run`, `newrelic-admin run-program`). */
  wrappers: readonly string[];
  /** Modules uWSGI's `import =` lines load that start the agent. */
  uwsgiImports: readonly string[];
  /** Code in the app's modules or the Gunicorn config (comments and strings blanked out) that uses the agent. */
  code: readonly RegExp[];
}

export interface AgentProfile {
  /** The id users name it by in `pydeploy.agents`: lower case, no spaces. */
  id: string;
  /** Its name in messages: `Datadog`, `New Relic`. */
  name: string;
  /** The page that says how to deploy it under uWSGI and Gunicorn. */
  docs: string;
  signals: AgentSignals;
  /** Calls that start the agent's background threads (`BatchSpanProcessor(`): harmful before a fork. */
  startCalls: readonly RegExp[];
  /** Python lines that start the agent in a worker, for a `post_fork` hook a fix adds. */
  workerStart: readonly string[];
  requirements: readonly AgentRequirement[];
}
