/**
 * The Simplified Chinese text of each rule's documentation (README, rule page, SARIF help), keyed by rule id; the
 * English text stays in the rule's module, beside its check. The example is code and is the same in every language.
 * A rule not listed here (the ones another branch rewrites) shows its English page until the merger translates it.
 */
export interface TranslatedRuleDocs {
  summary: string;
  details: string;
  fix: string;
  silence: string;
}

export const RULE_DOCS_ZH_CN: Readonly<Record<string, TranslatedRuleDocs>> = {
  'uwsgi/unknown-option': {
    summary: '一个不是 uWSGI 选项的键（通常是拼写错误），或者只有尚未发布的 2.1 才有的选项：uWSGI 会默默忽略它。',
    details:
      'uWSGI 从不拒绝未知的键（除非开启了 `strict`）：它把这个键当作占位符（placeholder）保留，所以 `enable-thread = true` 或 ' +
      '`proceses = 4` 什么也不做。以 `%(name)` 引用的键，或用 `set-placeholder`/`set-ph`/`declare-option` 声明的键，本来就是占位符，' +
      '不会报告；当某个被包含的文件无法读取时，只报告与选项名相近的键（其余的键可能由那个没读到的文件使用）。快速修复会把键替换为相近的' +
      '选项名。只存在于 uWSGI 2.1（开发分支，没有任何发布版本）中的选项（`cheaper-idle`、`reload-on-pss` 等）对所有 2.0.x 版本都是未知的，' +
      '同样会报告。',
    fix: '快速修复会把键替换为与它最接近的选项名；选择你想写的那个。',
    silence: '当这个键是以 pydeploy 看不到的方式读取的占位符，或是 pydeploy 不认识的 uWSGI 插件的选项时。',
  },
  'uwsgi/invalid-value': {
    summary: '选项不能接受的值。',
    details:
      'uWSGI 用 C 的 atoi 读取数字，所以 `processes = abc` 会悄悄变成 0（一个 worker 都没有的服务器），`harakiri = 30s` 会变成 30。' +
      '`limit-as` 这类大小以整数 MB 为单位，`chmod-socket` 需要三位八进制数字，大多数选项都需要一个值。含有 `$(ENV)`、`@(file)`、' +
      '`%(placeholder)` 或魔术变量（magic variable）的值只有启动时才知道，不做判断。',
    fix: '没有快速修复：写出选项能接受的值（普通数字、整数 MB、三位八进制数字等）。悬停在选项上可以看到它需要什么样的值。',
    silence: '很少需要：只有当某个值仅对 pydeploy 没有建模的插件或 uWSGI 构建有效时。',
  },
  'uwsgi/worker-lifetime': {
    summary: '`max-worker-lifetime` 不大于 `min-worker-lifetime`（未设置时为 10 秒）：uWSGI 一启动就退出。',
    details:
      'uWSGI 在 fork 任何 worker 之前会检查：worker 的最长寿命必须大于它至少要活的时间。设置了 `max-worker-lifetime`，而 ' +
      '`min-worker-lifetime`（默认 10 秒）不小于它时，uWSGI 会记录 `invalid min-worker-lifetime value` 并以状态 1 退出。' +
      '所以为了频繁回收 worker 而写的 `max-worker-lifetime = 5` 会让整个服务器起不来。uWSGI 2.0 的每个版本都是如此。',
    fix: '把 `max-worker-lifetime` 调到大于 `min-worker-lifetime`（每隔几秒就回收一次 worker 很少是你想要的），或者调低 `min-worker-lifetime`；快速修复做的是后者。',
    silence: '不应忽略：这样的配置 uWSGI 无法启动。',
  },
  'uwsgi/unusual-flag-value': {
    summary: '开关选项的值既不是常见的“真”写法，也不是常见的“假”写法。',
    details: '只有 `false`、`off`、`no` 或 `0` 才会关闭开关；其他任何值，包括 `ture` 和 `disabled`，都会打开它。快速修复会改写为 `true` 或 `false`。',
    fix: '快速修复把值改写为 `true` 或 `false`；请选择你的本意，因为 uWSGI 会把原来的值读作真。',
    silence: '当这个值是有意为之，而且读这个文件的每个人都知道它表示开启时。',
  },
  'uwsgi/duplicate-option': {
    summary: '只能取一个值的选项被设置了多次：只有最后一行生效。',
    details:
      '对于只保存一个值的选项，uWSGI 保留最后一行，其余的悄悄丢弃。可以重复的选项（`env`、`socket`、`route`、`static-map`、`import`、' +
      '`mount` 等）不会报告，`if-*`/`for` 块中的行也不会。快速修复会删除不起作用的那一行。',
    fix: '快速修复会删除不起作用的那一行；如果它才是你想要的值，就保留它，删除后面那一行。',
    silence: '当覆盖是有意的，例如后面的一行故意替换上面写的默认值时。',
  },
  'uwsgi/conflicting-options': {
    summary: '相互矛盾的选项，或同一个设置用两个名字设置了两次。',
    details:
      '会报告：同一个设置的两个名字（`processes` 与 `workers`、`home` 与 `virtualenv` 等），`lazy` 与 `lazy-apps` 同时出现，同一个挂载点' +
      '（mountpoint）同时有 `module` 和 `wsgi-file`，以及 `enable-threads = false` 旁边还有一行无论如何都会开启线程的 `threads`。' +
      '名字被 `%(name)` 引用的行是有用的，不会报告。删除这一行不会改变任何东西时，快速修复会删除它。',
    fix: '两行只保留一行。删除被报告的那一行不会改变任何东西时，快速修复会删除它。',
    silence: '当两行是有意同时存在的，例如由模板保持同步时。',
  },
  'uwsgi/overridden-option': {
    summary: '只能取一个值的选项既在配置文件中设置，又在启动方式中设置（命令行或 `UWSGI_*` 环境变量）。',
    details:
      'uWSGI 先收集 `UWSGI_*` 环境变量，再读取命令行，命令行中指定的每个配置文件在其出现的位置读取；对于只保存一个值的选项，以最后一个为准。' +
      'pydeploy 会同时显示两处位置，免得把配置文件中被启动方式替换掉的值当成实际生效的值。',
    fix: '只在一处保留这个值：从不生效的那一处删除它（相关位置会同时显示两处）。',
    silence: '当覆盖是有意的（ini 文件中的默认值，由某种启动方式特意修改）时。',
  },
  'launch/unknown-option': {
    summary: 'uWSGI 或 Gunicorn 的命令行中有程序不认识的选项：程序会拒绝启动。',
    details:
      '与配置文件中的未知键（uWSGI 会默默保留）不同，命令行上的未知选项会让两种服务器在启动时就停止（`uwsgi: unrecognized option`、' +
      '`gunicorn: error: unrecognized arguments`）；多个选项共有的名字开头、缺少值的选项、给开关传值，也都一样。快速修复会写出你想要的选项。',
    fix: '快速修复会写出与所写选项最接近的选项名；只有一个候选时，它是首选修复。',
    silence: '当命令行运行的服务器构建带有 pydeploy 不认识的选项（你自己的插件）时。',
  },
  'launch/option-prefix': {
    summary: '命令行选项只写了名字的开头，程序也接受了。',
    details:
      'uWSGI（`getopt_long`）和 Gunicorn（`argparse`）在没有其他选项以同样的开头开始时，会把长选项名的开头当作这个选项：' +
      '`--single-interp` 就是 `--single-interpreter`。这样能用，但以后的版本新增选项后可能产生歧义，服务器就会拒绝启动。快速修复会写出完整的名字。',
    fix: '快速修复会写出选项的完整名字。',
    silence: '很少值得：完整的名字总是能用。',
  },
  'uwsgi/inline-comment': {
    summary: '写在值后面的注释，uWSGI 会把它读成值的一部分。',
    details:
      'uWSGI 的 ini 文件只有整行注释：`socket = :3031 ; public` 得到的 socket 是 `:3031 ; public`，而 `master = false  # for now` ' +
      '反而会开启 master，因为只有单独的 `false` 才是假。数字不受影响（uWSGI 读到空格就停止），读出来与本意相同的开关也不受影响。' +
      '快速修复会把注释移到上面单独一行。',
    fix: '快速修复会把注释移到选项上方单独一行，缩进不变。',
    silence: '当 `;` 或 `#` 确实属于值的一部分时，例如在路由（route）或日志格式中。',
  },
  'uwsgi/byte-order-mark': {
    summary: 'UTF-8 字节顺序标记（BOM）让 uWSGI 看不到第一个段标题。',
    details:
      '编辑器不会显示字节顺序标记，但 uWSGI 会把它当作第一行的一部分：这一行上的 `[uwsgi]` 对它来说就不是段标题，下面的选项一个都不会生效' +
      '（uWSGI 只会警告找不到这个段）。请把文件保存为不带 BOM 的 UTF-8。',
    fix: '没有快速修复：把文件保存为不带 BOM 的 UTF-8（在 VS Code 中，点击状态栏上的编码，选择“通过编码保存”，再选“UTF-8”）。示例以一个看不见的 U+FEFF 开头。',
    silence: '不建议：只要标记还在，uWSGI 就会一直跳过这个段。',
  },
  'uwsgi/unexpanded-variable': {
    summary: '配置中有 `${VAR}`，却没有任何模板步骤渲染它：uWSGI 会原样保留。',
    details:
      'uWSGI 把 `$(VAR)` 读作环境变量；`${VAR}` 是 shell、envsubst 或 Compose 的语法，uWSGI 在 ini 文件中不会展开它，所以 ' +
      '`processes = ${UWSGI_PROCESSES}` 启动时是 0 个进程。每个文件只报告一次；模板（名字以 `.j2`、`.tpl`、`.template`、`.in` 等结尾，' +
      '或含有 Jinja 语法的文件）中不报告，因为其中的占位符在 uWSGI 读取之前就已渲染；`route*` 选项中也不报告，那里的 `${VAR}` 是 uWSGI ' +
      '路由的请求变量。快速修复会改写为 `$(VAR)`。',
    fix: '快速修复会改写为 `$(VAR)`，uWSGI 会用它的环境变量展开。“全部修复”不会动它，因为可能有 pydeploy 看不到的渲染步骤展开这个文件。',
    silence: '当文件在 uWSGI 读取之前会被渲染时（例如入口脚本中的 envsubst）：把它命名为 `uwsgi.ini.template` 或 `.in`，或者对该文件关闭这条规则。',
  },
  'uwsgi/include-not-found': {
    summary: 'pydeploy 找不到或不读取的被包含配置文件（或启动方式指定的配置文件），或包含形成了循环。',
    details:
      '`ini =`、`include =` 或 `inherit =` 引入的文件在工作区中时，其中设置的选项会计入探针相关规则（相对路径先从包含它的文件所在目录查找，' +
      '再从工作区目录查找）。文件不在工作区中时，pydeploy 会在这里说明，并跳过需要其中选项的检查，而不是去猜。',
    fix: '没有快速修复：把被包含的文件加入工作区（或修正它的路径），或者把其中的选项写进这个文件。',
    silence: '当被包含的文件是在服务器上生成的、从不在代码仓库中时；这样探针相关规则就看不到其中的选项。',
  },
  'uwsgi/ineffective-option': {
    summary: '一个只用来调整某项功能的选项，而配置中没有任何东西开启这项功能，所以 uWSGI 读了它却从不使用。',
    details:
      'uWSGI 会一声不吭地接受这些选项：没有运行 `http`/`https` 路由器（router）时的 HTTP 路由器选项（`http-keepalive`、`http-timeout`、' +
      '`http-enable-proxy-protocol`，以及 http 插件的所有 `http-*` 选项），例如只有 `http-socket`、由每个 worker 自己处理 HTTP 时；' +
      '没有 `cheaper` 时的 `cheaper-*`；没有 `harakiri` 时的 `harakiri-verbose` 等 harakiri 调整项；没有 `max-requests` 时的 ' +
      '`max-requests-delta`；没有 `stats` 时的 `stats-http` 等；没有 spooler 时的 `spooler-*`。如果 uWSGI 有能在当前位置生效的等价写法' +
      '（keep-alive 用 `http11-socket`、`enable-proxy-protocol`、`http-socket-modifier1`），消息会指出它，并有一个快速修复改用它；' +
      '另一个快速修复会删除这一行。当这项功能可能在单看这个文件无法判断的地方开启时（`if-*` 块、占位符、pydeploy 读不到的被包含文件），不做报告。',
    fix: '如果 uWSGI 有能在当前位置生效的设置，快速修复会改用它（keep-alive 用 `http11-socket`、`enable-proxy-protocol`）；另一个会删除这一行。“全部修复”不会应用其中任何一个：它们都会改变服务器的行为。',
    silence: '当你在别处维护的渲染步骤或命令行会开启这项功能时（例如 pydeploy 没有读取的启动脚本中的 `--http`）。',
  },
  'uwsgi/mount-and-module': {
    summary: '`mount = /=...` 与 `module`（或 `wsgi-file`）同时存在：uWSGI 会加载两个应用，挂载的那个在它自己的解释器中。',
    details:
      'uWSGI 先把 `module`、`wsgi` 或 `wsgi-file` 的应用作为默认应用加载，再把每个 `mount` 作为另一个应用加载；没有 `single-interpreter` ' +
      '时，之后的每个应用都有自己的 Python 子解释器（sub-interpreter）。挂载点为 `/` 时，通常是同一份代码加载了两次：每个 worker 导入两次、' +
      '在内存中保留两份，而且在一个解释器中初始化的 APM 探针看不到另一个解释器的请求。两行只保留一行；快速修复会删除 `mount` 那一行。',
    fix: '快速修复会删除 `mount` 那一行；如果挂载的才是你想要的应用，就保留 `mount`，改为删除 `module`。',
    silence: '当你确实需要在 `/` 上有两个应用时（例如通过 `UWSGI_APPID` 或路由选择的两个不同应用）。',
  },
  'gunicorn/unknown-setting': {
    summary: '一个模块级的名字看起来像拼错的 Gunicorn 设置，Gunicorn 会默默忽略它。',
    details:
      'Gunicorn 执行配置文件，只取与设置名完全一致的模块级名字；其他名字都会被悄悄忽略，所以 `threds = 4` 仍然只有一个线程。当一个名字与某个设置' +
      '相近、是某个设置的命令行写法（`pid` 对应 `pidfile`）或是已不存在的设置（`debug`）时才会报告。辅助变量不受影响：文件中别处读取的名字、' +
      'import、`_private` 名字和全大写常量。快速修复会把变量重命名为对应的设置。',
    fix: '快速修复会把变量重命名为与它相近的设置。',
    silence: '当这个名字是你自己的辅助变量、只是碰巧像某个设置时；重命名它（例如加上前导 `_`）会更清楚。',
  },
  'gunicorn/invalid-value': {
    summary: '给设置赋了一个 Gunicorn 拒绝接受的字面值。',
    details:
      'Gunicorn 会检查从文件中读到的每个设置，有一个不通过就以 "Invalid value for ..." 停止：负数或非数字的数量，布尔设置写成 `1` 或 ' +
      '`"yes"`，需要字符串或列表的地方写了数字，不可调用的钩子（hook）。既不是已知简称也不是点分路径的 `worker_class` 能通过这项检查，' +
      '但 Gunicorn 启动 worker 时会停止。只判断字面值；计算出来的值（环境变量、`cpu_count()`、f-string）和取决于机器的值（用户、目录）留给 Gunicorn 判断。',
    fix: '写出设置所接受类型的值；对于拼错的 `worker_class`，快速修复会给出最接近的 worker 名字。',
    silence: '很少需要：只有当你的 Gunicorn 版本接受某个值，而 pydeploy 所依据的设置版本不接受时。',
  },
  'gunicorn/hook-signature': {
    summary: '服务器钩子（hook）定义的参数个数与 Gunicorn 调用它时传入的不一致。',
    details:
      'Gunicorn 读取文件时会检查每个钩子：位置参数的个数（包括有默认值的，不包括 `*args`）必须正好等于它传入的个数，例如 ' +
      '`post_fork(server, worker)` 是两个。否则它会以 "Invalid value for post_fork" 拒绝启动。带装饰器的函数不做判断。',
    fix: '没有快速修复：让钩子的参数与 Gunicorn 传入的完全一致；悬停在钩子名上可以看到它的签名。',
    silence: '不建议：有这样的钩子，Gunicorn 会拒绝启动。',
  },
  'gunicorn/ineffective-setting': {
    summary: '所选 worker 类型从不读取的设置，Gunicorn 接受了它，但它什么也不做。',
    details:
      '文件指定了 worker 类型时才会报告：`sync` worker 下的 `worker_connections` 和 `keepalive`，因为它一次只处理一个连接，响应之后就关闭' +
      '（只有 gthread、gevent 和 eventlet worker 会读取它们）。`sync` 加上大于 1 的 `threads` 实际运行的是 `gthread` worker，两者都有效，' +
      '不会报告。快速修复会删除这一行。',
    fix: '快速修复会删除这一行。如果你希望这个设置生效，请改用会读取它的 worker 类型（`gthread`、`gevent`、`eventlet`）。',
    silence: '当命令行上又选了 worker 类型（`-k gevent`），而 pydeploy 看不到时。',
  },
  'gunicorn/overridden-setting': {
    summary: '一个设置既在配置文件中给出，又在启动方式中给出，只有其中一个生效。',
    details:
      'Gunicorn 按优先级从低到高依次应用：环境变量（`PORT`、`WEB_CONCURRENCY`）、配置文件、`GUNICORN_CMD_ARGS`、命令行。' +
      'pydeploy 会同时显示两处位置，免得把被另一处替换掉的值当成实际生效的值。',
    fix: '只在一处保留这个值：从不生效的那一处删除它，或者移到团队习惯查看的地方。',
    silence: '当覆盖是有意的（配置文件中的默认值，由某种启动方式特意修改）时。',
  },
  'pydeploy/unknown-rule': {
    summary: '`# pydeploy: disable...` 注释中写了 pydeploy 没有的规则，所以它什么也屏蔽不了。',
    details:
      '`# pydeploy: disable-next-line=RULE[,RULE]` 屏蔽下一行的规则，`# pydeploy: disable=RULE[,RULE]` 屏蔽整个文件的规则（ini 文件中也可以用 ' +
      '`;`）。这里拼错的规则 id 会悄悄地什么也不屏蔽，所以会在这个 id 上报告，并给出它可能想写的规则 id；快速修复会用其中一个替换它。',
    fix: '快速修复会把 id 替换为与它最接近的规则 id。',
    silence: '只有当这条注释是为拥有这条规则的更新版本的 pydeploy 写的时候。',
  },
  'pydeploy/file-too-large': {
    summary: 'pydeploy 本应检查的文件超过了检查上限（4 MiB），因此不做检查。',
    details:
      '真实的 uWSGI、Gunicorn 和探针配置只有几 KB。几 MB 的文件要么是生成的，要么根本不是配置，读取它可能让编辑器卡住，所以编辑器和 ' +
      '`pydeploy check` 都会跳过它，并在第一行上说明一次，附上它的大小。那里不提供悬停、补全和修复。把这条规则设为 `off` 即可不再提示这类文件。',
    fix: '没有快速修复：确认这个文件真的是你要部署的配置；真实的配置只有几 KB。',
    silence: '当工作区中预期会有匹配 pydeploy 文件模式的大型生成文件时。',
  },
  // ---- The agents' own config files: tingyun/* (tingyun.ini) and newrelic/* (newrelic.ini) ----
  'tingyun/missing-section': {
    summary: '听云探针配置中没有 `[tingyun]` 段，或者在所有段标题之前就写了选项。',
    details:
      '探针的所有设置，包括授权码（license key），都从 `[tingyun]` 段读取（段名区分大小写）。没有这个段，探针就以默认值运行，' +
      '没有授权码，什么也不上报；`tingyun-admin check-config` 也会在同一处停下。写在第一个段标题之前的选项更糟：Python 的配置读取器' +
      '会拒绝整个文件，探针根本不会启动。快速修复会在这些选项上方加上 `[tingyun]` 段标题。',
    fix: '如果有选项写在所有段标题之前，快速修复会在文件开头加上 `[tingyun]` 段标题；否则请把段名改成一字不差的 `[tingyun]`。',
    silence: '不建议屏蔽：没有这个段，探针什么也不上报。',
  },
  'tingyun/missing-license-key': {
    summary: '`license_key` 缺失、为空，或者仍是生成模板里的占位文字。',
    details:
      '授权码（license key）把探针上报的数据和你的听云账号关联起来；没有有效的授权码，服务端会丢弃数据。' +
      '`tingyun-admin generate-config` 在没有传入授权码时会写入 `** YOUR-LICENSE-KEY **`，从模板复制来的文件也会保留这段文字。' +
      '请把听云账号中的授权码填在这里（或者带上授权码重新生成这个文件）。',
    fix: '没有快速修复：从听云账号中复制授权码，或者带上授权码重新运行 `tingyun-admin generate-config`。',
    silence: '当授权码在部署时才填入，仓库中的文件只是模板时。',
  },
  'tingyun/unknown-option': {
    summary: '`[tingyun]`、`[tingyun:exclude]`、`[tingyun:private]` 或 `[tingyun:proxy]` 段中探针不读取的键。',
    details:
      '探针只查找它认识的选项，从不遍历整个文件，所以拼错的键（`licence_key`、`log_levle`）或写错段的键都会被悄悄忽略，默认值保持不变。' +
      '键不区分大小写。在真实配置中见到的、1.3.0 之后的探针版本才有的选项（`collectors`、`log_file_count` 等）也是已知的。' +
      '快速修复会把键替换为该段中相近的选项名。',
    fix: '快速修复会把键替换为该段中与它最接近的选项名。',
    silence: '当这个键属于 pydeploy 还不认识的更新的探针版本时。',
  },
  'tingyun/unknown-section': {
    summary: '探针不读取的 `[tingyun...]` 段。',
    details:
      '探针只读取 `[tingyun]`、`[tingyun:exclude]`、`[tingyun:private]` 和 `[tingyun:proxy]` 这几个段，段名区分大小写：' +
      '`[tingyun:proxies]` 或 `[Tingyun]` 中的选项永远不会被读取。快速修复会重命名这个段。',
    fix: '快速修复会把段重命名为探针读取的、与它最接近的段名。',
    silence: '当这个段由共用这个文件的另一个工具读取时。',
  },
  'tingyun/invalid-value': {
    summary: '探针读不懂的值：它会悄悄丢弃（如果这一行没有 `=`，则会拒绝整个文件）。',
    details:
      '布尔值必须是 `true`、`false`、`on` 或 `off`（不区分大小写）：`yes`、`1` 或 `True ; 注释` 都会被丢弃，探针保持默认值且不记任何日志，' +
      '所以 `enabled = no` 并不会关掉探针。未知的 `log_level` 同样会被丢弃；`proxy_scheme` 只能是 `http` 或 `https`；值后面的 `;` 或 `#` ' +
      '注释会成为值的一部分（探针的读取器只支持整行注释）。段中既没有 `=` 也没有 `:` 的一行会让读取器拒绝整个文件，探针不会启动。' +
      '快速修复会写入探针能读懂的值，或把注释移到单独一行。',
    fix: '快速修复会写入探针能读懂的值（布尔值写 `true`/`false`，日志级别写已知的级别），或把行尾注释移到单独一行。',
    silence: '很少需要：探针丢弃这样的值时不会有任何提示。',
  },
  'tingyun/duplicate-option': {
    summary: '同一段中重复的键，或重复的段：探针拒绝读取这个文件，不会启动。',
    details:
      '探针用 Python 3 的严格模式配置读取器读取配置，遇到同一段中的第二个 `license_key`（键不区分大小写）或第二个 `[tingyun]` 段标题就会停下。' +
      '探针记下错误后不再启动，所以什么也不会上报。只保留其中一行；如果重复的一行与第一行内容相同，快速修复会删除它。',
    fix: '只保留其中一行。两行内容相同时，快速修复会删除重复的那一行。',
    silence: '不建议屏蔽：这样的文件会让探针无法启动。',
  },
  'tingyun/exclude-plugins': {
    summary: '`[tingyun:exclude] plugins` 中不是埋点组的名字，或者会连带关掉其他埋点组的名字。',
    details:
      '探针判断是否跳过某个埋点组（instrumentation group）时，是在 `plugins` 的原始文本中查找这个组名。因此拼错的名字什么也关不掉，' +
      '而包含另一个组名的名字会把两个组都关掉：`pymysql` 同时关掉 `mysql`，`psycopg2cffi` 同时关掉 `psycopg2`，`bmemcached` 同时关掉 ' +
      '`memcached`。快速修复会把未知的名字替换为相近的组名。',
    fix: '对于未知的名字，快速修复会把它替换为最接近的组名。会连带关掉其他组的名字无法在探针配置中缩小范围；请判断两个都关掉是否可以接受。',
    silence: '当你确实想同时关掉其他埋点组时。',
  },
  'newrelic/syntax-error': {
    summary: 'Python 的配置读取器拒绝的写法：写在所有段标题之前的选项、既没有 `=` 也没有 `:` 的行、字节顺序标记（BOM）。',
    details:
      '探针用 Python 的 `RawConfigParser` 读取 `newrelic.ini`。第一个 `[section]` 段标题之前的选项、既不是注释也不是段标题或 ' +
      '`key = value`（或 `key: value`）的行、键为空的行，都会让它拒绝整个文件：`newrelic.agent.initialize()` 抛出异常，探针不会启动。' +
      'UTF-8 字节顺序标记（BOM）也一样，而编辑器通常不显示它：探针按普通 UTF-8 打开文件，这个标记就成了第一个段标题之前的文本。' +
      '缩进的行不算错误：它是上一行值的延续。',
    fix: '如果有选项写在所有段标题之前，而文件中没有 `[newrelic]` 段，快速修复会在文件开头加上 `[newrelic]` 段标题。否则请补全或删除这一行，或把文件另存为不带 BOM 的 UTF-8。',
    silence: '不建议屏蔽：这样的文件会让探针无法启动。',
  },
  'newrelic/missing-license-key': {
    summary: '`license_key` 为空，或者没有写，而工作区中也没有任何地方设置 `NEW_RELIC_LICENSE_KEY`。',
    details:
      '探针先从 `NEW_RELIC_LICENSE_KEY` 取许可证密钥（license key），再读文件中的 `license_key`，文件中有就以文件为准：' +
      '空的 `license_key =` 会把环境变量中的密钥覆盖成空值，探针什么也不会上报。文件中不写 `license_key` 是可以的，只要应用的运行环境' +
      '设置了这个变量；只有当工作区中没有任何文件（Dockerfile、Compose 文件、`.env`、服务器配置等）提到这个变量时，pydeploy 才会报告。',
    fix: '没有快速修复：把 New Relic 账号的密钥填进 `license_key`，或者删除这一行，在应用运行的地方设置 `NEW_RELIC_LICENSE_KEY`。',
    silence: '当密钥来自 pydeploy 看不到的地方（例如设置 `NEW_RELIC_LICENSE_KEY` 的密钥管理服务）时。',
  },
  'newrelic/unknown-option': {
    summary: '`[newrelic]` 或 `[newrelic:ENV]` 段中 New Relic 探针不读取的键。',
    details:
      '探针只查找它认识的选项，从不遍历整个文件，所以拼错的键（`licence_key`、`transaction_tracer.enable`）不起作用，默认值保持不变。' +
      '键不区分大小写。选项列表由探针自己的源码生成；旧版本才读取的键由 newrelic/removed-option 报告。',
    fix: '快速修复会把键替换为与它最接近的选项名。',
    silence: '当这个文件是为比 pydeploy 所知更新、会读取这个键的探针版本写的时。',
  },
  'newrelic/removed-option': {
    summary: '旧版 New Relic 探针读取、而现在的版本会忽略的选项（`ssl`、`ignored_params`、`error_collector.ignore_errors` 等）。',
    details:
      '旧版探针生成的配置里带有后来的版本去掉的选项；这样的一行已经不起作用，它原本要做的设置现在可能换了名字' +
      '（`error_collector.ignore_errors` 换成了 `error_collector.ignore_classes`，`ignored_params` 换成了 `attributes.exclude`）。' +
      '消息中会写出最后一个读取该选项的版本。如果项目把 `newrelic` 包固定在仍会读取它的版本上，则不会报告。',
    fix: '没有快速修复：删除这一行，或者用现在的探针读取的选项写出它原本的意思。',
    silence: '当应用运行的探针版本仍会读取这个选项，而项目没有固定版本时。',
  },
  'newrelic/unknown-section': {
    summary: 'New Relic 探针不读取、但名字与它读取的段相近的段（`[NewRelic]`、`[newrelic-staging]`、`[import-hok:...]`）。',
    details:
      '探针读取 `[newrelic]`、对应运行环境（`NEW_RELIC_ENVIRONMENT`）的 `[newrelic:ENV]`，以及 `[import-hook:...]`、' +
      '`[function-trace:...]` 这类埋点（instrumentation）段。段名区分大小写，环境名写在冒号之后，所以 `[NewRelic]` 或 ' +
      '`[newrelic-staging]` 中的选项永远不会被读取。其他工具的段不做处理。快速修复会重命名这个段。',
    fix: '快速修复会把段重命名为它显然想写的那个段名。',
    silence: '当这个段由共用这个文件的另一个工具读取时。',
  },
  'newrelic/invalid-value': {
    summary: 'New Relic 探针读不懂的值：它会记录一条错误并保持默认值，或者忽略这个值。',
    details:
      '每个选项都用 Python 配置读取器的某个类型化读取方法读取，有些还要经过探针自己的转换：布尔值是 `true`/`false`、`on`/`off`、' +
      '`yes`/`no` 或 `1`/`0`（不区分大小写）；数字是 Python 的数字；`log_level` 是日志级别名（不区分大小写）；' +
      '`transaction_tracer.record_sql` 只能是小写的 `off`、`raw` 或 `obfuscated`；状态码列表由状态码和范围组成。读取失败的值会让探针' +
      '记录一条配置错误并保持默认值（设置了 `NEW_RELIC_IGNORE_STARTUP_ERRORS=false` 时探针不会启动）。少数选项（`labels`、采样比例、' +
      '`cloud.aws.account_id`）遇到无法使用的值时直接丢弃，最多给出一条警告。值后面的 `;` 或 `#` 是值的一部分：读取器只支持整行注释。',
    fix: '当值显然是指探针能读懂的某个值时（`enabled` → `true`，`Raw` → `raw`），快速修复会写入那个值。',
    silence: '很少需要：探针不会使用这样的值。',
  },
  'newrelic/literal-placeholder': {
    summary: '值中有 `%(name)s` 占位符：探针读取文件时不做插值，会按原样使用它。',
    details:
      'Python 的 `ConfigParser` 会把 `%(name)s` 替换为另一个选项的值，但 New Relic 探针用 `RawConfigParser` 读取 `newrelic.ini`，' +
      '不做这种替换：`license_key = %(NEW_RELIC_LICENSE_KEY)s` 会把这段文字本身当作密钥发送出去，也不会通过它读取任何环境变量。' +
      '要从环境中取值，请不写这个选项，改为设置对应的 `NEW_RELIC_...` 变量（`NEW_RELIC_LICENSE_KEY`、`NEW_RELIC_APP_NAME` 等）。' +
      '`console.listener_socket` 是例外：探针会自己在其中填入 `%(pid)s`。',
    fix: '没有快速修复：删除这一行，在应用运行的地方设置对应的 `NEW_RELIC_...` 变量，或者直接写出值本身。',
    silence: '当你自己的工具会在探针读取之前渲染这个文件（及其中的占位符）时。',
  },
  'newrelic/duplicate-option': {
    summary: '同一段中重复的键，或重复的段：Python 的配置读取器拒绝读取这个文件。',
    details:
      '探针用 Python 的 `RawConfigParser`（默认的严格模式）读取 `newrelic.ini`，遇到同一段中的第二个 `app_name`（键不区分大小写）' +
      '或第二个 `[newrelic]` 段标题就会停下：`newrelic.agent.initialize()` 抛出异常，探针不会启动。`[DEFAULT]` 可以写两次，但在它的' +
      '几部分之间重复的键同样会被拒绝。只保留其中一行；如果重复的一行与第一行内容相同，快速修复会删除它。',
    fix: '只保留其中一行。两行内容相同时，快速修复会删除重复的那一行。',
    silence: '不建议屏蔽：这样的文件会让探针无法启动。',
  },
  // ---- The agent rules of Gunicorn, Prometheus, Tornado and the launch ----
  'gunicorn/preload-app': {
    summary: '`preload_app = True` 会在 fork 出 worker 之前，在 master 进程中加载应用，探针也随之加载。',
    details:
      '开启预加载（`preload_app`）后，Gunicorn 在 master 中导入一次应用，再从它 fork 出各个 worker。探针通过后台线程上报数据，而 fork 不会复制线程：' +
      '在 master 中启动的探针在每个 worker 里都不会上报。要么关闭预加载（`preload_app = False`，首选的修复），要么保留预加载，' +
      '在 `post_fork` 钩子中为每个 worker 启动探针（另一个修复会添加这个钩子）。如果已有 `post_fork` 或 `post_worker_init` 钩子启动了探针，这条规则不会报告。',
    fix: '首选的快速修复把它设为 `preload_app = False`。另一个修复保留预加载，并添加一个在每个 worker 中启动探针的 `post_fork` 钩子。',
    silence: '当探针已经以 pydeploy 看不到的方式在每个 worker 中启动时。',
  },
  'gunicorn/async-worker': {
    summary: '使用了异步 worker 类型，却没有配置让它保持健康的设置。',
    details:
      'gevent、eventlet 和 tornado worker 在一个进程、一个事件循环里同时处理许多请求。一次阻塞调用（一条慢的数据库查询，或在库没有被打补丁时发出的同步 HTTP 请求）' +
      '会卡住这个 worker 正在处理的所有请求，大量慢请求还会堆积在内存里。请把阻塞 IO 挪出请求处理，限制 `worker_connections`（gevent、eventlet；tornado worker 不读取它），' +
      '并用 `max_requests` 和 `max_requests_jitter` 定期回收 worker。gthread worker 不会报告：每个请求都有自己的线程。每个文件只在 `worker_class` 上报告一次；' +
      '设置了连接上限和 `max_requests` 就不再报告。修复会补上缺少的设置。',
    fix: '快速修复在 `worker_class` 之后补上缺少的设置，并给出常用的初始值（1000 个连接，每处理 1000 个请求回收一次，抖动 100）；请按你的负载调整。',
    silence: '当 worker 已经在别处（例如由进程管理器）限制和回收时。',
  },
  'gunicorn/agent-started-in-master': {
    summary: '探针的后台线程在 Gunicorn 的 master 进程中、fork 出 worker 之前就启动了。',
    details:
      'Gunicorn 在 master 进程中运行它的配置文件，`on_starting`、`on_reload`、`when_ready` 和 `pre_fork` 钩子，以及开启 `preload_app = True`（`--preload`）时的整个应用，' +
      '然后再从 master fork 出 worker。fork 不会复制线程：导出、汇总或采样线程在 master 中启动的探针（OpenTelemetry 的 `BatchSpanProcessor` 或 `MeterProvider`、' +
      'New Relic 的 `register_application`、`pyroscope.configure`）在每个 worker 里都不会上报，甚至会死锁。调用写在配置中时报告在调用上；应用在导入时启动探针时报告在预加载设置上。' +
      '请改在 `post_fork` 钩子中启动探针，它会在每个 worker 中运行。',
    fix:
      '没有修复能替你挪动启动代码。配置中没有 `post_fork` 钩子时，一个快速修复会添加一个在每个 worker 中启动探针的钩子，请补全它，再把 master 中的调用删掉；' +
      '在预加载设置上，另一个修复会设为 `preload_app = False`，让应用连同探针在每个 worker 中导入。',
    silence: '当这个调用并不启动探针（只是名字相像），或探针已经以 pydeploy 看不到的方式在每个 worker 中重新启动时。',
  },
  'gunicorn/gevent-patch-order': {
    summary: '使用 gevent worker 时，应用或探针在 gevent 给标准库打补丁之前就被导入了。',
    details:
      'gevent worker 要等 fork 之后才调用 `gevent.monkey.patch_all()`。在此之前 master 导入的内容（`preload_app = True` 或 `--preload` 时的整个应用，以及配置文件导入的一切）' +
      '仍然使用导入时绑定的会阻塞的 socket、锁和 SSL：请求会卡住 worker，Datadog 的 tracer、OpenTelemetry 的 metric reader 这类探针会漏掉调用甚至死锁。' +
      '请先打补丁（monkey patch）：在 Gunicorn 配置文件顶部、任何其他 import 之前调用 `gevent.monkey.patch_all()`（Datadog 则用 `import ddtrace.auto`），或者关闭预加载。' +
      '报告在预加载设置上，以及配置中在打补丁之前导入的探针上。',
    fix: '快速修复在配置文件的第一条语句之前加上 `from gevent import monkey` 和 `monkey.patch_all()`（Gunicorn 在加载应用之前先运行配置文件）。',
    silence: '当应用自己以 pydeploy 看不到的方式，在导入任何其他内容之前就给 gevent 打了补丁时。',
  },
  'gunicorn/instrument-worker-metrics': {
    summary: '多个 Gunicorn worker 运行在 `opentelemetry-instrument` 之下，并开启了指标导出：指标会出问题。',
    details:
      '`opentelemetry-instrument` 只在 master 中、Gunicorn fork 出 worker 之前初始化一次 SDK。trace 和日志能在 fork 后继续工作，但 metric reader 的后台线程和锁不行：' +
      '超过一个 worker 时指标导出就会出错（见 OpenTelemetry 零代码埋点的故障排查页 "Pre-fork servers can break metrics export"）。ASGI 应用请用 `uvicorn.workers.UvicornWorker`，' +
      '或者不用这个包装程序，自己在 `post_fork` 钩子中初始化 SDK，或者只运行一个 worker，或者在启动环境中用 `OTEL_METRICS_EXPORTER=none` 关闭指标。报告在 worker 数量上。',
    fix: '没有快速修复：哪种办法合适取决于应用（ASGI 应用用 UvicornWorker、在 `post_fork` 中初始化、一个 worker，或者不要指标）。',
    silence: '当应用已经以 pydeploy 看不到的方式在每个 worker 中重新初始化指标 SDK 时。',
  },
  'prometheus/multiproc-dir': {
    summary: 'Prometheus 客户端的多进程模式在启动环境中缺少 `PROMETHEUS_MULTIPROC_DIR`，或者把它写成了小写。',
    details:
      '有多个 Gunicorn worker 或 uWSGI 进程时，prometheus_client 通过 `PROMETHEUS_MULTIPROC_DIR` 指定的目录中的文件共享指标，而是否这样做是在它第一次被导入时决定的。' +
      '因此这个变量必须在服务启动时的环境中（Dockerfile 的 `ENV`、Compose 的 `environment:`、systemd 的 `Environment=`，或 uWSGI 的 `env` 选项，uWSGI 会在 Python 启动前设置它）。' +
      'Gunicorn 要等运行完配置文件才应用 `raw_env`：在顶层导入了 prometheus_client 的配置（为了 `child_exit`）此时已经选定了按进程分开的指标。' +
      '小写的 `prometheus_multiproc_dir` 仍然有效，但已弃用。当 Dockerfile、systemd unit 或 supervisord program 启动服务（这些文件包含它的全部环境）而这些地方都没有这个变量时，' +
      '报告在进程数量上；也报告在来得太晚的 `raw_env` 条目上，以及小写的变量名上。',
    fix: '快速修复把小写的 `prometheus_multiproc_dir` 改名为 `PROMETHEUS_MULTIPROC_DIR`。缺少的变量请你自己加到启动环境中，指向一个每次启动都会清空的目录。',
    silence: '当服务从 pydeploy 不读取的地方（编排系统、包装脚本）获得这个变量时。',
  },
  'prometheus/child-exit': {
    summary: 'Prometheus 客户端的多进程模式运行在 Gunicorn 下，却没有调用 `mark_process_dead` 的 `child_exit` 钩子。',
    details:
      '多进程模式下，每个 worker 把指标写到自己的文件中。worker 退出后（被 `max_requests` 回收、超时被杀、崩溃），它的 live gauge 会一直计入总数，' +
      '直到有人调用 `multiprocess.mark_process_dead(pid)`。Gunicorn 的 master 对每个退出的 worker 都会调用 `child_exit(server, worker)`，不管它是怎么退出的；' +
      '`worker_exit` 则在 worker 自己里面运行，而且只在正常退出时运行。报告在没有调用它的 `child_exit`（或 `worker_exit`）上，或者在没有 `child_exit` 的配置的第一行。',
    fix: '配置中没有 `child_exit` 时，快速修复会添加一个调用 `multiprocess.mark_process_dead(worker.pid)` 的钩子，并在钩子内部导入 prometheus_client。',
    silence: '当退出的 worker 用别的方式清理时（由 supervisor 清空指标目录，或钩子调用的辅助函数）。',
  },
  'tornado/unsupported-version': {
    summary: '项目锁定的 Tornado 版本不在探针支持的 3.x–4.x 范围内。',
    details:
      '探针只对 Tornado 3.x 和 4.x 埋点。它通过在版本文本中查找 `4.` 来选择 Tornado 钩子，所以 Tornado 5 完全得不到埋点，而 6.4（其中含有 `4.`）' +
      '会被套上为 4.x 写的钩子，打进并不适合它的代码里。读取 `requirements*.txt`、`pyproject.toml`、`Pipfile`、`Pipfile.lock`、`poetry.lock` 和 `setup.cfg`；' +
      '只有允许的所有版本都在 3.x–4.x 之外的锁定才会报告，报告在锁定本身上。',
    fix: '没有快速修复：请锁定 Tornado 3.x 或 4.x 的版本，或向听云确认是否有支持你的 Tornado 版本的探针。',
    silence: '当你已经确认你的探针版本支持你运行的 Tornado 时。',
  },
  'tornado/wsgi-adapter-mode': {
    summary: 'Tornado 应用通过 WSGI 运行，但探针配置没有开启 `tornado_wsgi_adapter_mode`。',
    details:
      '默认情况下，探针对 Tornado 自己的 HTTP 服务和 IOLoop 埋点。当 uWSGI 或 Gunicorn 运行包在 `tornado.wsgi.WSGIAdapter` 中的 Tornado 应用，' +
      '或 Gunicorn 的 `tornado` worker 通过 `WSGIContainer` 运行 WSGI 应用时，请求并不走那条服务路径，探针需要在 `[tingyun]` 中设置 `tornado_wsgi_adapter_mode = true`，' +
      '改为挂在 WSGI 入口上。pydeploy 从 `module`/`wsgi-file`/`mount`（uWSGI）或 `wsgi_app`（Gunicorn）找到应用模块，只读取 Python 文件，从不运行它们；' +
      '探针配置则来自 `env`/`raw_env` 中的 `TING_YUN_CONFIG_FILE`，否则取最近的 `tingyun*.ini`。其中任何一个不在工作区中时，这条规则不报告。修复会编辑探针的配置文件。',
    fix: '快速修复在部署所用探针配置的 `[tingyun]` 中加上 `tornado_wsgi_adapter_mode = true`（或把那里的值改为 true）。示例展示的是那个文件；问题本身报告在加载 Tornado 应用的 uWSGI 或 Gunicorn 配置上。',
    silence: '当探针通过 pydeploy 不读取的环境变量配置时。',
  },
  'launch/uwsgi-agent-wrapper': {
    summary: 'APM 探针的包装程序启动了 uWSGI，而探针不支持这种方式：worker 中没有探针。',
    details:
      '`ddtrace-run`、`opentelemetry-instrument` 这类包装程序在它启动的进程中初始化探针，并假定处理请求的就是这个进程。uWSGI 加载应用后用 C 的 `fork()` fork 出 worker，' +
      '探针的线程和导出器都留在了 master 中：Datadog 的 `ddtrace-run` 会打印警告，它的 tracer 在 worker 中无法正常启动；OpenTelemetry 的 `opentelemetry-instrument` 不支持 uWSGI。' +
      '每种探针都有自己的做法：Datadog 在 uWSGI 配置中用 `import = ddtrace.auto` 加载，OpenTelemetry 在 `@postfork` 函数中构建它的 provider。' +
      '哪些探针适用、各自该怎么做，都来自它们的档案；不管 `agents` 设置指定了什么都会报告包装程序，因为它总会运行。包装 Gunicorn 的不报告：探针在那里是支持的。',
    fix: '没有快速修复：只去掉包装程序会让探针根本不启动。请把它从命令行中去掉，并按消息所说的方式启动探针（Datadog 是在 uWSGI 配置中写 `import = ddtrace.auto`）。',
    silence: '当这个包装程序不是为了探针而存在时（你自己写的同名包装程序）。',
  },
  'uwsgi/py-call-osafterfork': {
    summary: '在 Python 3.13 及更高版本上开启了 `py-call-osafterfork`：uWSGI 的 worker 一启动就异常退出。',
    details:
      '在 Python 3.13 及更高版本上，开启 `py-call-osafterfork` 的 uWSGI worker 会以 "Fatal Python error: PyMutex_Unlock: unlocking mutex that is not locked"（信号 6）退出，' +
      'uWSGI issue #2710 及其重复 issue 都有记录，目前发布的 uWSGI 版本都没有改变这一点。`py-call-uwsgi-fork-hooks`（uWSGI 2.0.21 及以后）做同样的事而且更多：' +
      '它运行解释器 fork 前后的步骤，所以应用和探针的 `os.register_at_fork` 钩子也会运行。Python 版本从项目中读取：启动所用 Dockerfile 的基础镜像（`FROM python:3.13-slim`），' +
      '否则是工作区中的 Dockerfile（取其中最低的 Python），否则是 `.python-version`、`runtime.txt`（`python-3.13.1`），或 pyproject.toml 中不允许 3.13 以下版本的 `requires-python`。' +
      '消息会写明来源。项目没有说明时不报告。',
    fix:
      '快速修复把选项改名为 `py-call-uwsgi-fork-hooks` 并保留它的值（命令行上和 `UWSGI_*` 变量中也一样），如果 `py-call-uwsgi-fork-hooks` 已经开启则删除这一行。' +
      '锁定的 uWSGI 早于 2.0.21 时没有修复，因为那些版本没有 `py-call-uwsgi-fork-hooks`。',
    silence: '当部署运行的 Python 比 pydeploy 读取版本的那个文件所写的更旧时。',
  },
  'uwsgi/enable-threads': {
    summary: 'Python 线程支持（`enable-threads`）没有开启，或者没有按探针检查的方式开启，所以探针不上报数据。',
    details:
      'uWSGI 2.0.26 及更早的版本启动 Python 时不开启线程支持，除非开启了 `enable-threads` 或写了 `threads`；而 APM 探针都在后台线程里' +
      '发送数据，这个线程于是永远不会运行。从 2.0.27 起线程总是开启的，这对部分探针已经足够（项目在依赖文件、pyproject.toml、Pipfile、' +
      'poetry.lock、setup.cfg 或 `uwsgiVersion` 设置中固定了这样的版本时，这条规则不报告）。另一些探针会读取 uWSGI 收到的选项' +
      '（`uwsgi.opt`），在任何版本上都要求 `enable-threads`（Datadog、Sentry 和 AppDynamics 也接受 `threads`）：缺少时 Datadog 根本不会' +
      '启动它的追踪器（tracer）。消息会列出项目使用的探针以及各自受到的影响。修复会在 `[uwsgi]` 中加上 `enable-threads = true`，或把显式' +
      '写成 `enable-threads = false` 的值改回开启。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `enable-threads = true`，或把关闭的 `enable-threads` 改回真值。',
    silence:
      '只有当项目里没有探针需要它时：在 uWSGI 2.0.27 或更高版本上，且探针不读取 uWSGI 的选项。更好的做法是固定这个版本（依赖文件、' +
      '`pydeploy.uwsgiVersion`，或 `[tool.pydeploy]` 中的 `uwsgi-version`），并写明探针（`pydeploy.agents`）。',
  },
  'uwsgi/single-interpreter': {
    summary: '应用运行在子解释器（sub-interpreter）中，而不是 Python 主解释器中。',
    details:
      '没有单解释器模式（`single-interpreter`）时，uWSGI 会给每个应用一个 Python 子解释器。听云和 New Relic 的部署指南都要求每个进程只用' +
      '一个解释器，因为子解释器和它们的后台线程配合不好。项目使用其中之一，或者 pydeploy 认不出项目用的是哪个探针时，这条规则生效。' +
      '修复会加上 `single-interpreter = true`。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `single-interpreter = true`，或把显式写成 `single-interpreter = false` 的值改为开启。',
    silence: '当这个进程确实承载多个必须在子解释器中彼此隔离的应用，而且你接受探针在那里不受支持时。',
  },
  'uwsgi/lazy-apps': {
    summary: '应用在 fork 之前就在 master 中加载，所以探针的线程到不了 worker。',
    details:
      'uWSGI 默认在 master 中导入一次应用，再从 master fork 出各个 worker。在 master 中启动的线程在 fork 出来的 worker 里并不存在，所以' +
      '随应用加载而启动的探针在 worker 里就不再工作；Datadog 的追踪器甚至可能让重新拉起的 worker 死锁。延迟加载应用（`lazy-apps`，或更早的 ' +
      '`lazy`）改为在每个 worker 中各自加载应用。这条规则对要求这样做的探针（听云、Datadog、Pyroscope）生效，没有写明也没有找到探针时' +
      '同样生效；只需要 fork 钩子的探针交给 `uwsgi/fork-safety`。修复会加上 `lazy-apps = true`。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `lazy-apps = true`，或把显式写成 `lazy-apps = false` 的值改为开启。',
    silence: '当探针已经通过其他方式在每个 worker 中启动（例如应用的 `postfork` 钩子），在 master 中加载应用并无害处时。',
  },
  'uwsgi/prefer-lazy-apps': {
    summary: '用了 `lazy`，而 uWSGI 推荐的是 `lazy-apps`。',
    details:
      '`lazy` 会在每个 worker 中加载应用，这正是探针需要的，但它同时改变了 master 重新加载（reload）的方式。uWSGI 推荐使用 `lazy-apps`，' +
      '它只是把应用的加载挪到 fork 之后。修复会改写这个键名。',
    fix: '快速修复会把 `lazy` 改名为 `lazy-apps`，值保持不变。',
    silence: '当你有意依赖 `lazy` 的重新加载行为时。',
  },
  'uwsgi/fork-safety': {
    summary: '应用在 fork 之前就在 master 中加载，而探针在 fork 之后要运行的钩子在 worker 中从不运行。',
    details:
      '没有 `lazy-apps`（或 `lazy`）时，uWSGI 在 master 中加载应用，再用 C 的 `fork()` 创建 worker，这会跳过 Python 代码用 ' +
      '`os.register_at_fork` 注册的钩子。Sentry、Elastic APM 和 OpenTelemetry 都在这些钩子里重新启动它们的后台线程（批处理器、发送通道）；' +
      '没有这些钩子，worker 会继承一个已经死掉的线程和它持有的锁，结果是什么也不上报，或者卡住。`py-call-uwsgi-fork-hooks`（uWSGI 2.0.21 ' +
      '及以后）让 uWSGI 在每次 fork 前后运行这些钩子；和所有 Python 线程一样，它们需要开启线程支持（`enable-threads`），uWSGI 2.0.21 的' +
      '实际表现证明了这一点。`lazy-apps` 则在每个 worker 中各自加载应用和探针，从根本上避开这个问题。项目固定的 uWSGI 早于 2.0.21 时，' +
      '那个版本没有这个钩子选项，只提供 `lazy-apps`。',
    fix: '首选的快速修复会加上 `py-call-uwsgi-fork-hooks = true`（或把显式的 `false` 改为开启）；另一个修复会加上 `lazy-apps = true`。固定的 uWSGI 早于 2.0.21 时只提供 `lazy-apps`。',
    silence: '当探针已经通过其他方式在每个 worker 中启动（应用的 `postfork` 函数），fork 时 master 中不存在探针的任何东西时。',
  },
  'uwsgi/master': {
    summary: '多个 worker 进程在没有主进程（`master`）也没有 `lazy-apps` 的情况下运行，探针不接受这种方式。',
    details:
      '没有 `lazy-apps` 时，应用在 fork 出 worker 之前只加载一次；必须在每个 worker 中重新启动线程的探针会挂到 uWSGI 的 fork 后回调上，' +
      '而这些回调只在有 master 进程时运行。Datadog 的追踪器会自己检查这种情况（`processes` 大于 1，没有 `lazy-apps`，没有 `master`），' +
      '然后什么功能都不启动。只有 `lazy-apps` 能作为例外，因为追踪器读取的正是这个选项（`lazy` 不算）。修复会加上 `master = true`。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `master = true`，或把显式写成 `master = false` 的值改为开启。',
    silence: '当应用在生产环境中确实只运行一个 worker（只在不使用探针的环境里才调高进程数）时。',
  },
  'uwsgi/skip-atexit': {
    summary: '在早于 2.0.30 的 uWSGI 上用了 `lazy-apps`（或 `lazy`），却没有跳过 atexit 处理（`skip-atexit`）。',
    details:
      '在每个 worker 中加载应用时（`lazy-apps` 或 `lazy`），2.0.30 之前的 uWSGI 安装 atexit 处理函数的方式有误；2.0.30 修复了这个问题。' +
      'Datadog 的追踪器会在这些版本上检查这种组合，警告原生扩展可能在退出时崩溃，并说明以后的版本会拒绝这种配置。`skip-atexit` 可以避免' +
      '这个问题。项目固定 uWSGI 2.0.30 或更高版本时，这条规则不报告。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `skip-atexit = true`，或把显式写成 `skip-atexit = false` 的值改为开启。',
    silence: '当部署运行的是 uWSGI 2.0.30 或更高版本时：更好的做法是固定这个版本（依赖文件、`pydeploy.uwsgiVersion`），规则就不会报告。',
  },
  'uwsgi/agent-import': {
    summary: 'uWSGI 下没有任何东西启动探针：既没有为它写 `import =` 行，应用里也没有导入它。',
    details:
      '有些探针只有在最先导入它自己的某个模块时才会给进程埋点：Datadog 的 `ddtrace.auto` 就是这样。在 Gunicorn 下由 `ddtrace-run` 包装' +
      '程序完成这件事，但它不支持 uWSGI，Datadog 要求改用 uWSGI 的 `import = ddtrace.auto`。项目用了这个探针，却既没有 `import` 行' +
      '（或 `pyimport`、`shared-import` 等），应用的模块（uWSGI 加载的模块和它导入的模块，按文本读取）也没有启动它时，这条规则就会报告。' +
      '在探针包装程序下运行的启动命令交给 `launch/agent-wrapper`；pydeploy 找不到的应用模块按“可能已经启动”处理。修复会加上这条导入。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `import = ddtrace.auto`（探针自己的启动模块），或在本身就是完整配置的启动命令中加上 `--import ddtrace.auto`。',
    silence: '当探针是以 pydeploy 读不到的方式启动时（路径上的 `sitecustomize`，或应用动态加载的代码中的导入）。',
  },
  'uwsgi/gevent-monkey-patch': {
    summary: 'uWSGI 的 gevent 插件替应用给标准库打补丁（monkey patch），探针不支持这种方式。',
    details:
      '`gevent-monkey-patch` 和 `gevent-early-monkey-patch` 让 uWSGI 在应用运行之前调用 gevent 的 `monkey.patch_all()`，threading ' +
      '也会被打补丁。Datadog 的 uWSGI 指南明确不建议这样做：它的追踪器需要真正的线程，应该由应用自己在 uWSGI 加载的模块顶部给 gevent ' +
      '打补丁（`from gevent import monkey; monkey.patch_all()`），导入顺序由应用自己决定。修复会删除这一行；“全部修复”不会应用它，' +
      '因为之后应用必须自己给 gevent 打补丁。',
    fix: '快速修复会删除这一行；请改为在应用模块的顶部给 gevent 打补丁。启动命令上的选项留给你自己处理。',
    silence: '当消息中提到的探针并没有被这个配置启动的进程使用时。',
  },
  'uwsgi/wsgi-env-behavior': {
    summary: 'uWSGI 2.0 默认用 `cheat` 方式构建 WSGI environ，New Relic 的 uWSGI 文档不建议这样做。',
    details:
      'uWSGI 2.0.x 会为每个请求槽位复用同一个 environ 字典，除非 `wsgi-env-behavior = holy` 要求每次新建一个（默认是 `cheat`；2.1 改变了' +
      '默认值）。New Relic 较早的 uWSGI 文档要求使用 `holy`，因为在某些环境中，探针否则可能因 SystemError 崩溃。这只是提示信息；项目固定 ' +
      'uWSGI 2.1 或更高版本时，这条规则不报告。修复会加上 `wsgi-env-behavior = holy`，或把其他值改为它。',
    fix: '快速修复会在 `[uwsgi]` 中加上 `wsgi-env-behavior = holy`，或把已有的 `wsgi-env-behavior` 改为 `holy`。',
    silence: '当部署运行的 uWSGI 默认就是 `holy`（2.1），或者你已经确认探针在 `cheat` 下工作正常时。',
  },
};
