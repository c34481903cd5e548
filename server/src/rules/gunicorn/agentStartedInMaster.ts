import type { PyValue } from '../../parse/gunicornPy';
import type { Range } from '../../text/lineIndex';
import { ScannedModule, appModulesOf, importTimeCode } from '../../model/appModules';
import { LineIndex } from '../../text/lineIndex';
import { basename } from '../../text/paths';
import { Finding, Fix, RelatedLocation, defineRule } from '../types';
import { quoted } from '../quoted';
import { NeedHolder, consequences, forAgents, needHolders } from '../agentNeeds';
import { renderText } from '../../l10n/message';
import { postForkHook } from './preloadApp';
import { callName, firstMatch, masterCode, masterHookAt, preloadOn, startedInWorkerHook } from './processModel';

interface AgentStartedInMasterData {
  /** The `preload_app = True` value a fix can turn off, when the finding is on it. */
  preload?: PyValue;
  /** The `post_fork` hook a fix can add: undefined when the config has one already, or is not the checked file. */
  hook?: string[];
}

/** Where an agent is started at import time in one of the app's modules. */
interface AppStart {
  holder: NeedHolder;
  path: string;
  range: Range;
  call: string;
}

/** The first start call of each agent in the code the app runs as it is imported. */
function appStarts(modules: readonly ScannedModule[], holders: readonly NeedHolder[]): AppStart[] {
  const codes = modules.map((module) => ({ module, code: importTimeCode(module.text) }));
  return holders.flatMap((holder): AppStart[] => {
    for (const { module, code } of codes) {
      const found = firstMatch(code, holder.agent.profile.startCalls);
      if (!found) continue;
      const index = new LineIndex(module.text);
      const call = callName(found.text);
      return [{ holder, path: module.path, range: { start: index.positionAt(found.start), end: index.positionAt(found.start + call.length) }, call }];
    }
    return [];
  });
}

