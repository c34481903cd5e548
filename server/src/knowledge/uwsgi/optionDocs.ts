/**
 * Hover texts for the options a Python deployment with the APM agent cares about, written for pydeploy.
 * `agent` says what the agent needs from the option; keep both short, they show in a hover.
 * Aliases (names that set the same uWSGI variable) share one object, so their texts cannot drift apart.
 */
export interface UwsgiOptionDoc {
  summary: string;
  agent?: string;
}

// ---- Texts shared by aliases or by options with the same effect on the agent ----

const perWorkerAgent = 'Each worker runs its own copy of the agent, which reports on its own.';

const recycleAgent =
  'Each recycle ends one agent instance and starts a fresh one in the new worker; what ' +
  'the old worker had not sent yet is delivered only if its exit hook gets to run.';

const killedAgent =
  'The worker is killed without running any exit hook, so whatever the agent in it had not sent yet is lost.';

const reloadAgent =
  'Every reload replaces the workers, so the agent starts over in each of them; in ' +
  'prefork mode the app, and the agent with it, is loaded again in the master first.';

const forkedHelperAgent =
  'These processes are forked from the master and serve no web requests: an agent thread started ' +
  'before the fork does not run in them, so they report only if something starts the agent there.';

const moduleDoc: UwsgiOptionDoc = {
  summary:
    'The Python module that holds the WSGI app, as `package.module` or `package.module:callable` (the callable defaults to `application`).',
  agent: 'The agent instruments the app this module exposes; initialise the agent before this module imports your framework.',
};

const wsgiFileDoc: UwsgiOptionDoc = {
  summary: 'A Python file to load the WSGI app from; its `application` callable (or the one `callable` names) serves requests.',
  agent: 'The agent instruments the app this file exposes; initialise the agent at the top of the file.',
};

const offloadThreadsDoc: UwsgiOptionDoc = {
  summary:
    'Extra threads in each worker that take over slow transfers, such as sending static files, ' +
    'so the worker is free for the next request sooner. The default, 0, turns offloading off.',
};

const threadStackDoc: UwsgiOptionDoc = {
  summary:
    'Stack size, in kilobytes, of the request threads uWSGI starts in each worker. Threads the app starts from Python are not affected.',
};

const homeDoc: UwsgiOptionDoc = {
  summary:
    'Path of the virtualenv (Python home) whose packages the app imports. It must have been created with ' +
    'the same Python version the uWSGI python plugin was built against, or imports fail in confusing ways.',
  agent: 'Install the agent package into this environment: packages outside it cannot be imported by the workers.',
};

const pythonpathDoc: UwsgiOptionDoc = {
  summary:
    'Puts a directory on `sys.path` before the app is loaded. Glob patterns are expanded, and repeating the line adds more directories.',
};

const importDoc: UwsgiOptionDoc = {
  summary:
    'Imports a Python module (or a `.py` file given by path) just before the apps are ' +
    'loaded, in whichever process loads them: the master in prefork mode, each worker ' +
    'with `lazy-apps`. Often used for modules that register uWSGI decorators.',
  agent:
    'Lets you start an agent without code changes (Datadog: `import = ddtrace.bootstrap.sitecustomize`). ' +
    'Without `lazy-apps` it runs in the master, so a thread it starts there is gone after the fork.',
};

const autoreloadDoc: UwsgiOptionDoc = {
  summary:
    'For development: every this many seconds, looks for Python modules that changed on disk and reloads ' +
    'the instance when one did (0 turns it off). Scanning costs time, so keep it out of production.',
  agent: 'Turns on thread support and the master; every change it detects restarts the workers and the agent in them.',
};

const wsgiEnvDoc: UwsgiOptionDoc = {
  summary:
    'How the WSGI environ dict of each request is built: `cheat` recycles one dict, `holy` ' +
    'makes a new one every time. The default is `cheat` in 2.0.x and `holy` in 2.1.',
  agent: 'New Relic advises `holy` on 2.0.x, where the default `cheat` can end in SystemError crashes.',
};

const placeholderDoc: UwsgiOptionDoc = {
  summary:
    'Defines a `%(name)` placeholder, written `name=value`, that is never mistaken for a real option of the same name.',
};

const pluginDoc: UwsgiOptionDoc = {
  summary:
    'Loads one or more plugins, separated by commas, such as `python3` or `gevent`. With distro packages ' +
    'the Python options do not exist until the python plugin is loaded, so keep this line near the top.',
};

