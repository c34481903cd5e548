/**
 * Hover texts for the options a Python deployment with the APM agent cares about, written for pydeploy.
 * `agent` says what the agent needs from the option; keep both short, they show in a hover.
 */
export interface UwsgiOptionDoc {
  summary: string;
  agent?: string;
}

export const UWSGI_OPTION_DOCS: Readonly<Record<string, UwsgiOptionDoc>> = {
  'enable-threads': {
    summary:
      'Initialises the Python GIL so that code in the app may start threads of its own. Without it, uWSGI up to 2.0.26 ' +
      'keeps Python single-threaded and any thread the app starts never runs. From 2.0.27 on, thread support is always on.',
    agent: 'Required on uWSGI 2.0.26 and older: the agent sends its data from a background thread, so with threads off it reports nothing.',
  },
  threads: {
    summary:
      'Runs this many request threads in every worker. Any `threads` line also turns Python thread support on, ' +
      'so it makes `enable-threads` unnecessary.',
    agent: 'Satisfies the agent\'s need for thread support.',
  },
  'single-interpreter': {
    summary:
      'Runs every app in the main Python interpreter instead of giving each app a sub-interpreter of its own. ' +
      'Many C extensions only work in the main interpreter.',
    agent: 'Recommended: a sub-interpreter combined with the agent\'s background thread can misbehave, so keep one interpreter per process.',
  },
  'lazy-apps': {
    summary:
      'Loads the app in each worker after it is forked, instead of once in the master before forking. Reloads still ' +
      'keep the master running.',
    agent: 'Recommended: threads started while the app loads do not survive a fork, so loading in each worker keeps the agent\'s reporting thread alive.',
  },
  lazy: {
    summary:
      'The older way to load apps in every worker. Besides that it also changes how the master reloads, which is ' +
      'why uWSGI now recommends `lazy-apps` instead.',
    agent: 'Works for the agent (apps load after the fork), but prefer `lazy-apps`.',
  },
  master: {
    summary:
      'Starts a master process that supervises the workers: it respawns them, enforces timeouts and handles graceful reloads.',
    agent: 'Not needed by the agent itself; with `lazy-apps` the master no longer loads the app, so the agent runs only in workers.',
  },
  processes: {
    summary: 'How many worker processes to fork. `workers` is the same setting under another name.',
    agent: 'Each worker runs its own copy of the agent, which reports on its own.',
  },
  workers: {
    summary: 'How many worker processes to fork; another name for `processes`.',
    agent: 'Each worker runs its own copy of the agent, which reports on its own.',
  },
  module: {
    summary:
      'The Python module that holds the WSGI app, as `package.module` or `package.module:callable` (the callable defaults to `application`).',
    agent: 'The agent instruments the app this module exposes; initialise the agent before this module imports your framework.',
  },
  'wsgi-file': {
    summary: 'A Python file to load the WSGI app from; its `application` callable (or the one `callable` names) serves requests.',
    agent: 'The agent instruments the app this file exposes; initialise the agent at the top of the file.',
  },
};
