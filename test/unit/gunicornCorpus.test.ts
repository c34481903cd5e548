// Every real-world gunicorn config of the corpus (test/corpus/gunicorn) goes through the analysis under the path its
// project gives it: every finding of every rule is pinned as `file:line:col rule-id`, each read against its file once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { analyzeCorpusFile, corpusFiles, pinsOf } from '../helpers/corpus';

const files = corpusFiles('gunicorn');

const PINS = [
  // gunicorn/unknown-setting: names Gunicorn silently ignores: `debug` (no longer a setting; 015, 031, 032), `pid` (for `pidfile`;
  // 061, 069, 083), `name` (for `proc_name`; 074, 087), `access_logformat` and `access_logfile` (for
  // `access_log_format` and `accesslog`; 078), `timout` (082) and `worker = 3` (for `workers`; 090).
  'gunicorn/015-13033266796-Flask_demo-gunicorn_config.py:7:1 gunicorn/unknown-setting',
  'gunicorn/031-9Echo-single-gc-goods-allocation-gunicorn_config.py:28:1 gunicorn/unknown-setting',
  'gunicorn/032-A-Chrysand-Falcon_FileSharer-gunicorn_conf.py:10:1 gunicorn/unknown-setting',
  'gunicorn/061-Coder-Chandler-webbbs-gunicorn.config.py:3:1 gunicorn/unknown-setting',
  'gunicorn/069-Foreverjie-payApp-gunicorn.config.py:2:1 gunicorn/unknown-setting',
  'gunicorn/074-GlobalFinPrint-global_finprint-gunicorn.conf.py:1:1 gunicorn/unknown-setting',
  'gunicorn/078-HRLO77-snekbox-for-codejam-gunicorn.conf.py:4:1 gunicorn/unknown-setting',
  'gunicorn/078-HRLO77-snekbox-for-codejam-gunicorn.conf.py:5:1 gunicorn/unknown-setting',
  'gunicorn/082-Lactantius-agnosis-backend-gunicorn.config.py:7:1 gunicorn/unknown-setting',
  'gunicorn/083-LeungEr-flask_movies-gunicorn.config.py:2:1 gunicorn/unknown-setting',
  'gunicorn/087-Neeraj319-codeshare-gunicorn.config.py:3:1 gunicorn/unknown-setting',
  'gunicorn/090-SuLab-mark2cure-gunicorn.conf.py:5:1 gunicorn/unknown-setting',
  // gunicorn/preload-app: `preload_app = True`: the app, and the agent with it, loads in the master before the fork, and the
  // agent's thread does not reach the workers.
  'gunicorn/007-0xdeadbeefnetwork-sigil-web-gunicorn.conf.py:37:15 gunicorn/preload-app',
  'gunicorn/009-1021459016-ssl_monitor-gunicorn.conf.py:16:15 gunicorn/preload-app',
  'gunicorn/013-12345667789-alert_service-gunicorn.conf.py:9:15 gunicorn/preload-app',
  'gunicorn/033-ADVISE-AI-ai-backend-gunicorn_config.py:33:15 gunicorn/preload-app',
  'gunicorn/060-CHDR-Inventory-System-server-gunicorn.conf.py:30:15 gunicorn/preload-app',
  'gunicorn/070-Foxugly-PushIT_server-gunicorn.conf.py:16:15 gunicorn/preload-app',
  'gunicorn/079-Hedriss10-hub-banking-platform-gunicorn.conf.py:12:15 gunicorn/preload-app',
  // gunicorn/gevent-patch-order: `preload_app = True` with `worker_class = "gevent"` and no patch in the config (060): the app is
  // imported in the master before the gevent workers call `monkey.patch_all()`, so names it bound at import keep the
  // blocking socket and locks (seen on Gunicorn 20.1 with gevent 22.10: `from socket import socket` stays unpatched).
  'gunicorn/060-CHDR-Inventory-System-server-gunicorn.conf.py:30:15 gunicorn/gevent-patch-order',
  // gunicorn/ineffective-setting: `worker_connections` or `keepalive` next to an explicit `worker_class = "sync"` (007 with
  // `threads = 1`, which keeps it sync): the sync worker never reads them (shown on Gunicorn 20.1 in
  // test/differential/ineffectiveSettings.test.ts).
  'gunicorn/007-0xdeadbeefnetwork-sigil-web-gunicorn.conf.py:17:1 gunicorn/ineffective-setting',
  'gunicorn/009-1021459016-ssl_monitor-gunicorn.conf.py:13:1 gunicorn/ineffective-setting',
  'gunicorn/013-12345667789-alert_service-gunicorn.conf.py:6:1 gunicorn/ineffective-setting',
  'gunicorn/018-15bubbles-party-wall-django-gunicorn.conf.py:14:1 gunicorn/ineffective-setting',
  'gunicorn/018-15bubbles-party-wall-django-gunicorn.conf.py:16:1 gunicorn/ineffective-setting',
  'gunicorn/033-ADVISE-AI-ai-backend-gunicorn_config.py:8:1 gunicorn/ineffective-setting',
  'gunicorn/033-ADVISE-AI-ai-backend-gunicorn_config.py:14:1 gunicorn/ineffective-setting',
  'gunicorn/044-Anvill1-soloanvill.ru-gunicorn_conf.py:6:1 gunicorn/ineffective-setting',
  'gunicorn/044-Anvill1-soloanvill.ru-gunicorn_conf.py:8:1 gunicorn/ineffective-setting',
  'gunicorn/070-Foxugly-PushIT_server-gunicorn.conf.py:10:1 gunicorn/ineffective-setting',
  // gunicorn/async-worker: gevent or eventlet workers without `worker_connections` or `max_requests` (information). The one
  // gthread config (072) is not reported: each of its requests has a thread of its own.
  'gunicorn/001-0-ng-end_web-gunicorn.conf.py:2:16 gunicorn/async-worker',
  'gunicorn/004-0fatal-zjooc-server-gunicorn.conf.py:2:16 gunicorn/async-worker',
  'gunicorn/005-0x0208v0-mibiao-gunicorn.conf.py:3:16 gunicorn/async-worker',
  'gunicorn/006-0xCarti-InvoiceManager-gunicorn.conf.py:8:16 gunicorn/async-worker',
  'gunicorn/011-10mfox-Gethomepage-Tool-Box-gunicorn.conf.py:12:16 gunicorn/async-worker',
  'gunicorn/015-13033266796-Flask_demo-gunicorn_config.py:15:16 gunicorn/async-worker',
  'gunicorn/017-14Days-back_app-gunicorn.conf.py:2:16 gunicorn/async-worker',
  'gunicorn/023-23233-nsfw-gunicorn.conf.py:2:16 gunicorn/async-worker',
  'gunicorn/031-9Echo-single-gc-goods-allocation-gunicorn_config.py:25:16 gunicorn/async-worker',
  'gunicorn/042-AmberCrafter-react-flask-votesystem-gunicorn.conf.py:12:16 gunicorn/async-worker',
  'gunicorn/052-BBT-Tech-wechat-gunicorn_conf.py:4:16 gunicorn/async-worker',
  'gunicorn/055-BeckyArrowsmith-falcon-boilerplate-gunicorn.config.py:6:16 gunicorn/async-worker',
  'gunicorn/060-CHDR-Inventory-System-server-gunicorn.conf.py:23:16 gunicorn/async-worker',
  'gunicorn/067-EcologGit-Ecolog-gunicorn.conf.py:9:16 gunicorn/async-worker',
  'gunicorn/068-EladB1-someChat-gunicorn.config.py:14:16 gunicorn/async-worker',
  'gunicorn/075-GovReady-govready-deployments-gunicorn.conf.py:8:16 gunicorn/async-worker',
  'gunicorn/077-HBaena-flask-base-project-template-gunicorn.config.py:7:16 gunicorn/async-worker',
  'gunicorn/089-PabloL007-outpost-gunicorn.config.py:6:16 gunicorn/async-worker',
];

test('the real-world corpus: every finding of every rule is pinned, on the real mistakes only', () => {
  assert.equal(files.length, 90);
  const found: string[] = [];
  for (const file of files) {
    const analysis = analyzeCorpusFile(file);
    assert.ok(analysis, `${file.local} is not read`);
    found.push(...pinsOf(file, analysis));
  }
  assert.deepEqual([...found].sort(), [...PINS].sort());
});

test('the real-world corpus: what some pinned findings say', () => {
  const messagesOf = (prefix: string) => {
    const file = files.find((each) => each.local.startsWith(`gunicorn/${prefix}`))!;
    return diagnosticsOf(analyzeCorpusFile(file)!).map((d) => d.message);
  };
  assert.match(messagesOf('082-')[0], /`timout`.*`timeout`/);
  assert.match(messagesOf('090-')[0], /`worker`.*`workers`/);
  assert.match(messagesOf('068-')[0], /^a blocking call stalls every request an eventlet worker holds/);
});