export const agentStartedInMasterRule = defineRule({
  id: 'gunicorn/agent-started-in-master',
  fileKind: 'gunicorn-py',
  defaultSeverity: 'error',
  needs: ['gunicorn-start-after-fork'],
  docs: {
    summary: "The agent's background threads are started in Gunicorn's master, before the workers are forked.",
    details:
      'Gunicorn runs its config file, the `on_starting`, `on_reload`, `when_ready` and `pre_fork` hooks, and with ' +
      '`preload_app = True` (`--preload`) the whole app, in the master process, then forks the workers from it. A fork ' +
      'copies no threads: an agent whose exporter, harvest or sampling thread starts there (an OpenTelemetry ' +
      '`BatchSpanProcessor` or `MeterProvider`, New Relic\'s `register_application`, `pyroscope.configure`) is silent ' +
      'or deadlocks in every worker. Reported on the call when it is in the config, and on the preload setting when the ' +
      "app makes it as it is imported. Start the agent in a `post_fork` hook instead, which runs in each worker.",
    example: {
      file: 'gunicorn.conf.py',
      wrong: [
        'from opentelemetry.sdk.trace import TracerProvider',
        'from opentelemetry.sdk.trace.export import BatchSpanProcessor',
        'from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter',
        '',
        'workers = 4',
        '',
        'def when_ready(server):',
        '    provider = TracerProvider()',
        '    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))',
      ],
      right: [
        'workers = 4',
        '',
        'def post_fork(server, worker):',
        '    from opentelemetry.sdk.trace import TracerProvider',
        '    from opentelemetry.sdk.trace.export import BatchSpanProcessor',
        '    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter',
        '',
        '    provider = TracerProvider()',
        '    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))',
      ],
    },
    fix:
      'No fix moves the start-up code for you. When the config has no `post_fork` hook, a quick fix adds one that starts ' +
      'the agent in each worker, to fill in and then remove the call from the master; on the preload setting, another ' +
      'sets `preload_app = False`, so that the app, and the agent with it, is imported in each worker.',
    silence: 'When the call does not start the agent (a name that only looks like it), or the agent is restarted in each worker in a way pydeploy does not see.',
  },
  check: (document): Finding<AgentStartedInMasterData>[] => {
    const config = document.gunicorn;
    // An agent that needs no preloading at all is preload-app's to report: one finding per agent.
    const noPreload = new Set(needHolders(document, 'gunicorn-no-preload').map(({ agent }) => agent.profile.id));
    const holders = needHolders(document, 'gunicorn-start-after-fork').filter(({ agent }) => !noPreload.has(agent.profile.id));
    if (holders.length === 0) return [];
    // The hook the fix adds starts the finding's own agents.
    const canAddHook = config.checksFile && config.all('post_fork').length === 0;
    const hookFor = (starters: readonly NeedHolder[]) => (canAddHook ? postForkHook(starters) : undefined);
    const findings: Finding<AgentStartedInMasterData>[] = [];
    const reported = new Set<string>();
    if (config.checksFile) {
      // The config's own calls: one finding per call site, naming every agent it starts.
      const code = masterCode(config);
      const sites = new Map<number, { end: number; call: string; holders: NeedHolder[] }>();
      for (const holder of holders) {
        const found = firstMatch(code, holder.agent.profile.startCalls);
        if (!found) continue;
        const site = sites.get(found.start) ?? { end: found.end, call: callName(found.text), holders: [] };
        site.holders.push(holder);
        sites.set(found.start, site);
        reported.add(holder.agent.profile.id);
      }
      const { index } = config.module;
      for (const [start, site] of [...sites].sort(([a], [b]) => a - b)) {
        const inHook = masterHookAt(config, start);
        const where = inHook ? `\`${inHook}\`` : 'top level';
        findings.push(
          forAgents(
            { range: { start: index.positionAt(start), end: index.positionAt(start + site.call.length) }, message: `\`${site.call}\` runs in Gunicorn's master (${where}): ${renderText(consequences(site.holders), 'en')}.`, data: { hook: hookFor(site.holders) } },
            site.holders,
            document.path,
          ),
        );
      }
    }
    const preload = preloadOn(config);
    if (!preload || !config.isLocal(preload.binding.binding)) return findings;
    const candidates = holders.filter(({ agent }) => !reported.has(agent.profile.id) && !startedInWorkerHook(config, agent.profile));
    const starts = appStarts(appModulesOf(document) ?? [], candidates);
    if (starts.length === 0) return findings;
    const fromLaunch = preload.binding.binding.source === 'launch';
    const related: RelatedLocation[] = starts.map(({ path, range, call }) => ({ range, message: `\`${call}\` runs as ${basename(path)} is imported`, ...(path !== document.path ? { path } : {}) }));
    findings.push(
      forAgents(
        {
          range: preload.value.range,
          message: `${fromLaunch ? '`--preload`' : '`preload_app = True`'} imports the app, which starts the agent, in the master: ${renderText(consequences(starts.map(({ holder }) => holder)), 'en')}.`,
          related,
          data: { hook: hookFor(starts.map(({ holder }) => holder)), ...(preload.binding.binding.source === 'assignment' ? { preload: preload.value } : {}) },
        },
        starts.map(({ holder }) => holder),
        document.path,
      ),
    );
    return findings;
  },
  fixes: (_document, finding): Fix[] => {
    const fixes: Fix[] = [];
    if (finding.data.preload) {
      fixes.push({ title: `Set ${quoted('preload_app = False')}`, isPreferred: true, changes: [{ kind: 'replace', range: finding.data.preload.range, newText: 'False' }] });
    }
    if (finding.data.hook) {
      fixes.push({
        title: `Add a ${quoted('post_fork')} hook that starts the agent in each worker`,
        isPreferred: false,
        changes: [{ kind: 'append-block', key: 'post_fork', lines: finding.data.hook }],
      });
    }
    return fixes;
  },
});
