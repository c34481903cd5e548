/**
 * The Simplified Chinese texts of what pydeploy writes about the Tingyun agent's options and instrumentation groups
 * (options.ts), keyed by option name (unique across the agent's sections) and group name: the same facts, written
 * for a Chinese reader, in the agent's own terms (探针, 应用). Option names, values and code stay as they are.
 */
export const AGENT_OPTION_SUMMARIES_ZH_CN: Readonly<Record<string, string>> = {
  license_key: '把探针上报的数据关联到你听云账号的授权码（license key）。没有真实的授权码，账号里什么也看不到。',
  app_name: '应用上报时使用的名字。用 `;` 分隔的多个名字会上报到第一个，并把其余的关联到它。值为空时保持默认值。',
  enabled: '总开关：关闭时探针不启动采集线程，什么也不发送。',
  log_file: '探针自己的日志写到哪里；可以写 `stdout` 和 `stderr`。不设置时日志写到标准输出；应用的运行用户打不开的文件会让它退回到标准错误。',
  log_level: '探针记录多少日志。模板和 `check-config` 说默认是 DEBUG，但探针实际以 INFO 启动。',
  audit_mode: '把发送给收集器（collector）的每份数据也写进探针日志，以便确切看到离开本机的内容。',
  auto_action_naming: '让探针根据它识别出的框架自行为事务（action）命名。',
  ssl: '开启时通过 https 与收集器通信，关闭时通过普通 http。',
  'action_tracer.log_sql': '把追踪到的 SQL 语句只写进本地的探针日志（不会发送出去）。',
  urls_merge: '把相似的 URL 合并为一个指标名。只有在 `auto_action_naming` 关闭时才有作用。',
  verify_certification: '校验收集器的 TLS 证书。在 `[tingyun:private]` 中设置了 `port` 时，无论这里怎么写，校验都会关闭。',
  enable_profile: '服务端可以请求的线程剖析（thread profiler）的本地开关。',
  daemon_debug: '探针内部的调试开关；保持关闭即可。',
  tornado_wsgi_adapter_mode:
    'Tornado 4 应用作为 WSGI 应用运行（在 uWSGI 或 Gunicorn 后面使用 `tornado.wsgi.WSGIAdapter`），或 WSGI 应用运行在 Tornado 中时开启。' +
    '这时探针埋点的是 WSGI 入口、各个 handler 和 HTTP 客户端，而不是 WSGI 服务器从不运行的 Tornado 自带服务器和 IOLoop。',
  collectors: '私有部署时收集器的地址，用逗号分隔。',
  log_file_count: '保留多少个轮转后的探针日志文件。',
  log_file_size: '探针日志达到多大（单位 MB）时轮转。',
  'gen_ai.provider_url_mapping': '一个 JSON 对象，把 GenAI 服务商的名字映射到它们的基础 URL，用于识别经过代理的调用。',
  plugins: '要关闭的埋点组（instrumentation group），用逗号分隔（`mysql, redis`）。探针拿每个组名去匹配原始文本，所以包含另一个组名的名字会把两个组都关掉。',
  host: '私有部署的重定向/收集器主机。',
  port: '私有部署收集器的端口。设置后会在收集器 URL 后加上 `:port`，并关闭证书校验。',
  proxy_host: '出站代理：主机名，或 `scheme://user:password@host`。既没有 scheme 也没有 `proxy_port` 的主机不会被使用。',
  proxy_port: '出站代理的端口。',
  proxy_user: '出站代理的用户名。',
  proxy_pwd: '出站代理的密码。',
  proxy_scheme: '与代理通信的方式：`http` 或 `https`。写在 `proxy_host` 中的 scheme 优先于这里。',
};

/** The groups whose English description has words to translate; the others are a library's name, the same in Chinese. */
export const AGENT_PLUGIN_TEXTS_ZH_CN: Readonly<Record<string, string>> = {
  memcached: 'python-memcached 客户端',
  pymemcache: 'pymemcache 客户端',
  bmemcached: 'python-binary-memcached 客户端',
  thrift: 'Thrift 客户端',
  jinja2: 'Jinja2 模板',
  tornado4: '由 Tornado 自带服务器运行的 Tornado 4（原生模式）',
  'tornado-wsgi-adapter-mode': '作为 WSGI 应用运行的 Tornado 4（`tornado_wsgi_adapter_mode` 开启时使用）',
  mako: 'Mako 模板',
  gevent: 'gevent 的 WSGI 服务器',
};
