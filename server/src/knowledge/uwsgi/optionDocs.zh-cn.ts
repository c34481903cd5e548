import type { UwsgiOptionDoc } from './optionDocs';

/**
 * The Simplified Chinese hover texts of the uWSGI options pydeploy documents (optionDocs.ts): the same facts, written
 * for a Chinese reader, one entry per group of names that share a text there. Option names, values and code stay as
 * they are.
 */

const perWorkerAgent = '每个 worker 都运行自己的一份探针，各自独立上报数据。';

const recycleAgent = '每次回收都会结束一个探针实例，并在新 worker 中启动一个新的；旧 worker 尚未发送的数据，只有在它的退出钩子得以运行时才会送出。';

const killedAgent = 'worker 被直接杀掉，不会运行任何退出钩子，其中的探针尚未发送的数据全部丢失。';

const reloadAgent = '每次重载都会替换所有 worker，探针在每个 worker 中重新启动；在预派生（prefork）模式下，应用以及随之启动的探针会先在 master 中重新加载。';

const forkedHelperAgent =
  '这些进程从 master 派生（fork）而来，不处理 Web 请求：fork 之前启动的探针线程在其中不会运行，所以只有在这些进程里另行启动探针，它们才会上报。';

const GROUPS: ReadonlyArray<readonly [readonly string[], UwsgiOptionDoc]> = [
  [
    ['enable-threads'],
    {
      summary: '初始化 Python 的 GIL，让应用代码可以自己启动线程。不开启时，uWSGI 2.0.26 及更早版本让 Python 保持单线程，应用启动的任何线程都不会运行。从 2.0.27 起，线程支持始终开启。',
      agent: 'uWSGI 2.0.26 及更早版本必须开启：探针通过后台线程发送数据，线程关闭时它什么也报不上来。',
    },
  ],
  [['threads'], { summary: '在每个 worker 中运行这么多个请求线程。任何一行 `threads` 都会同时开启 Python 线程支持，因此不再需要 `enable-threads`。', agent: '满足探针对线程支持的要求。' }],
  [['thread-stacksize', 'threads-stacksize'], { summary: 'uWSGI 在每个 worker 中启动的请求线程的栈大小，单位为 KB。不影响应用从 Python 中启动的线程。' }],
  [
    ['single-interpreter'],
    {
      summary: '让所有应用都运行在 Python 主解释器中，而不是给每个应用单独一个子解释器（sub-interpreter）。很多 C 扩展只能在主解释器中工作。',
      agent: '建议开启：子解释器与探针的后台线程一起使用可能出问题，所以每个进程只保留一个解释器。',
    },
  ],
  [
    ['lazy-apps'],
    {
      summary: '在每个 worker 派生（fork）之后在其中加载应用，而不是在 fork 之前在 master 中加载一次。重载时 master 仍然保持运行。',
      agent: '建议开启：加载应用时启动的线程无法跨越 fork 存活，在每个 worker 中加载能让探针的上报线程正常运行。',
    },
  ],
  [['lazy'], { summary: '在每个 worker 中加载应用的旧方式。它还会改变 master 的重载方式，所以 uWSGI 现在推荐改用 `lazy-apps`。', agent: '对探针有效（应用在 fork 之后加载），但优先使用 `lazy-apps`。' }],
  [
    ['py-call-uwsgi-fork-hooks'],
    {
      summary: '让 uWSGI 在每次 fork 前后调用 CPython 的 before-fork 和 after-fork 例程，使子进程以一致的解释器状态启动：未能存活的线程的记录及其持有的锁都会被清理。',
      agent: '预派生模式（没有 `lazy-apps`）下，可能在 fork 之前启动线程的探针需要它；Sentry 和 Elastic 都要求开启。它也会运行 `os.register_at_fork` 注册的回调，有些探针靠它重启自己的线程。',
    },
  ],
  [
    ['py-call-osafterfork'],
    {
      summary: '在每个派生出的 worker 中调用 CPython 的 after-fork 例程，使 Python 信号处理函数在其中正常工作。`py-call-uwsgi-fork-hooks` 已经包含了这一步。',
      agent: '只覆盖 fork 的子进程一侧；要让探针在 fork 时安全，优先使用 `py-call-uwsgi-fork-hooks`。',
    },
  ],
  [
    ['skip-atexit'],
    {
      summary: 'worker 被要求关闭时立即退出，不运行退出处理函数：`uwsgi.atexit` 和 Python 的 `atexit` 函数都不会被调用。主要用于绕过在退出时崩溃的原生扩展。',
      agent: 'worker 关闭时探针的最后一次发送被跳过，每个 worker 都会丢失最后一批数据。只在探针要求时设置，例如 Datadog 在 uWSGI 2.0.30 之前配合 `lazy-apps` 使用时。',
    },
  ],
  [
    ['skip-atexit-teardown'],
    {
      summary: 'worker 退出时仍会调用 `uwsgi.atexit`，但不会终结 Python 解释器（大型应用中这一步可能很慢）。因此用 `atexit` 模块注册的函数永远不会运行。',
      agent: '通过 `uwsgi.atexit` 刷新数据的探针不受影响；依赖 `atexit` 模块的探针会丢失最后一批数据。',
    },
  ],
  [
    ['need-app'],
    {
      summary: '加载应用失败时中止启动，而不是运行一批对每个请求都返回错误的 worker。2.1 中默认开启；2.0.x 中需要手动开启。',
      agent: '如果初始化探针导致应用导入失败，它能让问题在启动时就暴露出来，而不是每个请求都出错。',
    },
  ],
  [['socket'], { summary: '在 UNIX socket 路径或 `host:port` 地址上监听，使用二进制的 uwsgi 协议（或 `protocol` 选择的协议）。nginx 的 `uwsgi_pass` 连接的就是它；浏览器和 HTTP 代理无法与它通信。' }],
  [['uwsgi-socket'], { summary: '与 `socket` 相同，但这个 socket 无论 `protocol` 设成什么，始终使用 uwsgi 协议。' }],
  [['http'], { summary: '在这个地址上启动一个独立的 HTTP 路由器（router）进程，接收 HTTP 流量并转给 worker。前面没有其他服务时很方便；在 nginx 或负载均衡器后面时，用 `http-socket` 可以省掉这一跳。' }],
  [['http-socket'], { summary: '让 worker 自己在这个地址上直接处理 HTTP，中间没有路由器进程。适合运行在转发 HTTP 的反向代理或负载均衡器后面。' }],
  [['https'], { summary: '与 `http` 相同，但路由器使用 TLS；值为 `address,certificate,key`（地址、证书、私钥），后面还可以加上加密套件列表和 CA 文件。uWSGI 必须带 OpenSSL 编译。' }],
  [['protocol'], { summary: '切换普通 `socket` 行使用的协议，从 uwsgi 换成其他格式，例如 `http`、`fastcgi` 或 `scgi`。' }],
  [['shared-socket'], { summary: '让 master 在降低权限之前打开一次 socket，其他选项可以按位置以 `=0`、`=1` 等引用它。这是以普通用户运行时监听 80 或 443 端口的常用做法。' }],
  [['chmod-socket'], { summary: 'uWSGI 创建的 UNIX socket 的权限位：不写值时为 666，否则要写正好三位八进制数字，例如 `660`。Web 服务器无法写入 socket 时会返回 502。' }],
  [['chown-socket'], { summary: '把 uWSGI 创建的 UNIX socket 交给这个属主，写作 `user` 或 `user:group`，让 Web 服务器能够打开它们。' }],
  [['listen'], { summary: '内核中等待被接受的连接队列长度（默认 100）。在 Linux 上超过 `net.core.somaxconn` 时 uWSGI 会拒绝启动，所以要先调大这个 sysctl。' }],
  [['abstract-socket'], { summary: '仅限 Linux：把 UNIX socket 放在抽象命名空间中，磁盘上不会出现 socket 文件，文件权限也不再能保护它。' }],
  [['so-keepalive'], { summary: '在 uWSGI 的 socket 上开启 TCP keepalive 探测，最终能发现对端已经消失的连接。' }],
  [['thunder-lock'], { summary: '用一把共享锁让各进程依次执行 `accept()`，一个新连接只唤醒一个 worker，而不是全部。多个进程或线程共享同一个 socket 时有帮助。' }],
  [['master'], { summary: '启动一个监管 worker 的 master 进程：它会重新拉起 worker、执行超时控制并处理平滑重载。', agent: '探针本身不需要它；开启 `lazy-apps` 后 master 不再加载应用，探针只在 worker 中运行。' }],
  [['processes'], { summary: '要派生多少个 worker 进程。`workers` 是同一个设置的另一个名字。', agent: perWorkerAgent }],
  [['workers'], { summary: '要派生多少个 worker 进程；是 `processes` 的另一个名字。', agent: perWorkerAgent }],
  [['offload-threads', 'offload-thread'], { summary: '每个 worker 中额外的线程，接手发送静态文件这类慢速传输，让 worker 更早空出来处理下一个请求。默认值 0 表示关闭卸载。' }],
  [
    ['cheaper'],
    {
      summary: '开启自适应伸缩：`processes` 成为上限，这个值成为下限，master 随负载变化在两者之间启动和停止 worker。下限必须小于 `processes`。',
      agent: 'worker 随负载增减，每个新 worker 都会启动自己的探针，所以上报数据的进程数量会变化。',
    },
  ],
  [['cheaper-initial'], { summary: 'cheaper 模式下一开始启动多少个 worker；之后 worker 数量在 `cheaper` 和 `processes` 之间变化。' }],
  [['cheaper-step'], { summary: 'cheaper 模式每次判断 worker 不够用时，一次增加多少个 worker。' }],
  [['cheaper-algo'], { summary: '选择 cheaper 算法：`spare`（默认）、`backlog` 或 `manual`，2.1-dev 中还有 `spare2`，加载 cheaper_busyness 插件后还有 `busyness`。' }],
  [['cheaper-overload'], { summary: '对 `spare` 来说，所有 worker 要持续忙多少秒才会启动更多 worker；`busyness` 把它用作采样周期的长度。默认为 3。' }],
  [['cheaper-rss-limit-soft'], { summary: '所有 worker 占用的常驻内存总和超过这个值时，cheaper 模式不再启动新的 worker。单位是字节，不是 MB。' }],
  [['cheaper-rss-limit-hard'], { summary: '所有 worker 占用的常驻内存总和超过这么多字节时，cheaper 模式开始停止 worker。要比软限制大。' }],
  [['cheaper-busyness-multiplier'], { summary: 'busyness 算法：worker 要空闲 `cheaper-overload` 乘以这个数那么多秒，才会被停止（默认 10）。' }],
  [['cheaper-busyness-min'], { summary: 'busyness 算法：在采样周期中忙碌时间低于这个百分比的 worker 视为空闲，可以被停止（默认 25）。' }],
  [['cheaper-busyness-max'], { summary: 'busyness 算法：worker 在采样周期中忙碌时间超过这个百分比时，会启动更多 worker（默认 50）。' }],
  [['cheaper-idle'], { summary: '仅 2.1-dev 中有，用于 `spare2` 算法：worker 空闲多少秒后被停止（默认 10）。' }],
  [
    ['harakiri'],
    {
      summary: '请求超时秒数：处理一个请求超过这么久仍未结束的 worker 会被杀掉并替换。没有 master 时，每个 worker 用闹钟信号自行计时，既粗糙又管不到线程和异步核心。',
      agent: 'worker 没有机会刷新数据：其中探针还持有的数据，包括导致它被杀的那个慢请求，全部丢失。',
    },
  ],
  [['harakiri-verbose'], { summary: '记录更多关于被 harakiri 杀掉的 worker 的信息，例如在平台能够获取时它卡在哪个系统调用上，帮助找出慢代码。' }],
  [['harakiri-graceful-timeout'], { summary: '让 harakiri 先礼后兵：worker 先收到 SIGTERM（或 `harakiri-graceful-signal` 设置的信号），过了这么多秒还在才会被杀掉。' }],
  [['max-requests'], { summary: '按请求数回收：处理了这么多请求后，worker 收尾并退出，master 派生一个新的替换它。常用来防范缓慢的内存泄漏。', agent: recycleAgent }],
  [['max-requests-delta'], { summary: '错开 `max-requests`：每个 worker 的上限增加（worker id - 1）乘以这个值，避免所有 worker 在同一时刻被回收。' }],
  [['max-worker-lifetime'], { summary: '按时间回收：worker 运行满这么多秒后就被替换，无论它处理了多少请求。', agent: recycleAgent }],
  [['max-worker-lifetime-delta'], { summary: '给 `max-worker-lifetime` 加上随 worker id 增长的秒数，让各个 worker 在不同时间到期。' }],
  [['min-worker-lifetime'], { summary: '运行时间不到这么多秒的 worker 不会因 `max-requests` 或内存限制而被回收（默认 10），以免出现频繁重启的风暴。' }],
  [['reload-on-rss'], { summary: '按内存回收：一个请求结束时，如果 worker 的常驻内存超过这么多 MB，就替换这个 worker。只在请求之间检查，所以单个超大请求仍可能超标。', agent: recycleAgent }],
  [
    ['reload-on-as'],
    {
      summary: '请求结束后，如果 worker 的虚拟地址空间超过这么多 MB，就回收它。地址空间远大于实际内存占用（每个线程栈都计算在内），所以通常 `reload-on-rss` 是更好的选择。',
      agent: '探针的后台线程会把它的栈加到每个 worker 的地址空间里；设定上限时要为它留出余量。',
    },
  ],
  [['evil-reload-on-rss'], { summary: '由 master 强制执行的硬内存上限：常驻内存超过这么多 MB 的 worker 会被立即杀掉，不管它是否正忙。', agent: killedAgent }],
  [['evil-reload-on-as'], { summary: '与 `evil-reload-on-rss` 相同，但度量的是虚拟地址空间（单位 MB），同样会在请求处理中途杀掉 worker。', agent: killedAgent }],
  [
    ['worker-reload-mercy'],
    {
      summary: '重载或关闭时，每个 worker 在被 master 杀掉之前有多少秒来收尾（默认 60）。',
      agent: '探针的最后一次发送发生在 worker 退出期间；值太小可能在最后一批数据发出之前就杀掉 worker。',
    },
  ],
  [['reload-mercy'], { summary: '重载或停止时，master 允许 worker 和其他子进程退出的总宽限时间，单位为秒。' }],
  [['die-on-term'], { summary: 'uWSGI 2.0.x：收到 SIGTERM 时实例彻底停止，而不是粗暴重载，这正是 Docker、systemd 和 Kubernetes 所期望的。2.1 中这已是默认行为，这个选项只会记录一条弃用警告。' }],
  [['exit-on-reload'], { summary: '让重载请求结束实例，而不是就地重启，适用于由进程管理器或 Emperor 负责重启的部署。' }],
  [['no-orphans'], { summary: 'master 消失时，它的 worker 也随之终止，而不是在无人看管的情况下继续运行。代价是：master 崩溃会让整个服务停掉。' }],
  [['vacuum'], { summary: '退出时清理：删除 uWSGI 创建的 UNIX socket 文件和 pid 文件，避免下次启动时被残留文件绊倒。' }],
  [['reaper'], { summary: '每个请求之后回收已退出的子进程，适用于启动子进程却从不等待它们的应用，否则这些进程会堆积成僵尸进程。' }],
  [['master-fifo'], { summary: '创建一个命名管道，master 通过它接收单字母命令，例如 `r` 平滑重载、`c` 链式重载、`q` 平滑停止。' }],
  [
    ['module', 'wsgi'],
    {
      summary: '包含 WSGI 应用的 Python 模块，写作 `package.module` 或 `package.module:callable`（callable 默认为 `application`）。',
      agent: '探针对这个模块暴露的应用做插桩；要在这个模块导入你的框架之前初始化探针。',
    },
  ],
  [
    ['wsgi-file', 'file'],
    {
      summary: '从中加载 WSGI 应用的 Python 文件；由其中的 `application`（或 `callable` 指定的名字）处理请求。',
      agent: '探针对这个文件暴露的应用做插桩；在文件开头初始化探针。',
    },
  ],
  [['callable'], { summary: '在模块或文件中查找哪个名字作为 WSGI 应用（默认 `application`）。Flask 等很多框架把它叫做 `app`，没有这一行 uWSGI 就找不到应用。' }],
  [
    ['mount'],
    {
      summary: '把另一个应用挂在某个 URL 前缀下，例如 `/blog=blog.py`；应用可以是 `.py` 或 `.wsgi` 文件、Paste 的 `.ini` 或 `module:callable`。多个应用就重复写这一行，并加上 `manage-script-name`。',
      agent: '除非设置了 `single-interpreter`，第一个之后的每个应用都有自己的子解释器，探针也会在每个解释器中各运行一次。',
    },
  ],
  [['manage-script-name'], { summary: '在匹配的挂载点处拆分每个请求路径，前缀放进 `SCRIPT_NAME`，其余放进 `PATH_INFO`，让用 `mount` 挂载的应用看到它们预期的路径。' }],
  [['paste'], { summary: '用 PasteDeploy 从 `config:/srv/app/production.ini` 这样的 URI 构建应用，这是 Pyramid 项目常用的入口。' }],
  [['pyargv'], { summary: '用一个按空格拆分的字符串为应用填充 `sys.argv`，适用于读取命令行参数的应用。' }],
  [['chdir'], { summary: '加载应用之前切换到这个目录，相对路径和模块导入都从这里开始。', agent: '传给探针的相对路径，例如环境变量中的相对配置文件路径，都从这里解析。' }],
  [['chdir2'], { summary: '应用加载之后切换到这个目录；`chdir` 则是在加载之前。' }],
  [
    ['home', 'virtualenv', 'venv', 'pyhome'],
    {
      summary: '应用导入包所用的 virtualenv（Python home）路径。它必须用与 uWSGI python 插件编译时相同的 Python 版本创建，否则导入会以令人困惑的方式失败。',
      agent: '把探针包安装到这个环境中：环境之外的包 worker 无法导入。',
    },
  ],
  [['pythonpath', 'python-path'], { summary: '加载应用之前把一个目录加入 `sys.path`。会展开 glob 模式，重复这一行可以加入更多目录。' }],
  [['pymodule-alias'], { summary: '让一个模块可以用另一个名字导入，写作 `alias=module` 或 `alias=/path/to/file.py`；多个别名就重复这一行。' }],
  [
    ['import', 'pyimport', 'py-import', 'python-import'],
    {
      summary: '在加载应用之前、在负责加载应用的进程中导入一个 Python 模块（或按路径给出的 `.py` 文件）：预派生模式下是 master，开启 `lazy-apps` 时是每个 worker。常用于注册 uWSGI 装饰器的模块。',
      agent: '不改代码就能启动探针（Datadog：`import = ddtrace.bootstrap.sitecustomize`）。没有 `lazy-apps` 时它在 master 中运行，在那里启动的线程 fork 之后就没了。',
    },
  ],
  [
    ['shared-import'],
    {
      summary: '在 master 中设置解释器时导入一个 Python 模块，早于任何应用、早于任何 fork，之后派生的每个进程都已经有了它。',
      agent: '在这里启动探针线程的模块，会让 worker 只拿到一份已经失效的线程副本，除非 fork 钩子重新启动它。',
    },
  ],
  [['spooler-import'], { summary: '只在 spooler 进程中导入一个 Python 模块，通常是定义 spooler 任务的那个模块。' }],
  [
    ['py-autoreload', 'py-auto-reload', 'python-autoreload', 'python-auto-reload'],
    {
      summary: '用于开发：每隔这么多秒检查磁盘上是否有 Python 模块发生变化，有变化就重载实例（0 表示关闭）。扫描需要时间，不要在生产环境中使用。',
      agent: '会开启线程支持和 master；每检测到一次变化，worker 以及其中的探针都会重启。',
    },
  ],
  [
    ['wsgi-env-behaviour', 'wsgi-env-behavior'],
    {
      summary: '如何构建每个请求的 WSGI environ 字典：`cheat` 复用同一个字典，`holy` 每次新建一个。2.0.x 默认为 `cheat`，2.1 默认为 `holy`。',
      agent: 'New Relic 建议在 2.0.x 上使用 `holy`，默认的 `cheat` 可能导致 SystemError 崩溃。',
    },
  ],
  [
    ['py-tracebacker'],
    {
      summary: '为每个 worker 打开一个以此为前缀命名的 UNIX socket，返回每个线程当前的 Python 调用栈；用来查明卡住的 worker 停在哪里很方便。会开启 master 和线程支持。',
      agent: '会开启 Python 线程支持；探针的上报线程会和其他线程一样出现在栈转储中。',
    },
  ],
  [['catch-exceptions'], { summary: '把 Python 异常回溯发给客户端，而不是一个简单的错误页。仅用于调试：它会向任何人泄露内部信息。' }],
  [
    ['gevent'],
    {
      summary: '让每个 worker 切换到 gevent 事件循环，以 greenlet 的形式同时处理这么多个请求。阻塞的库必须支持 gevent 或经过 monkey patch，否则一次阻塞调用就会卡住整个 worker。',
      agent: '只有 `threading` 未被 patch 时，探针的后台线程才是真正的操作系统线程；patch 之后它变成 greenlet，只在请求代码让出执行权时才运行。',
    },
  ],
  [
    ['gevent-monkey-patch'],
    {
      summary: '在每个 worker 启动 gevent 循环时调用 `gevent.monkey.patch_all()`，这发生在应用导入之后。',
      agent: '也会 patch `threading`，把探针的线程变成 greenlet；Datadog 不支持这样做，要求改为在应用中调用 `patch_all(thread=False)`。',
    },
  ],
  [
    ['gevent-early-monkey-patch'],
    {
      summary: '在导入应用之前用 gevent 给标准库打补丁（`patch_all()`），应用引入的每个模块拿到的都已是协作式的版本。',
      agent: '与 `gevent-monkey-patch` 有同样的线程问题，但补丁打在探针导入之前，这正是支持 gevent 的探针所期望的顺序。',
    },
  ],
  [
    ['async'],
    {
      summary: '一个 worker 可以交替处理多少个请求（它的异步核心数）。需要 gevent 或 ugreen 这样的循环或挂起引擎，不应与 `threads` 同时使用。',
      agent: '请求共用一个操作系统线程，所以探针保存在线程局部变量中的每个请求的状态可能会混在一起，除非探针支持异步。',
    },
  ],
  [['ugreen'], { summary: '用 uGreen（uWSGI 自己基于 ucontext 的协程引擎）在 `async` 设置的异步核心之间切换。' }],
  [['buffer-size'], { summary: '可接受的请求头块的最大字节数（默认 4096）。Cookie 很大或 URL 很长时需要调大，否则请求会以 "invalid request block size" 失败；2.0.x 会悄悄把值限制在 65535。' }],
  [['post-buffering'], { summary: '让 uWSGI 在调用应用之前读完整个请求体：不超过这么多字节的请求体保存在内存中，更大的写入临时文件。适用于需要一开始就拿到完整请求体的应用。' }],
  [['limit-post'], { summary: '可接受的请求体最大字节数；更大的上传在到达应用之前就被拒绝。默认值 0 表示不限制。' }],
  [
    ['limit-as'],
    {
      summary: '把每个进程的虚拟地址空间限制在这么多 MB。超过时应用内部的内存分配会失败（MemoryError 或崩溃），而不是触发一次干净的回收。',
      agent: '线程栈也计入这个上限：设得太紧，探针的后台线程会启动失败，什么也报不上来。',
    },
  ],
  [['socket-timeout'], { summary: 'uWSGI 自己进行的 socket 读写（例如接收请求头）的超时秒数（默认 4）。使用 gevent 时，uWSGI 建议至少设为 30。' }],
  [['http-timeout'], { summary: 'HTTP 路由器等待 worker 多少秒后放弃这个请求（默认 60）。如果希望由 harakiri 而不是路由器来结束慢请求，就让它大于 `harakiri`。' }],
  [['logto'], { summary: '把日志写到这个文件或 UDP `host:port`，代替 stderr。uWSGI 在仍有特权时打开文件，所以文件可能归 root 所有。' }],
  [['logto2'], { summary: '`logto` 的变体，等 uWSGI 切换到非特权用户之后再打开文件，文件就归这个用户所有。' }],
  [
    ['log-format', 'logformat'],
    {
      summary: '每个请求日志行的模板，由 `%(method)`、`%(uri)`、`%(status)`、`%(msecs)` 等请求变量组成。`%` 后面跟其他字符时会在读取配置时被吞掉，字面的 `%` 要写成 `%%`。',
    },
  ],
  [['log-date'], { summary: '在每行日志前加上时间戳；以 strftime 格式作为值可以改变它的样式。' }],
  [['disable-logging'], { summary: '停止每个请求一行的日志；启动信息和错误仍然会写。配合 `log-4xx` 和 `log-5xx` 只保留失败的请求。' }],
  [['log-4xx'], { summary: '即使关闭了请求日志，也记录以 4xx 状态码响应的请求。' }],
  [['log-5xx'], { summary: '即使关闭了请求日志，也记录以 5xx 状态码响应的请求。' }],
  [['log-slow'], { summary: '即使关闭了请求日志，也记录耗时不少于这么多毫秒的请求。' }],
  [['log-maxsize'], { summary: '日志文件达到这么多字节时进行轮转。会开启 master 和 `log-master`，因为由 master 负责轮转。' }],
  [['log-reopen'], { summary: '每次重载时重新打开日志文件，这样 logrotate 之类的工具可以移走旧文件，重载后开始写新文件。' }],
  [['logger'], { summary: '添加一个由日志插件提供的日志目的地，例如 `file:/var/log/app.log` 或 `syslog:myapp`；多个就重复写。此后日志经由 master 输出。' }],
  [['req-logger'], { summary: '与 `logger` 相同，但只有请求日志行写到那里，从而把访问日志与其他日志分开。' }],
  [['log-master'], { summary: '让 master 通过管道收集每个进程的输出再统一写出，避免各行交错，并支持轮转和可插拔的日志记录器。' }],
  [['log-x-forwarded-for'], { summary: '在代理后面时，记录代理放在 X-Forwarded-For 中的客户端地址，而不是代理自己的地址。' }],
  [['daemonize'], { summary: '让 uWSGI 转到后台运行，并把日志写到这个文件或 UDP 地址。在 systemd、supervisor 或 Docker 下不要使用：它们启动的进程会立即退出，于是认为服务已经挂了。' }],
  [['daemonize2'], { summary: '`daemonize` 的变体，等应用加载完之后才转到后台，启动错误仍会显示在终端上。' }],
  [['uid'], { summary: '绑定 socket 之后 uWSGI 切换到的用户，可以是用户名或数字 id。以 root 启动而不设置它，应用会一直以 root 身份运行。' }],
  [['gid'], { summary: '绑定 socket 之后 uWSGI 切换到的用户组，可以是组名或数字 id。' }],
  [['umask'], { summary: '八进制的文件创建掩码，例如 `022`。读到这一行时就立即生效，所以 socket 和日志文件也都受它约束。' }],
  [['procname'], { summary: '让每个 uWSGI 进程在 `ps` 中显示这个固定的名字，而不是原来的命令行。' }],
  [['procname-prefix'], { summary: '在每个 uWSGI 进程名前面直接加上这段文字，例如在 `ps` 中区分多个实例。' }],
  [['procname-prefix-spaced'], { summary: '与 `procname-prefix` 相同，但在前缀和进程名之间加一个空格。' }],
  [['procname-master'], { summary: '只用于 master 进程的显示名称。' }],
  [['auto-procname'], { summary: '按角色重命名进程，例如 "uWSGI master" 和 "uWSGI worker 3"，让 `ps` 和 `top` 能看出谁是谁。' }],
  [['static-map'], { summary: '直接由 uWSGI 提供文件：`/static=/srv/app/static` 会用 `/srv/app/static/x.css` 响应 `/static/x.css`。加上 `offload-threads`，worker 就不会被发送文件占住。' }],
  [['static-map2'], { summary: '`static-map` 的变体，保留前缀：`/static=/srv/app` 会用 `/srv/app/static/x.css` 响应 `/static/x.css`。' }],
  [['static-expires'], { summary: '给文件系统路径匹配某个正则表达式的静态文件加上 Expires 头，写作 `regexp seconds`。' }],
  [['check-static'], { summary: '把这个目录当作文档根目录：其中存在与请求路径匹配的文件时直接发送，否则请求交给应用。' }],
  [['static-index'], { summary: '静态请求指向一个目录时发送的文件，例如 `index.html`。' }],
  [
    ['stats', 'stats-server'],
    {
      summary: '在 TCP `host:port` 或 UNIX socket 路径上打开统计服务器（stats server）。每个连接都会得到一份 worker、请求和内存情况的 JSON 快照，uwsgitop 读取的就是它。会开启 master。',
    },
  ],
  [['stats-http'], { summary: '在统计输出前加上 HTTP 头，这样可以用 curl 或浏览器查询统计地址。' }],
  [['memory-report'], { summary: '在请求日志行中加入内存数据。2.0.x 中是普通开关；2.1 中取 1 表示基本数据，取 2 还会加上 USS 和 PSS。' }],
  [['enable-metrics'], { summary: '开启指标子系统，维护有关请求、worker 和内存的计数器与仪表值，供统计服务器和采集器读取。会开启 master。' }],
  [
    ['env'],
    {
      summary: '把 `NAME=value` 导出到所有 uWSGI 进程的环境中；多个变量就重复这一行。',
      agent: '适合放探针设置，例如 `TING_YUN_CONFIG_FILE`：它们在应用加载之前就已设置，每个 worker 都会继承。',
    },
  ],
  [['set'], { summary: '在文件读取过程中设置一个选项或占位符，写作 `name=value`，之后的 `%(name)` 引用就能用到它。' }],
  [['set-placeholder', 'set-ph'], { summary: '定义一个 `%(name)` 占位符，写作 `name=value`，不会与同名的真实选项混淆。' }],
  [['declare-option'], { summary: '定义一个展开为其他选项的新选项，写作 `name=option1=value;option2=value`，`$1`、`$2` 等代表传给它的以空格分隔的各个词。' }],
  [['ini'], { summary: '在这个位置读取另一个 INI 文件，可以用 `path:section` 指定读取其中的某个段；单独写 `:section` 则读取当前文件的另一个段。' }],
  [['include'], { summary: '在这里引入另一个配置文件，按扩展名以 INI、YAML、JSON 或 XML 格式解析。' }],
  [['inherit'], { summary: '把另一个配置文件（按扩展名解析）用作这个文件的模板。它在这个文件之后与普通选项一起读取，而不是在这一行所在的位置。' }],
  [['strict'], { summary: '把任何未知的键都当作致命错误，而不是默默当作占位符，从而发现拼写错误。要把 `plugin` 行放在前面，否则尚未加载的插件的选项都会被视为未知。' }],
  [
    ['plugin', 'plugins'],
    {
      summary: '加载一个或多个插件（以逗号分隔），例如 `python3` 或 `gevent`。使用发行版软件包时，python 插件加载之前 Python 相关的选项都不存在，所以这一行要放在靠前的位置。',
    },
  ],
  [['plugin-dir', 'plugins-dir'], { summary: '添加一个目录，当 `plugin` 行写的插件名不带路径时，会在其中查找插件文件。' }],
  [['touch-reload'], { summary: '监视这个文件，每当它的修改时间变化时平滑重载实例；多个文件就重复这一行。', agent: reloadAgent }],
  [['touch-chain-reload'], { summary: '这个文件变化时，逐个替换 worker，始终有一部分 worker 在提供服务。只有开启 `lazy-apps` 时才会加载新代码。', agent: reloadAgent }],
  [['fs-reload'], { summary: '这个文件或目录变化时平滑重载，依靠内核的文件监控（Linux 上是 inotify）而不是轮询。', agent: reloadAgent }],
  [['spooler'], { summary: '启动一个 spooler：一个独立的进程，处理以文件形式排在这个目录中的后台任务，通常通过 `uwsgidecorators` 提交。', agent: forkedHelperAgent }],
  [['spooler-processes'], { summary: '每个 spooler 运行多少个进程，从而可以同时处理多个排队的任务。' }],
  [['mule'], { summary: '添加一个 mule：一个不处理请求、只处理信号、消息或以值给出的长时间运行脚本的进程；多个就重复写。', agent: forkedHelperAgent }],
  [['cron'], { summary: '让 master 按计划运行一个命令，写作 `minute hour day month weekday command`，其中 -1 表示任意值。' }],
  [['attach-daemon'], { summary: '让 master 启动这个命令，并在它退出时再次启动；命令必须在前台运行。' }],
  [['smart-attach-daemon'], { summary: '用于会自行转入后台的程序：写作 `pidfile command`，master 通过 pid 文件跟踪这个进程，重载时让它继续运行。' }],
  [['emperor'], { summary: '以 Emperor 模式运行 uWSGI：为这个目录或 glob（或其他来源）中找到的每个配置文件启动、监视和停止一个实例（vassal）。' }],
  [['vassals-include'], { summary: '把这个配置文件加到 Emperor 启动的每个 vassal 中，读取方式与 `include` 相同。' }],
  [['vassals-inherit'], { summary: '把这个配置文件作为 Emperor 启动的每个 vassal 的模板，读取方式与 `inherit` 相同。' }],
  [['vassals-set', 'vassal-set'], { summary: '在 Emperor 启动的每个 vassal 中设置一个选项，写作 `name=value`，就像每个 vassal 都有一行 `set`。' }],
  [['emperor-tyrant'], { summary: '以拥有配置文件的用户和组运行每个 vassal，这样多个用户可以在同一个 Emperor 下托管应用。' }],
  [['route'], { summary: '添加一条路由规则，写作 `regexp action`，与请求路径匹配；动作包括重写、重定向、添加响应头和固定响应。' }],
  [['route-host'], { summary: '添加一条路由规则，写作 `regexp action`，正则表达式与请求的主机名（Host 头）匹配。' }],
  [['route-uri'], { summary: '添加一条路由规则，写作 `regexp action`，与包括查询字符串在内的完整请求 URI 匹配。' }],
  [['response-route'], { summary: '添加一条在应用响应之后运行的路由规则，与请求路径匹配，例如用来调整响应头。' }],
  [['add-header'], { summary: '给每个响应加上这个头，写作 `Name: value`；多个头就重复这一行。' }],
  [['pidfile'], { summary: 'master 记录其进程 id 的文件路径，在 uWSGI 仍以初始权限运行时写入。' }],
  [['pidfile2'], { summary: '与 `pidfile` 相同，但在切换到非特权用户之后写入，文件归这个用户所有。' }],
  [['hook-pre-app'], { summary: '在加载应用之前运行一个钩子动作，例如 `exec:command` 或 `mkdir:path`。' }],
  [['hook-post-app'], { summary: '应用加载完之后立即运行一个钩子动作。' }],
  [['hook-as-root'], { summary: '在 uWSGI 仍是 root、即将降低权限之前运行一个钩子动作。' }],
  [['hook-as-user'], { summary: '在 uWSGI 切换到指定的 `uid` 和 `gid` 之后立即运行一个钩子动作。' }],
  [['hook-post-fork'], { summary: '在每个新进程派生出来后立即在其中运行一个钩子动作。' }],
  [['hook-accepting'], { summary: '在每个 worker 准备就绪、开始接受请求时，在其中运行一个钩子动作。' }],
  [['hook-master-start'], { summary: 'master 进程启动时运行一次钩子动作。' }],
];

export const UWSGI_OPTION_DOCS_ZH_CN: Readonly<Record<string, UwsgiOptionDoc>> = Object.fromEntries(
  GROUPS.flatMap(([names, doc]) => names.map((name) => [name, doc] as const)),
);
