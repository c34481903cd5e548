// Differential test: what uwsgi/fork-safety and uwsgi/master say about uWSGI itself, shown on the real uWSGI (Debian's
// 2.0.21, `npm run setup:system`). A tiny app registers an `os.register_at_fork` child hook (as Sentry, Elastic APM
// and OpenTelemetry do) and logs, as it loads, what ddtrace's own uWSGI check reads: `uwsgi.worker_id()`,
// `uwsgi.numproc` and whether `master` and `lazy-apps` are in `uwsgi.opt`. Each config runs until every worker is
// ready to accept (a `print` hook), and pydeploy's verdict on the same config is compared with what uWSGI did.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { Scratch, installedUwsgi, knowsOption, runUwsgi } from './uwsgiOracle';
import { unavailable } from '../helpers/unavailable';

const APP = [
  'import os',
  'import sys',
  'import uwsgi',
  '',
  'def log(line):',
  '    sys.stderr.write(line + "\\n")',
  '    sys.stderr.flush()',
  '',
  'os.register_at_fork(after_in_child=lambda: log("PROBE after-fork hook ran"))',
  'log("PROBE loaded worker_id=%d numproc=%d master=%s lazy-apps=%s" % (',
  '    uwsgi.worker_id(), uwsgi.numproc, "master" in uwsgi.opt, "lazy-apps" in uwsgi.opt))',
  '',
  'def application(environ, start_response):',
  "    start_response('200 OK', [])",
  "    return [b'ok']",
  '',
].join('\n');

const READY = 'PROBE accepting';

/** Runs a config until `workers` workers are ready to accept, and returns its PROBE lines. */
async function probe(scratch: Scratch, lines: readonly string[], workers: number): Promise<{ text: string; probes: string[] }> {
  const cwd = scratch.folder();
  writeFileSync(join(cwd, 'app.py'), APP);
  const text = ['[uwsgi]', 'plugin = python3', 'wsgi-file = app.py', ...lines, ''].join('\n');
  writeFileSync(join(cwd, 'uwsgi.ini'), text);
  const ready = (stderr: string) => stderr.split('\n').filter((line) => line === READY).length >= workers;
  const run = await runUwsgi(['--ini', 'uwsgi.ini', '--socket', join(cwd, 'oracle.sock'), '--hook-accepting', `print:${READY}`], { cwd, timeoutMs: 20_000, until: ready });
  assert.ok(ready(run.stderr), `uWSGI did not get ${workers} workers ready: ${run.stderr.slice(-600)}`);
  return { text, probes: run.stderr.split('\n').filter((line) => line.startsWith('PROBE ') && line !== READY) };
}

/** The rule ids pydeploy reports on a config, for a project that names `agent`. */
function reported(text: string, agent: string, rule: string): boolean {
  const analysis = analyze('/project/uwsgi.ini', text, { agents: [agent] });
  return (analysis?.findings ?? []).some((found) => found.rule.id === rule);
}

const installed = installedUwsgi();

if (!installed) {
  test('uWSGI agent fork checks', (t) => t.skip(unavailable('uwsgi (with its python3 plugin) is not installed', 'run npm run setup:system')));
} else {
  describe(`the agents' fork needs, on uWSGI ${installed}`, () => {
    test('py-call-uwsgi-fork-hooks exists from 2.0.21 on (a pinned 2.0.21 keeps the preferred fix)', async () => {
      const scratch = new Scratch();
      try {
        const cwd = scratch.folder();
        writeFileSync(join(cwd, 'base.ini'), '[uwsgi]\nplugin = python3\n');
        assert.equal(await knowsOption(join(cwd, 'base.ini'), 'py-call-uwsgi-fork-hooks', 'true', join(cwd, 'probe.ini'), cwd), true);
        assert.match(installed, /^2\.0\.21\b/);
      } finally {
        scratch.dispose();
      }
    });

    test('prefork mode runs no os.register_at_fork hook in the workers unless py-call-uwsgi-fork-hooks (with threads) is on', async () => {
      const scratch = new Scratch();
      try {
        const prefork = ['master = true', 'processes = 2', 'enable-threads = true'];
        const without = await probe(scratch, prefork, 2);
        assert.deepEqual(without.probes, ['PROBE loaded worker_id=0 numproc=2 master=True lazy-apps=False']);
        assert.equal(reported(without.text, 'sentry', 'uwsgi/fork-safety'), true);

        const hooks = await probe(scratch, [...prefork, 'py-call-uwsgi-fork-hooks = true'], 2);
        assert.deepEqual(hooks.probes, ['PROBE loaded worker_id=0 numproc=2 master=True lazy-apps=False', 'PROBE after-fork hook ran', 'PROBE after-fork hook ran']);
        assert.equal(reported(hooks.text, 'sentry', 'uwsgi/fork-safety'), false);

        // Without thread support uWSGI skips the hooks even with the option: uwsgi/enable-threads asks for threads.
        const noThreads = await probe(scratch, ['master = true', 'processes = 2', 'py-call-uwsgi-fork-hooks = true'], 2);
        assert.deepEqual(noThreads.probes, ['PROBE loaded worker_id=0 numproc=2 master=True lazy-apps=False']);
        assert.equal(reported(noThreads.text, 'sentry', 'uwsgi/enable-threads'), true);

        // With lazy-apps each worker loads the app (and the agent) itself, after the fork.
        const lazy = await probe(scratch, [...prefork, 'lazy-apps = true'], 2);
        assert.deepEqual(lazy.probes.sort(), ['PROBE loaded worker_id=1 numproc=2 master=True lazy-apps=True', 'PROBE loaded worker_id=2 numproc=2 master=True lazy-apps=True']);
        assert.equal(reported(lazy.text, 'sentry', 'uwsgi/fork-safety'), false);
      } finally {
        scratch.dispose();
      }
    });

    test("several processes without master or lazy-apps meet every condition of ddtrace's master check; master clears it", async () => {
      const scratch = new Scratch();
      try {
        const bare = await probe(scratch, ['processes = 2', 'enable-threads = true'], 2);
        // worker_id() == 0, numproc > 1, no lazy-apps and no master: ddtrace raises "master option must be enabled".
        assert.deepEqual(bare.probes, ['PROBE loaded worker_id=0 numproc=2 master=False lazy-apps=False']);
        assert.equal(reported(bare.text, 'datadog', 'uwsgi/master'), true);

        const master = await probe(scratch, ['processes = 2', 'enable-threads = true', 'master = true'], 2);
        assert.deepEqual(master.probes, ['PROBE loaded worker_id=0 numproc=2 master=True lazy-apps=False']);
        assert.equal(reported(master.text, 'datadog', 'uwsgi/master'), false);
      } finally {
        scratch.dispose();
      }
    });
  });
}
