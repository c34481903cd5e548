/**
 * The options the Tingyun Python agent reads from its config file (`tingyun.ini`), by section.
 *
 * Hand-written from the agent's 1.3.0 source (`embattle/inspection.py`,
 * `config/settings.py`, `logistics/mapper.py`, `embattle/repertoire.py`). The descriptions are pydeploy's own
 * words (their Chinese in options.zh-cn.ts). Options marked `later` are not in 1.3.0 but appear in configs written for later releases; they are
 * known so that such files raise no false alarm, and nothing is claimed about their values.
 */

import { Message, message } from '../../l10n/message';

export type AgentValueKind = 'bool' | 'string' | 'path' | 'log-level' | 'list' | 'scheme' | 'port' | 'other';

export interface AgentOption {
  section: AgentSection;
  name: string;
  kind: AgentValueKind;
  /** The value the agent uses when the option is absent or unreadable, as it would be written in the file. */
  default: string;
  /** What the option does, in one or two sentences. */
  summary: string;
  /** Not read by agent 1.3.0; seen in configs for later releases. */
  later?: boolean;
  /** Also described by the template the agent ships (`tingyun-admin generate-config`). */
  inTemplate?: boolean;
}

export type AgentSection = 'tingyun' | 'tingyun:exclude' | 'tingyun:private' | 'tingyun:proxy';

export const AGENT_SECTIONS: readonly AgentSection[] = ['tingyun', 'tingyun:exclude', 'tingyun:private', 'tingyun:proxy'];

/** The section every agent config needs. */
export const MAIN_SECTION: AgentSection = 'tingyun';

/** Boolean spellings the agent accepts (any case); every other value is dropped and the default kept. */
export const AGENT_BOOLEAN_TRUE = ['true', 'on'];
export const AGENT_BOOLEAN_FALSE = ['false', 'off'];

/** Log level names the agent looks up after upper-casing the value. */
export const AGENT_LOG_LEVELS = ['CRITICAL', 'FATAL', 'ERROR', 'WARNING', 'WARN', 'INFO', 'DEBUG', 'NOTSET'];

/** The license placeholder of the shipped template, and the agent's own built-in stand-in. */
export const LICENSE_PLACEHOLDERS = ['** YOUR-LICENSE-KEY **', 'This is default license'];

const option = (section: AgentSection, name: string, kind: AgentValueKind, def: string, summary: string, extra: Partial<AgentOption> = {}): AgentOption => ({
  section,
  name,
  kind,
  default: def,
  summary,
  ...extra,
});

export const AGENT_OPTIONS: readonly AgentOption[] = [
  option('tingyun', 'license_key', 'string', '', 'The account key that ties the data the agent sends to your Tingyun account. Without a real key nothing shows up in the account.', { inTemplate: true }),
  option('tingyun', 'app_name', 'string', 'Python App', 'The name the application reports under. Several names separated by `;` report to the first one and link the others to it. An empty value keeps the default.', { inTemplate: true }),
  option('tingyun', 'enabled', 'bool', 'true', 'The master switch: when off, the agent starts no harvest thread and sends nothing.', { inTemplate: true }),
  option('tingyun', 'log_file', 'path', '', 'Where the agent writes its own log; `stdout` and `stderr` are understood. Unset, the log goes to standard output; a file the app user cannot open makes it fall back to standard error.', { inTemplate: true }),
  option('tingyun', 'log_level', 'log-level', 'INFO', 'How much the agent logs. The template and `check-config` call the default DEBUG, but the agent really starts at INFO.', { inTemplate: true }),
  option('tingyun', 'audit_mode', 'bool', 'false', 'Also copies every payload sent to the collector into the agent log, to see exactly what leaves the machine.', { inTemplate: true }),
  option('tingyun', 'auto_action_naming', 'bool', 'true', 'Lets the agent name transactions (actions) by itself from the framework it recognises.', { inTemplate: true }),
  option('tingyun', 'ssl', 'bool', 'true', 'Talks to the collector over https when on, over plain http when off.', { inTemplate: true }),
  option('tingyun', 'action_tracer.log_sql', 'bool', 'false', 'Writes traced SQL statements into the local agent log only (they are not sent).', { inTemplate: true }),
  option('tingyun', 'urls_merge', 'bool', 'true', 'Folds similar URLs into one metric name. It only matters when `auto_action_naming` is off.', { inTemplate: true }),
  option('tingyun', 'verify_certification', 'bool', 'true', "Checks the collector's TLS certificate. Setting `port` in `[tingyun:private]` turns the check off whatever this says."),
  option('tingyun', 'enable_profile', 'bool', 'true', 'A local switch for the thread profiler the server side can ask for.'),
  option('tingyun', 'daemon_debug', 'bool', 'false', 'An internal debugging switch of the agent; leave it off.'),
  option(
    'tingyun',
    'tornado_wsgi_adapter_mode',
    'bool',
    'false',
    "Turn on when a Tornado 4 app is served as a WSGI app (`tornado.wsgi.WSGIAdapter` behind uWSGI or Gunicorn), or a WSGI app runs inside Tornado. The agent then instruments the WSGI entry, the handlers and the HTTP client instead of Tornado's own server and IOLoop, which a WSGI server never runs.",
  ),
  option('tingyun', 'collectors', 'other', '', 'Collector addresses for on-premise installations, separated by commas.', { later: true }),
  option('tingyun', 'log_file_count', 'other', '', 'How many rotated agent log files to keep.', { later: true }),
  option('tingyun', 'log_file_size', 'other', '', 'The size in MB at which the agent log is rotated.', { later: true }),
  option('tingyun', 'gen_ai.provider_url_mapping', 'other', '', 'A JSON object mapping GenAI provider names to their base URLs, to recognise calls through proxies.', { later: true }),
  option('tingyun:exclude', 'plugins', 'list', '', 'Instrumentation groups to switch off, separated by commas (`mysql, redis`). The agent tests each group name against the raw text, so a name that contains another one switches both off.'),
  option('tingyun:private', 'host', 'string', 'redirect.networkbench.com', 'The redirect/collector host of an on-premise installation.'),
  option('tingyun:private', 'port', 'port', '', 'The port of the on-premise collector. Setting it adds `:port` to collector URLs and turns certificate checks off.'),
  option('tingyun:proxy', 'proxy_host', 'string', '', 'The outbound proxy: a host, or `scheme://user:password@host`. A host with no scheme and no `proxy_port` is not used.'),
  option('tingyun:proxy', 'proxy_port', 'port', '', 'The port of the outbound proxy.'),
  option('tingyun:proxy', 'proxy_user', 'string', '', 'The user name for the outbound proxy.'),
  option('tingyun:proxy', 'proxy_pwd', 'string', '', 'The password for the outbound proxy.'),
  option('tingyun:proxy', 'proxy_scheme', 'scheme', 'http', 'How to talk to the proxy: `http` or `https`. A scheme written in `proxy_host` wins over this.'),
];

