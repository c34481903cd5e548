/**
 * Every message pydeploy's server and command line show a user, keyed by a stable id, with its English text and its
 * Simplified Chinese text side by side. `{name}` is a placeholder the message's arguments fill; a translation has
 * exactly the placeholders of its English text (test/unit/l10n.test.ts checks that, and that no zh-cn text is
 * missing). Rule ids, option names, values and code stay as they are in every language; a technical term keeps its
 * English name beside the translation the first time a text uses it. A literal brace is never written here: a
 * `${VAR}` is passed as an argument.
 */
export interface CatalogueEntry {
  en: string;
  'zh-cn'?: string;
}

export const MESSAGES = {
  // ---- Shared by several rules: fix titles and related locations ----
  'fix.remove-line': { en: 'Remove this line', 'zh-cn': '删除这一行' },
  'fix.change-to': { en: 'Change {from} to {to}', 'zh-cn': '将 {from} 改为 {to}' },
  'fix.disable-for-line': { en: 'Disable {rule} for this line', 'zh-cn': '对这一行禁用 {rule}' },
  'fix.all-agent-settings': { en: 'Fix all agent settings', 'zh-cn': '修复所有探针相关设置' },
  'fix.all-in-file': { en: 'Fix all pydeploy problems in this file', 'zh-cn': '修复此文件中所有 pydeploy 问题' },
  'related.set-here': { en: '`{key}` is set here', 'zh-cn': '`{key}` 在这里设置' },
  'related.wins': { en: '{setting} wins', 'zh-cn': '{setting}：以此为准' },
  'related.overridden': { en: '{setting} is overridden', 'zh-cn': '{setting} 被覆盖' },
  'did-you-mean': { en: ' Did you mean {candidates}?', 'zh-cn': '你是不是想写 {candidates}？' },
  'or': { en: '{first} or {rest}', 'zh-cn': '{first} 或 {rest}' },
  'list-or-last': { en: '{first} or {last}', 'zh-cn': '{first} 或 {last}' },
  'hover.type-with-arity': { en: '{type}{arity}', 'zh-cn': '{type}{arity}' },

  // ---- features/analysis.ts: which reading a finding comes from ----
  'analysis.reading-sections': { en: '{message} (reading {sections} as the entry point)', 'zh-cn': '{message}（以 {sections} 作为入口读取时）' },
  'analysis.when-launched-by': { en: '{message} (when launched by {launches})', 'zh-cn': '{message}（通过 {launches} 启动时）' },
  'analysis.launch-in-file': { en: '{label} in {file}', 'zh-cn': '{file} 中的 {label}' },

  // ---- The command line (pydeploy check) ----
  'cli.summary': { en: 'pydeploy: {files} checked: {counts}{quiet}', 'zh-cn': 'pydeploy：已检查 {files}：{counts}{quiet}' },
  'cli.quiet': { en: ' (--quiet: only errors are shown)', 'zh-cn': '（--quiet：只显示错误）' },
  'cli.file': { en: '1 file', 'zh-cn': '1 个文件' },
  'cli.files': { en: '{count} files', 'zh-cn': '{count} 个文件' },
  'cli.error': { en: '1 error', 'zh-cn': '1 个错误' },
  'cli.errors': { en: '{count} errors', 'zh-cn': '{count} 个错误' },
  'cli.warning': { en: '1 warning', 'zh-cn': '1 个警告' },
  'cli.warnings': { en: '{count} warnings', 'zh-cn': '{count} 个警告' },
  'cli.information': { en: '{count} information', 'zh-cn': '{count} 条信息' },
  'cli.hint': { en: '1 hint', 'zh-cn': '1 条提示' },
  'cli.hints': { en: '{count} hints', 'zh-cn': '{count} 条提示' },
  'cli.fix': { en: '1 fix', 'zh-cn': '1 处修复' },
  'cli.fixes': { en: '{count} fixes', 'zh-cn': '{count} 处修复' },
  'cli.fixed': { en: 'fixed: {file} ({fixes})', 'zh-cn': '已修复：{file}（{fixes}）' },
  'cli.too-many-warnings': {
    en: 'pydeploy: {warnings} found, more than --max-warnings {limit} allows',
    'zh-cn': 'pydeploy：发现 {warnings}，超过了 --max-warnings {limit} 允许的数量',
  },
  'cli.skipped': {
    en: 'pydeploy: skipped {file}: not a uWSGI config (no [uwsgi] section), a Gunicorn or agent config, nor a requirement file',
    'zh-cn': 'pydeploy：已跳过 {file}：它不是 uWSGI 配置（没有 [uwsgi] 段），不是 Gunicorn 或探针配置，也不是依赖文件',
  },
  'cli.cannot-read': { en: 'pydeploy: cannot read {path}: {reason}', 'zh-cn': 'pydeploy：无法读取 {path}：{reason}' },
  'cli.not-fixing': {
    en: 'pydeploy: not fixing {file}: it is not valid UTF-8, and rewriting it would change bytes',
    'zh-cn': 'pydeploy：未修复 {file}：它不是有效的 UTF-8，重写会改变其中的字节',
  },
  'cli.cannot-write': { en: 'pydeploy: could not write the fixes to {file}: {reason}', 'zh-cn': 'pydeploy：无法把修复写入 {file}：{reason}' },

  // ---- Rule pages ----
  'severity.error': { en: 'Error', 'zh-cn': '错误' },
  'severity.warning': { en: 'Warning', 'zh-cn': '警告' },
  'severity.information': { en: 'Information', 'zh-cn': '信息' },
  'severity.hint': { en: 'Hint', 'zh-cn': '提示' },
  'page.by-default': { en: '**{severity}** by default · checks {kinds}', 'zh-cn': '默认级别：**{severity}** · 检查{kinds}' },
  'page.kinds': { en: '{first} and {rest}', 'zh-cn': '{first}和{rest}' },
  'page.checks.uwsgi-ini': { en: 'uWSGI configs', 'zh-cn': ' uWSGI 配置' },
  'page.checks.gunicorn-py': { en: 'Gunicorn configs', 'zh-cn': ' Gunicorn 配置' },
  'page.checks.agent-ini': { en: "the Tingyun agent's config (`tingyun.ini`)", 'zh-cn': '听云探针配置（`tingyun.ini`）' },
  'page.checks.newrelic-ini': { en: "the New Relic agent's config (`newrelic.ini`)", 'zh-cn': 'New Relic 探针配置（`newrelic.ini`）' },
  'page.checks.requirements': {
    en: 'requirement files (`requirements*.txt`, `pyproject.toml`, `Pipfile`, `poetry.lock`, `setup.cfg`)',
    'zh-cn': '依赖文件（`requirements*.txt`、`pyproject.toml`、`Pipfile`、`poetry.lock`、`setup.cfg`）',
  },
  'page.checks.launch': {
    en: 'launch files (Dockerfile, Compose, Kubernetes, Procfile, systemd, supervisord, shell scripts, PaaS files)',
    'zh-cn': '启动文件（Dockerfile、Compose、Kubernetes、Procfile、systemd、supervisord、shell 脚本、PaaS 文件）',
  },
  'page.checks.too-large': { en: 'any file pydeploy would check', 'zh-cn': ' pydeploy 会检查的任何文件' },
  'page.checks.any': { en: 'every file pydeploy checks', 'zh-cn': ' pydeploy 检查的所有文件' },
  'page.example': { en: '## Example', 'zh-cn': '## 示例' },
  'page.wrong': { en: 'Wrong, in `{file}`:', 'zh-cn': '错误写法，在 `{file}` 中：' },
  'page.right': { en: 'Right:', 'zh-cn': '正确写法：' },
  'page.how-to-fix': { en: '## How to fix it', 'zh-cn': '## 如何修复' },
  'page.how-to-silence': { en: '## How to silence it', 'zh-cn': '## 如何屏蔽' },
  'page.silence-line': {
    en: '- For one line: put `# pydeploy: disable-next-line={rule}` on the line above it (the quick fix *Disable {rule} for this line* does that).',
    'zh-cn': '- 屏蔽一行：在它上面一行写 `# pydeploy: disable-next-line={rule}`（快速修复“*对这一行禁用 {rule}*”就是这样做的）。',
  },
  'page.silence-file': {
    en: '- For one file: `# pydeploy: disable={rule}` anywhere in it. In ini files `;` works as well as `#`.',
    'zh-cn': '- 屏蔽一个文件：在文件任意位置写 `# pydeploy: disable={rule}`。ini 文件中用 `;` 和 `#` 都可以。',
  },
  'page.silence-project': {
    en: '- For the project: `{setting}` in `[tool.pydeploy]` of `pyproject.toml` (read by the editor and `pydeploy check`).',
    'zh-cn': '- 屏蔽整个项目：在 `pyproject.toml` 的 `[tool.pydeploy]` 中写 `{setting}`（编辑器和 `pydeploy check` 都会读取）。',
  },
  'page.silence-vscode': {
    en: '- In VS Code only: `{setting}` in the settings; a severity (`"hint"`, `"error"`, ...) instead of `"off"` changes how it is shown.',
    'zh-cn': '- 仅在 VS Code 中：在设置中写 `{setting}`；把 `"off"` 换成某个级别（`"hint"`、`"error"` 等）则改变它的显示方式。',
  },
  'page.all-rules': { en: '[All rules]({link})', 'zh-cn': '[全部规则]({link})' },
  'page.index-title': { en: '# pydeploy rules', 'zh-cn': '# pydeploy 规则' },
  'page.index-header': { en: '| rule | default severity | what it reports |', 'zh-cn': '| 规则 | 默认级别 | 报告内容 |' },

  // ---- Hovers and completions ----
  'hover.uwsgi-option': { en: '**{name}** (uWSGI option{plugin})', 'zh-cn': '**{name}**（uWSGI 选项{plugin}）' },
  'hover.uwsgi-plugin': { en: ', {plugin} plugin', 'zh-cn': '，{plugin} 插件' },
  'hover.value': { en: '**Value:** {text}.', 'zh-cn': '**取值：**{text}。' },
  'hover.agent': { en: '**Agent:** {text}', 'zh-cn': '**探针：**{text}' },
  'hover.default': { en: '**Default:** `{value}`', 'zh-cn': '**默认值：**`{value}`' },
  'hover.same-setting-as': { en: 'same setting as {aliases}', 'zh-cn': '与 {aliases} 是同一个设置' },
  'hover.command-line-shortcut': { en: 'command line `-{shortcut}`', 'zh-cn': '命令行 `-{shortcut}`' },
  'hover.repeatable': { en: 'may be repeated', 'zh-cn': '可重复设置' },
  'hover.needs-plugin': { en: 'needs `plugin = {plugin}` unless built in', 'zh-cn': '需要 `plugin = {plugin}`（已内置时除外）' },
  'hover.deprecated': { en: 'deprecated', 'zh-cn': '已弃用' },
  'hover.only-2.1': { en: 'only in uWSGI 2.1 (master), not in 2.0.x', 'zh-cn': '仅 uWSGI 2.1（master 分支）才有，2.0.x 没有' },
  'hover.uwsgi-docs': { en: '[uWSGI documentation]({link})', 'zh-cn': '[uWSGI 文档]({link})' },
  'hover.gunicorn-setting': { en: '**{name}** (Gunicorn setting · {section})', 'zh-cn': '**{name}**（Gunicorn 设置 · {section}）' },
  'hover.hook-arity-one': { en: ' with 1 positional parameter', 'zh-cn': '，接受 1 个位置参数' },
  'hover.hook-arity': { en: ' with {arity} positional parameters', 'zh-cn': '，接受 {arity} 个位置参数' },
  'hover.one-of': { en: ' One of {choices}.', 'zh-cn': '可选值：{choices}。' },
  'hover.command-line': { en: 'command line {flags}', 'zh-cn': '命令行 {flags}' },
  'hover.config-file-only': { en: 'config file only', 'zh-cn': '只能在配置文件中设置' },
  'hover.since': { en: 'since {version}', 'zh-cn': '自 {version} 起' },
  'hover.newer-than': { en: 'newer than {version}', 'zh-cn': '比 {version} 新' },
  'hover.placeholder-undefined': {
    en: '**%({name})**: not defined in this file or the files it includes. uWSGI leaves `%({name})` as it is (or uses the option `{name}` when one is set elsewhere, such as on the command line).',
    'zh-cn': '**%({name})**：在此文件及其包含的文件中都没有定义。uWSGI 会原样保留 `%({name})`（如果别处设置了选项 `{name}`，例如在命令行上，则使用该选项的值）。',
  },
  'hover.placeholder': { en: '**%({name})** = `{value}`\n\nSet by `{key}` on {where}.', 'zh-cn': '**%({name})** = `{value}`\n\n由{where}的 `{key}` 设置。' },
  'hover.line': { en: 'line {line}', 'zh-cn': '第 {line} 行' },
  'hover.file-line': { en: '{file}, line {line}', 'zh-cn': '{file} 第 {line} 行' },
  'completion.uwsgi-option': { en: 'uWSGI option', 'zh-cn': 'uWSGI 选项' },
  'completion.uwsgi-flag': { en: 'uWSGI option (flag)', 'zh-cn': 'uWSGI 选项（开关）' },
  'completion.removed-in-newer': { en: '{path} (removed in newer Gunicorn)', 'zh-cn': '{path}（较新的 Gunicorn 已移除）' },
  'completion.turns-on': { en: 'turns `{name}` on', 'zh-cn': '开启 `{name}`' },
  'completion.turns-off': { en: 'turns `{name}` off', 'zh-cn': '关闭 `{name}`' },
  'completion.uwsgi-kind': { en: '{kind}{plugin}', 'zh-cn': '{kind}{plugin}' },
  'completion.uwsgi-plugin': { en: ' · {plugin} plugin', 'zh-cn': ' · {plugin} 插件' },
  'uwsgi.value-kind.flag': {
    en: 'flag: `false`, `off`, `no` or `0` turn it off; any other value, even an empty one, turns it on',
    'zh-cn': '开关：`false`、`off`、`no` 或 `0` 表示关闭；其他任何值（包括空值）都表示开启',
  },
  'uwsgi.value-kind.int': { en: 'whole number: uWSGI reads anything that is not a number as 0', 'zh-cn': '整数：不是数字的值，uWSGI 一律读作 0' },
  'uwsgi.value-kind.size': { en: 'size in megabytes, a whole number', 'zh-cn': '以 MB 为单位的大小，整数' },
  'uwsgi.value-kind.string': { en: 'text: when set more than once, the last value wins', 'zh-cn': '文本：设置多次时以最后一个值为准' },
  'uwsgi.value-kind.list': {
    en: 'list: every line adds one more value, so repeating the key is the usual way to give several',
    'zh-cn': '列表：每一行追加一个值，要给多个值通常就是重复写这个键',
  },
  'uwsgi.value-kind.other': { en: 'read by a dedicated handler of its own', 'zh-cn': '由专门的处理函数读取' },
  'gunicorn.type.int': {
    en: 'a whole number, 0 or more (a string such as `"4"` or `"0x10"` is read too)',
    'zh-cn': '大于等于 0 的整数（`"4"`、`"0x10"` 这样的字符串也能读取）',
  },
  'gunicorn.type.bool': {
    en: '`True` or `False` (or the strings `"true"`/`"false"`); 1 and 0 are refused',
    'zh-cn': '`True` 或 `False`（或字符串 `"true"`/`"false"`）；不接受 1 和 0',
  },
  'gunicorn.type.string': { en: 'a string', 'zh-cn': '字符串' },
  'gunicorn.type.string-list': { en: 'a list of strings (a single string is taken as a list of one)', 'zh-cn': '字符串列表（单个字符串视为只有一项的列表）' },
  'gunicorn.type.path-list': { en: 'a list of file paths (newer releases also take glob patterns)', 'zh-cn': '文件路径列表（较新版本也接受 glob 模式）' },
  'gunicorn.type.callable': { en: 'a function, usually a `def` with this name', 'zh-cn': '函数，通常是同名的 `def`' },
  'gunicorn.type.dict': { en: 'a dict', 'zh-cn': '字典（dict）' },
  'gunicorn.type.class': { en: 'a short name or a dotted path to a class (or the class itself)', 'zh-cn': '简称，或类的点分路径（也可以直接是类本身）' },
  'gunicorn.type.comma-list': { en: 'a string of comma-separated items', 'zh-cn': '以逗号分隔各项的字符串' },
  'gunicorn.type.address-list': {
    en: 'a string of comma-separated addresses or networks, or `*`',
    'zh-cn': '以逗号分隔的地址或网段组成的字符串，或 `*`',
  },
  'gunicorn.type.choice': { en: 'one of the words listed below', 'zh-cn': '下面列出的值之一' },

  // ---- uwsgi/byte-order-mark ----
  'uwsgi/byte-order-mark.found': {
    en: 'A UTF-8 byte order mark starts the file: uWSGI does not read `[{section}]` as a section header, and ignores the options under it.',
    'zh-cn': '文件以 UTF-8 字节顺序标记（BOM）开头：uWSGI 不会把 `[{section}]` 当作段标题，其下的选项全部被忽略。',
  },

  // ---- uwsgi/conflicting-options ----
  'uwsgi/conflicting-options.alias': {
    en: '`{key}` and `{other}` (line {line}) are the same setting, and the later line wins: this one has no effect.',
    'zh-cn': '`{key}` 与 `{other}`（第 {line} 行）是同一个设置，以后出现的一行为准：这一行不起作用。',
  },
  'uwsgi/conflicting-options.lazy': {
    en: '`lazy` and `lazy-apps` (line {line}) are both on: `lazy` already loads apps in each worker and also changes how reloads work; keep only `lazy-apps`.',
    'zh-cn': '`lazy` 和 `lazy-apps`（第 {line} 行）同时开启：`lazy` 本身就会在每个 worker 中加载应用，还会改变重载（reload）的方式；只保留 `lazy-apps` 即可。',
  },
  'uwsgi/conflicting-options.two-apps': {
    en: '`{key}` and `{other}` (line {line}) both load an app into the default mountpoint: uWSGI loads one and skips the other as already configured.',
    'zh-cn': '`{key}` 和 `{other}`（第 {line} 行）都把应用加载到默认挂载点（mountpoint）：uWSGI 只加载其中一个，另一个因“已配置”而被跳过。',
  },
  'uwsgi/conflicting-options.threads': {
    en: '`threads` (line {line}) turns Python thread support on anyway, so `enable-threads = {value}` has no effect.',
    'zh-cn': '`threads`（第 {line} 行）无论如何都会开启 Python 线程支持，所以 `enable-threads = {value}` 不起作用。',
  },

  // ---- uwsgi/duplicate-option ----
  'uwsgi/duplicate-option.found': {
    en: '`{key}` is set again on {where}, and the last value wins: this line has no effect.',
    'zh-cn': '`{key}` 在{where}再次设置，以最后一个值为准：这一行不起作用。',
  },
  'uwsgi/duplicate-option.line': { en: 'line {line}', 'zh-cn': '第 {line} 行' },
  'uwsgi/duplicate-option.winner': { en: '`{key}` set here wins', 'zh-cn': '以这里设置的 `{key}` 为准' },

  // ---- uwsgi/include-not-found ----
  'uwsgi/include-not-found.not-found': {
    en: 'pydeploy cannot find `{target}`: checks that need the options it sets are skipped.',
    'zh-cn': 'pydeploy 找不到 `{target}`：需要其中选项的检查已跳过。',
  },
  'uwsgi/include-not-found.no-section': {
    en: '`{target}` has no [{section}] section: uWSGI reads nothing from it.',
    'zh-cn': '`{target}` 中没有 [{section}] 段：uWSGI 不会从中读取任何内容。',
  },
  'uwsgi/include-not-found.cycle': {
    en: '`{value}` includes a file that is already being read: the include goes round in a circle.',
    'zh-cn': '`{value}` 包含了一个正在读取的文件：包含（include）形成了循环。',
  },
  'uwsgi/include-not-found.not-in-workspace': {
    en: '`{file}` is not in the workspace: checks that need the options it sets are skipped.',
    'zh-cn': '`{file}` 不在工作区中：需要其中选项的检查已跳过。',
  },
  'uwsgi/include-not-found.other-format': {
    en: 'pydeploy reads ini files only, not this {format}config: the options it sets are not known, and checks that need them are skipped.',
    'zh-cn': 'pydeploy 只读取 ini 文件，不读取这个 {format}配置：其中设置的选项无从得知，需要它们的检查已跳过。',
  },

  // ---- uwsgi/ineffective-option ----
  'uwsgi/ineffective-option.found': { en: '`{key}` has no effect: {reason}.{instead}', 'zh-cn': '`{key}` 不起作用：{reason}。{instead}' },
  'uwsgi/ineffective-option.instead': { en: ' {text}.', 'zh-cn': '{text}。' },
  'uwsgi/ineffective-option.worker-http': {
    en: 'the workers speak HTTP themselves here, without a router',
    'zh-cn': '这里由 worker 自己处理 HTTP，没有路由器（router）',
  },
  'uwsgi/ineffective-option.use-instead': { en: "Use '{to}' instead of '{from}'", 'zh-cn': "用 '{to}' 代替 '{from}'" },
  'uwsgi.feature.http-router': {
    en: 'only the HTTP router reads it, and no `http`/`https` router runs',
    'zh-cn': '只有 HTTP 路由器（router）读取它，而这里没有运行 `http`/`https` 路由器',
  },
  'uwsgi.feature.cheaper': {
    en: 'cheaper mode is off without `cheaper` (above 0): every worker of `processes` starts and stays',
    'zh-cn': '没有 `cheaper`（大于 0）时 cheaper 模式是关闭的：`processes` 指定的 worker 全部启动并一直保留',
  },
  'uwsgi.feature.harakiri': {
    en: 'it changes how harakiri kills a stuck worker, and harakiri is off without `harakiri` (seconds, above 0)',
    'zh-cn': '它调整 harakiri 杀掉卡住的 worker 的方式，而没有 `harakiri`（秒数，大于 0）时 harakiri 是关闭的',
  },
  'uwsgi.feature.max-requests': {
    en: 'it staggers the recycling that `max-requests` (above 0) turns on, and that is not set here',
    'zh-cn': '它用于错开 `max-requests`（大于 0）开启的 worker 回收，而这里没有设置 `max-requests`',
  },
  'uwsgi.feature.max-worker-lifetime': {
    en: 'it staggers the recycling that `max-worker-lifetime` (seconds, above 0) turns on, and that is not set here',
    'zh-cn': '它用于错开 `max-worker-lifetime`（秒数，大于 0）开启的 worker 回收，而这里没有设置 `max-worker-lifetime`',
  },
  'uwsgi.feature.stats': {
    en: 'it changes what the stats server sends, and no stats server runs without `stats`',
    'zh-cn': '它调整统计服务器（stats server）发送的内容，而没有 `stats` 时不会运行统计服务器',
  },
  'uwsgi.feature.spooler': {
    en: 'it configures the spooler, and no spooler runs without `spooler` (or `spooler-external`)',
    'zh-cn': '它配置的是 spooler，而没有 `spooler`（或 `spooler-external`）时不会运行 spooler',
  },
  'uwsgi.instead.http11-socket': {
    en: 'For keep-alive, use `http11-socket` instead of `http-socket`',
    'zh-cn': '要保持连接（keep-alive），请用 `http11-socket` 代替 `http-socket`',
  },
  'uwsgi.instead.enable-proxy-protocol': {
    en: "The workers' sockets read the PROXY line with `enable-proxy-protocol`",
    'zh-cn': '用 `enable-proxy-protocol` 让 worker 的 socket 读取 PROXY 协议行',
  },
  'uwsgi.instead.http-socket-modifier': {
    en: 'For `http-socket` the setting is `{option}`',
    'zh-cn': '对 `http-socket` 来说，对应的设置是 `{option}`',
  },

  // ---- uwsgi/inline-comment ----
  'uwsgi/inline-comment.flag': {
    en: 'uWSGI has no inline comments: it reads `{value}` whole, which is not a false spelling, so `{key}` is on.',
    'zh-cn': 'uWSGI 不支持行内注释：它把 `{value}` 整个读作值，这不是“假”的写法，所以 `{key}` 是开启的。',
  },
  'uwsgi/inline-comment.value': {
    en: 'uWSGI has no inline comments: the comment becomes part of the value of `{key}`.',
    'zh-cn': 'uWSGI 不支持行内注释：注释会成为 `{key}` 的值的一部分。',
  },
  'uwsgi/inline-comment.move': { en: 'Move the comment to its own line', 'zh-cn': '把注释移到单独一行' },

  // ---- uwsgi/invalid-value ----
  'uwsgi/invalid-value.chmod-socket': {
    en: '`chmod-socket` takes three octal digits such as `660` (or no value for 666); uWSGI exits on `{value}`.',
    'zh-cn': '`chmod-socket` 需要三位八进制数字，例如 `660`（不写值则为 666）；遇到 `{value}` 时 uWSGI 会退出。',
  },
  'uwsgi/invalid-value.static-map': {
    en: '`{key}` takes `mountpoint=folder` (e.g. `/static=/srv/app/static`): without the `=`, uWSGI exits on `{value}`.',
    'zh-cn': '`{key}` 的格式是 `挂载点=目录`（例如 `/static=/srv/app/static`）：缺少 `=` 时，遇到 `{value}` uWSGI 会退出。',
  },
  'uwsgi/invalid-value.needs-value': { en: '`{key}` needs a value.', 'zh-cn': '`{key}` 需要一个值。' },
  'uwsgi/invalid-value.needs-megabytes': { en: '`{key}` needs a size in megabytes.', 'zh-cn': '`{key}` 需要一个以 MB 为单位的大小。' },
  'uwsgi/invalid-value.not-number': {
    en: '`{key} = {value}` is not a whole number: uWSGI reads it as {read}.',
    'zh-cn': '`{key} = {value}` 不是整数：uWSGI 会把它读成 {read}。',
  },
  'uwsgi/invalid-value.not-megabytes': {
    en: '`{key} = {value}` is not a whole number of megabytes: uWSGI reads it as {read}.',
    'zh-cn': '`{key} = {value}` 不是以 MB 为单位的整数：uWSGI 会把它读成 {read}。',
  },
  'uwsgi/invalid-value.negative-exits': { en: '`{key}` cannot be negative: uWSGI exits on start.', 'zh-cn': '`{key}` 不能为负数：uWSGI 启动时会退出。' },
  'uwsgi/invalid-value.negative-wraps': {
    en: '`{key}` cannot be negative: uWSGI reads `{value}` as an unsigned number, which wraps round to a huge value.',
    'zh-cn': '`{key}` 不能为负数：uWSGI 把 `{value}` 当作无符号数读取，会回绕成一个极大的值。',
  },
  'uwsgi/invalid-value.too-big-16bit': {
    en: '`{key}` holds at most 65535: uWSGI cuts `{value}` down to 65535.',
    'zh-cn': '`{key}` 最大为 65535：uWSGI 会把 `{value}` 截成 65535。',
  },

  // ---- uwsgi/mount-and-module ----
  'uwsgi/mount-and-module.single': {
    en: '`{loader}` (line {line}) already loads the app at `/`: this mount loads a second one, and each worker imports and keeps both.',
    'zh-cn': '`{loader}`（第 {line} 行）已经在 `/` 加载了应用：这个 mount 又加载了一个，每个 worker 都会导入并保留两份。',
  },
  'uwsgi/mount-and-module.sub-interpreter': {
    en: '`{loader}` (line {line}) already loads the app at `/`: this mount loads a second one, in a sub-interpreter that an agent set up in the first does not see.',
    'zh-cn': '`{loader}`（第 {line} 行）已经在 `/` 加载了应用：这个 mount 又在一个子解释器（sub-interpreter）中加载了一个，在第一个解释器中初始化的探针看不到它。',
  },
  'uwsgi/mount-and-module.default-app': { en: 'the default app is loaded here', 'zh-cn': '默认应用在这里加载' },
  'uwsgi/mount-and-module.remove': { en: "Remove this 'mount' line", 'zh-cn': "删除这一行 'mount'" },

  // ---- uwsgi/worker-lifetime ----
  'uwsgi/worker-lifetime.default': {
    en: '`max-worker-lifetime = {max}` is not above `min-worker-lifetime`, which is {min} seconds when not set: uWSGI exits as it starts (`invalid min-worker-lifetime value`).',
    'zh-cn': '`max-worker-lifetime = {max}` 不大于 `min-worker-lifetime`（未设置时为 {min} 秒）：uWSGI 启动时就会退出（`invalid min-worker-lifetime value`）。',
  },
  'uwsgi/worker-lifetime.set': {
    en: '`max-worker-lifetime = {max}` is not above `min-worker-lifetime = {min}`: uWSGI exits as it starts (`invalid min-worker-lifetime value`).',
    'zh-cn': '`max-worker-lifetime = {max}` 不大于 `min-worker-lifetime = {min}`：uWSGI 启动时就会退出（`invalid min-worker-lifetime value`）。',
  },
  'uwsgi/worker-lifetime.other': { en: '`{key}` is set here', 'zh-cn': '`{key}` 在这里设置' },

  // ---- uwsgi/overridden-option ----
  'uwsgi/overridden-option.loses': {
    en: '{winner} ({place}) is read after this and wins: {overridden} has no effect when uWSGI is launched this way.',
    'zh-cn': '{winner}（{place}）在此之后读取并生效：以这种方式启动 uWSGI 时，{overridden} 不起作用。',
  },
  'uwsgi/overridden-option.wins': { en: '{winner} overrides {overridden} ({place}).', 'zh-cn': '{winner} 覆盖了 {overridden}（{place}）。' },
  'uwsgi/overridden-option.place': { en: '{where}, line {line}', 'zh-cn': '{where}第 {line} 行' },
  'uwsgi/overridden-option.command-line': { en: 'the command line in {file}', 'zh-cn': '{file} 中命令行的' },
  'uwsgi/overridden-option.environment': { en: 'the environment in {file}', 'zh-cn': '{file} 中环境变量的' },
  'uwsgi/overridden-option.file': { en: '{file}', 'zh-cn': '{file} ' },

  // ---- uwsgi/unexpanded-variable ----
  'uwsgi/unexpanded-variable.found': {
    en: 'uWSGI does not expand `{variable}` (unless a template step renders this file first); its syntax for an environment variable is `{own}`{more}',
    'zh-cn': 'uWSGI 不会展开 `{variable}`（除非有模板步骤先渲染这个文件）；uWSGI 引用环境变量的写法是 `{own}`{more}',
  },
  'uwsgi/unexpanded-variable.more': { en: ' ({count} more `{pattern}` in this file).', 'zh-cn': '（此文件中还有 {count} 处 `{pattern}`）。' },
  'uwsgi/unexpanded-variable.end': { en: '.', 'zh-cn': '。' },
  'uwsgi/unexpanded-variable.either': { en: '`{variable}` is not expanded either', 'zh-cn': '`{variable}` 同样不会被展开' },
  'uwsgi/unexpanded-variable.write-one': { en: "Write '{own}', which uWSGI expands", 'zh-cn': "改写为 uWSGI 会展开的 '{own}'" },
  'uwsgi/unexpanded-variable.write-all': { en: "Write every '{pattern}' as '{own}', which uWSGI expands", 'zh-cn': "把所有 '{pattern}' 改写为 uWSGI 会展开的 '{own}'" },

  // ---- uwsgi/unknown-option ----
  'uwsgi/unknown-option.only-2.1': {
    en: '`{key}` exists only in uWSGI 2.1, which no release has; 2.0.x ignores it.',
    'zh-cn': '`{key}` 只存在于尚未发布的 uWSGI 2.1 中；2.0.x 会忽略它。',
  },
  'uwsgi/unknown-option.only-2.1-strict': {
    en: '`{key}` exists only in uWSGI 2.1, which no release has; with `strict` on, 2.0.x refuses to start.',
    'zh-cn': '`{key}` 只存在于尚未发布的 uWSGI 2.1 中；开启 `strict` 时，2.0.x 会拒绝启动。',
  },
  'uwsgi/unknown-option.no-equals': {
    en: '`{key}` has no `=`: uWSGI reads the whole line as one unknown name and ignores it. Write `{fixed}`.',
    'zh-cn': '`{key}` 缺少 `=`：uWSGI 把整行读成一个未知的名字并忽略它。请写成 `{fixed}`。',
  },
  'uwsgi/unknown-option.no-equals-strict': {
    en: '`{key}` has no `=`: uWSGI reads the whole line as one unknown name and refuses to start (`strict` is on). Write `{fixed}`.',
    'zh-cn': '`{key}` 缺少 `=`：uWSGI 把整行读成一个未知的名字，并拒绝启动（开启了 `strict`）。请写成 `{fixed}`。',
  },
  'uwsgi/unknown-option.unknown': {
    en: '`{key}` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect.{hint}',
    'zh-cn': '`{key}` 不是 uWSGI 选项：uWSGI 会默默地把它当作占位符（placeholder）保留，因此它不起作用。{hint}',
  },
  'uwsgi/unknown-option.unknown-strict': {
    en: '`{key}` is not a uWSGI option: with `strict` on, uWSGI refuses to start.{hint}',
    'zh-cn': '`{key}` 不是 uWSGI 选项：开启 `strict` 时，uWSGI 会拒绝启动。{hint}',
  },
  'uwsgi/unknown-option.add-equals': { en: "Add the missing '='", 'zh-cn': "补上缺少的 '='" },

  // ---- uwsgi/unusual-flag-value ----
  'uwsgi/unusual-flag-value.found': {
    en: 'uWSGI reads `{value}` as true: only false, off, no and 0 turn a flag off.',
    'zh-cn': 'uWSGI 把 `{value}` 读作真（true）：只有 false、off、no 和 0 才会关闭开关选项。',
  },

  // ---- gunicorn/hook-signature ----
  'gunicorn/hook-signature.found': {
    en: 'Gunicorn calls `{hook}` with {expected} ({signature}), but this definition takes {positional}: Gunicorn refuses to start.',
    'zh-cn': 'Gunicorn 调用 `{hook}` 时传入{expected}（{signature}），但这个定义接受 {positional} 个：Gunicorn 会拒绝启动。',
  },
  'gunicorn/hook-signature.one-parameter': { en: '1 positional parameter', 'zh-cn': ' 1 个位置参数' },
  'gunicorn/hook-signature.parameters': { en: '{count} positional parameters', 'zh-cn': ' {count} 个位置参数' },

  // ---- gunicorn/ineffective-setting ----
  'gunicorn/ineffective-setting.found': {
    en: '`{name}` has no effect: the `{worker}` worker (line {line}) {reason}.',
    'zh-cn': '`{name}` 不起作用：`{worker}` worker（第 {line} 行）{reason}。',
  },
  'gunicorn/ineffective-setting.worker-class': { en: 'the worker class is `{worker}`', 'zh-cn': 'worker 类型是 `{worker}`' },
  'gunicorn.worker.one-connection': {
    en: 'serves one connection at a time and never reads it (only gthread, gevent and eventlet do)',
    'zh-cn': '一次只处理一个连接，从不读取这个设置（只有 gthread、gevent 和 eventlet 会读取）',
  },
  'gunicorn.worker.no-keepalive': {
    en: 'closes each connection after its response (only gthread, gevent and eventlet keep them)',
    'zh-cn': '每个响应之后都会关闭连接（只有 gthread、gevent 和 eventlet 会保持连接）',
  },

  // ---- gunicorn/invalid-value ----
  'gunicorn/invalid-value.found': { en: 'Invalid value for `{name}`: {problem}.{hint}', 'zh-cn': '`{name}` 的值无效：{problem}。{hint}' },
  'gunicorn/invalid-value.change-to': { en: 'Change to "{value}"', 'zh-cn': '改为 "{value}"' },

  'gunicorn.value.list': { en: 'a list', 'zh-cn': '列表' },
  'gunicorn.value.tuple': { en: 'a tuple', 'zh-cn': '元组' },
  'gunicorn.value.set': { en: 'a set', 'zh-cn': '集合' },
  'gunicorn.value.dict': { en: 'a dict', 'zh-cn': '字典' },
  'gunicorn.value.bytes': { en: 'a bytes literal', 'zh-cn': 'bytes 字面量' },
  'gunicorn.value.lambda': { en: 'a lambda', 'zh-cn': 'lambda 表达式' },
  'gunicorn.value.other': { en: 'this value', 'zh-cn': '这个值' },
  'gunicorn.invalid.bool-string': {
    en: '{value} is not a boolean: Gunicorn accepts only True or False (or the strings "true" and "false")',
    'zh-cn': '{value} 不是布尔值：Gunicorn 只接受 True 或 False（或字符串 "true" 和 "false"）',
  },
  'gunicorn.invalid.bool': {
    en: '{value} is not a boolean: Gunicorn accepts only True or False, not 1/0 or other values',
    'zh-cn': '{value} 不是布尔值：Gunicorn 只接受 True 或 False，不接受 1/0 或其他值',
  },
  'gunicorn.invalid.negative': {
    en: '{value} is negative: this setting takes a whole number of 0 or more',
    'zh-cn': '{value} 是负数：这个设置需要大于等于 0 的整数',
  },
  'gunicorn.invalid.unreadable-number': {
    en: '{value} is not a whole number Gunicorn can read (decimal without leading zeros, or 0x/0o/0b)',
    'zh-cn': '{value} 不是 Gunicorn 能读取的整数（不带前导零的十进制数，或 0x/0o/0b 开头的数）',
  },
  'gunicorn.invalid.not-number': { en: '{value} is not a whole number', 'zh-cn': '{value} 不是整数' },
  'gunicorn.invalid.not-string': { en: '{value} is not a string', 'zh-cn': '{value} 不是字符串' },
  'gunicorn.invalid.list-item': { en: 'an item of the list, {value}, is not a string', 'zh-cn': '列表中的一项 {value} 不是字符串' },
  'gunicorn.invalid.not-string-list': { en: '{value} is neither a string nor a list of strings', 'zh-cn': '{value} 既不是字符串，也不是字符串列表' },
  'gunicorn.invalid.comma-list': {
    en: '{value} is not a string: give the items as one comma-separated string',
    'zh-cn': '{value} 不是字符串：请把各项写成一个以逗号分隔的字符串',
  },
  'gunicorn.invalid.not-dict': { en: '{value} is not a dict', 'zh-cn': '{value} 不是字典' },
  'gunicorn.invalid.not-worker': { en: '{value} is not a worker class', 'zh-cn': '{value} 不是 worker 类' },
  'gunicorn.invalid.unknown-worker': {
    en: '{value} is neither a Gunicorn worker name nor a dotted path to a worker class: Gunicorn stops when it starts the workers',
    'zh-cn': '{value} 既不是 Gunicorn 的 worker 名字，也不是 worker 类的点分路径：Gunicorn 启动 worker 时会停止',
  },
  'gunicorn.invalid.not-import-path': {
    en: '{value} is not an import path: a hook given as a string must be written `module.function`',
    'zh-cn': '{value} 不是导入路径：以字符串给出的钩子必须写成 `module.function`',
  },
  'gunicorn.invalid.lambda-one': {
    en: 'this lambda takes 1 positional parameter, but Gunicorn calls this hook with {arities}',
    'zh-cn': '这个 lambda 接受 1 个位置参数，但 Gunicorn 调用这个钩子时传入 {arities} 个',
  },
  'gunicorn.invalid.lambda': {
    en: 'this lambda takes {positional} positional parameters, but Gunicorn calls this hook with {arities}',
    'zh-cn': '这个 lambda 接受 {positional} 个位置参数，但 Gunicorn 调用这个钩子时传入 {arities} 个',
  },
  'gunicorn.invalid.not-callable': { en: '{value} is not callable: this setting takes a function', 'zh-cn': '{value} 不可调用：这个设置需要一个函数' },
  'gunicorn.invalid.not-choice': { en: '{value} is not one of {choices}', 'zh-cn': '{value} 不是 {choices} 之一' },
  'gunicorn.invalid.not-class': { en: '{value} is not a class or a dotted path to one', 'zh-cn': '{value} 既不是类，也不是类的点分路径' },
  'gunicorn.invalid.not-user': { en: '{value} is neither a name nor a numeric id', 'zh-cn': '{value} 既不是名字，也不是数字 id' },

  // ---- gunicorn/overridden-setting ----
  'gunicorn/overridden-setting.loses': {
    en: '{winner}{where} wins over {overridden}: this value is not the one in force.',
    'zh-cn': '{winner}{where}优先于 {overridden}：这里的值不是实际生效的值。',
  },
  'gunicorn/overridden-setting.wins': { en: '{winner} overrides {overridden}.', 'zh-cn': '{winner} 覆盖了 {overridden}。' },
  'gunicorn/overridden-setting.where': { en: ' ({label} in {file})', 'zh-cn': '（{file} 中的 {label}）' },
  'gunicorn/overridden-setting.in-file': { en: '`{name}` in the config file', 'zh-cn': '配置文件中的 `{name}`' },
  'gunicorn/overridden-setting.in-environment': { en: '`{flag}` in the environment', 'zh-cn': '环境变量中的 `{flag}`' },
  'gunicorn/overridden-setting.in-cmd-args': { en: '`{flag}` in `GUNICORN_CMD_ARGS`', 'zh-cn': '`GUNICORN_CMD_ARGS` 中的 `{flag}`' },
  'gunicorn/overridden-setting.on-command-line': { en: '`{flag}` on the command line', 'zh-cn': '命令行上的 `{flag}`' },

  // ---- gunicorn/unknown-setting ----
  'gunicorn/unknown-setting.former': { en: '`{name}` {note}.', 'zh-cn': '`{name}` {note}。' },
  'gunicorn/unknown-setting.no-longer': { en: 'is no longer a Gunicorn setting', 'zh-cn': '已不再是 Gunicorn 设置' },
  'gunicorn/unknown-setting.debug': {
    en: 'was removed in Gunicorn 19.0 and is now ignored; use `reload` for code reloading or `loglevel = "debug"` for verbose logs',
    'zh-cn': '已在 Gunicorn 19.0 中移除，现在会被忽略；重新加载代码请用 `reload`，详细日志请用 `loglevel = "debug"`',
  },
  'gunicorn/unknown-setting.flag': {
    en: '`{name}` is not a Gunicorn setting (it is the command-line flag\'s spelling), so Gunicorn ignores it: did you mean {names}?',
    'zh-cn': '`{name}` 不是 Gunicorn 设置（这是命令行参数的写法），Gunicorn 会忽略它：你是不是想写 {names}？',
  },
  'gunicorn/unknown-setting.case': {
    en: '`{name}` is not a Gunicorn setting: setting names are lower-case, so Gunicorn ignores it. Did you mean {names}?',
    'zh-cn': '`{name}` 不是 Gunicorn 设置：设置名都是小写的，Gunicorn 会忽略它。你是不是想写 {names}？',
  },
  'gunicorn/unknown-setting.typo': {
    en: '`{name}` is not a Gunicorn setting, so Gunicorn ignores it: did you mean {names}?',
    'zh-cn': '`{name}` 不是 Gunicorn 设置，Gunicorn 会忽略它：你是不是想写 {names}？',
  },
  'gunicorn/unknown-setting.rename': { en: 'Rename to {name}', 'zh-cn': '重命名为 {name}' },

  // ---- launch/unknown-option and launch/option-prefix ----
  'launch/unknown-option.unknown': {
    en: '`{name}` is not a {program} option: {program} refuses to start (`{refusal}`).{hint}',
    'zh-cn': '`{name}` 不是 {program} 的选项：{program} 会拒绝启动（`{refusal}`）。{hint}',
  },
  'launch/unknown-option.ambiguous': {
    en: '`{name}` is the start of several {program} options ({candidates}{more}): {program} refuses to start, as it cannot tell which one is meant.',
    'zh-cn': '`{name}` 是多个 {program} 选项的开头（{candidates}{more}）：{program} 无法判断指的是哪一个，会拒绝启动。',
  },
  'launch/unknown-option.more': { en: ', and {count} more', 'zh-cn': '，另有 {count} 个' },
  'launch/unknown-option.missing-value': { en: '`{name}` takes a value, and none follows: {program} refuses to start.', 'zh-cn': '`{name}` 需要一个值，但后面没有：{program} 会拒绝启动。' },
  'launch/unknown-option.unexpected-value': {
    en: '`{name}` is a flag that takes no value: {program} refuses to start when one is given with `=`.',
    'zh-cn': '`{name}` 是不接受值的开关：用 `=` 给它赋值时，{program} 会拒绝启动。',
  },
  'launch/unknown-option.unloadable': {
    en: 'uWSGI loads a word that is no option as a config file picked by its ending (.ini, .yaml, .json, .xml), and `{name}` has none of them: uWSGI refuses to start (`unable to load configuration from {name}`).{hint}',
    'zh-cn': 'uWSGI 会把不是选项的参数当作配置文件，按扩展名（.ini、.yaml、.json、.xml）选择读取方式，而 `{name}` 不带其中任何一个：uWSGI 会拒绝启动（`unable to load configuration from {name}`）。{hint}',
  },
  'launch/unknown-option.section-hint': {
    en: ' A section is chosen only after `--ini`: `--ini {name}`.',
    'zh-cn': '只有跟在 `--ini` 后面才能选择段：`--ini {name}`。',
  },
  'launch/option-prefix.found': {
    en: '`{name}` is read as `{full}`, the only option it begins; written in full, it stays so when {program} gains options.',
    'zh-cn': '`{name}` 被读作 `{full}`，因为只有这个选项以它开头；写成全称，{program} 以后新增选项时也不会变。',
  },

  // ---- The agents' own config files: tingyun/* (tingyun.ini) and newrelic/* (newrelic.ini), their hovers ----
  'agent-config.remove-line': { en: 'Remove line {line}', 'zh-cn': '删除第 {line} 行' },
  'agent-config.change-to': { en: 'Change to {value}', 'zh-cn': '改为 {value}' },
  'agent-config.set-value': { en: 'Set {key} to {value}', 'zh-cn': '把 {key} 设为 {value}' },
  'agent-config.set-value-move-comment': {
    en: 'Set {key} to {value} and move the comment to its own line',
    'zh-cn': '把 {key} 设为 {value}，并把注释移到单独一行',
  },
  'agent-config.move-comment': { en: 'Move the comment to its own line', 'zh-cn': '把注释移到单独一行' },
  'agent-config.add-header': { en: 'Add a [{section}] header at the top', 'zh-cn': '在文件开头添加 [{section}] 段标题' },
  'agent-config.rename-section': { en: 'Rename the section to [{name}]', 'zh-cn': '把段重命名为 [{name}]' },

  'tingyun/duplicate-option.section': {
    en: "[{section}] is repeated (first on line {line}): the agent's config reader refuses the file and the agent does not start. Merge the two sections.",
    'zh-cn': '[{section}] 段重复出现（第一次在第 {line} 行）：探针的配置读取器拒绝整个文件，探针不会启动。请把两个段合并。',
  },
  'tingyun/duplicate-option.key': {
    en: "`{key}` is already set in [{section}] on line {line}: the agent's config reader refuses a repeated key, and the agent does not start.",
    'zh-cn': '`{key}` 已在 [{section}] 段第 {line} 行设置过：探针的配置读取器不接受重复的键，探针不会启动。',
  },
  'tingyun/exclude-plugins.unknown': {
    en: '`{name}` is no instrumentation group of the agent, so it switches nothing off by itself.{also}{hint}',
    'zh-cn': '`{name}` 不是探针的埋点组（instrumentation group），它本身什么也关不掉。{also}{hint}',
  },
  'tingyun/exclude-plugins.also': { en: ' It also switches off {others}, whose name it contains.', 'zh-cn': '它还会关掉名字被它包含在内的 {others}。' },
  'tingyun/exclude-plugins.substring': {
    en: 'The agent matches group names as substrings: `{name}` also switches off {others}.',
    'zh-cn': '探针按子串匹配埋点组的名字：`{name}` 还会关掉 {others}。',
  },
  'tingyun/invalid-value.boolean-comment': {
    en: "The agent's reader keeps the comment as part of the value, so {value} is no boolean: it drops the value without a word and `{key}` stays at its default ({default}).",
    'zh-cn': '探针的读取器把注释也当作值的一部分，所以 {value} 不是布尔值：探针不声不响地丢弃这个值，`{key}` 保持默认值（{default}）。',
  },
  'tingyun/invalid-value.boolean': {
    en: 'The agent reads only true, false, on or off here, not {value}: it drops the value without a word and `{key}` stays at its default ({default}).',
    'zh-cn': '这里探针只认 true、false、on 或 off，不认 {value}：探针不声不响地丢弃这个值，`{key}` 保持默认值（{default}）。',
  },
  'tingyun/invalid-value.empty-value': { en: 'an empty value', 'zh-cn': '空值' },
  'tingyun/invalid-value.no-equals': {
    en: "{key} has neither `=` nor `:`: the agent's config reader refuses the whole file and the agent does not start.",
    'zh-cn': '{key} 既没有 `=` 也没有 `:`：探针的配置读取器拒绝整个文件，探针不会启动。',
  },
  'tingyun/invalid-value.log-level': {
    en: '{value} is no log level the agent knows{comment}: it keeps its default, INFO. Use critical, error, warning, info or debug.',
    'zh-cn': '{value} 不是探针认识的日志级别{comment}：探针保持默认的 INFO。请使用 critical、error、warning、info 或 debug。',
  },
  'tingyun/invalid-value.comment-in-value': { en: ' (the comment is part of the value)', 'zh-cn': '（注释也算在值里）' },
  'tingyun/invalid-value.scheme': { en: '`proxy_scheme` is `http` or `https`, not {value}.', 'zh-cn': '`proxy_scheme` 只能是 `http` 或 `https`，不能是 {value}。' },
  'tingyun/invalid-value.inline-comment': {
    en: "The agent's reader has no inline comments: `{key}` gets {value}, comment included.",
    'zh-cn': '探针的读取器不支持行内注释：`{key}` 得到的值是 {value}，注释也包括在内。',
  },
  'tingyun/missing-license-key.no-key': {
    en: '[tingyun] has no `license_key`: the agent has nothing to identify your account with, and its data is not accepted.',
    'zh-cn': '[tingyun] 段没有 `license_key`：探针没有可以标识你账号的授权码（license key），上报的数据不会被接收。',
  },
  'tingyun/missing-license-key.empty': {
    en: '`license_key` is empty: the agent has nothing to identify your account with, and its data is not accepted.',
    'zh-cn': '`license_key` 是空的：探针没有可以标识你账号的授权码（license key），上报的数据不会被接收。',
  },
  'tingyun/missing-license-key.placeholder': {
    en: "`license_key` is still the template's placeholder `{value}`: put the key of your Tingyun account here.",
    'zh-cn': '`license_key` 仍是模板里的占位文字 `{value}`：请在这里填写你听云账号的授权码。',
  },
  'tingyun/missing-section.stray': {
    en: "`{key}` comes before any section header: the agent's config reader refuses such a file and the agent does not start.",
    'zh-cn': '`{key}` 出现在所有段标题之前：探针的配置读取器拒绝这样的文件，探针不会启动。',
  },
  'tingyun/missing-section.none': {
    en: 'The agent config has no [tingyun] section{hint}: the agent finds no license key and reports nothing.',
    'zh-cn': '探针配置中没有 [tingyun] 段{hint}：探针找不到授权码，什么也不会上报。',
  },
  'tingyun/missing-section.case': { en: ' (names are case-sensitive: `[{name}]` is another one)', 'zh-cn': '（段名区分大小写：`[{name}]` 是另一个段）' },
  'tingyun/unknown-option.found': {
    en: '`{key}` is not an option the agent reads in [{section}]: it is ignored and has no effect.{hint}',
    'zh-cn': '`{key}` 不是探针在 [{section}] 段中读取的选项：它会被忽略，不起作用。{hint}',
  },
  'tingyun/unknown-option.belongs': { en: ' It belongs in [{section}].', 'zh-cn': '它应该写在 [{section}] 段中。' },
  'tingyun/unknown-option.other-section': {
    en: ' Did you mean `{name}`, an option of [{section}]?',
    'zh-cn': '你是不是想写 [{section}] 段的选项 `{name}`？',
  },
  'tingyun/unknown-section.found': {
    en: 'The agent reads no section named [{name}], so its options have no effect.{hint}',
    'zh-cn': '探针不读取名为 [{name}] 的段，段中的选项都不起作用。{hint}',
  },
  'newrelic/duplicate-option.section': {
    en: "[{section}] is repeated (first on line {line}): Python's config reader refuses the file, and the agent does not start. Merge the two sections.",
    'zh-cn': '[{section}] 段重复出现（第一次在第 {line} 行）：Python 的配置读取器拒绝整个文件，探针不会启动。请把两个段合并。',
  },
  'newrelic/duplicate-option.key': {
    en: "{key} is already set in [{section}] on line {line}: Python's config reader refuses a repeated key, and the agent does not start.",
    'zh-cn': '{key} 已在 [{section}] 段第 {line} 行设置过：Python 的配置读取器不接受重复的键，探针不会启动。',
  },
  'newrelic/invalid-value.empty': {
    en: '`{key}` is empty, and `{name}` takes {expected}: {consequence}.',
    'zh-cn': '`{key}` 是空的，而 `{name}` 需要的是{expected}：{consequence}。',
  },
  'newrelic/invalid-value.wrong': { en: '{value} is not {expected}{commented}: {consequence}.', 'zh-cn': '{value} 不是{expected}{commented}：{consequence}。' },
  'newrelic/invalid-value.commented': { en: ' (a `;` or `#` after a value is part of it)', 'zh-cn': '（值后面的 `;` 或 `#` 也算在值里）' },
  'newrelic/invalid-value.refused': { en: 'the agent logs a configuration error and keeps the default', 'zh-cn': '探针会记录一条配置错误，并保持默认值' },
  'newrelic/invalid-value.ignored': { en: 'the agent ignores the value', 'zh-cn': '探针会忽略这个值' },
  'newrelic/literal-placeholder.found': {
    en: 'The agent reads this file without interpolation: `{key}` gets {value} as written, not the value of `{name}`.',
    'zh-cn': '探针读取这个文件时不做插值（interpolation）：`{key}` 得到的就是字面上的 {value}，而不是 `{name}` 的值。',
  },
  'newrelic/missing-license-key.empty': {
    en: 'An empty `license_key` in [{section}] replaces `{variable}` of the environment with nothing: the agent has no key. Set it, or remove the line.',
    'zh-cn': '[{section}] 段中空的 `license_key` 会把环境变量 `{variable}` 覆盖成空值：探针没有许可证密钥（license key）。请填上密钥，或删除这一行。',
  },
  'newrelic/missing-license-key.none': {
    en: "[newrelic] sets no `license_key` and no file here names `{variable}`: unless the app's environment sets it, the agent reports nothing.",
    'zh-cn': '[newrelic] 段没有设置 `license_key`，这里也没有任何文件提到 `{variable}`：除非应用的运行环境设置了它，否则探针什么也不会上报。',
  },
  'newrelic/removed-option.found': {
    en: '{key} was last read by New Relic agent {release}: later releases ignore it{pin}.',
    'zh-cn': '最后一个读取 {key} 的 New Relic 探针版本是 {release}：之后的版本会忽略它{pin}。',
  },
  'newrelic/removed-option.pin': { en: '; the project allows {pin}', 'zh-cn': '；而项目允许的是 {pin}' },
  'newrelic/syntax-error.byte-order-mark': {
    en: "A UTF-8 byte order mark starts the file: the agent's reader takes it for text before the first header and refuses the whole file.",
    'zh-cn': '文件以 UTF-8 字节顺序标记（BOM）开头：探针的读取器把它当作第一个段标题之前的文本，拒绝整个文件。',
  },
  'newrelic/syntax-error.stray': {
    en: "{key} comes before any section header: Python's config reader refuses the whole file, and the agent does not start.",
    'zh-cn': '{key} 出现在所有段标题之前：Python 的配置读取器拒绝整个文件，探针不会启动。',
  },
  'newrelic/syntax-error.no-equals': {
    en: "{key} has neither `=` nor `:`: Python's config reader refuses the whole file, and the agent does not start.",
    'zh-cn': '{key} 既没有 `=` 也没有 `:`：Python 的配置读取器拒绝整个文件，探针不会启动。',
  },
  'newrelic/syntax-error.no-key': {
    en: "This line has a value but no key: Python's config reader refuses the whole file, and the agent does not start.",
    'zh-cn': '这一行有值却没有键：Python 的配置读取器拒绝整个文件，探针不会启动。',
  },
  'newrelic/unknown-option.found': {
    en: '{key} is not an option the New Relic agent reads, so it has no effect.{hint}',
    'zh-cn': '{key} 不是 New Relic 探针读取的选项，所以它不起作用。{hint}',
  },
  'newrelic/unknown-section.found': {
    en: 'The New Relic agent reads no section named [{name}], so its options have no effect. Did you mean [{intended}]?',
    'zh-cn': 'New Relic 探针不读取名为 [{name}] 的段，段中的选项都不起作用。你是不是想写 [{intended}]？',
  },
  'newrelic.expected.boolean': { en: 'a boolean (true/false, on/off, yes/no, 1/0)', 'zh-cn': '布尔值（true/false、on/off、yes/no、1/0）' },
  'newrelic.expected.whole-number': { en: 'a whole number', 'zh-cn': '整数' },
  'newrelic.expected.number': { en: 'a number', 'zh-cn': '数字' },
  'newrelic.expected.ratio': { en: 'a number above 0 and at most 1', 'zh-cn': '大于 0 且不超过 1 的数' },
  'newrelic.expected.sampler': {
    en: 'a sampler other than `trace_id_ratio_based`, which only the `.trace_id_ratio_based.ratio` option selects',
    'zh-cn': '`trace_id_ratio_based` 以外的采样器（sampler）——`trace_id_ratio_based` 只能由 `.trace_id_ratio_based.ratio` 选项选定',
  },
  'newrelic.expected.any-case': { en: 'one of {choices} (any case)', 'zh-cn': '下列值之一：{choices}（不区分大小写）' },
  'newrelic.expected.lower-case': { en: 'one of {choices} (lower case)', 'zh-cn': '下列值之一：{choices}（须小写）' },
  'newrelic.expected.threshold': { en: 'a number of seconds, or `apdex_f`', 'zh-cn': '秒数，或 `apdex_f`' },
  'newrelic.expected.status-codes': { en: 'codes and ranges separated by spaces (`404 500-599`)', 'zh-cn': '以空格分隔的状态码和范围（`404 500-599`）' },
  'newrelic.expected.listener-socket': {
    en: 'a path where `%` appears only as `%(pid)s` or `%%`',
    'zh-cn': '一个路径，其中的 `%` 只能以 `%(pid)s` 或 `%%` 的形式出现',
  },
  'newrelic.expected.aws-account': { en: 'a 12-digit AWS account number', 'zh-cn': '由 12 位数字组成的 AWS 账号' },
  'newrelic.expected.mapping': { en: '`key:value` pairs separated by `;`', 'zh-cn': '以 `;` 分隔的 `key:value` 对' },
  'hover.tingyun-option': { en: '**{name}** (Tingyun agent, `[{section}]`)', 'zh-cn': '**{name}**（听云探针，`[{section}]` 段）' },
  'hover.tingyun-no-default': { en: '**Default:** none', 'zh-cn': '**默认值：**无' },
  'hover.tingyun-later': { en: 'Not read by agent 1.3.0; written for later releases.', 'zh-cn': '1.3.0 版探针不读取它；它是为更新的探针版本写的。' },
  'hover.tingyun-plugin': { en: '**{name}** (agent instrumentation group): {what}.', 'zh-cn': '**{name}**（探针埋点组）：{what}。' },
  'hover.tingyun-plugin-also': {
    en: 'Listing it also switches off {others}: the agent looks for each group name inside the text.',
    'zh-cn': '写上它还会关掉 {others}：探针是在整段文本中查找每个组名的。',
  },
  'tingyun.value-kind.bool': {
    en: '`true`/`false`/`on`/`off` in any case; anything else (`yes`, `1`, a trailing comment) is dropped and the default kept',
    'zh-cn': '`true`/`false`/`on`/`off`，不区分大小写；其他值（`yes`、`1`、行尾注释）都会被丢弃，保持默认值',
  },
  'tingyun.value-kind.path': { en: 'a file path, or `stdout`/`stderr`', 'zh-cn': '文件路径，或 `stdout`/`stderr`' },
  'tingyun.value-kind.log-level': {
    en: 'one of {levels} (any case); another name is dropped and the default kept',
    'zh-cn': '{levels} 之一（不区分大小写）；其他名字会被丢弃，保持默认值',
  },
  'tingyun.value-kind.scheme': { en: '`http` or `https`', 'zh-cn': '`http` 或 `https`' },
  'tingyun.value-kind.port': { en: 'a port number', 'zh-cn': '端口号' },
  'tingyun.value-kind.other': { en: 'read by later agent releases; pydeploy does not judge the value', 'zh-cn': '由更新的探针版本读取；pydeploy 不判断它的值' },
  'agent-config.value-kind.text': { en: 'text, taken as written', 'zh-cn': '文本，按原样读取' },
  'agent-config.value-kind.comma-names': { en: 'names separated by commas', 'zh-cn': '以逗号分隔的名字' },
  'completion.tingyun-section': { en: 'agent section', 'zh-cn': '听云探针配置段' },
  'completion.agent-value': { en: '`{name}` = {value}{default}', 'zh-cn': '`{name}` = {value}{default}' },
  'completion.agent-default': { en: ' (default)', 'zh-cn': '（默认）' },
  'hover.newrelic-option': { en: '**{name}** (New Relic agent, `[newrelic]` or `[newrelic:ENV]`)', 'zh-cn': '**{name}**（New Relic 探针，`[newrelic]` 或 `[newrelic:ENV]` 段）' },
  'hover.newrelic-unset': { en: '**Default:** unset', 'zh-cn': '**默认值：**未设置' },
  'hover.newrelic-environment': {
    en: "The environment variable `{variable}` sets it too; this file's value wins when both are set.",
    'zh-cn': '环境变量 `{variable}` 也能设置它；两处都设置时以这个文件中的值为准。',
  },
  'hover.newrelic-replaced': {
    en: 'An older name: the agent still reads it, logs that it is deprecated, and `{name}` wins when both are set.',
    'zh-cn': '这是旧名字：探针仍会读取它，并在日志中提示它已弃用（deprecated）；两者都设置时以 `{name}` 为准。',
  },
  'hover.newrelic-environment-section': {
    en: "An `[newrelic:ENV]` section overrides it when the agent runs with that environment (`NEW_RELIC_ENVIRONMENT`). From the agent's source at {commit}.",
    'zh-cn': '探针以某个环境（`NEW_RELIC_ENVIRONMENT`）运行时，对应的 `[newrelic:ENV]` 段会覆盖它。依据探针源码（提交 {commit}）。',
  },
  'completion.newrelic-main-section': { en: 'New Relic agent settings', 'zh-cn': 'New Relic 探针设置' },
  'completion.newrelic-environment-section': { en: 'settings for one environment (NEW_RELIC_ENVIRONMENT)', 'zh-cn': '某个运行环境的设置（NEW_RELIC_ENVIRONMENT）' },
  'newrelic.value.boolean': {
    en: 'a boolean: `true`/`false`, `on`/`off`, `yes`/`no` or `1`/`0`, in any case',
    'zh-cn': '布尔值：`true`/`false`、`on`/`off`、`yes`/`no` 或 `1`/`0`，不区分大小写',
  },
  'newrelic.value.ratio': { en: 'a ratio above 0 and at most 1 (any other value leaves it unset)', 'zh-cn': '大于 0 且不超过 1 的比例（其他值会让它保持未设置）' },
  'newrelic.value.log-level': { en: 'a log level: {levels} (any case)', 'zh-cn': '日志级别：{levels}（不区分大小写）' },
  'newrelic.value.lower-case': { en: 'one of {choices}, in lower case', 'zh-cn': '{choices} 之一，须小写' },
  'newrelic.value.threshold': { en: 'seconds as a number, or `apdex_f` (four times the apdex target)', 'zh-cn': '以数字表示的秒数，或 `apdex_f`（apdex 目标值的四倍）' },
  'newrelic.value.status-codes': {
    en: 'HTTP status codes and ranges separated by spaces (`404 500-599`); `!404` takes one out',
    'zh-cn': '以空格分隔的 HTTP 状态码和范围（`404 500-599`）；`!404` 表示排除其中一个',
  },
  'newrelic.value.listener-socket': { en: 'a socket path; `%(pid)s` becomes the process id', 'zh-cn': 'socket 路径；`%(pid)s` 会替换为进程 id' },
  'newrelic.value.space-names': { en: 'names separated by white space', 'zh-cn': '以空白分隔的名字' },
  // ---- What each agent loses when a need is not met (knowledge/agents/*.ts `consequence`), agents' names and signals ----
  'consequence.appdynamics.uwsgi-threads': { en: '{agent} needs threads and reports nothing without them', 'zh-cn': '{agent}依赖线程，没有线程就什么也不上报' },
  'consequence.datadog.uwsgi-threads': { en: "{agent}'s tracer does not start (ddtrace's uWSGI check fails)", 'zh-cn': '{agent}的追踪器（tracer）不会启动（ddtrace 对 uWSGI 配置的检查不通过）' },
  'consequence.datadog.uwsgi-lazy-apps': { en: "{agent}'s tracer can deadlock workers that respawn", 'zh-cn': '{agent}的追踪器可能让重新拉起的 worker 死锁' },
  'consequence.datadog.uwsgi-master': { en: "{agent}'s tracer does not start (ddtrace's uWSGI check fails)", 'zh-cn': '{agent}的追踪器（tracer）不会启动（ddtrace 对 uWSGI 配置的检查不通过）' },
  'consequence.datadog.uwsgi-skip-atexit': { en: '{agent} warns of native crashes at exit (an error in ddtrace 4)', 'zh-cn': '{agent}会警告退出时可能发生原生崩溃（在 ddtrace 4 中是错误）' },
  'consequence.datadog.uwsgi-import': { en: '{agent} instruments nothing in the workers', 'zh-cn': '{agent}在 worker 中不做任何埋点' },
  'consequence.datadog.uwsgi-no-gevent-monkey-patch': { en: '{agent} does not support uWSGI patching gevent for it: patch in the app', 'zh-cn': '{agent}不支持由 uWSGI 代为给 gevent 打补丁，请在应用里自己打补丁' },
  'consequence.datadog.uwsgi-no-wrapper': { en: "{agent}'s tracer does not start properly in the workers; add `import = ddtrace.auto` to the uWSGI config instead", 'zh-cn': '{agent}的追踪器在 worker 中无法正常启动；请改为在 uWSGI 配置中加上 `import = ddtrace.auto`' },
  'consequence.datadog.gunicorn-gevent-patch-first': { en: '{agent} misses what is imported before gevent patches', 'zh-cn': '{agent}会漏掉在 gevent 打补丁之前导入的模块' },
  'consequence.elastic.uwsgi-threads': { en: "{agent}'s threads never run", 'zh-cn': '{agent}的线程永远不会运行' },
  'consequence.elastic.uwsgi-fork-hooks': { en: "{agent}'s threads are not handled across the fork, and restarts can hang", 'zh-cn': '{agent}的线程在 fork 前后得不到处理，重启可能卡住' },
  'consequence.newrelic.uwsgi-threads': { en: '{agent} reports no data', 'zh-cn': '{agent}不上报任何数据' },
  'consequence.newrelic.uwsgi-threads-warning': { en: '{agent} logs at every start that it will report no data (it checks for `enable-threads` itself)', 'zh-cn': '{agent}每次启动都会在日志里提示它不会上报数据（它自己会检查 `enable-threads`）' },
  'consequence.newrelic.uwsgi-single-interpreter': { en: '{agent} asks for it: sub-interpreters with threads fail on some uWSGI versions', 'zh-cn': '{agent}要求开启它：在某些 uWSGI 版本上，带线程的子解释器会出错' },
  'consequence.newrelic.uwsgi-wsgi-env-holy': { en: '{agent} asks for `holy` there, as `cheat` can crash the app with a SystemError', 'zh-cn': '{agent}要求这里用 `holy`，因为 `cheat` 可能让应用因 SystemError 崩溃' },
  'consequence.newrelic.gunicorn-start-after-fork': { en: "{agent}'s harvest thread starts in the master, and the workers report no data", 'zh-cn': '{agent}的数据收集线程（harvest thread）在 master 中启动，worker 不上报任何数据' },
  'consequence.opentelemetry.uwsgi-threads': { en: "{agent}'s export threads never run", 'zh-cn': '{agent}的导出线程永远不会运行' },
  'consequence.opentelemetry.uwsgi-fork-hooks': { en: "{agent}'s batch processors, built before the fork, are not restarted in the workers and can deadlock", 'zh-cn': '{agent}的批处理器（batch processor）在 fork 之前创建，在 worker 中不会重新启动，可能死锁' },
  'consequence.opentelemetry.uwsgi-no-wrapper': { en: '{agent} is not set up in the workers; build its providers in a `@postfork` function instead', 'zh-cn': '{agent}在 worker 中没有初始化；请改为在 `@postfork` 函数中创建它的 provider' },
  'consequence.opentelemetry.gunicorn-start-after-fork': { en: "{agent}'s batch processor, built in the master, deadlocks or stays silent in the workers", 'zh-cn': '{agent}的批处理器在 master 中创建，在 worker 中会死锁或不再输出数据' },
  'consequence.opentelemetry.gunicorn-gevent-patch-first': { en: "{agent}'s metric reader can deadlock in gevent workers", 'zh-cn': '{agent}的指标读取器（metric reader）在 gevent worker 中可能死锁' },
  'consequence.opentelemetry.gunicorn-one-worker-metrics': { en: "{agent}'s metrics break: its reader does not survive the fork", 'zh-cn': '{agent}的指标失效：它的读取器在 fork 之后不再工作' },
  'consequence.prometheus.multiprocess-dir': { en: "{agent} raises at start-up or mixes up the workers' metrics", 'zh-cn': '{agent}启动时抛出异常，或把各个 worker 的指标混在一起' },
  'consequence.prometheus.gunicorn-child-exit': { en: '{agent} keeps the live gauges of dead workers', 'zh-cn': '{agent}会一直保留已退出 worker 的 live 模式 gauge' },
  'consequence.pyroscope.uwsgi-threads': { en: "{agent}'s sampling thread never runs", 'zh-cn': '{agent}的采样线程永远不会运行' },
  'consequence.pyroscope.uwsgi-lazy-apps': { en: "{agent}'s profiler, configured before the fork, is not safe in the workers", 'zh-cn': '{agent}的性能分析器（profiler）在 fork 之前配置，在 worker 中并不安全' },
  'consequence.pyroscope.gunicorn-start-after-fork': { en: "{agent}'s profiler, configured in the master, is not safe in the workers", 'zh-cn': '{agent}的性能分析器在 master 中配置，在 worker 中并不安全' },
  'consequence.scout.uwsgi-threads': { en: "{agent}'s core agent thread never runs", 'zh-cn': '{agent}的 core agent 线程永远不会运行' },
  'consequence.sentry.uwsgi-threads': { en: "{agent}'s background features stop working and workers may crash", 'zh-cn': '{agent}的后台功能停止工作，worker 还可能崩溃' },
  'consequence.sentry.uwsgi-fork-hooks': { en: '{agent} warns of crashing workers: its threads are not restarted after the fork', 'zh-cn': '{agent}会警告 worker 可能崩溃：它的线程在 fork 之后不会重新启动' },
  'consequence.tingyun.uwsgi-threads': { en: "{agent}'s reporting thread never runs", 'zh-cn': '{agent}的上报线程永远不会运行' },
  'consequence.tingyun.uwsgi-single-interpreter': { en: '{agent} is not supported there', 'zh-cn': '{agent}不支持在子解释器中运行' },
  'consequence.tingyun.uwsgi-lazy-apps': { en: "{agent}'s thread does not survive the fork", 'zh-cn': '{agent}的线程在 fork 之后不复存在' },
  'consequence.tingyun.gunicorn-no-preload': { en: "{agent}'s thread does not survive the fork, so the workers report nothing", 'zh-cn': '{agent}的线程在 fork 之后不复存在，worker 什么也不上报' },
  'consequence.tingyun.tornado-wsgi-adapter-mode': { en: '{agent} traces no requests', 'zh-cn': '{agent}追踪不到任何请求' },
  'consequence.tingyun.tornado-version': { en: '{agent} instruments Tornado 3.x and 4.x only', 'zh-cn': '{agent}只支持对 Tornado 3.x 和 4.x 埋点' },
  'agent.name.apm-agent': { en: 'the APM agent', 'zh-cn': 'APM 探针' },
  'agent.name.tingyun': { en: 'Tingyun', 'zh-cn': '听云' },
  'agent.consequences': { en: '{first}; {rest}', 'zh-cn': '{first}；{rest}' },
  'agent.evidence': { en: '{agent}: {signal}', 'zh-cn': '{agent}：{signal}' },
  'agent.signal.requirement': { en: '{package} in {file}', 'zh-cn': '{file} 中的 {package}' },
  'agent.signal.config-file': { en: "{file}, {agent}'s config file", 'zh-cn': '{file}，{agent}的配置文件' },
  'agent.signal.uwsgi-env': { en: 'env = {name}=… in {file}', 'zh-cn': '{file} 中的 env = {name}=…' },
  'agent.signal.raw-env': { en: 'raw_env {name} in {file}', 'zh-cn': '{file} 中的 raw_env {name}' },
  'agent.signal.launch-env': { en: '{name} in the environment of {launch} in {file}', 'zh-cn': '{file} 中 {launch} 的环境变量 {name}' },
  'agent.signal.file-env': { en: '{name} in the environment of {file}', 'zh-cn': '{file} 的环境变量 {name}' },
  'agent.signal.wrapper': { en: '{wrapper} on {launch} in {file}', 'zh-cn': '{file} 中 {launch} 上的 {wrapper}' },
  'agent.signal.uwsgi-import': { en: '{key} = {module} in {file}', 'zh-cn': '{file} 中的 {key} = {module}' },
  'agent.signal.code': { en: '{code} in {file}', 'zh-cn': '{file} 中的 {code}' },

  // ---- The pinned uWSGI version a finding assumes (model/projectVersion.ts, rules/uwsgi/uwsgiVersion.ts) ----
  'pin.pinned': { en: '{name} {specifier} ({where})', 'zh-cn': '{name} {specifier}（{where}）' },
  'pin.unpinned': { en: '{name} ({where}, with no version pinned)', 'zh-cn': '{name}（{where}，未固定版本）' },
  'pin.setting': { en: 'the pydeploy.uwsgiVersion setting', 'zh-cn': 'pydeploy.uwsgiVersion 设置' },
  'uwsgi-version.threads-assumed': { en: 'on uWSGI up to 2.0.26 (assumed: no version is pinned)', 'zh-cn': '在 uWSGI 2.0.26 及更早的版本上（假定如此：项目没有固定版本）' },
  'uwsgi-version.pinned': { en: 'on {pin}', 'zh-cn': '在 {pin} 上' },
  'uwsgi-version.pin-allows-before': { en: 'on uWSGI before {version}, which {pin} allows', 'zh-cn': '在 {pin} 允许的 uWSGI {version} 之前的版本上' },
  'uwsgi-version.assumed-before': { en: 'on uWSGI before {version} (assumed: no version is pinned)', 'zh-cn': '在 uWSGI {version} 之前的版本上（假定如此：项目没有固定版本）' },
  'uwsgi/unknown-option.too-new': {
    en: '{pin} has no `{key}` (added in {since}): it keeps the line as a placeholder, so it has no effect.',
    'zh-cn': '{pin} 还没有 `{key}`（{since} 才加入）：uWSGI 会把这一行当作占位符保留，因此它不起作用。',
  },
  'uwsgi/unknown-option.too-new-strict': {
    en: '{pin} has no `{key}` (added in {since}): with `strict` on, it refuses to start.',
    'zh-cn': '{pin} 还没有 `{key}`（{since} 才加入）：开启了 `strict`，uWSGI 会拒绝启动。',
  },
  'launch/unknown-option.too-new': {
    en: '{pin} has no `--{key}` (added in {since}): it refuses to start with `unrecognized option`.',
    'zh-cn': '{pin} 还没有 `--{key}`（{since} 才加入）：uWSGI 会报 `unrecognized option` 并拒绝启动。',
  },

  // ---- The fixes of the uWSGI flags the agents need (rules/uwsgi/requiredFlag.ts) ----
  'fix.set-to': { en: 'Set {key} to {value}', 'zh-cn': '将 {key} 设为 {value}' },
  'fix.add-to-command-line': { en: 'Add {args} to the command line ({label})', 'zh-cn': '将 {args} 加到命令行（{label}）' },
  'fix.add-to-section': { en: 'Add {line} to [{section}]', 'zh-cn': '将 {line} 加到 [{section}]' },

  // ---- uwsgi/enable-threads ----
  'uwsgi/enable-threads.threads-elsewhere': {
    en: 'Threads are on, but not through `enable-threads`: {consequences}.',
    'zh-cn': '线程已开启，但不是通过线程支持（`enable-threads`）开启的：{consequences}。',
  },
  'uwsgi/enable-threads.missing': {
    en: 'Python threads are off (no `enable-threads` or `threads`) {version}: {consequences}.',
    'zh-cn': '{version}，Python 线程处于关闭状态（既没有线程支持 `enable-threads`，也没有 `threads`）：{consequences}。',
  },
  'uwsgi/enable-threads.off': {
    en: '`enable-threads = {value}` turns Python threads off {version}: {consequences}.',
    'zh-cn': '{version}，`enable-threads = {value}` 关闭了 Python 线程支持：{consequences}。',
  },

  // ---- uwsgi/single-interpreter ----
  'uwsgi/single-interpreter.missing': {
    en: '`single-interpreter` is not on, so apps run in a sub-interpreter: {consequences}.',
    'zh-cn': '没有开启单解释器模式（`single-interpreter`），应用运行在子解释器（sub-interpreter）中：{consequences}。',
  },
  'uwsgi/single-interpreter.off': {
    en: '`single-interpreter = {value}` runs apps in a sub-interpreter: {consequences}.',
    'zh-cn': '`single-interpreter = {value}` 让应用运行在子解释器（sub-interpreter）中：{consequences}。',
  },

  // ---- uwsgi/lazy-apps ----
  'uwsgi/lazy-apps.missing': {
    en: 'The app loads in the master before the workers are forked (set `lazy-apps`): {consequences}.',
    'zh-cn': '应用在 fork 出 worker 之前就已在 master 中加载（请设置 `lazy-apps`，让每个 worker 各自加载应用）：{consequences}。',
  },
  'uwsgi/lazy-apps.off': {
    en: '`lazy-apps = {value}` loads the app in the master before the fork: {consequences}.',
    'zh-cn': '`lazy-apps = {value}` 让应用在 fork 之前就在 master 中加载：{consequences}。',
  },

  // ---- uwsgi/prefer-lazy-apps ----
  'uwsgi/prefer-lazy-apps.found': {
    en: '`lazy` works for the agent, but uWSGI recommends `lazy-apps`: it loads apps after the fork without changing how the master reloads.',
    'zh-cn': '`lazy` 对探针有效，但 uWSGI 推荐用 `lazy-apps`：它同样在 fork 之后加载应用，却不改变 master 重新加载（reload）的方式。',
  },
  'uwsgi/prefer-lazy-apps.fix': { en: 'Replace {from} with {to}', 'zh-cn': '将 {from} 替换为 {to}' },

  // ---- uwsgi/fork-safety ----
  'uwsgi/fork-safety.hooks-absent-no-lazy': {
    en: '`{hooks}` does not exist {version} (2.0.21 added it), and there is no `lazy-apps`: {consequences}.',
    'zh-cn': '{version}还没有 `{hooks}`（2.0.21 才加入），而且没有 `lazy-apps`：{consequences}。',
  },
  'uwsgi/fork-safety.no-lazy-hooks-absent': {
    en: 'No `lazy-apps`, and `{hooks}` does not exist {version}: {consequences}.',
    'zh-cn': '没有 `lazy-apps`，而且{version}还没有 `{hooks}`：{consequences}。',
  },
  'uwsgi/fork-safety.lazy-off-hooks-absent': {
    en: '`lazy-apps = {value}`, and `{hooks}` does not exist {version}: {consequences}.',
    'zh-cn': '`lazy-apps = {value}`，而且{version}还没有 `{hooks}`：{consequences}。',
  },
  'uwsgi/fork-safety.missing': {
    en: 'No `{hooks}` and no `lazy-apps`: {consequences}.',
    'zh-cn': '既没有 fork 钩子（`{hooks}`），也没有 `lazy-apps`：{consequences}。',
  },
  'uwsgi/fork-safety.off': {
    en: '`{hooks} = {value}` and no `lazy-apps`: {consequences}.',
    'zh-cn': '`{hooks} = {value}`，而且没有 `lazy-apps`：{consequences}。',
  },
  'uwsgi/fork-safety.instead': { en: '{fix} instead (load the app in each worker)', 'zh-cn': '改为：{fix}（在每个 worker 中加载应用）' },

  // ---- uwsgi/master ----
  'uwsgi/master.missing': {
    en: '{given} without `master` or `lazy-apps`: {consequences}.',
    'zh-cn': '{given}，却既没有主进程（`master`），也没有 `lazy-apps`：{consequences}。',
  },
  'uwsgi/master.off': {
    en: '`master = {value}` with {given} and no `lazy-apps`: {consequences}.',
    'zh-cn': '`master = {value}`，同时 {given}，而且没有 `lazy-apps`：{consequences}。',
  },
  'uwsgi/master.processes-here': { en: 'the worker processes are set here', 'zh-cn': 'worker 进程数在这里设置' },

  // ---- uwsgi/skip-atexit ----
  'uwsgi/skip-atexit.missing': {
    en: '`{key}` without `skip-atexit` {version}: {consequences}.',
    'zh-cn': '{version}，用了 `{key}` 却没有跳过 atexit 处理（`skip-atexit`）：{consequences}。',
  },
  'uwsgi/skip-atexit.off': {
    en: '`skip-atexit = {value}` with `{key}` {version}: {consequences}.',
    'zh-cn': '{version}，`skip-atexit = {value}` 与 `{key}` 同时使用：{consequences}。',
  },

  // ---- uwsgi/agent-import ----
  'uwsgi/agent-import.missing': {
    en: 'Nothing starts the agent in uWSGI (no `import = {module}`, no import in the app): {consequences}.',
    'zh-cn': 'uWSGI 里没有任何地方启动探针（没有 `import = {module}`，应用里也没有导入它）：{consequences}。',
  },

  // ---- uwsgi/gevent-monkey-patch ----
  'uwsgi/gevent-monkey-patch.found': {
    en: '`{key}` has uWSGI patch threading for gevent: {consequences}.',
    'zh-cn': '`{key}` 让 uWSGI 替 gevent 给 threading 打补丁（monkey patch）：{consequences}。',
  },
  'uwsgi/gevent-monkey-patch.fix': { en: 'Remove the {key} line', 'zh-cn': '删除 {key} 这一行' },

  // ---- uwsgi/wsgi-env-behavior ----
  'uwsgi/wsgi-env-behavior.missing': {
    en: 'No `wsgi-env-behavior = holy`, so uWSGI 2.0 uses `cheat`: {consequences}.',
    'zh-cn': '没有设置 `wsgi-env-behavior = holy`，所以 uWSGI 2.0 使用 `cheat`：{consequences}。',
  },
  'uwsgi/wsgi-env-behavior.other': {
    en: '`{key} = {value}` instead of `holy`: {consequences}.',
    'zh-cn': '`{key} = {value}`，而不是 `holy`：{consequences}。',
  },

  // ---- pydeploy/file-too-large ----
  'pydeploy/file-too-large.found': {
    en: 'This file is {bytes} ({size}), more than the {limit} pydeploy checks: it is not checked. Is it a generated or a wrong file?',
    'zh-cn': '此文件大小为 {bytes}（{size}），超过了 pydeploy 检查的上限 {limit}：不做检查。它是生成的文件，还是放错了文件？',
  },
  'pydeploy/file-too-large.bytes': { en: '{count} bytes', 'zh-cn': '{count} 字节' },

  // ---- pydeploy/unknown-rule ----
  'pydeploy/unknown-rule.found': {
    en: '`{id}` is not a pydeploy rule, so this comment silences nothing.{hint}',
    'zh-cn': '`{id}` 不是 pydeploy 规则，所以这条注释什么也屏蔽不了。{hint}',
  },

  // ---- The agent rules of Gunicorn, Prometheus, Tornado and the launch; version-gated options; agent readiness ----
  'gunicorn.fix-no-preload': { en: 'Set {setting}', 'zh-cn': '改为 {setting}' },
  'gunicorn/preload-app.launch': {
    en: '`--preload` starts the app, and the agent with it, in the master: {consequences}.',
    'zh-cn': '`--preload` 会在 master 进程中启动应用，探针也随之在 master 中启动：{consequences}。',
  },
  'gunicorn/preload-app.setting': {
    en: '`preload_app = True` starts the app, and the agent with it, in the master: {consequences}.',
    'zh-cn': '预加载（`preload_app = True`）会在 master 进程中启动应用，探针也随之在 master 中启动：{consequences}。',
  },
  'gunicorn/preload-app.turned-on-here': { en: 'preloading is turned on here', 'zh-cn': '预加载在这里开启' },
  'gunicorn/preload-app.fix-post-fork': {
    en: 'Keep preloading and start the agent in each worker with a {hook} hook',
    'zh-cn': '保留预加载，用 {hook} 钩子在每个 worker 中启动探针',
  },
  'gunicorn/async-worker.found': { en: '{advice} (not set: {settings}).', 'zh-cn': '{advice}（未设置：{settings}）。' },
  'gunicorn/async-worker.gevent': {
    en: 'a blocking call stalls every request a gevent worker holds: cap and recycle the workers',
    'zh-cn': '一次阻塞调用会卡住 gevent worker 正在处理的所有请求：请限制 worker 的并发连接数，并定期回收 worker',
  },
  'gunicorn/async-worker.eventlet': {
    en: 'a blocking call stalls every request an eventlet worker holds: cap and recycle the workers',
    'zh-cn': '一次阻塞调用会卡住 eventlet worker 正在处理的所有请求：请限制 worker 的并发连接数，并定期回收 worker',
  },
  'gunicorn/async-worker.tornado': {
    en: "a blocking call stalls every request on the tornado worker's IOLoop: recycle the workers",
    'zh-cn': '一次阻塞调用会卡住 tornado worker 的 IOLoop 上的所有请求：请定期回收 worker',
  },
  'gunicorn/async-worker.fix-launch': { en: 'Add {flags} to the command line ({label})', 'zh-cn': '在命令行（{label}）中加上 {flags}' },
  'gunicorn/async-worker.fix-config': { en: 'Add {settings} after {setting}', 'zh-cn': '在 {setting} 之后加上 {settings}' },
  'gunicorn/agent-started-in-master.call': {
    en: "`{call}` runs in Gunicorn's master ({where}): {consequences}.",
    'zh-cn': '`{call}` 在 Gunicorn 的 master 进程中运行（{where}）：{consequences}。',
  },
  'gunicorn/agent-started-in-master.top-level': { en: 'top level', 'zh-cn': '模块顶层' },
  'gunicorn/agent-started-in-master.preload': {
    en: '{setting} imports the app, which starts the agent, in the master: {consequences}.',
    'zh-cn': '{setting} 会在 master 进程中导入应用，而应用在导入时就启动了探针：{consequences}。',
  },
  'gunicorn/agent-started-in-master.runs-on-import': { en: '`{call}` runs as {file} is imported', 'zh-cn': '导入 {file} 时就会运行 `{call}`' },
  'gunicorn/agent-started-in-master.fix-post-fork': {
    en: 'Add a {hook} hook that starts the agent in each worker',
    'zh-cn': '添加一个 {hook} 钩子，在每个 worker 中启动探针',
  },
  'gunicorn/gevent-patch-order.unpatched': {
    en: 'what it imported keeps blocking sockets and locks',
    'zh-cn': '它导入的模块仍然使用会阻塞的 socket 和锁',
  },
  'gunicorn/gevent-patch-order.preload': {
    en: '{setting} imports the app before the gevent workers patch: {consequences}; patch first, in the config.',
    'zh-cn': '{setting} 在 gevent worker 打补丁（monkey patch）之前就导入了应用：{consequences}；请先在配置文件中打补丁。',
  },
  'gunicorn/gevent-patch-order.import': {
    en: '`{call}` comes before gevent patches, with gevent workers: {consequences}; patch first.',
    'zh-cn': '使用 gevent worker 时，`{call}` 出现在 gevent 打补丁之前：{consequences}；请先打补丁。',
  },
  'gunicorn/gevent-patch-order.fix': {
    en: 'Patch gevent first: {call} at the top of the config',
    'zh-cn': '先给 gevent 打补丁：在配置文件顶部加上 {call}',
  },
  'gunicorn/instrument-worker-metrics.found': {
    en: '{count} workers under `{wrapper}`: {consequences}; use UvicornWorker, post_fork or 1 worker.',
    'zh-cn': '在 `{wrapper}` 下运行 {count} 个 worker：{consequences}；请改用 UvicornWorker、post_fork，或只开 1 个 worker。',
  },
  'prometheus/child-exit.no-mark': {
    en: '`child_exit` does not call `mark_process_dead(worker.pid)`: {consequences}.',
    'zh-cn': '`child_exit` 没有调用 `mark_process_dead(worker.pid)`：{consequences}。',
  },
  'prometheus/child-exit.worker-exit': {
    en: '`worker_exit` misses workers that are killed or crash; call `mark_process_dead` from `child_exit`: {consequences}.',
    'zh-cn': '`worker_exit` 管不到被杀掉或崩溃的 worker；请在 `child_exit` 中调用 `mark_process_dead`：{consequences}。',
  },
  'prometheus/child-exit.missing': {
    en: 'No `child_exit` hook calls `mark_process_dead(worker.pid)`: {consequences}.',
    'zh-cn': '没有 `child_exit` 钩子调用 `mark_process_dead(worker.pid)`：{consequences}。',
  },
  'prometheus/child-exit.fix': { en: 'Add a {hook} hook that calls {call}', 'zh-cn': '添加一个调用 {call} 的 {hook} 钩子' },
  'prometheus/multiproc-dir.deprecated': {
    en: '`{name}` is deprecated: prometheus_client reads it with a warning; name it `{variable}`.',
    'zh-cn': '`{name}` 已弃用：prometheus_client 读取它时会给出警告；请改名为 `{variable}`。',
  },
  'prometheus/multiproc-dir.imported-here': {
    en: 'prometheus_client is imported here, before raw_env is applied',
    'zh-cn': 'prometheus_client 在这里导入，此时 raw_env 还没有生效',
  },
  'prometheus/multiproc-dir.raw-env-late': {
    en: '`raw_env` sets {name} after this file imported prometheus_client: {consequences}.',
    'zh-cn': '`raw_env` 设置 {name} 时，这个文件已经导入了 prometheus_client：{consequences}。',
  },
  'prometheus/multiproc-dir.launch-without': { en: '{launch} starts the server without {variable}', 'zh-cn': '{launch} 启动服务时没有设置 {variable}' },
  'prometheus/multiproc-dir.missing': {
    en: "{count} processes, and {variable} is not in the launch's environment: {consequences}.",
    'zh-cn': '共 {count} 个进程，而启动环境中没有 {variable}：{consequences}。',
  },
  'prometheus/multiproc-dir.fix': { en: 'Rename it to {name}', 'zh-cn': '改名为 {name}' },
  'and': { en: '{first} and {rest}', 'zh-cn': '{first} 和 {rest}' },
  'tornado/unsupported-version.this-version': { en: 'this version', 'zh-cn': '这个版本' },
  'tornado/unsupported-version.too-new-5': {
    en: 'Tornado {version} is newer than {agent} supports (3.x and 4.x): it finds no Tornado to instrument, and requests are not traced.',
    'zh-cn': 'Tornado {version} 比 {agent} 支持的版本（3.x 和 4.x）新：探针找不到可以埋点的 Tornado，请求不会被追踪。',
  },
  'tornado/unsupported-version.too-new': {
    en: 'Tornado {version} is newer than {agent} supports (3.x and 4.x): its Tornado 4 hooks may be applied to a version they do not fit, and requests are not traced.',
    'zh-cn': 'Tornado {version} 比 {agent} 支持的版本（3.x 和 4.x）新：探针为 Tornado 4 写的钩子可能被套到不匹配的版本上，请求不会被追踪。',
  },
  'tornado/unsupported-version.too-old': {
    en: 'Tornado {version} is older than {agent} supports (3.x and 4.x), and requests are not traced.',
    'zh-cn': 'Tornado {version} 比 {agent} 支持的版本（3.x 和 4.x）旧，请求不会被追踪。',
  },
  'tornado/wsgi-adapter-mode.found': { en: '{evidence}, but {file} {state}: {consequences}.', 'zh-cn': '{evidence}，但 {file} {state}：{consequences}。' },
  'tornado/wsgi-adapter-mode.sets': { en: 'sets `{option} = {value}`', 'zh-cn': '中设置的是 `{option} = {value}`' },
  'tornado/wsgi-adapter-mode.unreadable': {
    en: 'has `{option} = {value}`, which the agent cannot read',
    'zh-cn': '中的 `{option} = {value}` 探针读不懂',
  },
  'tornado/wsgi-adapter-mode.not-set': { en: 'does not set `{option}`', 'zh-cn': '中没有设置 `{option}`' },
  'tornado/wsgi-adapter-mode.fix': { en: 'Set {setting} in {file}', 'zh-cn': '在 {file} 中设置 {setting}' },
  'launch/uwsgi-agent-wrapper.found': {
    en: '`{wrapper}` does not work under uWSGI: {consequences}.',
    'zh-cn': '`{wrapper}` 在 uWSGI 下不起作用：{consequences}。',
  },
  'uwsgi/py-call-osafterfork.found': {
    en: "`{option}` aborts uWSGI's workers on {python}: use `{replacement}`.",
    'zh-cn': '在 {python} 上，`{option}` 会让 uWSGI 的 worker 一启动就异常退出（abort）：请改用 `{replacement}`。',
  },
  'uwsgi/py-call-osafterfork.python-version': { en: 'The Python version: {description}', 'zh-cn': 'Python 版本：{description}' },
  'uwsgi/py-call-osafterfork.fix-remove': { en: 'Remove {option} ({replacement} is on)', 'zh-cn': '删除 {option}（{replacement} 已开启）' },
  'agents.how-to-name': {
    en: 'name yours with the setting `pydeploy.agents` (for example `["datadog"]`) or `agents = ["datadog"]` in `[tool.pydeploy]` of pyproject.toml; known: {known}',
    'zh-cn': '请用设置 `pydeploy.agents`（例如 `["datadog"]`）或 pyproject.toml 的 `[tool.pydeploy]` 中的 `agents = ["datadog"]` 指定你用的探针；已知的有：{known}',
  },
  'agents.hover-none': {
    en: '**APM agents:** none found in the project and none named, so pydeploy checks what an APM agent commonly needs; {how}.',
    'zh-cn': '**APM 探针：** 项目中没有找到，也没有指定，因此 pydeploy 按 APM 探针通常的需要来检查；{how}。',
  },
  'agents.hover-named': { en: '**APM agents** named in the settings (`agents`):', 'zh-cn': '设置（`agents`）中指定的 **APM 探针**：' },
  'agents.hover-found': { en: '**APM agents** found in the project:', 'zh-cn': '项目中找到的 **APM 探针**：' },
  'agents.the-agent': { en: 'The APM agent', 'zh-cn': 'APM 探针' },
  'agents.meets': { en: 'this configuration meets its needs', 'zh-cn': '这份配置满足它的需要' },
  'agents.nothing-checked': { en: 'none of its needs is checked in this file', 'zh-cn': '这个文件不涉及它的任何需要' },
  'agents.misses-one': { en: 'this configuration misses one of its needs', 'zh-cn': '这份配置缺少它的一项需要' },
  'agents.misses-many': { en: 'this configuration misses {count} of its needs', 'zh-cn': '这份配置缺少它的 {count} 项需要' },
  'agents.verdict': { en: '**{agent}**: {verdict}.', 'zh-cn': '**{agent}**：{verdict}。' },
  'agents.verdict-checked': { en: '**{agent}**: {verdict} (checked: {rules}).', 'zh-cn': '**{agent}**：{verdict}（已检查：{rules}）。' },
  'agents.named-only': { en: '- named in the settings; nothing in the project shows it', 'zh-cn': '- 在设置中指定；项目中看不到它' },
  'agents.finding': { en: '- {severity} `{rule}` (line {line}): {message}', 'zh-cn': '- {severity} `{rule}`（第 {line} 行）：{message}' },
  'agents.severity.error': { en: 'error', 'zh-cn': '错误' },
  'agents.severity.warning': { en: 'warning', 'zh-cn': '警告' },
  'agents.severity.information': { en: 'information', 'zh-cn': '信息' },
  'agents.severity.hint': { en: 'hint', 'zh-cn': '提示' },
  'agents.status-not-ready': { en: 'not agent-ready: {missing}', 'zh-cn': '探针未就绪：{missing}' },
  'agents.status-agent-misses': { en: '{agent} ({checks})', 'zh-cn': '{agent}（{checks}）' },
  'agents.status-problem': { en: '1 problem', 'zh-cn': '1 个问题' },
  'agents.status-problems': { en: '{count} problems', 'zh-cn': '{count} 个问题' },
  'agents.status-ready': { en: 'agent-ready', 'zh-cn': '探针就绪' },
  'agents.status-ready-for': { en: 'agent-ready: {agents}', 'zh-cn': '探针就绪：{agents}' },
  'agents.tooltip-no-server': {
    en: 'pydeploy: this file starts no server with an APM agent pydeploy knows of.',
    'zh-cn': 'pydeploy：这个文件没有启动带有 pydeploy 认识的 APM 探针的服务。',
  },
  'agents.tooltip-none': { en: 'pydeploy: no APM agent found in the project or named: {how}.', 'zh-cn': 'pydeploy：项目中没有找到 APM 探针，也没有指定：{how}。' },
  'agents.tooltip-named': { en: 'pydeploy: APM agents named in the settings:', 'zh-cn': 'pydeploy：设置中指定的 APM 探针：' },
  'agents.tooltip-found': { en: 'pydeploy: APM agents found in the project:', 'zh-cn': 'pydeploy：项目中找到的 APM 探针：' },
  'agents.tooltip-ready': { en: 'ready', 'zh-cn': '就绪' },
  'agents.tooltip-misses': { en: 'misses {checks}', 'zh-cn': '缺少 {checks}' },
  'agents.tooltip-agent': { en: '{agent}: {verdict}', 'zh-cn': '{agent}：{verdict}' },
  'agents.tooltip-agent-evidence': { en: '{agent}: {verdict} — {evidence}', 'zh-cn': '{agent}：{verdict} — {evidence}' },
  'agents.tooltip-misses-sentence': { en: 'Misses {checks}.', 'zh-cn': '缺少 {checks}。' },
  'agents.tooltip-problem': {
    en: '1 error or warning in this file: click to show the Problems panel.',
    'zh-cn': '这个文件中有 1 个错误或警告：点击打开“问题”面板。',
  },
  'agents.tooltip-problems': {
    en: '{count} errors and warnings in this file: click to show the Problems panel.',
    'zh-cn': '这个文件中有 {count} 个错误和警告：点击打开“问题”面板。',
  },
  'agents.named-in-settings': { en: 'named in the settings', 'zh-cn': '在设置中指定' },
} as const satisfies Record<string, CatalogueEntry>;

export type MessageId = keyof typeof MESSAGES;

