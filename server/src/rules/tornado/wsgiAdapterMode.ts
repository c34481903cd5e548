import { AgentConfig } from '../../model/agentConfig';
import { locateAgentConfig } from '../../model/agentConfigLocation';
import { tornadoWsgiDeployment } from '../../model/tornadoWsgi';
import { basename } from '../../text/paths';
import { parseAgentIni } from '../../parse/agentIni';
import type { Change } from '../change';
import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { message } from '../../l10n/message';

interface Data {
  agentPath: string;
  /** The existing `tornado_wsgi_adapter_mode` value, replaced by the fix; absent when the line is to be added. */
  valueRange?: Range;
}

const OPTION = 'tornado_wsgi_adapter_mode';

export const wsgiAdapterModeRule = defineRule<'uwsgi-ini' | 'gunicorn-py', Data>({
  id: 'tornado/wsgi-adapter-mode',
  fileKind: ['uwsgi-ini', 'gunicorn-py'],
  defaultSeverity: 'warning',
  needs: ['tornado-wsgi-adapter-mode'],
  docs: {
    summary: 'A Tornado app runs through WSGI, but the agent config does not turn on `tornado_wsgi_adapter_mode`.',
    details:
      "By default the agent instruments Tornado's own HTTP server and IOLoop. When uWSGI or Gunicorn serves a Tornado " +
      'app wrapped in `tornado.wsgi.WSGIAdapter`, or Gunicorn’s `tornado` worker runs a WSGI app through `WSGIContainer`, ' +
      'that server path is not the one requests take, and the agent needs `tornado_wsgi_adapter_mode = true` in `[tingyun]` ' +
      'to hook the WSGI entry instead. pydeploy finds the app module from `module`/`wsgi-file`/`mount` (uWSGI) or ' +
      '`wsgi_app` (Gunicorn) by reading the Python files, never running them, and the agent config from ' +
      '`TING_YUN_CONFIG_FILE` in `env`/`raw_env`, else the nearest `tingyun*.ini`. When either is not in the workspace ' +
      "the rule stays quiet. The fix edits the agent's config file.",
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'tornado_wsgi_adapter_mode = true'],
    },
    fix: 'The quick fix adds `tornado_wsgi_adapter_mode = true` to `[tingyun]` of the agent config the deployment uses (or sets it to true there). The example shows that file; the finding itself is reported on the uWSGI or Gunicorn config that loads the Tornado app.',
    silence: 'When the agent is configured through environment variables that pydeploy does not read.',
  },
  check: (document) => {
    const holders = needHolders(document, 'tornado-wsgi-adapter-mode');
    if (holders.length === 0) return [];
    const deployment = tornadoWsgiDeployment(document);
    if (!deployment) return [];
    const location = locateAgentConfig(document, document.workspace);
    if (location.status !== 'found') return [];
    const agent = new AgentConfig(parseAgentIni(location.text));
    const mode = agent.flag(OPTION, false);
    if (mode.value) return [];
    const file = basename(location.path);
    const state = mode.entry
      ? message(mode.readable ? 'tornado/wsgi-adapter-mode.sets' : 'tornado/wsgi-adapter-mode.unreadable', { option: OPTION, value: mode.entry.value })
      : message('tornado/wsgi-adapter-mode.not-set', { option: OPTION });
    return [
      forAgents(
        {
          range: deployment.range,
          message: message('tornado/wsgi-adapter-mode.found', { evidence: deployment.evidence, file, state, consequences: consequences(holders) }),
          data: { agentPath: location.path, valueRange: mode.entry?.valueRange },
        },
        holders,
        document.path,
      ),
    ];
  },
  fixes: (_document, finding) => {
    const { agentPath, valueRange } = finding.data;
    // A value that goes on over indented lines: replacing it would delete lines the user wrote; leave it to them.
    if (valueRange && valueRange.end.line !== valueRange.start.line) return [];
    const inner: Change = valueRange ? { kind: 'replace', range: valueRange, newText: 'true' } : { kind: 'set-ini-option', section: 'tingyun', key: OPTION, value: 'true' };
    return [{ title: message('tornado/wsgi-adapter-mode.fix', { setting: quoted(`${OPTION} = true`), file: basename(agentPath) }), isPreferred: true, changes: [{ kind: 'edit-file', path: agentPath, changes: [inner] }] }];
  },
});
