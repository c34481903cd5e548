import { defineRule } from '../types';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { agentImportLines, appStartsAgent } from '../../model/agents';
import type { AgentProfile } from '../../knowledge/agents';
import type { DocumentOfKind } from '../../model/document';
import { missingOption, requiredFlagFixes } from './requiredFlag';
import { message } from '../../l10n/message';

/**
 * Whether something starts the agent in uWSGI: an `import =` line of its modules, the app's own code, or its wrapper
 * on the launch (which `launch/agent-wrapper` reports when uWSGI does not support it). An app pydeploy cannot find
 * may start it, so it counts as starting it.
 */
function started(document: DocumentOfKind<'uwsgi-ini'>, profile: AgentProfile): boolean {
  const wrappers = document.uwsgi.launch?.commandLine.launch.wrappers ?? [];
  if (wrappers.some((wrapper) => profile.signals.wrappers.includes(wrapper.name))) return true;
  return agentImportLines(document.uwsgi, profile).length > 0 || appStartsAgent(document, profile) !== false;
}

export const agentImportRule = defineRule({
  id: 'uwsgi/agent-import',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  needs: ['uwsgi-import'],
  docs: {
    summary: 'Nothing starts the agent under uWSGI: no `import =` line for it, no import in the app.',
    details:
      'Some agents instrument a process only when a module of theirs is imported first: Datadog\'s `ddtrace.auto`. ' +
      'Under Gunicorn the `ddtrace-run` wrapper does it, but under uWSGI it is not supported, and Datadog asks for ' +
      'uWSGI\'s `import = ddtrace.auto` instead. The rule reports a config where the agent is used but neither an ' +
      '`import` line (or `pyimport`, `shared-import`...) nor the app\'s modules (the module uWSGI loads and those it ' +
      'imports, read as text) start it. A launch under the agent\'s wrapper is left to `launch/agent-wrapper`, and an ' +
      'app module pydeploy cannot find is given the benefit of the doubt. The fix adds the import line.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'enable-threads = true', 'lazy-apps = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'env = DD_SERVICE=myapp', 'enable-threads = true', 'lazy-apps = true', 'import = ddtrace.auto'],
    },
    fix: 'The quick fix adds `import = ddtrace.auto` (the agent\'s own start module) to `[uwsgi]`, or `--import ddtrace.auto` to a launch line that is the whole config.',
    silence: 'When the agent is started some way pydeploy does not read (a `sitecustomize` on the path, an import in code the app loads dynamically).',
  },
  check: (document) => {
    const unstarted = needHolders(document, 'uwsgi-import').filter(({ agent }) => !started(document, agent.profile));
    const module = unstarted.flatMap(({ agent }) => agent.profile.signals.uwsgiImports)[0];
    if (module === undefined) return [];
    const said = message('uwsgi/agent-import.missing', { module, consequences: consequences(unstarted) });
    return missingOption(document.uwsgi, 'import', said, { text: module, repeatable: true }).map((finding) => forAgents(finding, unstarted, document.path));
  },
  fixes: (_document, finding) => requiredFlagFixes(finding),
});