const pluginDirDoc: UwsgiOptionDoc = {
  summary: 'Adds a directory to those searched for plugin files when a `plugin` line names a plugin without a path.',
};

const logFormatDoc: UwsgiOptionDoc = {
  summary:
    'Template for the per-request log line, built from request variables like `%(method)`, ' +
    '`%(uri)`, `%(status)` and `%(msecs)`. A `%` followed by any other character is ' +
    'swallowed while the config is read, so write `%%` for a literal one.',
};

const statsDoc: UwsgiOptionDoc = {
  summary:
    'Opens the stats server on a TCP `host:port` or a UNIX socket path. Every connection gets a JSON ' +
    'snapshot of workers, requests and memory, which is what uwsgitop reads. Turns the master on.',
};

const vassalsSetDoc: UwsgiOptionDoc = {
  summary: 'Sets an option in every vassal the Emperor starts, written `name=value`, as if each vassal had a `set` line.',
};

export const UWSGI_OPTION_DOCS: Readonly<Record<string, UwsgiOptionDoc>> = {
  // ---- Python threads, app loading and forking (the agent's core needs) ----
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
  'thread-stacksize': threadStackDoc,
  'threads-stacksize': threadStackDoc,
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
  'py-call-uwsgi-fork-hooks': {
    summary:
      'Makes uWSGI call CPython\'s before-fork and after-fork routines around each fork, so a child starts with ' +
      'consistent interpreter state: records of threads that did not survive and locks they held are cleaned up.',
    agent:
      'Needed in prefork mode (no `lazy-apps`) by agents that may start threads before the fork; Sentry and Elastic ' +
      'ask for it. It also runs `os.register_at_fork` callbacks, which some agents use to restart their thread.',
  },
  'py-call-osafterfork': {
    summary:
      'Calls CPython\'s after-fork routine in each forked worker so that Python signal handlers ' +
      'work there. `py-call-uwsgi-fork-hooks` already does this as part of its work.',
    agent: 'Covers only the child side of a fork; for agent fork safety prefer `py-call-uwsgi-fork-hooks`.',
  },
  'skip-atexit': {
    summary:
      'When a worker is told to shut down it exits at once, without running exit handlers: neither `uwsgi.atexit` ' +
      'nor Python `atexit` functions are called. Mostly a workaround for native extensions that crash at exit.',
    agent:
      'The agent\'s last send at worker shutdown is skipped, so each worker loses its final batch. Set ' +
      'it only when an agent asks for it, such as Datadog with `lazy-apps` on uWSGI before 2.0.30.',
  },
  'skip-atexit-teardown': {
    summary:
      'A worker still calls `uwsgi.atexit` on exit but does not finalise the Python interpreter, which ' +
      'can take long in big apps. Functions registered with the `atexit` module therefore never run.',
    agent: 'An agent that flushes through `uwsgi.atexit` is unaffected; one that relies on the `atexit` module loses its last batch.',
  },
  'need-app': {
    summary:
      'Aborts startup when loading the app fails, instead of running workers that answer ' +
      'every request with an error. On by default in 2.1; in 2.0.x it has to be asked for.',
    agent: 'If initialising the agent breaks the app import, this makes the failure show at startup rather than on every request.',
  },

  // ---- Sockets ----
  socket: {
    summary:
      'Listens on a UNIX socket path or a `host:port` address using the binary uwsgi protocol, or whatever `protocol` ' +
      'selects. This is what nginx `uwsgi_pass` connects to; browsers and HTTP proxies cannot talk to it.',
  },
  'uwsgi-socket': {
    summary: 'Like `socket`, but this socket always talks the uwsgi protocol, whatever `protocol` is set to.',
  },
  http: {
    summary:
      'Starts a separate HTTP router process on this address that accepts HTTP traffic and passes it on to the ' +
      'workers. Handy with nothing in front; behind nginx or a load balancer, `http-socket` saves the extra hop.',
  },
  'http-socket': {
    summary:
      'Makes the workers speak plain HTTP themselves on this address, with no router process in ' +
      'between. Meant for running behind a reverse proxy or load balancer that forwards HTTP.',
  },
  https: {
    summary:
      'Like `http`, but the router speaks TLS; the value is `address,certificate,key`, optionally ' +
      'followed by a cipher list and a CA file. uWSGI must have been built with OpenSSL.',
  },
  protocol: {
    summary: 'Switches what plain `socket` lines speak, from uwsgi to another wire format such as `http`, `fastcgi` or `scgi`.',
  },
  'shared-socket': {
    summary:
      'Has the master open a socket once, before privileges are dropped, so that other options can refer to it by ' +
      'position as `=0`, `=1` and so on. The usual way to serve port 80 or 443 while running as an ordinary user.',
  },
  'chmod-socket': {
    summary:
      'Permission bits for the UNIX sockets uWSGI creates: without a value they become 666, otherwise give ' +
      'exactly three octal digits such as `660`. A web server that cannot write to the socket answers 502.',
  },
  'chown-socket': {
    summary: 'Hands the UNIX sockets uWSGI creates to this owner, written `user` or `user:group`, so the web server can open them.',
  },
  listen: {
    summary:
      'Length of the kernel queue of connections waiting to be accepted (default 100). On Linux ' +
      'uWSGI refuses to start when it exceeds `net.core.somaxconn`, so raise that sysctl first.',
  },
  'abstract-socket': {
    summary:
      'Linux only: puts UNIX sockets in the abstract namespace, so no socket ' +
      'file appears on disk and file permissions no longer protect it.',
  },
  'so-keepalive': {
    summary: 'Turns on TCP keepalive probes on uWSGI\'s sockets, so connections to peers that vanished are eventually noticed.',
  },
  'thunder-lock': {
    summary:
      'Serialises `accept()` between processes with a shared lock, so a new connection wakes one ' +
      'worker instead of all of them. Helps when many processes or threads share one socket.',
  },

  // ---- Process model ----
  master: {
    summary:
      'Starts a master process that supervises the workers: it respawns them, enforces timeouts and handles graceful reloads.',
    agent: 'Not needed by the agent itself; with `lazy-apps` the master no longer loads the app, so the agent runs only in workers.',
  },
  processes: {
    summary: 'How many worker processes to fork. `workers` is the same setting under another name.',
    agent: perWorkerAgent,
  },
  workers: {
    summary: 'How many worker processes to fork; another name for `processes`.',
    agent: perWorkerAgent,
  },
  'offload-threads': offloadThreadsDoc,
  'offload-thread': offloadThreadsDoc,
  cheaper: {
    summary:
      'Turns on adaptive scaling: `processes` becomes the ceiling and this value the floor, and the master ' +
      'starts and stops workers in between as load changes. The floor must be below `processes`.',
    agent: 'Workers come and go with load and each new one brings up its own agent, so the number of reporting processes varies.',
  },
  'cheaper-initial': {
    summary: 'How many workers to start with in cheaper mode; the pool then moves between `cheaper` and `processes`.',
  },
  'cheaper-step': {
    summary: 'How many workers are added in one go each time cheaper mode decides the pool is too small.',
  },
  'cheaper-algo': {
    summary:
      'Picks the cheaper algorithm: `spare` (the default), `backlog` or `manual`, `spare2` ' +
      'on 2.1-dev, and `busyness` once the cheaper_busyness plugin is loaded.',
  },
  'cheaper-overload': {
    summary:
      'For `spare`, how many seconds every worker must stay busy before more are started; ' +
      '`busyness` uses it as the length of its sampling period. The default is 3.',
  },
  'cheaper-rss-limit-soft': {
    summary:
      'While all workers together use more resident memory than this, cheaper ' +
      'mode starts no more of them. The value is in bytes, not megabytes.',
  },
  'cheaper-rss-limit-hard': {
    summary:
      'When all workers together use more resident memory than this many bytes, ' +
      'cheaper mode begins stopping workers. Keep it above the soft limit.',
  },
  'cheaper-busyness-multiplier': {
    summary:
      'Busyness algorithm: a worker has to stay idle for `cheaper-overload` times this many seconds before it is stopped (default 10).',
  },
  'cheaper-busyness-min': {
    summary:
      'Busyness algorithm: a worker busy for less than this percentage of ' +
      'the sampling period counts as idle and may be stopped (default 25).',
  },
  'cheaper-busyness-max': {
    summary:
      'Busyness algorithm: when workers are busy for more than this percentage of the sampling period, more are started (default 50).',
  },
  'cheaper-idle': {
    summary: 'Only on 2.1-dev, for the `spare2` algorithm: seconds a worker may sit idle before it is stopped (default 10).',
  },
  harakiri: {
    summary:
      'Request timeout in seconds: a worker still busy with one request after this long is killed and replaced. Without ' +
      'a master each worker times itself with an alarm signal, which is coarse and misses threads and async cores.',
    agent:
      'The worker gets no chance to flush: agent data still held in it, including the slow request that caused the kill, is lost.',
  },
  'harakiri-verbose': {
    summary:
      'Logs more about a worker killed by harakiri, such as the system call it ' +
      'was stuck in where the platform can tell, to help find the slow code.',
  },
  'harakiri-graceful-timeout': {
    summary:
      'Makes harakiri polite first: the worker receives SIGTERM (or the signal set by `harakiri-graceful-signal`) ' +
      'and is killed only if it is still there this many seconds later.',
  },
  'max-requests': {
    summary:
      'Request-count recycling: after this many requests a worker wraps up what it is doing and ' +
      'exits, and the master forks a replacement. A common guard against slow memory leaks.',
    agent: recycleAgent,
  },
  'max-requests-delta': {
    summary:
      'Staggers `max-requests`: each worker\'s limit grows by (worker id - 1) times ' +
      'this value, so the workers are not all recycled at the same moment.',
  },
  'max-worker-lifetime': {
    summary: 'Time-based recycling: once a worker has run for this many seconds it is replaced, no matter how many requests it handled.',
    agent: recycleAgent,
  },
  'max-worker-lifetime-delta': {
    summary:
      'Adds a number of seconds that grows with the worker id to `max-worker-lifetime`, so the workers reach their end at different times.',
  },
  'min-worker-lifetime': {
    summary:
      'A worker younger than this many seconds is not recycled by `max-requests` ' +
      'or the memory limits (default 10), which prevents respawn storms.',
  },
  'reload-on-rss': {
    summary:
      'Memory-based recycling: when a request ends and the worker\'s resident set is above this many megabytes, ' +
      'the worker is replaced. Only checked between requests, so one huge request can still overshoot.',
    agent: recycleAgent,
  },
  'reload-on-as': {
    summary:
      'After a request, recycles the worker if its virtual address space exceeds this many megabytes. Address space is ' +
      'far larger than real memory use, since every thread stack counts, so `reload-on-rss` is usually the better choice.',
    agent: 'The agent\'s background thread adds its stack to every worker\'s address space; leave room for it when sizing the limit.',
  },
  'evil-reload-on-rss': {
    summary:
      'A hard memory cap enforced by the master: a worker whose resident set ' +
      'grows past this many megabytes is killed on the spot, busy or not.',
    agent: killedAgent,
  },
  'evil-reload-on-as': {
    summary:
      'Like `evil-reload-on-rss`, but measures the virtual address space, in megabytes, and also kills the worker mid-request.',
    agent: killedAgent,
  },
  'worker-reload-mercy': {
    summary:
      'During a reload or shutdown, the grace period in seconds each worker gets to wrap up before the master kills it (default 60).',
    agent: 'The agent\'s final send happens while the worker exits; a very short value can kill the worker before the last batch leaves.',
  },
  'reload-mercy': {
    summary:
      'Overall grace period, in seconds, the master allows its workers and other child processes to go away when reloading or stopping.',
  },
  'die-on-term': {
    summary:
      'uWSGI 2.0.x: on SIGTERM the instance stops for good rather than doing a brutal reload, which is what Docker, systemd ' +
      'and Kubernetes expect. In 2.1 that is already the default and the option just logs a deprecation warning.',
  },
  'exit-on-reload': {
    summary:
      'Makes a reload request end the instance instead of restarting it in place, ' +
      'for setups where a supervisor or the Emperor does the restarting.',
  },
  'no-orphans': {
    summary:
      'If the master disappears, its workers are terminated too rather than left running with ' +
      'nobody watching them. The catch: a master crash then takes the whole service down.',
  },
  vacuum: {
    summary:
      'Cleans up on exit by deleting the UNIX socket files and pidfiles uWSGI made, so the next start does not trip over stale ones.',
  },
  reaper: {
    summary:
      'Collects exited child processes after every request, for apps that spawn subprocesses ' +
      'and never wait for them, which would otherwise pile up as zombies.',
  },
  'master-fifo': {
    summary:
      'Creates a named pipe through which the master takes one-letter commands, e.g. ' +
      '`r` for a graceful reload, `c` for a chain reload and `q` to stop gracefully.',
  },

  // ---- Loading the Python app ----
  module: moduleDoc,
  wsgi: moduleDoc,
  'wsgi-file': wsgiFileDoc,
  file: wsgiFileDoc,
  callable: {
    summary:
      'Which name to look up in the module or file as the WSGI app (default `application`). Flask ' +
      'and many other frameworks call it `app`, so without this line uWSGI finds no application.',
  },
  mount: {
    summary:
      'Hangs an extra app below a URL prefix, as in `/blog=blog.py`; the app may be a `.py` or `.wsgi` file, ' +
      'a Paste `.ini` or `module:callable`. Repeat the line for more apps, and add `manage-script-name`.',
    agent:
      'Every app after the first gets its own sub-interpreter unless `single-interpreter` ' +
      'is set, and the agent then runs once per interpreter.',
  },
  'manage-script-name': {
    summary:
      'Splits each request path at the matching mountpoint, putting the prefix in `SCRIPT_NAME` ' +
      'and the rest in `PATH_INFO`, so apps set up with `mount` see the paths they expect.',
  },
  paste: {
    summary:
      'Builds the app with PasteDeploy from a URI such as `config:/srv/app/production.ini`, the usual entry point of Pyramid projects.',
  },
  pyargv: {
    summary: 'Fills `sys.argv` for the app from one string split at spaces, for apps that read command-line arguments.',
  },
  chdir: {
    summary: 'Changes to this directory before the apps are loaded, so relative paths and module imports start from it.',
    agent: 'Relative paths the agent is given, such as a relative config file path in the environment, are resolved from here.',
  },
  chdir2: {
    summary: 'Changes to this directory after the apps have been loaded, whereas `chdir` acts before.',
  },
  home: homeDoc,
  virtualenv: homeDoc,
  venv: homeDoc,
  pyhome: homeDoc,
  pythonpath: pythonpathDoc,
  'python-path': pythonpathDoc,
  'pymodule-alias': {
    summary:
      'Makes a module importable under another name, written `alias=module` ' +
      'or `alias=/path/to/file.py`; repeat the line for several aliases.',
  },
  import: importDoc,
  pyimport: importDoc,
  'py-import': importDoc,
  'python-import': importDoc,
  'shared-import': {
    summary:
      'Imports a Python module while the interpreter is being set up in the master, before ' +
      'any app and before any fork, so every process forked later already has it.',
    agent: 'A module that starts the agent thread here leaves workers with a dead copy of it unless fork hooks restart it.',
  },
  'spooler-import': {
    summary: 'Imports a Python module in the spooler processes alone, typically the one that defines the spooler tasks.',
  },
  'py-autoreload': autoreloadDoc,
  'py-auto-reload': autoreloadDoc,
  'python-autoreload': autoreloadDoc,
  'python-auto-reload': autoreloadDoc,
  'wsgi-env-behaviour': wsgiEnvDoc,
  'wsgi-env-behavior': wsgiEnvDoc,
  'py-tracebacker': {
    summary:
      'Opens a UNIX socket per worker, named with this prefix, that answers with the current Python stack of every ' +
      'thread; handy for finding out where a hung worker is stuck. Turns on the master and thread support.',
    agent: 'Turns on Python thread support; the agent\'s reporting thread shows up in the dumps like any other.',
  },
  'catch-exceptions': {
    summary: 'Sends Python tracebacks to the client instead of a bare error page. For debugging only: it leaks internals to anyone.',
  },

  // ---- gevent and async ----
  gevent: {
    summary:
      'Switches each worker to the gevent event loop, letting it handle this many requests at once as greenlets. Blocking ' +
      'libraries must be gevent-aware or monkey-patched, or a single blocking call stalls the whole worker.',
    agent:
      'The agent\'s background thread is a real OS thread only while `threading` is unpatched; ' +
      'patched, it becomes a greenlet that runs only when request code yields.',
  },
  'gevent-monkey-patch': {
    summary:
      'Calls `gevent.monkey.patch_all()` when each worker starts its gevent loop, which is after the app has been imported.',
    agent:
      'Patches `threading` as well, turning the agent\'s thread into a greenlet; Datadog does ' +
      'not support that and wants `patch_all(thread=False)` called from the app instead.',
  },
  'gevent-early-monkey-patch': {
    summary:
      'Patches the standard library with gevent (`patch_all()`) before the app is imported, ' +
      'so every module the app pulls in already gets the cooperative versions.',
    agent:
      'Has the same thread caveat as `gevent-monkey-patch`, but patches before ' +
      'the agent is imported, the order gevent-aware agents expect.',
  },
  async: {
    summary:
      'How many requests a single worker may interleave (its async cores). It needs a loop or ' +
      'suspend engine such as gevent or ugreen, and should not be combined with `threads`.',
    agent:
      'Requests share one OS thread, so per-request state an agent keeps ' +
      'in thread-locals can get mixed up unless the agent is async-aware.',
  },
  ugreen: {
    summary: 'Switches between the async cores set by `async` with uGreen, uWSGI\'s own coroutine engine built on ucontext.',
  },

  // ---- Buffers and limits ----
  'buffer-size': {
    summary:
      'Largest request header block accepted, in bytes (default 4096). Big cookies or long URLs need more, ' +
      'or requests fail with "invalid request block size"; 2.0.x silently caps the value at 65535.',
  },
  'post-buffering': {
    summary:
      'Makes uWSGI read the whole request body before calling the app: bodies up to this many bytes stay in ' +
      'memory, bigger ones go to a temporary file. Useful for apps that need the complete body up front.',
  },
  'limit-post': {
    summary:
      'Largest request body accepted, in bytes; bigger uploads are refused before the app sees them. 0, the default, means no limit.',
  },
  'limit-as': {
    summary:
      'Caps the virtual address space of every process at this many megabytes. Going over makes allocations ' +
      'fail inside the app (MemoryError or crashes) rather than triggering a clean recycle.',
    agent: 'Thread stacks count against the cap: set too tight, starting the agent\'s background thread fails and nothing is reported.',
  },
  'socket-timeout': {
    summary:
      'Timeout in seconds for socket reads and writes uWSGI does itself, such as receiving ' +
      'request headers (default 4). With gevent, uWSGI recommends at least 30.',
  },
  'http-timeout': {
    summary:
      'How long, in seconds, the HTTP router waits on a worker before it gives up on the request (default ' +
      '60). Keep it above `harakiri` if harakiri, not the router, should end slow requests.',
  },

  // ---- Logging ----
  logto: {
    summary:
      'Sends the log to this file, or to a UDP `host:port`, in place of stderr. uWSGI ' +
      'opens the file while still privileged, so it may end up owned by root.',
  },
  logto2: {
    summary:
      'A variant of `logto` that waits until uWSGI has switched to its unprivileged user before opening the file, so that user owns it.',
  },
  'log-format': logFormatDoc,
  logformat: logFormatDoc,
  'log-date': {
    summary: 'Prefixes each log line with a timestamp; a strftime pattern given as the value changes how it looks.',
  },
  'disable-logging': {
    summary:
      'Stops the one-line-per-request log; startup messages and errors are still written. ' +
      'Combine it with `log-4xx` and `log-5xx` to keep just the failing requests.',
  },
  'log-4xx': {
    summary: 'Logs requests answered with a 4xx status even when request logging is otherwise switched off.',
  },
  'log-5xx': {
    summary: 'Logs requests answered with a 5xx status even when request logging is otherwise switched off.',
  },
  'log-slow': {
    summary: 'Logs requests that took at least this many milliseconds, even when request logging is otherwise switched off.',
  },
  'log-maxsize': {
    summary: 'Size in bytes at which the log file is rotated. Turns on the master and `log-master`, since the master does the rotating.',
  },
  'log-reopen': {
    summary:
      'Reopens the log file on every reload, so a tool like logrotate can move the old file away and a reload starts a fresh one.',
  },
  logger: {
    summary:
      'Adds a log destination provided by a logger plugin, e.g. `file:/var/log/app.log` ' +
      'or `syslog:myapp`; repeat it for several. Logging then goes through the master.',
  },
  'req-logger': {
    summary: 'Like `logger`, but only request log lines go there, which separates the access log from everything else.',
  },
  'log-master': {
    summary:
      'Has the master collect the output of every process through pipes and write it out, ' +
      'which keeps lines from interleaving and enables rotation and pluggable loggers.',
  },
  'log-x-forwarded-for': {
    summary: 'Behind a proxy, logs the client address the proxy put in X-Forwarded-For rather than the proxy\'s own.',
  },
  daemonize: {
    summary:
      'Detaches uWSGI into the background and logs to this file or UDP address. Avoid it under systemd, ' +
      'supervisor or Docker: the process they started exits at once and they consider the service dead.',
  },
  daemonize2: {
    summary:
      'A variant of `daemonize` that goes to the background only once the apps have loaded, so startup errors still reach the terminal.',
  },

  // ---- Identity and process names ----
  uid: {
    summary:
      'User, by name or numeric id, that uWSGI switches to once its sockets ' +
      'are bound. Started as root without it, the app keeps running as root.',
  },
  gid: {
    summary: 'Group, by name or numeric id, that uWSGI switches to once its sockets are bound.',
  },
  umask: {
    summary:
      'File creation mask in octal, such as `022`. It is applied as soon as the line is read, so it already covers sockets and log files.',
  },
  procname: {
    summary: 'Gives every uWSGI process this fixed name in `ps` instead of the original command line.',
  },
  'procname-prefix': {
    summary: 'Puts this text directly in front of every uWSGI process name, e.g. to tell several instances apart in `ps`.',
  },
  'procname-prefix-spaced': {
    summary: 'Like `procname-prefix`, but inserts a space between the prefix and the process name.',
  },
  'procname-master': {
    summary: 'Name to show for the master process only.',
  },
  'auto-procname': {
    summary:
      'Renames the processes after their role, such as "uWSGI master" and "uWSGI worker 3", so `ps` and `top` show which is which.',
  },

  // ---- Static files ----
  'static-map': {
    summary:
      'Serves files straight from uWSGI: `/static=/srv/app/static` answers `/static/x.css` from ' +
      '`/srv/app/static/x.css`. Add `offload-threads` so workers are not tied up sending files.',
  },
  'static-map2': {
    summary: 'A variant of `static-map` that keeps the prefix: `/static=/srv/app` answers `/static/x.css` from `/srv/app/static/x.css`.',
  },
  'static-expires': {
    summary:
      'Adds an Expires header to static files whose filesystem path matches a regular expression, written `regexp seconds`.',
  },
  'check-static': {
    summary:
      'Treats this directory as a document root: when a file matching the request ' +
      'path exists there it is sent, otherwise the request goes to the app.',
  },
  'static-index': {
    summary: 'File to send when a static request points at a directory, such as `index.html`.',
  },

  // ---- Stats and metrics ----
  stats: statsDoc,
  'stats-server': statsDoc,
  'stats-http': {
    summary: 'Prefixes the stats output with HTTP headers, so the stats address can be queried with curl or a browser.',
  },
  'memory-report': {
    summary:
      'Adds memory figures to the request log lines. A plain flag in 2.0.x; ' +
      'in 2.1 it takes 1 for the basic figures or 2 to add USS and PSS.',
  },
  'enable-metrics': {
    summary:
      'Turns on the metrics subsystem, which keeps counters and gauges about requests, workers ' +
      'and memory that the stats server and collectors can read. Turns the master on.',
  },

  // ---- Environment, placeholders and config files ----
  env: {
    summary: 'Exports `NAME=value` into the environment of all uWSGI processes; repeat the line for several variables.',
    agent:
      'A natural place for agent settings such as `TING_YUN_CONFIG_FILE`: ' +
      'they are set before the app loads, and every worker inherits them.',
  },
  set: {
    summary:
      'Sets an option or a placeholder, written `name=value`, while the file ' +
      'is still being read, so later `%(name)` references can use it.',
  },
  'set-placeholder': placeholderDoc,
  'set-ph': placeholderDoc,
  'declare-option': {
    summary:
      'Defines a new option that expands into others, written `name=option1=value;option2=value`, ' +
      'with `$1`, `$2` and so on standing for the space-separated words it is given.',
  },
  ini: {
    summary:
      'Reads another INI file at this point, optionally a given section of it with ' +
      '`path:section`; `:section` alone reads another section of the current file.',
  },
  include: {
    summary: 'Pulls another config file in right here, parsed as INI, YAML, JSON or XML according to its extension.',
  },
  inherit: {
    summary:
      'Uses another config file, parsed according to its extension, as a template for this one. It is ' +
      'read together with the ordinary options after the file, not at the spot where the line appears.',
  },
  strict: {
    summary:
      'Makes any unknown key a fatal error instead of a silent placeholder, which catches typos. ' +
      'Put `plugin` lines first, or options of plugins not loaded yet count as unknown.',
  },
  plugin: pluginDoc,
  plugins: pluginDoc,
  'plugin-dir': pluginDirDoc,
  'plugins-dir': pluginDirDoc,

  // ---- Reload triggers ----
  'touch-reload': {
    summary:
      'Watches this file and, whenever its modification time changes, reloads the instance gracefully; repeat the line for several files.',
    agent: reloadAgent,
  },
  'touch-chain-reload': {
    summary:
      'When this file changes, replaces the workers one at a time so some are always serving. New code is only picked up with `lazy-apps`.',
    agent: reloadAgent,
  },
  'fs-reload': {
    summary:
      'Gracefully reloads when this file or directory changes, relying on ' +
      'the kernel\'s file monitor (inotify on Linux) instead of polling.',
    agent: reloadAgent,
  },

  // ---- Spooler, mules, cron and attached daemons ----
  spooler: {
    summary:
      'Starts a spooler: a separate process that works through background tasks ' +
      'queued as files in this directory, usually fed via `uwsgidecorators`.',
    agent: forkedHelperAgent,
  },
  'spooler-processes': {
    summary: 'How many processes each spooler runs, so several queued tasks can be worked on at the same time.',
  },
  mule: {
    summary:
      'Adds a mule, a process that serves no requests but handles signals, messages ' +
      'or the long-running script given as the value; repeat for several.',
    agent: forkedHelperAgent,
  },
  cron: {
    summary:
      'Has the master run a command on a schedule, written `minute hour day month weekday command`, where -1 stands for every value.',
  },
  'attach-daemon': {
    summary:
      'Has the master start this command and start it again whenever it exits; the command must stay in the foreground.',
  },
  'smart-attach-daemon': {
    summary:
      'For programs that daemonize themselves: written `pidfile command`, the master ' +
      'follows the process through its pidfile and leaves it running across reloads.',
  },

  // ---- Emperor ----
  emperor: {
    summary:
      'Runs uWSGI as an Emperor that starts, watches and stops one instance (a vassal) ' +
      'per config file found in this directory or glob, or another source.',
  },
  'vassals-include': {
    summary: 'Adds this config file to every vassal the Emperor starts, read the way `include` reads files.',
  },
  'vassals-inherit': {
    summary: 'Gives every vassal the Emperor starts this config file as a template, read the way `inherit` reads files.',
  },
  'vassals-set': vassalsSetDoc,
  'vassal-set': vassalsSetDoc,
  'emperor-tyrant': {
    summary:
      'Runs each vassal as the user and group that own its config file, so several users can host apps under one Emperor.',
  },

  // ---- Internal routing and response tweaks ----
  route: {
    summary:
      'Adds a routing rule, written `regexp action`, matched against the request path; ' +
      'actions include rewrites, redirects, extra headers and canned responses.',
  },
  'route-host': {
    summary: 'Adds a routing rule, written `regexp action`, whose regexp is tested on the requested host name (the Host header).',
  },
  'route-uri': {
    summary: 'Adds a routing rule, written `regexp action`, matched against the full request URI including its query string.',
  },
  'response-route': {
    summary: 'Adds a routing rule that runs once the app has answered, matched against the request path, e.g. to adjust response headers.',
  },
  'add-header': {
    summary: 'Adds this header, written `Name: value`, to every response; repeat the line for several headers.',
  },

  // ---- Pidfiles and hooks ----
  pidfile: {
    summary: 'Path where the master records its process id, written while uWSGI still runs with its initial privileges.',
  },
  pidfile2: {
    summary: 'Like `pidfile`, but written after the switch to the unprivileged user, who then owns the file.',
  },
  'hook-pre-app': {
    summary: 'Runs a hook action, such as `exec:command` or `mkdir:path`, just before the apps are loaded.',
  },
  'hook-post-app': {
    summary: 'Runs a hook action right after the apps have been loaded.',
  },
  'hook-as-root': {
    summary: 'Runs a hook action while uWSGI is still root, just before it drops privileges.',
  },
  'hook-as-user': {
    summary: 'Runs a hook action right after uWSGI has switched to the `uid` and `gid` it was given.',
  },
  'hook-post-fork': {
    summary: 'Runs a hook action in every new process immediately after it has been forked.',
  },
  'hook-accepting': {
    summary: 'Runs a hook action in each worker once it is ready and starts accepting requests.',
  },
  'hook-master-start': {
    summary: 'Runs a hook action once, when the master process starts.',
  },
};