/** The option of a section by name; the agent's reader lower-cases keys, so `License_Key` is `license_key`. */
export function agentOption(section: string, name: string): AgentOption | undefined {
  const lower = name.toLowerCase();
  return AGENT_OPTIONS.find((candidate) => candidate.section === section && candidate.name === lower);
}

export function agentOptionsOf(section: string): AgentOption[] {
  return AGENT_OPTIONS.filter((candidate) => candidate.section === section);
}

export function isAgentSection(name: string): name is AgentSection {
  return (AGENT_SECTIONS as readonly string[]).includes(name);
}

/** The instrumentation groups `[tingyun:exclude] plugins` can name, with what each covers. */
export const AGENT_PLUGINS: Readonly<Record<string, string>> = {
  memcached: 'python-memcached clients',
  pymemcache: 'pymemcache clients',
  bmemcached: 'python-binary-memcached clients',
  mysql: 'MySQLdb (mysqlclient)',
  pymysql: 'PyMySQL',
  oursql: 'oursql',
  oracle: 'cx_Oracle',
  postgresql: 'py-postgresql',
  psycopg2: 'psycopg2',
  psycopg2ct: 'psycopg2ct',
  psycopg2cffi: 'psycopg2cffi',
  pyodbc: 'pyodbc',
  mongodb: 'pymongo',
  redis: 'redis-py',
  urllib: 'urllib',
  urllib2: 'urllib2',
  urllib3: 'urllib3',
  thrift: 'Thrift clients',
  requests: 'requests',
  httplib2: 'httplib2',
  django: 'Django',
  piston: 'django-piston',
  flask: 'Flask',
  jinja2: 'Jinja2 templates',
  web2py: 'web2py',
  webpy: 'web.py',
  tornado4: "Tornado 4 served by Tornado's own server (native mode)",
  'tornado-wsgi-adapter-mode': 'Tornado 4 served as a WSGI app (used when `tornado_wsgi_adapter_mode` is on)',
  mako: 'Mako templates',
  gevent: "gevent's WSGI server",
  'openstack-nova': 'OpenStack Nova',
  bottle: 'Bottle',
  pika: 'pika (RabbitMQ)',
};

/** Every other plugin that a name also switches off, because the agent tests `name in text`. */
export function pluginsAlsoDisabledBy(written: string): string[] {
  return Object.keys(AGENT_PLUGINS).filter((other) => other !== written && written.includes(other));
}

/** How a value kind is described in hovers and completions. */
export const AGENT_KIND_TEXT: Record<AgentValueKind, Message> = {
  bool: message('tingyun.value-kind.bool'),
  string: message('agent-config.value-kind.text'),
  path: message('tingyun.value-kind.path'),
  'log-level': message('tingyun.value-kind.log-level', { levels: AGENT_LOG_LEVELS.map((level) => `\`${level.toLowerCase()}\``) }),
  list: message('agent-config.value-kind.comma-names'),
  scheme: message('tingyun.value-kind.scheme'),
  port: message('tingyun.value-kind.port'),
  other: message('tingyun.value-kind.other'),
};
