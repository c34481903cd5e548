import type { SettingBinding } from '../../model/gunicornConfig';
import type { PyValue } from '../../parse/gunicornPy';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';
import { NeedHolder, consequences, forAgents, needHolders } from '../agentNeeds';
import { preloadOn, startedInWorkerHook } from './processModel';

interface PreloadAppData {
  setting: SettingBinding;
  value: PyValue;
  /** A post_fork hook exists already, so the fix can't add one. */
  hasPostFork: boolean;
  /** The lines of the `post_fork` hook that starts the agents in each worker. */
  hook: string[];
}

/**
 * The hook the fix adds: it runs in every worker right after the fork, and starts there each agent that needs it
 * (their `workerStart` lines, imports first).
 */
export function postForkHook(holders: readonly NeedHolder[]): string[] {
  const starts = holders.map(({ agent }) => agent.profile.workerStart).filter((lines) => lines.length > 0);
  const imports = [...new Set(starts.flatMap((lines) => lines.filter((line) => /^(import|from) /.test(line))))];
  const calls = starts.flatMap((lines) => lines.filter((line) => line !== '' && !/^(import|from) /.test(line)));
  return [
    'def post_fork(server, worker):',
    '    # Start the APM agent in each worker: a thread started in the master does not survive the fork.',
    ...imports.map((line) => `    ${line}`),
    ...(imports.length > 0 && calls.length > 0 ? [''] : []),
    ...calls.map((line) => `    ${line}`),
  ];
}

export const preloadAppRule = defineRule({
  id: 'gunicorn/preload-app',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'warning',
  needs: ['gunicorn-no-preload'],
  docs: {
    summary: '`preload_app = True` loads the app, and the agent with it, in the master before the workers are forked.',
    details:
      'With preloading, Gunicorn imports the app once in the master and forks the workers from it. The agent reports ' +
      'from a background thread, and a fork copies no threads: an agent started in the master stays silent in every ' +
      'worker. Either stop preloading (`preload_app = False`, the preferred fix), or keep it and start the agent in each ' +
      'worker from a `post_fork` hook (the other fix adds one). A `post_fork` or `post_worker_init` hook that already ' +
      'starts the agent silences the rule.',
    example: {
      file: 'gunicorn.conf.py',
      wrong: ["bind = \"0.0.0.0:8000\"", 'workers = 4', 'preload_app = True'],
      right: ["bind = \"0.0.0.0:8000\"", 'workers = 4', 'preload_app = False'],
    },
    fix: 'The preferred quick fix sets `preload_app = False`. The other one keeps preloading and adds a `post_fork` hook that starts the agent in each worker.',
    silence: 'When the agent is already started in each worker in a way pydeploy does not see.',
  },
  check: (document): Finding<PreloadAppData>[] => {
    const config = document.gunicorn;
    const state = preloadOn(config);
    if (!state || !config.isLocal(state.binding.binding)) return [];
    const holders = needHolders(document, 'gunicorn-no-preload');
    if (holders.length === 0) return [];
    if (holders.some(({ agent }) => startedInWorkerHook(config, agent.profile))) return [];
    const what = consequences(holders);
    const hook = postForkHook(holders);
    if (state.binding.binding.source === 'launch') {
      return [forAgents({ range: state.value.range, message: message('gunicorn/preload-app.launch', { consequences: what }), data: { setting: state.binding, value: state.value, hasPostFork: true, hook } }, holders, document.path)];
    }
    return [
      forAgents(
        {
          range: state.value.range,
          message: message('gunicorn/preload-app.setting', { consequences: what }),
          // Pointing at the name is worth it only when the value is not on the name's own line.
          related:
            state.binding.binding.nameRange.start.line === state.value.range.start.line
              ? undefined
              : [{ range: state.binding.binding.nameRange, message: message('gunicorn/preload-app.turned-on-here') }],
          data: { setting: state.binding, value: state.value, hasPostFork: config.all('post_fork').length > 0, hook },
        },
        holders,
        document.path,
      ),
    ];
  },
  fixes: (_document, finding): Fix[] => {
    // A flag of a launch line is left to the user: removing a word cleanly depends on the launch's syntax.
    if (finding.data.setting.binding.source === 'launch') return [];
    const fixes: Fix[] = [
      {
        title: message('gunicorn.fix-no-preload', { setting: quoted('preload_app = False') }),
        isPreferred: true,
        changes: [{ kind: 'replace', range: finding.data.value.range, newText: 'False' }],
      },
    ];
    if (!finding.data.hasPostFork) {
      fixes.push({
        title: message('gunicorn/preload-app.fix-post-fork', { hook: quoted('post_fork') }),
        isPreferred: false,
        changes: [{ kind: 'append-block', key: 'post_fork', lines: finding.data.hook }],
      });
    }
    return fixes;
  },
});
